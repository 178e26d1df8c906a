"""Slack settings, read once from the environment and ``.env`` into a frozen ``Settings``.

This is the one place that reads ``os.environ`` or ``.env`` (python-dotenv): every
other module is handed a ``Settings``. The environment wins over ``.env``, so a
deployment can override a developer's file without editing it.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv.parser import parse_stream

from corpus.errors import ConfigError

from ..core import DEFAULT_K

DEFAULT_ENV_FILE = ".env"
DEFAULT_COMMAND = "/monograph"
DEFAULT_FEEDBACK_LOG = "var/feedback.jsonl"
FEEDBACK_OFF = "off"  # FEEDBACK_LOG=off records no feedback at all
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_GRACE = 30.0  # seconds a stopping bot has to answer what it already acknowledged
MAX_GRACE = 3600.0
MAX_WORKERS = 64
DEFAULT_READ_TIMEOUT = 10.0  # seconds a connection may take to send each part of its request
WHERE = "set it in the environment or in .env (see .env.example for every variable)"


@dataclass(frozen=True)
class Settings:
    bot_token: str = field(repr=False)  # secrets stay out of any repr that reaches a log
    signing_secret: str = field(default="", repr=False)  # HTTP mode only
    app_token: str = field(default="", repr=False)  # Socket Mode only
    api_url: str | None = None  # slack_sdk's base_url; None means Slack itself
    command: str = DEFAULT_COMMAND
    feedback_log: Path | None = Path(DEFAULT_FEEDBACK_LOG)  # None: FEEDBACK_LOG=off
    log_level: str = "INFO"
    log_questions: bool = False  # LOG_QUESTIONS=1 adds each question to its event's log line
    redis_url: str | None = field(default=None, repr=False)  # may hold a password; claims shared by replicas; None keeps them in this process
    shutdown_grace: float = DEFAULT_GRACE
    http_workers: int = 1
    read_timeout: float = DEFAULT_READ_TIMEOUT
    thread_followups: bool = True  # THREAD_FOLLOWUPS=0: in channels, only mentions are answered
    channel_corpora: Path | None = None  # CHANNEL_CORPORA: the TOML map of channel -> corpus (channels.py)
    escalation_channel: str | None = None  # ESCALATION_CHANNEL: where "Ask a pharmacist" posts; None: no button

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Values the log must never show, whatever a library prints."""
        password = re.search(r"//[^:/@]*:([^@/]+)@", self.redis_url or "")
        return tuple(v for v in (self.bot_token, self.signing_secret, self.app_token,
                                 password.group(1) if password else "") if len(v) >= 4)


@dataclass(frozen=True)
class Options:
    """What ``monograph-bot slack`` was asked on its command line, as values (cli.py parses them)."""

    corpus: str | None = None
    k: int = DEFAULT_K
    http: bool = False
    index: str | None = None  # a saved index (``monograph-bot index build``) for the default corpus
    host: str = "127.0.0.1"
    port: int = 3000
    env_file: str | None = DEFAULT_ENV_FILE

    def __post_init__(self):
        if not 1 <= self.port <= 65535:  # checked before anything starts: no index, no call to Slack
            raise ConfigError(f"--port must be between 1 and 65535, got {self.port}")


def read_config_text(path: Path, what: str, missing: str) -> str:
    """A configuration file's text; missing, unreadable or not UTF-8 is a ConfigError naming it."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: {missing}") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = "it is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror or str(exc)
        raise ConfigError(f"{path}: cannot be read as {what}: {reason}") from None


def read_env_file(path: str | Path) -> dict[str, str]:
    """``NAME=value`` lines of a dotenv file; a line that cannot be read is a ConfigError, not a traceback."""
    path = Path(path)
    text = read_config_text(path, "a settings file", "no such settings file (copy .env.example to .env and fill it in)")
    values: dict[str, str] = {}
    for binding in parse_stream(io.StringIO(text)):
        if binding.error:
            line = binding.original.string.strip()[:60]
            raise ConfigError(f"{path}, line {binding.original.line}: cannot read {line!r}; "
                              "write one NAME=value per line (see .env.example)")
        if binding.key and binding.value is not None:
            values[binding.key] = binding.value
    return values


# the values .env.example ships with, which are not secrets but reminders to fill them in
EXAMPLE_PLACEHOLDERS = {"SLACK_BOT_TOKEN": "xoxb-your-bot-token", "SLACK_APP_TOKEN": "xapp-your-app-token",
                        "SLACK_SIGNING_SECRET": "your-signing-secret"}


def load_settings(env_file: str | Path | None = DEFAULT_ENV_FILE, *, http: bool,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Settings for ``monograph-bot slack``; ``http`` picks which secret is required.

    A missing default ``.env`` is fine (everything may come from the environment);
    a missing file named explicitly is an error.
    """
    environ = os.environ if environ is None else environ
    from_file: dict[str, str] = {}
    if env_file is not None:
        explicit = str(env_file) != DEFAULT_ENV_FILE
        if explicit or Path(env_file).is_file():
            from_file = read_env_file(env_file)

    def get(name: str, default: str = "") -> str:
        value = environ.get(name)
        if value is None or not value.strip():
            value = from_file.get(name, "")
        return value.strip() or default

    required = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET" if http else "SLACK_APP_TOKEN"]
    missing = [name for name in required if not get(name)]
    if missing:
        how = ("for HTTP mode (--http)" if http else
               "for Socket Mode (or run with --http and SLACK_SIGNING_SECRET for HTTP mode)")
        where = WHERE.replace("set it", "set them") if len(missing) > 1 else WHERE
        raise ConfigError(f"missing {', '.join(missing)} {how}: {where}")

    unfilled = [name for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")
                if get(name) and get(name) == EXAMPLE_PLACEHOLDERS.get(name) and (name in required)]
    if unfilled:  # copied from .env.example and not filled in: say so here, not as a failed call to Slack
        one = len(unfilled) == 1
        raise ConfigError(f"{', '.join(unfilled)} still {'holds' if one else 'hold'} .env.example's placeholder"
                          f"{'' if one else 's'}: paste the real {'value' if one else 'values'} from the app's page at "
                          "api.slack.com/apps into .env or the environment")

    api_url = get("SLACK_API_URL") or None
    if api_url is not None:
        if not api_url.startswith(("http://", "https://")):
            raise ConfigError(f"SLACK_API_URL must start with http:// or https://, got {api_url!r}")
        api_url = api_url if api_url.endswith("/") else api_url + "/"
    command = get("SLACK_COMMAND", DEFAULT_COMMAND)
    if not command.startswith("/") or len(command) < 2 or " " in command:
        raise ConfigError(f"SLACK_COMMAND must look like /monograph, got {command!r}")
    level = get("LOG_LEVEL", "INFO").upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, got {level!r}")
    redis_url = get("REDIS_URL") or None
    if redis_url is not None and not redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError("REDIS_URL must start with redis://, rediss:// or unix://")  # never echo it: it may hold a password
    workers = _number(get("HTTP_WORKERS", "1"), "HTTP_WORKERS", int, 1, MAX_WORKERS)
    if workers > 1 and redis_url is None:
        raise ConfigError("HTTP_WORKERS above 1 needs REDIS_URL: without it each worker remembers only "
                          "its own events and could answer a repeated one twice")
    feedback = get("FEEDBACK_LOG", DEFAULT_FEEDBACK_LOG)
    escalation = get("ESCALATION_CHANNEL") or None
    if escalation is not None and not re.fullmatch(r"[CG][A-Z0-9]{2,}", escalation):
        raise ConfigError(f"ESCALATION_CHANNEL must be a channel id (C... or G..., in the channel's details), "
                          f"got {escalation!r}")
    return Settings(
        bot_token=get("SLACK_BOT_TOKEN"),
        signing_secret=get("SLACK_SIGNING_SECRET") if http else "",
        app_token="" if http else get("SLACK_APP_TOKEN"),
        api_url=api_url,
        command=command,
        feedback_log=None if feedback.lower() == FEEDBACK_OFF else Path(feedback),
        log_level=level,
        log_questions=_flag(get("LOG_QUESTIONS", "0"), "LOG_QUESTIONS"),
        redis_url=redis_url,
        shutdown_grace=_number(get("SHUTDOWN_GRACE", str(DEFAULT_GRACE)), "SHUTDOWN_GRACE", float, 0, MAX_GRACE),
        http_workers=workers,
        read_timeout=_number(get("HTTP_READ_TIMEOUT", str(DEFAULT_READ_TIMEOUT)), "HTTP_READ_TIMEOUT", float, 0.1, 300),
        thread_followups=_flag(get("THREAD_FOLLOWUPS", "1"), "THREAD_FOLLOWUPS"),
        channel_corpora=Path(get("CHANNEL_CORPORA")) if get("CHANNEL_CORPORA") else None,
        escalation_channel=escalation,
    )


def _number(text: str, name: str, kind: type, low: float, high: float):
    try:
        value = kind(text)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise ConfigError(f"{name} must be a number from {low:g} to {high:g}, got {text!r}")
    return value


def _flag(text: str, name: str) -> bool:
    if text.lower() in ("1", "true", "yes", "on"):
        return True
    if text.lower() in ("0", "false", "no", "off", ""):
        return False
    raise ConfigError(f"{name} must be 1 or 0, got {text!r}")

