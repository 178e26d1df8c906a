"""Emergencies that are urgent whatever the document says, and personal-dosing requests.

These checks run on every message before retrieval, so the fixed notice can come first.
Each kind is a class of situation (an overdose, someone not breathing, a seizure now),
written in the words people use, and is counted only in a sentence told as happening
(``cues.py``): "can baclofen cause seizures?", "as a kid" and "what if" do not count.
They lean broad: a notice shown once too often costs a line, one missed can cost a life.
The document's own urgent statements are matched in ``urgency.py``.
"""

from __future__ import annotations

import re

from .cues import FIGURE, Sentence, normalized, sentences

__all__ = ["DOSING_NOTE", "EMERGENCY_DECLINE", "EMERGENCY_NOTICE", "EMERGENCY_SEARCH", "KINDS", "asks_personal_dosing", "emergency_kind", "kinds_in",
           "personal_figures"]

EMERGENCY_NOTICE = (
    "⚠️ If this is an emergency, call 911 (or your local emergency number) now. "
    "For a possible overdose or poisoning, call Poison Help at 1-800-222-1222. "
    "If you are thinking about suicide or self-harm, call or text 988 (Suicide & Crisis Lifeline)."
)

# said instead of "the monograph doesn't cover this" when an emergency finds no passage on what to do
EMERGENCY_DECLINE = "The monograph has no passage on what to do in this situation: please get help now, as above."

DOSING_NOTE = (
    "I can't give personal dosing advice. Only your prescriber or pharmacist can tell you how much to take; "
    "here is what the monograph says in general."
)

_CHILD = (r"(toddler|baby|infant|kids?|child|children|son|daughter|grandson|granddaughter|grandkids?|grandchild|"
          r"little one|nephew|niece|\d+ ?(yr|year|yo|month)s?( old)?|\w+ year old)")
_OTHER = (r"(he|she|they|friend|roommate|mom|mum|dad|mother|father|husband|wife|partner|boyfriend|girlfriend|bf|gf|"
          r"brother|sister|grandma|grandpa|uncle|aunt|cousin|neighbou?r|coworker|" + _CHILD[1:-1] + ")")
_MEDS = r"(pills?|tablets?|tabs|capsules?|caps|meds|medicines?|medications?|doses?|pens?|shots?|injections?|syringes?)"
_TOOK = r"(took|taken|swallowed|ate|popped|downed|injected|chewed|doubled|gave( him| her| them| me| myself)?|given)"
_MANY = (r"(\d{2,}|[5-9]|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a dozen|"
         r"dozens|several)")

# Each kind of emergency, and the words that recognise it. Self-harm is checked first; it
# gets the notice and no passages: passages about amounts are the last thing to show.
_KINDS: dict[str, list[str]] = {
    "self-harm": [
        r"suicid\w*|kill(ing|ed)? (my|him|her|them)sel(f|ves)|end(ing)? (my|his|her) (own )?life|end(ing)? it all|want to die|"
        r"wanna die|self ?harm\w*|hurt(ing)? (my|him|her)self|cut(ting)? myself|(dont|do not) want to (live|be alive|"
        r"be here|exist|go on|wake up)|better off (dead|without me)|(everyone|they|he|she|you) (would|will)( all)? be "
        r"better off|take my (own )?life|\bkms\b|\bkys\b|(would|will|to) kill me|(take|need|enough) to (die|kill "
        r"myself)|lethal dose|fatal dose|how (much|many)\b.{0,40}\b(kill|die|fatal|lethal|painless)",
        r"sleep forever|(nobody|no one) (would|will|is going to) (miss|care|notice)|if i (was|were) gone|when im gone|"
        r"if i (wasnt|werent) (here|around|alive)|(i|if i|hope i) (\w+ )?(didnt|dont|never|wouldnt|wont) wake up|end (things|everything|it)\b"
        r"(?! (with|early|on))|(whats|what is) the point( of (living|life|going on|anything))?( anymore)?|"
        r"how (many|much)\b.{0,50}\b(would|will|does|to) (do it|it take(?! (to|for|before)))|\bpainless\b|"
        r"(thinking (about|of)|going to|gonna|want to|wanna|planning( to| on)?|if i) (\w+ )?(take|taking|swallow\w*|"
        r"down) (all|the whole|every)|(saved|saving|stockpil\w+|hoard\w*) (up )?(\w+ ){0,3}(pills|meds|medicine|"
        r"tablets)|tonight is the night|(wrote|written|writing|left) (a |my |his |her )?(goodbye|suicide) (note|letter)|"
        r"(have|got) (my|the|his|her) (pills|meds|rope|gun) ready|(dont|do not|cant|no longer) see (the|any) point|"
        r"no (point|reason) (in|to) (living|live|go on|going on)|cant (go on|keep (doing|going on with) this|do this anymore)",
    ],
    "overdose": [
        r"overdos(e|ed|ing)|\bod(d|ed|ing)?\b|poisoned|poisoning",
        rf"{_TOOK}\b.{{0,40}}\b(too (many|much)|a bunch|a handful|whole (bottle|pack|box|packet|strip|blister|weeks?|"
        rf"months?)|all (of )?(my|his|her|the|them|it)\b|double|extra|way more|twice|instead of (\d|one|a single))",
        rf"{_TOOK} (like |about |around |maybe |at least |over |almost |nearly |probably |all )?{_MANY}\b"
        rf"(?! ?(mg|mcg|ml|g|hours?|days?|weeks?|months?|years?|min|minutes|am|pm|times|x)\b)",
        rf"(accidentally|accidently|by (mistake|accident)|mistakenly|mixed up)\b.{{0,60}}\b({_TOOK}|double)|"
        rf"{_TOOK}\b.{{0,60}}\b(accidentally|by (mistake|accident)|mistakenly)",
        rf"{_CHILD} (\w+ ){{0,3}}(got into|got (a)?hold of|grabbed|found|swallowed|ate|chewed|drank|jabbed|stuck|bit|licked|"
        rf"injected)\b.{{0,40}}\b({_MEDS}|bottle|my|his|her|grandmas|the|some|one|a few|a couple|it|them)|found (my |our |the )?{_CHILD} with|(pills?|tablets?) (are |were )?"
        rf"missing|{_OTHER} (\w+ ){{0,3}}(took|swallowed|ate|used|injected) (some |a few |all |\w+ )?(of )?(my|someone"
        rf"(s| elses)|(his|her) \w+s) ",
        r"(taking|took|takes|taken) (way |a lot |much |far )?more (\w+ ){0,3}than (\w+ ){0,3}(prescribed|supposed|"
        r"should|told|recommended)|(texted|sent|showed|found)\b.{0,40}\bempty\b.{0,25}\b(bottle|pack|box|packet)|"
        r"(drank|swallowed|chugged|downed|took|popped|emptied)\b.{0,30}\b(bottle|pack|box|packet)(?! of water)|(whole|entire) (bottle|pack|box|weeks?|month)s? "
        r"(worth )?of\b",
        rf"{_TOOK}\b.{{0,60}}\b(at once|in one go|all at the same time)",
    ],
    "breathing": [
        r"cant (breathe|breath|get (enough )?air|catch (my|his|her|their|a) breath)|(hard|difficult|trouble|struggling|"
        r"difficulty|unable|cannot|can not|not|isnt|arent|wasnt|hardly|barely) (to )?breath(e|ing)|stopped breathing|gasp\w*|choking|"
        r"breathing (\w+ ){0,2}(slow|slowly|shallow|weird|strange|funny|noisy)|struggling for air|turning blue|"
        r"(lips?|face|skin|fingers|mouth)( \w+){0,3} (blue|grey|gray|purple)|(blue|grey|gray|purple) (around|in) the lips",
    ],
    "unresponsive": [
        r"unresponsive|unconscious|passed out|wont wake|cant wake|not waking|barely (wakes?|waking|awake|conscious|"
        r"responsive|responding)|(not|isnt|wont|doesnt) (respond\w*|answer(ing)? me)|collapsed|slumped",
    ],
    "seizure": [
        r"seiz(ure|ures|ing)|convuls\w*|having (a )?fit\b|foaming at the mouth|(shaking|jerking) all over|whole body (is |was )?(shaking|"
        r"jerking)",
    ],
    "allergy": [
        r"(face|lips?|tongue|throat|mouth|eyelids)( \w+){0,3} (swell\w*|swollen|puff\w*|closing)|(swell\w*|swollen|"
        r"puff\w*) (up )?(face|lips?|tongue|throat)|throat (\w+ ){0,3}(tight|closing)|anaphyla\w+|"
        r"hives\b.{0,60}\b(breath|wheez|cough|swell|throat)",
    ],
    "chest": [
        r"chest( \w+){0,4} (crush\w*|squeez\w*|pain|pains|hurts?|hurting|pressure|tight\w*|heavy)|crushing|heart attack|"
        r"pain in (my|his|her) chest|"
        r"sitting on (my|his|her) chest",
    ],
    "stroke": [
        r"face (is )?droop\w*|(one|left|right) side (of (my|his|her) (body|face) )?(is |went )?(numb|weak|droop\w*)|"
        r"slurr\w+ (my |his |her )?(speech|words)|suddenly cant (talk|speak|move)",
    ],
    "senses": [
        r"cant see|lost (my |the )?(vision|sight)|vision (\w+ ){0,4}(went|gone|black|dark)|went (\w+ )?(dark|black|blind)|"
        r"(suddenly|all of a sudden|gone) blind|cant hear|lost (my |the )?hearing|(suddenly|went) deaf|"
        r"(hearing|vision|sight) loss|loss of (hearing|vision|sight)",
    ],
}
_KIND_PATTERNS = {kind: re.compile("|".join(rf"\b(?:{p})" for p in pats)) for kind, pats in _KINDS.items()}
KINDS = tuple(_KIND_PATTERNS)  # in the order they are checked: self-harm first
# what to search the monograph for when a kind is found
EMERGENCY_SEARCH = {
    "overdose": "overdose overdosage", "breathing": "breathing respiratory", "seizure": "seizures convulsions",
    "unresponsive": "overdose overdosage", "allergy": "allergic hypersensitivity anaphylaxis swelling",
    "chest": "chest pain", "senses": "vision hearing", "fever": "fever infection",
    "withdrawal": "withdrawal abrupt discontinuation", "stroke": "stroke",
}


def kinds_in(sentence: Sentence) -> list[str]:
    """Every always-urgent kind a sentence tells of, self-harm first."""
    found = []
    for kind, pattern in _KIND_PATTERNS.items():
        match = pattern.search(sentence.text)
        if not match:
            continue
        if kind == "self-harm":  # only what is over, or a figure of speech, is let pass
            if not (sentence.past and not sentence.now) and not _figure(sentence.text, match):
                found.append(kind)
        elif sentence.told_as_happening:
            found.append(kind)
    return found


def _figure(text: str, match: re.Match[str]) -> bool:
    """"this job is killing me": the self-harm words are part of a figure of speech."""
    return any(f.start() <= match.end() and match.start() <= f.end() for f in FIGURE.finditer(text)) or \
        bool(re.search(r"\b(lol|lmao|haha)\b", text) and "kill" in match.group())


def emergency_kind(text: str) -> str | None:
    """The first always-urgent kind the text tells of (self-harm checked first), or None."""
    found = {k for s in sentences(text) for k in kinds_in(s)}
    return next((k for k in _KIND_PATTERNS if k in found), None)


_DOSING = [
    r"\bhow (much|many)\b.{0,50}\b(should|can|could|do|must|shall|may) (i|we|he|she|my|our)\b",
    r"\bhow (much|many)\b.{0,40}\b(for me|for my|i take|i need)\b",
    r"\b(should|can|could|may|do) (i|we|he|she)( just)?\b.{0,30}\b(take|double|increase|decrease|raise|lower|up|skip|"
    r"split|cut|reduce|stretch|space|inject|give|use)\b.{0,30}\b(dose|dosage|mg|pills?|tablets?|pens?|shots?|more|"
    r"another|extra|\d+|two|twice|weeks?|days?)\b",
    r"\b(what|which) (dose|dosage|amount|strength)\b.{0,40}\b(should|do|can|must) (i|we|he|she)\b",
    r"\b(change|increase|lower|raise|adjust|up|double|skip|reduce|cut|split|stretch) (my|his|her) (dose|dosage)\b|"
    r"\bmy (dose|dosage) (is|be|should|for)\b",
    r"\b(too (much|many|little|high|low)|enough|the right (amount|dose))\b.{0,15}\bfor (me|my|him|her|us)\b",
    r"\b(can|could|should|may) (i|we|he|she)\b.{0,20}\b(increase|decrease|raise|lower|up|change|double|cut|reduce) "
    r"(it|this|that|them)\b",
    r"\b(can|could|should|may) (i|we|he|she|my \w+( \w+)?)\b.{0,40}\btake \d+(\.\d+)? ?(mg|mcg|ml|pills?|tablets?)\b",
    r"\b(right|correct|best|safe) (\w+ )?(dose|dosage|amount) for (me|my|him|her)\b",
    r"\b(should|can|could) (i|we|he|she) (be on|go (up|down)|double up|switch to)\b",
    r"\b(should|can|could|do) (i|we|he|she) (just )?do (\d+|two|three|a double|double|an extra|extra)\b",
    r"\b(can|could|should) (i|we|he|she) (start|begin|go) (on|with|at) (a |the )?(high|higher|low|lower|big|bigger|small|"
    r"smaller|max\w*|double|full) (dose|dosage|amount)\b",
    r"\b(what|which) (dose|dosage|amount)\b.{0,40}\bfor (my|me|him|her|us|our)\b",
    r"\bthe most\b.{0,40}\b(i|we|he|she|my \w+) (can|could|should|may) (take|have|give|use)\b",
    r"\b(i|we|he|she|im|hes|shes|i am|weighs?|weigh) (\w+ ){0,2}\d+ ?(kg|kgs|kilos?|lbs?|pounds)\b.{0,60}\b(dose|"
    r"dosage|mg|how (much|many)|should)\b",
]
DOSING = re.compile("|".join(f"(?:{p})" for p in _DOSING))


def asks_personal_dosing(text: str) -> bool:
    return bool(DOSING.search(normalized(text)))


_PERSONAL = re.compile(r"\b(\d+(?:\.\d+)?) ?(kg|kgs|kilos?|lbs?|pounds|years? old|yrs? old|yo|y/o)\b")


def personal_figures(text: str) -> set[str]:
    """The person's own weight or age in a dosing request ("I weigh 60 kg"): what the general dosing
    passages must not be chosen by, since the bot does not work out a personal dose."""
    return {w for m in _PERSONAL.finditer(normalized(text)) for w in (m.group(1), m.group(2).split()[0])}
