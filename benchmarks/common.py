"""What the benchmark's parts share: the question sets, timing and memory, the machine.

The package is imported as installed (``pip install -e .``), and percentiles are eval's own.
The scale part's corpus is ``library.py``'s.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

from bot.eval.metrics import percentile as _percentile
from corpus import DEFAULT_CORPUS, QUESTIONS_DIR  # noqa: F401  (DEFAULT_CORPUS: for the parts that import it from here)

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
