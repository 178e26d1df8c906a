"""Issues 6 and 14, Slack under load: 200 signed events at once, each acknowledged within Slack's 3 s,
200 answers, none twice, none lost, memory flat."""

from __future__ import annotations

import itertools
import json
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from .slack_fake import (
    SECRET,
    BotProcess,
    FakeSlack,
    event_body,
    free_port,
    mention,
    signed_post,
)

BURST = 200
QUESTIONS = ["What is the half-life?", "What are the withdrawal symptoms?", "Is it safe during pregnancy?",
             "What are the side effects?", "Can it treat alcohol addiction?"]
# After two warm-up bursts, two more grow RSS by about 1 MB (the bounded de-duplication memory filling up);
# keeping each reply's blocks alive (a leak of ~13 KB an event) adds about 5 MB.
WARM_UP, MEASURED = 2, 2
RSS_GROWTH_LIMIT_KB = 4_000
_channels = itertools.count(1)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads RSS from /proc")


def burst(fake: FakeSlack, url: str) -> float:
    """Send BURST events (each in its own channel) at the same moment; wait until each is answered once."""
    channel = f"CLOAD{next(_channels)}"
    bodies = {f"{1_700_100_000 + i}.000100": json.dumps(event_body(mention(QUESTIONS[i % len(QUESTIONS)],
                                                                            f"{1_700_100_000 + i}.000100",
                                                                            channel=channel)))
              for i in range(BURST)}
    start = threading.Barrier(BURST)

    acks: list[float] = []

    def send(body: str) -> int:
        start.wait()
        began = time.perf_counter()
        status = signed_post(url, body)[0]
        acks.append(time.perf_counter() - began)
        return status

    began = time.perf_counter()
    with ThreadPoolExecutor(BURST) as pool:
        statuses = list(pool.map(send, bodies.values()))
    assert statuses == [200] * BURST, sorted(set(statuses))
    assert max(acks) < 3.0, f"an acknowledgement took {max(acks):.2f}s: Slack gives up after 3"

    def answered() -> list[str]:
        return [p["thread_ts"] for p in fake.calls_to("chat.postMessage") if p["channel"] == channel]

    fake.wait_for(lambda: set(answered()) == set(bodies), timeout=30)
    took = time.perf_counter() - began
    assert sorted(answered()) == sorted(bodies)  # every event answered, none twice
    return took


def test_two_hundred_concurrent_events(tmp_path):
    fake = FakeSlack()
    port = free_port()
    bot = BotProcess(tmp_path, "--http", "--port", str(port), env={
        "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.api_url,
        "LOG_LEVEL": "WARNING", "MALLOC_ARENA_MAX": "2"})  # glibc's per-thread arenas are not our memory
    try:
        bot.wait_listening(port)
        url = f"http://127.0.0.1:{port}/slack/events"
        # warm-up: thread pools and allocator arenas reach their working size
        timings = [burst(fake, url) for _ in range(WARM_UP)]
        before = bot.rss_kb()
        timings += [burst(fake, url) for _ in range(MEASURED)]
        growth = bot.rss_kb() - before
        print(f"\n{BURST} concurrent events answered in {', '.join(f'{t:.2f}s' for t in timings)}; "
              f"RSS {before / 1024:.1f} MB, +{growth / 1024:.2f} MB over {MEASURED * BURST} more events")
        total = (WARM_UP + MEASURED) * BURST
        assert len(fake.calls_to("chat.postMessage")) == total  # still none twice, after the later bursts
        assert growth < RSS_GROWTH_LIMIT_KB, f"RSS grew {growth} kB after warm-up ({before} kB)"
        assert "ERROR" not in bot.log() and "Traceback" not in bot.log(), bot.log()[-3000:]
    finally:
        bot.stop()
        fake.close()
