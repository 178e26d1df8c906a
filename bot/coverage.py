"""Whether the shown passages answer the question: answer, answer under a caveat, or decline.

Judged by the question's topic concepts only. Framing words ("safe", "my mom") and
everyday words the document never uses ("scared", "glass") never force a decline; rare
words it never uses ("priapism") and drugs it never names do. Three outcomes:

- answer: the best passage covers the question's topics well enough;
- answer with a caveat: some topic is covered, but the question names something the
  shown passages do not say, and the reply says so in the same words;
- decline: no topic of the question is covered, and the decline says what it looked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from index import TUNING, Hit, Index

from .query import Concept, informative


@dataclass(frozen=True)
class Verdict:
    answered: bool
    caveat: tuple[str, ...] = ()  # the question's words the shown passages do not cover
    note: str = ""  # the decline, or the caveat, as the reply says it


def coverage(concepts: list[Concept] | tuple[Concept, ...], hit: Hit) -> float:
    """Share of the concepts' weight that one passage covers."""
    total = sum(c.weight for c in concepts)
    if not total:
        return 0.0
    matched = set(hit.matched_terms)
    return sum(c.weight for c in concepts if c.satisfied_by(matched)) / total


def judged(concepts: tuple[Concept, ...]) -> list[Concept]:
    """The concepts coverage is computed over: not drugs the document never names."""
    return [c for c in concepts if not c.drug]


def decide(concepts: tuple[Concept, ...], hits: list[Hit], best: float, index: Index,
           missing_drugs: tuple[str, ...] = (), lenient: bool = False, named: tuple[str, ...] = ()) -> Verdict:
    """``lenient``: the question has no topic of its own to judge (a follow-up, an emergency,
    a dosing request), so the context or the fixed search decides what is shown. ``named``:
    in a library, the document names the question gave and the shown passages hold."""
    topics = [c for c in informative(list(concepts), index) if not c.drug]
    vocabulary = index.vocabulary
    strong = [c for c in topics if not c.everyday]
    each = [set(h.matched_terms) for h in hits]  # what each passage says
    said = {c.surface: _in_document(c, vocabulary, index, each) for c in topics}
    absent = [c for c in topics if not said[c.surface]]
    present = [c for c in topics if said[c.surface]]
    if not hits:
        return Verdict(False, note=_nothing(absent or topics))
    shown = {t for h in hits for t in h.matched_terms}
    # what the shown passages answer: a topic, or a framing word read as its clinical words ("work" -> mechanism)
    covered = [c for c in topics if any(c.satisfied_by(terms) for terms in each)]  # by one passage, not pieced together
    framed = [c for c in concepts if c.generic and len(c.terms) > c.own and c.satisfied_by(shown)]
    if named and present and not covered:  # "What is the outlook for Anencephaly?": its document, said plainly
        unsaid = [c.surface for c in present]
        return Verdict(True, tuple(unsaid), f"The passages about {_quoted(list(named))} don't mention "
                                            f"{_quoted(unsaid)}. What they say:")
    if topics and not covered and not framed and not lenient:
        return Verdict(False, note=_nothing(absent) if absent else _unmatched([c.surface for c in present]))
    top = set(hits[0].matched_terms)
    # some passage says every topic the monograph has ("vitiligo" alone: its framing words aside), or
    # the best one says one of them while the others are words the monograph never uses
    together = (bool(present) and any(all(c.satisfied_by(terms) for c in present) for terms in each)) or (
        absent and any(c.satisfied_by(top) for c in present))
    if present and best < TUNING.min_coverage and not lenient and not named and not together:
        # all its topics are in the monograph, but no passage says them together ("lithium" + "tachycardia")
        return Verdict(False, note=_unmatched([c.surface for c in present if not c.satisfied_by(top)]
                                              or [c.surface for c in present]))
    # only what the monograph truly never says is named as missing: "it doesn't mention X"; an
    # everyday word ("glass" of wine) only when no rarer topic of the question is answered
    strong_covered = any(c in covered for c in strong)
    never = [c.surface for c in absent if (not c.everyday or not strong_covered) and not c.surface[0].isdigit()]
    caveat = tuple(dict.fromkeys([*missing_drugs, *never]))
    if not caveat:
        return Verdict(True)
    about = [c.surface for c in covered if not c.everyday] or [c.surface for c in covered]
    close = f"What it says about {_quoted(about)}:" if about else "What it says that comes closest:"
    return Verdict(True, caveat, f"The monograph doesn't mention {_quoted(list(caveat))}. {close}")


def _in_document(concept: Concept, vocabulary: frozenset[str], index: Index, each: list[set[str]]) -> bool:
    """Whether the document says the concept anywhere: a clinical alternative, or all of the
    user's own words in one passage ("half-life", not "half" here and "life" there): in a
    shown passage, or else in any (the postings intersected)."""
    if not concept.satisfied_by(vocabulary):
        return False
    own = concept.terms[:concept.own]
    if len(own) < 2 or any(t in vocabulary for t in concept.terms[concept.own:]):
        return True
    return any(concept.satisfied_by(terms) for terms in each) or index.together(own)


def _nothing(absent: list[Concept]) -> str:
    if not absent:
        return "The monograph doesn't cover this: no passage answers your question."
    return f"The monograph doesn't cover this: I found nothing about {_quoted([c.surface for c in absent])} in it."


def _unmatched(words: list[str]) -> str:
    return (f"The monograph doesn't cover this: it mentions {_quoted(words)}, "
            "but no passage answers that together with the rest of your question.")


def _quoted(words: list[str]) -> str:
    shown = [w if len(w) <= 40 else w[:40] + "…" for w in words[:4]]
    return ", ".join(f"“{w}”" for w in shown)
