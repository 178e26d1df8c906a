"""From a question (and the conversation before it) to what is searched.

A question becomes *concepts*: each content word, or lay phrase, with the index terms
that would satisfy it (its stem, a typo's correction, the clinical words for a lay
word). Concepts decide both the search weights and, later, whether the best passage
covers the question well enough to answer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from index import TUNING, Index, tokenize, words
from index.drugnames import find_drugs, names as drug_names
from index.english import is_everyday
from index.spelling import Speller, english_speller
from index.stopwords import STOPWORDS
from index.tokenizer import is_content, stem
from index.variants import Variants

from .lexicon import BROADER, GENERIC_WORDS, JOINED, PRACTICAL_TOPICS, lay_expansions, lexicon_words

_LAY_WORDS = frozenset(lexicon_words())
_GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_WORDS)
_PRACTICAL_STEMS = frozenset(stem(w) for w in PRACTICAL_TOPICS)
_LEXICON_SPELLER = Speller(Counter(_LAY_WORDS | GENERIC_WORDS))  # "pregant" -> "pregnant", same rules

FOLLOWUP_CUE = re.compile(
    r"^\s*(and|also|plus|but|so|then|what about|how about|what else|anything else|same|more|why|is that|does that|"
    r"what if|and if|how long|how often|how soon|when)\b",
    re.I,
)
ANAPHORA = re.compile(r"\b(it|its|that|this|those|these|they|them|there|he|she|one)\b", re.I)


@dataclass(frozen=True)
class Concept:
    surface: str  # the user's word or phrase, for "nothing about X"
    terms: tuple[str, ...]  # index terms, any of which satisfies the concept
    weight: float  # how much it says: the idf of its best-known term
    own: int = 1  # the first `own` terms are the user's words; the rest are lay -> clinical
    generic: bool = False  # a framing word such as "safe" or "common"
    everyday: bool = False  # common English ("glass", "drive", "body"): colours a question, never forces a decline
    drug: str = ""  # a drug the document never names ("gabapentin" -> "Gabapentin")
    # clinical alternatives of several words, each needing all of them ("flu shot": "influenza vaccine", not any
    # mention of "vaccine"); searched like the others, and not among ``terms``
    joined: tuple[tuple[str, ...], ...] = ()
    broader: bool = False  # a topic the question implies ("vaccine" for a flu shot), not one it says: never named

    def satisfied_by(self, terms: set[str] | frozenset[str]) -> bool:
        """All of the user's own words, or any one clinical alternative ("hair loss" or "alopecia")."""
        own, clinical = self.terms[: self.own], self.terms[self.own:]
        return (bool(own) and all(t in terms for t in own) or any(t in terms for t in clinical)
                or any(all(t in terms for t in group) for group in self.joined))


@dataclass(frozen=True)
class Plan:
    concepts: tuple[Concept, ...]
    weights: dict[str, float]  # what is searched
    query: str  # what is searched, for people
    followup: bool = False
    corrections: tuple[tuple[str, str], ...] = ()
    context: tuple[str, ...] = ()  # words carried over from earlier turns


COMPOUND = re.compile(r"\b([^\W\d_]+)-([^\W\d_]+)\b")  # a hyphenated word: "half-life", "anti-inflammatory"


def concepts_of(question: str, index: Index) -> tuple[list[Concept], list[tuple[str, str]]]:
    """The question's concepts, and the corrections made to its words (typos, brand names)."""
    concepts, corrections = _concepts_of(question, index)
    return list(concepts), list(corrections)


@lru_cache(maxsize=1024)
def _concepts_of(question: str, index: Index) -> tuple[tuple[Concept, ...], tuple[tuple[str, str], ...]]:
    """Kept per question: planning a conversation and picking the answer read the same turns again."""
    asked = words(question)
    fixed = [_fix_spelling(w, index) for w in asked]
    for i in range(1, len(fixed) - 1):  # "how long dose it last", "how dose baclofen work": the verb, misspelt
        if fixed[i] == "dose" and fixed[i - 1] in _BEFORE_DOES and fixed[i + 1] in _AFTER_DOES | subject_terms(index):
            fixed[i] = "does"
    corrections = list(dict.fromkeys((w, f) for w, f in zip(asked, fixed) if f != w))
    qwords = [part for f in fixed for part in f.split()]  # a split typo ("halflife") is two words
    concepts: list[Concept] = []
    covered: set[int] = set()
    stand_ins: list[tuple[str, list[Concept]]] = []
    for surface, name, span in _drugs(qwords, index):
        concept, alias = _drug_concept(surface, name, index)
        if alias:
            corrections.append((surface, alias))
        concepts.append(concept)
        covered.update(span)
    for phrase, clinical, span in lay_expansions(qwords):
        if covered.intersection(span):
            continue
        own = list(dict.fromkeys(stem(w) for w in phrase.split() if is_content(w)))
        broader = [a[len(BROADER):] for a in clinical.split() if a.startswith(BROADER)]
        alternatives = [a for a in clinical.split() if not a.startswith(BROADER)]
        clinical_terms = [t for t in tokenize(" ".join(a for a in alternatives if JOINED not in a)) if t not in own]
        joined = tuple(dict.fromkeys(group for a in alternatives if JOINED in a
                                     if (group := tuple(tokenize(a.replace(JOINED, " ")))) and set(own) != set(group)))
        concepts.append(Concept(phrase, tuple(own + clinical_terms), 0.0, len(own), joined=joined))
        implied = [Concept(word, tuple(tokenize(word)), 0.0, broader=True) for word in broader]
        if joined:  # the broader topic, for the document that says only it ("vaccine" for a flu shot)
            concepts.extend(implied)
        elif implied:  # ... or, for a question asking only this, which the document never says: see below
            stand_ins.append((phrase, implied))
        covered.update(span)
    compounds = set(COMPOUND.findall(question.lower()))
    for i, word in enumerate(qwords):
        if i in covered or not is_content(word):
            continue
        after = qwords[i + 1] if i + 1 < len(qwords) else ""
        if (word, after) in compounds and i + 1 not in covered and is_content(after):
            # "half-life" is one thing: a passage with "half" and no "life" does not answer it
            concepts.append(Concept(f"{word}-{after}", (stem(word), stem(after)), 0.0, own=2))
            covered.add(i + 1)
            continue
        term = word if word[0].isdigit() else stem(word)
        concepts.append(Concept(word, (term,) + _other_forms(term, index) + _own_brands(index).get(term, ()), 0.0))
    weighed = tuple(_weighed(c, index) for c in {c.surface: c for c in concepts}.values())
    # a broader topic stands in for a question's only topic when the document never says it ("can kids take
    # it?" on a label for adults: what it says of adults), not beside another ("can I breastfeed my child on it?")
    if stand_ins:  # read only for the questions that have one
        topics = [c for c in informative(list(weighed), index) if not (c.broader or c.drug)]
        for phrase, implied in stand_ins:
            if [c.surface for c in topics] == [phrase] and not topics[0].satisfied_by(index.vocabulary):
                weighed += tuple(_weighed(c, index) for c in implied)
    return weighed, tuple(dict.fromkeys(corrections))


def _drugs(qwords: list[str], index: Index) -> list[tuple[str, str, range]]:
    """Drugs the question names, looked up only when it has words the document never uses
    (the dictionary is loaded on first need, not at start-up)."""
    if all(not w.isalpha() or stem(w) in index.doc_freq or w in STOPWORDS for w in qwords):
        return []
    return find_drugs(qwords)


def _drug_concept(surface: str, name: str, index: Index) -> tuple[Concept, str]:
    """A named drug: one the document uses, a brand of one it uses (Lioresal -> baclofen),
    or one it never names (then ``drug`` is set)."""
    own = tuple(stem(w) for w in surface.split() if is_content(w))
    if all(t in index.doc_freq for t in own):
        return Concept(surface, own, 0.0, len(own)), ""
    generic = tuple(t for t in tokenize(name) if t in index.doc_freq)
    if generic and len(generic) * 2 >= len(tokenize(name)):  # a brand read as the drug the document names
        return Concept(surface, generic, 0.0, len(generic)), name.lower()
    generic_name = name.lower().split("-")[0]
    ours = _title_forms(index).get(generic_name) if surface.lower().split("-")[0] == generic_name else None
    if ours:  # the drug a title names, written otherwise in the text ("bimekizumab" for "bimekizumab-bkzx"); another
        # brand of it (Jakafi for Opzelura's ruxolitinib) is another product, and stays another drug
        return Concept(surface, ours, 0.0, len(ours)), ""
    return Concept(surface, own, 0.0, len(own), drug=name), ""


@lru_cache(maxsize=8)
def _own_brands(index: Index) -> dict[str, tuple[str, ...]]:
    """Another brand of a drug a title names, as the text writes it -> that drug's terms: "Lioresal" is
    satisfied by "baclofen" ("Does Lioresal cause drowsiness?" asks of every baclofen passage)."""
    covered = {name: tuple(tokenize(name)) for _, name in covered_drugs(index)}
    titled = {t for title in titles(index) for t in tokenize(title)}  # the title's own names are its subject already
    brands: dict[str, tuple[str, ...]] = {}
    for variant, name in drug_names().items():
        generic = covered.get(name.lower())
        if generic and " " not in variant and (term := stem(variant)) in index.vocabulary and term not in titled:
            brands[term] = generic
    return brands


@lru_cache(maxsize=8)
def _title_forms(index: Index) -> dict[str, tuple[str, ...]]:
    """Each drug the titles name (its name before any suffix) -> the terms of a form of it the text uses
    ("bimekizumab" -> the brand "bimzelx", when the label writes the generic as "bimekizumab-bkzx")."""
    forms: dict[str, tuple[str, ...]] = {}
    for surface, name in covered_drugs(index):
        terms = tuple(tokenize(surface))
        if terms and all(t in index.doc_freq for t in terms):
            forms.setdefault(name.split("-")[0], terms)
    return forms


def _other_forms(term: str, index: Index) -> tuple[str, ...]:
    """diagnose -> diagnosis, chemo -> chemotherapy: only for a word the document never uses."""
    if term in index.doc_freq:
        return ()
    return variants_of(index).of(term)


def prepare(index: Index) -> None:
    """Build the tables that reading a question keeps per index (and the lay words' and English spellers),
    so that no question waits for them (``loading.warm_up`` calls this in a daemon thread)."""
    variants_of(index)
    subject_terms(index)
    _titles_holding(index)
    _LEXICON_SPELLER.index()
    english_speller().index()


@lru_cache(maxsize=8)
def variants_of(index: Index) -> Variants:
    return Variants(index.vocabulary)


_BEFORE_DOES = frozenset({"how", "long", "often", "soon", "quickly", "fast", "why", "when", "where"})
_AFTER_DOES = frozenset({"it", "this", "that", "he", "she", "u", "you", "they", "the", "my", "his", "her", "your"})


def _fix_spelling(word: str, index: Index) -> str:
    """A misspelt word -> the monograph's word or lay word it most likely meant ("pregant")."""
    if len(word) < 3 or not word.isalpha() or word in STOPWORDS or word in _LAY_WORDS or word in GENERIC_WORDS:
        return word
    if stem(word) in index.doc_freq:  # a real English word is left alone by the speller itself (index/spelling.py)
        return word
    fixed = index.closest_word(word)
    if fixed:
        return fixed
    fixed = _LEXICON_SPELLER.closest(word)
    if fixed:
        return fixed
    if find_drugs([word]):  # a drug's name is not an English word misspelt ("lyrica" is not "lyrical")
        return word
    return english_speller().closest(word) or word


def _weighed(concept: Concept, index: Index) -> Concept:
    known = [t for t in concept.terms + tuple(t for g in concept.joined for t in g) if t in index.doc_freq]
    weight = max((index.idf(t) for t in known), default=index.idf(""))
    generic = stem(concept.surface) in _GENERIC_STEMS or (concept.surface[0].isdigit() and not known)
    everyday = not generic and not concept.drug and not concept.surface[0].isdigit() and concept.own == len(
        concept.terms) and not is_practical(concept.surface) and all(
        is_everyday(w) for w in concept.surface.split() if is_content(w))
    share = TUNING.generic_share if generic else TUNING.everyday_share if everyday and not known else 1.0
    # built directly: dataclasses.replace reads the fields anew on every call, for each concept of every question
    return Concept(concept.surface, concept.terms, weight * share, concept.own, generic, everyday, concept.drug,
                   concept.joined, concept.broader)


def is_practical(surface: str) -> bool:
    """A practical matter ("insurance", "plane"): a topic when asked about, though everyday English."""
    return stem(surface) in _PRACTICAL_STEMS


def is_common(term: str, index: Index) -> bool:
    return index.doc_freq.get(term, 0) >= TUNING.common_share * len(index)


def informative(concepts: list[Concept], index: Index) -> list[Concept]:
    """Concepts that name a topic: not framing words, not terms found in most passages, not
    the drug the document is about ("haloperidol" in the haloperidol label)."""
    subject = subject_terms(index)
    return [c for c in concepts
            if not c.generic and not all(is_common(t, index) or t in subject for t in c.terms)]


@lru_cache(maxsize=8)
def titles(index: Index) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.document for p in index.passages))


@lru_cache(maxsize=8)
def covered_drugs(index: Index) -> tuple[tuple[str, str], ...]:
    """(name as the title writes it, drug name) for the drugs a corpus's titles name."""
    return tuple(dict.fromkeys((surface, name.lower()) for title in titles(index)
                               for surface, name, _ in find_drugs(words(title))))


_BRAND_OF = re.compile(r"^\s*([^\W\d_][\w-]*)\s*\(([^()]*)")  # "BRAND (generic ...": a label's title
DEFINITION = re.compile(r"^\s*(what|who)('s|\s+(is|are|was|were))\s+(an?\s+|the\s+)?", re.I)
NAMING_SHARE = 0.05  # with several documents, a title word in at most this share of titles names its documents


@lru_cache(maxsize=8)
def subject_terms(index: Index) -> frozenset[str]:
    """Terms that name what a document is about, not a topic within it: the drugs its title
    names, brand and generic; with several documents, also the title words that pick out a
    few of them ("Alzheimer", "ataxia"), so "What is X?" gets X's opening."""
    names = titles(index)
    drugs = {t for pair in covered_drugs(index) for name in pair for t in tokenize(name)}
    # a label titled "YESINTEK (ustekinumab-kfce)": a brand newer than the drug dictionary, named with its generic
    drugs |= {t for title in names if (m := _BRAND_OF.match(title)) and find_drugs(words(m.group(2)))
              for t in tokenize(m.group(1))}
    if len(names) == 1:
        return frozenset(drugs)
    counts = Counter(t for title in names for t in set(tokenize(title)))
    naming = {t for t, n in counts.items() if n <= max(1, NAMING_SHARE * len(names)) and not t[0].isdigit()}
    return frozenset(drugs | naming)


def search_weights(concepts: list[Concept]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for c in concepts:
        for i, term in enumerate(c.terms + tuple(t for g in c.joined for t in g)):
            w = (1.0 if i < c.own else TUNING.lay_weight) * (TUNING.generic_search if c.generic else 1.0)
            weights[term] = max(weights.get(term, 0.0), w)
    return weights


def looks_like_followup(question: str, concepts: list[Concept], index: Index) -> bool:
    """No topic of its own, "what about ...", or a pronoun standing for what was said before
    ("Does it depend on weight?", "How long does that infusion take?"), unless, in a
    library, the question names a document or drug of its own."""
    info = informative(concepts, index)
    if not info or FOLLOWUP_CUE.match(question):
        return True
    if not ANAPHORA.search(question):
        return False
    subject = subject_terms(index)
    names_subject = any(c.terms and all(t in subject for t in c.terms) for c in concepts)
    return len(titles(index)) < 2 or not names_subject


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def asked_part(question: str) -> str:
    """The sentences that ask (end with "?"), or the whole question when none does: "I overdosed on alcohol
    years ago. is baclofen safe for me?" asks about baclofen's safety, not about overdose."""
    return " ".join(s for s in _SENTENCE_END.split(question) if s.rstrip().endswith("?")) or question


@lru_cache(maxsize=1024)  # asked by the search (plan) and again by the decision (coverage.decide)
def with_a_story(question: str, index: Index) -> str | None:
    """The sentences that ask, when a story is told around them and they ask about a topic of their own (a rare
    word, or an everyday one the document uses: "withdrawal", not "drive"); None otherwise, as when they point
    back at the story ("Could it be the baclofen?", "Is this a known side effect?")."""
    asking = asked_part(question)
    if asking == question or ANAPHORA.search(asking):
        return None
    asked, _ = concepts_of(asking, index)
    own = any(not c.drug and (not c.everyday or c.satisfied_by(index.vocabulary)) for c in informative(asked, index))
    return asking if own else None


def plan(question: str, index: Index, history: tuple[str, ...] = ()) -> Plan:
    """The search for ``question``, drawing on earlier questions when it depends on them."""
    previous: list[Plan] = []
    for earlier in history:  # each earlier turn was planned with the turns before it
        previous.append(_plan_turn(earlier, index, previous[-len(TUNING.history_weights):]))
    return _plan_turn(question, index, previous[-len(TUNING.history_weights):])


def _plan_turn(question: str, index: Index, previous: list[Plan]) -> Plan:
    concepts, corrections = concepts_of(question, index)
    weights = search_weights(concepts)
    if (asking := with_a_story(question, index)) is not None:
        # "I've been on it two years for my MS ... Will I go through withdrawal?": the story is searched below
        # the sentence that asks
        own = search_weights(concepts_of(asking, index)[0])
        weights = {t: w if t in own else w * TUNING.story_weight for t, w in weights.items()}
    if not previous or not looks_like_followup(question, concepts, index):
        return Plan(tuple(concepts), weights, corrected(question, corrections), False, tuple(corrections))
    own = _surfaces(concepts, index)
    context: list[str] = []
    for decay, prior in zip(TUNING.history_weights, reversed(previous)):  # each earlier turn's own words only,
        for term, w in search_weights(list(prior.concepts)).items():  # so context does not pile up
            if not is_common(term, index):
                weights[term] = max(weights.get(term, 0.0), w * decay)
        known = [c for c in prior.concepts if any(t in index.vocabulary for t in c.terms)]  # "capital of France": nothing
        context.extend(s for s in _surfaces(known, index) if s not in own and s not in context)
    query = " ".join(own or [corrected(question, corrections)]) + (" + " + " ".join(context) if context else "")
    return Plan(tuple(concepts), weights, query, True, tuple(corrections), tuple(context))


def corrected(question: str, corrections: list[tuple[str, str]]) -> str:
    for wrong, right in corrections:
        question = re.sub(rf"\b{re.escape(wrong)}\b", right, question, flags=re.I)
    return question


def _surfaces(concepts: list[Concept], index: Index) -> list[str]:
    """Words worth showing and carrying: not framing words, not terms in most passages."""
    return [c.surface for c in concepts if not c.generic and not all(is_common(t, index) for t in c.terms)]


@lru_cache(maxsize=8)
def _title_terms(index: Index) -> dict[str, frozenset[str]]:
    return {title: frozenset(tokenize(title)) for title in titles(index)}


def defined_document(question: str, concepts: list[Concept], index: Index) -> str | None:
    """"What is Ataxia Telangiectasia?" in a library: the document whose title is what is
    asked about (all its topic words in the title; the title with fewest other words wins)."""
    if len(titles(index)) < 2 or not DEFINITION.match(question):
        return None
    asked = {c.terms[0] for c in concepts if not c.generic and c.terms}
    if not asked:
        return None
    table = _title_terms(index)
    # "Who is at risk for angina?" asks who, not what: its framing words too must be the title's
    framing = {c.terms[0] for c in concepts if c.generic and c.terms}
    holders = _titles_holding(index)
    rarest = min(asked, key=lambda t: len(holders.get(t, ())))
    fits = [(len(table[title] - asked), title) for title in holders.get(rarest, ()) if asked | framing <= table[title]]
    return min(fits)[1] if fits else None


@lru_cache(maxsize=8)
def _titles_holding(index: Index) -> dict[str, tuple[str, ...]]:
    """Title term -> the titles holding it: "What is X?" looks at X's few titles, not all of them."""
    found: dict[str, list[str]] = {}
    for title, terms in _title_terms(index).items():
        for term in terms:
            found.setdefault(term, []).append(title)
    return {t: tuple(ts) for t, ts in found.items()}
