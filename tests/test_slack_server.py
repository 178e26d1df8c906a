"""Issue 14: the production server as an operator probes it, and the start-up edges.

Half-open connections and a Content-Length larger than its body time out instead of
holding threads; the thread count stays capped; malformed requests are 4xx with no
traceback; a start-up 429/500 is "Slack is unavailable", not a bad token; a port out of
range is refused before anything starts.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

from bot.slack import gunicorn_conf
from bot.slack.work import ANSWER_THREADS

from .slack_fake import (
    SECRET,
    WAIT,
    BotProcess,
    FakeSlack,
    event_body,
    free_port,
    mention,
    signed_post,
)
from .slack_harness import slack_cli

HALF_OPEN = 300
READ_TIMEOUT = "0.25"  # HTTP_READ_TIMEOUT for the test; the default is 10 s


def threads_of(pid: int) -> int:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("Threads:"):
            return int(line.split()[1])
    raise AssertionError("no Threads line")


def worker_pid(bot: BotProcess) -> int:
    marker = "Booting worker with pid: "
    bot.wait_log(marker)
    return int(bot.log().split(marker, 1)[1].split()[0])


def test_half_open_connections_time_out_and_threads_stay_capped(tmp_path):
    fake = FakeSlack()
    port = free_port()
    bot = BotProcess(tmp_path, "--http", "--port", str(port), env={
        "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.api_url,
        "HTTP_READ_TIMEOUT": READ_TIMEOUT})
    opened: list[socket.socket] = []
    try:
        worker = worker_pid(bot)
        url = f"http://127.0.0.1:{port}/slack/events"
        for n in range(HALF_OPEN):  # each sends the start of a request and stops
            sock = socket.create_connection(("127.0.0.1", port), timeout=WAIT)
            sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n" if n % 2 else
                         b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"a\"")
            opened.append(sock)
        peak = threads_of(worker)
        deadline = time.monotonic() + 30
        answers = []
        for sock in opened:  # every one is closed by the server: 408 for a short body, a close for short headers
            sock.settimeout(max(deadline - time.monotonic(), 0.1))
            answers.append(sock.recv(200))
        assert all(a == b"" or a.startswith(b"HTTP/1.1 408") for a in answers)
        assert sum(a.startswith(b"HTTP/1.1 408") for a in answers) == HALF_OPEN // 2
        peak = max(peak, threads_of(worker))
        assert peak <= gunicorn_conf.threads + ANSWER_THREADS + 4, f"{peak} threads"  # and the main loop
        for bad in ("{not json", "[1]", "[" * 50_000 + "]" * 50_000):  # the malformed-request probes, under gunicorn
            assert signed_post(url, bad, secret="unsigned")[0] == 401 and signed_post(url, bad)[0] == 400
        assert signed_post(url, "{}", headers={"X-Slack-Request-Timestamp": "soon"})[0] == 401
        assert signed_post(url, "payload=%7Bnope", content_type="application/x-www-form-urlencoded")[0] == 400
        body = json.dumps(event_body(mention("What is the half-life?", "1700000900.000100")))
        assert signed_post(url, body) == (200, "")  # and the server still answers
        fake.wait_calls("chat.postMessage")
        log = bot.log()
        assert "Traceback" not in log and "closed a connection whose request did not arrive in time" in log
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=WAIT).read() == b"ok\n"
    finally:
        for sock in opened:
            sock.close()
        bot.stop()
        fake.close()


def test_a_start_up_429_or_500_is_slack_unavailable_not_a_bad_token(tmp_path):
    for status in (429, 503):
        fake = FakeSlack()
        fake.script["auth.test"] = [(status, {"Retry-After": "0"}, {"ok": False, "error": "x"})] * 2
        try:
            r = slack_cli("--http", "--port", str(free_port()), cwd=tmp_path, env={
                "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": fake.api_url})
            assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
            assert r.stderr.splitlines()[-1].startswith(f"error: Slack is unavailable (auth.test answered HTTP {status}")
            assert len(fake.calls_to(f"auth.test {status}")) == 2  # retried once before giving up
        finally:
            fake.close()


def test_a_port_out_of_range_is_refused_before_anything_starts(tmp_path):
    fake = FakeSlack()
    try:
        for port in ("70000", "0"):
            r = slack_cli("--http", "--port", port, cwd=tmp_path, env={
                "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": fake.api_url})
            assert r.returncode == 2 and "Traceback" not in r.stderr and "--port" in r.stderr, r.stderr
        assert fake.calls == []  # Slack was never called
    finally:
        fake.close()


def test_a_busy_port_is_a_clear_error(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        r = slack_cli("--http", "--port", str(port), cwd=tmp_path, env={
            "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": "http://127.0.0.1:9/api/"})
    assert r.returncode == 2 and r.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port}"), r.stderr


def test_the_log_holds_no_question_and_no_secret_unless_asked(tmp_path):
    token, secret = "xoxb-1234-5678-abcdefSECRET", "signing-SECRET-value"
    fake = FakeSlack()
    try:
        for log_questions in ("0", "1"):
            port = free_port()
            (tmp_path / log_questions).mkdir()
            bot = BotProcess(tmp_path / log_questions, "--http", "--port", str(port), env={
                "SLACK_BOT_TOKEN": token, "SLACK_SIGNING_SECRET": secret, "SLACK_API_URL": fake.api_url,
                "LOG_LEVEL": "DEBUG", "LOG_QUESTIONS": log_questions})
            try:
                bot.wait_log("answering from")
                body = json.dumps(event_body(mention("What is the half-life of zebrafish?", "1700001000.000100"),
                                             f"EvLOG{log_questions}"))
                assert signed_post(f"http://127.0.0.1:{port}/slack/events", body, secret=secret) == (200, "")
                bot.wait_log(f"event=EvLOG{log_questions} kind=app_mention")
            finally:
                bot.stop()
            log = bot.log()
            assert token not in log and secret not in log and "abcdef" not in log
            assert ("zebrafish" in log) == (log_questions == "1"), log[-2000:]
    finally:
        fake.close()


def test_gunicorn_run_by_hand_takes_http_workers_and_refuses_workers_without_redis(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from bot.slack import wsgi

    server = SimpleNamespace(num_workers=1, LISTENERS=[])
    shared = SimpleNamespace(http_workers=3, redis_url="redis://127.0.0.1:6379/0", read_timeout=5.0)
    monkeypatch.setattr(wsgi, "_runtime", SimpleNamespace(settings=shared, description="x"))
    wsgi.when_ready(server)
    assert server.num_workers == 3  # HTTP_WORKERS, since gunicorn's -w left the configuration's one

    fake = FakeSlack()
    try:
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_") and k != "REDIS_URL"}
        env.update(SLACK_BOT_TOKEN="xoxb-1-2-abc", SLACK_SIGNING_SECRET="secret", SLACK_API_URL=fake.api_url)
        r = subprocess.run([sys.executable, "-m", "gunicorn", "-c", "python:bot.slack.gunicorn_conf", "-w", "2",
                            "--bind", f"127.0.0.1:{port}", "bot.slack.wsgi:create_app(env_file=None)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
        assert r.returncode == 2 and "2 workers need REDIS_URL" in r.stderr, r.stderr[-2000:]
    finally:
        fake.close()
