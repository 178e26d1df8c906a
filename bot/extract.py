"""The sentence that answers: one or two verbatim sentences of a retrieved passage, or one
sentence each of two passages when both answer nearly alike.

Pure, no I/O. The question is read as the search reads it (``query.concepts_of``: each
word or lay phrase with the terms that satisfy it, weighed by idf, framing words at a
fifth), and a sentence is scored by the share of that weight it satisfies (its passage's
heading counting for part), how close together the words stand, and whether it says what
the question's type asks for: a duration for "how long", a dose for "how much", what may
or must not be done for "can I". The text is a slice of the passage, never composed: a
bullet list stays whole with its lead sentence, because passages keep it as one sentence
(``corpus/passages.py``).

The passages shown are then the answer's passage and the others whose BM25 score is
within ``TUNING.show_margin`` of the best, each text once. When another shown passage of
the same document has a sentence that answers at least ``TUNING.answer_second`` as well,
says one of the question's topics and does not repeat the answer, the answer is one
sentence of each, each with its citation (``Extract.also``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from corpus import Passage
from index import TUNING, Hit, Index, tokenize

from .models import Extract
from .query import Concept, concepts_of, subject_terms

_NUM = r"\b\d+(?:[.,]\d+)?(?:\s*(?:-|to|–)\s*\d+(?:[.,]\d+)?)?\s*"
# an amount in words: "several days", "a few weeks", "one to two hours"
_WORDS = (r"\b(several|a few|few|a couple( of)?|many|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
          r"(\s*(-|to|or)\s*(two|three|four|five|six|eight|ten|twelve))?\s+")
# where a document answers the dosing kinds, as its headings say (a heading lift for what ages, what for and how it
# works was tried too: it cost more than it found)
_DOSING = r"\b(dosage|dosing|doses?|administration)\b"


# the words a duration or a frequency is asked with ("how long", "how often"): the kind's, not a topic the answer says
_HOW_LONG = "long|soon|quickly|fast|slowly"
HOW_LONG_OR_OFTEN = re.compile(rf"\bhow ({_HOW_LONG}|often)\b", re.I)


# what it is for: "what is it used for?", "what conditions is Bimzelx approved for?", "what does it treat?"
INDICATION = (r"\b(used for|use[sd]? to|for what|what is \w+ for|indicat\w*|prescribed for|"
              r"(what|which)\b[^?]{0,40}\bapproved (for|to treat))\b|\bwhat (does|do|can) \w+ treat\s*\??\s*$")


# what it is taken with: "can I take it with gabapentin?", "is it ok to mix with wine", "does it interact with ..."
TAKEN_WITH = (r"\b(take|taking|use|using|mix|mixing|combine|combining|have|having|safe|ok|okay|fine|dangerous)\b.{0,30}"
              r"\b(with|together|alongside|on top of)\b|\binteract|\bdrink\w* (\w+ ){0,3}(on|while|with)\b")


@dataclass(frozen=True)
class Kind:
    """A kind of question: what it asks, what an answer to it says; for a kind that names what is asked by itself
    (a duration, a dose, how it works: "how does it work in the body?" asks a mechanism), where a document keeps
    such answers (a heading pattern, or None: anywhere) and the words they are written in, searched beside a
    question with no topic of its own ("how does tralokinumab work?": "antagonist", "inhibitor")."""

    asks: re.Pattern
    says: re.Pattern
    names_topic: bool = False
    heading: re.Pattern | None = None
    words: str = ""


def _kinds(entries: tuple[tuple, ...]) -> tuple[Kind, ...]:
    kinds = []
    for asks, says, *topic in entries:
        heading, words = topic or (None, "")
        kinds.append(Kind(re.compile(asks, re.I), re.compile(says, re.I), bool(topic),
                          re.compile(heading, re.I) if heading else None, words))
    return tuple(kinds)


# (what the question asks, what an answer to it says[, its heading, its words]: a kind that names its topic); the
# first that matches the question counts
QUESTION_TYPES: tuple[Kind, ...] = _kinds((
        (rf"\bhow ({_HOW_LONG})\b|\bhalf[- ]?life\b|\bstays? in\b|\bwhen\b",
         "(" + _NUM + "|" + _WORDS + r")(hours?|hrs?|days?|weeks?|months?|years?|minutes?)\b|\bhalf-life\b|\bwithin\b", None, ""),
        # before the dose: "how often do I need the doses?" asks a frequency
        (r"\bhow often\b", r"\b(daily|once|twice|every|times a|per day|a day)\b", _DOSING, "every weekly daily once"),
        (r"\bhow (much|many)\b|\b(dose|doses|dosage|dosing|mg|strengths?|maximum)\b",
         _NUM + r"(mg|mcg|µg|g|ml|tablets?|capsules?|units?|times)\b", _DOSING, ""),
        # how it is given: "How is Avsola given?", "how do I take it?"
        (r"\bhow (is|are|do|does|should|would|will) (\w+ ){0,3}(given|taken|administered|injected|infused|used|applied|"
         r"delivered|done)\b|\bhow (do|should|to|would|can) (i|you|we|they) (take|use|inject|apply|give|get)\b",
         r"\b(administer\w*|self-inject\w*|inject\w*|infusion|infused|subcutaneous\w*|intravenous\w*|by mouth|orally|"
         r"swallow\w*|applied|apply)\b", _DOSING, "administered injection infusion subcutaneous intravenous orally"),
        # where it goes: "where on my body do I inject it?", "where should I stick the needle?"
        (r"\bwhere\b.{0,40}\b(inject\w*|stick|put|give|shots?|needle|apply|applied|use)\b",
         r"\b(thighs?|abdomen|upper arms?|buttocks?|navel)\b", _DOSING, "thigh abdomen arm"),
        # how young may take it: "can kids use it?", "is it safe for my 10 year old?": the ages it is for (an adults-only
        # label's "adults with"); not the person's own past ("had TB as a kid")
        (r"\b(?<!as a )(?<!as an )(?<!was a )(child|children|kids?|teens?|teenagers?|toddlers?|bab(y|ies)|infants?|"
         r"adolescents?|pediatric|\d+[- ]?(year|yr)s?[- ]?old|son|daughter)\b",
         r"\b\d+ (years|months) (of age )?(and|or) older\b|\b\d+ (years|months) of age\b|\b(in )?adults?( patients)? (with|who)\b",
         r"\b(indications?|pediatric use)\b", ""),
        # what kind of drug: "what kind of drug is abrocitinib?", "is it a steroid?": its class
        (r"\bwhat (kind|type|sort|class) of (drug|medicine|medication|med)\b|^\s*is (it|\w+) an? (steroid|biologic|"
         r"immunosuppressant|antibody|opioid|narcotic|stimulant|sedative|chemo\w*|antibiotic)\b",
         r"\b(inhibitor|blocker|antagonist|agonist|antibody|relaxant|analog\w*|derivative|is an? [\w-]+ (drug|medication))\b",
         None, "inhibitor blocker antagonist agonist antibody"),
        (INDICATION,
         r"\b(used|indicated|treat\w*|reliev\w*|management)\b", None, "indicated treatment"),
        # whether it works for something: "does Opzelura work for vitiligo?", "will it help my eczema?": what it
        # treats and how well, not the yes/no kind's cautions
        (r"^\s*(does|do|will|would|can|could|is|are|did)\b.{0,40}\b((work|works|effective|good) (for|on|against|my|"
         r"your|his|her|the)|(help|helps) (with|for|on|against|my|your|his|her|the))\b",  # not "work with methotrexate"
         # (not "treated with" or "treatment period": a trial's words, not what the drug is for)
         r"\b(indicated|indication|to treat|treatment of|effective\w*|efficacy|improv\w*|success\w*|reliev\w*)\b"),
        (r"\bwhat causes\b|\bcauses? of\b|^\s*why\b", r"\b(caus\w*|due to|because|result\w*|leads? to)\b", None, ""),
        (r"\bhow (does|do|did|can|could|would)\b.{0,40}\b(work|help|act)|\bmechanism\b|\bwhat does \w+( \w+)? do\b",
         r"\bby \w+ing\b|\b(inhibit\w*|block\w*|mimic\w*|bind\w*|acts? (on|as)|works?|mechanism|(ant)?agonists?)\b",
         None, "mechanism action antagonist inhibitor agonist blocker binds"),
        (r"\bhow (is|are)\b.{0,40}\b(treated|managed)\b|\btreatment (of|for)\b",
         r"\b(treatment|management|should (include|be)|discontinu\w*|supportive)\b", None, ""),
        # who gets it: "who is at risk for angina?", "what are the risk factors?"
        (r"\bwho (is|are|gets?|can get)\b.{0,20}\b(risk|likely|gets?|affected)\b|\brisk factors?\b",
         r"\b(risk|more likely|higher chance|common (in|among))\b", None, "risk likely"),
        # what lies ahead: "what is the outlook for X?", "what is the prognosis?"
        (r"\b(outlook|prognosis|life expectancy)\b",
         r"\b(prognosis|outlook|life expectancy|life-threatening|fatal|die|death|surviv\w*|recover\w*|progressive|"
         r"improve\w*|worsen\w*|outcome)\b", None, "prognosis fatal recover progressive"),
        # "can I take it with gabapentin?", "is it ok to mix with wine": what it interacts with
        (TAKEN_WITH,
         r"\binteract\w*|\bavoid\w*|\bco-?administ\w*|\b(taken|used|given) (together )?with\b"),
        (r"\bwho\b.{0,20}\b(not|n't)\b|\b(not|n't) (take|use)\b|\bcontraindicat",
         r"\b(not|never|contraindicated|avoid\w*)\b"),
        (r"\bwho\b.{0,30}\b(for|take|use)\b", r"\b(adults?|children|patients|people|women|men)\b"),
        (r"^\s*(can|could|may|will|would|does|do|did|is|are)\b.{0,60}\b(cause|make|give|increase|lower|raise|"
         r"affect|mess|harm|damage|bad|risk)",
         r"\b(reported|occurr\w*|may cause|can cause|risk|associated|incidence|increase\w*|include\w*)\b"),
        (r"\b(side effects?|symptoms?|signs?|reactions?|what are|which|ingredients)\b",
         r"\n• |:$|\b(include|including|following|such as)\b|(, [^,]+){3,}"),
        (r"^\s*(can|could|may|should|must|will|is it|do i|does)\b",
         r"\b(should|must|not|avoid\w*|caution|contraindicated|recommended)\b"),
    )
)

# "According to the U.S. National Library of Medicine, side effects ...": who says it is not what it is about
ATTRIBUTION = re.compile(r"^\s*(according to|as (reported|stated) (by|in))\b[^,]{0,80},\s*", re.I)


@dataclass(frozen=True)
class Reading:
    """The question as sentences are scored against it."""

    concepts: tuple[tuple[Concept, float], ...]  # each with its weight: the question's own, or an earlier turn's
    wants: re.Pattern | None
    # per concept, as sets (``Concept.satisfied_by`` read with set operations): the user's own
    # terms, all needed, or None when there are none; the clinical alternatives; its weight; and
    # the terms that name its topic (none for a framing word), for the sentence that opens with them
    tests: tuple[tuple[frozenset[str] | None, frozenset[str], float, frozenset[str]], ...] = field(
        init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tests", tuple(
            (frozenset(c.terms[:c.own]) or None, frozenset(c.terms[c.own:]), w,
             frozenset() if c.generic else frozenset(c.terms)) for c, w in self.concepts))

    @property
    def total(self) -> float:
        return sum(w for _, w in self.concepts)


def read(question: str, query: str, hits: Sequence[Hit], index: Index) -> Reading:
    """The question's concepts; a follow-up's earlier words (after " + " in the query) and
    the words the search added (a dosing question's "dose") at less weight."""
    own, _, context = query.partition(" + ")
    concepts = {c.surface: (c, c.weight) for c in concepts_of(question, index)[0] if _known(c, index)}
    for c in concepts_of(context, index)[0] if context else ():
        if c.surface not in concepts and _known(c, index):
            concepts[c.surface] = (c, c.weight * TUNING.answer_context)
    covered = {t for c, _ in concepts.values() for t in c.terms}
    for term in dict.fromkeys(t for h in hits for t in h.matched_terms):
        if term not in covered:
            concepts[term] = (Concept(term, (term,), index.idf(term)), index.idf(term) * TUNING.answer_context)
    # its kind from the question as asked, else as corrected ("how offten"; a follow-up's query keeps only its topic words)
    return Reading(tuple(concepts.values()), wanted(question) or wanted(own))


def _known(concept: Concept, index: Index) -> bool:
    return any(t in index.vocabulary for t in concept.terms)


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    """A sentence's index terms in order; sentences recur from question to question, so they are kept."""
    return tuple(tokenize(text))


@lru_cache(maxsize=8192)
def terms_of(text: str) -> frozenset[str]:
    return frozenset(_tokens(text))


@lru_cache(maxsize=8192)
def _shape(sentence: str) -> tuple[frozenset[str], frozenset[str], int, float]:
    """What ``sentence_score`` reads of a sentence whatever the question: its terms, its opening's
    terms, its length in words and its share of figures (kept, as sentences recur)."""
    tokens = _tokens(sentence)
    opening = frozenset(_tokens(ATTRIBUTION.sub("", sentence, count=1))[:TUNING.answer_opening])
    figures = sum(t[0].isdigit() for t in tokens) / max(len(tokens), 1)
    return terms_of(sentence), opening, len(sentence.split()), figures


@lru_cache(maxsize=2048)
def _kind(question: str) -> Kind | None:
    """The first kind in ``QUESTION_TYPES`` the question matches (kept: the search and the answer both ask it
    of the same question), or None."""
    return next((kind for kind in QUESTION_TYPES if kind.asks.search(question)), None)


def _topic_kind(question: str) -> Kind | None:
    """``_kind``, when it is a kind that names what is asked by itself."""
    kind = _kind(question)
    return kind if kind is not None and kind.names_topic else None


def names_its_topic(question: str) -> bool:
    """The question's type says what it asks, whatever its other words ("in the body", "in your system")."""
    return _topic_kind(question) is not None


def kind_words(question: str) -> str:
    """The words an answer to a question of this kind is written in (``Kind.words``), or ""."""
    kind = _topic_kind(question)
    return "" if kind is None else kind.words


def kind_heading(question: str) -> re.Pattern | None:
    """Where a document answers a question of a kind that names its topic ("how is it given?": under dosage
    and administration), as a pattern over its headings; None for other kinds, or kinds answered anywhere."""
    kind = _topic_kind(question)
    return None if kind is None else kind.heading


def kind_asked(question: str) -> re.Pattern | None:
    """What an answer says, for a question of a kind that names its topic (``names_its_topic``); else None."""
    kind = _topic_kind(question)
    return None if kind is None else kind.says


def wanted(question: str) -> re.Pattern | None:
    kind = _kind(question)
    return None if kind is None else kind.says


def sentence_score(sentence: str, heading: frozenset[str], reading: Reading) -> float:
    """Share of the question's weight the sentence satisfies (its heading's at a share),
    a bonus when it says what the question's type asks for, and one when it opens with a
    word of the question: "Spasticity is caused by ..." states what "... can cause
    spasticity" only mentions. A row of figures (a table) or a fragment says less."""
    total = max(reading.total, TUNING.answer_floor)
    own, opening, n, figures = _shape(sentence)
    both = None  # the sentence's terms with its heading's, made once if a concept needs them
    score, about = 0.0, False
    for needed, clinical, weight, named in reading.tests:
        if (needed is not None and needed <= own) or not clinical.isdisjoint(own):
            score += weight
            about = about or not named.isdisjoint(opening)
        else:
            if both is None:
                both = own | heading
            if (needed is not None and needed <= both) or not clinical.isdisjoint(both):
                score += TUNING.answer_heading * weight
    score /= total
    if reading.wants is not None and reading.wants.search(sentence):
        score += TUNING.answer_type
    if about:
        score += TUNING.answer_subject
    if n < TUNING.answer_short:  # a label or a fragment says little on its own
        score *= 0.5 + 0.5 * n / TUNING.answer_short
    if figures > TUNING.answer_figures:  # mostly numbers: a table's row, not a statement
        score *= 1 - (figures - TUNING.answer_figures)
    return score


@dataclass(frozen=True)
class Choice:
    extract: Extract  # the answer: its first passage's sentence(s), and ``also`` another passage's
    passages: tuple[Hit, ...]  # shown: the answer's first, then the others that matter
    marks: tuple[str, ...]  # per shown passage, the sentence to mark (a slice of its text) or ""


def choose(question: str, query: str, hits: Sequence[Hit], index: Index, k: int, pinned: int = 0,
           single: bool = False) -> Choice | None:
    """The answer and the passages that matter (the answer's passage first, then the retrieval's
    order); None without hits.

    The answer is the sentence, or two adjacent ones, that best answers the question in
    any of the hits, its score weighed by its passage's retrieval score. When another shown
    passage's best sentence scores at least ``TUNING.answer_second`` of it, the passages do
    not tell which one answers: the answer is then one sentence of each, the first passage's
    first (``Extract.also`` holds the second, with its citation; see ``_second`` and
    ``_one_of_two``); never with ``single`` (an emergency's answer). The answer's passage is
    shown, and any other hit within ``TUNING.show_margin`` of the best by either measure:
    its retrieval score against the best hit's, or its best sentence against the answer's.
    The same text is shown once. The first ``pinned`` hits (an emergency's passages on what to
    do) are always shown, first and in their order, and the answer is taken from them.
    """
    if not hits:
        return None
    reading = read(question, query, hits, index)
    top = max(h.score for h in hits)
    picks = [_best_span(hit, reading, _prior(hit, rank, top)) for rank, hit in enumerate(hits)]
    # a follow-up's answer says its own new words ("what about breastfeeding?"), not only the earlier topic
    own = [c for c in concepts_of(query.partition(" + ")[0], index)[0]
           if not c.generic and _known(c, index)] if " + " in query else []
    saying = [i for i in range(len(hits)) if any(c.satisfied_by(terms_of(span_text(
        hits[i].passage.text, hits[i].passage.starts, picks[i].first, picks[i].last))) for c in own)]
    lead = max(range(pinned) if pinned else saying or range(len(hits)), key=lambda i: (picks[i].score, -i))
    if own and lead in saying and picks[lead].last > picks[lead].first:  # two: the answer opens with the new words
        p, span = hits[lead].passage, picks[lead]
        opening = terms_of(span_text(p.text, p.starts, span.first, span.first))
        named = subject_terms(index) | terms_of(p.document)  # what the document is about, not a topic asked before
        earlier = [c for c in concepts_of(query.partition(" + ")[2], index)[0]
                   if not c.generic and _known(c, index) and not c.satisfied_by(named)]
        if not any(c.satisfied_by(opening) for c in own) and any(c.satisfied_by(opening) for c in earlier):
            # "What about breastfeeding?" opens with breast milk, not with the pregnancy sentence asked about
            # before (a sentence naming only what the document is about, "Alpers' disease", still leads)
            picks[lead] = span._replace(first=span.last)
    answer_raw = picks[lead].single
    near = 1 - TUNING.show_margin
    keep: list[int] = []
    seen: set[str] = set()
    for i in sorted(range(len(hits)), key=lambda i: i != lead):  # the answer's passage is never left out
        key = " ".join(hits[i].passage.text.split()).casefold()
        matters = (i == lead or i < pinned or (top > 0 and hits[i].score >= near * top)
                   or (answer_raw > 0 and picks[i].single >= near * answer_raw))
        if matters and key not in seen and len(keep) < k:
            seen.add(key)
            keep.append(i)
    # the answer's passage first, under the answer, then retrieval order; an emergency's own passages in theirs
    keep.sort(key=(lambda i: i) if pinned else (lambda i: (i != lead, i)))
    second = None if pinned or single else _second(hits, picks, keep, lead, saying, reading, index)
    if second is not None:  # one sentence apiece: one of the answer's own, and the other passage's best
        kept = _one_of_two(hits[lead].passage, picks[lead], picks[second].one_score, reading)
        if kept is None:
            second = None
        else:
            picks[lead] = picks[lead]._replace(first=kept, last=kept)
            picks[second] = picks[second]._replace(first=picks[second].one, last=picks[second].one)
    marks = tuple(_mark(hits[i], picks[i], always=i == lead) for i in keep)
    p = hits[lead].passage
    also = None
    if second is not None:
        q = hits[second].passage
        also = Extract(marks[keep.index(second)], q.id, q.citation)
    return Choice(Extract(marks[keep.index(lead)], p.id, p.citation, also), tuple(hits[i] for i in keep), marks)


def _second(hits: Sequence[Hit], picks: list[Span], keep: list[int], lead: int, saying: list[int],
            reading: Reading, index: Index) -> int | None:
    """The shown passage whose best sentence answers nearly as well as the answer does
    (``TUNING.answer_second``): of the same document, saying one of the question's topics (not
    only the drug's name), not again what the answer says, and for a follow-up its new words."""
    span, p = picks[lead], hits[lead].passage
    if len(p.sentences[span.first].split()) < TUNING.answer_short:
        return None  # a fragment ("Signs and symptoms may include:") stays with the sentence after it, or alone
    near = [i for i in keep if i != lead and picks[i].raw > 0 and (not saying or i in saying)
            and picks[i].one_score >= TUNING.answer_second * span.score]
    if not near:  # most questions: nothing else answers nearly as well, and nothing more is read
        return None
    answered = terms_of(span_text(p.text, p.starts, span.first, span.last))
    topics = [c for c, _ in reading.concepts if not c.generic and not c.satisfied_by(subject_terms(index))]
    for i in sorted(near, key=lambda i: (-picks[i].one_score, i)):
        q = hits[i].passage
        said = terms_of(span_text(q.text, q.starts, picks[i].one, picks[i].one))
        if (q.document == p.document and any(c.satisfied_by(said) for c in topics)
                and len(said & answered) < TUNING.answer_repeat * len(said)):
            return i
    return None


def _one_of_two(passage: Passage, span: Span, other: float, reading: Reading) -> int | None:
    """Which of the answer's sentences stays beside another passage's (scored ``other``): the
    better one; None when both stay (each beats the other's, or the weaker says what the
    question's type asks for: "every 8 weeks" for "how often")."""
    if span.first == span.last:
        return span.first
    texts = {i: span_text(passage.text, passage.starts, i, i) for i in (span.first, span.last)}
    weaker, better = sorted(texts, key=lambda i: (span.raws[i], -i))
    if (all(_weigh(span.raws[i], texts[i], i, len(passage.sentences), span.prior) >= other for i in texts)
            or reading.wants is not None and reading.wants.search(texts[weaker])):
        return None
    return better


def _mark(hit: Hit, picked: Span, always: bool = False) -> str:
    if picked.raw <= 0 and not always:
        return ""
    return span_text(hit.passage.text, hit.passage.starts, picked.first, picked.last)


def _prior(hit: Hit, rank: int, top: float) -> float:
    """The retrieval's judgement: a sentence in a passage scored low keeps part of its score. The retrieval's
    order counts as well as its scores: a passage it ranked below others on the question's topics and kind (a
    higher BM25 score for a framing word aside) claims no more than its place allows."""
    prior = hit.score / top if top > 0 else 1.0 - 0.1 * rank  # the document's opening: no scores, its order
    prior = min(prior, max(0.0, 1.0 - TUNING.answer_order * rank))
    return TUNING.answer_rank + (1 - TUNING.answer_rank) * prior


class Span(NamedTuple):
    """A passage's best sentence or two for the question, and its best single sentence. ``choose`` may narrow
    ``first``/``last`` to one sentence (``_replace``); ``score`` and ``raw`` stay those of the span as found."""

    score: float  # the span's score weighed by the passage's prior, its place and its length (``_weigh``)
    raw: float  # the span's own score
    first: int
    last: int
    single: float  # the raw score of the passage's best single sentence (to compare passages on)
    one_score: float  # the weighed score of its best single sentence ...
    one: int  # ... and that sentence
    raws: tuple[float, ...]  # each sentence's raw score
    prior: float  # the passage's prior


def _best_span(hit: Hit, reading: Reading, prior: float) -> Span:
    """The passage's best sentence or two, and its best single sentence."""
    p = hit.passage
    heading = terms_of(" ".join(p.path))
    n = len(p.sentences)
    raws = [sentence_score(span_text(p.text, p.starts, i, i), heading, reading) for i in range(n)]
    best = (float("-inf"), 0.0, 0, 0)
    one = (float("-inf"), 0)
    for first in range(n):
        for last in range(first, min(first + 2, n)):
            text = span_text(p.text, p.starts, first, last)
            raw = raws[first] if first == last else sentence_score(text, heading, reading)
            if last > first and raw <= max(raws[first], raws[last]) + 1e-9:
                continue  # the second sentence adds nothing the better one does not say
            score = _weigh(raw, text, first, n, prior)
            if score > best[0] + 1e-9:
                best = (score, raw, first, last)
            if first == last and raw > 0 and score > one[0] + 1e-9:
                one = (score, first)
    single = max(raws, default=0.0)
    if best[1] <= 0:  # nothing in it answers: its opening, unmarked
        return Span(best[0], 0.0, 0, 0, 0.0, 0.0, 0, tuple(raws), prior)
    return Span(*best, single, *one, tuple(raws), prior)


def _weigh(raw: float, text: str, first: int, n: int, prior: float) -> float:
    """A span's score: its own, weighed by its passage's prior, its place among the passage's ``n``
    sentences (it opens at ``first``) and its length."""
    extra = max(0, len(text.split()) - TUNING.answer_words) / TUNING.answer_words
    return raw * prior * (1 - TUNING.answer_position * first / n) / (1 + TUNING.answer_length * extra)


def span_text(text: str, starts: tuple[int, ...], first: int, last: int) -> str:
    """Sentences first..last of a passage as one verbatim slice of its text."""
    if not starts:
        return text.strip()
    end = starts[last + 1] if last + 1 < len(starts) else len(text)
    return text[starts[first]:end].strip()
