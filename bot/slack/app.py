"""``monograph-bot slack``: the Bolt app, served in Socket Mode or over HTTP.

The ``App`` is built in ``build_app``, never at import time: its constructor calls
Slack (``auth.test``), which is also how the bot learns its own user id. HTTP mode
uses a small threaded server of our own rather than ``App.start``, which serves one
request at a time from a five-connection backlog and always binds every interface.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from slack_bolt import App, BoltRequest
from slack_bolt.error import BoltError as SlackBoltError
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from index import Index

from ..core import DEFAULT_K
from ..loading import describe, load_index
from .handlers import SlackBot
from .settings import ConfigError, Settings, load_settings
from .state import FeedbackLog

EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1_000_000  # Slack's payloads are a few kilobytes
LISTENER_THREADS = 16  # answers being composed and posted at once

log = logging.getLogger("monograph-bot")


class _SameToken(logging.Filter):
    """Bolt also reads SLACK_BOT_TOKEN itself, then warns that the client's token wins: it is the same token."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


logging.getLogger("slack_bolt.App").addFilter(_SameToken())


def build_app(settings: Settings, client: WebClient | None = None, *, index: Index | None = None,
              k: int = DEFAULT_K) -> App:
    """The Bolt app with every listener registered; calls ``auth.test`` once."""
    if client is None:
        client = WebClient(token=settings.bot_token, **({"base_url": settings.api_url} if settings.api_url else {}))
    index = index if index is not None else load_index()
    try:
        app = App(
            name="monograph-bot",
            client=client,
            signing_secret=settings.signing_secret,
            request_verification_enabled=not settings.socket_mode,  # Socket Mode has no signatures
            listener_executor=ThreadPoolExecutor(LISTENER_THREADS, thread_name_prefix="slack-answer"),
        )
    except SlackBoltError as exc:  # Bolt's auth.test failed; its message carries Slack's error code
        code = re.search(r"'error': '([^']+)'", str(exc))
        raise ConfigError(f"Slack refused SLACK_BOT_TOKEN ({code.group(1) if code else exc}): "
                          "use the app's Bot User OAuth Token (xoxb-...)") from None
    except OSError as exc:
        raise ConfigError(f"cannot reach Slack at {client.base_url}: {getattr(exc, 'reason', exc)}") from None
    SlackBot(index, k, FeedbackLog(settings.feedback_log)).register(app, settings.command)
    return app


class _EventsHandler(BaseHTTPRequestHandler):
    server: "EventsServer"
    server_version = "monograph-bot"

    def do_POST(self) -> None:
        path, _, query = self.path.partition("?")
        if path != EVENTS_PATH:
            return self._send(404, {}, "not found")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY_BYTES:
            return self._send(413 if length > 0 else 400, {}, "bad length")
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        headers = {name.lower(): value for name, value in self.headers.items()}
        response = self.server.app.dispatch(BoltRequest(body=body, query=query, headers=headers))
        self._send(response.status, response.headers, response.body)

    def _send(self, status: int, headers: dict, body: str | bytes) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body or b""
        self.send_response(status)
        for name, values in headers.items():
            if name.lower() != "content-length":
                for value in values if isinstance(values, (list, tuple)) else [values]:
                    self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:
        log.debug("%s " + format, self.address_string(), *args)


class EventsServer(ThreadingHTTPServer):
    """Slack's Events API over HTTP at ``/slack/events``, one thread per request."""

    daemon_threads = True
    request_queue_size = 512  # bursts of events must queue, not be refused

    def __init__(self, app: App, host: str, port: int):
        self.app = app
        super().__init__((host, port), _EventsHandler)


def make_server(app: App, host: str = "127.0.0.1", port: int = 3000) -> EventsServer:
    try:
        return EventsServer(app, host, port)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def run_slack(args: argparse.Namespace) -> int:
    settings = load_settings(args.env_file, http=args.http)
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    index = load_index(args.corpus)
    app = build_app(settings, index=index, k=args.k)
    if settings.socket_mode:
        return _run_socket_mode(app, settings, index)
    server = make_server(app, args.host, args.port)
    host, port = server.server_address[:2]
    print(f"monograph-bot: answering from {describe(index)} at http://{host}:{port}{EVENTS_PATH}",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
    return 0


def _run_socket_mode(app: App, settings: Settings, index: Index) -> int:
    from slack_bolt.adapter.socket_mode.builtin import SocketModeHandler

    handler = SocketModeHandler(app, settings.app_token)
    try:
        handler.connect()
    except SlackApiError as exc:
        raise ConfigError(f"Slack refused SLACK_APP_TOKEN ({exc.response.get('error')}): it needs connections:write "
                          "and Socket Mode turned on for the app") from None
    except OSError as exc:
        raise ConfigError(f"cannot reach Slack at {app.client.base_url}: {getattr(exc, 'reason', exc)}") from None
    print(f"monograph-bot: answering from {describe(index)} in Socket Mode", file=sys.stderr, flush=True)
    try:
        threading.Event().wait()
    finally:
        handler.close()
    return 0
