"""The answering core: ``answer(question, index, history) -> Answer``.

Pure: no I/O, no environment. Every path, an empty question included, returns an
``Answer`` that carries the disclaimer; declines and notices are values, not errors.
"""

from __future__ import annotations

import re
import unicodedata

from index import Hit, Index

from .models import DISCLAIMER, MAX_QUESTION_CHARS, Answer
from .query import Concept, Plan, plan
from .render import render_text
from .safety import DOSING_NOTE, EMERGENCY_NOTICE, asks_personal_dosing, is_emergency

DEFAULT_K = 3
MIN_COVERAGE = 0.6  # calibrated on the question sets with `python -m bot eval`
HISTORY_TURNS = 4
EMPTY_HINT = "Please type a question about the monograph, for example: What are the side effects?"
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def clean_question(question: str) -> tuple[str, list[str]]:
    """Control characters dropped, whitespace collapsed, the length capped with a note."""
    notes = []
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in str(question))
    text = re.sub(r"\s+", " ", _BIDI.sub("", text)).strip()
    if len(text) > MAX_QUESTION_CHARS:
        text = text[:MAX_QUESTION_CHARS].rsplit(" ", 1)[0] or text[:MAX_QUESTION_CHARS]
        notes.append(f"Your question was long, so only its first {len(text):,} characters were used.")
    return text, notes


def coverage(concepts: tuple[Concept, ...], hit: Hit) -> float:
    total = sum(c.weight for c in concepts)
    if not total:
        return 0.0
    matched = set(hit.matched_terms)
    return sum(c.weight for c in concepts if matched.intersection(c.terms)) / total


def answer(question: str, index: Index, history: tuple[str, ...] | list[str] = (), k: int = DEFAULT_K) -> Answer:
    text, notes = clean_question(question)
    notice = EMERGENCY_NOTICE if is_emergency(text) else None
    if not text:
        return _finish(question, "", (), notice, [EMPTY_HINT], 0.0, False)
    if asks_personal_dosing(text):
        notes.append(DOSING_NOTE)
    earlier = tuple(clean_question(q)[0] for q in history if str(q).strip())[-HISTORY_TURNS:]
    p = plan(text, index, earlier)
    if p.corrections:
        notes.append("Read " + ", ".join(f"“{w}” as “{r}”" for w, r in p.corrections) + ".")
    hits = index.search(p.weights, max(k, 1))
    best = max((coverage(p.concepts, h) for h in hits), default=0.0)
    if p.followup and not _has_own_content(p, index):
        best = max((coverage(_context_concepts(p), h) for h in hits), default=0.0) if hits else 0.0
    if hits and best >= MIN_COVERAGE:
        return _finish(question, p.query, tuple(hits), notice, notes, best, True, p.followup)
    notes.append(_decline(p, index))
    return _finish(question, p.query, (), notice, notes, best, False, p.followup)


def _has_own_content(p: Plan, index: Index) -> bool:
    from .query import informative

    return bool(informative(list(p.concepts), index))


def _context_concepts(p: Plan) -> tuple[Concept, ...]:
    return tuple(Concept(t, (t,), w) for t, w in p.weights.items())


def _decline(p: Plan, index: Index) -> str:
    missing = [c.surface for c in p.concepts if not any(t in index.doc_freq for t in c.terms)]
    about = ", ".join(f"“{m}”" for m in missing[:4]) if missing else f"“{p.question[:80]}”"
    return f"The monograph doesn't cover this: I found nothing about {about} in it."


def _finish(question, query, hits, notice, notes, cov, answered, followup=False) -> Answer:
    draft = Answer(str(question), query, answered, hits, notice, DISCLAIMER, "", tuple(notes), followup, round(cov, 3))
    return Answer(**{**draft.__dict__, "text": render_text(draft)})
