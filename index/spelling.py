"""Matching a misspelt query word to a word the monograph itself uses."""

from __future__ import annotations

from collections import Counter

from .tokenizer import stem

# A dropped letter is the commonest typo and rarely turns one real word into another; a
# changed or an extra letter often does ("think" -> "thing", "talking" -> "taking"), so
# those are only trusted in longer words.
SAME_LENGTH_FROM = 7  # a changed or swapped letter: "baclofin", "pregnent"
LONGER_FROM = 8  # an extra letter: "withdrawal" typed "withdrawall"
TWO_EDITS_FROM = 10


class Speller:
    """The words of a corpus, bucketed by first letter and length for quick lookup."""

    def __init__(self, words: Counter[str]):
        self.words = words
        self._by_shape: dict[tuple[str, int], list[str]] = {}
        for word in words:
            self._by_shape.setdefault((word[0], len(word)), []).append(word)

    def closest(self, word: str) -> str | None:
        """The corpus word a misspelt word most likely meant, if one stands out.

        A dropped letter is restored from 3 letters ("lfe" -> "life"); a changed or extra
        letter only in longer words (see above), so "half" never becomes "halo" nor "think"
        "thing". The first letter must agree, and candidates that disagree about the meaning
        (different stems) correct nothing: a wrong guess would turn an honest decline into noise.
        """
        if word in self.words or len(word) < 3 or not word.isalpha():
            return None
        limit = 2 if len(word) >= TWO_EDITS_FROM else 1
        best: dict[int, list[str]] = {}
        lengths = [n for n in range(max(3, len(word) - limit), len(word) + limit + 1) if _plausible(word, n)]
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


def _plausible(word: str, candidate_length: int) -> bool:
    """Whether a correction to a word of this length is worth trying (see the thresholds above)."""
    if candidate_length > len(word):
        return True
    if candidate_length == len(word):
        return len(word) >= SAME_LENGTH_FROM
    return len(word) >= LONGER_FROM


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
