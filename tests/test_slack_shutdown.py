"""Issue 14: SIGTERM in the middle of a burst loses nothing that was acknowledged.

The real command under gunicorn, 200 signed events sent at once, SIGTERM after the
first acknowledgements: every event that got its 200 is answered exactly once, or
(when the grace period runs out) named in the log as not answered.
"""

from __future__ import annotations

import json
import re
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

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
SIGTERM_AFTER = 40  # acknowledgements seen before the signal


def start(tmp_path, fake: FakeSlack, **env) -> tuple[BotProcess, str]:
    port = free_port()
    bot = BotProcess(tmp_path, "--http", "--port", str(port), env={
        "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.api_url, **env})
    bot.wait_log("answering from")
    return bot, f"http://127.0.0.1:{port}/slack/events"


def burst_with_sigterm(bot: BotProcess, url: str, count: int, channel: str) -> dict[str, int]:
    """Send ``count`` events at once, SIGTERM after SIGTERM_AFTER acknowledgements; event id -> status (0: refused)."""
    acked = threading.Semaphore(0)
    statuses: dict[str, int] = {}

    def send(i: int) -> None:
        ts = f"{1_700_200_000 + i}.000100"
        try:
            status = signed_post(url, json.dumps(event_body(mention("What is the half-life?", ts, channel=channel),
                                                            f"EvSIG{i:03d}")), timeout=20)[0]
        except OSError:  # the listener closed: never acknowledged, Slack would retry elsewhere
            status = 0
        statuses[f"EvSIG{i:03d}"] = status
        if status == 200:
            acked.release()

    with ThreadPoolExecutor(64) as pool:
        futures = [pool.submit(send, i) for i in range(count)]
        for _ in range(min(SIGTERM_AFTER, count)):
            assert acked.acquire(timeout=20), "no acknowledgements before the signal"
        bot.proc.send_signal(signal.SIGTERM)
        for future in futures:
            future.result()
    assert bot.proc.wait(40) == 0, bot.log()[-3000:]
    return statuses


def answered_ids(fake: FakeSlack, channel: str) -> list[str]:
    return [f"EvSIG{int(p['thread_ts'].split('.')[0]) - 1_700_200_000:03d}" for p in fake.calls_to("chat.postMessage")
            if p["channel"] == channel]


def test_sigterm_mid_burst_answers_every_acknowledged_event_once(tmp_path):
    fake = FakeSlack()
    bot, url = start(tmp_path, fake, LOG_LEVEL="INFO")
    try:
        statuses = burst_with_sigterm(bot, url, BURST, "CSIG")
        acked = {e for e, s in statuses.items() if s == 200}
        answered = answered_ids(fake, "CSIG")
        assert len(answered) == len(set(answered)), "an event was answered twice"
        assert acked <= set(answered), sorted(acked - set(answered))[:10]
        assert set(statuses.values()) <= {200, 0} and len(acked) >= SIGTERM_AFTER
        log = bot.log()
        assert "outcome=not_answered" not in log and "Traceback" not in log
        assert "Handling signal: term" in log and "stopped:" in log
        print(f"\n{len(acked)} of {BURST} acknowledged before the listener closed; all answered once")
    finally:
        bot.stop()
        fake.close()


def test_what_the_grace_period_cannot_finish_is_logged_by_event_id(tmp_path):
    fake = FakeSlack()
    fake.hold.set()  # Slack never answers chat.postMessage: nothing can be delivered in time
    bot, url = start(tmp_path, fake, SHUTDOWN_GRACE="1")
    try:
        statuses = burst_with_sigterm(bot, url, SIGTERM_AFTER, "CHELD")
        acked = {e for e, s in statuses.items() if s == 200}
        assert len(acked) == SIGTERM_AFTER
        log = bot.log()
        logged = set(re.findall(r"event=(EvSIG\d+) kind=app_mention latency_ms=\d+ outcome=not_answered "
                                r"reason='the shutdown grace period ran out'", log))
        assert logged == acked, sorted(acked ^ logged)
        assert fake.calls_to("chat.postMessage") == [] and "Traceback" not in log
    finally:
        bot.stop()
        fake.close()
