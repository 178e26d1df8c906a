"""The Slack bot's log: one line per event, no request bodies, no secrets, no forged lines.

Bolt and slack_sdk log whole request bodies (a refused signature, an unhandled
request, and everything at DEBUG) and slack_sdk's DEBUG shows the token, so both are
held at ERROR whatever LOG_LEVEL says; our own loggers follow LOG_LEVEL. A filter on
the handler then masks every configured secret and any Slack token shape, and escapes
line breaks inside a message, so text from a request can never start a log line of its
own. Tracebacks (ours) keep their lines.
"""

from __future__ import annotations

import logging
import re
import sys

THIRD_PARTY = ("slack_bolt", "slack_sdk", "urllib3", "redis")
TOKEN = re.compile(r"\bx(?:ox[abpres]|app)-[A-Za-z0-9-]{6,}")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class SafeText(logging.Filter):
    """Secrets masked, line breaks in the message escaped; the record's own traceback untouched."""

    def __init__(self, secrets: tuple[str, ...] = ()):
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[secret]")
        text = TOKEN.sub("[token]", text)
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = self.clean(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = "\n".join(self.clean(line) for line in record.exc_text.splitlines())
        return True


class QuietTimeouts(logging.Filter):
    """gunicorn logs a read timeout on a half-sent request as an error with a traceback: one INFO line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, (BlockingIOError, TimeoutError)):
            record.msg, record.args = "closed a connection whose request did not arrive in time", None
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def bolt_logger() -> logging.Logger:
    """The base logger Bolt copies into all of its own (it would copy the root's level otherwise)."""
    logger = logging.getLogger("slack_bolt.monograph")
    logger.setLevel(max(logging.ERROR, logging.getLogger().getEffectiveLevel()))
    return logger


def configure(level: str, secrets: tuple[str, ...] = ()) -> None:
    """Our log to stderr at ``level``; the Slack libraries at ERROR; the same filter on every line."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(SafeText(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in THIRD_PARTY:
        logging.getLogger(name).setLevel(max(logging.ERROR, logging.getLevelName(level)))
    for name in ("gunicorn.error", "gunicorn.access"):
        logger = logging.getLogger(name)
        logger.addFilter(QuietTimeouts())
        logger.addFilter(SafeText(secrets))
