"""Regular expressions skipped when the text lacks a word they need.

Python's ``re`` tries every alternative of a pattern like ``\\b(?:alt|alt|...)`` at every position of
the text, even when the words the alternatives are made of are nowhere in it. ``gated(pattern)``
reads the pattern once and finds literal strings one of which every match must contain (for
``\\b(fit|seizure) now`` it is {" now"}; for ``\\b(seizure|convulsing) (now|rn)``, {"seizure", "convulsing"}:
the required set whose shortest string is longest). When none of them is
in the text, the pattern cannot match there, so ``search`` returns None and ``finditer`` nothing
without running the pattern; otherwise the pattern runs as it is. The results are the same
either way: only the work is saved. A pattern with no such literals (or read with IGNORECASE)
always runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as _c  # type: ignore[attr-defined]  # the parser re compiles with (3.11+)
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

_MIN = 2  # a one-character gate is in almost every text: it saves nothing


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several required sets: the one whose shortest string is longest."""
    good = [c for c in candidates if c and min(map(len, c)) >= _MIN]
    return max(good, key=lambda c: (min(map(len, c)), -len(c))) if good else None


def _required(items: Any) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence contains, or None if unknown."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        close()
        if op is _c.SUBPATTERN:
            sub = None if av[1] & re.IGNORECASE else _required(av[-1])
        elif op is _c.BRANCH:
            branches = [_required(b) for b in av[1]]
            sub = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            sub = _required(av[2])
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            sub = _required(av)
        else:  # a class, a wildcard, an anchor, a lookaround, an optional part: nothing required of it
            sub = None
        if sub is not None:
            candidates.append(sub)
    close()
    return _best(candidates)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literal strings one of which every match of ``pattern`` contains; None when there are none to use."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):  # pragma: no cover - an unreadable pattern simply always runs
        return None
    return _literals_of(tree)


def _literals_of(tree: Any) -> tuple[str, ...] | None:
    try:
        found = _required(tree)
    except RecursionError:  # pragma: no cover - a pattern nested too deep to read simply always runs
        return None
    return tuple(sorted(found)) if found else None


class _Literals:
    """An alternative's required literals, for ``Gates`` (which reads only ``literals``)."""

    __slots__ = ("literals",)

    def __init__(self, literals: tuple[str, ...] | None):
        self.literals = literals


class Gated:
    """A compiled pattern that is not run on a text holding none of its required literals."""

    __slots__ = ("literals", "pattern")

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self.literals = required_literals(pattern)

    def possible(self, text: str) -> bool:
        """False only when the pattern cannot match anywhere in ``text``."""
        if self.literals is None:
            return True
        for literal in self.literals:
            if literal in text:
                return True
        return False

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.pattern.search(text, *args) if self.possible(text) else None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self.pattern.match(text, *args) if self.possible(text) else None

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return self.pattern.fullmatch(text, *args) if self.possible(text) else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, *args) if self.possible(text) else iter(())

    def findall(self, text: str, *args: int) -> list[Any]:
        return self.pattern.findall(text, *args) if self.possible(text) else []

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return self.pattern.sub(repl, text, count) if self.possible(text) else text

    def __getattr__(self, name: str) -> Any:  # flags, groups, split, ...: the pattern's own
        return getattr(self.pattern, name)

    def __repr__(self) -> str:
        return f"Gated({self.pattern!r}, {self.literals!r})"


def gated(pattern: str | re.Pattern[str], flags: int = 0) -> Gated:
    return Gated(re.compile(pattern, flags) if isinstance(pattern, str) else pattern)


class Gates:
    """Gated patterns whose literals are looked for together, once each per text."""

    __slots__ = ("_always", "_by_literal")

    def __init__(self, patterns: list[Gated] | tuple[Gated, ...]):
        self._always = frozenset(n for n, p in enumerate(patterns) if p.literals is None)
        needed: dict[str, list[int]] = {}
        for n, p in enumerate(patterns):
            for literal in p.literals or ():
                needed.setdefault(literal, []).append(n)
        self._by_literal = tuple((literal, tuple(ns)) for literal, ns in needed.items())

    def possible(self, text: str) -> list[int]:
        """The numbers of the patterns that may match in ``text``, in order."""
        found = set(self._always)
        for literal, numbers in self._by_literal:
            if literal in text:
                found.update(numbers)
        return sorted(found)


_ALTERNATIONS: list[Alternation] = []  # every one made, for ``compile_alternations``


def compile_alternations() -> None:
    """Compile every alternation's alternatives: what a first message would otherwise compile."""
    for alternation in list(_ALTERNATIONS):
        alternation.compile_all()


class Alternation:
    """``prefix(?:alt|alt|...)`` searched as its alternatives, each gated on its own words.

    A message holds the words of few of a long list's alternatives, and one pattern of them all is
    tried alternative by alternative at every position; here only the alternatives whose words are
    in the text are run. The match is the one the whole pattern finds: the leftmost, and at that
    position the first alternative in order (the match objects are the alternatives' own, so only
    ``group()``, ``start()``, ``end()`` and ``span()`` are the whole pattern's). ``finditer`` goes on
    from each match's end as ``re`` does; an alternative that could match nothing is not split out.
    """

    __slots__ = ("_gates", "_sources", "parts", "pattern")

    def __init__(self, alternatives: list[str] | tuple[str, ...], prefix: str = ""):
        self.pattern = re.compile(rf"{prefix}(?:{'|'.join(alternatives)})")
        # each alternative is parsed once here (its words, whether it can match nothing) and compiled
        # only when a text first holds its words: compiling them all cost start-up a tenth of a second
        self._sources = [rf"{prefix}(?:{a})" for a in alternatives]
        trees = [_p.parse(src, 0) for src in self._sources]
        empty = any(tree.getwidth()[0] == 0 for tree in trees)
        self.parts: list[re.Pattern[str] | None] | None = None if empty else [None] * len(trees)
        self._gates = Gates([_Literals(_literals_of(tree)) for tree in trees])  # each literal looked for once
        _ALTERNATIONS.append(self)

    def compile_all(self) -> None:
        """Compile every alternative now (the front ends' warm-up does, in its thread)."""
        for n in range(len(self._sources) if self.parts is not None else 0):
            self._part(n)

    def _part(self, n: int) -> re.Pattern[str]:
        part = self.parts[n]
        if part is None:
            part = self.parts[n] = re.compile(self._sources[n])
        return part

    def _possible(self, text: str) -> list[re.Pattern[str]]:
        """The alternatives that may match in ``text``, in order."""
        return [self._part(n) for n in self._gates.possible(text)]

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if self.parts is None:
            return self.pattern.search(text, pos)
        return self._first(self._possible(text), text, pos)

    @staticmethod
    def _first(parts: list[re.Pattern[str]], text: str, pos: int) -> re.Match[str] | None:
        """The leftmost match of any of ``parts``, the first in order at that position."""
        best = None
        for part in parts:
            m = part.search(text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
                if m.start() == pos:
                    break
        return best

    def found(self, text: str) -> bool:
        """Whether the pattern matches anywhere: the first alternative found will do."""
        if self.parts is None:
            return self.pattern.search(text) is not None
        return any(part.search(text) is not None for part in self._possible(text))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.parts is None:
            yield from self.pattern.finditer(text)
            return
        parts, pos = self._possible(text), 0
        while (m := self._first(parts, text, pos)) is not None:  # no alternative matches empty: each ends past pos
            yield m
            pos = m.end()

    def __repr__(self) -> str:
        return f"Alternation({self.pattern.pattern!r})"
