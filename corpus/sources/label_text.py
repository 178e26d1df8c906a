"""One openFDA label section, a single run of text, -> Markdown lines with real headings.

openFDA serves a section as one string with its numbered headings inline: "6 ADVERSE
REACTIONS The following ... 6.1 Clinical Trials Experience Because clinical trials ...".
A heading is found by its shape, the same way for every product:

- its number continues the section's numbering (the section is 6: 6.1, then 6.2 or 6.1.1,
  always rising) and is not a cross-reference: not after "(", ",", "see", "to", "Table";
- a Title-Case or UPPER-CASE run follows it (small words like "of", "in" may sit inside);
- the run ends where the text's first sentence begins: at a capitalised small word ("The",
  "In", "As"), an imperative ("Administer", "Allow") not after a small word, a word
  repeating the one before it or the heading's first word, or, when the run stops at a
  lowercase word, at the run's last capitalised word ("Rheumatoid Arthritis | Enbrel is
  indicated"), taking a brand name in capitals with it ("| SIMPONI ARIA is").

Nothing is added or dropped: the Markdown's words, heading markers aside, are the source's
words in order, which ``fda_labels.check_words`` holds every document to.
"""

from __future__ import annotations

import re

SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with",
         "vs", "via", "per", "due", "than", "versus", "without"}
STARTERS = SMALL | {"if", "when", "because", "although", "while", "unless", "before", "after", "during", "this",
                    "these"}
IMPERATIVES = {"administer", "allow", "apply", "assess", "avoid", "check", "complete", "consider", "discontinue", "do",
               "evaluate", "inject", "initiate", "inspect", "monitor", "obtain", "perform", "reconstitute", "remove",
               "store", "use", "withhold"}
NOT_BEFORE_HEADING = {"see", "to", "and", "or", "in", "of", "table", "figure", "section", "sections"}
NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,2}")
MAX_HEADING_WORDS = 24
BULLET = "•"


def _core(word: str) -> str:
    return word.strip("()[],;:.'\"“”‘’")


def _kind(word: str) -> str:
    core = _core(word)
    if not core:
        return "symbol"
    if core.lower() in SMALL and core.islower():
        return "small"
    if core[0].isupper():
        return "capital"
    if core[0].isdigit():
        return "number"
    return "lower" if core[0].islower() else "symbol"


def _capitals(word: str) -> bool:
    """A brand name in capitals ("SIMPONI", "RINVOQ/RINVOQ"), not a bracketed "(RA)"."""
    core = _core(word)
    return not word.startswith("(") and sum(c.isalpha() for c in core) >= 2 and core.upper() == core


def title_length(words: list[str]) -> int:
    """How many of ``words`` (the words after a heading number) are the heading's title."""
    if not words or _kind(words[0]) != "capital" or _core(words[0]).lower() in STARTERS:
        return 0
    kinds: list[str] = []
    stop = "end"
    for n, word in enumerate(words):
        kind, low = _kind(word), _core(word).lower()
        if n == MAX_HEADING_WORDS:
            return 0  # a run this long is a table or a list of names, not a heading
        if kind == "capital" and n:
            prev = _core(words[n - 1]).lower()
            # an imperative opens the text, unless it is a noun after a small word: "for (Intravenous) Use"
            after_small = kinds[-1] == "small" or (kinds[-2:-1] == ["small"] and not _capitals(words[n - 1]))
            imperative = low in IMPERATIVES and not after_small
            if low in STARTERS or imperative or low in (prev, _core(words[0]).lower()):
                stop = "sentence"
                break
            if word[-1] in ".:;":  # "Adult Patients:" is a label opening the text
                stop = "lower"
                break
        if word.isdigit() and n + 1 < len(words) and _kind(words[n + 1]) == "capital":
            kind = "small"  # "Patients 2 Years of Age": a number inside the title
        if kind in ("lower", "number") or (kind == "symbol" and word != "®" and word != "™"):
            stop = "lower" if kind == "lower" else "other"
            break
        kinds.append(kind)
    n = len(kinds)
    if stop == "lower":  # the sentence began at the last capitalised word
        capitals = [i for i, kind in enumerate(kinds) if kind == "capital"]
        n = capitals[-1] if capitals else 0
        while n > 0 and kinds[n - 1] == "capital" and _capitals(words[n - 1]):
            n -= 1  # a brand name in capitals opens the sentence with it: "| CIMZIA Lyophilized powder"
        if n > 1 and words[n - 1] == "to":
            n -= 2  # "| Prior to RINVOQ treatment": a heading does not end in "to"
    while n > 0 and kinds[n - 1] != "capital":
        n -= 1
    return n


def _parts(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split("."))


def split_headings(words: list[str], top: str) -> list[tuple[str, list[str]]]:
    """Cut a section's words at its numbered sub-headings: [(heading, body words), ...].

    The first item's heading is "" (the words before the first sub-heading)."""
    out: list[tuple[str, list[str]]] = [("", [])]
    last = _parts(top)
    n = 0
    while n < len(words):
        word = words[n]
        prev = words[n - 1] if n else ""
        if (NUMBER.fullmatch(word) and word.startswith(top + ".") and _parts(word) > last
                and not prev.endswith(("(", ",")) and _core(prev).lower() not in NOT_BEFORE_HEADING):
            size = title_length(words[n + 1:])
            if size:
                last = _parts(word)
                out.append((" ".join(words[n:n + 1 + size]), []))
                n += 1 + size
                continue
        out[-1][1].append(word)
        n += 1
    return out


def boxed_title_length(words: list[str]) -> int:
    """The boxed warning's own title: "WARNING:" and the capitals after it, up to a repeat."""
    if not words or words[0] != "WARNING:":
        return 0
    n = 1
    while n < len(words) and n < MAX_HEADING_WORDS:
        word = words[n]
        if n > 1 and word in (words[0], words[1]):
            break
        if not (_capitals(word) or word.startswith("(") and _capitals(word[1:]) or _kind(word) == "small"):
            break
        n += 1
    while n > 1 and _kind(words[n - 1]) == "small":
        n -= 1
    return n if n > 1 else 0


def paragraph_lines(words: list[str]) -> list[str]:
    """A body's words as lines: the text, then one line per "•" item."""
    lines: list[list[str]] = [[]]
    for word in words:
        if word.startswith(BULLET) and lines[-1]:
            lines.append([])
        lines[-1].append(word)
    return [" ".join(line) for line in lines if line]
