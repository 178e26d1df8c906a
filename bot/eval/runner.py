"""``monograph-bot eval``: score the bot, and a naive baseline beside it, on a question set.

Each case's turns are asked in order in a fresh session through the same ``answer`` the
REPL and Slack use; the last turn is scored. Exit status: 0 when every line of the set
was a valid case; 1 when some lines were malformed (each is reported on stderr by line
number and under ``errors`` in JSON, and the report of the valid cases still prints);
2 with ``error: ...`` when the set cannot be scored at all (missing, unreadable, or no
valid case).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import IO, Callable

from corpus import DEFAULT_CORPUS
from index import Index

from ..core import answer
from ..loading import describe, load_index
from ..models import DISCLAIMER
from ..safety import DOSING_NOTE
from .baseline import NaiveBaseline
from .metrics import Outcome, Shown, report
from .questions import Case, LineError, QuestionSetError, load_questions
from .scorecard import format_scorecard, plural

PROGRESS_MIN_CASES = 20  # smaller sets finish before a bar is worth drawing
MISSES_SHOWN = 10
ERRORS_SHOWN = 10  # malformed lines reported one by one; the rest are counted


def evaluate(cases: list[Case], index: Index, k: int, tick: Callable[[], None] = lambda: None) -> list[Outcome]:
    """Our bot on every case: the turns in one fresh session, the last one scored."""
    outcomes = []
    for case in cases:
        history: list[str] = []
        latencies, disclaimed = [], 0
        for turn in case.turns:
            start = time.perf_counter()
            reply = answer(turn, index, tuple(history), k)
            latencies.append((time.perf_counter() - start) * 1000)
            disclaimed += DISCLAIMER in reply.text
            history.append(turn)
        shown = tuple(Shown(h.passage.id, h.passage.text) for h in reply.passages[:k])
        extract = reply.extract
        outcomes.append(Outcome(case, reply.query, reply.answered, shown, reply.safety_notice is not None,
                                len(case.turns), disclaimed, tuple(latencies), reply.notes, reply.coverage,
                                reply.caveat, answer=extract.whole if extract else None,
                                dosing_note=DOSING_NOTE in reply.notes,
                                answer_first=extract.text if extract else None))
        tick()
    return outcomes


def evaluate_baseline(cases: list[Case], baseline: NaiveBaseline, k: int,
                      tick: Callable[[], None] = lambda: None) -> list[Outcome]:
    """The naive baseline on the last turn only: it keeps no conversation and always answers."""
    outcomes = []
    for case in cases:
        start = time.perf_counter()
        top = baseline.search(case.turns[-1], k)
        elapsed = (time.perf_counter() - start) * 1000
        outcomes.append(Outcome(case, case.turns[-1], True, tuple(top), False, 1, 0, (elapsed,)))
        tick()
    return outcomes


def build_report(cases: list[Case], index: Index, k: int, baseline: NaiveBaseline | None = None,
                 errors: list[LineError] = (), progress: IO[str] | None = None) -> dict:
    """The whole report as JSON-ready values; ``baseline`` holds the same keys as ours."""
    bar = Progress(len(cases) * (2 if baseline else 1), progress)
    result = {"k": k, "corpus": describe(index), **report(evaluate(cases, index, k, bar.tick))}
    result["errors"] = [{"line": e.line, "message": e.message} for e in errors]
    if baseline:
        result["baseline"] = report(evaluate_baseline(cases, baseline, k, bar.tick))
    bar.close()
    return rounded(result)


def run_eval(questions: str | Path, corpus: str | None = None, k: int = 3, as_json: bool = False,
             with_baseline: bool = False) -> int:
    """``monograph-bot eval``: score one set and print its report; 1 when lines were malformed."""
    path = Path(questions)
    cases, errors = load_questions(path)
    report_errors(path, errors)
    if not cases:
        raise QuestionSetError(f"{path}: no valid cases; each line needs one JSON case, see README 'Evaluating answers'")
    hint = corpus_hint(path, corpus)
    if hint:
        print(hint, file=sys.stderr)
    index = load_index(corpus)
    baseline = NaiveBaseline.from_corpus(corpus) if with_baseline else None
    result = build_report(cases, index, k, baseline, errors, sys.stderr)
    result = {"questions": str(path), **result}
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_scorecard(result, MISSES_SHOWN))
    if errors:
        print(f"{path}: {plural(len(errors), 'malformed line')} not scored (see above)", file=sys.stderr)
    return 1 if errors else 0


def report_errors(path: Path, errors: list[LineError]) -> None:
    """The first malformed lines on stderr, one by one, and how many more there are."""
    for e in errors[:ERRORS_SHOWN]:
        print(f"{path}:{e.line}: {e.message}", file=sys.stderr)
    if len(errors) > ERRORS_SHOWN:
        print(f"{path}: ... and {len(errors) - ERRORS_SHOWN} more malformed lines (all in --json)", file=sys.stderr)


MONOGRAPHS_DIR = DEFAULT_CORPUS.parent.parent / "monographs"  # corpus/monographs, beside corpus/documents


def corpus_hint(questions: Path, corpus: str | None) -> str | None:
    """A note when a set in corpus/questions/ is scored against the default corpus but names another."""
    if corpus or questions.stem == DEFAULT_CORPUS.stem:
        return None
    for document in sorted(MONOGRAPHS_DIR.glob(f"{questions.stem}.*")):
        return (f"note: scoring against the default corpus ({DEFAULT_CORPUS.name}); "
                f"this set looks written for {document.name}: add --corpus {document}")
    return None


class Progress:
    """A one-line bar on stderr, drawn only for a terminal and a set big enough to wait for."""

    def __init__(self, total: int, stream: IO[str] | None, width: int = 30):
        self.total, self.done, self.stream, self.width = total, 0, stream, width
        self.on = bool(stream and stream.isatty() and total >= PROGRESS_MIN_CASES)

    def tick(self) -> None:
        self.done += 1
        if self.on:
            filled = self.width * self.done // self.total
            self.stream.write(f"\reval [{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.on:
            self.stream.write("\r" + " " * (self.width + 20) + "\r")
            self.stream.flush()


def rounded(value):
    """Floats to four places, through dicts and lists: the report's figures as JSON shows them."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {key: rounded(v) for key, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value
