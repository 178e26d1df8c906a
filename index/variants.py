"""Other forms of a word the document does use: diagnose/diagnosis, dose/dosage, chemo/chemotherapy.

Snowball keeps derivations apart ("diagnos" / "diagnosi", "dose" / "dosag"); a user's
word should still meet the document's. Two rules, both general: the same Lancaster stem
(a more aggressive stemmer, from nltk, no data needed: dose and dosage both give "dos"),
or one stem a long prefix of the other ("chemo" / "chemotherapi", "pregnant" /
"pregnanc"). They are only asked for words the document does not use as they are, and
their matches count as alternatives, a little below the user's own word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable

from .tokenizer import lancaster

MIN_PREFIX = 5  # "chemo": shorter shared starts say nothing ("car" / "care")
PREFIX_SHARE = 0.8  # the shared start covers this share of the shorter stem


def _shared(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


class Variants:
    """Built from an index's vocabulary (Snowball stems) once, on first use."""

    def __init__(self, vocabulary: Iterable[str]):
        self._sorted = sorted(t for t in vocabulary if t.isalpha())
        self._by_key: dict[str, list[str]] = defaultdict(list)
        for term in self._sorted:
            self._by_key[lancaster(term)].append(term)

    def of(self, term: str) -> tuple[str, ...]:
        """Vocabulary stems that are another form of ``term`` (itself not in the vocabulary)."""
        if not term.isalpha() or len(term) < MIN_PREFIX:
            return ()
        found = dict.fromkeys(t for t in self._by_key.get(lancaster(term), ()) if t != term)
        start = bisect_left(self._sorted, term[:MIN_PREFIX])
        for other in self._sorted[start:]:
            if not other.startswith(term[:MIN_PREFIX]):
                break
            shorter = min(len(term), len(other))
            if other != term and _shared(term, other) >= max(MIN_PREFIX, PREFIX_SHARE * shorter):
                found[other] = None
        return tuple(found)
