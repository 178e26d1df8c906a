"""The answering core: ``answer(question, index, history) -> Answer``.

Pure: no I/O, no environment. Every path, an empty question included, returns an
``Answer`` that carries the disclaimer; declines and notices are values, not errors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from index import TUNING, Hit, Index, tokenize
from index.urgent import MAX_LIST, STATISTICS
from index.urgent import sentences as urgent_sentences

from .alarm import alarmed, asks_dosing
from .boxed import warning_for
from .coverage import Verdict, coverage, decide, figures_only, judged, not_compared, not_treated, treated_only
from .dosing import DOSING_NOTE, PERSONAL_MEASURES, asks_personal_dosing, personal_figures
from .extract import (
    HOW_LONG_OR_OFTEN,
    INDICATION,
    TAKEN_WITH,
    choose,
    kind_asked,
    kind_heading,
    kind_words,
    names_its_topic,
    wanted,
)
from .language import NOT_ENGLISH, is_english
from .models import DISCLAIMER, MAX_QUESTION_CHARS, Answer
from .query import (
    Concept,
    Plan,
    corrected,
    covered_drugs,
    defined_document,
    informative,
    plan,
    subject_terms,
    titles,
)
from .render import ESCAPES, render_text
from .safety import (
    EMERGENCY_DECLINE,
    EMERGENCY_NOTICE,
    EMERGENCY_SEARCH,
    emergency_kind,
)
from .symptoms import KIND_SIGNS
from .urgency import assess, lead_with

DEFAULT_K = 3
DOSE_WORDS = "dose dosage"
INTERACTION_WORDS = "interact interaction concomitant"
# a drug the document never names, asked about *with* the document's drug: an interaction question
INTERACTION = re.compile(r"\b(with|and|plus|together|mix\w*|combin\w*|interact\w*|while (on|taking)|"
                         r"along ?side|same time|on top of|on)\b", re.I)
# an earlier turn that asked what the drug is taken with: a follow-up naming another drug and nothing else ("What
# about Plavix?") asks the same of that drug
ASKED_INTERACTIONS = re.compile(TAKEN_WITH, re.I)
# a section on preparing the drug, not on how much or how often to take it ("2.4 Preparation and Administration
# Instructions", "Reconstitution, Dilution and Administration")
PREPARING = re.compile(r"\b(preparation|reconstitution|dilution|storage|handling)\b", re.I)
SELF_HARM_NOTE = "You matter, and help is available right now: please call or text 988, or call 911."
EMPTY_HINT = "Ask me a question about the monograph, for example: What are the side effects?"
PLEASANTRY = re.compile(
    r"(hi|hello|hey|thanks?( you)?( so much| very much)?|thx|ty|ok(ay)?|cool|great|got it|bye|goodbye|"
    r"good (morning|afternoon|evening)|cheers|perfect|nice)"
)
_CLEAN = {"Cc": " ", "Cf": ""}  # control characters -> space; zero-width and bidi marks dropped
_ASCII_CONTROLS = {c: _CLEAN.get(unicodedata.category(chr(c)), chr(c)) for c in range(128)
                   if unicodedata.category(chr(c)) in _CLEAN}


def printable(text: object) -> str:
    """Lone surrogates (bytes that were not UTF-8, from argv or stdin) become U+FFFD."""
    text = str(text)
    if text.isascii():  # no surrogates: the common case, without a look at each character
        return text
    return "".join("\ufffd" if unicodedata.category(ch) == "Cs" else ch for ch in text)


def clean_question(question: str) -> tuple[str, list[str]]:
    """Escape sequences and control characters dropped, whitespace collapsed, the length capped with a note."""
    notes = []
    text = ESCAPES.sub("", printable(question))
    if text.isascii():  # the only ASCII controls (Cc) become spaces; ASCII has no Cf
        text = text.translate(_ASCII_CONTROLS)
    else:
        text = "".join(_CLEAN.get(unicodedata.category(ch), ch) for ch in text)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_QUESTION_CHARS:  # a long story usually ends with its question: its start and its end are read
        head = text[:MAX_QUESTION_CHARS // 4].rsplit(" ", 1)[0] or text[:MAX_QUESTION_CHARS // 4]
        tail_from = len(text) - (MAX_QUESTION_CHARS - len(head) - 1)
        tail = text[tail_from:].split(" ", 1)[-1] if text[tail_from - 1] != " " else text[tail_from:]
        text = f"{head} {tail}"
        notes.append(f"Your question was long (over {MAX_QUESTION_CHARS:,} characters), so only its first "
                     f"{len(head):,} and its last {len(tail):,} characters, in whole words, were used.")
    return text, notes


def answer(question: str, index: Index, history: tuple[str, ...] | list[str] = (), k: int = DEFAULT_K) -> Answer:
    """Decide what to say (``_decide``), then put the sentence that answers first and keep
    only the passages that matter (``extract.choose``). A question in another language is
    told that the bot reads English only."""
    text, notes = clean_question(question)
    if not is_english(text, index) and not emergency_kind(text):
        # a message the bot cannot read might be an emergency: the numbers cost a line
        return _finish(question, text, notice=EMERGENCY_NOTICE, notes=[NOT_ENGLISH])
    return _with_answer(_decide(question, text, notes, index, history, k), index, k)


def _decide(question: str, text: str, notes: list[str], index: Index, history: tuple[str, ...] | list[str],
            k: int) -> Answer:
    """What to say to ``text`` (the question cleaned, with the notes cleaning made)."""
    earlier = tuple(clean_question(q)[0] for q in history if str(q).strip())[-TUNING.history_turns:]
    urgency = assess(text, index, earlier)  # the always-urgent kinds, and what this document calls urgent
    kind = urgency.kind
    # a question about a drug's suicidality warning (urgency.asked) is a general question about a symptom, answered
    # from the document without the notice, unless it is a fear of it ("scared it will make me suicidal again") or
    # how common it is (urgency.feared): then the notice comes first, above the answer; a message the classes miss
    # but the learned model reads as an emergency gets the notice above the usual answer
    notice = EMERGENCY_NOTICE if kind or urgency.feared or alarmed(text) else None
    if not text or (not kind and is_pleasantry(text)):
        return _finish(question, text, notice=notice, notes=notes + [EMPTY_HINT])
    if kind == "self-harm":
        return _finish(question, text, notice=notice, notes=notes + [SELF_HARM_NOTE])
    extra = EMERGENCY_SEARCH.get(kind or "", "")
    # the patterns, or the learned model when the message is not an emergency ("can I stretch it to every 16 weeks?")
    dosing = asks_personal_dosing(text) or (notice is None and asks_dosing(text))
    if dosing:
        notes.append(DOSING_NOTE)
    p = plan(text, index, earlier)
    carried = _documents_asked_about(text, earlier, index)
    if carried:  # in a library, "what are the side effects?" after "What is Dupixent used for?" stays with Dupixent
        p = replace(p, weights={**p.weights, **{t: max(p.weights.get(t, 0.0), TUNING.named_weight) for t in carried}})
    if dosing:  # general dosing passages, not ones chosen by the person's own weight or age
        personal = personal_figures(text)
        p = replace(p, weights={t: w for t, w in p.weights.items() if t not in personal},
                    # "I weigh 70 kg": the person's measures frame the request the dosing note answers; they are
                    # not a topic the monograph is said not to mention
                    concepts=tuple(replace(c, generic=True) if c.surface.casefold() in PERSONAL_MEASURES
                                   or c.surface in personal else c for c in p.concepts))
    if not p.concepts and not p.followup and not extra and not dosing and not kind:  # "?", "what is it?"
        return _finish(question, p.query, notice=notice, notes=notes + [EMPTY_HINT])
    if p.corrections:
        notes.append("Read " + ", ".join(f"“{w}” as “{r}”" for w, r in p.corrections) + ".")
        text = corrected(text, p.corrections)  # "how offten": its kind, and the rest, read as meant
    # the kind's own word is no topic: "how long does the infusion take?" is not "long term safety" (unless the
    # question says it again: "how long can I stay on it long-term?")
    asked = {w.lower() for w in HOW_LONG_OR_OFTEN.findall(text) if len(re.findall(rf"\b{w}\b", text, re.I)) == 1}
    if asked:
        dropped = set(tokenize(" ".join(asked)))
        p = replace(p, weights={t: w for t, w in p.weights.items() if t not in dropped})
    others = tuple(c.surface for c in p.concepts if c.drug)
    # "the half-life of gabapentin"; a question that names the document's drug too ("why must I try Humira before
    # Rinvoq?", "is Xanax safer than baclofen?") is about it, and answered under a caveat naming the other
    asked_with = (p.followup and bool(earlier) and bool(ASKED_INTERACTIONS.search(earlier[-1]))
                  and not informative([c for c in p.concepts if not c.drug], index))
    if others and not (extra or dosing or kind or asked_with or INTERACTION.search(text)
                       or _names_its_own_drug(text, index)):
        return _finish(question, p.query, notice=notice, notes=notes + [not_covered(others, index)])
    if others:
        extra += " " + INTERACTION_WORDS  # "can I take it with Xanax?": the interactions passage
    if not (extra or dosing or kind or p.followup) and (colour := _colour_only(p, index, text)) and names_its_topic(text):
        # "how does baclofen work in the body?": its only topics are everyday words the document never uses, and
        # its kind (a mechanism) says what it asks: they colour it, and the kind ranks the passages
        colour_terms = {t for c in colour for t in c.terms}  # and are not searched as topics either
        p = replace(p, concepts=tuple(c for c in p.concepts if c not in colour),
                    weights={t: w for t, w in p.weights.items() if t not in colour_terms})
    guidance = bool(kind) and not urgency.passages and not dosing
    hits, best = _retrieve(p, index, GUIDANCE_POOL * k if guidance else k, text, extra, dosing)
    if urgency.passages:  # the document's own words on what to do come first, then only others that say what to do,
        # then, with room left, those naming what is happening in the document's clinical words ("signs and symptoms
        # consistent with anaphylaxis (tightness of the throat ...)" for a throat closing after a shot)
        hits = lead_with(urgency.passages, hits, index, k, p.weights)
        first = len(urgency.passages)
        hits = hits[:first] + _saying_what_to_do(hits[first:], index)
        for told in [t for t in urgency.kinds or (kind,) if t in NAMED_AFTER] if len(hits) < k else ():
            shown = {h.passage.id for h in hits}
            named = [h for h in _named_in_its_words(told, index, text, k) if h.passage.id not in shown]
            hits += named[:k - len(hits)]
    elif guidance:  # an emergency it names no passage for: only passages that say what to do, else those
        # naming the emergency itself in clinical words ("hypersensitivity", "anaphylaxis"), or none
        said = _saying_what_to_do(hits, index)
        naming = [] if said else _naming_the_kind(hits, kind)
        for told in (urgency.kinds or (kind,)) if not said and not naming else ():
            # the user's words ("lips", "throat") find none: the document's own words for what is happening may
            # ("Serious hypersensitivity reaction" in a contraindication), for each kind the message tells of
            if naming := _named_in_its_words(told, index, text, k):
                break
        hits = (said or naming)[:max(k, 1)]
        if naming:  # what the document says of this emergency, under the notice, as what may apply
            verdict = decide(p.concepts, hits, best, index, others, True, ())
            return _finish(question, p.query, hits=tuple(hits), notice=notice, notes=notes + [EMERGENCY_CAVEAT],
                           cov=best, answered=True, followup=p.followup, caveat=verdict.caveat)
    elif dosing and best < TUNING.min_coverage:  # a dosing note is followed by the general dosing passages
        hits = _dosing_passages(p, index, k, text)
        best = TUNING.min_coverage if hits else best
    if hits and urgency.passages:
        return _finish(question, p.query, hits=tuple(hits), notice=notice, notes=notes, cov=best, answered=True,
                       followup=p.followup, pinned=min(len(urgency.passages), len(hits)))
    lenient = bool(extra or dosing or p.followup) and not kind
    verdict = decide(p.concepts, hits, best, index, others, lenient, _named(p, hits, index), text)
    if kind and not verdict.answered:  # in danger, never "doesn't cover this": get help now
        return _finish(question, p.query, notice=notice, notes=notes + [EMERGENCY_DECLINE], cov=best,
                       followup=p.followup)
    if kind and verdict.caveat and not set(verdict.caveat) <= set(others):
        # in danger the reply is the notice and what the document says to do: the words of a long, frightened
        # message that it does not use ("shes", "sense", "calling") are not read out, only that it is not described
        verdict = replace(verdict, note=EMERGENCY_CAVEAT)
    if verdict.answered and not kind:
        verdict = _read_closer(verdict, text, p, hits, index)
    if verdict.answered:
        notes += [verdict.note] if verdict.note else []
        return _finish(question, p.query, hits=tuple(hits), notice=notice, notes=notes, cov=best, answered=True,
                       followup=p.followup, caveat=verdict.caveat)
    notes.append(verdict.note)
    return _finish(question, p.query, notice=notice, notes=notes, cov=best, followup=p.followup)


def _read_closer(verdict: Verdict, text: str, p: Plan, hits: list[Hit], index: Index) -> Verdict:
    """The caveats that read how the document says what the question asks (``coverage``), each adding the words
    no earlier one named, with its sentence: "is baclofen addictive?" in an article on baclofen for addiction."""
    for found, says in (  # ``text`` is the question as corrected (``_decide``)
            (lambda: treated_only(text, p.concepts, hits, index),
             "The monograph speaks of {} as a condition the drug is given for, never as something it causes."),
            # "does Adbry work for asthma?" where the label names asthma only as a trial subject's history
            (lambda: not_treated(text, p.concepts, hits, index),
             "The monograph mentions {}, but not as something the drug is used for."),
            # "can u mix baclofen n weed": what it is taken with is the question's topic, however everyday the word
            (lambda: [c.surface for c in _taken_with(text, p.concepts, index)],
             "The monograph doesn't mention {}."),
            (lambda: not_compared(text, hits, index, subject_terms(index)),
             "The monograph names {}, but never beside its own drug: it does not compare them."),
            # "can you overdose on baclofen?" where the article names overdose only in national death figures
            (lambda: figures_only(text, p.concepts, hits, index),
             "On {} the monograph has only figures about a population, nothing about the drug itself.")):
        new = [w for w in dict.fromkeys(found()) if w not in verdict.caveat]
        if new:
            verdict = replace(verdict, caveat=(*verdict.caveat, *new), note=_joined(
                verdict.note, says.format(", ".join(f"“{w}”" for w in new)) + " What it says:"))
    return verdict


def _joined(note: str, more: str) -> str:
    """A caveat note and another one, as one: the first's closing "What it says ...:" gives way to the second's."""
    return f"{_CLOSING.sub('', note)} {more}" if note else more


_CLOSING = re.compile(r"\s*What (it|they) says?\b[^.]*:\s*$")


INDICATION_ASKED = re.compile(INDICATION + r"|\bapproved (for|to treat)\b", re.I)  # "is it approved for kids?" too


@lru_cache(maxsize=64)
def _in_order(index: Index, title: str) -> dict[str, int]:
    """Each passage of a document by its place in it: of the passages that say what a drug is for, the first."""
    return {p.id: n for n, p in enumerate(index.passages_of(title))}


TAKEN_WITH = re.compile(r"\b(mix\w*|combin\w*|take|taking|use|using|drink\w*|smok\w*)\s+(?:[\w'-]+\s+){1,2}?"
                        r"(with|and|n|plus|&)\s+(?:(?:my|some|a|an|the)\s+)?([^\W\d_][\w'-]*)", re.I)


def _taken_with(text: str, concepts: tuple[Concept, ...], index: Index) -> list[Concept]:
    """The everyday words a question says the drug is taken with ("mix baclofen n weed", "take it with coffee")
    that the document never uses: the topic of an interaction question, not colour."""
    named = {m.group(3).casefold() for m in TAKEN_WITH.finditer(text)}
    return [c for c in concepts if c.everyday and c.surface.casefold() in named
            and not c.satisfied_by(index.vocabulary)]


def _colour_only(p: Plan, index: Index, text: str) -> list[Concept]:
    """The question's topics when every one is a place in the body, said as where the drug acts ("in the body",
    "in your system"; a label's "on-body injector" aside), else []: "in dogs" and "out of the fridge" are asked about."""
    topics = [c for c in informative(list(p.concepts), index) if not c.drug]
    if topics and all(c.everyday and c.surface.casefold() in BODY_PLACES
                      and re.search(rf"\b(in|on) (the |your |my |his |her |their |our |a |one's )?"
                                    rf"{re.escape(c.surface)}\b", text, re.I) for c in topics):
        return topics
    return []


BODY_PLACES = frozenset({"body", "system", "bloodstream", "brain", "head", "nerves"})  # where a drug acts, as people say it


def _names_its_own_drug(text: str, index: Index) -> bool:
    """The question names a document of the corpus (in a library) or the drug its document is about."""
    if len(titles(index)) > 1:
        return bool(index.documents_named(tokenize(text)))
    return bool(subject_terms(index) & set(tokenize(text)))


def _documents_asked_about(text: str, earlier: tuple[str, ...], index: Index) -> tuple[str, ...]:
    """In a library, the terms naming the documents the conversation was last about, when this turn names none."""
    if not index.names or any(t in index.names for t in tokenize(text)):
        return ()
    for turn in reversed(earlier):
        named = tuple(dict.fromkeys(t for t in tokenize(turn) if t in index.names))
        if named:
            return named
    return ()


def _retrieve(p: Plan, index: Index, k: int, text: str, extra: str, dosing: bool) -> tuple[list[Hit], float]:
    """The top k hits for a plan, and how well the best of them covers the question."""
    weights, concepts = dict(p.weights), tuple(judged(p.concepts))
    if dosing:  # the general dosing passages, or a decline if there are none
        extra += " " + DOSE_WORDS
        dose = tuple(tokenize(DOSE_WORDS))
        concepts += (Concept("dose", dose, max(index.idf(t) for t in dose), own=0),)
    for term in tokenize(extra):  # what an emergency or a dosing question is about, below the user's words
        weights[term] = max(weights.get(term, 0.0), TUNING.lay_weight)
    topics = informative(list(concepts), index)
    title = None if p.followup or extra else defined_document(text, list(p.concepts), index)
    if title:  # "What is Alzheimer's disease?" in a library: that document's own opening
        return _opening_of(title, weights, index, max(k, 1)), 1.0
    if p.concepts and not topics and not p.followup and not extra and not any(c.generic for c in p.concepts):
        return index.opening(weights, max(k, 1), question=text), 1.0  # "what is baclofen?": the document's own opening
    if not topics and not dosing and not p.followup and not extra and (asks := wanted(text)) is not None:
        # "how does baclofen work?", "how long until it works?": nothing but the subject and framing words
        # to rank by, so among the passages they find, those saying what the question's kind asks for
        # (a mechanism, a duration) come first
        for term in tokenize(kind_words(text)):  # and the words such an answer is written in, below the question's
            weights[term] = max(weights.get(term, 0.0), TUNING.kind_weight)
        pool = index.search(weights, TYPE_POOL * max(k, 1), question=text)
        where = kind_heading(text)  # and under the heading such answers are kept ("Dosage and Administration")
        ordered = bool(INDICATION_ASKED.search(text))  # "what is it used for?": on ties, the list's start
        hits = sorted(pool, key=lambda h: (-(bool(asks.search(h.passage.text)) + TUNING.heading_lift * bool(
            where is not None and where.search(h.passage.section))),
            _in_order(index, h.passage.document).get(h.passage.id, 0) if ordered else 0))[:max(k, 1)]
        return hits, 1.0 if hits else 0.0
    pool = TUNING.topic_pool if topics and not dosing and not extra.strip() else 1
    hits = index.search(weights, pool * max(k, 1), question=text)
    if pool > 1:  # "side effects" is its words together or "adverse reactions": a dosage passage with "effect"
        # alone shares words, not the topic, and ranks below one that says it (the retrieval's order kept on ties)
        floor = TUNING.topic_floor
        # and one saying what the question's kind asks for ("how often": "every other week") gains a share
        asks, where = kind_asked(text), kind_heading(text)
        lift, under = TUNING.kind_lift, TUNING.heading_lift
        value = {id(h): h.score * (floor + (1 - floor) * coverage(topics, h)) * (
            1 + lift if asks is not None and asks.search(h.passage.text) else 1) * (
            1 + under if where is not None and where.search(h.passage.section) else 1) * (
            # and, for those kinds, a passage on preparing the drug (mixing, diluting, storing) keeps only a share:
            # how often and how much are said under the dosage headings
            TUNING.preparation_share if where is not None and PREPARING.search(h.passage.section) else 1) for h in hits}
        hits = sorted(hits, key=lambda h: -value[id(h)])
        if hits and INDICATION_ASKED.search(text):  # "what is it used for?": of the indications that rank alike,
            # the document's first ones ("1.1 Atopic Dermatitis" before "1.7 Chronic Spontaneous Urticaria")
            best = value[id(hits[0])]
            alike = [h for h in hits if value[id(h)] >= TUNING.alike_share * best]
            hits = sorted(alike, key=lambda h: (h.passage.document != hits[0].passage.document, _in_order(
                index, h.passage.document).get(h.passage.id, 0))) + [h for h in hits if h not in alike]
        hits = hits[:max(k, 1)]
    if not topics and not dosing and (p.concepts or p.followup):
        # "how does it work?", "is baclofen safe?": no topic of its own to be missing;
        # the context (or the heading and the document) decides what is shown
        return hits, 1.0 if hits else 0.0
    return hits, max((coverage(concepts, h) for h in hits), default=0.0)


EMERGENCY_CAVEAT = "The monograph does not describe this situation itself. What it says that may apply:"
TYPE_POOL = 4  # a question of framing words only is ranked by its kind among this many times k hits
GUIDANCE_POOL = 4  # an emergency's passages are looked for among this many times k hits
# the emergencies whose label passages, named in the label's own clinical words, describe what the person sees
# ("signs and symptoms consistent with anaphylaxis (tightness of the throat ...)"); for the others a word such as
# "seizures" or "infections" names a drug's history or a trial's tally as often, and reads as reassurance
NAMED_AFTER = frozenset({"allergy"})
GUIDANCE_KINDS = ("help", "overdose", "withdrawal", "maximum")  # the urgent statements that say what to do


def _saying_what_to_do(hits: list[Hit], index: Index) -> list[Hit]:
    said = _guidance_passages(index)
    return [h for h in hits if h.passage.id in said]


TABLE_SHARE = 0.2  # a passage whose words are more than this share figures is a table's rows, not a statement


@lru_cache(maxsize=4096)
def _tabular(text: str) -> bool:
    return len(_FIGURE.findall(text)) > TABLE_SHARE * max(len(text.split()), 1)


_FIGURE = re.compile(r"\S*\d\S*|(?<!\S)[-–](?!\S)")  # a word with a figure in it, or a table's empty cell


def _named_in_its_words(kind: str, index: Index, text: str, k: int) -> list[Hit]:
    """The passages found by the document's clinical words for ``kind`` (``KIND_SIGNS``) that name it, tables left
    out; none for a kind without such words."""
    signs = KIND_SIGNS.get(kind)
    if signs is None:
        return []
    clinical = {t: 1.0 for phrase in signs.clinical for t in phrase}
    found = index.search(clinical, GUIDANCE_POOL * max(k, 1), question=text)
    return [h for h in _naming_the_kind(found, kind) if not _tabular(h.passage.text)]


def _naming_the_kind(hits: list[Hit], kind: str) -> list[Hit]:
    """The hits whose passage names the emergency in the document's clinical words (``KIND_SIGNS``): for an
    allergic reaction, what the label says of hypersensitivity; never a passage sharing only the user's words."""
    signs = KIND_SIGNS.get(kind)
    if signs is None:
        return []
    phrases = [p for p in signs.clinical if p]
    return [h for h in hits if any(_says(terms, held, phrase) for terms, held in _statements_of(h.passage.text)
                                   for phrase in phrases)]


@lru_cache(maxsize=4096)
def _statements_of(text: str) -> tuple[tuple[tuple[str, ...], frozenset[str]], ...]:
    """A passage's sentences as index terms (in order, and as a set), leaving out trial statistics ("reported
    in 2% of subjects") and catalogues (a postmarketing list of body systems names a sign and says nothing of it)."""
    kept = (tuple(tokenize(s)) for s in urgent_sentences(text)
            if not STATISTICS.search(s.lower()) and s.count(",") < MAX_LIST)
    return tuple((terms, frozenset(terms)) for terms in kept)


def _says(terms: tuple[str, ...], held: frozenset[str], phrase: tuple[str, ...]) -> bool:
    """The phrase's terms in a row ("sudden death", not "sudden" here and "death" there)."""
    if not held.issuperset(phrase):
        return False
    n = len(phrase)
    return n == 1 or any(terms[i:i + n] == phrase for i in range(len(terms) - n + 1))


@lru_cache(maxsize=8)
def _guidance_passages(index: Index) -> frozenset[str]:
    """The passages holding one of the document's statements on what to do (get help at once, what
    an overdose or a sudden stop does, the most to take): not its grave facts ("overdose deaths
    rose 2.5-fold"), which tell a person in danger nothing to do."""
    facts = index.urgent
    return frozenset(index.passages[facts.statements[n].passage].id
                     for kind in GUIDANCE_KINDS for n in facts.by_kind.get(kind, ()))


def _opening_of(title: str, weights: dict[str, float], index: Index, k: int) -> list[Hit]:
    first = index.passages_of(title)[:k]
    return [Hit(p, 0.0, tuple(t for t in dict.fromkeys(tokenize(f"{p.section} {p.text}")) if t in weights))
            for p in first]


def _named(p: Plan, hits: list[Hit], index: Index) -> tuple[str, ...]:
    """In a library, the words of the question that name the shown passages' document."""
    if len(titles(index)) < 2:
        return ()
    subject, shown = subject_terms(index), {t for h in hits for t in h.matched_terms}
    return tuple(c.surface for c in p.concepts if c.terms and all(t in subject for t in c.terms) and c.satisfied_by(shown))


def _dosing_passages(p: Plan, index: Index, k: int, text: str) -> list[Hit]:
    """The document's general dosing passages, nearest the question first; none when it has none."""
    dose = set(tokenize(DOSE_WORDS))
    weights = {t: w * TUNING.lay_weight for t, w in p.weights.items()} | dict.fromkeys(dose, 1.0)
    return [h for h in index.search(weights, 4 * k, question=text) if dose & set(h.matched_terms)][:k]


def is_pleasantry(text: str) -> bool:
    return bool(PLEASANTRY.fullmatch(text.strip(" .!?,").lower()))


NAMES_LISTED = 4  # a decline names at most this many of a library's drugs, and says how many there are


def not_covered(drugs: tuple[str, ...], index: Index) -> str:
    others = ", ".join(drugs[:3])
    ours = list(dict.fromkeys(name.split("-")[0] for _, name in covered_drugs(index)))  # "tralokinumab(-ldrm)": one
    if len(ours) > NAMES_LISTED:  # a folder of labels: how many, and some of them, not three as if they were all
        return (f"These {len(titles(index))} documents cover {len(ours)} drugs ({', '.join(ours[:NAMES_LISTED])} "
                f"and others); none of them covers {others}.")
    if ours:
        return f"This monograph covers {', '.join(ours)}; it does not cover {others}."
    return f"The monograph does not cover {others}."


def _finish(question: str, query: str, *, hits: tuple[Hit, ...] = (), notice: str | None = None,
            notes: list[str] = (), cov: float = 0.0, answered: bool = False, followup: bool = False,
            caveat: tuple[str, ...] = (), pinned: int = 0) -> Answer:
    draft = Answer(question=printable(question), query=query, answered=answered, passages=hits, safety_notice=notice,
                   disclaimer=DISCLAIMER, text="", notes=tuple(notes), followup=followup, coverage=round(cov, 3),
                   caveat=caveat, pinned=pinned)
    return replace(draft, text=render_text(draft))


def _with_answer(reply: Answer, index: Index, k: int) -> Answer:
    """The sentence that answers first, only the passages that matter, and the answering
    document's boxed warning above them."""
    # an emergency's answer is one passage's: nothing beside what to do
    choice = choose(reply.question, reply.query, reply.passages, index, max(k, 1), reply.pinned,
                    single=reply.safety_notice is not None) if reply.answered else None
    if choice is not None:
        reply = replace(reply, extract=choice.extract, passages=choice.passages, marks=choice.marks)
    warning = warning_for(reply.passages, index)
    if choice is None and warning is None:
        return reply
    shown = replace(reply, boxed_warning=warning)
    return replace(shown, text=render_text(shown))
