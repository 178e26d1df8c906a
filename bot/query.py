"""From a question (and the conversation before it) to what is searched.

A question becomes *concepts*: each content word, or lay phrase, with the index terms
that would satisfy it (its stem, a typo's correction, the clinical words for a lay
word). Concepts decide both the search weights and, later, whether the best passage
covers the question well enough to answer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from index import TUNING, Index, tokenize, words
from index.spelling import Speller
from index.stopwords import STOPWORDS
from index.tokenizer import is_content, stem

from .lexicon import GENERIC_WORDS, lay_expansions, lexicon_words

_LAY_WORDS = frozenset(lexicon_words())
_GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_WORDS)
_LEXICON_SPELLER = Speller(Counter(_LAY_WORDS | GENERIC_WORDS))  # "pregant" -> "pregnant", same rules

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
    own: int = 1  # the first `own` terms are the user's words; the rest are lay -> clinical
    generic: bool = False  # a framing word such as "safe" or "common"

    def satisfied_by(self, terms: set[str] | frozenset[str]) -> bool:
        """All of the user's own words, or any one clinical alternative ("hair loss" or "alopecia")."""
        own, clinical = self.terms[: self.own], self.terms[self.own:]
        return bool(own) and all(t in terms for t in own) or any(t in terms for t in clinical)


@dataclass(frozen=True)
class Plan:
    question: str
    concepts: tuple[Concept, ...]
    weights: dict[str, float]  # what is searched
    query: str  # what is searched, for people
    followup: bool = False
    corrections: tuple[tuple[str, str], ...] = ()
    context: tuple[str, ...] = ()  # words carried over from earlier turns


def concepts_of(question: str, index: Index) -> tuple[list[Concept], list[tuple[str, str]]]:
    asked = words(question)
    fixed = [_fix_spelling(w, index) for w in asked]
    corrections = list(dict.fromkeys((w, f) for w, f in zip(asked, fixed) if f != w))
    qwords = [part for f in fixed for part in f.split()]  # a split typo ("halflife") is two words
    concepts: list[Concept] = []
    covered: set[int] = set()
    for phrase, clinical, span in lay_expansions(qwords):
        own = list(dict.fromkeys(stem(w) for w in phrase.split() if is_content(w)))
        clinical_terms = [t for t in tokenize(clinical) if t not in own]
        concepts.append(Concept(phrase, tuple(own + clinical_terms), 0.0, len(own)))
        covered.update(span)
    for i, word in enumerate(qwords):
        if i in covered or not is_content(word):
            continue
        term = word if word[0].isdigit() else stem(word)
        concepts.append(Concept(word, (term,), 0.0))
    unique = list({c.surface: c for c in concepts}.values())
    return [_weighed(c, index) for c in unique], corrections


def _fix_spelling(word: str, index: Index) -> str:
    """A misspelt word -> the monograph's word or lay word it most likely meant ("pregant")."""
    if len(word) < 3 or not word.isalpha() or word in STOPWORDS or word in _LAY_WORDS or word in GENERIC_WORDS:
        return word
    if stem(word) in index.doc_freq:
        return word
    fixed = index.closest_word(word)
    if fixed:
        return fixed
    return _LEXICON_SPELLER.closest(word) or word


def _weighed(concept: Concept, index: Index) -> Concept:
    known = [t for t in concept.terms if t in index.doc_freq]
    weight = max((index.idf(t) for t in known), default=index.idf(""))
    generic = stem(concept.surface) in _GENERIC_STEMS or (concept.surface[0].isdigit() and not known)
    return Concept(concept.surface, concept.terms, weight * (TUNING.generic_share if generic else 1.0), concept.own, generic)


def is_common(term: str, index: Index) -> bool:
    return index.doc_freq.get(term, 0) >= TUNING.common_share * len(index)


def informative(concepts: list[Concept], index: Index) -> list[Concept]:
    """Concepts that name a topic: not framing words, not terms found in most passages."""
    return [c for c in concepts if not c.generic and not all(is_common(t, index) for t in c.terms)]


def search_weights(concepts: list[Concept]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for c in concepts:
        for i, term in enumerate(c.terms):
            w = (1.0 if i < c.own else TUNING.lay_weight) * (TUNING.generic_search if c.generic else 1.0)
            weights[term] = max(weights.get(term, 0.0), w)
    return weights


def looks_like_followup(question: str, concepts: list[Concept], index: Index) -> bool:
    """No topic of its own, "what about ...", or a pronoun with at most one topic word."""
    info = informative(concepts, index)
    if not info or FOLLOWUP_CUE.match(question):
        return True
    return bool(ANAPHORA.search(question)) and len(info) <= 1


def plan(question: str, index: Index, history: tuple[str, ...] = ()) -> Plan:
    """The search for ``question``, drawing on earlier questions when it depends on them."""
    previous: list[Plan] = []
    for earlier in history:  # each earlier turn was planned with the turns before it
        previous.append(_plan_turn(earlier, index, previous[-len(TUNING.history_weights):]))
    return _plan_turn(question, index, previous[-len(TUNING.history_weights):])


def _plan_turn(question: str, index: Index, previous: list[Plan]) -> Plan:
    concepts, corrections = concepts_of(question, index)
    weights = search_weights(concepts)
    if not previous or not looks_like_followup(question, concepts, index):
        return Plan(question, tuple(concepts), weights, _corrected(question, corrections), False, tuple(corrections))
    own = _surfaces(concepts, index)
    context: list[str] = []
    for decay, prior in zip(TUNING.history_weights, reversed(previous)):  # each earlier turn's own words only,
        for term, w in search_weights(list(prior.concepts)).items():  # so context does not pile up
            if not is_common(term, index):
                weights[term] = max(weights.get(term, 0.0), w * decay)
        context.extend(s for s in _surfaces(list(prior.concepts), index) if s not in own and s not in context)
    query = " ".join(own or [_corrected(question, corrections)]) + (" + " + " ".join(context) if context else "")
    return Plan(question, tuple(concepts), weights, query, True, tuple(corrections), tuple(context))


def _corrected(question: str, corrections: list[tuple[str, str]]) -> str:
    for wrong, right in corrections:
        question = re.sub(rf"\b{re.escape(wrong)}\b", right, question, flags=re.I)
    return question


def _surfaces(concepts: list[Concept], index: Index) -> list[str]:
    """Words worth showing and carrying: not framing words, not the drug's name."""
    return [c.surface for c in informative(concepts, index)]
