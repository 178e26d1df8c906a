"""Is this message an emergency, and which of the document's passages says what to do?

Two sources, one verdict. The always-urgent kinds (``safety.py``) hold whatever the
document says. The document's own urgent statements, found when the index was built
(``index.urgent``), add what this drug makes urgent: a message that tells of symptoms
the document says need help right away, or that sudden withdrawal causes after the
person stopped, or more than the document's daily maximum taken. Either way, the
passages holding the matching statements are shown first. Pure: reads the index only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from index import Hit, Index, tokenize
from index.urgent import Urgent

from .cues import RESOLVED, Sentence, respelled, sentences
from .query import ANAPHORA, FOLLOWUP_CUE, subject_terms
from .safety import AS_MEANT, ASKED_ABOUT, FEARED, KINDS, REST_OF, kinds_in, resolve_asked
from .symptoms import KIND_SIGNS, Symptom, symptoms_in

SHOWN_FIRST = 2  # passages of the document's urgent statements put before the search results
STOPPED = re.compile(
    r"\b(stopped|quit|ran out|run out|came off|coming off|cold turkey|went off|havent (taken|had)|"
    r"missed (\w+ ){0,2}(days|doses)|out of (my |his |her )?\w+ (for )?(\d+|a few|few|two|three|four|five|several) days|"
    r"(weaning|tapering|coming|came) (myself |himself |herself )?off (\w+ ){0,2}(really |too |very |so )?(fast|quickly|quick))\b")
TAKEN = re.compile(
    r"\b(took|taken|swallowed|had|ate|injected|downed|popped|gave (him|her|me|them|myself)|given)\b[^.?!]{0,40}?"
    r"\b(\d+(?:\.\d+)?) ?(mg|milligrams?|g|grams?)\b")
# an overdose taken on purpose, or told as goodbye, is self-harm: 988, and no passages about amounts
INTENT = re.compile(r"\b(on purpose|intentional(ly)?|to (make (it|everything|the pain)( all)? stop|end it|die|not wake "
                    r"up)|(said|texted|wrote|saying|messaged) (me )?(sorry|goodbye|bye)|suicide attempt|tried to (kill|"
                    r"end|hurt|harm))\b")
# the person says it cannot wait: with a symptom the document names in an urgent statement, it counts
ALARMED = re.compile(r"\b(help|please help|what (do|should|can) (i|we) do (now|right now)|is (this|it|that) an "
                     r"emergency|(go|going|take (him|her|them)) to the (er|hospital|emergency room)|call (911|an "
                     r"ambulance)|ambulance|emergency)\b(?! if)")
HIGH_FEVER = re.compile(r"\b(10[3-9]|39\.[5-9]|4[0-2])(\.\d)?\b|\b(forty|forty one|a hundred and (three|four|five))\b|"
                        r"\b(high|very high|really high|spiking|raging) fever|"
                        r"burning up|(temperature|temp|fever) (is )?(really |very |so |super )?(high|through the roof)")
# Taken in error or far too much, then unwell: the mistake alone may be harmless ("took tylenol instead of
# advil"), so these count with a sign of being unwell now. Another person's medicine, or one drug for another:
_OWNER = (r"(neighbou?rs?|roommates?|room mates?|friends?|moms?|mums?|dads?|mothers?|fathers?|wifes?|husbands?|"
          r"partners?|boyfriends?|girlfriends?|sisters?|brothers?|grandmas?|grandpas?|grandmothers?|grandfathers?|"
          r"nans?|aunts?|uncles?|cousins?|sons?|daughters?|kids?|coworkers?|someone elses|somebody elses|"
          r"(his|her|their) own)")
WRONG_MEDICINE = re.compile(
    r"\b(took|taken|swallowed|grabbed|used|applied|injected|popped|picked up|had|gave (him|her|them|me|myself))\b"
    r"(?:(?!\b(instead|but|and)\b)[^.?!]){0,30}\binstead of (my|his|her|their|our|the|a|an|some)\b|"
    r"\b(took|taken|swallowed|used|applied|injected|popped|had|ate|tried)( some| one| a few| two| a couple)?( of)? "
    rf"(my |our |a |the )?{_OWNER} (\w+ )?(pills?|tablets?|meds|medicines?|medications?|prescription|capsules?|"
    r"cream|ointment|gel|shot|pen|injection|dose|\w+(ol|in|ine|en|am|an|ide|one|ex|ix|ra|ia|il|yx|ia|za))\b|"
    r"\b(wrong (pill|pills|med|meds|medicine|medication|bottle|tablet|dose|pen|shot|cream|tube))\b")
# far too much of a cream, gel or injection at once or in a few days: "used the whole tube in 2 days",
# "half the jar", "a whole tube", "three pens this week"
TOO_MUCH_APPLIED = re.compile(
    r"\b(used|use|using|put|putting|applied|apply|applying|slathered|slathering|smeared|smothered|rubbed|rubbing|"
    r"spread|went through|gone through|finished|emptied|squeezed|injected|did|took)\b[^.?!]{0,25}?"
    r"\b(a whole|the whole|an entire|the entire|whole|entire|half (a|the|of (a|the|my))|most of (a|the|my)|all of (a|the|"
    r"my)|a full|(two|three|four|five|\d+) (whole |full )?)( \w+)? (tubes?|jars?|tubs?|pots?|bottles?|pumps?|pens?|"
    r"syringes?|vials?|cans?|packs?|boxes|patches|cartons?)\b")
# a dose just given, that what is happening follows: "after his cosentyx shot", "just gave myself my injection",
# "20 minutes into the infusion"
AFTER_A_DOSE = re.compile(
    r"\b(after|following|into) (my|his|her|their|the|this|that|a|an|today'?s|this morning'?s)( \w+){0,2} "
    r"(shot|injection|infusion|jab|pen|dose|syringe|drip)\b(?! (of|was|is|has|got|went))|"
    r"\bjust (gave|had|injected|did|took|used|got)( \w+){0,3} (shot|injection|infusion|jab|pen|dose|syringe)\b"
    r"(?! of)", re.I)
_AFTER_A_DOSE_KINDS = {"breathing", "unresponsive", "chest"}  # what a reaction to the dose itself may look like
# a sign of being unwell now, broadly: what makes a mistake or too much an emergency
UNWELL = re.compile(
    r"\b(dizzy|dizziness|light ?headed|faint\w*|woozy|weak|wobbly|stumbling|unsteady|cant (walk|stand|"
    r"keep (my|his|her|their) eyes open|stay awake|think)|sleepy|drowsy|out of it|confus\w+|slurr\w+|words? "
    r"(\w+ ){0,3}(weird|wrong|jumbled|funny|slurred)|drool\w*|vomit\w*|throwing up|threw up|puk\w+|nause\w*|"
    r"fever\w*|burning up|chills|shaking|shaky|trembl\w*|twitch\w*|bruis\w+|bleed\w*|numb|tingl\w*|racing|"
    r"pounding|palpitations|blurr\w+|double vision|pale|clammy|sweaty|sweating|short of breath|breathing|wheez\w*|"
    r"sluggish|lethargic|not (acting|feeling) (right|himself|herself|myself|well)|(feel|feels|feeling|felt) (\w+ )?"
    r"(awful|terrible|horrible|really bad|so bad|strange|weird|off|wrong|sick|funny)|hallucinat\w*)\b")
# what makes sudden withdrawal, a high fever or a racing heart an emergency rather than a worry
_SEVERE = {"seizure", "hallucination", "heart", "fever", "confusion", "rigidity", "unresponsive", "chest pain"}
_WITH_FEVER = {"confusion", "rigidity", "chills", "seizure", "unresponsive", "hallucination", "tremor", "cold skin"}
_WITH_HEART = {"faint", "chest pain", "breathing", "unresponsive"}
# signs that are urgent only beside another ("muscles aching" with urine like cola), never alone through a
# document's "call your doctor right away if you have unexplained muscle pain"
_TOGETHER_ONLY = {"muscle pain", "weakness"}
_SEPSIS = {"confusion", "breathing", "cold skin", "unresponsive", "rigidity", "chills", "faint", "tremor", "vomiting"}
_PRIORITY = {"help": 0, "withdrawal": 1, "overdose": 1, "maximum": 2, "grave": 3}


@dataclass(frozen=True)
class Urgency:
    kind: str | None  # an always-urgent kind, "withdrawal", "fever", "document", or None
    passages: tuple[int, ...] = ()  # index numbers of passages saying what to do, best first
    symptoms: tuple[str, ...] = ()  # the symptoms the message tells of
    asked: bool = False  # a drug's suicidality warning asked about, not the person's own thoughts: notice, answer
    feared: bool = False  # ... feared, or asked how common: the notice all the same, above the answer
    kinds: tuple[str, ...] = ()  # every kind the message tells of, ``kind`` first ("breathing", then "allergy")


def assess(text: str, index: Index, history: tuple[str, ...] = ()) -> Urgency:
    """The message's emergency, if any; a short follow-up to an emergency ("what do I do?") keeps its notice."""
    found = _assess(text, index)
    if found.kind or not history or not (FOLLOWUP_CUE.match(text) or ANAPHORA.search(text) or len(text.split()) <= 6):
        return found
    earlier = _assess(history[-1], index)
    return Urgency(earlier.kind, earlier.passages, earlier.symptoms, kinds=earlier.kinds) if earlier.kind else found


def _assess(text: str, index: Index) -> Urgency:
    said = sentences(respelled(text, index.speller))
    about = index.documents_named(tokenize(text))  # in a folder of documents, the ones the message names
    happening = [s for s in said if s.told_as_happening]
    if over_now(said):  # "my lips went puffy yesterday but it settled within the hour": told, and over
        said = [s for s in said if _self_harm_only(s)]
        happening = []
    told = [(s, symptoms_in(s.text)) for s in happening]  # each sentence read for symptoms once
    symptoms = _symptoms(told)
    names = {s.name for s in symptoms}
    read = {k for s in said for k in kinds_in(s)}
    found = resolve_asked(read, said)
    kinds = [k for k in KINDS if k in found] + [k for k in [_combined(said, happening, names)] if k]
    over = _over_maximum(happening, index, about) or any(_over_own_maximum(s.text) for s in happening)
    if (over or any(_rest_of_its_drug(s.text, index) for s in happening)) and "overdose" not in kinds:
        kinds.append("overdose")
    if "overdose" in kinds and any(INTENT.search(s.text) for s in said):
        kinds.insert(0, "self-harm")
    if (set(kinds) & _AFTER_A_DOSE_KINDS and "allergy" not in kinds
            and (names & {"hives", "swelling"} or any(AFTER_A_DOSE.search(s.text) for s in happening))):
        kinds.append("allergy")  # collapsed or fighting for breath after the shot, or with hives: it may be allergic
    if not kinds:
        kinds = [k for k in [_document(happening, told, index, about)] if k]
    if not kinds:
        return Urgency(None, asked=bool({ASKED_ABOUT, FEARED} & read), feared=FEARED in found)
    if kinds[0] == "self-harm":  # passages about amounts are the last thing to show
        return Urgency("self-harm", (), tuple(sorted(names)))
    return Urgency(kinds[0], _shown_first(kinds, symptoms, index, over, about), tuple(sorted(names)),
                   kinds=tuple(dict.fromkeys(kinds)))


def over_now(said: list[Sentence]) -> bool:
    """The message says its episode is over ("settled within the hour") and nothing of it is happening now."""
    return any(RESOLVED.search(s.text) for s in said) and not any(s.now for s in said)


def _self_harm_only(sentence: Sentence) -> bool:
    return bool({"self-harm", ASKED_ABOUT, FEARED} & set(kinds_in(sentence)))


def _symptoms(told: list[tuple[Sentence, list[Symptom]]], mild_too: bool = True) -> list[Symptom]:
    """The symptoms of the sentences told as happening (each with its ``symptoms_in``), by name."""
    found: dict[str, Symptom] = {}
    for s, said in told:
        if mild_too or not s.mild:
            found.update((sym.name, sym) for sym in said)
    return list(found.values())


def _combined(said: list[Sentence], happening: list[Sentence], names: set[str]) -> str | None:
    """Signs that are urgent together: stopping suddenly and now seizing, a high fever and confusion."""
    told = " ".join(s.text for s in said if not s.past and not s.hypothetical)
    if STOPPED.search(told) and names & _SEVERE:
        return "withdrawal"
    if "fever" in names and names & _WITH_FEVER and any(HIGH_FEVER.search(s.text) for s in happening):
        return "fever"
    if "fever" in names and len(names & _SEPSIS) >= 2:  # a fever with two signs of sepsis, whatever the figure
        return "fever"
    if "cold skin" in names and names & {"confusion", "unresponsive", "faint"}:  # cold, clammy and confused: shock
        return "fever"
    if "clot" in names and names & {"breathing", "chest pain", "faint"}:  # a swollen calf, then out of breath
        return "clot"
    if "dark urine" in names and names & {"muscle pain", "weakness"}:  # muscles aching and weak, urine like cola
        return "muscle"
    if "jaundice" in names and names & {"confusion", "unresponsive", "sedation", "vomiting"}:  # yellow and confused
        return "liver"
    if "bruising" in names and names & {"bleeding", "fever"}:  # bruises all over with bleeding gums or a fever
        return "bleeding"
    if "heart" in names and names & _WITH_HEART:
        return "chest"
    if (WRONG_MEDICINE.search(told) or TOO_MUCH_APPLIED.search(told)) and (
            names or any(UNWELL.search(s.text) for s in happening)):
        return "overdose"
    return None


def _statements(index: Index, about: set[str] | None, symptoms: list[Symptom] = (),
                kinds: list[str] = (), alone: frozenset[str] = frozenset()) -> list[int]:
    """The numbers of the statements that could answer, in the document's order: in the named
    documents, and (when ``symptoms`` or ``kinds`` are given) naming one of the symptoms or of
    the kinds' signs, or of a kind in ``alone``, wanted whatever it names. In a library of
    thousands of labels this is a few statements, read through the index's look-ups, not every one."""
    facts = index.urgent
    inside = facts.in_documents(about) if about is not None else None
    if not (symptoms or kinds):
        return list(range(len(facts.statements))) if inside is None else sorted(inside)
    picked: set[int] = set()
    for sym in list(symptoms) + [KIND_SIGNS[k] for k in kinds if k in KIND_SIGNS]:
        for phrase in sym.clinical:  # statements holding every word of the phrase
            picked.update(facts.holding(phrase, inside))
    for kind in alone:
        of_kind = facts.by_kind.get(kind, frozenset())
        picked.update(of_kind if inside is None else inside & of_kind)
    return sorted(picked)


def _naming(index: Index, symptoms: list[Symptom], among: set[int]) -> list[set[int] | frozenset[int]]:
    """Per symptom, which of the statements ``among`` name it (``Symptom.named_in`` their terms)."""
    facts, out = index.urgent, []
    for sym in symptoms:
        if any(not phrase for phrase in sym.clinical):  # an empty phrase is held by every statement
            out.append(among)
        else:
            out.append(set().union(*(facts.holding(phrase, among) for phrase in sym.clinical)))
    return out


_OWN_MAXIMUM = re.compile(r"\b(had|taken|took|taking|swallowed|popped|used|done|injected) (like |about |maybe |around )?"
                          r"(\d+)\b[^.?!]{0,50}?\bmy (daily )?max(imum)? (is|was|dose is|should be) (\d+)\b")


# what was left of the document's drug, taken at once: "swallowed the rest of his baclofen" (``safety``: of "pills")
_REST_OF = re.compile(REST_OF)
_AS_MEANT = re.compile(AS_MEANT)  # taken as meant, or carried somewhere


def _rest_of_its_drug(text: str, index: Index) -> bool:
    """The document's drug is one of the next two words, and what follows it is no "as prescribed", "home"."""
    found = _REST_OF.search(text)
    if found is None:
        return False
    subject = subject_terms(index)
    for word in islice(_WORD.finditer(text, found.end()), 2):
        if set(tokenize(word.group())) & subject:
            return not _AS_MEANT.match(text, word.end())
    return False


_WORD = re.compile(r"\w+")


def _over_own_maximum(text: str) -> bool:
    """More taken than the limit the person gives: "I've had 8 of the 10mg today and my max is 3"."""
    return any(int(m.group(3)) > int(m.group(7)) for m in _OWN_MAXIMUM.finditer(text))


def _over_maximum(happening: list[Sentence], index: Index, about: set[str] | None) -> bool:
    """More taken than the document's stated limit ("I took 300 mg" where the most is 100 mg a day)."""
    taken = [float(m.group(3)) * (1000 if m.group(4).startswith("g") else 1)
             for s in happening for m in TAKEN.finditer(s.text)]
    if not taken:  # most messages tell of no amount: the library's limits are not read
        return False
    limit = index.urgent.maximum(about)
    return limit is not None and any(mg > limit for mg in taken)


def _document(happening: list[Sentence], told: list[tuple[Sentence, list[Symptom]]], index: Index,
              about: set[str] | None) -> str | None:
    """A symptom the document says needs help now; one sudden withdrawal brings, after stopping; two
    of a syndrome it calls fatal; or one it calls urgent when the person asks for help. Mild symptoms
    ("a bit shaky") do not count here."""
    symptoms = [s for s in _symptoms(told, mild_too=False) if s.name not in _TOGETHER_ONLY]
    if not symptoms:
        return None
    stopped = any(STOPPED.search(s.text) for s in happening)
    alarmed = any(ALARMED.search(s.text) for s in happening)
    numbers = _statements(index, about, symptoms)
    naming = _naming(index, symptoms, set(numbers))
    for n in numbers:
        st, matched = index.urgent.statements[n], sum(n in named for named in naming)
        if (st.kind == "help" and matched) or (st.kind == "withdrawal" and stopped and matched) or \
                (st.kind == "grave" and matched >= 2) or (alarmed and matched and st.kind != "maximum"):
            return "document"
    return None


def _shown_first(kinds: list[str], symptoms: list[Symptom], index: Index, over: bool,
                 about: set[str] | None) -> tuple[int, ...]:
    """The passages of the statements that match: what to do, before what the search finds."""
    ranked: list[tuple[int, int, int]] = []
    # a statement is wanted only if it names a symptom or a kind's sign, or is of a kind wanted
    # for itself (see _wanted): those are all the statements read
    alone = frozenset(k for k, wanted in (("overdose", "overdose" in kinds), ("maximum", over),
                                          ("withdrawal", "withdrawal" in kinds)) if wanted)
    numbers = _statements(index, about, symptoms, kinds, alone)
    statements = [index.urgent.statements[n] for n in numbers]
    among = set(numbers)
    matches = Counter(n for named in _naming(index, symptoms, among) for n in named)  # statement -> symptoms named
    signs = set().union(*_naming(index, [KIND_SIGNS[k] for k in kinds if k in KIND_SIGNS], among))
    for n, (number, st) in enumerate(zip(numbers, statements)):
        matched = matches[number]
        sign = number in signs
        wanted = _wanted(st, kinds, matched, sign, over)
        if wanted:  # the kind's own statements first (what withdrawal does, for a withdrawal), then the best matched
            own = st.kind in kinds or (st.kind == "maximum" and over)
            ranked.append((not own, -matched - sign, 0, _PRIORITY[st.kind], n))
    if not ranked:
        return ()
    # among the best, the one whose own words name it comes first (not only its heading: "WARNING: ... AND
    # THROMBOSIS" heads many); read only for those (a library has hundreds of wanted statements)
    best = min(ranked)[:2]
    ranked = [(a, b, -_named_in_sentence(statements[n], symptoms, kinds), d, n) if (a, b) == best else (a, b, c, d, n)
              for a, b, c, d, n in ranked]
    ranked.sort()
    passages: list[int] = []
    for key in ranked:  # the best statement, and others only as good (an overdose's signs and its treatment)
        p = statements[key[-1]].passage
        if key[:4] == ranked[0][:4] and p not in passages:
            passages.append(p)
    return tuple(passages[:SHOWN_FIRST])


def _named_in_sentence(st: Urgent, symptoms: list[Symptom], kinds: list[str]) -> int:
    """How many of the symptoms and kinds' signs the statement's own sentence names (its heading aside)."""
    said = _sentence_terms(st.text)
    signs = list(symptoms) + [KIND_SIGNS[k] for k in kinds if k in KIND_SIGNS]
    return sum(any(phrase and set(phrase) <= said for phrase in sym.clinical) for sym in signs)


@lru_cache(maxsize=8192)
def _sentence_terms(text: str) -> frozenset[str]:
    """A statement's own terms (its heading's aside), kept: statements recur from message to message."""
    return frozenset(tokenize(text))


def _wanted(st: Urgent, kinds: list[str], matched: int, sign: bool, over: bool) -> bool:
    """Whether a statement says what to do about this message: what an overdose does, for an overdose;
    the limit, for more than the limit; what withdrawal does, after stopping; a grave statement that
    names two of its symptoms, or one and the kind itself; an instruction that names either."""
    if st.kind == "overdose":
        return "overdose" in kinds
    if st.kind == "maximum":
        return over
    if st.kind == "withdrawal":
        return "withdrawal" in kinds or ("document" in kinds and matched > 0)
    if st.kind == "grave":
        return matched >= 2 or (sign and matched >= 1)
    return matched > 0 or sign


def lead_with(passages: tuple[int, ...], hits: list[Hit], index: Index, k: int, weights: dict[str, float]) -> list[Hit]:
    """The urgent statements' passages first, then the search's own hits, k in all."""
    first = []
    for n, score in zip(passages, index.scores_of(weights, passages)):  # a few passages: not the whole index
        held = set(tokenize(index.passages[n].text))
        first.append(Hit(index.passages[n], round(score, 4), tuple(t for t in weights if t in held)))
    ids = {h.passage.id for h in first}
    return (first + [h for h in hits if h.passage.id not in ids])[:max(k, len(first))]
