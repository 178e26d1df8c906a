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

WARMUP = 3
TIE = 1e-9


def _ours(data: Path, passages):
    from index import Index, term_weights

    index = Index(passages)
    number = {id(p): n for n, p in enumerate(index.passages)}

    def search(q, qt):
        return [number[id(h.passage)] for h in index.search(term_weights(q), k=3)]

    return index, search


def _rank_bm25(data: Path, passages):
    from rank_bm25 import BM25Okapi

    bm25 = BM25Okapi(_tokens(data))
    last = {}

    def search(q, qt):  # get_top_n's own steps, keeping the scores for the tie sets
        scores = last["scores"] = bm25.get_scores(qt)
        return [int(i) for i in np.argsort(scores)[::-1][:3] if scores[i] > 0]

    return (bm25, last), search


def _bm25s(data: Path, passages):
    import bm25s

    retriever = bm25s.BM25(k1=1.5, b=0.75)  # rank_bm25's k1 and b; bm25s's own (Lucene) idf
    retriever.index(_tokens(data), show_progress=False)

    def search(q, qt):
        if not qt:  # bm25s cannot score an empty query
            return []
        docs, scores = retriever.retrieve([qt], k=3, show_progress=False)
        return [int(d) for d, s in zip(docs[0], scores[0]) if s > 0]

    return retriever, search


def _tantivy(data: Path, passages):
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
    builder.add_integer_field("n", fast=True)  # passage number, read from a column: no stored-document fetch
    schema = builder.build()
    index = tantivy.Index(schema)  # in memory
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    with open(data / "tokens.txt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            writer.add_document(tantivy.Document(body=line.rstrip("\n"), n=n))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def search(q, qt):
        counts: dict[str, int] = {}
        for t in qt:
            counts[t] = counts.get(t, 0) + 1
        clauses = [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t) if c == 1 else
                    tantivy.Query.boost_query(tantivy.Query.term_query(schema, "body", t), float(c)))
                   for t, c in counts.items()]
        if not clauses:
            return []
        hits = searcher.search(tantivy.Query.boolean_query(clauses), 3, count=False).hits
        return searcher.fast_field_values("n", [address for _, address in hits])

    return searcher, search


def _tokens(data: Path) -> list[list[str]]:
    with open(data / "tokens.txt", encoding="utf-8") as f:
        return [line.split() or ["\x00"] for line in f]  # an empty passage: rank_bm25's placeholder


ENGINES = {"ours": _ours, "rank_bm25": _rank_bm25, "bm25s": _bm25s, "tantivy": _tantivy}
IMPORTS = {"ours": "index", "rank_bm25": "rank_bm25", "bm25s": "bm25s", "tantivy": "tantivy"}


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
