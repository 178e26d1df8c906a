"""Evaluation mode: the metric arithmetic on hand-made cases, the question-set reader,
the naive baseline, and ``eval`` through the real command line."""

from __future__ import annotations

import io
import json

import pytest

from bot.eval.baseline import NaiveBaseline, tokens
from bot.eval.metrics import (
    METRICS,
    Outcome,
    Shown,
    by_tag,
    latency,
    misses,
    percentile,
    summarize,
)
from bot.eval.questions import Case, load_questions
from bot.eval.runner import Progress, build_report, corpus_hint, evaluate

from .conftest import ROOT, run_cli

BACLOFEN_SET = ROOT / "corpus" / "questions" / "baclofen.jsonl"
REPORT_KEYS = set(METRICS) | {"latency_ms", "by_tag", "misses"}


def case(id="c", answerable=True, emergency=False, tag="t", expect=("needle",), turns=("q?",)):
    return Case(id, tuple(turns), tuple(expect) if answerable else (), answerable, emergency, tag)


def outcome(c, texts=(), answered=True, notice=False, replies=1, disclaimed=1, lat=(1.0,)):
    shown = tuple(Shown(f"p{i}", t) for i, t in enumerate(texts, 1)) if answered else ()
    return Outcome(c, c.turns[-1], answered, shown, notice, replies, disclaimed, tuple(lat))


# --- metric arithmetic -------------------------------------------------------------------

def test_hit_at_k_and_mrr_of_a_known_ranking():
    outcomes = [
        outcome(case("first"), ["the needle", "x", "y"]),
        outcome(case("second"), ["x", "a NEEDLE here", "y"]),  # case-insensitive
        outcome(case("third"), ["x", "y", "needle"]),
        outcome(case("none"), ["x", "y", "z"]),
    ]
    figures = summarize(outcomes)
    assert figures["hit_at_k"] == pytest.approx(3 / 4)
    assert figures["mrr"] == pytest.approx((1 + 1 / 2 + 1 / 3 + 0) / 4)


def test_any_expected_string_counts_and_line_breaks_do_not_matter():
    c = case(expect=("not there", "three years\nfrom the date"))
    figures = summarize([outcome(c, ["x", "Shelf life is three  years from\nthe date of manufacture."])])
    assert figures["hit_at_k"] == 1.0 and figures["mrr"] == 0.5


def test_declines_and_false_declines():
    outcomes = [
        outcome(case("u1", answerable=False), answered=False),
        outcome(case("u2", answerable=False), answered=False),
        outcome(case("u3", answerable=False), ["anything"]),
        outcome(case("a1"), ["needle"]),
        outcome(case("a2"), answered=False),
    ]
    figures = summarize(outcomes)
    assert figures["decline_accuracy"] == pytest.approx(2 / 3)
    assert figures["false_declines"] == pytest.approx(1 / 2)
    assert figures["hit_at_k"] == pytest.approx(1 / 2)  # a declined answerable case is not a hit
    assert (figures["answerable"], figures["unanswerable"]) == (2, 3)


def test_emergency_recall_counts_only_emergencies():
    outcomes = [
        outcome(case("e1", emergency=True), ["needle"], notice=True),
        outcome(case("e2", emergency=True, answerable=False), answered=False, notice=False),
        outcome(case("calm"), ["needle"], notice=True),
    ]
    assert summarize(outcomes)["emergency_recall"] == 0.5


def test_disclaimer_coverage_counts_every_reply():
    outcomes = [outcome(case("long", turns=("a", "b", "c")), ["needle"], replies=3, disclaimed=2),
                outcome(case("short"), ["needle"], replies=1, disclaimed=1)]
    assert summarize(outcomes)["disclaimer_coverage"] == pytest.approx(3 / 4)


def test_a_metric_without_cases_is_none_not_zero():
    figures = summarize([outcome(case(), ["needle"])])
    assert figures["decline_accuracy"] is None and figures["emergency_recall"] is None
    assert figures["hit_at_k"] == 1.0


@pytest.mark.parametrize("values,p50,p95", [
    (list(range(1, 101)), 50, 95),
    ([40, 10, 30, 20], 20, 40),  # nearest rank, order does not matter
    ([5, 1, 4, 2, 3], 3, 5),  # an observed value, never interpolated (which would give 4.8)
    ([7.5], 7.5, 7.5),
    ([], None, None),
])
def test_latency_percentiles(values, p50, p95):
    assert percentile(values, 50) == p50 and percentile(values, 95) == p95


def test_latency_is_per_turn_across_cases():
    outcomes = [outcome(case("a", turns=("1", "2")), ["needle"], lat=(1.0, 2.0)),
                outcome(case("b"), ["needle"], lat=(3.0,))]
    assert latency(outcomes) == {"p50": 2.0, "p95": 3.0}


def test_by_tag_keeps_the_order_the_set_uses():
    outcomes = [outcome(case("1", tag="plain"), ["needle"]), outcome(case("2", tag="typo"), ["x"]),
                outcome(case("3", tag="plain"), ["x"])]
    tags = by_tag(outcomes)
    assert list(tags) == ["plain", "typo"]
    assert tags["plain"]["hit_at_k"] == 0.5 and tags["typo"]["hit_at_k"] == 0.0 and tags["plain"]["cases"] == 2


def test_misses_say_why_with_the_query_and_short_passages():
    long_text = "word " * 100
    outcomes = [
        outcome(case("ok"), ["needle"]),
        outcome(case("wrong"), [long_text]),
        outcome(case("declined"), answered=False),
        outcome(case("chatty", answerable=False), ["x"]),
        outcome(case("silent", emergency=True), ["needle"], notice=False),
    ]
    found = {m["id"]: m for m in misses(outcomes)}
    assert set(found) == {"wrong", "declined", "chatty", "silent"}
    assert found["wrong"]["reasons"] == ["expected text in none of the 1 passages"]
    assert found["wrong"]["query"] == "q?" and found["wrong"]["passages"][0]["id"] == "p1"
    assert len(found["wrong"]["passages"][0]["text"]) <= 100
    assert found["declined"]["reasons"] == ["declined an answerable question"]
    assert found["chatty"]["reasons"] == ["answered; expected a decline"]
    assert found["silent"]["reasons"] == ["no safety notice for an emergency"]


# --- the question-set reader -------------------------------------------------------------

GOOD = {"id": "a", "turns": ["What is it?"], "expect": ["x"], "answerable": True, "emergency": False, "tag": "plain"}


def _line(**changes):
    obj = {**GOOD, **changes}
    return json.dumps({k: v for k, v in obj.items() if v is not ...})


def test_malformed_lines_are_reported_by_line_number(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join([
        _line(),                                   # 1 good
        '{"id": "b", "turns": [',                  # 2 not JSON
        "",                                        # 3 blank: no case, no error
        "[1, 2]",                                  # 4 not an object
        _line(id="c", tag=...),                    # 5 missing key
        _line(id="d", answerble=True),             # 6 unknown key (a typo)
        _line(id="e", turns=[]),                   # 7 no turns
        _line(id="f", expect=[]),                  # 8 answerable without expect
        _line(),                                   # 9 duplicate id
        _line(id="g", emergency="yes"),            # 10 not a bool
        _line(id="h", answerable=False, expect=[]),  # 11 good
    ]) + "\n")
    cases, errors = load_questions(path)
    assert [c.id for c in cases] == ["a", "h"] and [c.line for c in cases] == [1, 11]
    messages = {e.line: e.message for e in errors}
    assert sorted(messages) == [2, 4, 5, 6, 7, 8, 9, 10]
    assert "not valid JSON" in messages[2]
    assert "JSON object" in messages[4]
    assert "missing key 'tag'" in messages[5]
    assert "unknown key 'answerble'" in messages[6]
    assert "at least one question" in messages[7]
    assert "expect" in messages[8]
    assert "duplicate id 'a' (first on line 1)" in messages[9]
    assert '"emergency" must be true or false' in messages[10]


def test_our_question_sets_are_well_formed():
    for path in sorted((ROOT / "corpus" / "questions").glob("*.jsonl")):
        cases, errors = load_questions(path)
        assert errors == [] and len(cases) >= 50, path


# --- running cases and the baseline --------------------------------------------------------

def test_each_case_is_a_fresh_session_scored_on_its_last_turn(baclofen_index):
    followup = Case("f", ("Is baclofen safe during pregnancy?", "What about breastfeeding?"), ("breast milk",),
                    True, False, "followup")
    alone = Case("a", ("What about breastfeeding?",), ("breast milk",), True, False, "followup")
    first, second = evaluate([followup, alone], baclofen_index, 3)
    assert "pregnan" in first.query and "pregnan" not in second.query  # no history leaks between cases
    assert first.replies == 2 and first.disclaimed == 2 and len(first.latencies_ms) == 2
    assert len(first.passages) <= 3


def test_baseline_is_naive_paragraphs_and_always_answers(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text('---\ntitle: "T"\n---\nStore at room temperature.\nKeep dry.\n\nTake with water.\n\n---\n\nSide effects: nausea.\n')
    base = NaiveBaseline.from_corpus(doc)
    assert [p.text for p in base.paragraphs] == ["Store at room temperature.\nKeep dry.", "Take with water.",
                                                 "Side effects: nausea."]
    assert [p.id for p in base.paragraphs] == ["doc:p1", "doc:p2", "doc:p3"]
    assert base.search("How do I store it at room temperature?", 1)[0].id == "doc:p1"
    assert len(base.search("capital of France", 2)) == 2  # no decline, ever
    assert tokens("Baclofen's 10mg—dose") == ["baclofen", "s", "10mg", "dose"]


def test_progress_bar_only_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    shown, piped = Terminal(), io.StringIO()
    for stream in (shown, piped):
        bar = Progress(25, stream)
        for _ in range(25):
            bar.tick()
        bar.close()
    assert "25/25" in shown.getvalue() and shown.getvalue().endswith("\r")
    assert piped.getvalue() == ""
    assert Progress(3, Terminal()).on is False  # too small to wait for


def test_build_report_rounds_and_keeps_baseline_keys(baclofen_index):
    cases, _ = load_questions(BACLOFEN_SET)
    result = build_report(cases[:5], baclofen_index, 2, NaiveBaseline.from_corpus(None))
    assert REPORT_KEYS <= set(result) and REPORT_KEYS <= set(result["baseline"])
    assert result["k"] == 2 and result["errors"] == []


def test_corpus_hint_names_the_matching_document():
    lipitor = ROOT / "corpus" / "questions" / "lipitor-patient-information.jsonl"
    hint = corpus_hint(lipitor, None)
    assert hint and "--corpus" in hint and "lipitor-patient-information.md" in hint
    assert corpus_hint(lipitor, "some/corpus.md") is None and corpus_hint(BACLOFEN_SET, None) is None


# --- the real command line ------------------------------------------------------------------

def test_cli_eval_json_with_baseline():
    r = run_cli("eval", str(BACLOFEN_SET), "--json", "--baseline")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert REPORT_KEYS | {"baseline", "errors", "k"} <= set(report)
    assert set(report["latency_ms"]) == {"p50", "p95"}
    assert set(report["baseline"]) >= REPORT_KEYS
    assert report["disclaimer_coverage"] == 1.0 and report["errors"] == []
    base = report["baseline"]
    assert base["decline_accuracy"] == 0.0 and base["false_declines"] == 0.0
    assert base["emergency_recall"] == 0.0 and base["disclaimer_coverage"] == 0.0
    assert 0 < base["hit_at_k"] <= 1 and set(base["by_tag"]) == set(report["by_tag"])
    for miss in report["misses"]:
        assert {"id", "reasons", "query", "passages"} <= set(miss) and miss["reasons"]


def test_cli_eval_table_shows_baseline_beside_ours():
    r = run_cli("eval", str(BACLOFEN_SET), "--baseline", "-k", "2")
    assert r.returncode == 0, r.stderr
    header = next(line for line in r.stdout.splitlines() if line.startswith("metric"))
    assert header.split() == ["metric", "ours", "baseline"]
    assert "hit@2 (answerable)" in r.stdout and "by tag" in r.stdout and "misses:" in r.stdout
    assert "eval [" not in r.stderr  # no progress bar into a pipe


def test_cli_eval_malformed_lines_still_report_and_exit_1(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text(_line(id="ok", expect=["3-4 hours"], turns=["half-life of baclofen?"]) + "\nnot json\n")
    r = run_cli("eval", str(path), "--json")
    assert r.returncode == 1
    assert f"{path}:2: not valid JSON" in r.stderr
    report = json.loads(r.stdout)
    assert report["errors"][0]["line"] == 2 and report["cases"] == 1 and report["hit_at_k"] == 1.0


@pytest.mark.parametrize("content,needle", [(None, "no such file"), ("oops\n\n", "no valid cases")])
def test_cli_eval_unusable_set_is_an_error(tmp_path, content, needle):
    path = tmp_path / "set.jsonl"
    if content is not None:
        path.write_text(content)
    r = run_cli("eval", str(path))
    assert r.returncode == 2 and r.stdout == ""
    assert f"error: {path}: {needle}" in r.stderr and "Traceback" not in r.stderr
    if content:
        assert f"{path}:1: not valid JSON" in r.stderr
