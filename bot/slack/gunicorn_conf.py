"""gunicorn settings for the Slack bot, for ``-c python:bot.slack.gunicorn_conf`` and for ``server``.

Why these: one process (the dedupe memory is per process unless REDIS_URL is set) with
threads that only verify, claim and queue, so 32 cover any burst Slack sends; the
answers have their own threads (``work``). Timeouts bound every phase: a request's
bytes (HTTP_READ_TIMEOUT, set on the sockets by ``wsgi.when_ready``), an idle keep-alive connection, a silent
worker, and the stop: ``graceful_timeout`` is the drain's grace plus a margin so the
master never kills a worker that is still finishing acknowledged answers. Header limits
are gunicorn's, tightened: Slack sends a handful of short headers.
"""

from bot.slack.settings import DEFAULT_GRACE
from bot.slack.wsgi import post_worker_init, when_ready, worker_exit  # noqa: F401  (gunicorn hooks)

STOP_MARGIN = 5  # seconds beyond the grace period before the master kills a worker

bind = "127.0.0.1:3000"
workers = 1
worker_class = "gthread"
threads = 32
worker_connections = 1000  # connections held at once per worker; the rest wait in the backlog
backlog = 2048
timeout = 30  # a worker silent this long is restarted
keepalive = 5
graceful_timeout = int(DEFAULT_GRACE) + STOP_MARGIN
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190
preload_app = True  # build the index once, before the workers fork
accesslog = None  # Slack's requests carry user ids and questions in their bodies; paths say nothing useful
errorlog = "-"
control_socket_disable = True  # gunicorn >= 25 opens a control socket in $HOME otherwise


def options(**overrides) -> dict:
    """These settings as a dict (for ``server``), with ``overrides`` applied."""
    names = ("bind", "workers", "worker_class", "threads", "worker_connections", "backlog", "timeout", "keepalive",
             "graceful_timeout", "limit_request_line", "limit_request_fields", "limit_request_field_size",
             "preload_app", "accesslog", "errorlog", "control_socket_disable")
    values = {name: globals()[name] for name in names}
    values.update(when_ready=when_ready, post_worker_init=post_worker_init, worker_exit=worker_exit)
    values.update(overrides)
    return values
