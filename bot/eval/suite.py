"""``monograph-bot eval FOLDER``: every question set of a suite, one table, a row per set.

A suite is a TOML file (``sets.toml`` in the folder, or the file itself) listing each set
with the corpus it is asked against, the row it is reported in (several files, one per
document, can share a row: their cases are pooled), and its group. Groups are printed in
the order the file first uses them, each followed by a pooled row when it has several
rows, so the measure that matters (the blind sets) sits on top.

    [[set]]
    questions = "blind/baclofen.jsonl"        # relative to the TOML file
    corpus = "../documents/baclofen.txt"      # a file or folder; relative to the TOML file
    row = "blind: baclofen article"
    group = "blind"
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import QuestionSetError

from ..loading import load_index
from .baseline import NaiveBaseline
from .metrics import latency, summarize
from .questions import load_questions
from .runner import evaluate, evaluate_baseline, report_errors, rounded

KEYS = {"questions", "corpus", "row", "group"}
COLUMNS = (  # key, header, digits
    ("hit_at_k", "hit@{k}", 2), ("answer_hit", "answer hit", 2), ("answer_first_hit", "first", 2), ("mrr", "MRR", 2),
    ("false_declines", "false dec", 2),
    ("honest_unanswerable", "honest unans", 2), ("caveated", "caveated", 2), ("emergency_recall", "emerg", 2),
    ("false_alarms", "false alarm", 2), ("dosing_note", "dose note", 2), ("words_shown_median", "words", 0),
)


@dataclass(frozen=True)
class SetSpec:
    questions: Path
    corpus: Path
    row: str
    group: str


def load_suite(path: Path) -> list[SetSpec]:
    """The sets a suite file lists; ``error:`` naming the entry when one is wrong."""
    file = path / "sets.toml" if path.is_dir() else path
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise QuestionSetError(f"{file}: cannot read the suite ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise QuestionSetError(f"{file}: not valid TOML: {exc}") from None
    entries = data.get("set")
    if not isinstance(entries, list) or not entries:
        raise QuestionSetError(f"{file}: no [[set]] entries; see the README, 'Evaluating answers'")
    specs = []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or set(entry) != KEYS or not all(isinstance(v, str) for v in entry.values()):
            raise QuestionSetError(f"{file}: set {n} needs exactly the string keys {', '.join(sorted(KEYS))}")
        specs.append(SetSpec(file.parent / entry["questions"], file.parent / entry["corpus"], entry["row"],
                             entry["group"]))
    return specs


def run_suite(path: str | Path, k: int = 3, as_json: bool = False, with_baseline: bool = True) -> int:
    table, malformed = suite_figures(path, k, with_baseline)
    if as_json:
        print(json.dumps({"k": k, "rows": table}, ensure_ascii=False, indent=2))
    else:
        print(format_suite(table, k))
    return 1 if malformed else 0


def suite_figures(path: str | Path, k: int = 3, with_baseline: bool = True) -> tuple[list[dict], int]:
    """Every row's figures (a pooled row after each group of several), and how many lines were malformed."""
    specs = load_suite(Path(path))
    indexes: dict[Path, object] = {}
    baselines: dict[Path, NaiveBaseline] = {}
    rows: dict[str, dict] = {}
    malformed = 0
    for spec in specs:
        cases, errors = load_questions(spec.questions)
        report_errors(spec.questions, errors)
        malformed += len(errors)
        if spec.corpus not in indexes:
            indexes[spec.corpus] = load_index(spec.corpus)
            if with_baseline:
                baselines[spec.corpus] = NaiveBaseline.from_corpus(spec.corpus)
        row = rows.setdefault(spec.row, {"row": spec.row, "group": spec.group, "sets": [], "ours": [], "base": []})
        row["sets"].append(str(spec.questions))
        row["ours"] += evaluate(cases, indexes[spec.corpus], k)
        if with_baseline:
            row["base"] += evaluate_baseline(cases, baselines[spec.corpus], k)
    return _figures(list(rows.values()), with_baseline), malformed


def _figures(rows: list[dict], with_baseline: bool) -> list[dict]:
    """A row per set, and a pooled row after each group that has several."""
    out, groups = [], list(dict.fromkeys(r["group"] for r in rows))
    for group in groups:
        members = [r for r in rows if r["group"] == group]
        if len(members) > 1:
            members.append({"row": f"{group}, pooled", "group": group, "sets": [s for r in members for s in r["sets"]],
                            "ours": [o for r in members for o in r["ours"]],
                            "base": [o for r in members for o in r["base"]]})
        for r in members:
            figures = {"row": r["row"], "group": group, "sets": r["sets"], **summarize(r["ours"]),
                       "latency_ms": latency(r["ours"])}
            if with_baseline:
                figures["baseline"] = summarize(r["base"])
            out.append(rounded(figures))
    return out


def format_suite(rows: list[dict], k: int) -> str:
    header = ["set", "cases"] + [h.format(k=k) for _, h, _ in COLUMNS] + ["p95 ms"]
    base = any("baseline" in r for r in rows)
    if base:
        header += [f"base hit@{k}", "base words"]
    lines = [header]
    for r in rows:
        cells = [r["row"], str(r["cases"])]
        cells += ["-" if r[key] is None else f"{r[key]:.{d}f}" for key, _, d in COLUMNS]
        cells.append("-" if r["latency_ms"]["p95"] is None else f"{r['latency_ms']['p95']:.1f}")
        if base:
            b = r["baseline"]
            cells += ["-" if b["hit_at_k"] is None else f"{b['hit_at_k']:.2f}",
                      "-" if b["words_shown_median"] is None else f"{b['words_shown_median']:.0f}"]
        lines.append(cells)
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    text = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))) for row in lines]
    notes = [f"k={k}; hit@{k}, answer hit, first, MRR, false dec, caveated: answerable cases (answer hit: the sentence "
             "or two shown first hold an expected string; first: the answer's first part alone); honest unans: "
             "unanswerable cases declined "
             "or caveated; emerg: emergencies given the notice; false alarm: other cases given it; dose note: cases "
             "tagged dosing given the personal-dosing note; words: median "
             "words shown per answer; base: the ten-line rank_bm25 baseline on the same cases."]
    return "\n".join(text + [""] + notes)
