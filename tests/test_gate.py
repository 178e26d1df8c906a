"""Gated patterns find exactly what the patterns themselves find (``bot/gate.py``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot import cues, dosing, safety, symptoms
from bot.cues import normalized, sentences
from bot.gate import Alternation, gated, required_literals

HERE = Path(__file__).parent


def test_required_literals():
    assert required_literals(re.compile(r"\b(seizure|convulsing) (now|rn)")) == ("convulsing", "seizure")
    assert required_literals(re.compile(r"\b(fit|seizure) now")) == (" now",)  # the set whose shortest is longest
    assert required_literals(re.compile(r"\bx\d")) is None  # too short to be worth checking
    assert required_literals(re.compile(r"(abc)?\w+")) is None  # nothing it must contain
    assert required_literals(re.compile(r"(?i)seizure")) is None
    assert required_literals(re.compile(r"(?:x|(?i:seizure))")) is None


def test_gated_skips_only_what_cannot_match():
    p = gated(r"\bstopped (breathing|moving)")
    assert p.search("she stopped breathing").group() == "stopped breathing"
    assert p.search("she is breathing") is None and list(p.finditer("no")) == []
    assert p.sub("X", "he stopped moving") == "he X" and p.sub("X", "calm") == "calm"


def _texts() -> list[str]:
    """Every sentence of the quoted strings in the tests (the safety sets' phrasings and near-misses)."""
    found = set()
    for path in HERE.glob("test_*.py"):
        for text in re.findall(r'"([^"\n]{8,400})"', path.read_text()):
            found.add(normalized(text))
            found.update(s.text for s in sentences(text))
    return sorted(found)


PATTERNS = ([(f"kind {k}", p) for k, p in safety._KIND_PATTERNS.items()] + [("dosing", dosing.DOSING)]
            + [(f"symptom {s.name}", s.said) for s in symptoms.SYMPTOMS]
            + [(n, getattr(cues, n)) for n in ("NOW", "ONGOING", "HYPOTHETICAL", "GENERAL", "QUESTION", "TOPIC",
                                                 "PERSON", "CONDITION", "PAST", "RECOVERED", "FIGURE", "MANNER", "MILD")])


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_same_matches_as_the_whole_pattern(name, pattern):
    whole = pattern.pattern
    for text in _texts():
        ours, theirs = pattern.search(text), whole.search(text)
        assert (ours and ours.span()) == (theirs and theirs.span()), text
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in whole.finditer(text)], text
        if isinstance(pattern, Alternation):
            assert pattern.found(text) == bool(theirs), text
