"""Loading documents: one file or a folder of ``.txt``/``.md`` files, with front matter.

Every way a file can be unusable (missing, unreadable, empty, a PDF, binary, not UTF-8)
becomes a ``CorpusError`` naming the file and saying what to do, never a traceback; in a
folder, an empty file is skipped with a warning instead.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import BotError, CorpusError, EmptyDocument

SUFFIXES = (".txt", ".md", ".markdown")
MAX_BYTES = 20 * 1024 * 1024
NOT_DOCUMENTS = {"README", "LICENSE", "CHANGELOG"}  # a folder's own notes are not monographs


@dataclass(frozen=True)
class Document:
    id: str  # a slug of the file name, stable across runs
    title: str
    source: str
    text: str  # the body, front matter removed, line ends normalised
    path: str
    revised: str = ""  # the front matter's revision date ("revised: 2026-01-08"), shown in citations


def slugify(text: str, limit: int = 48) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "x"


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a ``---`` ... ``---`` block of ``key: value`` lines off the top of a file."""
    match = re.match(r"---[ \t]*\n(.*?)\n---[ \t]*(?:\n|$)", text, re.S)
    if not match:
        return {}, text
    fields = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and re.fullmatch(r"[A-Za-z_][\w-]*", key.strip()):
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[key.strip().lower()] = value
    return fields, text[match.end():]


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return " ".join(line.split())[:120]  # tabs and runs of spaces, as in headings
    return ""


def read_bytes(path: Path, error: type[BotError], expected: str, kind: str, limit: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, at most ``limit`` + 1 of them, or ``error`` naming the file and what to do.

    Opened without blocking and checked with fstat before any read, so a device
    (/dev/zero), a FIFO or a socket is refused instead of read for ever, and a file
    longer than ``limit`` costs ``limit`` + 1 bytes of memory, not its size.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise error(f"{path}: no such file; {expected}") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, expected {kind}") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror or exc}); check its permissions") from None
    with os.fdopen(fd, "rb") as f:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise error(f"{path}: is a folder, expected {kind}")
        if not stat.S_ISREG(mode):
            raise error(f"{path}: is not a regular file (a device, pipe or socket); expected {kind}")
        try:
            return f.read(limit + 1)
        except OSError as exc:
            raise error(f"{path}: cannot be read ({exc.strerror or exc}); check its permissions") from None


def read_document(path: str | Path) -> Document:
    path = Path(path)
    raw = read_bytes(path, CorpusError, "pass --corpus with a .txt or .md file or a folder of them", "a file")
    if len(raw) > MAX_BYTES:
        raise CorpusError(f"{path}: is over the {MAX_BYTES:,}-byte limit for one document; split it into several files")
    if raw.startswith(b"%PDF-"):  # PDF's magic bytes, whatever the file is called
        text = f"{path.stem}.txt" if path.suffix.lower() != ".txt" else f"{path.stem}-text.txt"  # never over the PDF
        raise CorpusError(f"{path}: PDF is not supported; convert it to text first, "
                          f"e.g. `pdftotext -layout {path.name} {text}`")
    if b"\x00" in raw:
        raise CorpusError(f"{path}: looks like a binary file, not text; convert it to UTF-8 text (.txt or .md)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path}: is not UTF-8 text (bad byte at offset {exc.start}); "
            f"convert it, e.g. `iconv -f latin1 -t utf-8 {path.name} > {path.stem}.utf8{path.suffix}`"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = _front_matter(text)
    if not body.strip():
        raise EmptyDocument(f"{path}: is empty; a document needs some text")
    title = meta.get("title") or _first_line(body) or path.stem
    return Document(
        id=slugify(path.stem),
        title=title,
        source=meta.get("source") or meta.get("publisher") or "",
        text=body,
        path=str(path),
        revised=meta.get("revised", "").strip(),
    )


def corpus_files(path: str | Path) -> list[Path]:
    """The files a corpus is read from: the file itself, or a folder's documents by name."""
    path = Path(path)
    if not path.is_dir():
        return [path]
    try:
        files = sorted(
            p for p in path.iterdir()
            if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            and p.stem.upper() not in NOT_DOCUMENTS
        )
    except OSError as exc:
        raise CorpusError(f"{path}: folder cannot be read ({exc.strerror or exc}); check its permissions") from None
    if not files:
        inner = sorted(p.name for p in path.iterdir() if p.is_dir() and _holds_documents(p))
        hint = (f"; subfolders are not read: pass one of them ({', '.join(inner[:3])}{', ...' if len(inner) > 3 else ''})"
                if inner else "")
        raise CorpusError(f"{path}: folder holds no .txt or .md documents{hint}")
    return files


def _holds_documents(folder: Path) -> bool:
    try:
        return any(f.suffix.lower() in SUFFIXES and f.is_file() for f in folder.iterdir())
    except OSError:
        return False


def corpus_fingerprint(path: str | Path) -> str:
    """A hash of every file a corpus is read from (names and bytes): a saved index is kept for it.

    Reading bytes is fast (no splitting), so a start-up can check a saved index against the
    corpus it serves: an edited, added or removed document changes the fingerprint.
    """
    digest = hashlib.sha256()
    for file in corpus_files(path):
        raw = read_bytes(file, CorpusError, "pass --corpus with a .txt or .md file or a folder of them", "a file")
        digest.update(f"{file.name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


def load_corpus(path: str | Path) -> list[Document]:
    """A file is one document; a folder is every ``.txt``/``.md`` file in it, by name."""
    return read_corpus(path)[0]


def read_corpus(path: str | Path) -> tuple[list[Document], list[str]]:
    """``load_corpus`` with its warnings (an empty file skipped in a folder), for a front end to show."""
    path = Path(path)
    if path.is_dir():
        docs, warnings = [], []
        for file in corpus_files(path):
            try:
                docs.append(read_document(file))
            except EmptyDocument as exc:
                warnings.append(f"{exc}; skipped")
        if not docs:
            raise CorpusError(f"{path}: every document in the folder is empty")
        seen: dict[str, int] = {}
        unique = []
        for doc in docs:  # two files named alike would share passage ids
            n = seen[doc.id] = seen.get(doc.id, 0) + 1
            unique.append(doc if n == 1 else replace(doc, id=f"{doc.id}-{n}"))
        return unique, warnings
    return [read_document(path)], []
