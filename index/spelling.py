"""Matching a misspelt query word to a word the monograph itself uses."""

from __future__ import annotations

from collections import Counter

from .tokenizer import stem

MIN_TYPO_LETTERS = 5  # below this, only a dropped letter is restored


class Speller:
    """The words of a corpus, bucketed by first letter and length for quick lookup."""

    def __init__(self, words: Counter[str]):
        self.words = words
        self._by_shape: dict[tuple[str, int], list[str]] = {}
        for word in words:
            self._by_shape.setdefault((word[0], len(word)), []).append(word)

    def closest(self, word: str) -> str | None:
        """The corpus word a misspelt word most likely meant, if one stands out.

        Words of 5+ letters are corrected (1 edit; 2 edits from 8 letters); in shorter words,
        where a changed letter often makes another real word, only a dropped letter is restored
        ("lfe" -> "life", but "half" never becomes "halo"). The first letter must agree, and
        candidates that disagree about the meaning (different stems) correct nothing: a wrong
        guess would turn an honest decline into noise.
        """
        if word in self.words or len(word) < 3 or not word.isalpha():
            return None
        short = len(word) < MIN_TYPO_LETTERS
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
