"""``monograph-bot slack --http``: gunicorn, started from inside the command.

gunicorn rather than uvicorn: the Bolt app and the answering core are synchronous,
and Bolt's ASGI adapter for a sync app would run them on the event loop; gunicorn's
threaded worker runs Bolt's WSGI adapter as documented, and brings what
``http.server`` lacked: a bounded thread pool, keep-alive and worker timeouts, header
limits, worker supervision and a graceful stop with hooks. The settings and hooks are
shared with anyone who runs gunicorn themselves (``gunicorn_conf``, ``wsgi``).
``gunicorn`` enters the project only here.
"""

from __future__ import annotations

import socket

from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter

from . import gunicorn_conf
from .settings import ConfigError, Options
from .wsgi import build


class _Arbiter(Arbiter):
    """SIGINT (Ctrl-C) stops as gracefully as SIGTERM: acknowledged answers are finished, not dropped."""

    def handle_int(self):
        self.handle_term()


class _Server(BaseApplication):
    def __init__(self, app, settings: dict):
        self.app, self.settings = app, settings
        super().__init__()

    def load_config(self):
        for name, value in self.settings.items():
            if name in self.cfg.settings:  # a setting this gunicorn does not know is left out
                self.cfg.set(name, value)

    def load(self):
        return self.app

    def run(self):
        _Arbiter(self).run()


def check_port(host: str, port: int) -> None:
    """Fail in a second with a clear error, before the index is built, when the address is taken or wrong."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(infos[0][4])
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve_http(options: Options) -> int:
    check_port(options.host, options.port)
    runtime = build(options)
    settings = runtime.settings
    host = f"[{options.host}]" if ":" in options.host else options.host
    _Server(runtime.web, gunicorn_conf.options(
        bind=f"{host}:{options.port}", workers=settings.http_workers, loglevel=settings.log_level.lower(),
        graceful_timeout=int(settings.shutdown_grace) + gunicorn_conf.STOP_MARGIN)).run()
    return 0
