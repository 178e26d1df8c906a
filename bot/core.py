"""The answering core: ``answer(question, index, history) -> Answer``.

Pure: no I/O, no environment. Every path, an empty question included, returns an
``Answer`` that carries the disclaimer; declines and notices are values, not errors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from index import TUNING, Hit, Index, tokenize

from .models import DISCLAIMER, MAX_QUESTION_CHARS, Answer
from .query import Concept, Plan, informative, plan
from .render import render_text
from .dosing import DOSING_NOTE, asks_personal_dosing, personal_figures
from .safety import EMERGENCY_DECLINE, EMERGENCY_NOTICE, EMERGENCY_SEARCH
from .urgency import assess, lead_with

DEFAULT_K = 3
DOSE_WORDS = "dose dosage"
SELF_HARM_NOTE = "You matter, and help is available right now: please call or text 988, or call 911."
EMPTY_HINT = "Ask me a question about the monograph, for example: What are the side effects?"
PLEASANTRY = re.compile(
    r"(hi|hello|hey|thanks?( you)?( so much| very much)?|thx|ty|ok(ay)?|cool|great|got it|bye|goodbye|"
    r"good (morning|afternoon|evening)|cheers|perfect|nice)"
)
_CLEAN = {"Cc": " ", "Cf": ""}  # control characters -> space; zero-width and bidi marks dropped


def printable(text: object) -> str:
    """Lone surrogates (bytes that were not UTF-8, from argv or stdin) become U+FFFD."""
    return "".join("\ufffd" if unicodedata.category(ch) == "Cs" else ch for ch in str(text))


def clean_question(question: str) -> tuple[str, list[str]]:
    """Control characters dropped, whitespace collapsed, the length capped with a note."""
    notes = []
    text = "".join(_CLEAN.get(unicodedata.category(ch), ch) for ch in printable(question))
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_QUESTION_CHARS:
        text = text[:MAX_QUESTION_CHARS].rsplit(" ", 1)[0] or text[:MAX_QUESTION_CHARS]
        notes.append(f"Your question was long, so only its first {len(text):,} characters were used.")
    return text, notes


def coverage(concepts: tuple[Concept, ...], hit: Hit) -> float:
    total = sum(c.weight for c in concepts)
    if not total:
        return 0.0
    matched = set(hit.matched_terms)
    return sum(c.weight for c in concepts if c.satisfied_by(matched)) / total


def answer(question: str, index: Index, history: tuple[str, ...] | list[str] = (), k: int = DEFAULT_K) -> Answer:
    text, notes = clean_question(question)
    earlier = tuple(clean_question(q)[0] for q in history if str(q).strip())[-TUNING.history_turns:]
    urgency = assess(text, index, earlier)  # the always-urgent kinds, and what this document calls urgent
    kind = urgency.kind
    notice = EMERGENCY_NOTICE if kind else None
    if not text or (not kind and is_pleasantry(text)):
        return _finish(question, text, notice=notice, notes=notes + [EMPTY_HINT])
    if kind == "self-harm":
        return _finish(question, text, notice=notice, notes=notes + [SELF_HARM_NOTE])
    extra = EMERGENCY_SEARCH.get(kind or "", "")
    dosing = asks_personal_dosing(text)
    if dosing:
        notes.append(DOSING_NOTE)
    p = plan(text, index, earlier)
    if dosing:  # general dosing passages, not ones chosen by the person's own weight or age
        personal = personal_figures(text)
        p = replace(p, weights={t: w for t, w in p.weights.items() if t not in personal})
    if not p.concepts and not p.followup and not extra and not dosing and not kind:  # "?", "what is it?"
        return _finish(question, p.query, notice=notice, notes=notes + [EMPTY_HINT])
    hits, best = _retrieve(p, index, k, text, extra, dosing)
    if urgency.passages:  # the document's own words on what to do come first
        hits = lead_with(urgency.passages, hits, index, k, p.weights)
    elif dosing and best < TUNING.min_coverage:  # a dosing note is followed by the general dosing passages
        hits = _dosing_passages(p, index, k, text)
        best = TUNING.min_coverage if hits else best
    if p.corrections:
        notes.append("Read " + ", ".join(f"“{w}” as “{r}”" for w, r in p.corrections) + ".")
    if hits and (best >= TUNING.min_coverage or urgency.passages):
        return _finish(question, p.query, hits=tuple(hits), notice=notice, notes=notes, cov=best, answered=True,
                       followup=p.followup)
    notes.append(EMERGENCY_DECLINE if kind else _decline(p, index, hits))  # in danger, never "doesn't cover this"
    return _finish(question, p.query, notice=notice, notes=notes, cov=best, followup=p.followup)


def _retrieve(p: Plan, index: Index, k: int, text: str, extra: str, dosing: bool) -> tuple[list[Hit], float]:
    """The top k hits for a plan, and how well the best of them covers the question."""
    weights, concepts = dict(p.weights), p.concepts
    if dosing:  # the general dosing passages, or a decline if there are none
        extra += " " + DOSE_WORDS
        dose = tuple(tokenize(DOSE_WORDS))
        concepts += (Concept("dose", dose, max(index.idf(t) for t in dose), own=0),)
    for term in tokenize(extra):  # what an emergency or a dosing question is about, below the user's words
        weights[term] = max(weights.get(term, 0.0), TUNING.lay_weight)
    topics = informative(list(p.concepts), index)
    if p.concepts and not topics and not p.followup and not extra and not any(c.generic for c in p.concepts):
        return index.opening(weights, max(k, 1), question=text), 1.0  # "what is baclofen?": the document's own opening
    hits = index.search(weights, max(k, 1), question=text)
    if not topics and not dosing and (p.concepts or p.followup):
        # "how does it work?", "is baclofen safe?": no topic of its own to be missing;
        # the context (or the heading and the document) decides what is shown
        return hits, 1.0 if hits else 0.0
    return hits, max((coverage(concepts, h) for h in hits), default=0.0)


def _dosing_passages(p: Plan, index: Index, k: int, text: str) -> list[Hit]:
    """The document's general dosing passages, nearest the question first; none when it has none."""
    dose = set(tokenize(DOSE_WORDS))
    weights = {t: w * TUNING.lay_weight for t, w in p.weights.items()} | dict.fromkeys(dose, 1.0)
    return [h for h in index.search(weights, 4 * k, question=text) if dose & set(h.matched_terms)][:k]


def is_pleasantry(text: str) -> bool:
    return bool(PLEASANTRY.fullmatch(text.strip(" .!?,").lower()))


def _decline(p: Plan, index: Index, hits: list[Hit]) -> str:
    """Say what was not found, truthfully: words the monograph never uses, or words no
    passage answers together with the rest of the question."""
    topics = informative(list(p.concepts), index)
    absent = [c.surface for c in topics if not c.satisfied_by(index.vocabulary)]
    if absent:
        return f"The monograph doesn't cover this: I found nothing about {_quoted(absent)} in it."
    unmatched = [c.surface for c in topics if hits and not c.satisfied_by(set(hits[0].matched_terms))]
    if unmatched:
        return (f"The monograph doesn't cover this: it mentions {_quoted(unmatched)}, "
                "but no passage answers that together with the rest of your question.")
    return "The monograph doesn't cover this: no passage answers your question."


def _quoted(words: list[str]) -> str:
    shown = [w if len(w) <= 40 else w[:40] + "…" for w in words[:4]]
    return ", ".join(f"“{w}”" for w in shown)


def _finish(question: str, query: str, *, hits: tuple[Hit, ...] = (), notice: str | None = None,
            notes: list[str] = (), cov: float = 0.0, answered: bool = False, followup: bool = False) -> Answer:
    draft = Answer(question=printable(question), query=query, answered=answered, passages=hits, safety_notice=notice,
                   disclaimer=DISCLAIMER, text="", notes=tuple(notes), followup=followup, coverage=round(cov, 3))
    return replace(draft, text=render_text(draft))
