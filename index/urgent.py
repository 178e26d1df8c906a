"""What the document itself calls urgent, found once when the index is built.

A monograph says in its own words which situations cannot wait: "get medical help right
away", "medical help should be sought immediately", "potentially fatal", what sudden
withdrawal or an overdose does, and the most a person should take in a day. Those
sentences, with their terms, are kept here so that a message describing one of them
happening now can get the emergency notice, and the passage that says what to do can
be shown first, on documents nobody has read for the bot. Finding them is by the
document's wording and headings only; matching a user's words to them is the bot's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus import Passage

from .tokenizer import normalize, tokenize

# The document tells the reader to act now (patient leaflets and clinician labels alike).
_HELP = re.compile("|".join((
    r"\b(right away|immediately|at once|promptly|without delay|call 911)\b",
    r"\bemergency (room|department|medical|help|care|treatment)\b", r"\bpoison (control|help|center)\b",
    r"\bget (emergency )?medical (help|attention|care)\b", r"\bseek (immediate |emergency |prompt )?medical\b",
    r"\bgo to the (nearest )?(hospital|emergency)\b",
    r"\bdiscontinue\w* (\w+ ){0,4}if (a |the )?(patient|patients|you|they) (develops?|experiences?|has|have|gets?)\b",
    r"\bstop (taking|using) (\w+ ){0,3}(and|if)\b",
    # a label's "if X occurs (or develops), discontinue": the serious event it names calls for stopping now
    r"\bif (a |an |the )?(patient )?(develops |experiences )?(symptoms|signs|serious|severe|a serious|a severe)\b[^.;]{0,60}"
    r"\b(occurs?|develops?|is suspected)\b,? (\w+ )?discontinue\b",
    r"\bdiscontinue (\w+ ){0,4}if (a |an )?(serious|severe|signs|symptoms)\b",
    r"\bdiscontinue (\w+ ){0,2}in patients (that|who) (have )?(experienced|develop\w*)\b")))
# "Start the infusion immediately after preparation", "if not used immediately, store ...": handling the
# product at once, not a person who needs help; such a sentence counts only with an instruction to act for one
_HANDLING = re.compile(r"\b(infusion solution|diluted|dilut\w+|prepar\w+|stor(e|ed|age)|refrigerat\w+|vials?|"
                       r"reconstitut\w+|discard\w*|room temperature|protected from light)\b")
_ACTION = re.compile(r"\b(medical|emergency|911|poison|hospital|doctor|physician|healthcare provider|discontinue\w*|"
                     r"stop (taking|using))\b")
# The document says it can kill or must be stopped at once.
_GRAVE = re.compile(r"\b(life[- ]threatening|fatal|fatalities|death|deaths|died|sudden death)\b")
_WITHDRAWAL = re.compile(  # stopping the drug itself, not "alcohol withdrawal syndrome"
    r"\b((abrupt|sudden|rapid)(ly)? (withdrawal|discontinu\w+|cessation|stopp\w+|stop)|"
    r"(stop|stopp\w+|discontinu\w+)( \w+){0,4} (abrupt|sudden)\w*)\b")
_OVERDOSE = re.compile(  # what an overdose does or what to do about one, not overdose statistics
    r"\b((signs?|symptoms?|manifestations?|treatment|management|case|event) of (an |acute )?overdos\w+|"
    r"overdos\w+ (may|can|could|would|causes?|results?|produces?|leads?)|(take|taken|took|use|used) too much)\b")
# "The maximum recommended daily dose ... is 100 mg", "should not exceed 80 mg per day",
# "Daily dosages up to 100 mg": the most a person should take, per document.
_MAXIMUM = re.compile(
    r"\b(maximum|max\.?|highest|not (to )?exceed|no more than|up to|doses? (above|(higher|greater|more) than)|"
    r"(not|never) (take|use|give) more than)\b"
    r"[^.;]{0,60}?"
    r"(?P<mg>\d+(?:\.\d+)?) ?mg\b(?! ?/ ?(kg|m2|m²|ml|l\b|h|hr|hour|min))")
_DAILY = re.compile(r"\b(daily|a day|per day|/ ?day|each day|in (one|a|1) day|in 24 hours)\b")
_WEEKLY = re.compile(r"\b(weekly|a week|per week|/ ?week|each week)\b")
# Signs that are life-threatening on any label: a short list that names one of them makes its
# other items urgent too ("spasm of the neck ... progressing to ... difficulty breathing").
_ALARM = re.compile(
    r"\b(difficulty (in )?breathing|trouble breathing|respiratory (depression|arrest|failure)|seizures?|convulsions?|"
    r"loss of consciousness|coma|anaphyla\w+|angioedema|cardiac arrest)\b")
# a trial's or a population's figures ("reported in 2% of subjects", "a 2.5-fold increase in overdose deaths from
# the years 2001-2013") report deaths and events without tying them to the drug or saying what to do
STATISTICS = re.compile(r"\b(placebo|trials?|study|studies|subjects|incidence|prevalence|hazard ratio|patient-years)\b|%"
                        r"|\b\d+(\.\d+)?-fold\b|\b(19|20)\d\d ?(-|–|to|and) ?((19|20)\d\d|\d\d)\b")
MAX_LIST = 8  # items (commas) in a sentence that an alarm sign makes urgent; longer lists are catalogues
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(•])")


@dataclass(frozen=True)
class Urgent:
    """One of the document's own urgent statements."""

    passage: int  # the passage's number in the index
    kind: str  # "help", "withdrawal", "overdose", "grave", "maximum"
    text: str  # the sentence (with the list it introduces)
    terms: frozenset[str]  # its index terms, for matching symptoms


@dataclass(frozen=True)
class UrgentFacts:
    statements: tuple[Urgent, ...] = ()
    # (document title, mg): the most the document says to take in a day, or in a week when it gives
    # no daily limit; more than that taken at once is more than the document allows
    limits: tuple[tuple[str, float], ...] = ()
    # look-ups built with the statements, so that a message reads a few statements of a library
    # of thousands, not all of them: term -> statements holding it, kind -> statements of it,
    # document title -> its statements (statement numbers)
    by_term: dict[str, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)
    by_kind: dict[str, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)
    by_document: dict[str, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)

    def maximum(self, documents: set[str] | None = None) -> float | None:
        """The lowest stated limit among ``documents`` (all when None): a safe reading."""
        found = [mg for doc, mg in self.limits if documents is None or doc in documents]
        return min(found) if found else None

    def holding(self, terms: tuple[str, ...], among: set[int] | frozenset[int] | None = None) -> frozenset[int] | set[int]:
        """The statements holding every one of ``terms`` (none for no terms), only ``among`` these
        if given (a few documents' statements: then the work is theirs, not the library's)."""
        held = [self.by_term.get(t, frozenset()) for t in terms]
        if not held:
            return frozenset()
        if among is not None:
            return among.intersection(*held)
        return frozenset.intersection(*held)

    def in_documents(self, documents: set[str]) -> set[int]:
        return set().union(*(self.by_document.get(d, ()) for d in documents))


def sentences(text: str) -> list[str]:
    """Sentences of a passage; a list stays with the sentence that introduces it."""
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def kind_of(sentence: str, heading: str) -> str | None:
    """Which kind of urgent statement a sentence is, reading its heading too, or None."""
    text, head = normalize(sentence), normalize(heading)
    if _WITHDRAWAL.search(text) or ("withdraw" in head and not _OVERDOSE.search(text)):
        return "withdrawal"
    if "overdos" in head or _OVERDOSE.search(text) or ("overdos" in text and _HELP.search(text)):
        return "overdose"
    if _HELP.search(text) and not (_HANDLING.search(text) and not _ACTION.search(text)):
        return "help"
    if (_GRAVE.search(text) or (_ALARM.search(text) and text.count(",") < MAX_LIST)) and not STATISTICS.search(text):
        return "grave"
    return None


def maximum_mg(sentence: str) -> tuple[str, float] | None:
    """("day" or "week", mg): the limit a sentence states, or None."""
    text = normalize(sentence)
    period = "day" if _DAILY.search(text) else "week" if _WEEKLY.search(text) else None
    found = [float(m.group("mg")) for m in _MAXIMUM.finditer(text)]
    return (period, max(found)) if period and found else None


# A word each pattern above needs, checked as plain substrings first: most sentences have none,
# so a 100k-passage index is hardly slowed by the search.
_CUES = ("right away", "immediately", "at once", "promptly", "without delay", "911", "emergenc", "poison", "medical",
         "hospital", "discontinu", "stop", "threatening", "fatal", "death", "died", "abrupt", "sudden", "rapid",
         "overdos", "too much", "breath", "respirat", "seizure", "convulsion", "consciousness", "coma", "anaphyla",
         "angioedema", "cardiac arrest", "withdraw")
_LIMIT_CUES = ("maxim", "max", "highest", "exceed", "more than", "up to", "above", "higher than", "greater than")


def _has(text: str, cues: tuple[str, ...]) -> bool:
    return any(c in text for c in cues)


def find_urgent(passages: list[Passage]) -> UrgentFacts:
    statements: list[Urgent] = []
    maxima: dict[tuple[str, str], float] = {}
    for n, passage in enumerate(passages):
        heading = " ".join(passage.path)
        lowered, head = passage.text.lower(), heading.lower()
        if not _has(lowered, _CUES + _LIMIT_CUES) and not _has(head, _CUES):
            continue
        said = sentences(passage.text)
        for i, sentence in enumerate(said):
            low = sentence.lower()
            kind = kind_of(sentence, heading) if _has(low, _CUES) or _has(head, ("withdraw", "overdos")) else None
            limit = maximum_mg(sentence) if "mg" in low and _has(low, _LIMIT_CUES) else None
            if limit:
                key = (passage.document, limit[0])
                maxima[key] = max(limit[1], maxima.get(key, 0.0))
                statements.append(Urgent(n, "maximum", sentence, frozenset(tokenize(sentence))))
            if kind:  # a grave sentence names the danger; the next one often says what it looks like
                told = " ".join(said[i:i + 2]) if kind == "grave" else sentence
                statements.append(Urgent(n, kind, told, frozenset(tokenize(f"{told} {heading}"))))
    documents = dict.fromkeys(doc for doc, _ in maxima)
    limits = tuple((doc, maxima.get((doc, "day")) or maxima[(doc, "week")]) for doc in documents)
    by_term: dict[str, list[int]] = {}
    by_kind: dict[str, list[int]] = {}
    by_document: dict[str, list[int]] = {}
    for n, st in enumerate(statements):
        for term in st.terms:
            by_term.setdefault(term, []).append(n)
        by_kind.setdefault(st.kind, []).append(n)
        by_document.setdefault(passages[st.passage].document, []).append(n)
    return UrgentFacts(tuple(statements), limits, *({k: frozenset(v) for k, v in table.items()}
                                                    for table in (by_term, by_kind, by_document)))
