"""Corpus path -> ready Index, the one start-up step every front end shares."""

from __future__ import annotations

from pathlib import Path

from corpus import DEFAULT_CORPUS, CorpusError, load_corpus, split_corpus
from index import Index


def load_index(path: str | Path | None = None) -> Index:
    path = Path(path) if path else DEFAULT_CORPUS
    docs = load_corpus(path)
    passages = split_corpus(docs)
    if not passages:
        raise CorpusError(f"{path}: no passages could be read from it (only headings or page furniture?)")
    return Index(passages)


def describe(index: Index) -> str:
    titles = list(dict.fromkeys(p.document for p in index.passages))
    shown = "; ".join(titles[:3]) + (f" and {len(titles) - 3} more" if len(titles) > 3 else "")
    return f"{shown} ({len(index)} passages)"
