"""Reading Slack's requests: markup back to text, who sent a message, and what makes a request a repeat.

Pure functions over the payloads Bolt hands the listeners; a payload is Slack's, but
any field may be missing or of the wrong type in a malformed one, so nothing here
assumes a shape (``dig``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

_MARKUP = re.compile(r"<([@!#])([^<>|]*)(?:\|([^<>]*))?>|<([^<>|]+)(?:\|([^<>]*))?>")


def dig(value: Any, *path: str) -> Any:
    """``value[path[0]][path[1]]...``, or None where a step is missing or not a dict."""
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def text_of(value: Any) -> str | None:
    """A string field as a string; anything else (a number, a list, a dict) as None."""
    return value if isinstance(value, str) else None


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


def is_channel_message(event: dict) -> bool:
    """A person's message in a public or private channel (message.channels, message.groups), replies included."""
    return event.get("channel_type") in ("channel", "group") and event.get("subtype") in (None, "thread_broadcast") \
        and not event.get("bot_id")


def retry_number(headers: dict) -> int:
    """X-Slack-Retry-Num; Socket Mode sends "0" with every first delivery, so only > 0 is a retry."""
    value = header(headers, "x-slack-retry-num")
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0


def header(headers: dict, name: str) -> str | None:
    value = headers.get(name)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def request_id(body: dict) -> str:
    """What the log calls a request: Slack's event_id, a command's or click's trigger_id, else "-"."""
    for value in (body.get("event_id"), body.get("trigger_id")):
        if isinstance(value, str) and value:
            return value[:64]
    return "-"


def repeat_keys(body: dict, headers: dict) -> list[tuple]:
    """The keys a request claims: answered once per key, by one process or one replica.

    An event: its event_id, and its channel and ts (one message under two subscriptions).
    A slash command or a click: its trigger_id and its signature (a replayed request
    carries both unchanged). A URL check has none.
    """
    keys: list[tuple] = []
    if body.get("type") == "event_callback":
        if text_of(body.get("event_id")):
            keys.append(("event", body["event_id"]))
        channel, ts = text_of(dig(body, "event", "channel")), text_of(dig(body, "event", "ts"))
        if channel and ts:
            keys.append(("message", channel, ts))
        return keys
    if body.get("command") or body.get("type") == "block_actions":
        if text_of(body.get("trigger_id")):
            keys.append(("trigger", body["trigger_id"]))
        signature = header(headers, "x-slack-signature")
        if signature:
            keys.append(("signature", signature))
    return keys
