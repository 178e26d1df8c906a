"""What the Slack bot does with each request: acknowledge at once, answer once, never for a bot.

Listeners run while Slack waits for the acknowledgement (the app is built with
``process_before_response``), so they only claim the request and queue a ``Job``;
``reply`` then composes the answer (or the apology) and posts it, on the queue's
threads. A thread's earlier questions are read back from Slack rather than kept here,
so a restart or another replica loses no conversation.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from datetime import datetime, timezone

from slack_bolt import App, BoltResponse

from index import Index

from ..core import answer
from .blocks import FEEDBACK_ACTIONS, to_blocks, to_notice_blocks
from .delivery import post_message, post_to_response_url
from .messages import (
    _ts,
    dig,
    is_direct_message,
    is_from_a_bot,
    repeat_keys,
    request_id,
    retry_number,
    text_of,
    to_plain,
)
from .state import FeedbackLog, Seen
from .work import Job, WorkQueue

__all__ = ["SlackBot", "APOLOGY", "retry_number", "to_plain"]

APOLOGY = "Sorry, something went wrong on my side and I could not answer this. Please try again in a moment."
THANKS = "Thanks for the feedback! It is recorded and helps us improve the answers."
THANKS_UNRECORDED = "Thanks for the feedback!"
FEEDBACK_FAILED = "Sorry, your feedback could not be recorded this time."
THREAD_PAGES = 5  # conversations.replies pages (200 messages each) read for a thread's history

log = logging.getLogger("monograph-bot.slack")


class SlackBot:
    """The listeners of one Bolt app, sharing the index, the claims, the feedback log and the work queue."""

    def __init__(self, index: Index, k: int, feedback: FeedbackLog, queue: WorkQueue, claims=None):
        self.index, self.k, self.feedback, self.queue = index, k, feedback, queue
        self.claims = claims if claims is not None else Seen()

    def register(self, app: App, command: str) -> None:
        app.middleware(self.skip_repeats)
        app.event("app_mention")(self.on_mention)
        app.event("message", matchers=[is_direct_message])(self.on_direct_message)
        app.event("message")(self.on_other_message)
        app.command(command)(self.on_command)
        app.action(re.compile("^(" + "|".join(FEEDBACK_ACTIONS) + ")$"))(self.on_feedback)

    def skip_repeats(self, body: dict, request, next):
        """A retried, repeated or replayed request is acknowledged (so Slack stops) and not answered again.

        Repeats come as retries (X-Slack-Retry-Num > 0), as the same event_id, as one
        message under two subscriptions, or as a slash command or click sent again.
        Claims go to Redis when replicas share it, else to this process's memory.
        """
        keys = repeat_keys(body, request.headers)
        retry = retry_number(request.headers)
        if retry > 0 or (keys and not self.claims.first_time(keys)):
            log.info("event=%s kind=%s outcome=duplicate retry=%d", request_id(body),
                     body.get("type") or ("command" if body.get("command") else "?"), retry)
            return BoltResponse(status=200, body="")
        return next()

    def on_mention(self, body: dict, event: dict, context, client) -> None:
        if not is_from_a_bot(event, context.bot_user_id):
            self._queue_answer(body, event, client, context.bot_user_id, event.get("thread_ts") or event.get("ts"))

    def on_direct_message(self, body: dict, event: dict, context, client) -> None:
        if not is_from_a_bot(event, context.bot_user_id):
            self._queue_answer(body, event, client, context.bot_user_id, event.get("thread_ts"))

    def on_other_message(self) -> None:
        """Edits, joins, bots' and channel messages: acknowledged, never answered."""

    def _queue_answer(self, body: dict, event: dict, client, bot_user_id: str | None, reply_in: str | None) -> None:
        channel, ts = text_of(event.get("channel")), text_of(event.get("ts"))
        if not channel or not ts:
            log.info("event=%s kind=%s outcome=rejected reason='no channel or ts'", request_id(body), event.get("type"))
            return
        question, thread = to_plain(event.get("text", "")), text_of(event.get("thread_ts"))

        def compose() -> dict:
            earlier = ()
            if thread and thread != ts:
                asked = event.get("type") == "app_mention" and bool(bot_user_id)
                earlier = self.thread_questions(client, channel, thread, ts, bot_user_id, asked)
            return to_blocks(answer(question, self.index, earlier, self.k))

        self.queue.submit(Job(request_id(body), event.get("type", "?"), question=question, work=lambda: self.reply(
            compose, lambda message: post_message(client, channel, reply_in, message))))

    def on_command(self, ack, body: dict, command: dict) -> None:
        ack()
        question = to_plain(command.get("text", ""))
        self.queue.submit(Job(request_id(body), "command", question=question, work=lambda: self.reply(
            lambda: to_blocks(answer(question, self.index, (), self.k), restate=True),
            lambda message: post_to_response_url(command.get("response_url"),
                                                 {"response_type": "ephemeral", "unfurl_links": False,
                                                  "unfurl_media": False, **message}))))

    @staticmethod
    def reply(compose: Callable[[], dict], post: Callable[[dict], str | None]) -> str:
        """The one way an answer reaches Slack: compose it, or the apology if that fails; post; say what happened.

        The apology carries the disclaimer and never the error's text, which is logged.
        """
        outcome = "answered"
        try:
            message = compose()
        except Exception:
            log.exception("could not answer; posting the apology")
            message, outcome = to_notice_blocks(APOLOGY), "apology"
        problem = post(message)
        return outcome if problem is None else f"not_delivered: {problem}"

    def thread_questions(self, client, channel: str, thread_ts: str, before_ts: str, bot_user_id: str | None,
                         mentions_only: bool = False) -> tuple[str, ...]:
        """People's earlier messages in the thread, oldest first, as plain text.

        In a channel (``mentions_only``) that is the thread's first message and the
        messages addressed to the bot, not everyone's chatter; in a DM, every message.
        """
        messages: list[dict] = []
        cursor = None
        try:
            for _ in range(THREAD_PAGES):
                page = client.conversations_replies(channel=channel, ts=thread_ts, limit=200, cursor=cursor)
                messages.extend(page.get("messages") or [])
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    break
        except Exception as exc:  # a missing scope or a deleted thread costs the context, not the answer
            log.warning("could not read thread %s in %s, answering without it: %s", thread_ts, channel, exc)
            return ()
        before, to_bot = _ts(before_ts), f"<@{bot_user_id}>"
        texts = [to_plain(m.get("text", "")) for m in messages
                 if _ts(m.get("ts")) < before and not is_from_a_bot(m, bot_user_id)
                 and m.get("subtype") in (None, "thread_broadcast")
                 and (not mentions_only or m.get("ts") == thread_ts or to_bot in m.get("text", ""))]
        return tuple(t for t in texts if t)

    def on_feedback(self, ack, body: dict) -> None:
        """Record the click now (before the 200), thank in the background; a malformed click is recorded as rejected."""
        ack()
        record, problem = feedback_record(body)
        try:
            written = self.feedback.append(record)
            text = THANKS if written else THANKS_UNRECORDED
        except OSError as exc:
            log.error("could not record feedback in %s: %s", self.feedback.path, exc.strerror or exc)
            text = FEEDBACK_FAILED
        if problem:
            log.info("event=%s kind=feedback outcome=rejected reason=%r", request_id(body), problem)
            text = FEEDBACK_FAILED
        url = dig(body, "response_url")
        self.queue.submit(Job(request_id(body), "feedback", work=lambda: "thanked" if post_to_response_url(
            url, {"text": text, "response_type": "ephemeral", "replace_original": False}) is None
            else "not_delivered: the thanks could not be posted"))


def feedback_record(body: dict) -> tuple[dict, str | None]:
    """The feedback log's record of a click, and what was wrong with it (None for a well-formed click)."""
    actions = body.get("actions")
    action = actions[0] if isinstance(actions, list) and actions and isinstance(actions[0], dict) else {}
    action_id = action.get("action_id")
    try:
        shown = json.loads(action.get("value") or "{}") if isinstance(action.get("value"), (str, type(None))) else None
    except (ValueError, RecursionError):
        shown = None
    problem = None
    if action_id not in FEEDBACK_ACTIONS:
        problem = "no feedback action in the payload"
    elif not isinstance(shown, dict):
        problem = "the button's value is not the JSON object the bot wrote"
    shown = shown if isinstance(shown, dict) else {}
    passages = shown.get("p") if isinstance(shown.get("p"), list) else []
    record = {
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "verdict": {"feedback_helpful": "helpful", "feedback_not_helpful": "not_helpful"}.get(action_id),
        "user": text_of(dig(body, "user", "id")),
        "channel": text_of(dig(body, "channel", "id")) or text_of(dig(body, "container", "channel_id")),
        "message_ts": text_of(dig(body, "container", "message_ts")) or text_of(dig(body, "message", "ts")),
        "question": text_of(shown.get("q")),
        "passages": [p for p in passages if isinstance(p, str)],
        "answered": shown.get("a") if isinstance(shown.get("a"), bool) else None,
    }
    if problem:
        record["rejected"] = problem
    return record, problem
