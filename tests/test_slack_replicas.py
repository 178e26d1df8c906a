"""Issue 14: two replicas behind one Slack share their claims in a real Redis, so each event is answered once.

Starts Debian's ``redis-server`` on a loopback port (``.ci/run`` installs it; without it
the test is skipped on a developer's machine and fails in CI).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis

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

EVENTS = 200
REDIS = shutil.which("redis-server")

needs_redis = pytest.mark.skipif(REDIS is None and not os.environ.get("CI"),
                                 reason="redis-server is not installed (.ci/run installs it)")


@pytest.fixture
def redis_url(tmp_path):
    assert REDIS, "redis-server is missing in CI: .ci/run should have installed it"
    port = free_port()
    server = subprocess.Popen([REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                               "--dir", str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + WAIT
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline and server.poll() is None, "redis-server did not start"
            time.sleep(0.05)
    yield url
    server.terminate()
    server.wait(10)


@needs_redis
def test_two_replicas_answer_each_event_once(tmp_path, redis_url):
    fake = FakeSlack()
    bots, urls = [], []
    try:
        for name in ("a", "b"):
            (tmp_path / name).mkdir()
            port = free_port()
            bots.append(BotProcess(tmp_path / name, "--http", "--port", str(port), env={
                "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.api_url,
                "REDIS_URL": redis_url}))
            urls.append(f"http://127.0.0.1:{port}/slack/events")
        for bot in bots:
            bot.wait_log("answering from")
        bodies = [json.dumps(event_body(mention("What is the half-life?", f"{1_700_300_000 + i}.000100",
                                                channel="CREP"), f"EvREP{i:03d}")) for i in range(EVENTS)]
        with ThreadPoolExecutor(64) as pool:  # every event to both replicas at once
            statuses = list(pool.map(lambda job: signed_post(*job)[0], [(u, b) for b in bodies for u in urls]))
        assert statuses == [200] * (2 * EVENTS)

        def outcomes() -> list[tuple[str, str]]:
            return [pair for bot in bots
                    for pair in re.findall(r"event=(EvREP\d+) kind=\S+ (?:latency_ms=\d+ )?outcome=(\w+)", bot.log())]

        bots[0].poll(lambda: len(outcomes()) >= 2 * EVENTS, "a log line per event and replica")
        posts = [p["thread_ts"] for p in fake.calls_to("chat.postMessage") if p["channel"] == "CREP"]
        assert len(posts) == EVENTS and len(set(posts)) == EVENTS
        by_event: dict[str, list[str]] = {}
        for event, outcome in outcomes():
            by_event.setdefault(event, []).append(outcome)
        assert all(sorted(o) == ["answered", "duplicate"] for o in by_event.values())
        answered_by = [sum(1 for e, o in re.findall(r"event=(EvREP\d+) .*?outcome=(\w+)", b.log()) if o == "answered")
                       for b in bots]
        print(f"\nreplica a answered {answered_by[0]}, replica b {answered_by[1]}; none twice")
        assert "Traceback" not in bots[0].log() + bots[1].log()
    finally:
        for bot in bots:
            bot.stop()
        fake.close()


def test_workers_above_one_need_redis(tmp_path):
    from .slack_harness import slack_cli

    r = slack_cli("--http", cwd=tmp_path, env={"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
                                               "HTTP_WORKERS": "2"})
    assert r.returncode == 2 and "HTTP_WORKERS above 1 needs REDIS_URL" in r.stderr


def test_an_unreachable_redis_is_a_clear_error(tmp_path):
    from .slack_harness import slack_cli

    r = slack_cli("--http", cwd=tmp_path, env={"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
                                               "REDIS_URL": f"redis://:hunter22@127.0.0.1:{free_port()}/0"})
    assert r.returncode == 2 and r.stderr.startswith("error: cannot reach Redis at REDIS_URL")
    assert "hunter22" not in r.stderr and "Traceback" not in r.stderr
