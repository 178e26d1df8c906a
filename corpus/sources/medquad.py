"""MedQuAD (NINDS and NHLBI subsets) -> a folder of documents and two eval question sets.

    python -m corpus.sources.medquad --medquad ../shared/benchmarks/medquad --out corpus/medquad

Writes ``docs/<source>-<docid>.md`` (every page), ``questions/single.jsonl`` (one question
a case) and ``questions/followup.jsonl`` (a question, then another about "it"), sampled
with a fixed seed. The output is a pure function of the input, byte for byte; the check
at the end loads it through the corpus loader and holds every ``expect`` snippet to the
gold passage.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

from corpus import load_corpus, split_document

from .medquad_pages import Page, read_pages, render
from .medquad_questions import (
    Snippets,
    fold,
    followup_cases,
    names_its_focus,
    single_cases,
)

SINGLE, FOLLOWUP, SEED = 300, 150, 0
GENERATED_DOC = re.compile(r"[a-z]+-\d+\.md")
CASE_ID = re.compile(r"([a-z]+-\d+)-(\w+?)(?:-followup)?")


def build(medquad: Path) -> tuple[dict[str, str], dict]:
    """Relative path -> file text, and figures for the report."""
    pages, duplicates = read_pages(medquad)
    docs = {f"docs/{page.name}.md": render(page) for page in pages}
    snippets = Snippets(list(docs.values()))
    rng = random.Random(SEED)
    single = single_cases(pages, snippets, rng, SINGLE)
    followup = followup_cases(pages, snippets, rng, FOLLOWUP)
    files = dict(docs)
    for name, cases in (("single", single), ("followup", followup)):
        files[f"questions/{name}.jsonl"] = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    figures = {"pages": len(pages), "duplicates": duplicates, "pairs": sum(len(p.pairs) for p in pages),
               "empty": sum(p.empty for p in pages),
               "single": len(single), "followup": len(followup), "pages_by_name": {p.name: p for p in pages},
               "not_asked": [p.name for p in pages if not names_its_focus(p)]}
    return files, figures


def write(files: dict[str, str], out: Path) -> None:
    """Write every file; a generated document no longer produced is removed, nothing else."""
    for stale in sorted((out / "docs").glob("*.md")) if (out / "docs").is_dir() else []:
        if GENERATED_DOC.fullmatch(stale.name) and f"docs/{stale.name}" not in files:
            stale.unlink()
    for name, text in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def check(out: Path, pages: dict[str, Page]) -> dict:
    """Load the documents as the bot does; every snippet must be once in the corpus, in its gold part."""
    start = time.perf_counter()
    by_doc = {doc.id: split_document(doc) for doc in load_corpus(out / "docs")}
    seconds = time.perf_counter() - start
    texts = [p.read_text(encoding="utf-8") for p in sorted((out / "docs").glob("*.md"))]
    snippets = Snippets(texts)
    several, spread = 0, 0
    for name in ("single", "followup"):
        for line in (out / "questions" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            doc, pid = CASE_ID.fullmatch(case["id"]).groups()
            part = next(p.part for p in pages[doc].pairs if p.pid == pid)
            homes = set()
            for snippet in case["expect"]:
                if snippets.count(snippet) != 1:
                    raise ValueError(f"{case['id']}: {snippet!r} is not once in the corpus")
                hits = [p for p in by_doc[doc] if fold(snippet) in fold(p.text)]
                if len(hits) != 1 or hits[0].section.split(" › ")[0] != f"Part {part}":
                    raise ValueError(f"{case['id']}: {snippet!r} is not inside one passage of Part {part}")
                homes.add(hits[0].id)
            several += len(case["expect"]) > 1
            spread += len(homes) > 1
    passages = sum(len(ps) for ps in by_doc.values())
    sections = sum(len({p.section for p in ps}) for ps in by_doc.values())
    return {"documents": len(by_doc), "passages": passages, "sections": sections, "seconds": seconds,
            "several_snippets": several, "in_several_passages": spread}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.sources.medquad", description=__doc__.split("\n")[0])
    parser.add_argument("--medquad", type=Path, required=True, help="folder holding 6_NINDS_QA and 8_NHLBI_QA_XML")
    parser.add_argument("--out", type=Path, required=True, help="folder to write docs/ and questions/ into")
    args = parser.parse_args(argv)
    files, figures = build(args.medquad)
    write(files, args.out)
    print(f"{figures['pages']} pages ({figures['duplicates']} duplicates skipped), {figures['pairs']} answers "
          f"({figures['empty']} empty skipped); "
          f"{figures['single']} single and {figures['followup']} follow-up cases written to {args.out}; "
          f"not asked (focus named nowhere in the page): {', '.join(figures['not_asked']) or 'none'}")
    try:
        report = check(args.out, figures["pages_by_name"])
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"loaded: {report['documents']} documents, {report['passages']} passages, {report['sections']} sections "
          f"in {report['seconds']:.1f} s; every expect snippet once in the corpus and in its gold part; "
          f"{report['in_several_passages']} of {report['several_snippets']} cases with several snippets "
          f"have them in different passages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
