"""The figures as Markdown tables (pasted as they are into benchmarks/README.md), goals, growth."""

from __future__ import annotations

COLD_START_GOAL_S = 1.0
MONOGRAPH_P95_GOAL_MS = 5.0
SCALE_P95_GOAL_MS = 50.0
ASK = "python -m bot ask (cold start to first answer)"


LABELS = {"ours": "ours: index.Index", "rank_bm25": "rank_bm25 BM25Okapi", "bm25s": "bm25s"}


def _ours_at(results: list[dict], size: int) -> dict | None:
    return next((r for r in results if r["engine"] == "ours" and r["passages"] == size and "error" not in r), None)


def goals(results: dict) -> list[dict]:
    rows = []
    mono = results.get("monograph")
    if mono:
        start = mono["cold_start"][ASK]["median_s"]
        rows.append(_goal("cold start to the first answer", start, COLD_START_GOAL_S, "s"))
        for name, key in (("bot.core.answer", "core"), ("repl --json", "repl_json")):
            rows.append(_goal(f"per-turn p95, monograph, {name}", mono[key]["p95_ms"], MONOGRAPH_P95_GOAL_MS, "ms"))
    scale = results.get("scale")
    ours = _ours_at(scale["results"], 10_000) if scale else None
    if ours:
        for name, key in (("per-turn p95, 10k passages, bot.core.answer", "core"),
                          ("search p95, 10k passages, Index.search", "query")):
            rows.append(_goal(name, ours[key]["p95_ms"], SCALE_P95_GOAL_MS, "ms"))
    return rows


def _goal(what: str, value: float, limit: float, unit: str) -> dict:
    return {"goal": f"{what} <= {limit:g} {unit}", "measured": f"{value:g} {unit}", "met": value <= limit}


def growth(results: list[dict]) -> list[dict]:
    """For each engine, how each cost multiplies from one size to the next."""
    out = []
    ok = [r for r in results if "error" not in r]
    for engine in dict.fromkeys(r["engine"] for r in ok):
        rows = sorted((r for r in ok if r["engine"] == engine), key=lambda r: r["passages"])
        for small, big in zip(rows, rows[1:]):
            def ratio(f, small=small, big=big):
                return round(f(big) / f(small), 1) if f(small) else None

            out.append({"engine": engine, "from": small["passages"], "to": big["passages"],
                        "passages_x": round(big["passages"] / small["passages"], 1),
                        "build_x": ratio(lambda r: r["build_s"]),
                        "query_p50_x": ratio(lambda r: r["query"]["p50_ms"]),
                        "index_mib_x": ratio(lambda r: max(r["index_mib"], 0.1)),
                        "core_p50_x": ratio(lambda r: r["core"]["p50_ms"]) if "core" in big else None})
    return out


def _table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join("" if c is None else str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _monograph(mono: dict) -> list[str]:
    b, core, repl = mono["build"], mono["core"], mono["repl_json"]
    rows = [
        ["index build: load + split + index", f"{b['load_split_index_ms']} ms (median of {b['runs']})"],
        ["index build: Index(passages) alone", f"{b['index_alone_ms']} ms"],
        ["Python heap peak, load + split + index (tracemalloc)", f"{b['python_heap_peak_mib']} MiB"],
        ["per turn, bot.core.answer", f"p50 {core['p50_ms']} ms, p95 {core['p95_ms']} ms ({core['n']} turns)"],
        ["per turn, repl --json (line in to JSON line out)",
         f"p50 {repl['p50_ms']} ms, p95 {repl['p95_ms']} ms ({repl['n']} turns)"],
    ]
    start = [[name, r["median_s"], r["min_s"], r["peak_rss_mib"]] for name, r in mono["cold_start"].items()]
    runs = next(iter(mono["cold_start"].values()))["runs"]
    imp = mono.get("imports", {})
    # importtime charges a module to whoever imports it first: today index.bm25 imports numpy before rank_bm25
    numpy_first = imp.get("rank_bm25_ms", 0) < imp.get("numpy_ms", 0)
    order = [("bot", "all of ours, with what it imports"), ("nltk", "nltk (Punkt, Snowball)"),
             ("rank_bm25", "rank_bm25 alone (numpy was imported before it)" if numpy_first
              else "rank_bm25, numpy included"), ("numpy", "numpy")]
    imports = [[what, imp[f"{name}_ms"]] for name, what in order if f"{name}_ms" in imp]
    return [f"## Monograph: {mono['corpus']} ({b['passages']} passages)", "", _table(["measure", "value"], rows), "",
            f"Cold start, whole process from spawn to exit ({runs} runs each)", "",
            _table(["process", "median s", "min s", "peak RSS MiB"], start), "",
            "Where the cold start goes: cumulative import time (python -X importtime, median of 3, inflated a little "
            "by the measuring)", "", _table(["import", "ms"], imports)]


def _scale(scale: dict, growth_rows: list[dict]) -> list[str]:
    rows = []
    for r in scale["results"]:
        if "error" in r:
            rows.append([f"{r['passages']:,}", r["engine"], "failed: " + " ".join(r["error"]), *[""] * 6])
            continue
        core = r.get("core")
        rows.append([f"{r['passages']:,}", LABELS.get(r["engine"], r["engine"]), r["build_s"], r["index_mib"],
                     r["query"]["p50_ms"], r["query"]["p95_ms"], core and core["p50_ms"], core and core["p95_ms"],
                     r["query"]["n"]])
    grow = [[LABELS.get(g["engine"], g["engine"]), f"{g['from']:,} → {g['to']:,}", g["build_x"], g["query_p50_x"],
             g["index_mib_x"], g["core_p50_x"]] for g in growth_rows]
    lines = [f"## Scale: {scale['corpus']}", "", f"Queries: {scale['queries']}.", ""]
    lines += [f"Note: {n}." for n in scale["notes"]] + ([""] if scale["notes"] else [])
    lines += [_table(["passages", "engine", "build s", "index MiB", "query p50 ms", "query p95 ms",
                      "answer() p50 ms", "answer() p95 ms", "queries"], rows), ""]
    if grow:
        lines += ["Growth from one size to the next (× the smaller size's figure)", "",
                  _table(["engine", "passages", "build ×", "query p50 ×", "memory ×", "answer() p50 ×"], grow)]
    return lines


def render(results: dict) -> str:
    m = results["machine"]
    lines = [f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, Python {m['python']}; load average "
             f"{m['load_average_at_start'][0]} at the start, {m.get('load_average_at_end', ['?'])[0]} at the end; "
             f"{results['seconds']} s in all", ""]
    if "monograph" in results:
        lines += _monograph(results["monograph"]) + [""]
    if "scale" in results:
        lines += _scale(results["scale"], results.get("growth", [])) + [""]
    met = [[g["goal"], g["measured"], "yes" if g["met"] else "NO"] for g in results["goals"]]
    lines += ["## Goals", "", _table(["goal", "measured", "met"], met) if met else "(none measured in this run)"]
    return "\n".join(lines)
