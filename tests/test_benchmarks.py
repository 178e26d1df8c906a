"""The scale benchmark's own logic (not its timings): skipping without ../shared, terms, agreement."""

from __future__ import annotations

import sys

import pytest

from index import tokenize

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))  # the benchmark's modules import each other as scripts do
scale = pytest.importorskip("scale")


def test_without_shared_the_scale_part_is_skipped_with_a_note(tmp_path):
    result = scale.run_scale([1000], quick=True, shared=tmp_path)
    assert result["results"] == [] and "is absent" in result["skipped"] and str(tmp_path) in result["skipped"]


def test_peers_get_the_terms_our_tokenizer_gives():
    texts = ["Store LIPITOR at 68–77°F (20-25°C); don't freeze.", "", "Two 100mg tablets, 3-4 hours apart"]
    assert scale.terms_of(texts) == [" ".join(tokenize(t)) for t in texts]


def test_agreement_sets_ties_aside_and_counts_only_questions_naming_no_document():
    ref = {"engine": "rank_bm25", "passages": 9, "top": [[1, 2, 3], [4, 5], []], "ties": [[1, 2, 3, 7], [4, 5], []]}
    ours = {"engine": "ours", "passages": 9, "top": [[1, 2, 7], [4, 6], []], "named": [False, True, False]}
    scale._agreement([ref, ours])
    assert ours["agreement"] == pytest.approx((1 + 0.5) / 2)  # 7 ties with rank_bm25's third; 6 is wrong
    assert ours["agreement_unnamed"] == 1.0 and ours["unnamed_questions"] == 1 and ours["named_questions"] == 1
    assert "top" not in ours and "ties" not in ref


def test_the_benchmark_asks_no_held_out_question():
    """Held-out sets are read by nobody before their one run, a benchmark's question list included: every
    question it asks comes from a file that is not held out (a failure prints counts, never a held-out question)."""
    import json

    import library
    from bot.eval.suite import load_suite

    questions = ROOT / "corpus" / "questions"
    held_out = {spec.questions.resolve() for spec in load_suite(questions / "blind" / "heldout.toml")}
    allowed = {turn for path in questions.rglob("*.jsonl") if path.resolve() not in held_out
               and path.parent != questions / "blind" / "questions"
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
               for turn in json.loads(line)["turns"]}
    asked = library.questions(100_000, shared=ROOT / "no-shared-here")
    outside = len(set(asked) - allowed)
    found = bool(held_out) and bool(asked)
    assert found and outside == 0, f"{outside} of the benchmark's questions come from held-out files"
