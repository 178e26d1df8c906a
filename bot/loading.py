"""Corpus path -> ready Index, the one start-up step every front end shares.

An index can also be built once and saved (``monograph-bot index build``), then loaded at
each start with ``--index FILE``: the file is checked against the corpus's files, so a
changed corpus gets an ``error:`` saying how to rebuild, never a stale index.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from corpus import (
    DEFAULT_CORPUS,
    CorpusError,
    corpus_fingerprint,
    read_corpus,
    split_document,
)
from index import Index
from index.store import FORMAT, save_index
from index.store import load_index as load_saved

_WARMING: list[threading.Thread] = []  # warm-up threads that may still run


def _finish_warming() -> None:
    """Before this process forks (gunicorn forks its workers after preloading the app), let the
    warm-up threads finish: a lock one of them held at the fork (a speller's, an import's) would
    stay locked for ever in the child, whose first question would then wait for ever."""
    for thread in list(_WARMING):
        thread.join()


os.register_at_fork(before=_finish_warming)


def warm_up(index: Index) -> threading.Thread:
    """Build what the first questions would otherwise wait for, in a daemon thread while a
    conversation or a Slack app starts: the document's urgent statements and their look-ups
    (seconds in a library of 100k passages), the speller's index, other word forms, the
    title tables, the lay words' and the emergency words' spellers and the boxed warnings; then
    what is built is frozen out of the garbage collector's sight."""
    def build() -> None:
        from .boxed import boxed_warnings
        from .cues import safety_speller
        from .gate import compile_alternations
        from .query import prepare

        index.urgent  # noqa: B018 (a cached property: reading it builds it)
        index.speller.index()
        safety_speller().index()  # the emergency words' own (small), else built by the first message with a long unknown word
        compile_alternations()  # the safety patterns' alternatives, else compiled by the first messages that need them
        prepare(index)
        boxed_warnings(index)
        # the index and its tables live as long as the process: moved out of the collector's sight, a
        # full collection no longer walks their half a million objects (a 140 ms pause at 100k
        # passages, mid-answer), and gunicorn's forked workers keep sharing their pages
        gc.freeze()

    thread = threading.Thread(target=build, name="index-warm-up", daemon=True)
    _WARMING[:] = [t for t in _WARMING if t.is_alive()] + [thread]
    thread.start()
    return thread


def to_stderr(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def load_index(path: str | Path | None = None, saved: str | Path | None = None,
               warn: Callable[[str], None] = to_stderr) -> Index:
    """The index of the corpus at ``path`` (default: the shipped article): built, or read from
    ``saved``. What was skipped (an empty file in a folder, a document that yields no
    passage) is told once through ``warn``, on stderr unless a front end says otherwise."""
    path = Path(path) if path else DEFAULT_CORPUS
    if saved:
        return load_saved(saved, _key(path), str(path))
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


def build_saved(path: str | Path | None, out: str | Path) -> Index:
    """Build the corpus's index and save it to ``out`` for ``--index``."""
    path = Path(path) if path else DEFAULT_CORPUS
    index = load_index(path)
    save_index(index, out, _key(path), str(path))
    return index


def _key(path: Path) -> str:
    return f"{FORMAT}:{corpus_fingerprint(path)}"


def describe(index: Index) -> str:
    titles = list(dict.fromkeys(p.document for p in index.passages))
    shown = "; ".join(titles[:3]) + (f" and {len(titles) - 3} more" if len(titles) > 3 else "")
    return f"{shown} ({len(index)} passage{'' if len(index) == 1 else 's'})"
