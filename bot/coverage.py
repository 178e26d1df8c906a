"""Whether the shown passages answer the question: answer, answer under a caveat, or decline.

Judged by the question's topic concepts only. Framing words ("safe", "my mom") and
everyday words the document never uses ("scared", "glass") never force a decline; rare
words it never uses ("priapism") and drugs it never names do. Three outcomes:

- answer: the best passage covers the question's topics well enough;
- answer with a caveat: some topic is covered, but the question names something the
  shown passages do not say, and the reply says so in the same words;
- decline: no topic of the question is covered, and the decline says what it looked for.

Words alone can be there and still not answer, so some caveats read how the document says them:
``treated_only`` (asked whether the drug causes what the document names only as what it is given for),
``not_treated`` (its mirror), ``figures_only`` (a topic named only in population figures) and
``not_compared`` (a comparison with a drug named only apart from the document's own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from index import TUNING, Hit, Index, tokenize, words
from index.drugnames import find_drugs

from .extract import terms_of
from .query import Concept, asked_part, informative, is_practical, with_a_story


@dataclass(frozen=True)
class Verdict:
    answered: bool
    caveat: tuple[str, ...] = ()  # the question's words the shown passages do not cover
    note: str = ""  # the decline, or the caveat, as the reply says it


def coverage(concepts: list[Concept] | tuple[Concept, ...], hit: Hit) -> float:
    """Share of the concepts' weight that one passage covers."""
    total = sum(c.weight for c in concepts)
    if not total:
        return 0.0
    matched = set(hit.matched_terms)
    return sum(c.weight for c in concepts if c.satisfied_by(matched)) / total


def judged(concepts: tuple[Concept, ...]) -> list[Concept]:
    """The concepts coverage is computed over: not drugs the document never names."""
    return [c for c in concepts if not c.drug]


def decide(concepts: tuple[Concept, ...], hits: list[Hit], best: float, index: Index,
           missing_drugs: tuple[str, ...] = (), lenient: bool = False, named: tuple[str, ...] = (),
           question: str = "") -> Verdict:
    """``lenient``: the question has no topic of its own to judge (a follow-up, an emergency,
    a dosing request), so the context or the fixed search decides what is shown. ``named``:
    in a library, the document names the question gave and the shown passages hold. ``question``:
    its words, for a practical matter told as the story around it ("... till my insurance sorts itself
    out"), which is colour like any everyday word; asked about ("will my insurance cover it?"), a topic."""
    asking = asked_part(question).casefold()
    concepts = tuple(c if not (c.everyday is False and is_practical(c.surface) and question
                               and c.surface.casefold() not in asking) else replace(c, everyday=True)
                     for c in concepts)
    topics = [c for c in informative(list(concepts), index) if not c.drug]
    vocabulary = index.vocabulary
    strong = [c for c in topics if not c.everyday]
    each = [set(h.matched_terms) for h in hits]  # what each passage says
    said = {c.surface: _in_document(c, vocabulary, index, each) for c in topics}
    absent = [c for c in topics if not said[c.surface]]
    present = [c for c in topics if said[c.surface]]
    if not hits:
        return Verdict(False, note=_nothing(absent or topics))
    shown = {t for h in hits for t in h.matched_terms}
    # what the shown passages answer: a topic, or a framing word read as its clinical words ("work" -> mechanism)
    covered = [c for c in topics if any(c.satisfied_by(terms) for terms in each)]  # by one passage, not pieced together
    framed = [c for c in concepts if c.generic and len(c.terms) > c.own and c.satisfied_by(shown)]
    if named and present and not covered:  # "What is the outlook for Anencephaly?": its document, said plainly
        unsaid = [c.surface for c in present]
        return Verdict(True, tuple(unsaid), f"The passages about {_quoted(list(named))} don't mention "
                                            f"{_quoted(unsaid)}. What they say:")
    if topics and not covered and not framed and not lenient:
        return Verdict(False, note=_nothing(absent) if absent else _unmatched([c.surface for c in present]))
    top = set(hits[0].matched_terms)
    # some passage says every topic the monograph has ("vitiligo" alone: its framing words aside), or
    # the best one says one of them while the others are words the monograph never uses
    # "drunk or loopy": either of two topics joined by "or" is enough
    either = _alternatives(question, present)
    # an everyday word the document uses elsewhere ("dose for adults") frames a rarer topic, as one it never uses does
    needed = present
    if question and (asking := with_a_story(question, index)) is not None:  # and so does the story around a question
        needed = [c for c in present if c.surface.casefold() in asking.casefold()] or present
    needed = [c for c in needed if not c.everyday] or needed
    together = (bool(present) and any(all(c.satisfied_by(terms) or any(
        o.satisfied_by(terms) for o in either.get(c.surface, ())) for c in needed) for terms in each)) or (
        absent and any(c.satisfied_by(top) for c in present))
    if present and best < TUNING.min_coverage and not lenient and not named and not together:
        # all its topics are in the monograph, but no passage says them together ("lithium" + "tachycardia")
        return Verdict(False, note=_unmatched([c.surface for c in present if not c.satisfied_by(top)]
                                              or [c.surface for c in present]))
    # only what the monograph truly never says is named as missing: "it doesn't mention X"; an
    # everyday word ("glass" of wine) only when no rarer topic of the question is answered
    strong_covered = any(c in covered for c in strong)
    never = [c.surface for c in absent if (not c.everyday or not strong_covered) and not c.surface[0].isdigit()]
    caveat = tuple(dict.fromkeys([*missing_drugs, *never]))
    if not caveat:
        return Verdict(True)
    about = [c.surface for c in covered if not c.everyday] or [c.surface for c in covered]
    close = f"What it says about {_quoted(about)}:" if about else "What it says that comes closest:"
    return Verdict(True, caveat, f"The monograph doesn't mention {_quoted(list(caveat))}. {close}")


def _alternatives(question: str, topics: list[Concept]) -> dict[str, tuple[Concept, ...]]:
    """Per topic, the topics the question offers as its alternatives ("drunk or loopy", "upset my stomach or
    give me diarrhea"): the topic before an "or" and the first one within three words after it."""
    by_word = {c.surface.casefold(): c for c in topics}
    said = [w.strip(",;").casefold() for w in _WORD.findall(question)]
    found: dict[str, tuple[Concept, ...]] = {}
    for i, w in enumerate(said):
        if w != "or" or i == 0:
            continue
        a = next((by_word[v] for v in reversed(said[max(0, i - 3):i]) if v in by_word), None)
        b = next((by_word[v] for v in said[i + 1:i + 4] if v in by_word), None)
        if a is not None and b is not None and a is not b:
            found[a.surface] = (*found.get(a.surface, ()), b)
            found[b.surface] = (*found.get(b.surface, ()), a)
    return found


def _in_document(concept: Concept, vocabulary: frozenset[str], index: Index, each: list[set[str]]) -> bool:
    """Whether the document says the concept anywhere: a clinical alternative, or all of the
    user's own words in one passage ("half-life", not "half" here and "life" there): in a
    shown passage, or else in any (the postings intersected)."""
    if not concept.satisfied_by(vocabulary):
        return False
    own = concept.terms[:concept.own]
    if len(own) < 2 or any(t in vocabulary for t in concept.terms[concept.own:]):
        return True
    return any(concept.satisfied_by(terms) for terms in each) or index.together(own)


def _nothing(absent: list[Concept]) -> str:
    absent = [c for c in absent if not c.broader] or absent  # what the question said, not what it implies
    if not absent:
        return "The monograph doesn't cover this: no passage answers your question."
    return f"The monograph doesn't cover this: I found nothing about {_quoted([c.surface for c in absent])} in it."


def _unmatched(words: list[str]) -> str:
    return (f"The monograph doesn't cover this: it mentions {_quoted(words)}, "
            "but no passage answers that together with the rest of your question.")


def _quoted(words: list[str]) -> str:
    shown = [w if len(w) <= 40 else w[:40] + "…" for w in words[:4]]
    return ", ".join(f"“{w}”" for w in shown)


# "Is baclofen addictive?", "can Dupixent cause eczema?": a question whether the drug brings something on
CAUSES = re.compile(
    r"\b(caus\w*|trigger\w*|lead(s|ing)? to|result(s|ing)? in|bring(s|ing)? on|worsen\w*|"
    r"make[s]? (me|you|u|him|her|them|people|someone|my)\b|give[s]? (me|you|u|him|her|them|people|someone)\b|"
    r"(raise|increase)[sd]? (my|your|his|her|their|someone's)\b|"  # "can it raise my blood sugar?"
    r"addictive|addicting|habit[- ]forming|addicted|hooked|dependent)\b"
    r"|\b(is|am) (that|this|it|i) (an? )?(addiction|dependence)\b", re.I)  # "is that addiction?"
# after a cause cue, words that make it a question whether the drug treats: "make my spasms go away"
_BETTER = re.compile(r"\b(better|go away|goes away|improve\w*|easier|ease|less|stop|for)\b", re.I)
# "does it work for asthma?", "is baclofen used for anxiety?": a question whether the drug treats something
TREATS = re.compile(r"\b(works?|working|used|use|good|approved|prescribed|indicated|effective|given) "
                    r"(for|on|to treat|against|in treating)\b"
                    # "does baclofen help with cravings?", "can it treat spasticity?": the drug, not a person, helps
                    r"|\b(does|do|can|could|will|would|did|might|may) (?!(i|you|u|we|someone|anyone|somebody|my \w+)\b)"
                    r"(\w+ ){1,3}?(help|treat)\b"
                    r"|\b(a |an )?(treatment|cure|remedy) (for|of)\b", re.I)
# a passage that names something as what the drug is for: "used to treat addiction", "as a treatment for
# addiction", "lessening cravings", "addiction treatment" ("patients treated with it" is not: what happened to them)
_TREATS_BEFORE = re.compile(r"^(treat|treats|treating|relieve[sd]?|relieving|relief|lessen\w*|alleviat\w*|combat\w*|prescribed|"
                            r"effective|helps?|helping|helped)$", re.I)
_TREATMENT_OF = re.compile(r"^(treatment|treatments|therapy|therapies)$", re.I)
# within 3 words of it: "to reduce cravings", "lowers LDL"; not a state a harm leaves ("reduced pulmonary
# ventilation", "decreased appetite")
_LESSENS = re.compile(r"^(decreas(e|es|ing)|reduc(e|es|ing|tion)|lower(s|ing)?|control(s|ling)?|improv(e|es|ing))$", re.I)
_INDICATED = re.compile(r"^(indicated|indication|indications)$", re.I)
_AFTER = re.compile(r"^(treatment|treatments|therapy|therapies|recovery|management|patients|subjects)$", re.I)
# a sentence that names something as a harm: "reported", "may cause", "risk of"; or under such a heading
HARM = re.compile(r"\b(caus\w*|risks?|report\w*|adverse|side effects?|reactions?|occurr?\w*|develop\w*|induc\w*|"
                  r"associated|lead(s|ing)? to|result\w* in|incidence|experienc\w*|worsen\w*|new[- ]onset|"
                  r"exacerbat\w*|trigger\w*|toxicity|warning)\b", re.I)
HARM_HEADING = re.compile(r"\b(adverse|side effects?|warnings?|precautions?|reactions?|postmarketing|toxicity|"
                          r"overdos\w*|risks?)\b", re.I)
# figures about a population over time: "a 2.5-fold increase", "from the years 2001-2013", "23.5 million people"
POPULATION = re.compile(r"\b\d+(\.\d+)?-fold\b|\b(19|20)\d\d ?(-|–|to|and) ?((19|20)\d\d|\d\d)\b"
                        r"|\b\d+(\.\d+)? (million|billion)\b")
# ... said of people at large: not "grapefruit juice increased exposure 3-fold", not "2.5 million patients treated"
PEOPLE_AT_LARGE = re.compile(r"\b(people|persons|deaths|population|americans|nationwide|national|individuals|"
                             r"demographics)\b", re.I)
# a question asking for figures: "how many", "how common", "increase", a year
FIGURES_ASKED = re.compile(r"\b(how (many|much|common|often|likely)|increase\w*|rates?|statistic\w*|numbers?|"
                           r"percent\w*|per ?cent|figures?|\d+)\b", re.I)
# "in patients with plaque psoriasis": the people it is given to, not what it did to them
_PEOPLE = re.compile(r"^(patients?|subjects?|adults?|children|people|individuals|those)$", re.I)
_WORD = re.compile(r"[^\W_][\w'’-]*")
TREAT_WINDOW = 6  # words between "treat" and what it treats
CAUSE_OBJECT = 6  # the cue's words and the next ones: what a "does it cause" question asks about
MENTIONS_READ = 60  # a topic in more passages than this is not read mention by mention: no caveat


def treated_only(question: str, concepts: tuple[Concept, ...] | list[Concept], hits: list[Hit],
                 index: Index) -> list[str]:
    """The topics a "does it cause X?" question asks about that the answering documents name as what the drug
    is given for and never as a harm: "addiction" in an article on baclofen for addiction. Empty when the
    question asks no such thing, or when a topic is named as a harm anywhere in those documents (a side
    effect, a reaction reported, a risk) or is named too often to read every mention."""
    cue = CAUSES.search(question)
    if cue is not None and _BETTER.search(" ".join(question[cue.end():].split()[:CAUSE_OBJECT])):
        return []  # "will baclofen make my spasticity better?", "can doctors give you baclofen for spasms?"
    said = _stances(cue, question, concepts, hits, index, "harm")
    if any("harm" in stances for _, stances in said):
        return []
    return [surface for surface, stances in said if "treated" in stances]


def not_treated(question: str, concepts: tuple[Concept, ...] | list[Concept], hits: list[Hit],
                index: Index) -> list[str]:
    """The mirror: the topics a "does it work for X?" question asks about that the answering documents name
    but never as what the drug is given for: "does Adbry work for asthma?" where asthma is a trial subject's
    history, not an indication."""
    said = _stances(TREATS.search(question), question, concepts, hits, index, "treated", past_cue=True)
    if any("treated" in stances for _, stances in said):
        return []
    return [surface for surface, stances in said if stances]


def _stances(cue: re.Match | None, question: str, concepts: tuple[Concept, ...] | list[Concept], hits: list[Hit],
             index: Index, stop: str, past_cue: bool = False) -> list[tuple[str, set[str]]]:
    """Per topic the cue asks about and the shown passages name, how the answering documents name it
    (``_stance`` of every sentence saying it); [] without a cue, or when a topic is named too often to read.
    ``stop``: the stance that settles the answer at once (a harm, for a cause question), returned as soon as read.
    ``past_cue``: the topics are the words after the cue ("used for" is no topic), not the cue itself ("addictive")."""
    if cue is None or not hits:
        return []
    # the cue and what it is about
    after = " ".join(question[cue.end() if past_cue else cue.start():].casefold().split()[:CAUSE_OBJECT])
    # what it asks about: the topics after the cue; an everyday word ("older", "catch") only as the cue itself ("hooked")
    asked = [c for c in informative(list(concepts), index) if not c.drug and not c.generic
             and c.surface.casefold() in after and (not c.everyday or c.surface.casefold() in cue.group().casefold())]
    out: list[tuple[str, set[str]]] = []
    documents = list(dict.fromkeys(h.passage.document for h in hits))
    for c in asked:
        if not any(c.satisfied_by(set(h.matched_terms)) for h in hits):
            continue  # not in what is shown: the usual caveat speaks of it
        passages = index.holding(c.terms, documents, MENTIONS_READ)
        if passages is None:
            return []
        # every mention in the answering documents, not only the shown ones: a label that names psoriasis as an
        # indication and elsewhere as a reaction ("new or worsening psoriasis") says the drug may cause it
        stances: set[str] = set()
        for passage in passages:
            for sentence in passage.sentences:
                if c.satisfied_by(terms_of(sentence)):
                    stances.add(_stance(sentence, c, passage.path))
                    if stop in stances:  # one such mention settles it: the rest need not be read
                        return [(c.surface, stances)]
        out.append((c.surface, stances))
    return out


def figures_only(question: str, concepts: tuple[Concept, ...] | list[Concept], hits: list[Hit],
                 index: Index) -> list[str]:
    """The topics asked about (in the sentence that asks, not the story before it) that the answering
    documents name only in figures about a population ("a 2.5-fold increase in total overdose deaths from
    the years 2001-2013"): what happened to many people over years, not what the document says of its
    drug. "Can you overdose on baclofen?" is not answered by a national statistic; "how much did overdose
    deaths increase?" asks for the figures, and is."""
    if FIGURES_ASKED.search(question):
        return []
    asking = asked_part(question)
    documents = list(dict.fromkeys(h.passage.document for h in hits))
    found = []
    for c in informative(list(concepts), index):
        if (c.drug or c.generic or c.everyday or c.surface.casefold() not in asking.casefold()
                or not any(c.satisfied_by(set(h.matched_terms)) for h in hits)):
            continue
        passages = index.holding(c.terms, documents, MENTIONS_READ)
        if not passages or not all(POPULATION.search(p.text) for p in passages):
            continue  # a passage naming it with no figure in it at all: cheap to rule out, and the usual case
        said = [s for p in passages for s in p.sentences if c.satisfied_by(terms_of(s))]
        if said and all(POPULATION.search(s) and PEOPLE_AT_LARGE.search(s) for s in said):
            found.append(c.surface)
    return found


# "is baclofen better than naltrexone?", "how does Otezla compare to Sotyktu?"
COMPARES = re.compile(r"\b(better|worse|safer|stronger|weaker|more effective|less effective) than\b|\bcompar\w*\b|"
                      r"\b(vs\.?|versus)\b", re.I)


def not_compared(question: str, hits: list[Hit], index: Index, ours: frozenset[str]) -> list[str]:
    """The drugs a comparison question names beside the document's own that the answering documents name,
    but never in a sentence that also names their own drug: "buprenorphine, methadone, and naltrexone" in a
    list is no comparison of baclofen with naltrexone."""
    if not hits or not COMPARES.search(question):
        return []
    documents = list(dict.fromkeys(h.passage.document for h in hits))
    found = []
    for surface, name, _ in find_drugs(words(question)):
        terms = tuple(t for t in tokenize(surface) if t not in ours)
        if not terms or not all(t in index.vocabulary for t in terms):
            continue  # the document's own drug, or one it never names (the usual caveat names it)
        passages = index.holding(terms, documents, MENTIONS_READ)
        if passages is None:
            continue
        sentences = [terms_of(s) for p in passages for s in p.sentences]
        if not any(set(terms) <= held and not ours.isdisjoint(held) for held in sentences):
            found.append(surface)
    return found


@lru_cache(maxsize=8192)
def _worded(sentence: str) -> tuple[tuple[str, ...], tuple[frozenset[str], ...]]:
    """A sentence's words in order, and each one's terms."""
    words = tuple(m.group() for m in _WORD.finditer(sentence))
    return words, tuple(frozenset(tokenize(w)) for w in words)


def _stance(sentence: str, concept: Concept, path: tuple[str, ...]) -> str:
    """How a sentence names the concept: "treated" (what the drug is given for: "used to treat addiction",
    "patients with atopic dermatitis"), "harm" (a reaction, a risk, or any mention under an adverse-reactions
    or warnings heading), or "neutral" ("addiction is a problem that affects people from all demographics")."""
    words, stems = _worded(sentence)
    terms = set(concept.terms)
    for i in (i for i, w in enumerate(stems) if not terms.isdisjoint(w)):
        before = words[max(0, i - TREAT_WINDOW):i]
        if any(w.casefold() in ("not", "no", "never") for w in words[max(0, i - TREAT_WINDOW - 2):i]):
            continue  # "not indicated for the relief of acute bronchospasm": not what it is given for
        if (any(_TREATS_BEFORE.match(w) for w in before)
                or any(_TREATMENT_OF.match(w) and before[j + 1].casefold() in ("of", "for", "in")
                       for j, w in enumerate(before[:-1]))
                or any(_INDICATED.match(w) and "not" not in (v.casefold() for v in words[max(0, j - 2):j])
                       for j, w in enumerate(words[:i]))  # "indicated for ... atopic dermatitis"
                # "used to decrease spasticity", "to reduce cravings"
                or any(w.casefold() == "used" and before[j + 1].casefold() == "to" for j, w in enumerate(before[:-1]))
                or any(_LESSENS.match(w) for w in before[-3:])
                # "patients aged 6 months and older with atopic dermatitis"
                or any(w.casefold() == "with" and any(_PEOPLE.match(v) for v in before[max(0, j - TREAT_WINDOW):j])
                       for j, w in enumerate(before) if j >= len(before) - 3)
                or (i + 1 < len(words) and _AFTER.match(words[i + 1]))):  # "addiction treatment"
            return "treated"
    return "harm" if HARM.search(sentence) or HARM_HEADING.search(" ".join(path)) else "neutral"
