"""Lay words -> the clinical words monographs use, applied to queries only.

General medical vocabulary: each entry is how people say a thing and how a label or article
writes it. Some entries were noticed in the tuning sets' misses ("sex drive", "neck twisting");
they are kept only as general lay names of a symptom or topic, never a question's wording, and
never from a held-out set. A lay word keeps its own meaning too: the clinical words are
alternatives, not replacements.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

from index import english, words
from index.english import is_everyday
from index.tokenizer import STEMMER_VERSION, stem

from . import phenotypes
from .phenotypes import lay_terms

JOINED = "_"  # joins the words of one clinical alternative that needs them all: "influenza_vaccine"
# marks a broader topic the phrase is a kind of ("~vaccine" for a flu shot): a document that says only it answers
# under a caveat naming the phrase ("doesn't mention flu shot. What it says about vaccine:"), never as the phrase itself
BROADER = "~"

LAY_TERMS: dict[str, str] = {
    # body and conditions
    "kidney": "renal", "kidneys": "renal", "liver": "hepatic", "heart": "cardiac cardiovascular",
    # a body part's clinical adjective: "my face" meets a label's "facial", "lungs" its "pulmonary" (the face only
    # with a word that makes it the noun: matching is on stems, and "facing surgery" is "face"; the mouth only as a
    # place, "in my mouth": "my mouth is dry" is no oral route; "my joints", not a joint, which may be
    # smoked: matching is on stems, so "joints" alone would be "joint")
    "my face": "facial", "your face": "facial", "his face": "facial", "her face": "facial", "the face": "facial",
    "lung": "pulmonary", "lungs": "pulmonary", "brain": "cerebral", "nerve": "neurologic neuropathy",
    "nerves": "neurologic neuropathy", "bladder": "urinary", "bone": "skeletal", "bones": "skeletal",
    "my joints": "arthralgia articular", "your joints": "arthralgia articular", "his joints": "arthralgia articular",
    "her joints": "arthralgia articular",
    "in my joints": "arthralgia articular arthritis", "in the joints": "arthralgia articular arthritis",
    "in my mouth": "oral", "in your mouth": "oral", "in his mouth": "oral",
    "in her mouth": "oral",
    "stomach": "gastrointestinal gastric abdominal gastroenteritis", "tummy": "stomach gastrointestinal", "belly": "stomach abdominal",
    "blood pressure": "hypertension hypotension antihypertensive", "high blood pressure": "hypertension",
    "low blood pressure": "hypotension", "sugar": "diabetes glucose", "blood sugar": "glucose diabetes hyperglycemia", "ms": "multiple sclerosis",
    "epilepsy": "seizure", "fits": "seizures convulsions", "fit": "seizure convulsion", "spasm": "spasticity",
    "stiff": "spasticity rigidity", "stiffness": "spasticity rigidity", "cramps": "spasms", "shaking": "tremor",
    "heartbeat": "tachycardia heart rate", "racing heart": "tachycardia", "breathing": "respiratory",
    "cholesterol": "ldl lipid", "throwing up": "vomiting", "puke": "vomiting", "sick to my stomach": "nausea",
    "upset stomach": "nausea", "diarrhoea": "diarrhea", "rash": "dermatologic skin",
    "red eyes": "conjunctivitis keratitis", "itchy eyes": "conjunctivitis keratitis", "sore eyes": "conjunctivitis keratitis",
    "pink eye": "conjunctivitis", "eye infection": "conjunctivitis keratitis", "watery eyes": "conjunctivitis lacrimation",
    "thrush": "candidiasis candida oral", "yeast infection": "candidiasis candida",
    "dark thoughts": "suicidal ideation depression", "darker thoughts": "suicidal ideation depression",
    # effects
    "sleepy": "drowsiness sedation somnolence", "drowsy": "drowsiness", "tired": "drowsiness fatigue tiredness",
    "sleepiness": "drowsiness somnolence", "dizzy": "dizziness", "lightheaded": "dizziness", "woozy": "dizziness",
    # a clouded head, as people say it
    "brain fog": "confusion drowsiness", "groggy": "drowsiness confusion", "spaced out": "confusion drowsiness",
    "spacey": "confusion drowsiness",  # not "foggy" (vision) nor "out of it" ("ran out of it")
    "weak": "weakness", "confused": "confusion", "anxious": "anxiety", "nervous": "anxiety",
    "side effect": "adverse reactions", "side effects": "adverse reactions", "side affects": "adverse reactions",
    "side affect": "adverse reactions", "bad reaction": "adverse reaction",
    "allergic": "allergy hypersensitivity", "hallucinations": "psychosis", "addictive": "dependence addiction",
    "addicted": "addiction dependence", "hooked": "addiction dependence",
    "get high": "euphoria euphoric recreational", "get you high": "euphoria euphoric recreational",
    "get u high": "euphoria euphoric recreational", "get me high": "euphoria euphoric recreational",
    # life events
    "pregnant": "pregnancy", "expecting": "pregnancy", "unborn baby": "pregnancy fetal", "baby": "infant",
    "breastfeeding": "milk nursing lactation", "breast feeding": "milk nursing lactation",
    "breastfeed": "milk nursing lactation", "nursing": "milk lactation", "kids": "children pediatric ~adults",
    "kid": "child pediatric ~adults", "children": "pediatric ~adults", "child": "pediatric ~adults", "elderly": "geriatric",
    "old people": "elderly geriatric", "seniors": "elderly geriatric", "drinking": "alcohol interact", "booze": "alcohol",
    "beer": "alcohol", "wine": "alcohol", "drunk": "alcohol", "with alcohol": "alcohol interact",
    "and alcohol": "alcohol interact",
    # using the medicine
    "stopping": "withdrawal discontinuation", "stop": "withdrawal discontinuation", "quit": "withdrawal",
    "quitting": "withdrawal", "come off": "withdrawal", "coming off": "withdrawal", "cold turkey": "withdrawal",
    "suddenly": "abrupt sudden", "wean": "taper", "weaning": "tapering", "taper off": "withdrawal tapering",
    "how long does it last": "half-life", "stay in your system": "half-life", "stays in your system": "half-life",
    "stay in my system": "half-life", "leave your system": "half-life", "kick in": "take effect onset",
    "stay in ur system": "half-life", "stay in your body": "half-life", "stay in my body": "half-life",
    "stays in your body": "half-life", "out of your system": "half-life", "out of my system": "half-life",
    "wear off": "half-life", "wears off": "half-life", "wore off": "half-life",
    "start working": "take effect onset",  "expire": "shelf life", "expiry": "shelf life",
    "expiration": "shelf life", "go bad": "shelf life", "store": "storage refrigerator refrigerated",
    "keep": "storage store", "warm up": "room temperature",
    "right away": "immediately", "straight away": "immediately", "get help": "medical help emergency",
    "a day": "daily", "per day": "daily", "each day": "daily", "every day": "daily", "pill": "tablet", "pills": "tablets", "dose": "dosage", "max": "maximum",
    "most i can take": "maximum dose", "mixing": "interact interaction", "mix": "interact interaction",
    "together with": "interact", "other drugs": "interact medications", "other medicines": "interact medications",
    "painkillers": "analgesics nsaids pain relievers", "ibuprofen": "nsaids", "aspirin": "nsaids",
    "antidepressants": "tricyclic antidepressants", "ingredients": "inactive ingredients contain",
    "made of": "ingredients contain", "used for": "indicated relieve treatment", "ulcer": "ulceration peptic", "ulcers": "ulceration peptic", "treat": "treatment indicated", "approved": "fda indicated",
    "serious": "severe", "dangerous": "severe", "older": "elderly geriatric", "old age": "elderly geriatric",
    "drink": "alcohol interact", "blood": "bloodstream plasma serum", "first made": "synthesized developed",
    "invented": "synthesized developed", "discovered": "synthesized developed", "inactive ingredients": "contain excipients",
    "too much": "overdose overdosage maximum dose", "too many": "overdose overdosage maximum dose",
    "sleep": "drowsiness insomnia somnolence", "breathe": "breathing respiratory", "can't breathe": "breathing respiratory",
    "night": "time day evening bedtime", "morning": "time day", "evening": "time day night", "bedtime": "time night",
    "meal": "food", "meals": "food", "eat": "food", "eating": "food", "empty stomach": "food",
    "cut": "break split crush chew", "cut in half": "break split", "split in half": "break split", "split": "break cut crush", "crush": "break split", "chew": "break crush",
    "forgot": "missed remember", "forget": "missed remember", "missed": "miss remember", "skip": "miss missed",
    "signs": "symptoms", "sign": "symptom", "symptoms": "signs", "eyes": "eye vision",
    "should not take": "contraindicated contraindications", "shouldn't take": "contraindicated contraindications",
    "should not use": "contraindicated contraindications", "not take": "contraindicated",
    "should not receive": "contraindicated contraindications", "shouldn't receive": "contraindicated contraindications",
    "shouldn't use": "contraindicated contraindications", "should not be given": "contraindicated contraindications",
    "shouldn't be given": "contraindicated contraindications",
    "sex drive": "libido", "get sick": "infections", "getting sick": "infections",
    "catch colds": "upper respiratory tract infections nasopharyngitis", "hot weather": "heat temperature hyperpyrexia",
    "leaking milk": "galactorrhea lactation", "zombie": "sedation lethargy", "sting": "injection site pain",
    "stings": "injection site pain", "bump": "injection site swelling", "achey": "pain aches arthralgia myalgia",
    "short of breath": "dyspnea", "swollen ankles": "edema", "break out": "acne", "breaking out": "acne",
    "gut": "gastrointestinal bowel abdominal diarrhea nausea", "loopy": "confusion dizziness", "neck twisting": "dystonia",
    "eyes rolling": "oculogyric dystonia",
    "pimples": "acne", "pimple": "acne", "blood thinner": "anticoagulant anticoagulants antiplatelet",
    "blood thinners": "anticoagulant anticoagulants antiplatelet", "turn yellow": "jaundice",
    "turning yellow": "jaundice", "yellow eyes": "jaundice", "yellow skin": "jaundice", "stomach upset": "nausea",
    "fight off": "infections immune",
    "too much": "overdose overdosage", "too many": "overdose overdosage", "overdoes": "overdose overdosage",
    "overdosed": "overdose overdosage",
    "feel high": "euphoria euphoric recreational", "make you high": "euphoria euphoric recreational",
    "seeing things": "hallucinations psychosis", "see things": "hallucinations psychosis", "the runs": "diarrhea",
    "inject myself": "self-inject self-injection self-administer", "at home": "self-inject self-injection self-administer",
    "hurt": "pain", "hurts": "pain", "red spot": "erythema redness", "red spots": "erythema redness",
    # red skin, as people say it: the label's erythema ("red" alone is left to the phenotype lexicon's readings)
    "redness": "erythema", "skin red": "erythema redness", "red skin": "erythema redness", "turned red": "erythema redness",
    "went red": "erythema redness", "go red": "erythema redness", "goes red": "erythema redness",
    "red and itchy": "erythema pruritus", "red and swollen": "erythema swelling", "red and sore": "erythema pain",
    "red patch": "erythema", "red patches": "erythema", "red bump": "erythema swelling", "red bumps": "erythema swelling",
    "red mark": "erythema", "red marks": "erythema",
    "iv": "intravenous infusion", "drip": "intravenous infusion", "drips": "intravenous infusions",
    "post-nasal drip": "rhinorrhea", "postnasal drip": "rhinorrhea", "nasal drip": "rhinorrhea",
    "scaly": "plaque psoriasis scaling", "scaly skin": "plaque psoriasis scaling", "muscle problems": "myopathy myalgia rhabdomyolysis creatine phosphokinase",
    "live vaccine": "live-attenuated", "live vaccines": "live-attenuated",
    "where on my body": "site thigh abdomen arm", "where on your body": "site thigh abdomen arm",
    "where on the body": "site thigh abdomen arm",
    "blood test": "laboratory monitoring", "blood tests": "laboratory monitoring", "blood work": "laboratory monitoring",
    "bloodwork": "laboratory monitoring", "lab tests": "laboratory", "labs": "laboratory",
    # the other way round, for an article that never writes the clinical word ("who should not take it")
    "contraindications": "caution avoided", "contraindication": "caution avoided", "contraindicated": "caution avoided",
    "strength": "available", "strengths": "available",
    "work": "effect mechanism action", "hair loss": "alopecia", "fall out": "loss alopecia",
    "falling out": "loss alopecia", "bald": "alopecia hair loss", "period": "menstrual menstruation",
    "periods": "menstrual menstruation", "sun": "photosensitivity sunlight sunburn", "sunburn": "photosensitivity",
    "sensitive": "sensitivity photosensitivity hypersensitivity", "in half": "split break",
    "twisting": "spasm dystonia torticollis", "twitching": "spasm tremor", "jerking": "spasm convulsions",
    "interact": "interaction concomitant coadministration", "interacts": "interaction concomitant coadministration",
    "interaction": "interact concomitant coadministration", "interactions": "interact concomitant coadministration",
    "year old": "years age", "years old": "years age", "month old": "months age", "months old": "months age",
    "watch": "symptoms signs", "watch for": "symptoms signs", "look out for": "symptoms signs",
    "botox": "botulinum toxin", "shot": "injection", "shots": "injections", "jab": "injection",
    "abruptly": "sudden abrupt withdrawal", "abrupt": "sudden withdrawal", "trimester": "months gestation pregnancy",
    "prescribed for": "indicated relieve treatment used", "prescribed": "indicated prescription",
    "overdose": "overdosage", "od": "overdose overdosage",
    # everyday names of common conditions and effects, as labels write them
    "eczema": "atopic dermatitis", "steroid": "corticosteroid corticosteroids", "steroids": "corticosteroids",
    "steroid cream": "topical corticosteroids", "cold sore": "oral herpes simplex", "cold sores": "oral herpes simplex",
    "shingles": "herpes zoster", "flu": "influenza", "a cold": "upper respiratory tract infection nasopharyngitis",
    "colds": "upper respiratory tract infections nasopharyngitis", "cancer": "malignancy malignancies lymphoma",
    "blood clot": "thrombosis embolism thromboembolism", "blood clots": "thrombosis embolism thromboembolism",
    "heart attack": "myocardial infarction", "swelling": "edema angioedema", "swollen": "edema angioedema",
    "itchy": "pruritus itching", "itch": "pruritus itching", "achy": "pain aches arthralgia myalgia",
    "aches": "pain arthralgia myalgia", "sore": "pain", "bruising": "ecchymosis bruise", "bleeding": "hemorrhage",
    "fainting": "syncope", "passing out": "syncope", "toddler": "pediatric children months ~adults",
    "toddlers": "pediatric children months ~adults", "teen": "adolescents pediatric ~adults", "teenager": "adolescents pediatric ~adults",
    "teenagers": "adolescents pediatric ~adults", "needle": "injection inject", "needles": "injection inject",
    "tb": "tuberculosis", "immune system": "immunosuppression infections immune", "germs": "infections",
    "hep": "hepatitis",  # so not read as "help"; "hep b", "hep c": the index keeps no single letter, as for "hepatitis b"
    "alcoholism": "alcohol addiction", "alcoholic": "alcohol addiction", "opioids": "opioid",
    # the urge to drink is a craving (not "the urge to pee", nor "I want a drink of water")
    "urge to drink": "cravings alcohol", "urges to drink": "cravings alcohol",
    "take the edge off": "relieve lessen", "takes the edge off": "relieve lessen",  # relief, not an "edge"
    # alternatives of several words, each needing them all: a label's "vaccine" is no flu shot (though a kind of
    # one: what it says of vaccines is shown under a caveat), its dosing "weight" no weight gain
    "flu shot": "influenza_vaccine influenza_vaccination ~vaccine",
    "flu jab": "influenza_vaccine influenza_vaccination ~vaccine",
    "flu vaccine": "influenza_vaccine influenza_vaccination ~vaccine", "weight gain": "weight_gain",
    "gain weight": "weight_gain", "put on weight": "weight_gain",
    "pack on weight": "weight_gain", "weight loss": "weight_loss",
    "lose weight": "weight_loss", "outlook": "prognosis",
    "sick to your stomach": "nausea", "feel sick": "nausea",
}

# Practical matters a monograph seldom covers: everyday English, but the topic of a question when asked ("will
# my insurance cover it?", "can I take it on a plane?"), so a monograph that never says them is said not to,
# rather than answered with what it says about the drug alone.
PRACTICAL_TOPICS = frozenset("""
cost costs price prices pricey expensive cheap cheaper afford affordable insurance insurer insured copay copays
travel travels traveling travelling trip trips flight flights fly flying plane planes airport airports abroad
overseas vacation luggage suitcase carry-on
""".split())

# Words that frame a medical question without naming its topic ("is it *safe*", "*common*
# side effects", "my *husband*"). They count for little when judging whether a passage
# covers the question, so an unknown framing word does not force a decline.
GENERIC_WORDS = frozenset("""
common commonly usual usually normal normally typical typically general generally safe safely ok okay fine alright
happen happens happened happening make makes made making get gets got getting go goes going went need needs
want wants work works worked working good bad better worse best worst long often soon time times way lot lots
thing things stuff right now today tonight yesterday tomorrow really actually just still even ever people person
someone somebody anyone anybody everyone patient patients problem problems issue issues trouble risk risks
mom mum mother dad father husband wife partner friend brother sister son daughter grandma grandpa grandmother
grandfather boyfriend girlfriend family take takes taking taken took use uses used using help helps cause causes
caused find found like ones one besides else occur occurs give gives given start starts started starting
pill pills tablet tablets medicine medicines medication medications drug drugs properly doctor
come comes came coming hardly barely night morning evening afternoon daily mess messed look looks looking kind sort
since feel feels feeling seem seems notice noticed matter instead already yet mean means meant
scared afraid frightened terrified worried worry worrying panicking panicked freaking freaked embarrassed ashamed
guilty upset stressed desperate honestly sorry hope hoping wondering curious
together difference different compare compared comparison versus vs done doing keep keeping continue
condition conditions
""".split())

def _stemmed() -> dict[tuple[str, ...], str]:
    """Stemmed lay phrase -> clinical words: ours first, then HPO's layperson synonyms,
    keeping only their rarer clinical words ("joint pain" -> "arthralgia", not "pain")."""
    table: dict[tuple[str, ...], str] = {}
    for key, clinical in LAY_TERMS.items():
        table.setdefault(tuple(stem(w) for w in words(key)), clinical)
    for phrase, name in lay_terms().items():
        key = tuple(stem(w) for w in words(phrase))
        clinical = [w for w in words(name) if stem(w) not in key and w.isalpha() and not is_everyday(w)]
        if key and clinical and not all(k in _GENERIC_STEMS for k in key):
            table.setdefault(key, " ".join(clinical))
    return table


_GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_WORDS)
# ``_stemmed`` stems some 7,000 phrases, a fifth of a second of every start-up: its table is kept in
# ``bot/data/lay_stemmed.json.gz`` (``python -m bot.lexicon``), used only while what made it is unchanged
STEMMED_DATA = Path(__file__).resolve().parent / "data" / "lay_stemmed.json.gz"


def stemmed_inputs() -> str:
    """A fingerprint of everything ``_stemmed`` reads: our table, HPO's, English frequencies, the stemmer."""
    digest = hashlib.sha256(json.dumps([LAY_TERMS, sorted(GENERIC_WORDS), english.EVERYDAY_ZIPF, STEMMER_VERSION],
                                       sort_keys=True).encode())
    digest.update(phenotypes.DATA.read_bytes())
    digest.update(english.DATA.read_bytes())
    return digest.hexdigest()[:16]


def _stemmed_kept() -> dict[tuple[str, ...], str]:
    try:
        kept = json.loads(gzip.decompress(STEMMED_DATA.read_bytes()))
    except (OSError, ValueError):
        kept = None
    if not kept or kept.get("inputs") != stemmed_inputs():
        return _stemmed()  # made again, as before the file existed
    return {tuple(key.split(" ")): clinical for key, clinical in kept["table"]}


def stemmed_file() -> bytes:
    table = [[" ".join(key), clinical] for key, clinical in _stemmed().items()]
    return gzip.compress(json.dumps({"inputs": stemmed_inputs(), "table": table}, separators=(",", ":"),
                                    ensure_ascii=False).encode(), 9, mtime=0)


_STEMMED = _stemmed_kept()


def _opens() -> dict[str, tuple[int, ...]]:
    """A phrase's first stem -> the lengths of the phrases it opens, longest first: a question's word
    that opens none is passed in one look-up, not one per length up to the longest phrase."""
    lengths: dict[str, set[int]] = {}
    for key in _STEMMED:
        lengths.setdefault(key[0], set()).add(len(key))
    return {first: tuple(sorted(n, reverse=True)) for first, n in lengths.items()}


_OPENS = _opens()


def lay_expansions(question_words: list[str]) -> list[tuple[str, str, range]]:
    """(lay phrase, clinical words, word positions) for the lay phrases in a question.

    Matching is on stems, so "stopped", "stopping" and "stop" all find "stop"; the longest
    phrase wins where phrases overlap.
    """
    stems = [stem(w) for w in question_words]
    found: list[tuple[str, str, range]] = []
    i = 0
    while i < len(stems):
        for n in _OPENS.get(stems[i], ()):
            if n > len(stems) - i:
                continue
            clinical = _STEMMED.get(tuple(stems[i:i + n]))
            if clinical:
                found.append((" ".join(question_words[i:i + n]), clinical, range(i, i + n)))
                i += n
                break
        else:
            i += 1
    return found


def lexicon_words() -> set[str]:
    """Single lay words, as candidates when correcting a misspelt query word."""
    return {k for k in LAY_TERMS if " " not in k}


if __name__ == "__main__":
    STEMMED_DATA.write_bytes(stemmed_file())
    print(f"wrote {STEMMED_DATA} ({STEMMED_DATA.stat().st_size:,} bytes)", file=sys.stderr)
