"""What the Slack bot does with each request: answer in the thread, once, and never for a bot.

Handlers take what they need from Bolt's arguments (``client``, ``ack``, ``respond``,
``context``) and call the same ``answer()`` as the REPL; ``bot.slack.app`` builds the app.
A thread's earlier questions are read back from Slack rather than kept here, so a
restart or a second running copy loses no conversation.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from slack_bolt import App, BoltResponse

from index import Index

from ..core import answer
from .blocks import FEEDBACK_ACTIONS, to_blocks, to_notice_blocks
from .state import SEEN_LIMIT, FeedbackLog, Seen

APOLOGY = "Sorry, something went wrong on my side and I could not answer this. Please try again in a moment."
THANKS = "Thanks for the feedback! It is recorded and helps us improve the answers."
FEEDBACK_FAILED = "Sorry, your feedback could not be recorded this time."
THREAD_PAGES = 5  # conversations.replies pages (200 messages each) read for a thread's history

log = logging.getLogger("monograph-bot.slack")
_MARKUP = re.compile(r"<([@!#])([^<>|]*)(?:\|([^<>]*))?>|<([^<>|]+)(?:\|([^<>]*))?>")


def to_plain(text: str) -> str:
    """A message's Slack markup back to what the person typed.

    User and broadcast mentions (``<@U1>``, ``<!here>``) are dropped, channels and links
    become their names, and Slack's ``&amp;``/``&lt;``/``&gt;`` are decoded.
    """

    def plain(m: re.Match) -> str:
        sigil, ref, label, url, url_label = m.groups()
        if sigil == "#":
            return "#" + (label or ref)
        if sigil:
            return " "
        return url_label or url

    text = _MARKUP.sub(plain, str(text or ""))
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def _ts(value: Any) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return Decimal(0)


def is_from_a_bot(message: dict, bot_user_id: str | None) -> bool:
    return bool(message.get("bot_id") or message.get("subtype") == "bot_message"
                or (bot_user_id and message.get("user") == bot_user_id))


def is_direct_message(event: dict) -> bool:
    """Bolt's ``{"channel_type": "im"}`` constraint also lets channel messages through; this does not."""
    return event.get("channel_type") == "im" and not event.get("subtype") and not event.get("bot_id")


def retry_number(headers: dict) -> int:
    """X-Slack-Retry-Num; Socket Mode sends "0" with every first delivery, so only > 0 is a retry."""
    value = headers.get("x-slack-retry-num")
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0


class SlackBot:
    """The listeners of one Bolt app, sharing the index, the de-duplication memory and the feedback log."""

    def __init__(self, index: Index, k: int, feedback: FeedbackLog, seen_limit: int = SEEN_LIMIT):
        self.index, self.k, self.feedback = index, k, feedback
        self.seen = Seen(seen_limit)

    def register(self, app: App, command: str) -> None:
        app.middleware(self.skip_redeliveries)
        app.event("app_mention")(self.on_mention)
        app.event("message", matchers=[is_direct_message])(self.on_direct_message)
        app.event("message")(self.on_other_message)
        app.command(command)(self.on_command)
        app.action(re.compile("^(" + "|".join(FEEDBACK_ACTIONS) + ")$"))(self.on_feedback)

    def skip_redeliveries(self, body: dict, request, next):
        """A retried or repeated event is acknowledged (so Slack stops) and not answered again.

        Repeats come as retries (X-Slack-Retry-Num > 0), as the same event_id, or as one
        message delivered twice under two subscriptions (same channel and ts).
        """
        if body.get("type") != "event_callback":
            return next()
        event = body.get("event") or {}
        keys = [("event", body["event_id"])] if body.get("event_id") else []
        if event.get("channel") and event.get("ts"):
            keys.append(("message", event["channel"], event["ts"]))
        retry = retry_number(request.headers)
        if retry > 0 or (keys and not self.seen.first_time(keys)):
            log.info("not answering %s again (retry %d)", body.get("event_id") or keys, retry)
            return BoltResponse(status=200, body="")
        return next()

    def on_mention(self, event: dict, context, client) -> None:
        if not is_from_a_bot(event, context.bot_user_id):
            self._answer(client, event, context.bot_user_id, reply_in=event.get("thread_ts") or event["ts"])

    def on_direct_message(self, event: dict, context, client) -> None:
        if not is_from_a_bot(event, context.bot_user_id):
            self._answer(client, event, context.bot_user_id, reply_in=event.get("thread_ts"))

    def on_other_message(self) -> None:
        """Edits, joins, bots' and channel messages: acknowledged, never answered."""

    def _answer(self, client, event: dict, bot_user_id: str | None, reply_in: str | None) -> None:
        channel, ts, thread = event["channel"], event["ts"], event.get("thread_ts")
        try:
            earlier = ()
            if thread and thread != ts:
                asked = event.get("type") == "app_mention" and bool(bot_user_id)
                earlier = self.thread_questions(client, channel, thread, ts, bot_user_id, asked)
            message = to_blocks(answer(to_plain(event.get("text", "")), self.index, earlier, self.k))
        except Exception:
            log.exception("could not answer message %s in %s", ts, channel)
            message = to_notice_blocks(APOLOGY)
        try:
            client.chat_postMessage(channel=channel, thread_ts=reply_in, unfurl_links=False, unfurl_media=False,
                                    **message)
        except Exception:
            log.exception("could not post the answer to message %s in %s", ts, channel)

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

    def on_command(self, ack, command: dict, respond) -> None:
        ack()
        try:
            message = to_blocks(answer(to_plain(command.get("text", "")), self.index, (), self.k), restate=True)
        except Exception:
            log.exception("could not answer %s", command.get("command"))
            message = to_notice_blocks(APOLOGY)
        try:
            respond(response_type="ephemeral", unfurl_links=False, unfurl_media=False, **message)
        except Exception:
            log.exception("could not send the answer to %s", command.get("command"))

    def on_feedback(self, ack, body: dict, action: dict, respond) -> None:
        ack()
        try:
            shown = json.loads(action.get("value") or "{}")
        except ValueError:
            shown = {}
        shown = shown if isinstance(shown, dict) else {}
        container, message = body.get("container") or {}, body.get("message") or {}
        record = {
            "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "verdict": "helpful" if action.get("action_id") == "feedback_helpful" else "not_helpful",
            "user": (body.get("user") or {}).get("id"),
            "channel": (body.get("channel") or {}).get("id") or container.get("channel_id"),
            "message_ts": container.get("message_ts") or message.get("ts"),
            "question": shown.get("q"),
            "passages": shown.get("p") or [],
            "answered": shown.get("a"),
        }
        try:
            self.feedback.append(record)
            text = THANKS
        except OSError:
            log.exception("could not record feedback in %s", self.feedback.path)
            text = FEEDBACK_FAILED
        try:
            respond(text=text, response_type="ephemeral", replace_original=False)
        except Exception:
            log.exception("could not thank for feedback")
