"""Slack settings, read once from the environment and ``.env`` into a frozen ``Settings``.

This is the one place that reads ``os.environ`` or ``.env`` (python-dotenv): every
other module is handed a ``Settings``. The environment wins over ``.env``, so a
deployment can override a developer's file without editing it.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dotenv.parser import parse_stream

from corpus.errors import ConfigError

DEFAULT_ENV_FILE = ".env"
DEFAULT_COMMAND = "/monograph"
DEFAULT_FEEDBACK_LOG = "var/feedback.jsonl"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
WHERE = "set it in the environment or in .env (see .env.example for every variable)"


@dataclass(frozen=True)
class Settings:
    bot_token: str
    signing_secret: str = ""  # HTTP mode only
    app_token: str = ""  # Socket Mode only
    api_url: str | None = None  # slack_sdk's base_url; None means Slack itself
    command: str = DEFAULT_COMMAND
    feedback_log: Path = Path(DEFAULT_FEEDBACK_LOG)
    log_level: str = "INFO"

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)


def read_env_file(path: str | Path) -> dict[str, str]:
    """``NAME=value`` lines of a dotenv file; a line that cannot be read is a ConfigError, not a traceback."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such settings file (copy .env.example to .env and fill it in)") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = "it is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror or str(exc)
        raise ConfigError(f"{path}: cannot be read as a settings file: {reason}") from None
    values: dict[str, str] = {}
    for binding in parse_stream(io.StringIO(text)):
        if binding.error:
            line = binding.original.string.strip()[:60]
            raise ConfigError(f"{path}, line {binding.original.line}: cannot read {line!r}; "
                              "write one NAME=value per line (see .env.example)")
        if binding.key and binding.value is not None:
            values[binding.key] = binding.value
    return values


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
    return Settings(
        bot_token=get("SLACK_BOT_TOKEN"),
        signing_secret=get("SLACK_SIGNING_SECRET") if http else "",
        app_token="" if http else get("SLACK_APP_TOKEN"),
        api_url=api_url,
        command=command,
        feedback_log=Path(get("FEEDBACK_LOG", DEFAULT_FEEDBACK_LOG)),
        log_level=level,
    )

