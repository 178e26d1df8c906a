"""Block Kit for Slack: the same Answer as sections, context and feedback buttons.

Slack's own limits (3,000 characters a section, 50 blocks, 2,000 characters a button
value) and its markup rules (``&``, ``<``, ``>`` and broadcast words) are kept here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from index import Hit

from ..models import DISCLAIMER, Answer
from ..render import banner, searched

SLACK_SECTION_LIMIT = 3000  # characters in one section's text (Slack's limit)
SLACK_BLOCK_LIMIT = 50  # blocks in one message (Slack's limit)
SLACK_VALUE_LIMIT = 2000  # characters in a button's value (Slack's limit)
FEEDBACK_ACTIONS = {"feedback_helpful": "👍 Helpful", "feedback_not_helpful": "👎 Not helpful"}
ESCALATE_ACTION, ESCALATE_LABEL = "escalate", "🧑‍⚕️ Ask a pharmacist"
_BROADCAST_WORD = re.compile(r"@(channel|here|everyone)\b", re.I)


def slack_escape(text: str) -> str:
    """User and document text made inert for Slack.

    Escaping ``&``, ``<`` and ``>`` turns ``<!channel>``, ``<@U123>`` and ``<http://x|y>``
    into text that is shown, not acted on; a word joiner after ``@`` does the same for
    the plain words ``@channel``, ``@here`` and ``@everyone``.
    """
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST_WORD.sub(lambda m: "@\u2060" + m.group(1), text)


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, ending in an ellipsis when cut; never half an ``&amp;``."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut.rstrip() + "…"


def _section(mrkdwn: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(mrkdwn, SLACK_SECTION_LIMIT)}}


def _plain_section(text: str) -> dict[str, Any]:
    """Text shown as typed: Slack mrkdwn has no escape for ``*``, ``_``, ``~`` or backticks, plain_text needs none."""
    return {"type": "section", "text": {"type": "plain_text", "emoji": False,
                                        "text": clip(slack_escape(text), SLACK_SECTION_LIMIT)}}


def _context(mrkdwn: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(mrkdwn, SLACK_SECTION_LIMIT)}]}


def _passage_section(n: int, hit: Hit, mark: str = "") -> dict[str, Any]:
    citation = clip(f"\n— {slack_escape(hit.passage.citation)}", SLACK_SECTION_LIMIT // 3)
    body = clip(f"*[{n}]* {marked(hit.passage.text, mark)}", SLACK_SECTION_LIMIT - len(citation))
    return _section(body + citation)


def bold(text: str) -> str:
    """Slack bold for each line of already escaped text (bold does not cross a line break);
    an asterisk inside would end it early, so it is shown as "∗"."""
    lines = text.replace("*", "\u2217").split("\n")
    return "\n".join(f"*{line.strip()}*" if line.strip() else line for line in lines)


def marked(text: str, mark: str) -> str:
    """Escaped text with ``mark`` (a slice of it: the answering sentence) in bold."""
    start = text.find(mark) if mark else -1
    if start < 0:
        return slack_escape(text)
    end = start + len(mark)
    return slack_escape(text[:start]) + bold(slack_escape(mark)) + slack_escape(text[end:])


def _answer_section(answer: Answer) -> list[dict[str, Any]]:
    """The sentence that answers (one from each of two passages when both answer), in its own
    section above the passages, each with its citation."""
    if answer.extract is None:
        return []
    parts = answer.extract.parts
    room = (SLACK_SECTION_LIMIT - 2 * (len(parts) - 1)) // len(parts)  # each part's share, a blank line between
    texts = []
    for part in parts:
        citation = clip(f"\n— {slack_escape(part.citation)}", room // 3)
        texts.append(clip(bold(slack_escape(part.text)), room - len(citation)) + citation)
    return [_section("\n\n".join(texts))]


def feedback_value(answer: Answer) -> str:
    """What a feedback click carries back (the question, the passages shown), as JSON."""
    ids = [h.passage.id for h in answer.passages]
    question = answer.question[:500]
    while True:
        value = json.dumps({"q": question, "p": ids, "a": answer.answered}, ensure_ascii=False)
        # JSON's own escapes keep Slack markup out of the payload; json.loads restores them
        value = value.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        if len(value) <= SLACK_VALUE_LIMIT:
            return value
        if ids:
            ids.pop()
        else:
            question = question[: len(question) // 2]


def _feedback_block(answer: Answer, escalate: bool = False) -> dict[str, Any]:
    """👍/👎, and "Ask a pharmacist" when an escalation channel is set; each carries the question back."""
    value = feedback_value(answer)
    actions = {**FEEDBACK_ACTIONS, **({ESCALATE_ACTION: ESCALATE_LABEL} if escalate else {})}
    buttons = [{"type": "button", "action_id": action, "value": value, "text": {"type": "plain_text", "text": label}}
               for action, label in actions.items()]
    return {"type": "actions", "block_id": "feedback", "elements": buttons}


def source_line(answer: Answer) -> str | None:
    """The footer naming the document the answer comes from (its first passage's), or None when declined."""
    return f"Answering from: {answer.passages[0].passage.document}" if answer.passages else None


def _fallback(body: str, disclaimer: str) -> str:
    """The notification and no-blocks text: escaped, clipped, and still ending with the disclaimer."""
    tail = slack_escape(disclaimer)
    if not body.strip():
        return tail
    return clip(slack_escape(body), SLACK_SECTION_LIMIT - len(tail) - 2) + "\n\n" + tail


def to_blocks(answer: Answer, *, restate: bool = False, escalate: bool = False) -> dict[str, Any]:
    """Block Kit for ``chat.postMessage`` (``text`` + ``blocks``), within Slack's limits.

    ``restate`` repeats the question first, for replies (slash commands) that do not
    appear under the question they answer; ``escalate`` adds the "Ask a pharmacist" button.
    """
    head = [_section(slack_escape(answer.safety_notice))] if answer.safety_notice else []
    if answer.boxed_warning:  # a label's boxed warning comes before anything answered from it
        head.append(_section(f"*{slack_escape(banner(answer.boxed_warning))}*"))
    if restate:
        head.append(_plain_section(f"You asked: {answer.question}"))
    query = searched(answer)
    if query:
        head.append(_context(f"Searching for: {slack_escape(query)}"))
    body = [_section(slack_escape(note)) for note in answer.notes] + _answer_section(answer)
    marks = answer.marks
    body += [_passage_section(n, hit, marks[n - 1] if n <= len(marks) else "")
             for n, hit in enumerate(answer.passages, 1)]
    source = source_line(answer)
    tail = ([_context(slack_escape(source))] if source else []) + [_context(slack_escape(answer.disclaimer)),
                                                                  _feedback_block(answer, escalate)]
    room = SLACK_BLOCK_LIMIT - len(head) - len(tail)
    if len(body) > room:
        hidden = len(body) - (room - 1)
        body = body[: room - 1] + [_context(f"({hidden} more passages not shown.)")]
    plain = answer.text
    if plain.endswith(answer.disclaimer):
        plain = plain[: -len(answer.disclaimer)].rstrip()
    if restate:
        plain = f"You asked: {answer.question}\n\n{plain}"
    return {"text": _fallback(plain, answer.disclaimer), "blocks": head + body + tail}


def to_notice_blocks(message: str, disclaimer: str = DISCLAIMER) -> dict[str, Any]:
    """A fixed message (an apology) with the disclaimer, in the same shape as ``to_blocks``."""
    return {"text": _fallback(message, disclaimer),
            "blocks": [_section(slack_escape(message)), _context(slack_escape(disclaimer))]}
