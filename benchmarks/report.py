"""The figures as Markdown tables (pasted as they are into benchmarks/README.md), goals, growth."""

from __future__ import annotations

COLD_START_GOAL_S = 1.0
MONOGRAPH_P95_GOAL_MS = 5.0
SCALE_P95_GOAL_MS = 50.0
LIBRARY = 100_000  # issue 15's goals are set at this size
ANSWER_P95_MS, BUILD_S, RSS_MIB, TANTIVY_X, LOAD_S, AGREEMENT = 3.0, 15.0, 250.0, 2.0, 1.0, 0.95
ASK = "python -m bot ask (cold start to first answer)"


LABELS = {"ours": "ours: index.Index", "rank_bm25": "rank_bm25 BM25Okapi", "bm25s": "bm25s", "tantivy": "tantivy",
          "lucene": "Lucene"}


def _at(results: list[dict], engine: str, size: int) -> dict | None:
    return next((r for r in results if r["engine"] == engine and r["passages"] == size and "error" not in r), None)


def goals(results: dict) -> list[dict]:
    rows = []
    mono = results.get("monograph")
    if mono:
        start = mono["cold_start"][ASK]["median_s"]
        rows.append(_goal("cold start to the first answer", start, COLD_START_GOAL_S, "s"))
        for name, key in (("bot.core.answer", "core"), ("repl --json", "repl_json")):
            rows.append(_goal(f"per-turn p95, monograph, {name}", mono[key]["p95_ms"], MONOGRAPH_P95_GOAL_MS, "ms"))
    found = results.get("scale", {}).get("results", [])
    ours = _at(found, "ours", 10_000)
    if ours:
        for name, key in (("per-turn p95, 10k passages, bot.core.answer", "core"),
                          ("search p95, 10k passages, Index.search", "query")):
            rows.append(_goal(name, ours[key]["p95_ms"], SCALE_P95_GOAL_MS, "ms"))
    ours, tantivy = _at(found, "ours", LIBRARY), _at(found, "tantivy", LIBRARY)
    if ours:
        rows += [_goal("100k: answer() p95 (wall clock)", ours["core"]["p95_ms"], ANSWER_P95_MS, "ms"),
                 _goal("100k: answer() p95 (thread CPU time)", ours["core_cpu"]["p95_ms"], ANSWER_P95_MS, "ms"),
                 _goal("100k: build", ours["build_s"], BUILD_S, "s"),
                 _goal("100k: RSS growth", ours["index_mib"], RSS_MIB, "MiB"),
                 _goal("100k: loading the saved index", ours["load_s"], LOAD_S, "s")]
        if ours.get("agreement_unnamed") is not None:
            rows.append(_goal("100k: top-3 agreement with rank_bm25, questions naming no document",
                              ours["agreement_unnamed"], AGREEMENT, "", at_least=True))
    if ours and tantivy:
        for clock in ("query", "query_cpu"):
            ratio = round(ours[clock]["p95_ms"] / tantivy[clock]["p95_ms"], 2)
            what = "wall clock" if clock == "query" else "thread CPU time"
            rows.append(_goal(f"100k: search p95 / tantivy's ({what})", ratio, TANTIVY_X, "×"))
    return rows


def _goal(what: str, value: float, limit: float, unit: str, at_least: bool = False) -> dict:
    sign = ">=" if at_least else "<="
    return {"goal": f"{what} {sign} {limit:g} {unit}".rstrip(), "measured": f"{value:g} {unit}".rstrip(),
            "met": value >= limit if at_least else value <= limit}


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
                        "core_p50_x": ratio(lambda r: r["core"]["p50_ms"]) if "core" in big and "core" in small
                        else None})
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
              else "rank_bm25, numpy included"), ("numpy", "numpy"),
             ("wordfreq", "wordfreq (on the first typo only)"), ("symspellpy", "symspellpy (on the first typo only)")]
    imports = [[what, imp[f"{name}_ms"]] for name, what in order if f"{name}_ms" in imp]
    return [f"## Monograph: {mono['corpus']} ({b['passages']} passages)", "", _table(["measure", "value"], rows), "",
            f"Cold start, whole process from spawn to exit ({runs} runs each)", "",
            _table(["process", "median s", "min s", "peak RSS MiB"], start), "",
            "Where the cold start goes: cumulative import time of `ask` with a typo (python -X importtime, median of "
            "3, inflated a little by the measuring)", "", _table(["import", "ms"], imports)]


def _scale(scale: dict, growth_rows: list[dict]) -> list[str]:
    if scale.get("skipped"):
        return ["## Scale", "", f"Skipped: {scale['skipped']}."]
    lines = [f"## Scale: {scale['corpus']}", "", f"Queries: {scale['queries']}.", ""]
    lines += [f"Note: {n}." for n in scale["notes"]] + [""]
    sizes = [[f"{d['passages']:,}", f"{d['distinct_texts']:,}", f"{d['titles']:,}", f"{d['sections']:,}",
              f"{d['heading_paths']:,}"] for d in scale["sizes"].values()]
    lines += [_table(["passages", "distinct texts", "titles", "sections", "heading paths"], sizes), ""]
    rows = []
    for r in scale["results"]:
        if "error" in r:
            rows.append([f"{r['passages']:,}", LABELS.get(r["engine"], r["engine"]), "failed: " + " ".join(r["error"]),
                         *[""] * 6])
            continue
        core, cpu = r.get("core"), r.get("query_cpu", {})
        rows.append([f"{r['passages']:,}", LABELS.get(r["engine"], r["engine"]), r["build_s"], r["index_mib"],
                     f"{r['query']['p50_ms']} / {r['query']['p95_ms']}", f"{cpu.get('p50_ms')} / {cpu.get('p95_ms')}",
                     core and f"{core['p50_ms']} / {core['p95_ms']} / {core['max_ms']} ({r['core_cpu']['p95_ms']})",
                     _agree(r),
                     r["query"]["n"]])
    header = ["passages", "engine", "build s", "RSS growth MiB", "search p50 / p95 ms", "search CPU p50 / p95 ms",
              "answer() p50 / p95 / max ms (CPU p95)", "top-3 agreement: all / naming none", "queries"]
    lines += [_table(header, rows), ""]
    saved = [[f"{r['passages']:,}", r["save_s"], r["file_mib"], r["load_s"], r["check_s"], r["text_mib"],
              r.get("speller_build_s"), r.get("warm_up_s")] for r in scale["results"]
             if r["engine"] == "ours" and "load_s" in r]
    if saved:
        lines += ["Ours: the saved index (`index build`, `--index`), the speller's first build, and the front ends' "
                  "warm-up (`bot.loading.warm_up`, waited for before answer() is timed)", "",
                  _table(["passages", "save s", "file MiB", "load s", "corpus check s (sha256 of the texts)",
                          "texts MiB", "speller index built on the first typo, s", "warm-up s"], saved), ""]
    grow = [[LABELS.get(g["engine"], g["engine"]), f"{g['from']:,} → {g['to']:,}", g["build_x"], g["query_p50_x"],
             g["index_mib_x"], g["core_p50_x"]] for g in growth_rows]
    if grow:
        lines += ["Growth from one size to the next (× the smaller size's figure)", "",
                  _table(["engine", "passages", "build ×", "search p50 ×", "memory ×", "answer() p50 ×"], grow)]
    return lines


def _agree(r: dict) -> str:
    if r.get("agreement") is None:
        return ""
    return f"{r['agreement']} / {r['agreement_unnamed']} ({r['unnamed_questions']})"


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
