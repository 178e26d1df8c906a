"""Splitting: sections from headings, lists with their introductions, no page furniture."""

from __future__ import annotations

import re

import pytest

from corpus import (
    DEFAULT_CORPUS,
    CorpusError,
    load_corpus,
    read_document,
    split_corpus,
    split_document,
)
from corpus.documents import Document
from corpus.structure import is_plain_heading

from .conftest import DATA, MONOGRAPHS

TITLE = "Baclofen Side Effects & Uses in Addiction Treatment"


@pytest.fixture(scope="module")
def baclofen():
    return split_corpus(load_corpus(DEFAULT_CORPUS))


def test_shipped_document_has_title_and_publisher():
    doc = read_document(DEFAULT_CORPUS)
    assert doc.title == TITLE
    assert "American Addiction Centers" in doc.source
    assert not doc.text.startswith("---")


def test_sections_come_from_plain_text_headings(baclofen):
    sections = list(dict.fromkeys(p.section for p in baclofen))
    assert sections == [
        "",
        "Baclofen Side Effects, Dosage & Interactions",
        "Baclofen Withdrawal Symptoms",
        "Baclofen Half-Life & Timeline",
        "Baclofen Use in Addiction Treatment",
    ]


FURNITURE = [
    "min read", "Ways to Get in Contact", "let us hear your story", "no obligation ways", "Need more info",
    "Photo", "Take the first step", "Ensure your benefits", "View Our Treatment Centers", "locations nationwide",
]


@pytest.mark.parametrize("phrase", FURNITURE)
def test_no_page_furniture_in_any_passage(baclofen, phrase):
    assert not [p.id for p in baclofen if phrase.lower() in p.text.lower() or phrase.lower() in p.section.lower()]


def test_every_content_paragraph_is_kept(baclofen):
    text = " ".join(p.text for p in baclofen)
    for needle in ["Kemstro and Lioresal", "3-4 hours in plasma", "breast milk", "1-2 weeks", "Cochrane",
                   "BMC Psychiatry", "100 mg unless careful medical supervision"]:
        assert needle in text


def test_bullet_list_stays_with_its_introduction(baclofen):
    [p] = [p for p in baclofen if "• Drowsiness" in p.text]
    assert p.text.startswith("According to the U.S. National Library of Medicine, side effects of baclofen")
    assert "• Upset stomach" in p.text
    [w] = [p for p in baclofen if "• Psychosis" in p.text]
    assert w.text.startswith("Sudden withdrawal from baclofen can lead to the following symptoms:")


def test_abbreviations_do_not_split_sentences(baclofen):
    for p in baclofen:
        assert not re.search(r"\bU\.S\.$", p.text), p.id
    assert any("According to the U.S. National Library of Medicine, this medication" in p.text for p in baclofen)


def test_passages_are_a_few_sentences(baclofen):
    for p in baclofen:
        assert 5 <= len(p.text.split()) <= 200, p.id


def test_ids_and_citations_are_stable_and_readable(baclofen):
    ids = [p.id for p in baclofen]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9-]+:[a-z0-9-]+:\d+", i) for i in ids)
    again = [p.id for p in split_corpus(load_corpus(DEFAULT_CORPUS))]
    assert again == ids
    withdrawal = [p for p in baclofen if p.section == "Baclofen Withdrawal Symptoms"]
    assert withdrawal[0].citation == f"{TITLE} › Baclofen Withdrawal Symptoms ¶1"
    assert baclofen[0].citation == f"{TITLE} ¶1"


@pytest.mark.parametrize("line,expected", [
    ("Baclofen Withdrawal Symptoms", True),
    ("What is LIPITOR?", True),
    ("How do I store LIPITOR", True),
    ("WARNINGS", True),
    ("Baclofen is well tolerated by most people.", False),
    ("• Drowsiness", False),
    ("Endpoint | Atorvastatin 10 mg | HR", False),
    ("atorvastatin calcium", False),
    ("Does it matter?", True),
    ("Need more info?", False),
])
def test_plain_heading_shapes(line, expected):
    assert is_plain_heading(line) is expected


MONOGRAPH_FILES = sorted(MONOGRAPHS.glob("*.md"))
MONOGRAPH_FILES = [p for p in MONOGRAPH_FILES if p.name != "README.md"]


def test_all_shared_monographs_are_present():
    assert len(MONOGRAPH_FILES) == 6


@pytest.mark.parametrize("path", MONOGRAPH_FILES, ids=lambda p: p.stem)
def test_every_monograph_splits_into_cited_passages(path):
    doc = read_document(path)
    passages = split_document(doc)
    assert passages
    assert doc.title and not doc.title.startswith("title:")
    assert len({p.id for p in passages}) == len(passages)
    for p in passages:
        assert p.text.strip() and not p.text.startswith("#")
        assert p.citation.startswith(doc.title)
        assert p.id.startswith(doc.id + ":")
        assert len(p.text.split()) <= 400


def test_markdown_headings_nest_in_the_citation():
    passages = split_document(read_document(MONOGRAPHS / "haloperidol-tablets-label.md"))
    dystonia = [p for p in passages if "Class Effect" in p.section]
    assert dystonia and dystonia[0].section == "ADVERSE REACTIONS › CNS Effects › Extrapyramidal Symptoms (EPS) › Class Effect"


def test_question_headings_become_sections():
    passages = split_document(read_document(MONOGRAPHS / "lipitor-patient-information.md"))
    sections = {p.section.split(" › ")[-1] for p in passages}
    assert {"What is LIPITOR?", "Who Should Not Take LIPITOR?", "How do I store LIPITOR"} <= sections
    [store] = [p for p in passages if p.section.endswith("How do I store LIPITOR")]
    assert "room temperature" in store.text


def test_a_long_table_is_cut_into_rows_not_one_passage():
    passages = split_document(read_document(MONOGRAPHS / "lipitor-prescribing-information.md"))
    assert max(len(p.text.split()) for p in passages) < 250


def test_front_matter_gives_title_and_source():
    doc = read_document(DATA / "tiny-monograph.md")
    assert doc.title == "Examplamine tablets: a tiny hand-written monograph"
    assert doc.source == "monograph-bot tests"


def test_folder_corpus_reads_every_document_but_readmes():
    docs = load_corpus(MONOGRAPHS)
    assert [d.id for d in docs] == [p.stem for p in MONOGRAPH_FILES]


@pytest.mark.parametrize("content,message", [
    (b"", "is empty"),
    (b"   \n\n", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    (b"caf\xe9 au lait is a drink", "not UTF-8"),
    (b"---\ntitle: only metadata\n---\n", "is empty"),
])
def test_unusable_files_raise_a_corpus_error_naming_the_file(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(CorpusError, match=message) as err:
        load_corpus(bad)
    assert str(bad) in str(err.value)


def test_missing_file_and_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus(tmp_path / "nope.txt")
    with pytest.raises(CorpusError, match="no .txt or .md"):
        load_corpus(tmp_path)


def test_a_folder_of_folders_names_the_subfolders_to_pass(tmp_path):
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "a.md").write_text("# A\n\nExamplamine lowers fever in adults.\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match=r"no \.txt or \.md documents; subfolders are not read: pass one of them \(labels\)"):
        load_corpus(tmp_path)


def test_bom_and_crlf_are_read_as_plain_text(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes("\ufeffDrug Facts Sheet\r\n\r\nExamplamine lowers fever in adults. It is taken by mouth.\r\n".encode("utf-8"))
    [doc] = load_corpus(f)
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")
    [p] = split_document(doc)
    assert p.text == "Examplamine lowers fever in adults. It is taken by mouth."


def test_duplicate_file_stems_get_distinct_ids(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha text here.")
    (tmp_path / "a.md").write_text("Beta text here.")
    ids = [d.id for d in load_corpus(tmp_path)]
    assert len(set(ids)) == 2


def test_document_dataclass_is_frozen():
    doc = Document("x", "t", "s", "text", "p")
    with pytest.raises(Exception):
        doc.title = "other"  # type: ignore[misc]


def test_a_heading_shaped_line_that_heads_nothing_stays_text():
    passages = split_document(read_document(MONOGRAPHS / "cough-cold-drug-facts.md"))
    [active] = [p for p in passages if p.section == "Active ingredient"]
    assert "Diphenhydramine HCl 6.25 mg" in active.text and "Phenylephrine HCl 2.5" in active.text
    assert not [p for p in passages if p.text == "Drug Facts"]
