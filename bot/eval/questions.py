"""Question sets: JSON lines of cases, read strictly, every bad line reported by number.

A line that cannot be read as a case is never dropped quietly: it comes back as a
``LineError`` naming its line, so a typo in a key cannot shrink a set unnoticed.
Blank lines are allowed and carry no case.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from corpus.documents import read_bytes
from corpus.errors import QuestionSetError

KEYS = ("id", "turns", "expect", "answerable", "emergency", "tag")
FORMAT = ('{"id": str, "turns": [str, ...], "expect": [str, ...], '
          '"answerable": bool, "emergency": bool, "tag": str}')


@dataclass(frozen=True)
class Case:
    id: str
    turns: tuple[str, ...]  # asked in order in one fresh session; the last one is scored
    expect: tuple[str, ...]  # any one, case-insensitive, in a top-k passage of the last turn
    answerable: bool  # false: the bot must decline
    emergency: bool  # true: the reply must carry the safety notice
    tag: str
    line: int = 0


@dataclass(frozen=True)
class LineError:
    line: int
    message: str


def read_lines(path: str | Path) -> list[str]:
    path = Path(path)
    raw = read_bytes(path, QuestionSetError, "expected a question set, one JSON case per line", "a .jsonl file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QuestionSetError(f"{path}: is not UTF-8 text (bad byte at offset {exc.start})") from None
    return text.splitlines()


NOT_A_SET_AFTER = 5  # this many bad lines before any good one: the file is not a question set at all


def load_questions(path: str | Path) -> tuple[list[Case], list[LineError]]:
    """The valid cases and, for every other non-blank line, what is wrong with it.

    A file whose first few lines are all wrong (a README, a CSV) stops there with one
    error that says so, instead of a report on each of its lines.
    """
    cases: list[Case] = []
    errors: list[LineError] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(read_lines(path), 1):
        if not line.strip():
            continue
        try:
            case = parse_case(line, number)
        except ValueError as exc:
            errors.append(LineError(number, str(exc)))
            if not cases and len(errors) >= NOT_A_SET_AFTER:
                raise QuestionSetError(
                    f"{path}: does not look like a question set: its first {len(errors)} lines are not cases "
                    f"(line {errors[0].line}: {errors[0].message}); a set has one JSON case per line, "
                    "see README 'Evaluating answers'") from None
            continue
        if case.id in seen:
            errors.append(LineError(number, f"duplicate id {case.id!r} (first on line {seen[case.id]})"))
            continue
        seen[case.id] = number
        cases.append(case)
    return cases, errors


def parse_case(line: str, number: int = 0) -> Case:
    """One case from one line; ``ValueError`` says what is wrong, in words for the file's author."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object {FORMAT}")
    unknown = [key for key in obj if key not in KEYS]
    if unknown:
        raise ValueError(f"unknown key {', '.join(map(repr, unknown))}; the keys are {', '.join(KEYS)}")
    missing = [key for key in KEYS if key not in obj]
    if missing:
        raise ValueError(f"missing key {', '.join(map(repr, missing))}")
    if not isinstance(obj["id"], str) or not obj["id"].strip():
        raise ValueError('"id" must be a non-empty string')
    turns = _strings(obj, "turns")
    if not turns:
        raise ValueError('"turns" must hold at least one question')
    expect = _strings(obj, "expect")
    for key in ("answerable", "emergency"):
        if not isinstance(obj[key], bool):
            raise ValueError(f'"{key}" must be true or false, got {json.dumps(obj[key])}')
    if not isinstance(obj["tag"], str) or not obj["tag"].strip():
        raise ValueError('"tag" must be a non-empty string')
    if obj["answerable"] and not expect:
        raise ValueError('an answerable case needs at least one "expect" string to judge the answer by')
    if not obj["answerable"] and expect:
        raise ValueError('"expect" must be empty when "answerable" is false: the bot is meant to decline')
    return Case(obj["id"], turns, expect, obj["answerable"], obj["emergency"], obj["tag"].strip(), number)


def _strings(obj: dict, key: str) -> tuple[str, ...]:
    value = obj[key]
    if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
        raise ValueError(f'"{key}" must be a list of non-empty strings')
    return tuple(value)
