"""Heading lift: passages under a heading that the question mostly repeats come first.

"What is LIPITOR?" under the heading "What is LIPITOR?", "OVERDOSAGE › Treatment" for a
question about treating an overdose. A heading qualifies when the question holds at least
two of its terms and at least ``heading_share`` of them; its passages are lifted by that
share of ``heading_boost`` (the first passage of the section fully, the later ones less).

Each heading path is read two ways: its last heading, and the whole path. An inverted index
from heading term to the headings holding it means a question only looks at headings that
share a term with it, not at every section of a library (which cost 83% of ``answer()`` at
100k passages when it was a Python loop over all of them).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .tokenizer import stem, words
from .tuning import TUNING


class Headings:
    def __init__(self, paths: Iterable[tuple[str, ...]]):
        self._views = []
        for view in (lambda path: path[-1] if path else "", " ".join):
            terms = [heading_terms(view(path)) for path in paths]
            self._views.append(_Inverted(terms))

    def shares(self, asked: set[str]) -> dict[int, float]:
        """Section number -> the share of its heading the question repeats, for qualifying sections."""
        best: dict[int, float] = {}
        for view in self._views:
            for section, share in view.qualifying(asked):
                best[section] = max(best.get(section, 0.0), share)
        return best


class _Inverted:
    """Heading term -> the sections whose heading holds it, and each heading's size."""

    def __init__(self, terms: list[frozenset[str]]):
        postings: dict[str, list[int]] = {}
        for section, ts in enumerate(terms):
            for t in ts:
                postings.setdefault(t, []).append(section)
        self.postings = {t: np.asarray(s, dtype=np.int32) for t, s in postings.items()}
        self.size = np.fromiter((len(ts) for ts in terms), np.int32, len(terms))

    def qualifying(self, asked: set[str]) -> list[tuple[int, float]]:
        hits = [self.postings[t] for t in asked if t in self.postings]
        if len(hits) < 2:  # a heading needs two of the question's terms
            return []
        found = np.concatenate(hits)
        if len(found) * 8 >= len(self.size):  # many: count them all at once, in one pass over the sections
            counts = np.bincount(found, minlength=len(self.size))
            sections = np.flatnonzero(counts)
            shared = counts[sections]
        else:
            sections, shared = np.unique(found, return_counts=True)
        size = self.size[sections]
        ok = (shared >= 2) & (shared >= TUNING.heading_share * size)
        return list(zip(sections[ok].tolist(), (shared[ok] / size[ok]).tolist()))


def heading_terms(heading: str) -> frozenset[str]:
    """Every word of a heading, stemmed, stopwords kept; section numbers ("12.1") say nothing."""
    return frozenset(stem(w) for w in words(heading) if not w[0].isdigit())


def asked_terms(question: str, weights: Iterable[str]) -> set[str]:
    return {stem(w) for w in words(question)} | set(weights)
