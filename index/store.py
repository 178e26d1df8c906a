"""An index saved to one file, so that a restart loads it instead of building it again.

The file is a NumPy ``.npz`` (a zip of arrays, no pickle: loading runs no code from it, and
zip's CRC-32 catches a damaged file): the BM25 postings, the speller's words, the names of
documents and the passages themselves (texts as one UTF-8 blob with offsets). Its header
records a format number, a hash of the code that built it and a key (a hash of the
corpus's files, see ``corpus.corpus_fingerprint``): a file whose format, code or key does
not match is refused with an ``error:`` that says how to rebuild it, never used stale.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

from corpus import CorpusError, Passage

from .bm25 import Index
from .postings import Postings

FORMAT = 2  # bump when what is saved changes (2: sentence starts and revision dates)
REBUILD = "rebuild it with `monograph-bot index build --corpus {corpus} --out {file}`"


def save_index(index: Index, file: str | Path, key: str, corpus: str = "") -> None:
    """Write ``index`` to ``file`` (atomically: a reader never sees half a file)."""
    file = Path(file)
    p = index.postings
    texts, text_ends = _blob(p.text for p in index.passages)
    ids, id_ends = _blob(p.id for p in index.passages)
    name_docs = [index.names[t] for t in index.names]
    meta = {"format": FORMAT, "code": code_version(), "key": key, "corpus": corpus, "passages": len(index),
            "titles": index.titles, "sections": [list(s) for s in index.sections], "terms": p.terms,
            "spelling": list(p.spelling), "names": list(index.names),
            "revised": {q.document: q.revised for q in index.passages if q.revised}}
    arrays = {
        "meta": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), dtype=np.uint8),
        "offsets": p.offsets, "passage": p.passage, "score": p.score,
        "spelling_counts": np.fromiter(p.spelling.values(), np.int64, len(p.spelling)),
        "texts": texts, "text_ends": text_ends, "ids": ids, "id_ends": id_ends,
        "document_of": index.document_of, "section_of": index.section_of,
        "ordinal": np.fromiter((p.ordinal for p in index.passages), np.int32, len(index)),
        # each passage's sentence starts, flattened, and where each passage's list ends
        "starts": np.fromiter((s for q in index.passages for s in q.starts), np.int32),
        "starts_ends": np.cumsum([len(q.starts) for q in index.passages], dtype=np.int64),
        "name_ends": np.cumsum([len(d) for d in name_docs], dtype=np.int64),
        "name_docs": np.concatenate(name_docs) if name_docs else np.zeros(0, np.int32),
    }
    part = file.with_name(file.name + ".part")
    try:
        with open(part, "wb") as f:
            np.savez(f, **arrays)
        os.replace(part, file)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise CorpusError(f"{file}: cannot be written ({exc.strerror or exc}); check the folder and its permissions")


def load_index(file: str | Path, key: str, corpus: str = "") -> Index:
    """The index saved in ``file``, if it was saved for the corpus whose key is ``key``."""
    file = Path(file)
    rebuild = REBUILD.format(corpus=corpus or "PATH", file=file)
    if file.is_dir():
        raise CorpusError(f"{file}: is a folder, not a saved index file; {rebuild.replace('rebuild', 'build', 1)}")
    if not file.is_file():
        raise CorpusError(f"{file}: no such saved index; {rebuild.replace('rebuild', 'build', 1)}")
    if not zipfile.is_zipfile(file):
        raise CorpusError(f"{file}: is not a saved index (or is damaged); {rebuild}")
    try:
        with np.load(file, allow_pickle=False) as z:
            meta = json.loads(z["meta"].tobytes())
            if meta.get("format") != FORMAT:
                raise CorpusError(f"{file}: was saved by another version of monograph-bot (index format "
                                  f"{meta.get('format')}, this one reads {FORMAT}); {rebuild}")
            if meta.get("code") != code_version():
                raise CorpusError(f"{file}: was built by another version of monograph-bot's splitting or index code; "
                                  f"{rebuild}")
            if meta.get("key") != key:
                built_from = meta.get("corpus") or ""
                if built_from and built_from != corpus:
                    raise CorpusError(f"{file}: was built from {built_from}, not {corpus}; pass --corpus {built_from}, "
                                      f"or {rebuild}")
                raise CorpusError(f"{file}: the corpus has changed since this index was built; {rebuild}")
            return _index(meta, {name: z[name] for name in z.files if name != "meta"})
    except CorpusError:
        raise
    except (OSError, ValueError, KeyError, IndexError, TypeError, zipfile.BadZipFile, EOFError) as exc:
        raise CorpusError(f"{file}: is not a saved index or is damaged ({exc}); {rebuild}") from None


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the code that turns a corpus into an index (``corpus/`` and ``index/``): a change
    there (how passages are split, how terms are made) makes every saved index stale."""
    import corpus

    digest = hashlib.sha256()
    for folder in (Path(corpus.__file__).parent, Path(__file__).parent):
        for source in sorted(folder.glob("*.py")):
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


def _index(meta: dict, a: dict[str, np.ndarray]) -> Index:
    n = meta["passages"]
    texts, ids = _unblob(a["texts"], a["text_ends"]), _unblob(a["ids"], a["id_ends"])
    titles, sections = meta["titles"], [tuple(s) for s in meta["sections"]]
    document_of, section_of, ordinal = a["document_of"].tolist(), a["section_of"].tolist(), a["ordinal"].tolist()
    if not (len(texts) == len(ids) == len(document_of) == len(section_of) == len(ordinal) == n):
        raise ValueError("its passages do not add up")
    offsets, where = a["offsets"], a["passage"]
    if len(offsets) != len(meta["terms"]) + 1 or offsets[-1] != len(where) or len(where) != len(a["score"]) or (
            len(where) and not 0 <= where.min() <= where.max() < n):
        raise ValueError("its postings do not add up")
    starts = [tuple(x) for x in np.split(a["starts"], a["starts_ends"][:-1])] if n else []
    revised = meta.get("revised", {})
    documents = [titles[d] for d in document_of]
    passages = list(map(Passage, ids, documents, map(sections.__getitem__, section_of), texts, ordinal,
                        [tuple(int(v) for v in x) for x in starts], [revised.get(d, "") for d in documents]))
    spelling = Counter(dict(zip(meta["spelling"], a["spelling_counts"].tolist())))
    postings = Postings(meta["terms"], a["offsets"], a["passage"], a["score"], spelling)
    names = dict(zip(meta["names"], np.split(a["name_docs"], a["name_ends"][:-1]) if meta["names"] else []))
    return Index(passages, postings, names)


def _blob(strings) -> tuple[np.ndarray, np.ndarray]:
    encoded = [s.encode() for s in strings]
    ends = np.cumsum([len(b) for b in encoded], dtype=np.int64)
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), ends


def _unblob(blob: np.ndarray, ends: np.ndarray) -> list[str]:
    raw, out, start = blob.tobytes(), [], 0
    for end in ends.tolist():
        out.append(raw[start:end].decode())
        start = end
    return out
