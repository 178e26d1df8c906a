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

from .tokenizer import tokenize


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
        self.doc_freq = Counter(term for terms in self._sets for term in terms)
        self._postings: dict[str, list[int]] = {}
        for i, terms in enumerate(self.terms):
            for term in self._sets[i]:
                self._postings.setdefault(term, []).append(i)
        self._initials: dict[str, list[str]] = {}
        for term in self.doc_freq:
            self._initials.setdefault(term[0], []).append(term)

    def __len__(self) -> int:
        return len(self.passages)

    @property
    def vocabulary(self) -> set[str]:
        return set(self.doc_freq)

    def idf(self, term: str) -> float:
        """A positive idf (Lucene's form), also for terms the index has never seen."""
        n, df = len(self.passages), self.doc_freq.get(term, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def search(self, query: str | list[str] | dict[str, float], k: int = 3) -> list[Hit]:
        """Best k passages sharing at least one query term, by weighted BM25 score."""
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
        ranked = sorted(scores, key=lambda i: (-scores[i], i))[: max(k, 0)]
        return [
            Hit(self.passages[i], round(scores[i], 4), tuple(t for t in weights if t in self._sets[i]))
            for i in ranked
        ]

    def closest_term(self, term: str) -> str | None:
        """The index's own term a misspelt query term most likely meant, if one stands out.

        Only words of 5+ letters are corrected (1 edit; 2 edits from 8 letters), the first
        letter must agree, and a tie between candidates corrects nothing: a wrong guess
        would turn an honest decline into noise.
        """
        if term in self.doc_freq or len(term) < 5 or not term.isalpha():
            return None
        limit = 2 if len(term) >= 8 else 1
        best: dict[int, list[str]] = {}
        for cand in self._initials.get(term[0], ()):
            if len(cand) < 4:
                continue
            d = _edit_distance(term, cand, limit)
            if d <= limit:
                best.setdefault(d, []).append(cand)
        if not best:
            return None
        nearest = best[min(best)]
        return nearest[0] if len(nearest) == 1 else None


def _weights(query: str | list[str] | dict[str, float]) -> dict[str, float]:
    if isinstance(query, dict):
        return {t: w for t, w in query.items() if w > 0}
    terms = tokenize(query) if isinstance(query, str) else query
    out: dict[str, float] = {}
    for term in terms:
        out[term] = out.get(term, 0.0) + 1.0
    return out


def _edit_distance(a: str, b: str, limit: int) -> int:
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
