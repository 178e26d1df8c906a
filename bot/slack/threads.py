"""Threads, read back from Slack: whether the bot follows one, and the questions asked in it.

Nothing about a thread is kept by the bot: "the bot has answered in this thread" is a
message of its own among the thread's replies (``conversations.replies``), and "told to
stop" is a person's ``stop`` there, so replicas and restarts always agree.
"""

from __future__ import annotations

import logging
import re

from .messages import _ts, is_from_a_bot, to_plain

THREAD_PAGES = 5  # conversations.replies pages (200 messages each) read for a thread's history
STOP = re.compile(r"^\s*stop\s*[.!]*\s*$", re.I)
_OTHERS = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>|<!(subteam\^|here|channel|everyone)")

log = logging.getLogger("monograph-bot.slack")


def read_thread(client, channel: str, thread_ts: str) -> list[dict] | None:
    """The thread's messages, oldest first; None when it cannot be read (a missing scope, a deleted thread)."""
    messages: list[dict] = []
    cursor = None
    try:
        for _ in range(THREAD_PAGES):
            page = client.conversations_replies(channel=channel, ts=thread_ts, limit=200, cursor=cursor)
            messages.extend(page.get("messages") or [])
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
    except Exception as exc:
        log.warning("could not read thread %s in %s: %s", thread_ts, channel, exc)
        return None
    return sorted(messages, key=lambda m: _ts(m.get("ts")))


def is_stop(text: str) -> bool:
    """``stop`` (or ``@monograph stop``) on its own: the thread is no longer followed."""
    return bool(STOP.match(to_plain(text)))


def mentions_someone_else(text: str, bot_user_id: str | None) -> bool:
    """A user, a user group or the whole channel is addressed, and it is not (only) the bot."""
    return any(m.group(2) or m.group(1) != bot_user_id for m in _OTHERS.finditer(str(text or "")))


def mentions_bot(text: str, bot_user_id: str | None) -> bool:
    return bool(bot_user_id) and f"<@{bot_user_id}" in str(text or "")


def is_own(message: dict, bot_user_id: str | None, bot_id: str | None) -> bool:
    return bool((bot_user_id and message.get("user") == bot_user_id) or (bot_id and message.get("bot_id") == bot_id))


def _person(message: dict, bot_user_id: str | None) -> bool:
    return not is_from_a_bot(message, bot_user_id) and message.get("subtype") in (None, "thread_broadcast")


def followed(messages: list[dict], before_ts: str, bot_user_id: str | None, bot_id: str | None) -> bool:
    """The bot answered in the thread before ``before_ts`` and nobody has said ``stop`` there."""
    before = _ts(before_ts)
    earlier = [m for m in messages if _ts(m.get("ts")) < before]
    return any(is_own(m, bot_user_id, bot_id) for m in earlier) and \
        not any(_person(m, bot_user_id) and is_stop(m.get("text", "")) for m in earlier)


def questions(messages: list[dict], thread_ts: str, before_ts: str, bot_user_id: str | None, bot_id: str | None,
              *, channel: bool, followups: bool) -> tuple[str, ...]:
    """People's earlier questions in the thread, oldest first, as plain text.

    In a DM, every person's message. In a channel, not everyone's chatter: the thread's
    first message, the messages that mention the bot, and (with follow-ups on) what
    people wrote after the bot's first answer there that addressed nobody else, up to a ``stop``.
    """
    before, answered, stopped, texts = _ts(before_ts), False, False, []
    for m in messages:
        if _ts(m.get("ts")) >= before:
            break
        if is_own(m, bot_user_id, bot_id):
            answered = True
            continue
        if not _person(m, bot_user_id):
            continue
        text = m.get("text", "")
        if is_stop(text):
            stopped = True
            continue
        if (not channel or m.get("ts") == thread_ts or mentions_bot(text, bot_user_id)
                or (followups and answered and not stopped and not mentions_someone_else(text, bot_user_id))):
            texts.append(to_plain(text))
    return tuple(t for t in texts if t)
