"""The HTTP door as a WSGI app: Bolt's own ``SlackRequestHandler`` behind a guard.

The guard answers everything Bolt should never see: a path other than
``/slack/events`` (404), ``GET /healthz`` (200 while serving, 503 once stopping, for
load balancers), a missing, odd or oversized Content-Length (411, 400, 413), a body
that does not arrive in time (408), a bad or stale signature (401) and a signed body
that is not a JSON object (400). The signature is checked here, before anything is
parsed or logged, so an unsigned request costs one HMAC and leaves no trace of its
body in the log; Bolt's own check, which logs the body it refuses, is turned off.
"""

from __future__ import annotations

import hmac
import io
import json
import logging
import time
from hashlib import sha256
from urllib.parse import parse_qs

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY_BYTES = 1_000_000  # Slack's payloads are a few kilobytes; a button's carries its message
MAX_SKEW = 5 * 60  # seconds between Slack's timestamp and ours before a request counts as replayed

log = logging.getLogger("monograph-bot.slack.http")


class BodyTimeout(Exception):
    """The client announced more bytes than it sent in time."""


class SlackWeb:
    """``SlackWeb(app, signing_secret)`` is the WSGI application; ``stopping`` turns /healthz to 503."""

    def __init__(self, app: App, signing_secret: str):
        self.bolt = SlackRequestHandler(app, EVENTS_PATH)
        self.secret = signing_secret.encode()
        self.stopping = False

    def __call__(self, environ, start_response):
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "")
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            return _plain(start_response, 503 if self.stopping else 200, "stopping" if self.stopping else "ok")
        if path != EVENTS_PATH:
            return _plain(start_response, 404, "not found")
        if method != "POST":
            return _plain(start_response, 405, "POST only", [("Allow", "POST")])
        raw = environ.get("CONTENT_LENGTH")
        if not raw:
            return _plain(start_response, 411, "Content-Length required")
        if not raw.isdigit() or len(raw) > 12:
            return _plain(start_response, 400, "bad Content-Length")
        if int(raw) > MAX_BODY_BYTES:
            return _plain(start_response, 413, f"body over {MAX_BODY_BYTES} bytes")
        try:
            body = _read(environ["wsgi.input"], int(raw))
        except BodyTimeout:
            return _plain(start_response, 408, "body not received in time")
        problem = self.refuse(body, environ)
        if problem:
            status, reason = problem
            log.info("refused a request: %s (%d)", reason, status)  # never the body
            return _plain(start_response, status, reason)
        environ["wsgi.input"] = io.BytesIO(body)
        try:
            return self.bolt(environ, start_response)
        except Exception as exc:  # a signed payload Bolt cannot read: name it, no traceback
            log.warning("refused a signed request Bolt could not read (%s)", type(exc).__name__)
            return _plain(start_response, 400, "unreadable payload")

    def refuse(self, body: bytes, environ) -> tuple[int, str] | None:
        """Why this request is not Slack's (status, reason), or None."""
        timestamp, signature = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", ""), environ.get("HTTP_X_SLACK_SIGNATURE", "")
        if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12 or not signature:
            return 401, "unsigned"
        if abs(time.time() - int(timestamp)) > MAX_SKEW:
            return 401, "stale timestamp"
        expected = "v0=" + hmac.new(self.secret, b"v0:" + timestamp.encode() + b":" + body, sha256).hexdigest()
        if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
            return 401, "bad signature"
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return 400, "not UTF-8"
        if not isinstance(payload(text, environ.get("CONTENT_TYPE", "")), dict):
            return 400, "not a JSON object"
        return None


def payload(text: str, content_type: str):
    """The body as Bolt will read it (JSON, or a form whose ``payload`` is JSON); None if unreadable."""
    try:
        if "application/json" in content_type or text.lstrip().startswith("{"):
            return json.loads(text)
        form = parse_qs(text, max_num_fields=1000)
        if "payload" in form:
            return json.loads(form["payload"][0])
        return form
    except (ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
        return None


def _read(stream, length: int) -> bytes:
    """Exactly ``length`` bytes; the socket's read timeout (set by the server) ends a stalled body."""
    chunks, left = [], length
    try:
        while left > 0:
            chunk = stream.read(min(left, 65536))
            if not chunk:
                raise BodyTimeout
            chunks.append(chunk)
            left -= len(chunk)
    except (OSError, ValueError) as exc:  # BlockingIOError/TimeoutError from the timeout, a reset
        raise BodyTimeout from exc
    return b"".join(chunks)


def _plain(start_response, status: int, text: str, headers: list | None = None) -> list[bytes]:
    data = (text + "\n").encode()
    reason = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
              408: "Request Timeout", 411: "Length Required", 413: "Content Too Large",
              503: "Service Unavailable"}[status]
    start_response(f"{status} {reason}", [("Content-Type", "text/plain; charset=utf-8"),
                                          ("Content-Length", str(len(data))), *(headers or [])])
    return [data]
