"""Every way an Answer is shown: plain text (REPL, fallback), JSON (machines), Block Kit (Slack).

All three come from the same Answer, so a person, a script and Slack see one reply.
"""

from __future__ import annotations

import re
from typing import Any

from .models import Answer

SLACK_SECTION_LIMIT = 3000
SLACK_BLOCK_LIMIT = 50


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
    }
