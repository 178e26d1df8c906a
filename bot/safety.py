"""Emergencies and personal-dosing requests, recognised from the user's own words.

These checks run on every question before retrieval, so the fixed notice can come
first; they are deliberately broad: a notice shown once too often costs a line, one
missed can cost much more.
"""

from __future__ import annotations

import re

EMERGENCY_NOTICE = (
    "⚠️ If this is an emergency, call 911 (or your local emergency number) now. "
    "For a possible overdose or poisoning, call Poison Help at 1-800-222-1222. "
    "If you are thinking about suicide or self-harm, call or text 988 (Suicide & Crisis Lifeline)."
)

DOSING_NOTE = (
    "I can't give personal dosing advice. Only your prescriber or pharmacist can tell you how much to take; "
    "here is what the monograph says in general."
)

_EMERGENCY = [
    r"\b(overdos\w*|od'?d|od'?ing)\b",
    r"\b(took|taken|take|taking|swallowed|ate|had|gave|given)\b.{0,40}\b(too (many|much)|a lot of|whole (bottle|pack|box)|all (my|the|his|her|of)|double|extra|\d{2,} (pills?|tablets?|doses?))",
    r"\b(too (many|much)) (pills?|tablets?|doses?|baclofen|of (it|them|my))\b",
    r"\b(can'?t|cannot|can not|couldn'?t|unable to|struggling to|trouble|hard to|difficult(y)? to|not) breath(e|ing)\b",
    r"\b(difficulty|trouble|problems?) breathing\b.{0,30}\b(now|right now|help|please)\b",
    r"\bstopped breathing\b",
    r"\b(having|had|has|is having|are having|i'?m having|just had|in the middle of) (a |an )?(seizures?|fits?|convulsions?)\b",
    r"\b(seizing|convulsing|fitting)\b",
    r"\b(suicid\w*|kill (my|him|her|them)sel(f|ves)|end (my|his|her) life|end it all|want to die|wanna die|"
    r"self[- ]?harm\w*|hurt(ing)? (my|him|her)self|cut(ting)? myself|don'?t want to (live|be alive|be here)|better off dead)\b",
    r"\b(unconscious|unresponsive|passed out|won'?t wake|can'?t wake|not waking|blue lips|collapsed|poisoned|poisoning)\b",
]
EMERGENCY = re.compile("|".join(f"(?:{p})" for p in _EMERGENCY), re.I)

_DOSING = [
    r"\bhow (much|many)\b.{0,50}\b(should|can|could|do|must|shall|may) (i|we|he|she|my|our)\b",
    r"\bhow (much|many)\b.{0,40}\b(for me|for my|i take|i need)\b",
    r"\b(should|can|could|may) (i|we|he|she)\b.{0,30}\b(take|double|increase|decrease|raise|lower|up|skip|split)\b.{0,30}\b(dose|dosage|mg|pills?|tablets?|more|another|extra)\b",
    r"\b(what|which) (dose|dosage|amount|strength)\b.{0,40}\b(should|do|can|must) (i|we|he|she)\b",
    r"\bmy (dose|dosage)\b",
    r"\b(right|correct|best|safe) (dose|dosage|amount) for (me|my|him|her)\b",
]
DOSING = re.compile("|".join(f"(?:{p})" for p in _DOSING), re.I)


def is_emergency(text: str) -> bool:
    return bool(EMERGENCY.search(text.replace("’", "'")))


def asks_personal_dosing(text: str) -> bool:
    return bool(DOSING.search(text.replace("’", "'")))
