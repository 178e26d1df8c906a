"""BM25 over passages, with the facts the answering core needs.

BM25 can score a real match 0 (rank_bm25 gives a term in exactly half the passages idf 0)
and ranks passages that share nothing with the query, so a hit here is a passage that
shares at least one content term with it, and each hit says which terms it matched.

Everything a query touches is an array built once (``postings.py``): a query adds a few
slices and takes its top k with argpartition. What it does beyond BM25 is also arrays or
small indexes, so that no query loops in Python over passages, sections or documents:
the heading lift (``headings.py``) and the scope of a question naming a drug (``names.py``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from corpus import Passage

from .headings import Headings, asked_terms
from .names import named_documents
from .postings import Postings, build_postings
from .spelling import Speller
from .tokenizer import content_terms, words
from .tuning import TUNING
from .urgent import find_urgent


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    matched_terms: tuple[str, ...]


SAMPLED_FROM = 4096  # candidates past which the top k is looked for among those above a sample's k-th best
SAMPLE_STRIDE = 64


class Index:
    """Passages indexed once at start-up (or loaded, ``store.py``); searched with term -> weight."""

    def __init__(self, passages: list[Passage], postings: Postings | None = None,
                 names: dict[str, np.ndarray] | None = None):
        if not passages:
            raise ValueError("an index needs at least one passage")
        self.passages = list(passages)
        titles = list(dict.fromkeys(p.document for p in self.passages))
        # with several documents, a passage also carries its document's title, so "half-life of
        # baclofen" finds baclofen's half-life and not another drug's (with one document the
        # title would be in every passage and say nothing)
        several = len(titles) > 1
        if postings is None:
            postings = build_postings((f"{p.document if several else ''} {p.section} {p.text}" for p in self.passages),
                                      TUNING.floor)
        self.postings = postings
        self.speller = Speller(postings.spelling)
        self._number = {t: n for n, t in enumerate(postings.terms)}
        df = np.diff(postings.offsets)
        self.doc_freq = dict(zip(postings.terms, df.tolist()))
        self.vocabulary = frozenset(self.doc_freq)
        self.titles = titles
        self._title_number = {t: n for n, t in enumerate(titles)}
        number = {t: n for n, t in enumerate(titles)}
        self.document_of = np.fromiter((number[p.document] for p in self.passages), np.int32, len(self.passages))
        self.names = named_documents(titles) if names is None else names
        self._by_document = np.argsort(self.document_of, kind="stable").astype(np.int32)  # passages, by document
        self._document_start = np.searchsorted(self.document_of[self._by_document], np.arange(len(titles) + 1))
        self.sections = list(dict.fromkeys(p.path for p in self.passages))
        number = {s: n for n, s in enumerate(self.sections)}
        self.section_of = np.fromiter((number[p.path] for p in self.passages), np.int32, len(self.passages))
        self._by_section = np.argsort(self.section_of, kind="stable").astype(np.int32)  # passages, by section
        self._section_start = np.searchsorted(self.section_of[self._by_section], np.arange(len(self.sections) + 1))
        self._headings = Headings(self.sections)
        self._first = np.fromiter((1.0 if p.ordinal == 1 else TUNING.following_share for p in self.passages),
                                  np.float64, len(self.passages))

    def passages_of(self, title: str) -> list[Passage]:
        """A document's passages in document order (its opening first)."""
        n = self._title_number.get(title)
        if n is None:
            return []
        a, b = self._document_start[n], self._document_start[n + 1]
        return [self.passages[i] for i in sorted(self._by_document[a:b].tolist())]

    @cached_property
    def urgent(self):
        """What the document itself calls urgent (index/urgent.py), found on first need: a saved
        index loads without it, and a question that is no emergency never asks."""
        return find_urgent(self.passages)

    def __len__(self) -> int:
        return len(self.passages)

    def idf(self, term: str) -> float:
        """A positive idf (Lucene's form), also for terms the index has never seen."""
        n, df = len(self.passages), self.doc_freq.get(term, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def closest_word(self, word: str) -> str | None:
        return self.speller.closest(word)

    def search(self, query: Mapping[str, float], k: int = 3, question: str = "") -> list[Hit]:
        """Best k passages sharing at least one query term, by weighted BM25 score.

        ``query`` maps index terms to weights (``term_weights(text)`` makes one from text).

        With ``question``, passages under a heading path that the question (or the query's
        terms) mostly repeats are lifted: "What is LIPITOR?", "OVERDOSAGE › Treatment".
        """
        weights = _positive(query)
        named = self._scope(weights)  # once: the scope both shares the names' weight and keeps the candidates
        scores = self.scores(self._within_scope(weights, named))
        candidates = self._candidates(scores, named)
        if not len(candidates) or k <= 0:
            return []
        if question:
            lifted, lift = self._lift(candidates, asked_terms(question, weights))
            if len(lifted):  # the rest of the candidates are lifted by nothing
                scores[lifted] += lift * scores[candidates].max()
        return self._hits(candidates, scores, weights, k)

    def scores(self, weights: Mapping[str, float]) -> np.ndarray:
        """Every passage's weighted BM25 score (rank_bm25's ``get_scores`` for unit weights)."""
        where, score = [], []
        for term, weight in weights.items():
            w, s = self._postings(term)
            where.append(w)
            score.append(weight * s)
        if not where:
            return np.zeros(len(self.passages))
        return np.bincount(np.concatenate(where), np.concatenate(score), minlength=len(self.passages))

    def scores_of(self, weights: Mapping[str, float], numbers: Iterable[int]) -> list[float]:
        """``scores(weights)[n]`` for a few passages ``n``, without scoring the whole index: each
        term's posting for them, found by binary search, added in the same order (so the same floats)."""
        best = np.fromiter(numbers, np.int64)
        total = np.zeros(len(best))
        for term, weight in weights.items():
            where, score = self._postings(term)
            if not len(where):
                continue
            at = np.minimum(np.searchsorted(where, best), len(where) - 1)
            held = where[at] == best
            total[held] += weight * score[at[held]]
        return total.tolist()

    def opening(self, query: Mapping[str, float], k: int = 3, question: str = "") -> list[Hit]:
        """Passages in document order that share a term with the query, first k.

        For a question that names only the subject ("what is baclofen?"), a monograph's
        opening, which says what the drug is, beats the passages that repeat its name most;
        a heading the question repeats ("What is LIPITOR?") comes first.
        """
        weights = _positive(query)
        candidates = self._candidates(self.scores(weights), self._scope(weights))
        if not len(candidates) or k <= 0:
            return []
        scores = np.zeros(len(self.passages))
        if question:
            lifted, lift = self._lift(candidates, asked_terms(question, weights))
            scores[lifted] = lift
        return [Hit(h.passage, 0.0, h.matched_terms) for h in self._hits(candidates, scores, weights, k)]

    def documents_named(self, terms: Iterable[str]) -> set[str] | None:
        """The titles of the documents these terms name ("lipitor" in a folder of labels), or None."""
        named = [self.names[t] for t in terms if t in self.names]
        return {self.titles[d] for d in np.concatenate(named).tolist()} if named else None

    def _within_scope(self, weights: dict[str, float], named: np.ndarray | None) -> dict[str, float]:
        """Inside the documents a question names (``named``, from ``_scope``), their names say little
        about which passage answers: "What are the treatments for Bell's Palsy?" is ranked by "treatments",
        not by the passages that repeat "Bell's palsy". The naming terms keep a share of their weight."""
        if named is None:
            return weights
        return {t: w * TUNING.name_share if t in self.names else w for t, w in weights.items()}

    def together(self, terms: tuple[str, ...]) -> bool:
        """Whether one passage holds every one of ``terms`` ("half" and "life", not only apart)."""
        held = None
        for term in sorted(terms, key=lambda t: self.doc_freq.get(t, 0)):  # the rarest first: the least to intersect
            where = self._postings(term)[0]
            held = where if held is None else np.intersect1d(held, where, assume_unique=True)
            if not len(held):
                return False
        return held is not None

    def holding(self, terms: Iterable[str], titles: Iterable[str], limit: int) -> list[Passage] | None:
        """The passages of the documents titled ``titles`` that hold any of ``terms``; None when more than
        ``limit`` do (a caller reading every mention gives up rather than read a library). Each term's
        postings are in passage order, so only the slice within a document's passages is read."""
        parts = []
        for n in (self._title_number[t] for t in titles if t in self._title_number):
            members = self._by_document[self._document_start[n]:self._document_start[n + 1]]
            lo, hi = int(members.min()), int(members.max())
            for term in terms:
                where = self._postings(term)[0]
                part = where[np.searchsorted(where, lo):np.searchsorted(where, hi, side="right")]
                parts.append(part if hi - lo + 1 == len(members) else part[np.isin(part, members)])
        found = np.unique(np.concatenate(parts)) if parts else self.postings.passage[:0]
        if len(found) > limit:
            return None
        return [self.passages[i] for i in found.tolist()]

    def _scope(self, weights: Mapping[str, float]) -> np.ndarray | None:
        """The document numbers a search is kept to: those named by its heavier terms (the question's own)."""
        named = [self.names[t] for t, w in weights.items() if t in self.names and w >= TUNING.named_weight]
        return np.unique(np.concatenate(named)) if named else None

    def _postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        n = self._number.get(term)
        if n is None:
            return self.postings.passage[:0], self.postings.score[:0]
        a, b = self.postings.offsets[n], self.postings.offsets[n + 1]
        return self.postings.passage[a:b], self.postings.score[a:b]

    def _candidates(self, scores: np.ndarray, named: np.ndarray | None) -> np.ndarray:
        """Passages sharing a term with the query, in the documents ``named`` (its ``_scope``), if any.

        Every term scores at least ``TUNING.floor`` where it occurs and weights are positive,
        so the passages that share a term are exactly those scoring above 0.
        """
        if named is None:
            return np.flatnonzero(scores > 0)  # a bool array: numpy's nonzero is 6x faster on it
        starts, ends = self._document_start[named], self._document_start[named + 1]
        inside = np.sort(np.concatenate([self._by_document[a:b] for a, b in zip(starts, ends)]))
        return inside[scores[inside] > 0]

    def _lift(self, candidates: np.ndarray, asked: set[str]) -> tuple[np.ndarray, np.ndarray]:
        """The candidates (ascending) under a heading the question repeats, and their heading lift
        as a share of the best score: read from those headings' passages, not from every candidate
        (a broad question has tens of thousands in a library; the others' lift is 0)."""
        shares = self._headings.shares(asked)
        if not shares:
            return candidates[:0], np.zeros(0)
        sections = np.fromiter(shares, np.int64, len(shares))
        starts, ends = self._section_start[sections], self._section_start[sections + 1]
        passages = np.concatenate([self._by_section[a:b] for a, b in zip(starts, ends)])
        share = np.repeat(np.fromiter(shares.values(), np.float64, len(shares)), ends - starts)
        at = np.minimum(np.searchsorted(candidates, passages), len(candidates) - 1)
        inside = candidates[at] == passages
        passages, share = passages[inside], share[inside]
        return passages, TUNING.heading_boost * self._first[passages] * share

    def _hits(self, candidates: np.ndarray, scores: np.ndarray, weights: dict[str, float], k: int) -> list[Hit]:
        """The k best candidates, ties in document order."""
        values = scores[candidates]
        if len(candidates) > SAMPLED_FROM and len(candidates) >= k * SAMPLE_STRIDE:
            # the k-th best of every SAMPLE_STRIDE-th candidate is at most the k-th best of all: only
            # the candidates scoring that much can be among the best (a few hundred of tens of thousands)
            sample = values[::SAMPLE_STRIDE]
            floor = np.partition(sample, len(sample) - k)[len(sample) - k]
            near = np.flatnonzero(values >= floor)
            candidates, values = candidates[near], values[near]
        if len(candidates) > k:
            edge = values[np.argpartition(-values, k - 1)[:k]].min()
            keep = np.flatnonzero(values >= edge)
            candidates, values = candidates[keep], values[keep]
        order = np.lexsort((candidates, -values))[:k]
        best = candidates[order]
        holds = {}  # term -> which of the best passages hold it: one binary search per term, not per hit
        for term in weights:
            where = self._postings(term)[0]  # passage numbers, ascending
            at = np.minimum(np.searchsorted(where, best), max(len(where) - 1, 0))
            holds[term] = where[at] == best if len(where) else np.zeros(len(best), dtype=bool)
        return [Hit(self.passages[int(i)], round(float(scores[i]), 4), tuple(t for t in weights if holds[t][n]))
                for n, i in enumerate(best)]


def term_weights(text: str) -> dict[str, float]:
    """A plain text query as ``search`` takes it: each content term, weighted by its count."""
    return dict(Counter(content_terms(words(text))))


def _positive(weights: Mapping[str, float]) -> dict[str, float]:
    return {t: w for t, w in weights.items() if w > 0}
