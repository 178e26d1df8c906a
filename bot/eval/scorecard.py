"""An evaluation report as tables for people: headline figures, per tag, then the misses.

It formats the dict ``bot.eval.runner.build_report`` returns, the same values ``--json``
prints, so the two can never disagree.
"""

from __future__ import annotations

HEADLINE = (  # key, label, denominator key (None: no count shown)
    ("hit_at_k", "hit@{k} (answerable)", "answerable"),
    ("answer_hit", "answer hit (answerable)", "answerable"),
    ("answer_first_hit", "  first sentence alone", "answerable"),
    ("mrr", "MRR (answerable)", None),
    ("decline_accuracy", "decline accuracy (unanswerable)", "unanswerable"),
    ("false_declines", "false declines (answerable)", "answerable"),
    ("honest_unanswerable", "honest on unanswerable", "unanswerable"),
    ("caveated", "caveated answers (answerable)", "answerable"),
    ("emergency_recall", "emergency recall", "emergencies"),
    ("false_alarms", "false alarms (not emergencies)", "not_emergencies"),
    ("dosing_note", "dosing note (personal dosing)", "dosing"),
    ("disclaimer_coverage", "disclaimer coverage (replies)", None),
)
TAG_COLUMNS = (("hit_at_k", "hit@{k}"), ("answer_hit", "answer"), ("mrr", "MRR"), ("decline_accuracy", "declines"),
               ("false_declines", "false dec"), ("emergency_recall", "emergency"))


def plural(n: int, noun: str) -> str:
    """ "1 case", "2 cases"."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _with_count(figures: dict, key: str, denominator: str | None) -> str:
    value = figures[key]
    if value is None or denominator is None:
        return _num(value)
    n = figures["cases"] - figures["emergencies"] if denominator == "not_emergencies" else figures[denominator]
    return f"{_num(value)}  {round(value * n)}/{n}"


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]


def headline(report: dict) -> list[str]:
    base = report.get("baseline")
    rows = [["metric", "ours"] + (["baseline"] if base else [])]
    for key, label, denominator in HEADLINE:
        row = [label.format(k=report["k"]), _with_count(report, key, denominator)]
        rows.append(row + ([_with_count(base, key, denominator)] if base else []))
    rows.append(["words shown per answer (mean)"] + [_num(r["words_shown"], 0) for r in (report, base) if r])
    rows.append(["words shown per answer (median)"] + [_num(r["words_shown_median"], 0) for r in (report, base) if r])
    lat = [f"{_num(r['latency_ms']['p50'], 2)} / {_num(r['latency_ms']['p95'], 2)}" for r in (report, base) if r]
    rows.append(["latency p50 / p95 (ms per turn)"] + lat)
    return _table(rows)


def tag_table(report: dict) -> list[str]:
    base = report.get("baseline")
    header = ["tag", "cases"] + [label.format(k=report["k"]) for _, label in TAG_COLUMNS]
    rows = [header + ([f"baseline hit@{report['k']}"] if base else [])]
    for tag, figures in report["by_tag"].items():
        row = [tag, str(figures["cases"])] + [_num(figures[key], 2) for key, _ in TAG_COLUMNS]
        rows.append(row + ([_num(base["by_tag"][tag]["hit_at_k"], 2)] if base else []))
    return _table(rows)


def miss_lines(misses: list[dict], limit: int) -> list[str]:
    if not misses:
        return ["misses: none"]
    shown = f"first {limit} shown, all in --json" if len(misses) > limit else "all shown"
    lines = [f"misses: {len(misses)} ({shown})"]
    for miss in misses[:limit]:
        lines.append(f"  {miss['id']} [{miss['tag']}, line {miss['line']}]: {'; '.join(miss['reasons'])}")
        lines.append(f"    asked:    {miss['question']}")
        lines.append(f"    searched: {miss['query']}" + ("" if miss["coverage"] is None else f" (coverage {miss['coverage']:.2f})"))
        lines += [f"    said:     {note}" for note in miss["notes"]]
        if miss.get("answer"):
            lines.append(f"    answer:   {' '.join(miss['answer'].split())}")
        if miss["expect"]:
            lines.append("    expected: " + " | ".join(miss["expect"]))
        for n, passage in enumerate(miss["passages"], 1):
            lines.append(f"    [{n}] {passage['id']}: {passage['text']}")
    return lines


def format_scorecard(report: dict, limit: int = 10) -> str:
    counts = (f"{plural(report['cases'], 'case')}: {report['answerable']} answerable, "
              f"{report['unanswerable']} unanswerable; {report['emergencies']} marked emergency")
    lines = [f"{report.get('questions', 'question set')} against {report['corpus']}, k={report['k']}", counts, ""]
    lines += headline(report) + ["", "by tag"] + tag_table(report) + [""] + miss_lines(report["misses"], limit)
    if report["errors"]:
        numbers = [str(e["line"]) for e in report["errors"]]
        more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
        lines += ["", f"{plural(len(numbers), 'malformed line')} not scored: " + ", ".join(numbers[:10]) + more]
    return "\n".join(lines)
