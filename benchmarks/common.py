"""What the benchmark's parts share: the query set, the scaled corpora, timing and memory.

Scaled corpora are the real passages of ``corpus/monographs/*.md`` and the shipped
``baclofen.txt`` replicated with new ids, not synthetic text: the words, lengths and
sections are real, but the vocabulary stops growing after the first copy (a real
100k-passage library would keep adding rare terms), and every term's document frequency
grows in proportion to the corpus, as a common term's does in a real one.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from bot.eval.metrics import percentile as _percentile
from corpus import DEFAULT_CORPUS, QUESTIONS_DIR, Passage, load_corpus, split_corpus

ROOT = Path(__file__).resolve().parent.parent  # the checkout: the package itself is imported as installed

MONOGRAPHS = ROOT / "corpus" / "monographs"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def conversations(name: str | None = None) -> list[list[str]]:
    """Each question-set item's turns, in order: one file's, or every file's."""
    files = [QUESTIONS_DIR / f"{name}.jsonl"] if name else sorted(QUESTIONS_DIR.glob("*.jsonl"))
    items = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(list(json.loads(line)["turns"]))
    return items


def queries() -> list[str]:
    """Every turn of every question set, as stand-alone queries (250 of them today)."""
    return [turn for turns in conversations() for turn in turns]


def base_passages() -> list[Passage]:
    return split_corpus(load_corpus(MONOGRAPHS)) + split_corpus(load_corpus(DEFAULT_CORPUS))


def replicate(base: list, n: int) -> list:
    """``n`` items cycling through ``base``; passages get ids unique to their copy."""
    out = []
    for i in range(n):
        item = base[i % len(base)]
        copy = i // len(base)
        if isinstance(item, Passage):
            out.append(replace(item, id=f"{item.id}~{copy}"))
        else:
            out.append(list(item))  # a token list of its own, as a real corpus would have
    return out


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile, the same as eval's: with few samples it reports a value that was measured."""
    value = _percentile(values, q)
    return float("nan") if value is None else value


def summary_ms(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "p50_ms": round(percentile(ms, 50), 3), "p95_ms": round(percentile(ms, 95), 3),
            "max_ms": round(max(ms), 3) if ms else None}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def rss_mb() -> float:
    """Resident memory now (Linux /proc), in MiB."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    """This process's own high-water mark (VmHWM); ru_maxrss would include the parent's."""
    with open("/proc/self/status") as f:
        return int(next(line.split()[1] for line in f if line.startswith("VmHWM:"))) / 1024


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import platform

    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
            "memory_gib": round(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30, 1)}
