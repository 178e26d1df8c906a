"""A sketch of the fix for ``index.Index.search`` at scale, measured beside it; the bot does not use it.

The profile of ``Index.search`` at 10k-100k passages shows three costs that grow with the
corpus, all in Python:

1. ``rank_bm25.get_batch_scores`` per query term: ``np.array(self.doc_len)`` converts the
   whole corpus's lengths (O(N)) every call, asserts every posting, and builds the term
   frequencies in a Python loop (O(df));
2. the Python loop adding each posting's score into a dict (O(df) per term), then sorting
   every passage that matched anything (O(M log M)) to keep 3;
3. ``_lift_headings`` visiting every matched passage (O(M)) to intersect its heading sets.

The fix: score once at build time. Each term keeps two arrays, its passages and their BM25
contributions (the very numbers ``get_batch_scores`` returns, floor included); a query adds
its terms' arrays into one score vector, lifts headings per distinct section (hundreds,
not 100k), and takes the top k with ``argpartition``. Same scores and order, in numpy.
"""

from __future__ import annotations

import numpy as np

from index import Index
from index.bm25 import FOLLOWING_SHARE, HEADING_BOOST, HEADING_SHARE, Hit, _weights
from index.tokenizer import stem, words


class SketchIndex(Index):
    def __init__(self, passages):
        super().__init__(passages)
        bm25 = self.bm25
        doc_len = np.asarray(bm25.doc_len, dtype=np.float64)
        norm = bm25.k1 * (1 - bm25.b + bm25.b * doc_len / bm25.avgdl)
        self._arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for term, postings in self._postings.items():
            ids = np.asarray(postings, dtype=np.int64)
            tf = np.fromiter((bm25.doc_freqs[i][term] for i in postings), dtype=np.float64, count=len(postings))
            contrib = (bm25.idf.get(term) or 0) * (tf * (bm25.k1 + 1) / (tf + norm[ids]))  # rank_bm25's order
            self._arrays[term] = (ids, np.maximum(contrib, 1e-6))
        sections = list(dict.fromkeys(p.section for p in self.passages))
        number = {s: n for n, s in enumerate(sections)}
        self._section_of = np.fromiter((number[p.section] for p in self.passages), dtype=np.int64)
        first_of: dict[int, int] = {}
        for i, n in enumerate(self._section_of.tolist()):
            first_of.setdefault(n, i)
        self._section_headings = [self._headings[first_of[n]] for n in range(len(sections))]
        self._first = np.where([p.ordinal == 1 for p in self.passages], 1.0, FOLLOWING_SHARE)

    def search(self, query, k: int = 3, question: str = "") -> list[Hit]:
        weights = _weights(query)
        scores = np.zeros(len(self.passages))
        matched = np.zeros(len(self.passages), dtype=bool)
        for term, weight in weights.items():
            arrays = self._arrays.get(term)
            if arrays is not None:
                scores[arrays[0]] += weight * arrays[1]
                matched[arrays[0]] = True
        candidates = np.flatnonzero(matched)
        if not len(candidates) or k <= 0:
            return []
        if question:
            self._lift(scores, candidates, {stem(w) for w in words(question)} | set(weights))
        cand_scores = scores[candidates]
        if len(candidates) > k:
            keep = np.argpartition(-cand_scores, k - 1)[:k]
            edge = cand_scores[keep].min()  # passages tied at the edge are ordered by position, as Index does
            keep = np.flatnonzero(cand_scores >= edge)
            candidates, cand_scores = candidates[keep], cand_scores[keep]
        order = np.lexsort((candidates, -cand_scores))[:k]
        return [Hit(self.passages[i], round(float(scores[i]), 4), tuple(t for t in weights if t in self._sets[i]))
                for i in candidates[order].tolist()]

    def _lift(self, scores: np.ndarray, candidates: np.ndarray, asked: set[str]) -> None:
        shares = np.zeros(len(self._section_headings))
        for n, headings in enumerate(self._section_headings):
            for heading in headings:
                shared = len(heading & asked)
                if shared >= 2 and shared >= HEADING_SHARE * len(heading):
                    shares[n] = max(shares[n], shared / len(heading))
        if shares.any():
            top = scores[candidates].max()
            scores[candidates] += HEADING_BOOST * top * self._first[candidates] * shares[self._section_of[candidates]]
