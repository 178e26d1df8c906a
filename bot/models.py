"""The values that cross module boundaries: answers and the fixed wording they carry."""

from __future__ import annotations

from dataclasses import dataclass

from index import Hit

DISCLAIMER = (
    "This is general information from a published monograph, not medical advice. "
    "Talk to your doctor or pharmacist about your own situation. In an emergency, call 911."
)
MAX_QUESTION_CHARS = 2000


@dataclass(frozen=True)
class Extract:
    """The sentence (or two) that answers: a verbatim slice of one shown passage; with ``also``,
    a second sentence, from another shown passage, that answers nearly as well."""

    text: str
    passage_id: str
    citation: str
    also: Extract | None = None

    @property
    def parts(self) -> tuple[Extract, ...]:
        """Each passage's sentences in the answer, the first passage's first, each with its citation."""
        return (self,) if self.also is None else (self, self.also)

    @property
    def whole(self) -> str:
        """The answer as read: its parts' sentences in order."""
        return " ".join(part.text for part in self.parts)


@dataclass(frozen=True)
class Warning:
    """A document's boxed warning, shown as a banner above any answer from that document."""

    title: str  # "WARNING: SERIOUS INFECTIONS and MALIGNANCIES"
    passage_id: str
    citation: str


@dataclass(frozen=True)
class Answer:
    question: str  # as asked
    query: str  # what was searched, after follow-up handling
    answered: bool  # false when the bot declines
    passages: tuple[Hit, ...]  # best first; empty when declined
    safety_notice: str | None
    disclaimer: str
    text: str  # the whole reply as a person sees it
    notes: tuple[str, ...] = ()  # dosing note, truncation, typo corrections, the decline itself
    followup: bool = False
    coverage: float = 0.0  # share of the question's content the best passage covers
    caveat: tuple[str, ...] = ()  # the question's words or phrases that the shown passages do not cover
    extract: Extract | None = None  # the sentence that answers, shown first; None when declined
    marks: tuple[str, ...] = ()  # per shown passage, its answering sentence (a slice of its text) or ""
    boxed_warning: Warning | None = None  # the answering document's boxed warning, shown above the answer
    pinned: int = 0  # the first passages are the document's own words on what to do now: kept, first, in order
