"""The one tokenizer, used for passages and queries alike.

Text is NFKC-normalised and lowercased; dashes are unified so "3–4" and "3-4" meet;
numbers and ranges stay whole ("3-4" also yields "3" and "4"); a number glued to a unit
("100mg") is split; stopwords go; words are Snowball-stemmed (no nltk data needed).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import nltk
from nltk.stem.lancaster import LancasterStemmer
from nltk.stem.snowball import SnowballStemmer

from .stopwords import STOPWORDS

_STEMMER = SnowballStemmer("english")
STEMMER_VERSION = f"nltk {nltk.__version__}"  # a table of stems made once is made again when this changes
_LANCASTER = LancasterStemmer()  # more aggressive: dose and dosage meet (index/variants.py)
_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")
_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*(?:-\d+(?:[.,]\d+)*)?)(?P<unit>[^\W\d_]+)?"  # 3-4, 2.5, 100mg
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)",
)


NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split()) if n >= 2}


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _DASHES.sub("-", text).replace("’", "'").lower()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEMMER.stem(word)


@lru_cache(maxsize=65536)
def lancaster(term: str) -> str:
    return _LANCASTER.stem(term)


def words(text: str) -> list[str]:
    """Normalised word and number tokens, stopwords kept, not stemmed."""
    return _words_of(normalize(text))


def _words_of(normalized: str) -> list[str]:
    out: list[str] = []
    for m in _TOKEN.finditer(normalized):
        if m.group("num"):
            num = m.group("num").rstrip(".,")
            out.append(num)
            if "-" in num:
                out.extend(part for part in num.split("-") if part)
            if m.group("unit"):
                out.append(m.group("unit"))
        else:
            word = m.group("word")
            out.append(NUMBER_WORDS.get(word, word))  # "two doses" meets "2 doses"
    return out


CONTRACTED = frozenset("ll re ve d m s t".split())  # "i'll", "it'll", "they've", "he's": a stopword, contracted


def is_content(word: str) -> bool:
    base, apostrophe, ending = word.partition("'")
    if apostrophe and ending in CONTRACTED and base in STOPWORDS:  # not "crohn's": its base is no stopword
        return False
    return word not in STOPWORDS and (len(word) > 1 or word.isdigit())


def content_terms(word_list: list[str]) -> list[str]:
    """Content terms of already split words: stopwords dropped, words stemmed, numbers as they are."""
    return [w if w[0].isdigit() else stem(w) for w in word_list if is_content(w)]


# whitespace-separated chunk of normalised text ("(100mg),") -> its content terms
_CHUNKS: dict[str, tuple[str, ...]] = {}
CHUNK_CACHE = 1 << 16  # chunks kept; a library's distinct chunks are tens of thousands (31k at 100k passages)


def tokenize(text: str) -> list[str]:
    """Content terms of a text: the one tokenizer for passages and queries.

    No token spans whitespace, so a text's terms are its chunks' terms in order; each distinct
    chunk goes through the regex, the stopwords and the stemmer once, then comes from a dict
    (answers tokenize the same passages' sentences again and again)."""
    out: list[str] = []
    for chunk in normalize(text).split():
        terms = _CHUNKS.get(chunk)
        if terms is None:
            if len(_CHUNKS) >= CHUNK_CACHE:
                _CHUNKS.clear()
            terms = _CHUNKS[chunk] = tuple(content_terms(_words_of(chunk)))
        out.extend(terms)
    return out
