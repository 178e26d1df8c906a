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

# Each kind of emergency, the words that recognise it, and what to search the monograph
# for (its overdose or side-effect passages); self-harm gets the notice and nothing else:
# passages about amounts are the last thing to show someone at risk.
_KINDS: dict[str, list[str]] = {
    "self-harm": [
        r"\b(suicid\w*|kill(ing|ed)? (my|him|her|them)sel(f|ves)|end (my|his|her) life|end it all|want to die|wanna die|"
        r"self[- ]?harm\w*|hurt(ing)? (my|him|her)self|cut(ting)? myself|don'?t want to (live|be alive|be here)|"
        r"better off dead|take my (own )?life|kms|kys|don'?t want to wake up|(would|will|to) kill me|"
        r"(take|need|enough) to (die|kill myself)|lethal dose|fatal dose|how (much|many)\b.{0,30}\b(kill|die|fatal|lethal))\b",
    ],
    "overdose": [
        r"\b(overdos\w*|od'?d|od'?ing|poisoned|poisoning)\b",
        r"\b(took|taken|swallowed|ate|had|gave|given)\b.{0,40}\b(too (many|much)|a lot of|a bunch of|a handful of|"
        r"whole (bottle|pack|box)|all (my|the|his|her|of)|double|extra|\d{2,} (pills?|tablets?|doses?))",
        r"\b(swallowed|ate|got into|chewed)\b.{0,20}\b(some|several|many|a bunch|a handful|a few|his|her|my|the)\b.{0,30}"
        r"\b(pills?|tablets?|capsules?|medicine|medication)\b",
        r"\b(took|taken|had)\b.{0,30}\b(twice|two doses|double|2 doses)\b.{0,30}\b(mistake|accident\w*|by error)\b",
        r"\b(took|taken|swallowed|ate)\b.{0,15}\b\d{2,}\b.{0,30}\b(pills?|tablets?|capsules?|doses?)\b",
        r"\b(too (many|much)) (pills?|tablets?|doses?|of (it|them|my))\b",
        r"\b(took|taken|swallowed|ate)\b.{0,60}\b(at once|in one go|all at the same time)\b",
        r"\b(accidentally|by mistake|mistakenly) (took|taken|swallowed|gave|ate|drank)\b",
        r"\b(drank|drunk|swallowed|ate|took|got into|chugged)\b.{0,30}\b(bottle|pack|box|packet|blister)\b",
        r"\b(whole|entire) (bottle|pack|box|week|month|strip)('?s)? (worth )?of\b",
    ],
    "breathing": [
        r"\b(can'?t|cannot|can not|couldn'?t|unable to|struggling to|trouble|hard to|difficult(y)? to|not|hardly|barely) "
        r"breath(e|ing)\b",
        r"\bstopped breathing\b|\bchok(ing|es)\b|\bthroat (is )?(closing|swelling|swollen)\b",
    ],
    "seizure": [
        r"\b(having|had|has|is having|are having|i'?m having|just had|in the middle of) (a |an )?(seizures?|fits?|convulsions?)\b",
        r"\b(seizing|convulsing)\b",
    ],
    "unresponsive": [
        r"\b(unconscious|unresponsive|passed out|won'?t wake|wont wake|can'?t wake|not waking|blue lips|collapsed)\b",
    ],
}
EMERGENCY_SEARCH = {
    "overdose": "overdose overdosage",
    "breathing": "breathing respiratory",
    "seizure": "seizures convulsions",
    "unresponsive": "overdose overdosage",
}
_KIND_PATTERNS = {kind: re.compile("|".join(f"(?:{p})" for p in pats), re.I) for kind, pats in _KINDS.items()}

_DOSING = [
    r"\bhow (much|many)\b.{0,50}\b(should|can|could|do|must|shall|may) (i|we|he|she|my|our)\b",
    r"\bhow (much|many)\b.{0,40}\b(for me|for my|i take|i need)\b",
    r"\b(should|can|could|may) (i|we|he|she)\b.{0,30}\b(take|double|increase|decrease|raise|lower|up|skip|split)\b.{0,30}\b(dose|dosage|mg|pills?|tablets?|more|another|extra)\b",
    r"\b(what|which) (dose|dosage|amount|strength)\b.{0,40}\b(should|do|can|must) (i|we|he|she)\b",
    r"\bmy (dose|dosage)\b",
    r"\b(too (much|many|little|high|low)|enough|the right (amount|dose))\b.{0,15}\bfor (me|my|him|her|us)\b",
    r"\b(can|could|should|may) (i|we|he|she)\b.{0,20}\b(increase|decrease|raise|lower|up|change|double) (it|this|that|them)\b",
    r"\b(can|could|should|may) (i|we|he|she|my \w+( \w+)?)\b.{0,40}\btake \d+(\.\d+)? ?(mg|mcg|ml|pills?|tablets?)\b",
    r"\b(right|correct|best|safe) (dose|dosage|amount) for (me|my|him|her)\b",
]
DOSING = re.compile("|".join(f"(?:{p})" for p in _DOSING), re.I)


def emergency_kind(text: str) -> str | None:
    """The first kind of emergency the text describes (self-harm checked first), or None."""
    text = text.replace("’", "'")
    return next((kind for kind, pattern in _KIND_PATTERNS.items() if pattern.search(text)), None)


def asks_personal_dosing(text: str) -> bool:
    return bool(DOSING.search(text.replace("’", "'")))
