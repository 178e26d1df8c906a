"""A library-sized corpus of distinct passages, built reproducibly from real material.

The earlier scale benchmark repeated the same 391 passages: 2,470 terms and 7 titles at any
size, which hides every cost that grows with a real library (titles, sections, spelling
words). This one starts from every real document the repo and ``../shared`` hold:

- the NIH pages of MedQuAD (``shared/benchmarks/medquad``, CC BY 4.0): one document per page,
  titled by its focus, one section per answer under a neutral heading named for the
  question's type ("Treatment"), never the question itself;
- the FDA label sections of ``shared/labels`` (public domain), one document per product
  (the adalimumab products are kept aside there for checking the bot, so left out here);
- the monographs of ``corpus/monographs`` and the shipped article.

Split by our own splitter, that is the *base*. Larger sizes add *editions* of each base
document: the same title with "(edition N)", the same sections and passage count, each
passage's sentences drawn at random (seeded) from its own document. Every passage is
distinct; the vocabulary is the real material's, so it stops growing past the base, as
in a library of many labels for the same few hundred drugs.

Questions are real: every turn of our question sets (written by people, blind lists
included) and MedQuAD's own questions, half and half, spread evenly.
"""

from __future__ import annotations

import json
import random
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

from common import DEFAULT_CORPUS, MONOGRAPHS, QUESTIONS_DIR, ROOT

from bot.eval.suite import load_suite
from corpus import Document, Passage, load_corpus, split_corpus
from corpus.documents import slugify

SHARED = ROOT.parent / "shared"
KEPT_ASIDE = {"Hulio", "Idacio", "Yusimry", "Simlandi", "Abrilada"}  # shared/labels/README.md
LABEL_SECTIONS = {"fdaIndications": "Indications and usage", "contraindications": "Contraindications",
                  "blackBoxWarnings": "Boxed warning", "warnings": "Warnings and precautions",
                  "adverseReactions": "Adverse reactions", "dosageInfo": "Dosage and administration"}
SEED = 15
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"“])|\n+")


def missing(shared: Path = SHARED) -> str | None:
    """Why the library cannot be built here, or None."""
    for part in ("benchmarks/medquad", "labels/fda-immunology-labels.json"):
        if not (shared / part).exists():
            return f"{shared / part} is absent (the library is built from ../shared)"
    return None


def medquad_documents(shared: Path = SHARED) -> list[Document]:
    docs = []
    for path in sorted((shared / "benchmarks" / "medquad").glob("*/*.xml")):
        root = ET.parse(path).getroot()
        focus = " ".join((root.findtext("Focus") or path.stem).split())
        sections = []
        for pair in root.iter("QAPair"):
            answer = (pair.findtext("Answer") or "").strip()
            kind = (pair.find("Question").get("qtype") or "information") if pair.find("Question") is not None else ""
            if answer:
                heading = "Overview" if kind == "information" else kind.capitalize()
                sections.append(f"## {heading}\n\n{answer}")
        if sections:
            number = f"{path.parent.name.split('_')[0]}-{path.stem}"  # both folders start at 0000001.xml
            docs.append(Document(f"medquad-{number}", focus, "MedQuAD", "\n\n".join(sections) + "\n", str(path)))
    return docs


def label_documents(shared: Path = SHARED) -> list[Document]:
    labels = json.loads((shared / "labels" / "fda-immunology-labels.json").read_text(encoding="utf-8"))
    docs = []
    for label in labels:
        if label["brand"] in KEPT_ASIDE:
            continue
        parts = [f"## {heading}\n\n" + "\n\n".join(label.get(key) or [])
                 for key, heading in LABEL_SECTIONS.items() if label.get(key)]
        title = f"{label['brand']} ({label['generic']})"
        docs.append(Document(f"label-{slugify(label['brand'])}", title, label.get("fdaSource", ""),
                             "\n\n".join(parts) + "\n", title))
    return docs


def base_passages(shared: Path = SHARED) -> list[Passage]:
    """Every real passage, documents in a seeded shuffle so that a small size mixes sources."""
    docs = medquad_documents(shared) + label_documents(shared) + load_corpus(MONOGRAPHS) + load_corpus(DEFAULT_CORPUS)
    random.Random(SEED).shuffle(docs)
    return split_corpus(docs)


def library(base: list[Passage], size: int) -> list[Passage]:
    """``size`` distinct passages: the base, then editions of each document (see above)."""
    out = list(base[:size])
    pools = _sentence_pools(base)
    seen = {p.text for p in out}
    edition = 1
    while len(out) < size:
        edition += 1
        for p in base:
            if len(out) >= size:
                break
            rng = random.Random(f"{SEED}:{p.id}:{edition}")
            pool = pools[p.document]
            picked = [rng.choice(pool) for _ in range(max(2, len(_sentences(p.text))))]
            while " ".join(picked) in seen:  # a small document's pool can repeat a draw: one more sentence
                picked.append(rng.choice(pool))
            text = " ".join(picked)
            seen.add(text)
            out.append(replace(p, id=f"{p.id}~{edition}", document=f"{p.document} (edition {edition})", text=text))
    return out


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def _sentence_pools(base: list[Passage]) -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {}
    for p in base:
        pools.setdefault(p.document, []).extend(_sentences(p.text))
    return pools


def questions(n: int = 500, shared: Path = SHARED) -> list[str]:
    """``n`` real questions: half our sets' turns (blind lists included; the held-out ones, which nobody reads
    before their one run, left out), half MedQuAD's."""
    ours = []
    held_out = {spec.questions.resolve() for spec in load_suite(QUESTIONS_DIR / "blind" / "heldout.toml")}
    raw = QUESTIONS_DIR / "blind" / "questions"  # each set's questions as written, before labelling
    for path in sorted(p for p in QUESTIONS_DIR.rglob("*.jsonl") if p.resolve() not in held_out and p.parent != raw):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ours.extend(json.loads(line)["turns"])
    medquad = []
    for path in sorted((shared / "benchmarks" / "medquad").glob("*/*.xml")):
        medquad.extend(" ".join(q.text.split()) for q in ET.parse(path).getroot().iter("Question") if q.text)
    ours, medquad = list(dict.fromkeys(ours)), list(dict.fromkeys(medquad))
    return spread(ours, n // 2) + spread(medquad, n - n // 2)


def spread(items: list, n: int) -> list:
    """``n`` items taken evenly across ``items``."""
    if n >= len(items):
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]
