"""From a question (and the conversation before it) to what is searched.

A question becomes *concepts*: each content word, or lay phrase, with the index terms
that would satisfy it (its stem, a typo's correction, the clinical words for a lay
word). Concepts decide both the search weights and, later, whether the best passage
covers the question well enough to answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index import Index, normalize, tokenize, words
from index.tokenizer import is_content, stem

from .lexicon import lay_expansions

LAY_WEIGHT = 0.7  # a clinical alternative counts a little less than the user's own word
HISTORY_WEIGHTS = (0.5, 0.25)  # the last turn, the one before it
COMMON_SHARE = 0.5  # a term in this share of passages or more (the drug's name) says nothing

FOLLOWUP_CUE = re.compile(
    r"^\s*(and|also|plus|but|so|then|what about|how about|what else|anything else|same|more|why|is that|does that|"
    r"what if|and if|how long|how often|how soon|when)\b",
    re.I,
)
ANAPHORA = re.compile(r"\b(it|its|that|this|those|these|they|them|there|he|she|one)\b", re.I)


@dataclass(frozen=True)
class Concept:
    surface: str  # the user's word or phrase, for "nothing about X"
    terms: tuple[str, ...]  # index terms, any of which satisfies the concept
    weight: float  # how much it says: the idf of its best-known term


@dataclass(frozen=True)
class Plan:
    question: str
    concepts: tuple[Concept, ...]
    weights: dict[str, float]  # what is searched
    query: str  # what is searched, for people
    followup: bool = False
    corrections: tuple[tuple[str, str], ...] = ()
    context: tuple[str, ...] = field(default=())  # words carried over from earlier turns


def concepts_of(question: str, index: Index) -> tuple[list[Concept], list[tuple[str, str]]]:
    text = normalize(question)
    phrase_spans = []
    concepts: list[Concept] = []
    corrections: list[tuple[str, str]] = []
    for phrase, clinical in lay_expansions(text):
        own = [stem(w) for w in words(phrase) if is_content(w)]
        terms = tuple(dict.fromkeys(own + tokenize(clinical)))
        concepts.append(Concept(phrase, terms, 0.0))
        phrase_spans.append(set(words(phrase)))
    covered = set().union(*phrase_spans) if phrase_spans else set()
    for word in dict.fromkeys(words(text)):
        if not is_content(word) or word in covered:
            continue
        term = word if word[0].isdigit() else stem(word)
        fixed = index.closest_term(term)
        if fixed:
            corrections.append((word, fixed))
            term = fixed
        concepts.append(Concept(word, (term,), 0.0))
    return [_weighed(c, index) for c in concepts], corrections


def _weighed(concept: Concept, index: Index) -> Concept:
    known = [t for t in concept.terms if t in index.doc_freq]
    weight = max((index.idf(t) for t in known), default=index.idf(""))
    return Concept(concept.surface, concept.terms, weight)


def is_common(term: str, index: Index) -> bool:
    return index.doc_freq.get(term, 0) >= COMMON_SHARE * len(index)


def informative(concepts: list[Concept], index: Index) -> list[Concept]:
    """Concepts that say something: unknown words, or known terms not in most passages."""
    return [c for c in concepts if not all(is_common(t, index) for t in c.terms if t in index.doc_freq) or
            not any(t in index.doc_freq for t in c.terms)]


def search_weights(concepts: list[Concept]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for c in concepts:
        for i, term in enumerate(c.terms):
            w = 1.0 if i == 0 or c.surface.find(" ") < 0 and i == 0 else LAY_WEIGHT
            weights[term] = max(weights.get(term, 0.0), w)
    return weights


def looks_like_followup(question: str, concepts: list[Concept], index: Index) -> bool:
    info = informative(concepts, index)
    if not info:
        return True
    if FOLLOWUP_CUE.match(question):
        return True
    return bool(ANAPHORA.search(question)) and len(info) <= 1


def plan(question: str, index: Index, history: tuple[str, ...] = ()) -> Plan:
    """The search for ``question``, drawing on earlier questions when it depends on them."""
    concepts, corrections = concepts_of(question, index)
    weights = search_weights(concepts)
    surfaces = [_shown(c, corrections) for c in concepts]
    if not history or not looks_like_followup(question, concepts, index):
        query = " ".join(surfaces) if corrections else question
        return Plan(question, tuple(concepts), weights, query, False, tuple(corrections))
    previous = [plan(q, index, tuple(history[:i])) for i, q in enumerate(history)][-len(HISTORY_WEIGHTS):]
    context: list[str] = []
    for decay, prior in zip(HISTORY_WEIGHTS, reversed(previous)):
        for term, w in prior.weights.items():
            if not is_common(term, index):
                weights[term] = max(weights.get(term, 0.0), w * decay)
        context.extend(s for s in _surfaces(prior) if s not in surfaces and s not in context)
    query = " ".join(surfaces + ["+"] + context) if context else " ".join(surfaces) or question
    return Plan(question, tuple(concepts), weights, query, True, tuple(corrections), tuple(context))


def _shown(concept: Concept, corrections: list[tuple[str, str]]) -> str:
    for wrong, right in corrections:
        if concept.surface == wrong:
            return right
    return concept.surface


def _surfaces(p: Plan) -> list[str]:
    return [_shown(c, list(p.corrections)) for c in p.concepts] + [s for s in p.context if s != "+"]
