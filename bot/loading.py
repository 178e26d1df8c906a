"""Corpus path -> ready Index, the one start-up step every front end shares."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from corpus import DEFAULT_CORPUS, CorpusError, read_corpus, split_document
from index import Index


def to_stderr(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def load_index(path: str | Path | None = None, warn: Callable[[str], None] = to_stderr) -> Index:
    """The index of a corpus. What was skipped (an empty file in a folder, a document that
    yields no passage) is told once through ``warn``, on stderr unless a front end says otherwise."""
    path = Path(path) if path else DEFAULT_CORPUS
    docs, warnings = read_corpus(path)
    passages = []
    for doc in docs:
        found = split_document(doc)
        if not found and len(docs) > 1:
            warnings.append(f"{doc.path}: no passages could be read from it (only headings or page furniture?); skipped")
        passages += found
    if not passages:
        raise CorpusError(f"{path}: no passages could be read from it (only headings or page furniture?)")
    for message in warnings:
        warn(message)
    return Index(passages)


def describe(index: Index) -> str:
    titles = list(dict.fromkeys(p.document for p in index.passages))
    shown = "; ".join(titles[:3]) + (f" and {len(titles) - 3} more" if len(titles) > 3 else "")
    return f"{shown} ({len(index)} passages)"
