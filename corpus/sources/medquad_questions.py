"""MedQuAD questions -> eval cases, each judged by snippets that occur once in the corpus.

An ``expect`` snippet is 8-15 words of the gold answer, verbatim, inside one sentence (so
inside one passage: passages are cut between sentences), and unique in the whole built
corpus, case and spacing aside, so finding it means finding the gold passage. An answer
long enough to fill several passages gets one snippet from each of its halves (thirds when
it is longer still), so the case is met by any of those passages. A case with no unique
snippet is dropped, never judged by a looser string.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from corpus.passages import MIN_WORDS, TARGET_WORDS
from corpus.structure import BULLET, is_plain_heading

from .medquad_pages import Page, Pair

SIZES = (12, 15, 10, 8)  # snippet lengths in words, first choice first
KEY = 6  # a snippet is unique when it holds, away from its ends, a 6-word run found once
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])")
ENDS_SENTENCE = re.compile(r"[.!?][)\]\"'”’]*$")
MAX_SENTENCE = 2 * TARGET_WORDS - 10  # longer "sentences" are cut mid-way by the splitter


def fold(text: str) -> str:
    """How the evaluator compares: case-insensitive, runs of spaces and line breaks as one space."""
    return " ".join(text.split()).casefold()


def tidy(question: str) -> str:
    """Minimal clean-up: "what is (are) X ?" -> "What is X?"; the wording is otherwise kept."""
    question = re.sub(r"^(what is) \(are\) ", r"\1 ", " ".join(question.split()), flags=re.I)
    question = re.sub(r"\s*\?(?:\s*\?)*$", "?", question)
    return question[:1].upper() + question[1:]


def about_it(question: str, focus: str) -> str | None:
    """The question with its focus replaced by "it", or None when the focus is not in it."""
    pattern = re.compile(r"(?<!\w)" + re.escape(focus) + r"(?!\w)", re.I)
    return tidy(pattern.sub("it", question)) if pattern.search(question) else None


class Snippets:
    """Picks unique snippets against the folded text of every built document."""

    def __init__(self, documents: list[str]):
        self.folded = " \x00 ".join(fold(text) for text in documents)
        tokens = self.folded.split(" ")
        self.runs = Counter(tuple(tokens[i:i + KEY]) for i in range(len(tokens) - KEY + 1))

    def count(self, snippet: str) -> int:
        return self.folded.count(fold(snippet))

    def _unique(self, words: list[str]) -> str | None:
        folded = [w.casefold() for w in words]
        once = [self.runs[tuple(folded[i:i + KEY])] == 1 for i in range(len(words) - KEY + 1)]
        for size in SIZES:
            for start in range(len(words) - size + 1):
                inner = range(start + 1, start + size - KEY)  # runs inside, ends excluded
                window = words[start:start + size]
                if any(ENDS_SENTENCE.search(w) for w in window[:-1]):
                    continue  # a sentence may end inside: the window could straddle two passages
                if any(once[i] for i in inner):
                    return " ".join(window)
        return None

    def pick(self, answer: str) -> list[str]:
        sentences: list[tuple[int, list[str]]] = []  # (word offset in the answer, words)
        offset = 0
        for para in answer.split("\n\n"):
            if is_plain_heading(para):  # the loader makes such a line a heading, not passage text
                offset += len(para.split())
                continue
            marker = BULLET.match(para)
            for sentence in SENTENCE.split(para[marker.end():] if marker else para):
                words = sentence.split()
                if len(words) <= MAX_SENTENCE:
                    sentences.append((offset, words))
                offset += len(words)
        parts = 1 if offset <= TARGET_WORDS + MIN_WORDS else 2 if offset <= 3 * TARGET_WORDS else 3
        anchors = [offset * i // parts for i in range(parts)] + [offset]
        chosen: list[str] = []
        for start, end in zip(anchors, anchors[1:]):
            for at, words in sentences:
                snippet = self._unique(words) if start <= at < end else None
                if snippet and snippet not in chosen:
                    chosen.append(snippet)
                    break
        return chosen


GENERIC = {"disease", "diseases", "disorder", "disorders", "syndrome"}


def names_its_focus(page: Page) -> bool:
    """False for a page filed under the wrong focus (0000187 is a Lyme disease page filed as
    Machado-Joseph Disease): none of the focus's own words occurs in its answers. Its
    document stays; its questions are not asked, their gold answers being about another condition."""
    text = fold(" ".join(pair.answer for pair in page.pairs))
    words = [w for w in re.findall(r"\w+", page.focus.casefold()) if len(w) > 3 and w not in GENERIC]
    return fold(page.focus) in text or any(w in text for w in words)


def case(id: str, turns: list[str], expect: list[str], tag: str) -> dict:
    return {"id": id, "turns": turns, "expect": expect, "answerable": True, "emergency": False, "tag": tag}


def single_cases(pages: list[Page], snippets: Snippets, rng: random.Random, size: int) -> list[dict]:
    pool = [(page, pair) for page in pages if names_its_focus(page) for pair in page.pairs]
    kept: dict[int, dict] = {}
    for n in rng.sample(range(len(pool)), len(pool)):  # a seeded shuffle, taken until ``size`` cases
        page, pair = pool[n]
        expect = snippets.pick(pair.answer)
        if expect:
            kept[n] = case(f"{page.name}-{pair.pid}", [tidy(pair.question)], expect, pair.qtype)
        if len(kept) == size:
            break
    return [kept[n] for n in sorted(kept)]


def _opening(page: Page, second: Pair) -> Pair:
    others = [p for p in page.pairs if p is not second]
    return next((p for p in others if p.qtype == "information"), others[0])


def followup_cases(pages: list[Page], snippets: Snippets, rng: random.Random, size: int) -> list[dict]:
    """Two turns: a question of the page, then another of its questions about "it"."""
    pages = [page for page in pages if names_its_focus(page)]
    kept: dict[int, dict] = {}
    for n in rng.sample(range(len(pages)), len(pages)):
        page = pages[n]
        seconds = [p for p in page.pairs if p.qtype != "information" and about_it(p.question, page.focus)]
        for second in rng.sample(seconds, len(seconds)):
            expect = snippets.pick(second.answer)
            if expect and len(page.pairs) > 1:
                turns = [tidy(_opening(page, second).question), about_it(second.question, page.focus)]
                kept[n] = case(f"{page.name}-{second.pid}-followup", turns, expect, f"followup-{second.qtype}")
                break
        if len(kept) == size:
            break
    return [kept[n] for n in sorted(kept)]
