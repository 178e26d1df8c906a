"""A label's boxed warning: the first thing a clinician must see, above any answer from it.

FDA labels put their most serious warning in a box ("WARNING: SERIOUS INFECTIONS AND
MALIGNANCIES"), shown in label files as a ``BOXED WARNING`` heading or a heading that starts
with "WARNING:". It is found once per index, by heading, and every answer drawn from that
document carries a one-line banner naming it, with the citation of its passage.
"""

from __future__ import annotations

import re
from functools import lru_cache

from corpus import Passage
from index import Index

from .models import Warning

BOXED = re.compile(r"^\s*(boxed warning\b|warning\s*:)", re.I)
TITLE_LIMIT = 120


@lru_cache(maxsize=8)
def boxed_warnings(index: Index) -> dict[str, Warning]:
    """Document title -> its boxed warning, for the documents that have one."""
    found: dict[str, Warning] = {}
    for passage in index.passages:
        if passage.document not in found and any(BOXED.match(h) for h in passage.path):
            found[passage.document] = Warning(_title(passage), passage.id, passage.citation)
    return found


def _title(passage: Passage) -> str:
    named = [h for h in passage.path if h.strip().lower().startswith("warning")]
    title = named[-1] if named else passage.text.split(". ")[0]
    title = " ".join(title.split())
    return title if len(title) <= TITLE_LIMIT else title[: TITLE_LIMIT - 1].rstrip() + "…"


def warning_for(passages: tuple, index: Index) -> Warning | None:
    """The boxed warning of the document the answer comes from (its first passage's)."""
    if not passages:
        return None
    return boxed_warnings(index).get(passages[0].passage.document)
