"""Matching a misspelt query word to a word the document itself uses.

Two word lists decide it. The document's own words (with their counts) are the candidates,
found by symspellpy's symmetric-delete index instead of a scan: a look-up costs the same
at 30,000 words as at 300 (the scan it replaces cost 6 ms per unknown word at 100k
passages). An English word list (wordfreq's "small" list: words used at least about once
per million words) says which words are real: a real word is never "corrected", so "think"
never becomes the document's "thing", nor "drive" "drives". Typos of real words rarely
are real words themselves ("recieve", "waht" and "pregant" are not on that list); the few
that are ("tak", "wat") are rare next to the word meant, so a rare word a hundred times
less common than its correction is still corrected.

symspellpy enters the project here and nowhere else; wordfreq's figures come from the table
``index/english.py`` ships. Both load on first use: building the symspell index costs ~0.3 s
per 10,000 words, which a question without a typo, and a start-up, should not pay.
"""

from __future__ import annotations

import threading
from collections import Counter
from functools import lru_cache

from .english import table as english_table
from .tokenizer import is_content, stem

# A dropped letter is the commonest typo; a swapped pair ("waht") rarely turns one word into
# another that is not a real word. A changed or an extra letter often does ("talking" ->
# "taking"), so those are only trusted in longer words.
SAME_LENGTH_FROM = 7  # a changed letter: "baclofin", "pregnent"
LONGER_FROM = 8  # an extra letter: "withdrawal" typed "withdrawall"
TWO_EDITS_FROM = 10
SPLIT_FROM = 6  # "halflife" -> "half life"
SPLIT_PART = 3
# The English list (a word the document never uses) is read with care: a changed letter only in words this long,
# where it is a likely slip, the only one (of one meaning), and this many times commoner than any dropped or extra
# letter reading ("offen": "often", 257,000 per the list, over "offend", 3,700; not "sufe": "safe" or "sure")
CHANGED_FROM = 4
CHANGED_OVER = 10.0


RARE = 3.5  # an English word this rare (Zipf scale: 3 is once per million words) ...
MORE_COMMON = 2.0  # ... is still read as a typo of a document word this much more common: "tak", "wat"


@lru_cache(maxsize=1)
def _english() -> dict[str, float]:
    """Word -> Zipf frequency for English words used about once per million words or more:
    wordfreq's figures, read from the table shipped in index/data (index/english.py)."""
    return {w: z / 100 for w, z in english_table().items() if z >= 300}


def is_english(word: str) -> bool:
    """Whether a (lowercase) word is an everyday English word."""
    return word in _english()


def _is_typo_of(word: str, candidate: str) -> bool:
    """A real but rare word next to a far commoner one is most likely a typo of it ("tak" -> "take")."""
    english = _english()
    if word not in english:
        return True
    return english[word] < RARE and english.get(candidate, 0.0) >= english[word] + MORE_COMMON


class Speller:
    """A corpus's words with their counts, and a symmetric-delete index over them built on first use."""

    def __init__(self, words: Counter[str], max_edits: int = 2, cautious: bool = False):
        self.words = words
        self.max_edits = max_edits
        self.cautious = cautious  # only a dropped or an extra letter, or a swapped pair; never a split
        self._index = None
        self._lock = threading.Lock()

    def closest(self, word: str) -> str | None:
        """The corpus word (or two words) a misspelt word most likely meant, if one stands out.

        A dropped letter or a swapped pair is restored from 3 letters ("lfe" -> "life",
        "waht" -> "what"); a changed or extra letter only in longer words (see above); the
        first letter must agree unless it was swapped. Candidates that disagree about the
        meaning (different stems) correct nothing: a wrong guess would turn an honest decline
        into noise. A run-together pair of the corpus's content words is split ("halflife"; not
        "overdoes" into "over does").
        """
        if word in self.words or len(word) < 3 or not word.isalpha():
            return None
        english = _english()
        if english.get(word, 0.0) >= RARE or (self.cautious and word in english_table()):
            return None  # a real word; from the English list itself, any word it has ("scratchy")
        from symspellpy import Verbosity

        limit = min(self.max_edits, 2 if len(word) >= TWO_EDITS_FROM else 1)
        found = self.index().lookup(word, Verbosity.ALL, max_edit_distance=limit, transfer_casing=False)
        found = [s for s in found if s.distance and _is_typo_of(word, s.term)]
        if self.cautious:  # a changed letter only where it is the one likely slip, far commoner than any other reading
            changed = {s.term for s in found if len(s.term) == len(word) and not _is_swap(word, s.term)}
            other = [s for s in found if s.term not in changed]
            slips = [s for s in found if s.term in changed and len(word) >= CHANGED_FROM and s.term[0] == word[0]
                     and _slip(word, s.term)]
            taken = [s for s in slips if len({stem(t.term) for t in slips}) == 1
                     and all(self.words[s.term] >= CHANGED_OVER * self.words[t.term] for t in other)]
            found = taken or [s for s in other if _plausible(word, s.term, s.distance)]
        else:
            found = [s for s in found if _plausible(word, s.term, s.distance)]
        if not found:
            return None if word in english or self.cautious else self._split(word)
        nearest = [s.term for s in found if s.distance == min(s.distance for s in found)]
        if len({stem(c) for c in nearest}) > 1:
            return None
        return max(nearest, key=lambda c: self.words[c])

    def index(self):
        """The symmetric-delete index (symspellpy), built once, on first use, by one thread."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    from symspellpy import SymSpell

                    index = SymSpell(max_dictionary_edit_distance=self.max_edits, prefix_length=7)
                    for w, n in self.words.items():
                        if len(w) >= SPLIT_PART and w.isalpha():
                            index.create_dictionary_entry(w, n)
                    self._index = index
        return self._index

    def _split(self, word: str) -> str | None:
        if len(word) < SPLIT_FROM:
            return None
        splits = [(a, b) for a, b in ((word[:i], word[i:]) for i in range(SPLIT_PART, len(word) - SPLIT_PART + 1))
                  if a in self.words and b in self.words and is_content(a) and is_content(b)]
        return " ".join(splits[0]) if len(splits) == 1 else None


@lru_cache(maxsize=1)
def english_speller() -> Speller:
    """The English word list as a speller of its own, for a typo of a word the document never
    uses ("side efects" in a label that writes "adverse reactions"). Cautious: a changed
    letter or a split often makes another real word ("wheezing" is not "wheeling", "numbness"
    not "numb ness"), so a word on the English list is never repaired, a split never is, and a
    changed letter only when it is a likely slip (a neighbouring key, a vowel for a vowel) and its
    reading is the only slip and far the commonest ("offen" -> "often", not "offend"); otherwise a dropped or extra
    letter or a swapped pair. One
    edit: its index builds in about 0.4 s, on first need (the front ends build it while starting)."""
    words = Counter({w: round(10 ** z) for w, z in _english().items() if w.isalpha()})
    return Speller(words, max_edits=1, cautious=True)


def _plausible(word: str, candidate: str, distance: int) -> bool:
    """Whether an edit of this kind is worth trusting in a word this long (see the thresholds above)."""
    swapped_first = len(word) > 1 and candidate[:2] == word[1::-1] and candidate[2:] == word[2:]
    if candidate[0] != word[0] and not swapped_first:
        return False
    if distance > 1:
        return True  # only asked for in words of TWO_EDITS_FROM letters or more
    if len(candidate) > len(word):
        return True
    if len(candidate) < len(word):  # an extra letter: in longer words, or a letter doubled ("offten", "stoped")
        return len(word) >= LONGER_FROM or any(word[i] == word[i + 1] and word[:i] + word[i + 1:] == candidate
                                               for i in range(len(word) - 1))
    return _is_swap(word, candidate) or len(word) >= SAME_LENGTH_FROM


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEYS = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}
_VOWELS = frozenset("aeiouy")


def _slip(word: str, candidate: str) -> bool:
    """Whether one changed letter is a likely slip: a key next to the one meant ("offen": f for t), or a vowel
    for a vowel ("nausia", "docter"); "welts" is not "wells", nor "floaty" "floats"."""
    a, b = next((x, y) for x, y in zip(word, candidate) if x != y)
    if a in _VOWELS and b in _VOWELS:
        return True
    (ra, ia), (rb, ib) = _KEYS.get(a, (9, 0)), _KEYS.get(b, (-9, 0))
    return abs(ra - rb) <= 1 and abs(ia + ra / 2 - ib - rb / 2) <= 1


def _is_swap(a: str, b: str) -> bool:
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
