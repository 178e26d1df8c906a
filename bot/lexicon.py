"""Lay words -> the clinical words monographs use, applied to queries only.

General medical vocabulary, not phrases from any question set: each entry is how people
say a thing and how a label or article writes it. A lay word keeps its own meaning too:
the clinical words are alternatives, not replacements.
"""

from __future__ import annotations

import re

LAY_TERMS: dict[str, str] = {
    # body and conditions
    "kidney": "renal", "kidneys": "renal", "liver": "hepatic", "heart": "cardiac cardiovascular",
    "stomach": "gastrointestinal gastric", "tummy": "stomach gastrointestinal", "belly": "stomach abdominal",
    "blood pressure": "hypertension hypotension antihypertensive", "high blood pressure": "hypertension",
    "low blood pressure": "hypotension", "sugar": "diabetes glucose", "ms": "multiple sclerosis",
    "epilepsy": "seizure", "fits": "seizures convulsions", "fit": "seizure convulsion", "spasm": "spasticity",
    "stiff": "spasticity rigidity", "stiffness": "spasticity rigidity", "cramps": "spasms", "shaking": "tremor",
    "heartbeat": "tachycardia heart rate", "racing heart": "tachycardia", "breathing": "respiratory",
    "cholesterol": "ldl lipid", "throwing up": "vomiting", "puke": "vomiting", "sick to my stomach": "nausea",
    "upset stomach": "nausea", "diarrhoea": "diarrhea", "rash": "dermatologic skin",
    # effects
    "sleepy": "drowsiness sedation somnolence", "drowsy": "drowsiness", "tired": "drowsiness fatigue tiredness",
    "sleepiness": "drowsiness somnolence", "dizzy": "dizziness", "lightheaded": "dizziness", "woozy": "dizziness",
    "weak": "weakness", "confused": "confusion", "anxious": "anxiety", "nervous": "anxiety",
    "side effect": "adverse reactions", "side effects": "adverse reactions", "bad reaction": "adverse reaction",
    "allergic": "allergy hypersensitivity", "hallucinations": "psychosis", "addictive": "dependence addiction",
    "addicted": "addiction dependence", "hooked": "addiction dependence",
    # life events
    "pregnant": "pregnancy", "expecting": "pregnancy", "unborn baby": "pregnancy fetal", "baby": "infant",
    "breastfeeding": "breast milk nursing lactation", "breast feeding": "breast milk nursing lactation",
    "breastfeed": "breast milk nursing", "nursing": "breast milk", "kids": "children pediatric",
    "kid": "child pediatric", "children": "pediatric", "child": "pediatric", "elderly": "geriatric",
    "old people": "elderly geriatric", "seniors": "elderly geriatric", "drinking": "alcohol", "booze": "alcohol",
    "beer": "alcohol", "wine": "alcohol", "drunk": "alcohol",
    # using the medicine
    "stopping": "withdrawal discontinuation", "stop": "withdrawal discontinuation", "quit": "withdrawal",
    "quitting": "withdrawal", "come off": "withdrawal", "coming off": "withdrawal", "cold turkey": "withdrawal",
    "suddenly": "abrupt sudden", "wean": "taper", "weaning": "tapering", "taper off": "withdrawal tapering",
    "how long does it last": "half-life", "stay in your system": "half-life", "stays in your system": "half-life",
    "stay in my system": "half-life", "leave your system": "half-life", "kick in": "take effect onset",
    "start working": "take effect onset", "work": "effect", "expire": "shelf life", "expiry": "shelf life",
    "expiration": "shelf life", "go bad": "shelf life", "store": "storage", "keep": "storage store",
    "a day": "daily", "per day": "daily", "each day": "daily", "every day": "daily", "pill": "tablet", "pills": "tablets", "dose": "dosage", "max": "maximum",
    "most i can take": "maximum dose", "mixing": "interact interaction", "mix": "interact interaction",
    "together with": "interact", "other drugs": "interact medications", "other medicines": "interact medications",
    "painkillers": "analgesics nsaids pain relievers", "ibuprofen": "nsaids", "aspirin": "nsaids",
    "antidepressants": "tricyclic antidepressants", "ingredients": "inactive ingredients contain",
    "made of": "ingredients contain", "used for": "used treat indicated", "treat": "treatment indicated", "approved": "fda",
    "overdose": "overdosage", "od": "overdose overdosage", "too much": "overdose overdosage",
    "alcoholism": "alcohol addiction", "alcoholic": "alcohol addiction", "opioids": "opioid",
}

_PHRASES = sorted(LAY_TERMS, key=len, reverse=True)
_PATTERN = re.compile(r"\b(" + "|".join(re.escape(p) for p in _PHRASES) + r")\b")


def lay_expansions(text: str) -> list[tuple[str, str]]:
    """(lay phrase, clinical words) for each lay phrase in a normalised question, longest first."""
    found: list[tuple[str, str]] = []
    for match in _PATTERN.finditer(text):
        found.append((match.group(1), LAY_TERMS[match.group(1)]))
    return found
