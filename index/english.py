"""How common a word is in everyday English, from wordfreq (a maintained frequency list).

A question's words are of two kinds: everyday words ("scared", "glass", "drive", Zipf
4.5-5.5) that frame or colour the question, and rarer topic words ("gabapentin" 2.3,
"priapism" 1.9) that name what is asked. Only the second kind can make a question one the
document does not cover.

wordfreq costs 0.3 s to import and 0.45 s to load its English table, more than the whole
start-up budget, so the part we use (English words of Zipf 2.5 and up, about 52k) is
extracted once into ``index/data/english_zipf.json.gz`` by ``python -m index.english``
(with wordfreq installed: ``pip install -e '.[data]'``) and read from there in about
25 ms, on first use. A test checks the file against wordfreq when it is installed.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import threading
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "english_zipf.json.gz"
EVERYDAY_ZIPF = 4.0  # once per 100,000 words: "kidney", "vaccine" sit just above, "seizure" below
MIN_ZIPF = 2.5  # rarer words are left out of the table: their Zipf reads as 0
_LOCK = threading.Lock()
_TABLE: dict[str, int] | None = None


def _table() -> dict[str, int]:
    global _TABLE
    with _LOCK:
        if _TABLE is None:
            _TABLE = json.loads(gzip.decompress(DATA.read_bytes()))
    return _TABLE


def table() -> dict[str, int]:
    """Every word of the table -> its Zipf value in hundredths."""
    return _table()


def zipf(word: str) -> float:
    """wordfreq's Zipf value for an English word (hundredths kept): 0 for rare or unknown words."""
    return _table().get(word.lower(), 0) / 100


def is_everyday(word: str) -> bool:
    return zipf(word) >= EVERYDAY_ZIPF


def build() -> bytes:
    import wordfreq

    table = {}
    for word in wordfreq.top_n_list("en", 200_000):
        value = wordfreq.zipf_frequency(word, "en")
        if value < MIN_ZIPF:
            break  # the list is in frequency order
        if re.fullmatch(r"[a-z][a-z']*", word):
            table[word] = round(value * 100)
    text = json.dumps(table, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


if __name__ == "__main__":
    data = build()
    DATA.write_bytes(data)
    print(f"wrote {DATA} ({len(data):,} bytes, {len(json.loads(gzip.decompress(data))):,} words)", file=sys.stderr)
