"""One engine at one corpus size, in a process of its own so its memory is its own.

    python benchmarks/worker.py ENGINE DATA_DIR [--queries N] [--core] [--profile FILE]

Reads ``passages.pkl`` (and, for rank_bm25 and bm25s, ``tokens.pkl``: the same tokens our
tokenizer gives) and ``queries.json`` from DATA_DIR, builds the index, times each query
alone (k=3), and prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import time
from pathlib import Path

from common import peak_rss_mb, rss_mb, summary_ms

WARMUP = 3


def _ours(passages, tokens):
    from index import Index, term_weights

    index = Index(passages)
    return index, lambda q, qt: index.search(term_weights(q), k=3)


def _rank_bm25(passages, tokens):
    from rank_bm25 import BM25Okapi

    bm25 = BM25Okapi(tokens)
    return bm25, lambda q, qt: bm25.get_top_n(qt, passages, n=3)


def _bm25s(passages, tokens):
    import bm25s

    retriever = bm25s.BM25(k1=1.5, b=0.75)  # the defaults of rank_bm25's BM25Okapi; bm25s's Lucene idf
    retriever.index(tokens, show_progress=False)

    def search(q, qt):
        if not qt:  # bm25s cannot score an empty query; ours and rank_bm25 return nothing/zeros
            return []
        docs, _ = retriever.retrieve([qt], k=3, show_progress=False)
        return [passages[i] for i in docs[0]]

    return retriever, search


ENGINES = {"ours": _ours, "rank_bm25": _rank_bm25, "bm25s": _bm25s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("engine", choices=sorted(ENGINES))
    parser.add_argument("data", type=Path)
    parser.add_argument("--queries", type=int, default=0, help="time only the first N queries (0: all)")
    parser.add_argument("--core", action="store_true", help="also time bot.core.answer() per turn (ours only)")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the timed searches here")
    args = parser.parse_args()

    passages = pickle.loads((args.data / "passages.pkl").read_bytes())
    tokens = pickle.loads((args.data / "tokens.pkl").read_bytes()) if args.engine != "ours" else None
    spec = json.loads((args.data / "queries.json").read_text())
    texts, qtokens = spec["text"], spec["tokens"]
    if args.queries:
        texts, qtokens = texts[: args.queries], qtokens[: args.queries]
    if args.engine == "bm25s":
        import bm25s  # noqa: F401  (its import, numpy's and tqdm's, is not build time)
    elif args.engine == "rank_bm25":
        import rank_bm25  # noqa: F401
    else:
        import numpy  # noqa: F401
        import index  # noqa: F401
    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    engine, search = ENGINES[args.engine](passages, tokens)
    build = time.perf_counter() - start
    gc.collect()
    after = rss_mb()

    for q, qt in list(zip(texts, qtokens))[:WARMUP]:
        search(q, qt)
    times, returned = [], 0
    for q, qt in zip(texts, qtokens):
        t0 = time.perf_counter()
        hits = search(q, qt)
        times.append(time.perf_counter() - t0)
        returned += len(hits)
    out = {"engine": args.engine, "passages": len(passages), "build_s": round(build, 3),
           "index_mib": round(after - before, 1), "peak_rss_mib": round(peak_rss_mb(), 1),
           "query": summary_ms(times), "hits_per_query": round(returned / max(len(times), 1), 2)}
    if args.core and args.engine == "ours":
        from bot.core import answer

        core_times = []
        for q in texts:
            t0 = time.perf_counter()
            answer(q, engine)
            core_times.append(time.perf_counter() - t0)
        out["core"] = summary_ms(core_times)
    if args.profile:
        del engine, search
        gc.collect()
        _profile(passages, tokens, args.engine, texts, qtokens, args.profile)
    print(json.dumps(out))


def _profile(passages, tokens, engine: str, texts, qtokens, path: Path) -> None:
    """cProfile of one more build, then of the searches, top 15 functions each by own time."""
    import cProfile
    import io
    import pstats

    buf = io.StringIO()
    profiler = cProfile.Profile()
    profiler.enable()
    _, search = ENGINES[engine](passages, tokens)
    profiler.disable()
    buf.write(f"== build: {engine} over {len(passages):,} passages\n")
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
