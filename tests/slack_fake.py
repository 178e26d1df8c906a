"""A local, recording fake of Slack for the Slack tests: no network, no sleeps.

``FakeSlack`` answers the Web API methods the bot calls (as bolt-python's own
``tests/mock_web_api_server`` does) and the ``response_url`` of slash commands and
buttons, keeps the messages of each channel so ``conversations.replies`` reads a real
thread back, and lets a test wait for calls with a timeout. ``FakeSocketMode`` is a
minimal WebSocket endpoint for the URL ``apps.connections.open`` returns.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import os
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import ThreadingMixIn
from urllib.parse import parse_qsl, urlencode, urlparse
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

BOT_USER = "UBOT"
BOT_ID = "BBOT"
TEAM = "T1"
SECRET = "s"
WAIT = 15  # seconds any single wait may take before the test fails
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class FakeSlack:
    def __init__(self):
        self.calls: list[tuple[str, dict]] = []
        self.channels: dict[str, list[dict]] = {}
        self.errors: dict[str, str] = {}  # method -> the error Slack answers with
        # method -> (status, headers, body) answered to its next calls, in order, before it succeeds
        self.script: dict[str, list[tuple[int, dict, dict]]] = {}
        self.hold = threading.Event()  # set: chat.postMessage waits (unrecorded) until released
        self.socket_url: str | None = None
        self._cond = threading.Condition()
        self._release = threading.Event()
        self._clock = itertools.count(1)
        self.server = _Server(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.api_url = self.url + "/api/"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._release.set()
        self.server.shutdown()
        self.server.server_close()

    # what a test reads and waits for

    def calls_to(self, method: str) -> list[dict]:
        with self._cond:
            return [args for name, args in self.calls if name == method]

    def wait_for(self, predicate, timeout: float = WAIT):
        """Wait until ``predicate()`` is truthy (re-checked on every call the fake receives)."""
        with self._cond:
            result = self._cond.wait_for(predicate, timeout)
        assert result, f"timed out after {timeout}s; calls: {[name for name, _ in self.calls]}"
        return result

    def wait_calls(self, method: str, count: int = 1, timeout: float = WAIT) -> list[dict]:
        self.wait_for(lambda: len(self.calls_to(method)) >= count, timeout)
        return self.calls_to(method)

    def add_message(self, channel: str, text: str, user: str = "UALICE", thread_ts: str | None = None) -> str:
        """A person's message, as Slack would store it; returns its ts."""
        message = {"type": "message", "user": user, "text": text, "ts": self.new_ts()}
        if thread_ts:
            message["thread_ts"] = thread_ts
        with self._cond:
            self.channels.setdefault(channel, []).append(message)
        return message["ts"]

    def new_ts(self) -> str:
        return f"{1_700_000_000 + next(self._clock)}.000100"

    # the Web API

    def handle(self, method: str, args: dict):
        """Slack's answer: a body, or (status, headers, body) for a scripted failure (recorded as "method status")."""
        if method == "chat.postMessage" and self.hold.is_set():
            self._release.wait(WAIT)
            return 500, {}, {"ok": False, "error": "held"}
        with self._cond:
            scripted = self.script.get(method)
            failure = scripted.pop(0) if scripted else None
            self.calls.append((f"{method} {failure[0]}" if failure else method, args))
            self._cond.notify_all()
        if failure:
            return failure
        if method in self.errors:
            return {"ok": False, "error": self.errors[method]}
        if method == "auth.test":
            return {"ok": True, "url": "https://fake.slack.test/", "team": "Fake", "user": "monograph",
                    "team_id": TEAM, "user_id": BOT_USER, "bot_id": BOT_ID}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.socket_url} if self.socket_url else {"ok": False, "error": "no_socket"}
        if method == "chat.postMessage":
            message = {"type": "message", "user": BOT_USER, "bot_id": BOT_ID, "ts": self.new_ts(),
                       "text": args.get("text", ""), "blocks": args.get("blocks", [])}
            if args.get("thread_ts"):
                message["thread_ts"] = args["thread_ts"]
            with self._cond:
                self.channels.setdefault(args.get("channel", ""), []).append(message)
            return {"ok": True, "channel": args.get("channel"), "ts": message["ts"], "message": message}
        if method == "conversations.replies":
            with self._cond:
                thread = [m for m in self.channels.get(args.get("channel", ""), [])
                          if args.get("ts") in (m["ts"], m.get("thread_ts"))]
            return {"ok": True, "messages": sorted(thread, key=lambda m: float(m["ts"])), "has_more": False}
        if method == "chat.getPermalink":
            ts, channel = args.get("message_ts", ""), args.get("channel", "")
            with self._cond:
                found = next((m for m in self.channels.get(channel, []) if m["ts"] == ts), None)
            if found is None:
                return {"ok": False, "error": "message_not_found"}
            link = f"https://fake.slack.test/archives/{channel}/p{ts.replace('.', '')}"
            if found.get("thread_ts"):
                link += f"?thread_ts={found['thread_ts']}&cid={channel}"
            return {"ok": True, "channel": channel, "permalink": link}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self.new_ts()}
        return {"ok": True}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # the bot's bursts must queue here, as they would at Slack, not be reset

    def handle_error(self, request, client_address):
        """A bot that stopped mid-request (a held reply, a SIGTERM) is expected here, not a test failure."""


def _handler(fake: FakeSlack):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlparse(self.path)
            self._answer(url.path, dict(parse_qsl(url.query)))

        def do_POST(self):
            url = urlparse(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            if "json" in (self.headers.get("Content-Type") or ""):
                args = json.loads(raw or "{}")
            else:
                args = dict(parse_qsl(raw))
                for key in ("blocks", "attachments"):
                    if isinstance(args.get(key), str):
                        args[key] = json.loads(args[key])
            args.update(parse_qsl(url.query))
            self._answer(url.path, args)

        def _answer(self, path: str, args: dict) -> None:
            if path.startswith("/api/"):
                body = fake.handle(path[len("/api/"):], args)
            elif path.startswith("/response/"):
                body = fake.handle("response_url", {**args, "url": path})
            else:
                body = {"ok": False, "error": "unknown_path"}
            status, headers = 200, {}
            if isinstance(body, tuple):
                status, headers, body = body
            data = json.dumps(body).encode()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    return Handler


# requests as Slack signs and sends them

def signature(body: str, timestamp: str, secret: str = SECRET) -> str:
    """Slack's v0 request signature, computed from its documented recipe (not with Bolt's own code)."""
    return "v0=" + hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()


def signed_post(url: str, body: str, *, content_type: str = "application/json", secret: str = SECRET,
                headers: dict | None = None, timeout: float = WAIT) -> tuple[int, str]:
    timestamp = str(int(time.time()))
    request = urllib.request.Request(url, data=body.encode(), method="POST", headers={
        "Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature(body, timestamp, secret), **(headers or {})})
    try:
        with _NO_PROXY.open(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


_event_ids = itertools.count(1)
_trigger_ids = itertools.count(1)


def trigger_id() -> str:
    """Slack gives every command and click its own trigger_id; the bot treats a repeated one as a replay."""
    return f"{next(_trigger_ids)}.2.3"


def event_body(event: dict, event_id: str | None = None) -> dict:
    return {"token": "unused", "team_id": TEAM, "api_app_id": "A1", "type": "event_callback",
            "event_id": event_id or f"Ev{next(_event_ids):06d}", "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}], "event": event}


def mention(text: str, ts: str, channel: str = "C1", user: str = "UALICE", thread_ts: str | None = None) -> dict:
    event = {"type": "app_mention", "user": user, "text": f"<@{BOT_USER}> {text}", "ts": ts, "channel": channel,
             "event_ts": ts}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def direct_message(text: str, ts: str, channel: str = "D1", user: str = "UALICE", **extra) -> dict:
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts, "channel": channel,
            "event_ts": ts, **extra}


def slash_command(fake: FakeSlack, text: str, command: str = "/monograph") -> str:
    return urlencode({"token": "unused", "team_id": TEAM, "channel_id": "C1", "user_id": "UALICE",
                      "command": command, "text": text, "response_url": f"{fake.url}/response/cmd",
                      "trigger_id": trigger_id()})


def button_click(fake: FakeSlack, message: dict, action_id: str, channel: str = "C1") -> str:
    button = next(e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]
                  if e["action_id"] == action_id)
    payload = {"type": "block_actions", "team": {"id": TEAM}, "user": {"id": "UALICE"},
               "channel": {"id": channel}, "container": {"type": "message", "channel_id": channel,
                                                         "message_ts": message["ts"]},
               "message": message, "response_url": f"{fake.url}/response/button", "trigger_id": trigger_id(),
               "actions": [{"type": "button", "block_id": "feedback", "action_id": action_id,
                            "value": button["value"], "action_ts": "1.2"}]}
    return urlencode({"payload": json.dumps(payload)})


# the bot's WSGI app served in-process (the subprocess tests run it under gunicorn)

class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 1024


def serve_wsgi(app) -> tuple[WSGIServer, int]:
    """``app`` on a loopback port, served by threads until ``server.shutdown()``."""
    server = make_server("127.0.0.1", 0, app, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server, server.server_address[1]


# Socket Mode

class FakeSocketMode:
    """One WebSocket connection, as Slack's Socket Mode endpoint: handshake, hello, events, acks, pongs."""

    _GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"ws://127.0.0.1:{self.listener.getsockname()[1]}/link/?ticket=fake"
        self.acks: list[dict] = []
        self.connected = threading.Event()
        self._cond = threading.Condition()
        self._send_lock = threading.Lock()
        self.conn: socket.socket | None = None
        threading.Thread(target=self._serve, daemon=True).start()

    def close(self) -> None:
        for sock in (self.conn, self.listener):
            if sock is not None:
                sock.close()

    def send(self, message: dict) -> None:
        data = json.dumps(message).encode()
        header = bytes([0x81]) + (bytes([len(data)]) if len(data) < 126 else struct.pack("!BH", 126, len(data)))
        with self._send_lock:
            self.conn.sendall(header + data)

    def wait_ack(self, envelope_id: str, timeout: float = WAIT) -> dict:
        with self._cond:
            ok = self._cond.wait_for(lambda: any(a.get("envelope_id") == envelope_id for a in self.acks), timeout)
        assert ok, f"no ack for {envelope_id}; acks: {self.acks}"
        return next(a for a in self.acks if a.get("envelope_id") == envelope_id)

    def _serve(self) -> None:
        try:
            self.conn, _ = self.listener.accept()
            request = b""
            while b"\r\n\r\n" not in request:
                request += self.conn.recv(1024)
            key = next(line.split(":", 1)[1].strip() for line in request.decode().split("\r\n")
                       if line.lower().startswith("sec-websocket-key:"))
            accept = base64.b64encode(hashlib.sha1((key + self._GUID).encode()).digest()).decode()
            self.conn.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                               f"Sec-WebSocket-Accept: {accept}\r\n\r\n").encode())
            self.send({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}})
            self.connected.set()
            while True:
                opcode, payload = self._read_frame()
                if opcode == 0x8:
                    return
                if opcode == 0x9:
                    with self._send_lock:
                        self.conn.sendall(bytes([0x8A, len(payload)]) + payload)
                elif opcode == 0x1:
                    with self._cond:
                        self.acks.append(json.loads(payload))
                        self._cond.notify_all()
        except (OSError, ConnectionError, StopIteration):
            return

    def _read_exactly(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.conn.recv(n - len(data))
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        return data

    def _read_frame(self) -> tuple[int, bytes]:
        first, second = self._read_exactly(2)
        length = second & 0x7F
        if length == 126:
            (length,) = struct.unpack("!H", self._read_exactly(2))
        elif length == 127:
            (length,) = struct.unpack("!Q", self._read_exactly(8))
        mask = self._read_exactly(4) if second & 0x80 else b"\0\0\0\0"
        payload = bytes(b ^ mask[i % 4] for i, b in enumerate(self._read_exactly(length)))
        return first & 0x0F, payload


# the real command, as a user starts it

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class BotProcess:
    """``python -m bot slack ...`` in a subprocess, its stderr in a file a test can poll."""

    def __init__(self, workdir, *args: str, env: dict | None = None):
        clean = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_") and "proxy" not in k.lower()}
        self.log_path = workdir / "bot.log"
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", "slack", *args], cwd=workdir,
                                     env={**clean, "PYTHONUNBUFFERED": "1", **(env or {})},
                                     stdout=subprocess.DEVNULL, stderr=self._log)

    def log(self) -> str:
        return self.log_path.read_text()

    def poll(self, condition, what: str, timeout: float = WAIT):
        """Poll ``condition()`` until it is truthy; fail early, with the bot's log, if the bot has exited."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = condition()
            if result:
                return result
            assert self.proc.poll() is None, f"the bot exited ({self.proc.returncode}) while waiting for {what}:\n{self.log()}"
            time.sleep(0.02)
        raise AssertionError(f"timed out waiting for {what}:\n{self.log()}")

    def wait_listening(self, port: int) -> None:
        def accepts() -> bool:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return True
            except OSError:
                return False

        self.poll(accepts, f"port {port}")

    def wait_log(self, needle: str, count: int = 1) -> None:
        self.poll(lambda: self.log().count(needle) >= count, f"{count} x {needle!r} in the log")

    def rss_kb(self) -> int:
        for line in open(f"/proc/{self.proc.pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()
