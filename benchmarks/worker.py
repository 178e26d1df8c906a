"""One engine at one corpus size, in a process of its own so its memory is its own.

    python benchmarks/worker.py ENGINE DATA_DIR [--core] [--profile FILE]

Reads DATA_DIR (``scale.py`` writes it): ``passages.pkl`` for ours, ``tokens.txt`` (one
passage a line: the terms our tokenizer gives, space-separated) for the peers, and
``queries.json``. Builds the index, times each query alone (k=3) after 3 warm-up queries,
and prints one JSON object: build time, resident memory growth, query p50/p95 (wall clock,
and the thread's CPU time, which a busy shared machine inflates far less) and each
query's top 3 passage numbers (for the agreement with rank_bm25). rank_bm25 also reports
which passages tie with its third best, so that agreement can set ties aside.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import pickle
import time
from pathlib import Path

import numpy as np
from common import peak_rss_mb, rss_mb, summary_ms
from engines import ENGINES, IMPORTS

WARMUP = 3
TIE = 1e-9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("engine", choices=sorted(ENGINES))
    parser.add_argument("data", type=Path)
    parser.add_argument("--core", action="store_true", help="also time bot.core.answer() per question (ours only)")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the build and the searches here")
    args = parser.parse_args()

    passages = pickle.loads((args.data / "passages.pkl").read_bytes()) if args.engine == "ours" else None
    spec = json.loads((args.data / "queries.json").read_text())
    texts, qtokens = spec["text"], spec["tokens"]
    __import__(IMPORTS[args.engine])  # its import (numpy's, tqdm's) is not build time
    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    engine, search = ENGINES[args.engine](args.data, passages)
    build = time.perf_counter() - start
    gc.collect()
    after = rss_mb()

    for q, qt in list(zip(texts, qtokens))[:WARMUP]:
        search(q, qt)
    times, cpu, top, ties = [], [], [], []
    for q, qt in zip(texts, qtokens):
        t0, c0 = time.perf_counter(), time.thread_time()
        hits = search(q, qt)
        cpu.append(time.thread_time() - c0)
        times.append(time.perf_counter() - t0)
        top.append(hits)
        if args.engine == "rank_bm25":
            ties.append(_ties(engine[1]["scores"], len(hits)))
    out = {"engine": args.engine, "passages": int(spec["passages"]), "build_s": round(build, 3),
           "index_mib": round(after - before, 1), "peak_rss_mib": round(peak_rss_mb(), 1),
           "query": summary_ms(times), "query_cpu": summary_ms(cpu), "top": top}
    if ties:
        out["ties"] = ties
    if args.engine == "ours":
        out.update(_ours_extra(engine, texts, args.core))
    if args.profile:
        del engine, search
        gc.collect()
        _profile(args.data, passages, args.engine, texts, qtokens, args.profile)
    print(json.dumps(out))


def _ties(scores: np.ndarray, k: int) -> list[int]:
    """Passages scoring within a hair of rank_bm25's k-th best: any of them is a right answer there."""
    if not k:
        return []
    kth = np.sort(scores)[-k]
    return np.flatnonzero(scores >= kth - TIE * max(1.0, abs(kth)))[:200].tolist()


def _ours_extra(index, texts: list[str], core: bool) -> dict:
    """Which queries name a document (and so are kept to it), the speller's first build, answer() times."""
    from index import term_weights

    out = {"named": [index.documents_named(term_weights(q)) is not None for q in texts]}
    out.update(_saved(index))
    t0 = time.perf_counter()
    index.speller.index()
    out["speller_build_s"] = round(time.perf_counter() - t0, 3)
    if core:
        from bot.core import answer
        from bot.loading import warm_up

        # what the front ends (REPL, ask, Slack) build in a daemon thread at start, waited for here;
        # anything else a first question builds stays in its time (the max shows it)
        t0 = time.perf_counter()
        warm_up(index).join()
        out["warm_up_s"] = round(time.perf_counter() - t0, 3)
        times, cpu = [], []
        for q in texts:
            t0, c0 = time.perf_counter(), time.thread_time()
            answer(q, index)
            cpu.append(time.thread_time() - c0)
            times.append(time.perf_counter() - t0)
        out["core"], out["core_cpu"] = summary_ms(times), summary_ms(cpu)
    return out


def _saved(index) -> dict:
    """Save the index to a file, then load it as ``--index`` does (the corpus check aside: there are no files)."""
    import tempfile

    from index.store import load_index, save_index

    with tempfile.TemporaryDirectory(prefix="monograph-saved-") as tmp:
        file = Path(tmp) / "library.index"
        t0 = time.perf_counter()
        save_index(index, file, "bench")
        save = time.perf_counter() - t0
        loads = []
        for _ in range(3):
            t0 = time.perf_counter()
            loaded = load_index(file, "bench")
            loads.append(time.perf_counter() - t0)
            del loaded
        # --index also hashes the corpus files to check the file fits them: time it on as many bytes
        text = "\n".join(p.text for p in index.passages).encode()
        t0 = time.perf_counter()
        hashlib.sha256(text).hexdigest()
        check = time.perf_counter() - t0
        return {"save_s": round(save, 3), "load_s": round(sorted(loads)[1], 3), "check_s": round(check, 3),
                "file_mib": round(file.stat().st_size / 2**20, 1), "text_mib": round(len(text) / 2**20, 1)}


def _profile(data: Path, passages, engine: str, texts, qtokens, path: Path) -> None:
    """cProfile of one more build, then of the searches, top 15 functions each by own time."""
    import cProfile
    import io
    import pstats

    buf = io.StringIO()
    profiler = cProfile.Profile()
    profiler.enable()
    _, search = ENGINES[engine](data, passages)
    profiler.disable()
    buf.write(f"== build: {engine} at {data.name} passages\n")
    pstats.Stats(profiler, stream=buf).sort_stats("tottime").print_stats(15)
    profiler = cProfile.Profile()
    profiler.enable()
    for q, qt in zip(texts, qtokens):
        search(q, qt)
    profiler.disable()
    buf.write(f"== search: {len(texts)} queries, k=3\n")
    pstats.Stats(profiler, stream=buf).sort_stats("tottime").print_stats(15)
    path.write_text(buf.getvalue())


if __name__ == "__main__":
    main()
