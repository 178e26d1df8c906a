"""BM25 over passages (rank_bm25's BM25Okapi), with the facts the answering core needs.

rank_bm25 can score a real match 0 (a term in exactly half the passages has idf 0) and
ranks passages that share nothing with the query, so a hit here is a passage that shares
at least one content term with it, and each hit says which terms it matched.

rank_bm25 computes the model (idf, lengths, term counts); each term's contribution to each
passage is then computed once at build time, as numpy arrays, so a query adds a few arrays
and takes its top k with argpartition, instead of re-scoring postings in Python per query
(which cost 223 ms p95 at 100k passages; see benchmarks/README.md).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from rank_bm25 import BM25Okapi

from corpus import Passage

from .spelling import Speller
from .tokenizer import content_terms, stem, words
from .tuning import TUNING
from .urgent import find_urgent

_EMPTY = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    matched_terms: tuple[str, ...]


class Index:
    """Passages indexed once at start-up; searched with a mapping of term to weight."""

    def __init__(self, passages: list[Passage]):
        if not passages:
            raise ValueError("an index needs at least one passage")
        self.passages = list(passages)
        # with several documents, a passage also carries its document's title, so "half-life of
        # baclofen" finds baclofen's half-life and not another drug's (with one document the
        # title would be in every passage and say nothing)
        several = len({p.document for p in self.passages}) > 1
        tokens = [words(f"{p.document if several else ''} {p.section} {p.text}") for p in self.passages]
        self.speller = Speller(Counter(w for ws in tokens for w in ws if w.isalpha()))
        # rank_bm25's model is read once into arrays and not kept: its per-passage dicts
        # were most of the index's memory
        self._arrays = _contributions(BM25Okapi([content_terms(t) or ["\x00"] for t in tokens]))
        del tokens
        self.doc_freq = {term: len(ids) for term, (ids, _) in self._arrays.items()}
        self.vocabulary = frozenset(self.doc_freq)
        sections = list(dict.fromkeys(p.path for p in self.passages))
        number = {s: n for n, s in enumerate(sections)}
        self._section_of = np.fromiter((number[p.path] for p in self.passages), np.int64, len(self.passages))
        self._headings = [  # the last heading, and the whole path; section numbers ("12.1") say nothing
            (_heading_terms(path[-1] if path else ""), _heading_terms(" ".join(path))) for path in sections
        ]
        self._named = _named_documents(self.passages) if several else {}
        self._first = np.array([1.0 if p.ordinal == 1 else TUNING.following_share for p in self.passages])
        self.urgent = find_urgent(self.passages)  # what the document itself calls urgent (index/urgent.py)

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
        scores = self.scores(weights)
        candidates = self._candidates(weights)
        if not len(candidates) or k <= 0:
            return []
        if question:
            scores[candidates] += self._lift(candidates, _asked(question, weights)) * scores[candidates].max()
        return self._hits(candidates, scores, weights, k)

    def scores(self, weights: Mapping[str, float]) -> np.ndarray:
        """Every passage's weighted BM25 score (rank_bm25's ``get_scores`` for unit weights)."""
        scores = np.zeros(len(self.passages))
        for term, weight in weights.items():
            if term in self._arrays:
                where, score = self._arrays[term]
                scores[where] += weight * score
        return scores

    def opening(self, query: Mapping[str, float], k: int = 3, question: str = "") -> list[Hit]:
        """Passages in document order that share a term with the query, first k.

        For a question that names only the subject ("what is baclofen?"), a monograph's
        opening, which says what the drug is, beats the passages that repeat its name most;
        a heading the question repeats ("What is LIPITOR?") comes first.
        """
        weights = _positive(query)
        candidates = self._candidates(weights)
        if not len(candidates) or k <= 0:
            return []
        scores = np.zeros(len(self.passages))
        if question:
            scores[candidates] = self._lift(candidates, _asked(question, weights))
        return [Hit(h.passage, 0.0, h.matched_terms) for h in self._hits(candidates, scores, weights, k)]

    def _candidates(self, weights: dict[str, float]) -> np.ndarray:
        """Passages sharing a term with the query, in the documents it names (if it names any)."""
        matched = np.zeros(len(self.passages), dtype=bool)
        for term in weights:
            if term in self._arrays:
                matched[self._arrays[term][0]] = True
        return np.flatnonzero(matched & self._documents_named(weights))

    def _documents_named(self, weights: dict[str, float]) -> np.ndarray | bool:
        """With several documents, a question naming some of them ("lipitor") is kept to those."""
        masks = [self._named[t] for t, w in weights.items() if t in self._named and w >= TUNING.named_weight]
        return np.logical_or.reduce(masks) if masks else True

    def documents_named(self, terms: Iterable[str]) -> set[str] | None:
        """The documents these terms name ("lipitor" in a folder of labels), or None when they name none."""
        named = [t for t in terms if t in self._named]
        if not named:
            return None
        mask = np.logical_or.reduce([self._named[t] for t in named])
        return {self.passages[i].document for i in np.flatnonzero(mask)}

    def _lift(self, candidates: np.ndarray, asked: set[str]) -> np.ndarray:
        """Per candidate, its heading lift as a share of the best score (0 for most)."""
        shares = np.zeros(len(self._headings))
        for n, headings in enumerate(self._headings):  # once per section, not per passage
            for heading in headings:
                shared = len(heading & asked)
                if shared >= 2 and shared >= TUNING.heading_share * len(heading):
                    shares[n] = max(shares[n], shared / len(heading))
        return TUNING.heading_boost * self._first[candidates] * shares[self._section_of[candidates]]

    def _hits(self, candidates: np.ndarray, scores: np.ndarray, weights: dict[str, float], k: int) -> list[Hit]:
        """The k best candidates, ties in document order."""
        values = scores[candidates]
        if len(candidates) > k:
            edge = values[np.argpartition(-values, k - 1)[:k]].min()
            keep = np.flatnonzero(values >= edge)
            candidates, values = candidates[keep], values[keep]
        order = np.lexsort((candidates, -values))[:k]
        return [self._hit(int(i), float(scores[i]), weights) for i in candidates[order]]

    def _hit(self, i: int, score: float, weights: dict[str, float]) -> Hit:
        return Hit(self.passages[i], round(score, 4), tuple(t for t in weights if self._holds(t, i)))

    def _holds(self, term: str, i: int) -> bool:
        where = self._arrays.get(term, (_EMPTY,))[0]  # passage numbers, ascending
        j = int(np.searchsorted(where, i))
        return j < len(where) and int(where[j]) == i


def _contributions(bm25: BM25Okapi) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per term: the passages holding it and its BM25 score in each (rank_bm25's formula)."""
    doc_len = np.asarray(bm25.doc_len, dtype=np.float64)
    norm = bm25.k1 * (1 - bm25.b + bm25.b * doc_len / bm25.avgdl)
    postings: dict[str, list[int]] = {}
    for i, counts in enumerate(bm25.doc_freqs):
        for term in counts:
            postings.setdefault(term, []).append(i)
    postings.pop("\x00", None)
    arrays = {}
    for term, ids in postings.items():
        where = np.asarray(ids, dtype=np.int64)
        tf = np.fromiter((bm25.doc_freqs[i][term] for i in ids), np.float64, len(ids))
        score = (bm25.idf.get(term) or 0.0) * (tf * (bm25.k1 + 1) / (tf + norm[where]))
        arrays[term] = (where, np.maximum(score, TUNING.floor))
    return arrays


def _named_documents(passages: list[Passage]) -> dict[str, np.ndarray]:
    """Title terms that name a minority of the documents -> which passages belong to them."""
    titles = list(dict.fromkeys(p.document for p in passages))
    title_terms = {t: frozenset(content_terms(words(t))) for t in titles}
    named = {}
    for term in set().union(*title_terms.values()):
        docs = {t for t in titles if term in title_terms[t]}
        if len(docs) <= len(titles) / 2:
            named[term] = np.array([p.document in docs for p in passages])
    return named


def _heading_terms(heading: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(heading) if not w[0].isdigit())


def _asked(question: str, weights: dict[str, float]) -> set[str]:
    return {stem(w) for w in words(question)} | set(weights)


def term_weights(text: str) -> dict[str, float]:
    """A plain text query as ``search`` takes it: each content term, weighted by its count."""
    return dict(Counter(content_terms(words(text))))


def _positive(weights: Mapping[str, float]) -> dict[str, float]:
    return {t: w for t, w in weights.items() if w > 0}
