"""BM25 over passages (rank_bm25's BM25Okapi), with the facts the answering core needs.

rank_bm25 can score a real match 0 (a term in exactly half the passages has idf 0) and
ranks passages that share nothing with the query, so a hit here is a passage that shares
at least one content term with it, and each hit says which terms it matched.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from rank_bm25 import BM25Okapi

from corpus import Passage

from .tokenizer import stem, tokenize, words

MIN_TYPO_LETTERS = 5
HEADING_SHARE = 0.6  # a heading that is mostly the question ("What is LIPITOR?") ...
HEADING_BOOST = 0.5  # ... lifts its passages by this share of the best score
FOLLOWING_SHARE = 0.6  # the section's later passages get this share of the lift


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    matched_terms: tuple[str, ...]


class Index:
    """Passages indexed once at start-up; searched with lists of (term, weight)."""

    def __init__(self, passages: list[Passage]):
        if not passages:
            raise ValueError("an index needs at least one passage")
        self.passages = list(passages)
        self.terms = [tokenize(f"{p.section} {p.text}") for p in self.passages]
        self.bm25 = BM25Okapi([t or ["\x00"] for t in self.terms])
        self._sets = [set(terms) for terms in self.terms]
        self._vocabulary: frozenset[str] | None = None
        self.doc_freq = Counter(term for terms in self._sets for term in terms)
        self._postings: dict[str, list[int]] = {}
        for i, terms in enumerate(self.terms):
            for term in self._sets[i]:
                self._postings.setdefault(term, []).append(i)
        self.words = Counter(w for p in self.passages for w in words(f"{p.section} {p.text}") if w.isalpha())
        self._by_shape: dict[tuple[str, int], list[str]] = {}  # (first letter, length) -> words
        for word in self.words:
            self._by_shape.setdefault((word[0], len(word)), []).append(word)
        self._headings = [  # section numbers ("12.1") say nothing about the topic
            (_heading_terms(p.section.split(" › ")[-1]), _heading_terms(p.section)) for p in self.passages
        ]

    def __len__(self) -> int:
        return len(self.passages)

    @property
    def vocabulary(self) -> frozenset[str]:
        if self._vocabulary is None:
            self._vocabulary = frozenset(self.doc_freq)
        return self._vocabulary

    def idf(self, term: str) -> float:
        """A positive idf (Lucene's form), also for terms the index has never seen."""
        n, df = len(self.passages), self.doc_freq.get(term, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def search(self, query: str | list[str] | dict[str, float], k: int = 3, question: str = "") -> list[Hit]:
        """Best k passages sharing at least one query term, by weighted BM25 score.

        With ``question``, passages under a heading path that the question (or the query's
        terms) mostly repeats are lifted: "What is LIPITOR?", "OVERDOSAGE › Treatment".
        """
        weights = _weights(query)
        scores: dict[int, float] = {}
        for term, weight in weights.items():
            postings = self._postings.get(term)
            if not postings:
                continue
            term_scores = self.bm25.get_batch_scores([term], postings)
            for i, s in zip(postings, term_scores):
                # a term in half the passages or more still counts a little
                scores[i] = scores.get(i, 0.0) + weight * max(float(s), 1e-6)
        if question and scores:
            self._lift_headings(scores, {stem(w) for w in words(question)} | set(weights))
        ranked = sorted(scores, key=lambda i: (-scores[i], i))[: max(k, 0)]
        return [
            Hit(self.passages[i], round(scores[i], 4), tuple(t for t in weights if t in self._sets[i]))
            for i in ranked
        ]

    def opening(self, query: str | list[str] | dict[str, float], k: int = 3, question: str = "") -> list[Hit]:
        """Passages in document order that share a term with the query, first k.

        For a question that names only the subject ("what is baclofen?"), a monograph's
        opening, which says what the drug is, beats the passages that repeat its name most;
        a heading the question repeats ("What is LIPITOR?") comes first.
        """
        weights = _weights(query)
        order = {i: 0.0 for i, terms in enumerate(self._sets) if any(t in terms for t in weights)}
        if question and order:
            self._lift_headings(order, {stem(w) for w in words(question)} | set(weights), top=1.0)
        ranked = sorted(order, key=lambda i: (-order[i], i))[:k]
        return [Hit(self.passages[i], 0.0, tuple(t for t in weights if t in self._sets[i])) for i in ranked]

    def _lift_headings(self, scores: dict[int, float], asked: set[str], top: float | None = None) -> None:
        top = max(scores.values()) if top is None else top
        for i in scores:
            share = 0.0
            for heading in self._headings[i]:  # the last heading, and the whole path
                shared = len(heading & asked)
                if shared >= 2 and shared >= HEADING_SHARE * len(heading):
                    share = max(share, shared / len(heading))
            if share:
                first = 1.0 if self.passages[i].ordinal == 1 else FOLLOWING_SHARE  # ¶1 usually defines
                scores[i] += HEADING_BOOST * top * first * share

    def closest_word(self, word: str) -> str | None:
        """The word of the monograph a misspelt query word most likely meant, if one stands out.

        Words of 5+ letters are corrected (1 edit; 2 edits from 8 letters); in shorter words,
        where a changed letter often makes another real word, only a dropped letter is restored
        ("lfe" -> "life", but "half" never becomes "halo"). The first letter
        must agree, and candidates that disagree about the meaning (different stems) correct
        nothing: a wrong guess would turn an honest decline into noise.
        """
        if word in self.words or len(word) < 3 or not word.isalpha():
            return None
        short = len(word) < MIN_TYPO_LETTERS  # "lfe", "tak": only a dropped letter is restored
        limit = 2 if len(word) >= 8 else 1
        best: dict[int, list[str]] = {}
        lengths = [len(word) + 1] if short else range(max(3, len(word) - limit), len(word) + limit + 1)
        for length in lengths:
            for cand in self._by_shape.get((word[0], length), ()):
                d = edit_distance(word, cand, limit)
                if d <= limit:
                    best.setdefault(d, []).append(cand)
        if not best:
            return None
        nearest = best[min(best)]
        if len({stem(c) for c in nearest}) > 1:
            return None
        return max(nearest, key=lambda c: self.words[c])


def _heading_terms(heading: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(heading) if not w[0].isdigit())


def _weights(query: str | list[str] | dict[str, float]) -> dict[str, float]:
    if isinstance(query, dict):
        return {t: w for t, w in query.items() if w > 0}
    terms = tokenize(query) if isinstance(query, str) else query
    out: dict[str, float] = {}
    for term in terms:
        out[term] = out.get(term, 0.0) + 1.0
    return out


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (adjacent transpositions), giving up past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]
