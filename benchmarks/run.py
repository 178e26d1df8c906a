"""Benchmarks: the monograph bot beside rank_bm25, bm25s, tantivy and Lucene, in one run.

Prints a table on stdout and writes every figure to a JSON file; progress goes to stderr.
Run it from the project's virtual environment: `make bench` installs the `bench` extra
(bm25s, tantivy) and fetches the Lucene jar first. The full run takes about 10 minutes on
2 cores, most of it rank_bm25 at 100k passages.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from common import (  # benchmarks/ is the script's own folder, first on sys.path
    ROOT,
    log,
    machine,
)
from report import goals, growth, render

DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/run.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="""what is measured:
  monograph  the shipped baclofen article: index build (load+split+index, index alone),
             cold start to the first answer (`python -m bot ask`, median of 7 processes,
             beside a bare interpreter, `import rank_bm25` and a ten-line rank_bm25 bot),
             per-turn p50/p95 through bot.core.answer and through `repl --json`, peak memory
  scale      1k/10k/100k passages of a library built from ../shared (MedQuAD's NIH pages, FDA
             labels) and corpus/monographs, distinct passages (benchmarks/library.py): build
             time, RSS growth, search p50/p95 (wall and CPU) and top-3 agreement with rank_bm25
             for our index.Index, rank_bm25, bm25s, tantivy and Lucene on the same terms and the
             same 500 real questions; answer() p50/p95; saving and loading our index.
             1,000,000 passages (--sizes ...,1000000): ours (search alone), tantivy, Lucene

examples:
  python benchmarks/run.py                      # everything, ~10 minutes
  python benchmarks/run.py --quick              # 1k and 10k only, 100 questions, fewer repeats: ~2 minutes
  python benchmarks/run.py --only scale --sizes 1000000   # the million-passage row alone
  python benchmarks/run.py --only scale --sizes 1000,10000 --profile benchmarks/profiles""")
    parser.add_argument("--quick", action="store_true", help="sizes 1k and 10k only, 100 questions, fewer repeats")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json", metavar="FILE",
                        help="where to write the JSON figures (default benchmarks/results.json)")
    parser.add_argument("--only", choices=("monograph", "scale"), help="run one part only")
    parser.add_argument("--sizes", type=_sizes, metavar="N,N,...",
                        help="corpus sizes for the scale part (default 1000,10000,100000; --quick: 1000,10000)")
    parser.add_argument("--profile", type=Path, metavar="DIR",
                        help="also write a cProfile of our index's searches at the largest size into DIR")
    return parser.parse_args(argv)


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes like 1000,10000, got {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive whole numbers")
    return sizes


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    results: dict = {"machine": machine(), "quick": args.quick, "when": time.strftime("%Y-%m-%d %H:%M:%S %Z")}
    if args.only != "scale":
        from monograph import run_monograph

        results["monograph"] = run_monograph(args.quick)
    if args.only != "monograph":
        from scale import run_scale

        sizes = args.sizes or list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
        if args.profile:
            args.profile.mkdir(parents=True, exist_ok=True)
        results["scale"] = run_scale(sizes, args.quick, args.profile)
        results["growth"] = growth(results["scale"]["results"])
    results["goals"] = goals(results)
    results["seconds"] = round(time.perf_counter() - started, 1)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(render(results))
    log(f"done in {results['seconds']} s; figures in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
