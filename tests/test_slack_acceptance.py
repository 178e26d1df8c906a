"""Issue 5's acceptance, as a user runs it: ``python -m bot slack`` against a local fake Slack.

HTTP mode gets signed requests on ``/slack/events``; Socket Mode connects to a local
WebSocket that ``apps.connections.open`` points it at.
"""

from __future__ import annotations

import json
import signal

import pytest

from bot import DISCLAIMER, answer
from bot.slack.blocks import slack_escape

from .slack_fake import (
    BOT_USER,
    SECRET,
    BotProcess,
    FakeSlack,
    FakeSocketMode,
    event_body,
    free_port,
    mention,
    signed_post,
)
from .slack_harness import rendered


@pytest.fixture
def fake():
    fake = FakeSlack()
    yield fake
    fake.close()


def test_http_mode_end_to_end(fake, tmp_path, baclofen_index):
    port = free_port()
    bot = BotProcess(tmp_path, "--http", "--port", str(port), env={
        "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.api_url})
    try:
        bot.wait_listening(port)
        assert fake.calls_to("auth.test")
        url = f"http://127.0.0.1:{port}/slack/events"
        question = "Is baclofen safe during pregnancy?"
        ts = fake.add_message("C1", f"<@{BOT_USER}> {question}")
        body = json.dumps(event_body(mention(question, ts), "EvFIRST"))
        assert signed_post(url, body) == (200, "")
        [post] = fake.wait_calls("chat.postMessage")
        assert (post["channel"], post["thread_ts"]) == ("C1", ts)
        expected = answer(question, baclofen_index)
        assert expected.passages
        for n, hit in enumerate(expected.passages, 1):
            assert f"*[{n}]* " in rendered(post) and slack_escape(hit.passage.citation) in rendered(post)
        assert DISCLAIMER in rendered(post)

        retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        assert signed_post(url, body, headers=retry) == (200, "")
        bot.wait_log("event=EvFIRST kind=event_callback outcome=duplicate retry=1")  # decided before the 200 was sent

        follow = fake.add_message("C1", f"<@{BOT_USER}> what about breastfeeding?", thread_ts=ts)
        assert signed_post(url, json.dumps(event_body(mention("what about breastfeeding?", follow, thread_ts=ts)))) \
            == (200, "")
        posts = fake.wait_calls("chat.postMessage", 2)
        assert len(posts) == 2 and posts[1]["thread_ts"] == ts
        assert [(c["channel"], c["ts"]) for c in fake.calls_to("conversations.replies")] == [("C1", ts)]
        expected = answer("what about breastfeeding?", baclofen_index, (question,))
        assert f"Searching for: {slack_escape(expected.query)}" in rendered(posts[1])
        assert "Traceback" not in bot.log()
    finally:
        bot.stop()


def test_socket_mode_end_to_end(fake, tmp_path):
    socket_mode = FakeSocketMode()
    fake.socket_url = socket_mode.url
    bot = BotProcess(tmp_path, env={"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-test",
                                    "SLACK_API_URL": fake.api_url, "SHUTDOWN_GRACE": "1"})
    try:
        bot.poll(socket_mode.connected.is_set, "the Socket Mode connection")
        [opened] = fake.calls_to("apps.connections.open")
        ts = fake.add_message("C1", f"<@{BOT_USER}> What is the half-life?")
        payload = event_body(mention("What is the half-life?", ts), "EvSOCKET")
        socket_mode.send({"envelope_id": "env-1", "type": "events_api", "accepts_response_payload": False,
                          "retry_attempt": 0, "retry_reason": "", "payload": payload})
        socket_mode.wait_ack("env-1")
        [post] = fake.wait_calls("chat.postMessage")
        assert post["thread_ts"] == ts and "3-4 hours" in rendered(post) and DISCLAIMER in rendered(post)

        socket_mode.send({"envelope_id": "env-2", "type": "events_api", "accepts_response_payload": False,
                          "retry_attempt": 1, "retry_reason": "timeout", "payload": payload})
        socket_mode.wait_ack("env-2")
        bot.wait_log("event=EvSOCKET kind=event_callback outcome=duplicate retry=1")

        command = {"command": "/monograph", "text": "What is the half-life?", "user_id": "UALICE",
                   "channel_id": "C1", "team_id": "T1", "response_url": f"{fake.url}/response/socket"}
        socket_mode.send({"envelope_id": "env-3", "type": "slash_commands", "accepts_response_payload": True,
                          "payload": command})
        socket_mode.wait_ack("env-3")
        [reply] = fake.wait_calls("response_url")
        assert reply["response_type"] == "ephemeral" and "You asked: What is the half-life?" in rendered(reply)
        assert len(fake.calls_to("chat.postMessage")) == 1

        fake.hold.set()  # the next answer cannot be posted: SIGTERM must wait the grace period, then say so
        socket_mode.send({"envelope_id": "env-4", "type": "events_api", "accepts_response_payload": False,
                          "retry_attempt": 0, "retry_reason": "", "payload": event_body(
                              mention("What is the half-life?", fake.new_ts()), "EvHELD")})
        socket_mode.wait_ack("env-4")
        bot.proc.send_signal(signal.SIGTERM)
        assert bot.proc.wait(20) == 0
        assert "event=EvHELD kind=app_mention" in bot.log() and "outcome=not_answered" in bot.log()
        assert "stopped (1 not answered)" in bot.log() and "Traceback" not in bot.log()
    finally:
        bot.stop()
        socket_mode.close()


def test_a_refused_app_token_is_a_clear_error(fake, tmp_path):
    fake.errors["apps.connections.open"] = "invalid_auth"
    bot = BotProcess(tmp_path, env={"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-bad",
                                    "SLACK_API_URL": fake.api_url})
    try:
        assert bot.proc.wait(30) == 2
        assert bot.log().splitlines()[-1].startswith("error: Slack refused SLACK_APP_TOKEN (invalid_auth)")
    finally:
        bot.stop()


def test_a_refused_bot_token_is_a_clear_error(fake, tmp_path):
    fake.errors["auth.test"] = "invalid_auth"
    bot = BotProcess(tmp_path, "--http", "--port", str(free_port()), env={
        "SLACK_BOT_TOKEN": "xoxb-bad", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.api_url})
    try:
        assert bot.proc.wait(30) == 2
        assert bot.log().splitlines()[-1] == ("error: Slack refused SLACK_BOT_TOKEN (invalid_auth): "
                                              "use the app's Bot User OAuth Token (xoxb-...)")
    finally:
        bot.stop()
