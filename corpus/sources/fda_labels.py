"""openFDA label sections (../shared/labels) -> one Markdown document per product.

    python -m corpus.sources.fda_labels --labels ../shared/labels/fda-immunology-labels.json --out corpus/labels

Each document holds the label's sections in the label's own order (boxed warning first),
with the numbered headings that openFDA runs inline turned into real headings
(``label_text`` says how). Every word of the source is kept, and checked. The adalimumab
products are never written: they are kept aside for checking the bot.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus import read_document, split_document

from .label_text import boxed_title_length, paragraph_lines, split_headings

# (JSON key, the section's name in a label), in the order a label prints them
SECTIONS = [
    ("fdaIndications", "INDICATIONS AND USAGE"),
    ("contraindications", "CONTRAINDICATIONS"),
    ("warnings", "WARNINGS AND PRECAUTIONS"),
    ("adverseReactions", "ADVERSE REACTIONS"),
    ("dosageInfo", "DOSAGE AND ADMINISTRATION"),
]
BOXED = "BOXED WARNING"
KEPT_ASIDE = "adalimumab"  # generic-name prefix of the products never written
NOTE = ("openFDA drug label text (FDA, public domain), via zest-derm/Zest-Fulcrum lib/fda-drug-data.json "
        "commit a3487aa2; converted by corpus/sources/fda_labels.py")


def kept_aside(product: dict) -> bool:
    return product["generic"].lower().startswith(KEPT_ASIDE)


def file_name(product: dict) -> str:
    return product["brand"].lower().replace(" ", "-") + ".md"


def _section_lines(text: str, name: str) -> tuple[list[str], set[str]]:
    """One label section as Markdown lines, and the heading lines that are not source text."""
    words = text.split()
    added: set[str] = set()
    head = words[:1 + len(name.split())]
    if len(words) > len(head) and head[0].isdigit() and " ".join(head[1:]).upper() == name:
        top = head[0]
        lines = ["# " + " ".join(head)]
        words = words[len(head):]
    else:  # a section without its own numbered title: name it, and mark the name as added
        top, lines = "", ["# " + name]
        added.add(lines[0])
    for heading, body in split_headings(words, top) if top else [("", words)]:
        if heading:
            lines += ["", "#" * heading.split()[0].count(".") + "# " + heading]
        if body:
            lines += [""] + paragraph_lines(body)
    return lines, added


def _boxed_lines(text: str) -> tuple[list[str], set[str]]:
    words = text.split()
    lines = ["# " + BOXED]
    size = boxed_title_length(words)
    if size:
        lines += ["", "## " + " ".join(words[:size])]
    return lines + [""] + paragraph_lines(words[size:]), {lines[0]}


def render(product: dict) -> tuple[str, list[str], set[str]]:
    """The document's text, the source texts it holds (in order), and its added heading lines."""
    parts = [(text, _boxed_lines(text)) for text in product.get("blackBoxWarnings") or []]
    parts += [(text, _section_lines(text, name)) for key, name in SECTIONS for text in product.get(key) or []]
    sources = [text for text, _ in parts]
    blocks = [lines for _, (lines, _) in parts]
    added = {line for _, (_, new) in parts for line in new}
    title = f"{product['brand'].upper()} ({product['generic']}): FDA label sections"
    front = ["---", f'title: "{title}"', f"source: {product['fdaSource']}",
             f"revised: {product['lastUpdated'][:10]}", f'note: "{NOTE}"', "---"]
    body = "\n\n".join("\n".join(lines) for lines in blocks)
    return "\n".join(front) + "\n\n" + body + "\n", sources, added


def check_words(document: str, sources: list[str], added: set[str]) -> None:
    """The document's words, heading markers and added headings aside, are the sources' words."""
    body = document.split("\n---\n", 1)[1]
    out = [w for line in body.splitlines() if line not in added for w in line.lstrip("#").split()]
    src = [w for text in sources for w in text.split()]
    if out != src:
        at = next((i for i, (a, b) in enumerate(zip(out, src)) if a != b), min(len(out), len(src)))
        raise ValueError(f"words differ at word {at}: {out[at:at + 8]} != {src[at:at + 8]}")


def build(labels: Path) -> dict[str, str]:
    """File name -> document text, for every product not kept aside."""
    products = json.loads(labels.read_text(encoding="utf-8"))
    out = {}
    for product in products:
        if kept_aside(product):
            continue
        text, sources, added = render(product)
        try:
            check_words(text, sources, added)
        except ValueError as exc:
            raise ValueError(f"{product['brand']}: {exc}") from None
        out[file_name(product)] = text
    return out


def write(files: dict[str, str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8", newline="\n")


def check_loads(path: Path) -> tuple[int, int]:
    """Passages and sections the corpus loader finds; ``ValueError`` when they are not sensible."""
    doc = read_document(path)
    passages = split_document(doc)
    sections = {p.section for p in passages}
    headings = {line.lstrip("#").strip() for line in doc.text.splitlines() if line.startswith("#")}
    if not passages or "" in sections:
        raise ValueError(f"{path}: {len(passages)} passages, some outside any section")
    if not all(s.split(" › ")[0] in headings for s in sections):
        raise ValueError(f"{path}: a section the loader found is not one of the document's headings")
    return len(passages), len(sections)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.sources.fda_labels", description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, required=True, help="fda-immunology-labels.json")
    parser.add_argument("--out", type=Path, required=True, help="folder for the Markdown documents")
    args = parser.parse_args(argv)
    try:
        files = build(args.labels)
        write(files, args.out)
        total = 0
        for name in files:
            passages, sections = check_loads(args.out / name)
            total += passages
            print(f"{name:<16} {passages:>4} passages {sections:>3} sections")
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{len(files)} documents, {total} passages, words checked against the source; written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
