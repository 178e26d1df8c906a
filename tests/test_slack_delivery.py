"""Issue 14 in-process: replies survive Slack failing, the guard refuses bad requests, clicks of any shape are recorded."""

from __future__ import annotations

import json
import logging
import socket
import time
from urllib.error import URLError
from urllib.parse import parse_qs, urlencode

import pytest
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot import DISCLAIMER
from bot.slack.delivery import SlackRetry, retry_after
from bot.slack.state import MAX_RECORD, FeedbackLog
from bot.slack.web import MAX_BODY_BYTES

from .slack_fake import button_click, mention, signature, signed_post, slash_command
from .slack_harness import FORM, rendered

UNSIGNED = {"Content-Type": "application/json"}


def bot_messages(slack) -> list[dict]:
    return [m for ms in slack.fake.channels.values() for m in ms if m.get("bot_id")]


def test_a_rate_limit_then_a_server_error_still_delivers_the_answer_once(slack, caplog):
    caplog.set_level("INFO")
    slack.fake.script["chat.postMessage"] = [(429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"}),
                                             (500, {}, {"ok": False, "error": "internal_error"})]
    began = time.monotonic()
    assert slack.send(mention("What is the half-life?", "1700000800.000100"), "EvRETRY") == (200, "")
    [post] = slack.fake.wait_calls("chat.postMessage")
    assert time.monotonic() - began >= 1.0  # Retry-After was honoured
    assert [name for name, _ in slack.fake.calls if name.startswith("chat.postMessage")] == [
        "chat.postMessage 429", "chat.postMessage 500", "chat.postMessage"]
    slack.settle()
    assert len(bot_messages(slack)) == 1 and "3-4 hours" in rendered(post)
    assert "event=EvRETRY kind=app_mention" in caplog.text and "outcome=answered" in caplog.text


def test_a_transient_ok_false_is_retried(slack):
    slack.fake.script["chat.postMessage"] = [(200, {}, {"ok": False, "error": "internal_error"})]
    slack.send(mention("What is the half-life?", "1700000801.000100"))
    slack.fake.wait_calls("chat.postMessage")
    slack.settle()
    assert len(bot_messages(slack)) == 1


def test_a_response_url_failure_is_retried_and_a_lost_reply_is_a_warning(slack, caplog):
    caplog.set_level("INFO")
    slack.fake.script["response_url"] = [(500, {}, {}), (429, {"Retry-After": "0"}, {})]
    assert signed_post(slack.url, slash_command(slack.fake, "What is the half-life?"), content_type=FORM)[0] == 200
    [reply] = slack.fake.wait_calls("response_url")
    assert DISCLAIMER in rendered(reply)
    slack.fake.script["response_url"] = [(404, {}, {})]  # an expired response_url is not retried
    body = slash_command(slack.fake, "What is the half-life?")
    trigger = dict(p.split("=", 1) for p in body.split("&"))["trigger_id"]
    assert signed_post(slack.url, body, content_type=FORM)[0] == 200
    slack.settle()
    assert len(slack.fake.calls_to("response_url")) == 1 and len(slack.fake.calls_to("response_url 404")) == 1
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert f"event={trigger} kind=command" in warning.getMessage() and "outcome=not_delivered" in warning.getMessage()
    assert "HTTP 404" in warning.getMessage()


@pytest.mark.parametrize("status,headers,body,retried", [
    (429, {"Retry-After": ["0"]}, None, True), (503, {}, None, True), (502, {}, None, True),
    (200, {}, {"ok": False, "error": "fatal_error"}, True), (200, {}, {"ok": False, "error": "channel_not_found"}, False),
    (404, {}, None, False), (400, {}, None, False),
])
def test_the_retry_policy(status, headers, body, retried):
    response = HttpResponse(status_code=status, headers=headers, body=body)
    request = HttpRequest(method="POST", url="http://x/", headers={})
    assert SlackRetry().can_retry(state=RetryState(), request=request, response=response) is retried


def test_lost_connections_are_retried_and_retry_after_is_read():
    request = HttpRequest(method="POST", url="http://x/", headers={})
    for error in (URLError("refused"), TimeoutError(), ConnectionResetError()):
        assert SlackRetry().can_retry(state=RetryState(), request=request, error=error)
    assert not SlackRetry().can_retry(state=RetryState(), request=request, error=ValueError())
    assert 2 <= retry_after({"retry-after": ["2"]}) < 2.3 and retry_after({"Retry-After": "x"}) is None


@pytest.mark.parametrize("body", [
    "{not json", "[1, 2]", "[" * 50_000 + "]" * 50_000, json.dumps({"type": "event_callback", "event": "x"})[:-1],
])
def test_malformed_bodies_are_refused_signed_or_not(slack, caplog, body):
    caplog.set_level("DEBUG")
    assert signed_post(slack.url, body, secret="not-the-secret")[0] == 401
    status, _ = signed_post(slack.url, body)
    assert status == 400
    assert "Traceback" not in caplog.text and body[:20] not in caplog.text


def test_a_form_payload_that_is_not_json_and_odd_headers_are_refused(slack, caplog):
    caplog.set_level("DEBUG")
    assert signed_post(slack.url, "payload=%7Bnope", content_type=FORM)[0] == 400
    assert signed_post(slack.url, "{}", headers={"X-Slack-Request-Timestamp": "soon"})[0] == 401
    assert signed_post(slack.url, "{}", headers={"X-Slack-Request-Timestamp": "\u00b2"})[0] == 401  # "²".isdigit()
    port = int(slack.url.split(":")[2].split("/")[0])
    with socket.create_connection(("127.0.0.1", port), timeout=15) as sock:  # refused before the body is read
        sock.sendall(f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: {MAX_BODY_BYTES + 1}\r\n\r\n"
                     .encode())
        assert sock.recv(100).split(b" ")[1] == b"413"
    assert "Traceback" not in caplog.text


def test_unsigned_bodies_never_reach_the_log(slack, caplog):
    caplog.set_level("DEBUG")
    forged = '{"type": "event_callback"}\n2024-01-01 INFO forged line' + "x" * 100_000
    for _ in range(3):
        assert signed_post(slack.url, forged, secret="wrong")[0] == 401
    assert "forged" not in caplog.text and len(caplog.text) < 1000


def test_a_replayed_slash_command_is_answered_once(slack, caplog):
    caplog.set_level("INFO")
    body = slash_command(slack.fake, "What is the half-life?")
    timestamp = str(int(time.time()))
    headers = {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature(body, timestamp)}
    for _ in range(2):
        assert signed_post(slack.url, body, content_type=FORM, headers=headers)[0] == 200
    slack.settle()
    assert len(slack.fake.calls_to("response_url")) == 1 and "outcome=duplicate" in caplog.text


@pytest.mark.parametrize("mangle,reason", [
    (lambda p: p["actions"][0].update(value="{broken"), "not the JSON object"),
    (lambda p: p["actions"][0].update(value="[1]"), "not the JSON object"),
    (lambda p: p.update(user="UALICE", channel=["C1"], container=7), None),
])
def test_a_malformed_click_is_recorded_as_rejected_never_raised(slack, mangle, reason, caplog):
    ts = slack.fake.add_message("C1", "half-life?")
    slack.send(mention("What is the half-life?", ts))
    [post] = slack.fake.wait_calls("chat.postMessage")
    message = {"type": "message", "ts": "1700000900.000100", "blocks": post["blocks"]}
    payload = json.loads(parse_qs(button_click(slack.fake, message, "feedback_helpful"))["payload"][0])
    mangle(payload)
    assert signed_post(slack.url, urlencode({"payload": json.dumps(payload)}), content_type=FORM)[0] == 200
    [record] = [json.loads(line) for line in slack.feedback_log.read_text().splitlines()]
    assert record["verdict"] == "helpful"
    if reason:
        assert reason in record["rejected"] and record["user"] == "UALICE" and record["question"] is None
    else:
        assert "rejected" not in record and record["user"] is None and record["channel"] is None
        assert record["question"] == "What is the half-life?" and record["message_ts"] == "1700000900.000100"
    assert "Traceback" not in caplog.text


def test_the_feedback_log_keeps_one_record_a_line_and_can_be_off(tmp_path):
    log = FeedbackLog(tmp_path / "fb.jsonl")
    assert log.append({"question": "a\u2028b\u2029c" + "q" * 100_000, "passages": ["p" * 1000] * 1000})
    text = (tmp_path / "fb.jsonl").read_text()
    assert text.count("\n") == 1 and "\u2028" not in text and "\u2029" not in text and len(text) <= MAX_RECORD + 1
    assert json.loads(text)["question"].startswith("a\u2028b\u2029c")
    assert FeedbackLog(None).append({"question": "x"}) is False


def test_the_log_filter_masks_secrets_and_keeps_one_line_per_record():
    import logging as _logging

    from bot.slack.logs import SafeText

    record = _logging.LogRecord("x", _logging.INFO, __file__, 1, "got %s", ("ok\n2024-01-01 INFO forged "
                                "xoxb-123456-abcdef and s3cr3t-signing\u2028more",), None)
    SafeText(("s3cr3t-signing",)).filter(record)
    text = record.getMessage()
    assert "\n" not in text and "\u2028" not in text and "forged" in text
    assert "xoxb-123456" not in text and "s3cr3t" not in text and "[token]" in text and "[secret]" in text
