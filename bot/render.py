"""How an Answer is shown to people and machines: plain text (REPL, fallback) and JSON.

Slack's Block Kit is built from the same Answer in ``bot/slack/blocks.py``, so a person,
a script and Slack see one reply.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from typing import Any

from .dosing import DOSING_NOTE
from .models import Answer, Warning

BOLD, PLAIN = "\x1b[1m", "\x1b[22m"
MIN_WIDTH = 20


# a terminal escape sequence typed or pasted into a question: CSI ("\x1b[31m"), OSC ("\x1b]0;title\x07"), or one letter
ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
SEARCHED_CHARS = 200  # a "Searching for:" line longer than this is cut: the question itself was long


def visible(text: str) -> str:
    """Text safe to print back: escape sequences removed whole, other control characters as spaces."""
    return "".join(" " if unicodedata.category(ch) == "Cc" and ch != "\n" else ch for ch in ESCAPES.sub("", text))


def searched(reply: Answer) -> str | None:
    """What was searched, when it differs from the question as typed (spacing aside), cut to a line or two."""
    query, asked = " ".join(reply.query.split()), " ".join(visible(reply.question).split())
    if not query or query == asked:
        return None
    return query if len(query) <= SEARCHED_CHARS else query[:SEARCHED_CHARS].rsplit(" ", 1)[0] + " …"


def banner(warning: Warning) -> str:
    """One line naming a document's boxed warning, and where to read it."""
    where = warning.citation.replace(f" › {warning.title}", "", 1)  # its heading is the title: said once
    return f"⚠ Boxed warning: {warning.title} (see {where})"


def render_text(answer: Answer) -> str:
    """The reply as one plain text: the answer first, then the passages, unwrapped."""
    parts: list[str] = []
    if answer.safety_notice:
        parts.append(answer.safety_notice)
    if answer.boxed_warning:
        parts.append(banner(answer.boxed_warning))
    parts.extend(answer.notes)
    if answer.extract:
        parts.extend(f"{part.text}\n    — {part.citation}" for part in answer.extract.parts)
    for n, hit in enumerate(answer.passages, 1):
        body = hit.passage.text.replace("\n", "\n   ")
        parts.append(f"[{n}] {body}\n    — {hit.passage.citation}")
    parts.append(answer.disclaimer)
    return "\n\n".join(parts)


def render_terminal(answer: Answer, width: int = 80, bold: bool = False) -> str:
    """The reply for a terminal: wrapped to ``width`` between words, citations on their own
    line, and with ``bold`` the answer and each passage's answering sentence in bold."""
    width = max(width, MIN_WIDTH)
    parts: list[str] = []
    head = [answer.safety_notice] if answer.safety_notice else []
    head += [banner(answer.boxed_warning)] if answer.boxed_warning else []
    for text in head + list(answer.notes):
        parts.append(wrap(text, width))
    for part in answer.extract.parts if answer.extract else ():
        text = wrap(part.text, width, marks=(part.text,) if bold else ())
        parts.append(text + "\n" + _citation(part.citation, width))
    marks = answer.marks if bold else ()
    for n, hit in enumerate(answer.passages, 1):
        mark = (marks[n - 1],) if n - 1 < len(marks) and marks[n - 1] else ()
        body = wrap(hit.passage.text, width, marks=mark, first=f"[{n}] ", indent="    ")
        parts.append(body + "\n" + _citation(hit.passage.citation, width))
    parts.append(wrap(answer.disclaimer, width))
    return "\n\n".join(parts)


def terminal_width(stream: Any) -> tuple[int, bool]:
    """(columns, whether to use bold) for a stream: its terminal's width, or 80 and plain text."""
    if not (hasattr(stream, "isatty") and stream.isatty()):
        return 80, False
    return shutil.get_terminal_size((80, 24)).columns, True


def _citation(citation: str, width: int) -> str:
    return wrap(citation, width, first="    — ", indent="      ")


def wrap(text: str, width: int, marks: tuple[str, ...] = (), first: str = "", indent: str = "") -> str:
    """``text`` wrapped to ``width`` columns between words (a word longer than a line keeps
    its own line), each of its lines ("• item") starting a new line; words inside a mark in bold."""
    bold = [False] * len(text)
    for mark in marks:
        start = text.find(mark)
        if mark and start >= 0:
            bold[start:start + len(mark)] = [True] * len(mark)
    out: list[str] = []
    offset = 0
    for n, line in enumerate(text.split("\n")):
        lead = first if n == 0 else indent
        hang = indent + ("  " if line.startswith("• ") else "")
        words = [(m.group(), any(bold[offset + m.start():offset + m.end()])) for m in re.finditer(r"\S+", line)]
        out.extend(_fill(words, width, lead, hang))
        offset += len(line) + 1
    return "\n".join(out)


def _fill(words: list[tuple[str, bool]], width: int, lead: str, hang: str) -> list[str]:
    lines: list[list[tuple[str, bool]]] = [[]]
    used = len(lead)
    for word, strong in words:
        if lines[-1] and used + 1 + len(word) > width:
            lines.append([])
            used = len(hang)
        used += len(word) + (1 if lines[-1] else 0)
        lines[-1].append((word, strong))
    return [(lead if i == 0 else hang) + _styled(line) for i, line in enumerate(lines)]


def _styled(words: list[tuple[str, bool]]) -> str:
    """Words joined by spaces, a run of bold words wrapped in one pair of codes."""
    out, on = "", False
    for i, (word, strong) in enumerate(words):
        sep = " " if i else ""
        if strong and not on:
            out += sep + BOLD + word
        elif not strong and on:
            out += PLAIN + sep + word
        else:
            out += sep + word
        on = strong
    return out + (PLAIN if on else "")


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
        # the answer's first passage's sentence(s), verbatim from that passage, with its id and citation; "parts"
        # each passage's (two when a second passage answers nearly as well) and "whole" the answer as read
        "answer": None if answer.extract is None else {
            "text": answer.extract.text,
            "passage_id": answer.extract.passage_id,
            "citation": answer.extract.citation,
            "parts": [{"text": part.text, "passage_id": part.passage_id, "citation": part.citation}
                      for part in answer.extract.parts],
            "whole": answer.extract.whole,
        },
        "boxed_warning": None if answer.boxed_warning is None else {
            "title": answer.boxed_warning.title,
            "passage_id": answer.boxed_warning.passage_id,
            "citation": answer.boxed_warning.citation,
        },
        "notes": list(answer.notes),
        "dosing_note": DOSING_NOTE in answer.notes,
    }
