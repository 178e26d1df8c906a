"""Our index beside rank_bm25 and bm25s at 1k, 10k and 100k passages.

Each engine at each size runs in a child process (``worker.py``) so that its memory is
its own. All three get the same passages and the same queries; rank_bm25 and bm25s get
the tokens our tokenizer gives, so only indexing and scoring differ (our build time
also includes tokenizing, as ``Index(passages)`` does it).
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import tempfile
from importlib.util import find_spec
from pathlib import Path

from common import base_passages, log, queries, replicate

HERE = Path(__file__).resolve().parent
ENGINES = ("ours", "rank_bm25", "bm25s")


def query_limit(size: int, quick: bool) -> int:
    """How many queries to time: all 250 up to 10k passages, fewer beyond.

    rank_bm25 scores every passage in Python for every query term (O(N) per query): at
    100k it takes a tenth of a second or more per query, so 100k times a spread-out
    subset, the same one for every engine.
    """
    if size >= 100_000:
        return 25 if quick else 50
    if size >= 10_000:
        return 60 if quick else 250
    return 250


def spread(items: list, n: int) -> list:
    """``n`` items taken evenly across ``items``, so each question set is represented."""
    if n >= len(items):
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def _dump(path: Path, value) -> None:
    path.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def run_scale(sizes: list[int], quick: bool, profile_dir: Path | None = None) -> dict:
    from index import tokenize

    base = base_passages()
    base_tokens = [tokenize(f"{p.section} {p.text}") for p in base]
    all_queries = queries()
    engines = [e for e in ENGINES if e != "bm25s" or find_spec("bm25s")]
    notes = []
    if "bm25s" not in engines:
        notes.append("bm25s is not installed (pip install -e '.[bench]'): skipped")
    results = []
    with tempfile.TemporaryDirectory(prefix="monograph-bench-") as tmp:
        for size in sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            _dump(folder / "passages.pkl", replicate(base, size))
            _dump(folder / "tokens.pkl", replicate(base_tokens, size))
            picked = spread(all_queries, query_limit(size, quick))
            spec = {"text": picked, "tokens": [tokenize(q) for q in picked]}
            (folder / "queries.json").write_text(json.dumps(spec))
            for engine in engines:
                log(f"scale: {engine} at {size:,} passages, {len(picked)} queries")
                cmd = [sys.executable, str(HERE / "worker.py"), engine, str(folder)]
                if engine == "ours":
                    cmd.append("--core")
                if engine == "ours" and profile_dir and size == max(sizes):
                    cmd += ["--profile", str(profile_dir / f"profile-ours-{size}.txt")]
                done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
                if done.returncode != 0:
                    log(f"scale: {engine} at {size:,} failed:\n{done.stderr[-2000:]}")
                    results.append({"engine": engine, "passages": size, "error": done.stderr.strip().splitlines()[-1:]})
                    continue
                results.append(json.loads(done.stdout))
    vocabulary = len({t for ts in base_tokens for t in ts})
    return {"corpus": f"real passages replicated with new ids ({len(base)} distinct: corpus/monographs/*.md + "
                      f"corpus/documents/baclofen.txt); vocabulary fixed at {vocabulary:,} terms",
            "queries": f"turns of corpus/questions/*.jsonl ({len(all_queries)} in all), each alone, k=3",
            "notes": notes, "results": results}
