"""Splitting documents into passages of a few sentences that keep their section.

A passage never crosses a heading, and a bullet list stays with the sentence that
introduces it. Ids and citations are derived from the document, the section and the
passage's place in it, so they stay the same from run to run.
"""

from __future__ import annotations

from dataclasses import dataclass

from .documents import Document, slugify
from .sentences import sentence_splitter
from .structure import Block, is_plain_heading, parse_sections

TARGET_WORDS = 90  # a passage grows by whole sentences up to about this many words
MIN_WORDS = 25  # a shorter paragraph joins the next one in its section


@dataclass(frozen=True)
class Passage:
    id: str
    document: str  # the document's title
    path: tuple[str, ...]  # heading titles, outermost first; () before the first heading
    text: str
    ordinal: int  # 1-based place within its section: the ¶ of the citation
    starts: tuple[int, ...] = ()  # where each sentence (a bullet list with its lead, one) begins in text
    revised: str = ""  # the document's revision date, when its front matter gives one

    @property
    def sentences(self) -> tuple[str, ...]:
        """The passage's sentences, verbatim slices of its text; the whole text when unknown."""
        if not self.starts:
            return (self.text,)
        ends = self.starts[1:] + (len(self.text),)
        return tuple(self.text[a:b].strip() for a, b in zip(self.starts, ends))

    @property
    def section(self) -> str:
        """The heading path as people read it: "ADVERSE REACTIONS › CNS Effects"."""
        return " › ".join(self.path)

    @property
    def citation(self) -> str:
        parts = [self.document] + ([self.section] if self.section else [])
        return " › ".join(parts) + f" ¶{self.ordinal}" + (f" (revised {self.revised})" if self.revised else "")


def _words(text: str) -> int:
    return len(text.split())


def _units(block: Block, split) -> list[str]:
    """Sentences of a block; the last sentence carries the bullet list it introduces."""
    sentences = [piece for sentence in split(block.text) for piece in _cut(sentence)] if block.text else []
    if not block.bullets:
        return sentences
    intro = sentences.pop() + "\n" if sentences else ""
    groups: list[list[str]] = [[]]
    items = [piece for bullet in block.bullets for piece in _cut(bullet)]
    for item in items:  # a long list is cut, each part under its introduction
        if groups[-1] and _words(intro + " ".join(groups[-1] + [item])) > 2 * TARGET_WORDS:
            groups.append([])
        groups[-1].append(item)
    return sentences + [intro + "\n".join(f"• {b}" for b in group) for group in groups]


def _cut(sentence: str) -> list[str]:
    """A 'sentence' far past a passage's length (a run-on line, a table) cut at word boundaries."""
    tokens = sentence.split(" ")
    if len(tokens) <= 2 * TARGET_WORDS:
        return [sentence]
    return [" ".join(tokens[i:i + TARGET_WORDS]) for i in range(0, len(tokens), TARGET_WORDS)]


def _chunks(units: list[str]) -> list[tuple[str, tuple[int, ...]]]:
    chunks: list[list[str]] = [[]]
    for unit in units:
        if chunks[-1] and _words(" ".join(chunks[-1] + [unit])) > TARGET_WORDS:
            chunks.append([])
        chunks[-1].append(unit)
    # a short tail reads better with the sentences before it
    if len(chunks) > 1 and _words(" ".join(chunks[-1])) < MIN_WORDS:
        tail = chunks.pop()
        chunks[-1].extend(tail)
    return [_join(c) for c in chunks if c]


def _join(units: list[str]) -> tuple[str, tuple[int, ...]]:
    """Sentences joined by spaces (a bullet list keeps a line break after it), and where each begins."""
    out, starts = units[0], [0]
    for prev, unit in zip(units, units[1:]):
        out += "\n" if "\n• " in prev else " "
        starts.append(len(out))
        out += unit
    return out, tuple(starts)


def split_document(doc: Document) -> list[Passage]:
    splitter = sentence_splitter(doc.text)
    split = lambda text: [s.strip() for s in splitter.tokenize(text) if s.strip()]  # noqa: E731
    passages: list[Passage] = []
    used_ids: set[str] = set()
    for section in parse_sections(doc.text, doc.title):
        name = " › ".join(section.path)
        groups: list[list[str]] = []
        pending: list[str] = []
        for block in section.blocks:
            pending.extend(_units(block, split))
            if _words(" ".join(pending)) >= MIN_WORDS or block.bullets:
                groups.append(pending)
                pending = []
        if pending:
            if groups and _words(" ".join(groups[-1] + pending)) <= TARGET_WORDS + MIN_WORDS:
                groups[-1].extend(pending)
            else:
                groups.append(pending)
        # a lone label left over from a heading-shaped line ("Drug Facts") says nothing
        chunks = [chunk for group in groups for chunk in _chunks(group) if not is_plain_heading(chunk[0])]
        base = f"{doc.id}:{slugify(section.path[-1]) if section.path else 'intro'}"
        if base in used_ids:
            base = f"{doc.id}:{slugify(name)}"
        while base in used_ids:  # the same heading path twice in one document
            base += "-2"
        used_ids.add(base)
        for n, (text, starts) in enumerate(chunks, 1):
            passages.append(Passage(f"{base}:{n}", doc.title, tuple(section.path), text, n, starts, doc.revised))
    return passages


def split_corpus(docs: list[Document]) -> list[Passage]:
    return [p for doc in docs for p in split_document(doc)]
