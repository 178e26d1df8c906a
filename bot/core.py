"""The answering core: ``answer(question, index, history) -> Answer``.

Pure: no I/O, no environment. Every path, an empty question included, returns an
``Answer`` that carries the disclaimer; declines and notices are values, not errors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from index import TUNING, Hit, Index, tokenize

from .extract import choose
from .language import NOT_ENGLISH, is_english
from .models import DISCLAIMER, MAX_QUESTION_CHARS, Answer
from .query import Concept, Plan, informative, plan
from .render import render_text
from .safety import (
    DOSING_NOTE,
    EMERGENCY_NOTICE,
    EMERGENCY_SEARCH,
    asks_personal_dosing,
    emergency_kind,
)

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
    """Decide what to say (``_decide``), then put the sentence that answers first and keep
    only the passages that matter (``extract.choose``). A question in another language is
    told that the bot reads English only."""
    text = clean_question(question)[0]
    if not is_english(text, index) and not emergency_kind(text):
        return _finish(question, text, notes=[NOT_ENGLISH])
    return _with_answer(_decide(question, index, history, k), index, k)


def _decide(question: str, index: Index, history: tuple[str, ...] | list[str] = (), k: int = DEFAULT_K) -> Answer:
    text, notes = clean_question(question)
    kind = emergency_kind(text)
    notice = EMERGENCY_NOTICE if kind else None
    if not text or (not kind and is_pleasantry(text)):
        return _finish(question, text, notice=notice, notes=notes + [EMPTY_HINT])
    if kind == "self-harm":
        return _finish(question, text, notice=notice, notes=notes + [SELF_HARM_NOTE])
    extra = EMERGENCY_SEARCH.get(kind or "", "")
    dosing = asks_personal_dosing(text)
    if dosing:
        notes.append(DOSING_NOTE)
    earlier = tuple(clean_question(q)[0] for q in history if str(q).strip())[-TUNING.history_turns:]
    p = plan(text, index, earlier)
    if not p.concepts and not p.followup and not extra and not dosing:  # "?", "what is it?"
        return _finish(question, p.query, notice=notice, notes=notes + [EMPTY_HINT])
    hits, best = _retrieve(p, index, k, text, extra, dosing)
    if p.corrections:
        notes.append("Read " + ", ".join(f"“{w}” as “{r}”" for w, r in p.corrections) + ".")
    if hits and best >= TUNING.min_coverage:
        return _finish(question, p.query, hits=tuple(hits), notice=notice, notes=notes, cov=best, answered=True,
                       followup=p.followup)
    notes.append(_decline(p, index, hits))
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


def _with_answer(reply: Answer, index: Index, k: int) -> Answer:
    choice = choose(reply.question, reply.query, reply.passages, index, max(k, 1)) if reply.answered else None
    if choice is None:
        return reply
    shown = replace(reply, extract=choice.extract, passages=choice.passages, marks=choice.marks)
    return replace(shown, text=render_text(shown))
