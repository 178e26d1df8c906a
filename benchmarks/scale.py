"""Our index beside rank_bm25, bm25s, tantivy and Lucene on a library of distinct passages.

Each engine at each size runs in a process of its own (``worker.py``; Lucene through
``lucene.py``) so that its memory is its own. All get the same passages (``library.py``)
and the same 500 real questions; the peers get the terms our tokenizer gives (title,
heading and text of each passage, as our index reads them), so only indexing and scoring
differ (our build time also includes tokenizing). Agreement is each engine's top 3 against
rank_bm25's, ties at rank_bm25's third place set aside, over all questions and over those
that name no document (ours keeps a question naming a drug to that drug's documents, which
rank_bm25 does not).
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import tempfile
from importlib.util import find_spec
from pathlib import Path

import lucene
from common import log
from library import SHARED, base_passages, library, missing, questions

HERE = Path(__file__).resolve().parent
ENGINES = ("ours", "rank_bm25", "bm25s", "tantivy", "lucene")
SEARCH_ONLY_FROM = 1_000_000  # past this: ours (search alone), tantivy and Lucene; the others take too long
RANK_BM25_UP_TO = 100_000


def terms_of(texts) -> list[str]:
    """Each text's terms, space-separated: ``index.tokenize`` with a cache per whitespace chunk."""
    from index.tokenizer import content_terms, normalize, words

    cache: dict[str, str] = {}
    out = []
    for text in texts:
        parts = []
        for chunk in normalize(text).split():
            terms = cache.get(chunk)
            if terms is None:
                terms = cache[chunk] = " ".join(content_terms(words(chunk)))
            if terms:
                parts.append(terms)
        out.append(" ".join(parts))
    return out


def run_scale(sizes: list[int], quick: bool, profile_dir: Path | None = None, shared: Path = SHARED) -> dict:
    why = missing(shared)
    if why:
        log(f"scale: skipped: {why}")
        return {"skipped": why, "results": [], "notes": [why]}
    log("scale: splitting the real documents (MedQuAD, FDA labels, monographs)")
    base = base_passages(shared)
    asked = questions(100 if quick else 500, shared)
    notes = _notes()
    results, described = [], {}
    with tempfile.TemporaryDirectory(prefix="monograph-bench-") as tmp:
        for size in sizes:
            folder = Path(tmp) / str(size)
            described[size] = write_data(folder, library(base, size), asked)
            for engine in _engines(size):
                results.append(_run(engine, folder, size, profile_dir if size == max(sizes) else None))
            _agreement([r for r in results if r["passages"] == size])
    return {"corpus": _corpus_note(len(base)), "sizes": described,
            "queries": f"{len(asked)} real questions, each alone, k=3: half the turns of corpus/questions "
                       "(blind lists included), half MedQuAD's own questions", "notes": notes, "results": results}


def write_data(folder: Path, passages: list, asked: list[str]) -> dict:
    """What every worker reads: the passages, their terms, the questions and theirs."""
    folder.mkdir(parents=True)
    (folder / "passages.pkl").write_bytes(pickle.dumps(passages, protocol=pickle.HIGHEST_PROTOCOL))
    (folder / "tokens.txt").write_text(
        "\n".join(terms_of(f"{p.document} {p.section} {p.text}" for p in passages)) + "\n", encoding="utf-8")
    tokens = terms_of(asked)
    (folder / "queries.json").write_text(json.dumps({"text": asked, "tokens": [t.split() for t in tokens],
                                                     "passages": len(passages)}))
    (folder / "queries.txt").write_text("\n".join(tokens) + "\n", encoding="utf-8")
    return _describe(passages)


def _engines(size: int) -> list[str]:
    out = []
    for engine in ENGINES:
        if engine in ("bm25s", "tantivy") and not find_spec(engine):
            continue
        if engine == "lucene" and lucene.unavailable():
            continue
        if engine in ("rank_bm25", "bm25s") and size > RANK_BM25_UP_TO:
            continue
        out.append(engine)
    return out


def _notes() -> list[str]:
    notes = [f"{e} is not installed (pip install -e '.[bench]'): skipped" for e in ("bm25s", "tantivy")
             if not find_spec(e)]
    if lucene.unavailable():
        notes.append(lucene.unavailable())
    else:
        home, version = lucene.java_home()
        notes.append(f"Lucene 9.9.1 from pyserini 0.24.0's {lucene.JAR_NAME}, run on Java {version} ({home.name})")
    notes.append(f"rank_bm25 and bm25s run up to {RANK_BM25_UP_TO:,} passages only (rank_bm25 takes seconds per "
                 f"query past that); past it ours is timed on the search alone")
    return notes


def _run(engine: str, folder: Path, size: int, profile: Path | None) -> dict:
    log(f"scale: {engine} at {size:,} passages")
    try:
        if engine == "lucene":
            out = lucene.run(folder)
            from common import summary_ms

            out["query"] = summary_ms([ms / 1000 for ms in out.pop("times_ms")])
            out["query_cpu"] = summary_ms([ms / 1000 for ms in out.pop("cpu_ms")])
            return out
        cmd = [sys.executable, str(HERE / "worker.py"), engine, str(folder)]
        if engine == "ours" and size < SEARCH_ONLY_FROM:
            cmd.append("--core")
        if engine == "ours" and profile:
            profile.mkdir(parents=True, exist_ok=True)
            cmd += ["--profile", str(profile / f"profile-ours-{size}.txt")]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-2000:])
        return json.loads(done.stdout)
    except (RuntimeError, subprocess.SubprocessError, OSError, ValueError) as exc:
        log(f"scale: {engine} at {size:,} failed:\n{exc}")
        return {"engine": engine, "passages": size, "error": str(exc).strip().splitlines()[-1:]}


def _agreement(rows: list[dict]) -> None:
    """Each engine's top 3 against rank_bm25's, as a share of rank_bm25's top 3 (ties at its third place aside)."""
    ref = next((r for r in rows if r["engine"] == "rank_bm25" and "error" not in r), None)
    ours = next((r for r in rows if r["engine"] == "ours" and "error" not in r), None)
    if not ref:
        return
    named = ours["named"] if ours else [False] * len(ref["top"])
    for row in rows:
        if "error" in row or "top" not in row:
            continue
        shares, plain = [], []
        for top, want, ties, names in zip(row["top"], ref["top"], ref["ties"], named):
            if not want:
                continue
            best = set(want) | set(ties)  # rank_bm25's top 3, and any passage tied with its third
            share = len(set(top[: len(want)]) & best) / len(want)
            shares.append(share)
            if not names:
                plain.append(share)
        row["agreement"] = round(sum(shares) / len(shares), 4) if shares else None
        row["agreement_unnamed"] = round(sum(plain) / len(plain), 4) if plain else None
        row["unnamed_questions"] = len(plain)
    for row in rows:
        row.pop("top", None)
        row.pop("ties", None)
        if "named" in row:
            row["named_questions"] = sum(row.pop("named"))


def _describe(passages) -> dict:
    return {"passages": len(passages), "distinct_texts": len({p.text for p in passages}),
            "titles": len({p.document for p in passages}), "sections": len({(p.document, p.path) for p in passages}),
            "heading_paths": len({p.path for p in passages})}


def _corpus_note(base: int) -> str:
    return (f"a library of distinct passages: the {base:,} real passages of MedQuAD's NIH pages, 25 FDA labels, "
            "corpus/monographs and the shipped article, then editions of each document with sentences drawn "
            "from the same document (benchmarks/library.py)")
