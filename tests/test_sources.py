"""The converted public sources: corpus/labels (openFDA) and corpus/medquad (MedQuAD).

The committed files load through the corpus loader, their expect strings pick out one
place in the corpus, nothing kept aside slipped in, and, where the source data is at hand
(../shared), a rebuild gives the same bytes.
"""

from __future__ import annotations

import json

import pytest

from corpus import load_corpus, split_document
from corpus.sources import fda_labels, medquad

from .conftest import ROOT

LABELS = ROOT / "corpus" / "labels"
MEDQUAD = ROOT / "corpus" / "medquad"
SHARED = ROOT.parent / "shared"
KEPT_ASIDE = {"hulio", "idacio", "yusimry", "simlandi", "abrilada"}  # the adalimumab products
KEYS = ["id", "turns", "expect", "answerable", "emergency", "tag"]
LABEL_SECTIONS = {"1 INDICATIONS AND USAGE", "4 CONTRAINDICATIONS", "6 ADVERSE REACTIONS",
                  "2 DOSAGE AND ADMINISTRATION"}
needs_shared = pytest.mark.skipif(
    not (SHARED / "labels").is_dir() or not (SHARED / "benchmarks" / "medquad").is_dir(),
    reason="../shared (the source data) is not here; the committed files are checked without it")


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()  # as the evaluator compares


def _cases(name: str) -> list[dict]:
    lines = (MEDQUAD / "questions" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_labels_load_with_their_sections():
    docs = load_corpus(LABELS)
    assert len(docs) == 25
    for doc in docs:
        assert doc.title.endswith(": FDA label sections") and doc.source == "openfda"
        passages = split_document(doc)
        tops = {p.section.split(" › ")[0] for p in passages}
        assert LABEL_SECTIONS <= tops, doc.path
        assert tops <= LABEL_SECTIONS | {"BOXED WARNING"}, doc.path  # nothing outside a section
        assert any(" › " in p.section for p in passages), f"{doc.path}: no numbered sub-heading found"


def test_no_adalimumab_label():
    names = {p.stem for p in LABELS.glob("*")}
    assert not names & KEPT_ASIDE
    assert not [d.path for d in load_corpus(LABELS) if "adalimumab" in d.title.lower()]


def test_medquad_documents_load_with_neutral_headings():
    docs = load_corpus(MEDQUAD / "docs")
    assert len(docs) == 365 and all(d.title.endswith(("(NINDS)", "(NHLBI)")) and d.source for d in docs)
    for doc in docs[::8]:  # splitting all 365 takes the loader ~8 s; the converter itself checks every one
        passages = split_document(doc)
        assert passages and all(p.section.split(" › ")[0].startswith("Part ") for p in passages), doc.path


def test_medquad_cases_are_well_formed():
    for name, size in (("single", 300), ("followup", 150)):
        cases = _cases(name)
        assert len(cases) == size and len({c["id"] for c in cases}) == size
        for case in cases:
            assert list(case) == KEYS and case["answerable"] is True and case["emergency"] is False
            assert len(case["turns"]) == (2 if name == "followup" else 1) and 1 <= len(case["expect"]) <= 3
            assert all(8 <= len(s.split()) <= 15 for s in case["expect"]), case["id"]
            assert case["tag"].startswith("followup-") == (name == "followup")
        if name == "followup":
            assert all(" it" in c["turns"][1] and c["turns"][0] != c["turns"][1] for c in cases)


def test_every_expect_string_occurs_once_in_the_medquad_corpus():
    corpus = " \x00 ".join(_fold(p.read_text(encoding="utf-8")) for p in sorted((MEDQUAD / "docs").glob("*.md")))
    counts = {s: corpus.count(_fold(s)) for name in ("single", "followup") for c in _cases(name) for s in c["expect"]}
    assert counts and {s: n for s, n in counts.items() if n != 1} == {}


def test_label_conversion_keeps_every_word_and_leaves_adalimumab_out(tmp_path):
    product = {
        "brand": "Testa", "generic": "testamab", "fdaSource": "openfda", "lastUpdated": "2026-01-08T23:38:30.778Z",
        "blackBoxWarnings": ["WARNING: SERIOUS INFECTIONS Serious infections have occurred. ( 5.1 )"],
        "fdaIndications": ["1 INDICATIONS AND USAGE Testa is indicated for: • plaque psoriasis ( 1.1 ) • psoriatic "
                           "arthritis ( 1.2 ) 1.1 Plaque Psoriasis TESTA is indicated for adults. 1.2 Psoriatic "
                           "Arthritis Testa is indicated [see Indications and Usage (1.1)]."],
        "contraindications": ["4 CONTRAINDICATIONS None."], "warnings": [], "adverseReactions": [], "dosageInfo": [],
    }
    text, sources, added = fda_labels.render(product)
    lines = text.splitlines()
    for line in ["# BOXED WARNING", "## WARNING: SERIOUS INFECTIONS", "# 1 INDICATIONS AND USAGE",
                 "## 1.1 Plaque Psoriasis", "## 1.2 Psoriatic Arthritis", "• plaque psoriasis ( 1.1 )",
                 "# 4 CONTRAINDICATIONS"]:
        assert line in lines
    fda_labels.check_words(text, sources, added)
    with pytest.raises(ValueError, match="words differ"):
        fda_labels.check_words(text.replace("adults.", ""), sources, added)
    labels = tmp_path / "labels.json"
    labels.write_text(json.dumps([{**product, "brand": "Hulio", "generic": "adalimumab-fkjp"}, product]))
    assert list(fda_labels.build(labels)) == ["testa.md"]


@needs_shared
def test_rebuilding_gives_the_same_bytes(tmp_path):
    fda_labels.write(fda_labels.build(SHARED / "labels" / "fda-immunology-labels.json"), tmp_path / "labels")
    files, _ = medquad.build(SHARED / "benchmarks" / "medquad")
    medquad.write(files, tmp_path / "medquad")
    for built, committed in ((tmp_path / "labels", LABELS), (tmp_path / "medquad", MEDQUAD)):
        rebuilt = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file())
        kept = sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file() and p.name != "README.md")
        assert rebuilt == kept
        assert [p for p in rebuilt if (built / p).read_bytes() != (committed / p).read_bytes()] == []
