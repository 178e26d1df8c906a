"""Reading a document's structure: headings, paragraphs, bullet lists and page furniture.

Rules, not edits: a line is a heading, a bullet, furniture or text by its shape, so the
same rules serve a web article in plain text and an FDA label in Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BULLET = re.compile(r"^\s*(?:[-*+•·▪◦‣]|\d{1,2}[.)])\s+")
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
QUESTION_START = re.compile(
    r"^(what|how|who|whom|why|when|where|which|is|are|can|could|do|does|did|should|will|would|may)\b", re.I
)
WH_START = re.compile(r"^(what|how|who|why|when|where|which)\s", re.I)
SMALL_WORDS = {
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with", "vs", "via", "per",
}
# Web-page furniture: reading-time lines, photo captions, calls to action. A furniture
# heading opens a section that is left out up to the next real heading.
READING_TIME = re.compile(r"^\d+\s*(min|minute)s?\.?\s+read\b", re.I)
CAPTION = re.compile(r"^[\w&'’ .-]{0,80}\b(photo|image|logo|icon|thumbnail)$", re.I)
FURNITURE_HEADING = re.compile(
    r"^(need more info\b|(ways to )?(get in )?(contact|touch)( with)? us\b|.*\bcontact us\b|related (articles|posts|pages)\b|"
    r"share (this|on)\b|subscribe\b|sign up\b|newsletter\b|advertisement\b|sponsored\b|skip to\b|back to top\b)",
    re.I,
)


@dataclass
class Block:
    """A paragraph, with the bullet items it introduces."""

    text: str
    bullets: list[str] = field(default_factory=list)


@dataclass
class Section:
    path: tuple[str, ...]  # heading titles, outermost first
    blocks: list[Block] = field(default_factory=list)
    furniture: bool = False


def _clean(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def is_plain_heading(line: str) -> bool:
    """A short line standing alone: a title-case phrase, an ALL-CAPS label, or a question."""
    if not line or len(line) > 80 or BULLET.match(line) or "|" in line:
        return False
    if line[-1] in ".,;:!)]" or line[0] in "(-–—[\"'“‘" or line[0].isdigit():
        return False
    words = line.split()
    if len(words) > 12:
        return False
    if line.endswith("?"):
        return bool(QUESTION_START.match(line)) and len(words) <= 10
    if WH_START.match(line) and len(words) <= 10:
        return True  # "How do I store LIPITOR": a question heading without its mark
    alpha = [w for w in words if any(c.isalpha() for c in w)]
    if not alpha:
        return False
    if line.isupper() and sum(c.isalpha() for c in line) >= 4:
        return True
    if len(alpha) < 2:
        return False
    content = [w for w in alpha if w.lower().strip("(),") not in SMALL_WORDS]
    capital = [w for w in content if w.lstrip("(\"'“").lstrip()[:1].isupper()]
    return len(content) > 0 and len(capital) == len(content)


def _is_furniture_line(line: str) -> bool:
    return bool(READING_TIME.match(line) or CAPTION.match(line))


def _next_content(lines: list[str]) -> list[str | None]:
    """For each line, the next non-blank line after it (None at the end)."""
    out: list[str | None] = [None] * len(lines)
    nxt: str | None = None
    for n in range(len(lines) - 1, -1, -1):
        out[n] = nxt
        if lines[n]:
            nxt = lines[n]
    return out


def _heads_nothing(next_line: str | None) -> bool:
    """A heading-shaped line followed by another heading or the end is text ("Phenylephrine HCl 2.5")."""
    return next_line is None or bool(MD_HEADING.match(next_line)) or is_plain_heading(next_line)


def parse_sections(text: str, title: str = "") -> list[Section]:
    """Group a document's lines into sections of blocks, headings nested by level."""
    stack: list[tuple[int, str]] = []
    sections = [Section(path=())]
    para: list[str] = []

    def flush_para() -> None:
        if para:
            sections[-1].blocks.append(Block(" ".join(para)))
            para.clear()

    def open_section(level: int, heading: str, furniture: bool = False) -> None:
        flush_para()
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, heading))
        sections.append(Section(path=tuple(h for _, h in stack), furniture=furniture))

    first_content = True
    lines = [_clean(raw) for raw in text.split("\n")]
    following = _next_content(lines)
    for n, line in enumerate(lines):
        if not line:
            flush_para()
            continue
        md = MD_HEADING.match(line)
        if md:
            open_section(len(md.group(1)), _clean(md.group(2)))
            first_content = False
            continue
        if re.fullmatch(r"[-=_*]{3,}", line) or _is_furniture_line(line):
            flush_para()
            continue
        if first_content and title and line.casefold() == title.casefold() and is_plain_heading(line):
            first_content = False  # the title repeated as the first line is not a section
            continue
        first_content = False
        if FURNITURE_HEADING.match(line) and len(line) <= 80:
            open_section(7, line, furniture=True)
            continue
        if is_plain_heading(line) and not _heads_nothing(following[n]):
            open_section(7, line)
            continue
        bullet = BULLET.match(line)
        if bullet:
            flush_para()
            item = line[bullet.end():].strip()
            blocks = sections[-1].blocks
            if blocks and (blocks[-1].text.endswith(":") or blocks[-1].bullets):
                blocks[-1].bullets.append(item)
            else:
                blocks.append(Block("", [item]))
            continue
        if "|" in line:  # a table row is a unit of its own
            flush_para()
            sections[-1].blocks.append(Block(line))
            continue
        if para and para[-1][-1] in ".?!:":
            flush_para()  # a line that ends a sentence ends its paragraph; others are hard wraps
        para.append(line)
    flush_para()
    return [s for s in sections if s.blocks and not s.furniture]
