"""``monograph-bot slack``: the Bolt app, served in Socket Mode or by gunicorn over HTTP.

The ``App`` is built in ``build_app``, never at import time: its constructor calls
Slack (``auth.test``), which is also how the bot learns its own user id. It is built
with ``process_before_response``: listeners only claim and queue (``handlers``), so
the acknowledgement never waits behind answers, and Bolt's own signature check is off
because ``web.SlackWeb`` checks first without logging bodies. Either mode stops the
same way on SIGTERM or SIGINT: take no new work, drain the queue within the grace
period, log what could not be answered, exit 0.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from index import Index

from ..core import DEFAULT_K
from ..loading import describe, load_index, warm_up
from . import logs
from .channels import Corpora, load_corpora
from .delivery import web_client
from .handlers import SlackBot
from .settings import ConfigError, Options, Settings, load_settings
from .state import FeedbackLog
from .work import WorkQueue

log = logging.getLogger("monograph-bot")


STARTUP_RETRIES = 1  # a person is waiting at the terminal: fail in seconds, not after the full backoff


def check_token(client: WebClient) -> None:
    """auth.test before Bolt calls it: a refused token and an unavailable Slack are different errors."""
    try:
        web_client(client.token, client.base_url, retries=STARTUP_RETRIES).auth_test()
    except SlackApiError as exc:
        status = exc.response.status_code
        if status == 429 or status >= 500:
            raise ConfigError(f"Slack is unavailable (auth.test answered HTTP {status} after retries); "
                              "try again shortly") from None
        raise ConfigError(f"Slack refused SLACK_BOT_TOKEN ({exc.response.get('error', status)}): "
                          "use the app's Bot User OAuth Token (xoxb-...)") from None
    except OSError as exc:
        raise ConfigError(f"cannot reach Slack at {client.base_url}: {getattr(exc, 'reason', exc)}") from None


def claims_for(settings: Settings):
    """Redis claims when REDIS_URL is set (checked now), else None: the process's own memory."""
    if not settings.redis_url:
        return None
    from .claims import RedisClaims

    claims = RedisClaims(settings.redis_url)
    claims.check()
    return claims


def build_app(settings: Settings, client: WebClient | None = None, *, index: Index | None = None,
              k: int = DEFAULT_K, queue: WorkQueue | None = None, claims=None, corpora: Corpora | None = None) -> App:
    """The Bolt app with every listener registered; calls ``auth.test``. ``queue`` is where answers wait.

    Bolt's signature check is off: serve this app over HTTP only behind ``web.SlackWeb``
    (which checks first), or in Socket Mode, which has no signatures.
    """
    client = client if client is not None else web_client(settings.bot_token, settings.api_url)
    if corpora is None:
        corpora = load_corpora(index if index is not None else load_index(), settings.channel_corpora)
    check_token(client)
    app = App(name="slack_bolt.monograph-bot", client=client, signing_secret=settings.signing_secret or "unused",
              request_verification_enabled=False, process_before_response=True, logger=logs.bolt_logger())
    queue = queue if queue is not None else WorkQueue(log_questions=settings.log_questions)
    SlackBot(corpora, k, FeedbackLog(settings.feedback_log), queue, claims, followups=settings.thread_followups,
             escalation_channel=settings.escalation_channel).register(app, settings.command)
    return app


def prepare(options: Options) -> tuple[Settings, Index, App, WorkQueue]:
    """Everything before serving, in the order that fails fastest: settings, log, Redis, indexes, Slack.

    Every corpus (the default and each channel's) is built here, once, before the bot listens.
    """
    settings = load_settings(options.env_file, http=options.http)
    logs.configure(settings.log_level, settings.secrets)
    claims = claims_for(settings)
    index = load_index(options.corpus, options.index)  # a restart loads a saved index instead of rebuilding
    corpora = load_corpora(index, settings.channel_corpora)
    for built in {id(ix): ix for ix in [index, *corpora.channels.values()]}.values():
        warm_up(built)  # the first emergency in a library does not wait (it finishes before gunicorn forks)
    queue = WorkQueue(log_questions=settings.log_questions)
    app = build_app(settings, index=index, k=options.k, queue=queue, claims=claims, corpora=corpora)
    return settings, index, app, queue


def run_slack(options: Options) -> int:
    if options.http:
        from .server import serve_http

        return serve_http(options)
    settings, index, app, queue = prepare(options)
    return _run_socket_mode(app, settings, index, queue)


def _run_socket_mode(app: App, settings: Settings, index: Index, queue: WorkQueue) -> int:
    from slack_bolt.adapter.socket_mode.builtin import SocketModeHandler

    handler = SocketModeHandler(app, settings.app_token)
    try:
        handler.connect()
    except SlackApiError as exc:
        raise ConfigError(f"Slack refused SLACK_APP_TOKEN ({exc.response.get('error')}): it needs connections:write "
                          "and Socket Mode turned on for the app") from None
    except OSError as exc:
        raise ConfigError(f"cannot reach Slack at {app.client.base_url}: {getattr(exc, 'reason', exc)}") from None
    queue.start()
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    print(f"monograph-bot: answering from {describe(index)} in Socket Mode", file=sys.stderr, flush=True)
    while not stop.wait(0.5):
        pass
    began = time.monotonic()
    log.info("stopping: closing the Socket Mode connection, then answering %d queued events", len(queue))
    handler.close()  # unacknowledged envelopes go back to Slack for another connection
    left = queue.drain(settings.shutdown_grace - (time.monotonic() - began))
    log.info("stopped (%d not answered)", len(left))
    return 0
