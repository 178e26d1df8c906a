"""How an Answer is shown to people and machines: plain text (REPL, fallback) and JSON.

Slack's Block Kit is built from the same Answer in ``bot/slack/blocks.py``, so a person,
a script and Slack see one reply.
"""

from __future__ import annotations

import json
from typing import Any

from .models import Answer


def render_text(answer: Answer) -> str:
    parts: list[str] = []
    if answer.safety_notice:
        parts.append(answer.safety_notice)
    parts.extend(answer.notes)
    for n, hit in enumerate(answer.passages, 1):
        body = hit.passage.text.replace("\n", "\n   ")
        parts.append(f"[{n}] {body}\n    — {hit.passage.citation}")
    parts.append(answer.disclaimer)
    return "\n\n".join(parts)


# Characters that some line readers (Python's str.splitlines, JavaScript) take for line ends
_LINE_BREAKING = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def json_line(obj: Any) -> str:
    """One JSON object on exactly one line, whatever line separators the text holds."""
    text = json.dumps(obj, ensure_ascii=False)
    for char, escaped in _LINE_BREAKING.items():
        text = text.replace(char, escaped)
    return text


def to_json(answer: Answer) -> dict[str, Any]:
    return {
        "question": answer.question,
        "query": answer.query,
        "answered": answer.answered,
        "passages": [
            {
                "id": h.passage.id,
                "document": h.passage.document,
                "section": h.passage.section,
                "text": h.passage.text,
                "score": h.score,
                "citation": h.passage.citation,
            }
            for h in answer.passages
        ],
        "safety_notice": answer.safety_notice,
        "disclaimer": answer.disclaimer,
        "text": answer.text,
        "caveat": list(answer.caveat),
    }
