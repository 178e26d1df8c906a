"""The WSGI entry and the server hooks that make stopping safe, for ours and anyone's gunicorn.

``create_app()`` is the factory gunicorn calls (``'bot.slack.wsgi:create_app()'``):
it builds everything ``monograph-bot slack --http`` builds and remembers, for the
hooks, the one thing a stopping worker must finish: its queue of acknowledged
answers. The hooks (used by ``gunicorn_conf`` and by ``server``) give each worker
read timeouts on its sockets, start its answer threads after the fork, turn SIGINT
into the same graceful stop as SIGTERM, and drain the queue within the grace period.
No gunicorn import here: the hooks take whatever gunicorn hands them.
"""

from __future__ import annotations

import logging
import signal
import socket
import struct
import sys
import time
from dataclasses import dataclass

from corpus.errors import BotError

from ..core import DEFAULT_K
from ..loading import describe
from .settings import DEFAULT_ENV_FILE, DEFAULT_READ_TIMEOUT, Options, Settings
from .web import EVENTS_PATH, SlackWeb
from .work import WorkQueue

WRITE_TIMEOUT = 10.0  # seconds a client may take to read our answer (SO_SNDTIMEO)

log = logging.getLogger("monograph-bot")


@dataclass
class Runtime:
    settings: Settings
    web: SlackWeb
    queue: WorkQueue
    description: str
    stop_began: float | None = None


_runtime: Runtime | None = None  # one per process: what this process's hooks drain


def build(options: Options) -> Runtime:
    """Settings, index, Bolt app, queue and WSGI app for serving over HTTP; remembered for the hooks."""
    from .app import prepare

    global _runtime
    settings, index, app, queue = prepare(options)
    _runtime = Runtime(settings, SlackWeb(app, settings.signing_secret), queue, describe(index))
    return _runtime


def create_app(corpus: str | None = None, k: int = DEFAULT_K, env_file: str = DEFAULT_ENV_FILE,
               index: str | None = None) -> SlackWeb:
    """gunicorn's factory: ``gunicorn -c python:bot.slack.gunicorn_conf 'bot.slack.wsgi:create_app()'``.

    A setting or corpus a person can fix is ``error: ...`` and exit status 2, as from the command.
    """
    try:
        return build(Options(corpus=corpus, k=k, http=True, env_file=env_file, index=index)).web
    except BotError as exc:
        print(f"error: {exc}", file=sys.stderr, flush=True)
        raise SystemExit(2) from None


def with_timeouts(sock: socket.socket, read_timeout: float = DEFAULT_READ_TIMEOUT) -> None:
    """Kernel read/write timeouts on a listening socket; Linux copies them to every accepted connection.

    gunicorn's threads read with blocking sockets and no timeout of their own, so a
    half-sent request or a Content-Length larger than its body would hold a thread
    for ever; with these, the read fails after ``read_timeout`` and the thread is freed.
    """
    for option, seconds in ((socket.SO_RCVTIMEO, read_timeout), (socket.SO_SNDTIMEO, WRITE_TIMEOUT)):
        whole = int(seconds)
        sock.setsockopt(socket.SOL_SOCKET, option, struct.pack("ll", whole, int((seconds - whole) * 1_000_000)))


def when_ready(server) -> None:
    """In the master, before the workers fork: HTTP_WORKERS applies when gunicorn's own ``-w``
    left the configuration's one worker; more than one worker without REDIS_URL stops here
    (each worker would remember only its own events and answer Slack's retries twice)."""
    if _runtime is not None:
        wanted = _runtime.settings.http_workers
        if server.num_workers == 1 and wanted > 1:
            server.num_workers = wanted
        if server.num_workers > 1 and _runtime.settings.redis_url is None:
            print(f"error: {server.num_workers} workers need REDIS_URL, so that they share what Slack has "
                  "already sent; set it, or run one worker", file=sys.stderr, flush=True)
            raise SystemExit(2)
    read_timeout = _runtime.settings.read_timeout if _runtime is not None else DEFAULT_READ_TIMEOUT
    for listener in server.LISTENERS:
        with_timeouts(listener.sock, read_timeout)
    if _runtime is not None:
        host, port = server.LISTENERS[0].sock.getsockname()[:2] if server.LISTENERS else ("?", "?")
        print(f"monograph-bot: answering from {_runtime.description} at http://{host}:{port}{EVENTS_PATH}",
              file=sys.stderr, flush=True)


def post_worker_init(worker) -> None:
    """In the worker, after the fork: start the answer threads; SIGTERM and SIGINT both stop gracefully."""
    if _runtime is None:
        return
    _runtime.queue.start()
    graceful = worker.handle_exit

    def stop(signum, frame):
        if _runtime.stop_began is None:
            _runtime.stop_began = time.monotonic()
            _runtime.web.stopping = True  # /healthz answers 503 from now on
        graceful(signum, frame)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)


def worker_exit(server, worker) -> None:
    """The worker serves no more requests: answer what it acknowledged, up to the grace period."""
    if _runtime is None:
        return
    began = _runtime.stop_began if _runtime.stop_began is not None else time.monotonic()
    pending = len(_runtime.queue)
    left = _runtime.queue.drain(_runtime.settings.shutdown_grace - (time.monotonic() - began))
    log.info("stopped: %d queued answers finished, %d not answered", pending - len(left), len(left))
