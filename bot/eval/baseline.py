"""The naive baseline every evaluation is measured against: what a user writes in ten lines.

It is deliberately independent of our corpus splitting, tokenizer, lexicon and index:
paragraphs split on blank lines of the document files, lowercase alphanumeric tokens,
rank_bm25's ``BM25Okapi.get_top_n`` on the last turn alone. It always answers, never
shows a safety notice and has no disclaimer. That independence is why rank_bm25 is
imported here as well as in ``index/bm25.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

from rank_bm25 import BM25Okapi

from corpus import DEFAULT_CORPUS, CorpusError, load_corpus

from .metrics import Shown


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


class NaiveBaseline:
    def __init__(self, paragraphs: list[Shown]):
        if not paragraphs:
            raise ValueError("the baseline needs at least one paragraph")
        self.paragraphs = paragraphs
        self.bm25 = BM25Okapi([tokens(p.text) for p in paragraphs])

    @classmethod
    def from_corpus(cls, path: str | Path | None = None) -> NaiveBaseline:
        """Paragraphs of the raw files (front matter removed), numbered per document."""
        path = Path(path) if path else DEFAULT_CORPUS
        paragraphs = []
        for doc in load_corpus(path):
            texts = [p.strip() for p in re.split(r"\n\s*\n", doc.text) if tokens(p)]
            paragraphs += [Shown(f"{doc.id}:p{n}", text) for n, text in enumerate(texts, 1)]
        if not paragraphs:
            raise CorpusError(f"{path}: no paragraphs with words in it")
        return cls(paragraphs)

    def search(self, question: str, k: int) -> list[Shown]:
        return self.bm25.get_top_n(tokens(question), self.paragraphs, n=k)
