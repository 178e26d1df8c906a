"""The shipped monograph: build time, cold start, per-turn latency and memory.

Cold start is a whole process, ``python -m bot ask "..."``, timed from spawn to exit,
beside baselines that show what the interpreter and rank_bm25 cost before any of ours.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from common import DEFAULT_CORPUS, ROOT, conversations, log, median, summary_ms

QUESTION = "What is the half-life of baclofen?"
TYPO = "What is the half-life of baclofin?"
HERE = ROOT / "benchmarks"
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
PROCESSES = {  # name -> argv after the interpreter
    "python (bare interpreter)": ["-c", "pass"],
    "python -c 'import rank_bm25'": ["-c", "import rank_bm25"],
    "rank_bm25 ten-line script (load, index, answer)": [str(HERE / "baseline_bm25.py"), QUESTION],
    "our imports only": ["-c", "import bot.cli, bot.core, bot.loading, bot.render"],
    "python -m bot ask (cold start to first answer)": ["-m", "bot", "ask", QUESTION],
    # a typo loads the speller on first use: wordfreq's English list and symspellpy's index
    "python -m bot ask, a question with a typo": ["-m", "bot", "ask", TYPO],
}


def _timed_child(argv: list[str]) -> tuple[float, str]:
    """Wall seconds from spawn to exit, and the child's stdout."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *argv], cwd=ROOT, env=ENV, capture_output=True, timeout=120)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{argv} exited {done.returncode}: {done.stderr[-500:].decode(errors='replace')}")
    return wall, done.stdout.decode("utf-8")


def _peak_mib(argv: list[str]) -> float:
    """The child's own peak RSS, measured inside it (see peak.py for why not wait4)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "peak"
        subprocess.run([sys.executable, str(HERE / "peak.py"), str(out), *argv], cwd=ROOT, env=ENV,
                       capture_output=True, timeout=120, check=True)
        return round(int(out.read_text()) / 1024, 1)


def cold_start(runs: int) -> dict:
    """Each process ``runs`` times, round-robin, so a busy moment hits them all alike."""
    walls: dict[str, list[float]] = {name: [] for name in PROCESSES}
    for n in range(runs):
        log(f"cold start: round {n + 1} of {runs}")
        for name, argv in PROCESSES.items():
            wall, out = _timed_child(argv)
            walls[name].append(wall)
            if "bot ask" in name:
                assert "3-4 hours" in out, f"{name}: the answer should quote the half-life"
    return {name: {"median_s": round(median(w), 3), "min_s": round(min(w), 3), "runs": runs,
                   "peak_rss_mib": _peak_mib(PROCESSES[name])} for name, w in walls.items()}


WATCHED_IMPORTS = ("nltk", "numpy", "rank_bm25", "corpus", "index", "bot", "wordfreq", "symspellpy")


def import_breakdown(runs: int) -> dict:
    """Cumulative import time of the big pieces of ``ask``, from ``python -X importtime``.

    Asked with a typo, so that the speller's libraries, imported on first use, show too.
    importtime's own bookkeeping inflates every figure a little; read them as shares.
    """
    seen: dict[str, list[float]] = {name: [] for name in WATCHED_IMPORTS}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "bot", "ask", TYPO], cwd=ROOT, env=ENV,
                              capture_output=True, text=True, timeout=120)
        for line in done.stderr.splitlines():
            if line.startswith("import time:") and line.count("|") == 2:
                _, cumulative, name = line.split("|")
                if name.strip() in seen:
                    seen[name.strip()].append(int(cumulative) / 1000)
    return {f"{name}_ms": round(median(ms), 1) for name, ms in seen.items() if ms}


def build_times(runs: int) -> dict:
    """load+split+index and index alone, the stemmer's cache cleared before each run."""
    from corpus import load_corpus, split_corpus
    from index import Index
    from index.tokenizer import stem

    whole, alone = [], []
    for _ in range(runs):
        stem.cache_clear()
        t0 = time.perf_counter()
        passages = split_corpus(load_corpus(DEFAULT_CORPUS))
        Index(passages)
        t2 = time.perf_counter()
        whole.append(t2 - t0)
        stem.cache_clear()
        t3 = time.perf_counter()
        Index(passages)
        alone.append(time.perf_counter() - t3)
    tracemalloc.start()
    Index(split_corpus(load_corpus(DEFAULT_CORPUS)))
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"passages": len(passages), "load_split_index_ms": round(median(whole) * 1000, 2),
            "index_alone_ms": round(median(alone) * 1000, 2), "runs": runs,
            "python_heap_peak_mib": round(heap_peak / 2**20, 2)}


def core_latency(passes: int) -> dict:
    """Every turn of the baclofen question set through ``bot.core.answer``, with its history."""
    from bot.core import answer
    from bot.loading import load_index

    index = load_index()
    items = conversations("baclofen")
    times = []
    for n in range(passes + 1):
        for turns in items:
            for i, turn in enumerate(turns):
                t0 = time.perf_counter()
                answer(turn, index, tuple(turns[:i]))
                if n:  # the first pass warms caches and is not counted
                    times.append(time.perf_counter() - t0)
    return summary_ms(times)


def repl_latency(passes: int) -> dict:
    """Each question line into ``repl --json`` to its JSON line out; /reset between items."""
    proc = subprocess.Popen([sys.executable, "-m", "bot", "repl", "--json"], cwd=ROOT, env=ENV, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=1)
    times = []
    try:
        for n in range(passes + 1):
            for turns in conversations("baclofen"):
                for turn in turns + ["/reset"]:
                    t0 = time.perf_counter()
                    proc.stdin.write(turn + "\n")
                    proc.stdin.flush()
                    line = proc.stdout.readline()
                    elapsed = time.perf_counter() - t0
                    if not line:
                        raise RuntimeError("repl --json ended early")
                    if n and turn != "/reset":
                        times.append(elapsed)
                    json.loads(line)
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    return summary_ms(times)


def run_monograph(quick: bool) -> dict:
    log("monograph: build times")
    build = build_times(3 if quick else 7)
    start = cold_start(3 if quick else 7)
    log("monograph: import breakdown (python -X importtime)")
    imports = import_breakdown(3)
    log("monograph: per-turn latency through bot.core.answer")
    core = core_latency(1 if quick else 5)
    log("monograph: per-turn latency through repl --json")
    repl = repl_latency(1 if quick else 3)
    return {"corpus": str(DEFAULT_CORPUS.relative_to(ROOT)), "build": build, "cold_start": start, "imports": imports,
            "core": core, "repl_json": repl}
