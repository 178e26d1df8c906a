"""The Slack bot through its real door: signed HTTP requests into the Bolt app, a fake Slack Web API behind it."""

from __future__ import annotations

import json

import pytest

from bot import DISCLAIMER, answer
from bot.slack.blocks import slack_escape
from bot.slack.handlers import APOLOGY, retry_number, to_plain
from bot.slack.state import Seen
from bot.slack.web import EVENTS_PATH

from .slack_fake import (
    BOT_ID,
    BOT_USER,
    button_click,
    direct_message,
    event_body,
    mention,
    signed_post,
    slash_command,
)
from .slack_harness import FORM, rendered


def test_a_mention_is_answered_once_in_its_thread(slack, baclofen_index):
    question = "What is the half-life of baclofen?"
    ts = slack.fake.add_message("C1", f"<@{BOT_USER}> {question}")
    assert slack.send(mention(question, ts)) == (200, "")
    [post] = slack.fake.wait_calls("chat.postMessage")
    assert post["channel"] == "C1" and post["thread_ts"] == ts
    expected = answer(question, baclofen_index)
    shown = rendered(post)
    for hit in expected.passages:
        assert slack_escape(hit.passage.citation) in shown
    assert "3-4 hours" in shown and DISCLAIMER in shown
    assert post["blocks"][-1]["type"] == "actions"
    slack.settle()
    assert len(slack.posts()) == 1
    assert slack.fake.calls_to("conversations.replies") == []  # a new thread has no history to read


def test_a_follow_up_in_a_thread_uses_the_thread(slack, baclofen_index):
    first = slack.fake.add_message("C1", "Is baclofen safe during pregnancy?")  # the thread's topic, no mention
    slack.fake.add_message("C1", "What are the side effects of aspirin?", user="UBOB", thread_ts=first)  # chatter
    follow = slack.fake.add_message("C1", f"<@{BOT_USER}> what about breastfeeding?", thread_ts=first)
    slack.send(mention("what about breastfeeding?", follow, thread_ts=first))
    [post] = slack.fake.wait_calls("chat.postMessage")
    assert post["thread_ts"] == first
    [replies] = slack.fake.calls_to("conversations.replies")
    assert (replies["channel"], replies["ts"]) == ("C1", first)
    expected = answer("what about breastfeeding?", baclofen_index, ("Is baclofen safe during pregnancy?",))
    assert "pregnancy" in expected.query and "aspirin" not in expected.query
    assert f"Searching for: {slack_escape(expected.query)}" in rendered(post)
    assert "breast milk" in expected.passages[0].passage.text
    assert slack_escape(expected.passages[0].passage.citation) in rendered(post)


def test_a_dm_thread_uses_every_earlier_message_and_skips_the_bot(slack, baclofen_index):
    first = slack.fake.add_message("D1", "Is baclofen safe during pregnancy?")
    slack.send(direct_message("Is baclofen safe during pregnancy?", first))
    slack.fake.wait_calls("chat.postMessage")
    slack.fake.add_message("D1", "<@UBOT> [1] pregnancy text", user=BOT_USER, thread_ts=first)  # the bot, skipped
    follow = slack.fake.add_message("D1", "what about breastfeeding?", thread_ts=first)
    slack.send(direct_message("what about breastfeeding?", follow, thread_ts=first))
    post = slack.fake.wait_calls("chat.postMessage", 2)[1]
    expected = answer("what about breastfeeding?", baclofen_index, ("Is baclofen safe during pregnancy?",))
    assert post["channel"] == "D1" and post["thread_ts"] == first
    assert f"Searching for: {slack_escape(expected.query)}" in rendered(post)


def test_a_thread_that_cannot_be_read_still_gets_an_answer(slack):
    slack.fake.errors["conversations.replies"] = "missing_scope"
    slack.send(mention("what about breastfeeding?", "1700000100.000100", thread_ts="1700000099.000100"))
    [post] = slack.fake.wait_calls("chat.postMessage")
    assert "Searching for" not in rendered(post) and DISCLAIMER in rendered(post)


def test_redeliveries_are_never_answered_twice(slack, caplog):
    caplog.set_level("INFO")
    ts = slack.fake.add_message("C1", "half-life?")
    event = mention("What is the half-life?", ts)
    assert slack.send(event, "EvSAME", headers={"X-Slack-Retry-Num": "0"}) == (200, "")  # "0": a first delivery
    slack.fake.wait_calls("chat.postMessage")
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert slack.send(event, "EvSAME", headers=retry) == (200, "")
    assert slack.send(event, "EvSAME") == (200, "")  # the same event_id without retry headers
    assert slack.send(event, "EvOTHER") == (200, "")  # the same message under a second subscription
    dm = direct_message("What is the half-life?", "1700000200.000100")
    assert slack.send(dm, "EvDM", headers={"X-Slack-Retry-Num": "2"}) == (200, "")  # a retry never seen before
    assert caplog.text.count("outcome=duplicate") == 4, caplog.text
    slack.settle()
    assert len(slack.posts()) == 1


def test_a_bad_signature_is_refused(slack):
    body = json.dumps(event_body(mention("half-life?", "1700000300.000100")))
    assert signed_post(slack.url, body, secret="wrong")[0] == 401
    assert signed_post(slack.url, body, headers={"X-Slack-Request-Timestamp": "1"})[0] == 401  # replayed
    slack.settle()
    assert slack.posts() == []


def test_slack_can_verify_the_request_url(slack):
    status, body = signed_post(slack.url, json.dumps({"type": "url_verification", "challenge": "c-123"}))
    assert status == 200 and json.loads(body) == {"challenge": "c-123"}
    assert signed_post(slack.url.replace(EVENTS_PATH, "/elsewhere"), "{}")[0] == 404


def test_bots_and_the_bot_itself_are_ignored_and_dms_answered(slack):
    slack.send(direct_message("What is the half-life?", "1700000400.000100", user=BOT_USER))
    slack.send(direct_message("What is the half-life?", "1700000401.000100", bot_id=BOT_ID))
    slack.send(direct_message("What is the half-life?", "1700000402.000100", bot_id="BOTHER", subtype="bot_message"))
    slack.send({**mention("What is the half-life?", "1700000403.000100"), "bot_id": "BOTHER"})
    slack.send(direct_message("edited", "1700000404.000100", subtype="message_changed"))
    channel_message = direct_message("What is the half-life?", "1700000405.000100", channel="C1")
    channel_message["channel_type"] = "channel"  # a channel message is not a DM
    slack.send(channel_message)
    slack.send(direct_message("What is the half-life?", "1700000406.000100"))
    slack.send(direct_message("What are the withdrawal symptoms?", "1700000408.000100", thread_ts="1700000407.000100"))
    slack.fake.wait_calls("chat.postMessage", 2)
    slack.settle()
    posts = sorted(slack.posts(), key=lambda p: p.get("thread_ts") or "")
    assert [(p["channel"], p.get("thread_ts")) for p in posts] == [("D1", None), ("D1", "1700000407.000100")]
    assert "3-4 hours" in rendered(posts[0]) and "withdrawal" in rendered(posts[1]).lower()


def test_the_slash_command_answers_privately_and_restates(slack):
    status, _ = signed_post(slack.url, slash_command(slack.fake, "<!channel> What is the half-life?"),
                            content_type=FORM)
    assert status == 200
    [reply] = slack.fake.wait_calls("response_url")
    assert reply["url"] == "/response/cmd" and reply["response_type"] == "ephemeral"
    shown = rendered(reply)
    assert {"type": "plain_text", "emoji": False, "text": "You asked: What is the half-life?"} in [b.get("text") for b in reply["blocks"]] and "3-4 hours" in shown and DISCLAIMER in shown
    assert "<!channel>" not in json.dumps(reply) and "@channel" not in shown
    assert slack.posts() == []


def test_escaping_reaches_slack(slack):
    slack.send(mention("<!channel> <@U999> & <https://evil.example|here> what is grapefruit?", "1700000500.000100"))
    [post] = slack.fake.wait_calls("chat.postMessage")
    payload = json.dumps(post)
    assert "<!channel>" not in payload and "<@U999>" not in payload and "<https://" not in payload
    assert DISCLAIMER in rendered(post)


def test_feedback_is_logged_and_thanked(slack):
    ts = slack.fake.add_message("C1", "half-life?")
    slack.send(mention("What is the half-life?", ts))
    [post] = slack.fake.wait_calls("chat.postMessage")
    message = {"type": "message", "ts": "1700000600.000100", "thread_ts": ts, "blocks": post["blocks"]}
    for action in ("feedback_helpful", "feedback_not_helpful"):
        status, _ = signed_post(slack.url, button_click(slack.fake, message, action), content_type=FORM)
        assert status == 200
    thanks = slack.fake.wait_calls("response_url", 2)
    assert all(t["response_type"] == "ephemeral" and t["replace_original"] is False and "Thanks" in t["text"]
               for t in thanks)
    lines = [json.loads(line) for line in slack.feedback_log.read_text().splitlines()]
    assert sorted(line["verdict"] for line in lines) == ["helpful", "not_helpful"]
    assert {line["question"] for line in lines} == {"What is the half-life?"}
    assert all(line["user"] == "UALICE" and line["channel"] == "C1" and line["message_ts"] == "1700000600.000100"
               and line["passages"] and line["answered"] is True for line in lines)


def test_a_handler_error_is_an_apology_with_the_disclaimer(slack, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals: db password")

    monkeypatch.setattr("bot.slack.handlers.answer", broken)
    slack.send(mention("What is the half-life?", "1700000700.000100"))
    [post] = slack.fake.wait_calls("chat.postMessage")
    status, _ = signed_post(slack.url, slash_command(slack.fake, "half-life"), content_type=FORM)
    [reply] = slack.fake.wait_calls("response_url")
    for message in (post, reply):
        assert APOLOGY in rendered(message) and DISCLAIMER in rendered(message)
        assert "secret internals" not in json.dumps(message) and "RuntimeError" not in json.dumps(message)
    assert post["thread_ts"] == "1700000700.000100"
    assert "Traceback" in caplog.text and "secret internals" in caplog.text  # logged for us, not shown to them


@pytest.mark.parametrize("text,plain", [
    (f"<@{BOT_USER}> What is the half-life?", "What is the half-life?"),
    ("<!here> <!channel|channel> <!subteam^S1|@team> dose &amp; &lt;b&gt;", "dose & <b>"),
    ("see <https://example.com|the label> and <https://example.com/x> in <#C1|general>",
     "see the label and https://example.com/x in #general"),
])
def test_slack_markup_becomes_what_was_typed(text, plain):
    assert " ".join(to_plain(text).split()) == plain


@pytest.mark.parametrize("headers,expected", [({}, 0), ({"x-slack-retry-num": ["0"]}, 0),
                                              ({"x-slack-retry-num": ["2"]}, 2), ({"x-slack-retry-num": "x"}, 0)])
def test_retry_number(headers, expected):
    assert retry_number(headers) == expected


def test_the_memory_of_seen_events_is_bounded():
    seen = Seen(limit=4)
    assert seen.first_time([("event", "E1"), ("message", "C1", "1.1")])
    assert not seen.first_time([("event", "E2"), ("message", "C1", "1.1")])  # same message, new event id
    for n in range(3, 10):
        assert seen.first_time([("event", f"E{n}")])
    assert len(seen) == 4 and seen.first_time([("event", "E1")])  # the oldest was forgotten
