"""Other forms of a word the document does use: diagnose/diagnosis, dose/dosage, chemo/chemotherapy.

Snowball keeps derivations apart ("diagnos" / "diagnosi", "dose" / "dosag"); a user's
word should still meet the document's. Two rules, both general: the same Lancaster stem
(a more aggressive stemmer, from nltk, no data needed: dose and dosage both give "dos"),
or one stem the other but for its last letter ("pregnant" / "pregnanc"), or a short form
that is no English word of its own ("chemo" / "chemotherapi"). They are only asked for words the document does not use as they are, and
their matches count as alternatives, a little below the user's own word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable

from .english import is_everyday
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
        """Vocabulary stems that are another form of ``term`` (itself not in the vocabulary):
        the same word, not another word that starts alike ("international" is not "interact",
        "medicare" not "medical", "super" not "supervise")."""
        if not term.isalpha() or len(term) < MIN_PREFIX:
            return ()
        found = dict.fromkeys(t for t in self._by_key.get(lancaster(term), ()) if t != term and _same_stem(term, t))
        start = bisect_left(self._sorted, term[:MIN_PREFIX])
        for other in self._sorted[start:]:
            if not other.startswith(term[:MIN_PREFIX]):
                break
            if other != term and _same_word(term, other):
                found[other] = None
        return tuple(found)


def _same_stem(term: str, other: str) -> bool:
    """Lancaster gives both one stem ("dose" / "dosag", "take" / "taken"), and they differ only
    at their ends; a user's everyday word is not read as a longer one ("stick" / "sticker")."""
    shared = _shared(term, other)
    if shared == len(term) and is_everyday(term):
        return False
    return shared >= max(3, min(len(term), len(other)) - 1)


def _same_word(term: str, other: str) -> bool:
    """``other`` (the document's stem) is a form of ``term`` (the user's): a short form of it
    that is not an English word of its own ("chemo", not "stick" for "sticker"), the same
    word with an ending of a letter or two ("withdrawl", "schizophrenia"), or the same start but for the last letter
    ("pregnant" / "pregnanc")."""
    shared = _shared(term, other)
    if shared == len(term):
        return not is_everyday(term)
    if shared == len(other):  # a longer stem's ending: one letter, or two after a long start ("schizophrenia")
        return len(term) - shared <= (2 if shared > MIN_PREFIX + 1 else 1)
    return shared >= max(MIN_PREFIX + 1, min(len(term), len(other)) - 1)
