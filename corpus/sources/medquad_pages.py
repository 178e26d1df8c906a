"""MedQuAD XML pages -> Markdown documents whose headings do not give the questions away.

A MedQuAD record is one web page: its focus (the condition) and question-answer pairs
whose templated questions stand for the page's own headings ("What are the treatments
for X ?"). Kept as headings they would make retrieval trivial, so each answer becomes a
section headed "Part 1", "Part 2", ... in the page's order, its text verbatim (line
breaks kept as paragraphs, runs of spaces made one).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

FOLDERS = ("6_NINDS_QA", "8_NHLBI_QA_XML")
REPOSITORY = "abachaa/MedQuAD"
COMMIT = "577bd37b96c02d1833b2c9eed2de9f96964e96cb"
LICENCE = "CC BY 4.0"


@dataclass(frozen=True)
class Pair:
    pid: str
    qtype: str
    question: str
    answer: str  # paragraphs joined by blank lines
    part: int = 0  # its section in the document: "Part <part>"


@dataclass(frozen=True)
class Page:
    source: str  # NINDS, NHLBI
    docid: str
    url: str
    focus: str
    record: str  # folder/file inside the MedQuAD repository
    pairs: tuple[Pair, ...]
    empty: int = 0  # answers left out for having no text

    @property
    def name(self) -> str:
        return f"{self.source.lower()}-{self.docid}"


def paragraphs(text: str | None) -> str:
    return "\n\n".join(" ".join(line.split()) for line in (text or "").splitlines() if line.strip())


def read_page(path: Path, record: str) -> Page:
    """One record; four NINDS files use an older schema (doc/pair/question/answer)."""
    root = ET.parse(path).getroot()
    if root.tag == "Document":
        source, docid, focus = root.get("source"), root.get("id"), root.findtext("Focus")
        pairs = [(qa.get("pid"), qa.find("Question"), qa.findtext("Answer")) for qa in root.iter("QAPair")]
    else:
        source, docid, focus = root.get("corpus"), root.get("docid"), root.findtext("doctitle-focus")
        pairs = [(qa.get("pid"), qa.find("question"), qa.findtext("answer")) for qa in root.iter("pair")]
    kept, part = [], 0
    for pid, question, answer in pairs:
        text = paragraphs(answer)
        if text:  # an empty answer has nothing to find
            part += 1
            kept.append(Pair(pid, question.get("qtype"), " ".join(question.text.split()), text, part))
    return Page(source, docid, root.get("url") or "", " ".join(focus.split()), record, tuple(kept), len(pairs) - part)


def read_pages(medquad: Path) -> tuple[list[Page], int]:
    """Every page with an answer, in folder and file order, and how many duplicates were skipped."""
    pages, seen, duplicates = [], set(), 0
    for folder in FOLDERS:
        for path in sorted((medquad / folder).glob("*.xml")):
            page = read_page(path, f"{folder}/{path.name}")
            key = tuple(p.answer for p in page.pairs)
            if not page.pairs:
                continue
            if key in seen:
                duplicates += 1
                continue
            seen.add(key)
            pages.append(page)
    return pages, duplicates


def render(page: Page) -> str:
    note = (f"MedQuAD ({LICENCE}, Ben Abacha and Demner-Fushman 2019), record {page.record} at "
            f"github.com/{REPOSITORY} commit {COMMIT[:8]}; the page's answers verbatim, in order, under neutral "
            f"headings; converted by corpus/sources/medquad.py")
    front = ["---", f'title: "{page.focus} ({page.source})"', f"source: {page.url}", f"licence: {LICENCE}",
             f'note: "{note}"', "---"]
    parts = [f"# Part {pair.part}\n\n{pair.answer}" for pair in page.pairs]
    return "\n".join(front) + "\n\n" + "\n\n".join(parts) + "\n"
