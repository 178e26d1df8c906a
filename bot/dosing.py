"""Personal dosing requests: "how much should I take?", "I weigh 60 kg, what dose is right for me?"

The bot cannot work out a person's dose, so such a request gets a fixed note first, then the
document's general dosing passages (chosen without the person's own weight or age), or a
decline when the document has none. Text is matched as ``cues.normalized`` leaves it.
"""

from __future__ import annotations

import re

from .cues import normalized
from .gate import Alternation

DOSING_NOTE = (
    "I can't give personal dosing advice. Only your prescriber or pharmacist can tell you how much to take; "
    "here is what the monograph says in general."
)

_WHO = r"(i|we|he|she)"
# taking it, or changing how much is taken
_CHANGE = (r"(take|taking|double|doubling|increase|increasing|decrease|decreasing|raise|raising|lower|lowering|up|upping|"
           r"bump|bumping|skip|skipping|split|splitting|cut|cutting|reduce|reducing|stretch|stretching|space|spacing|"
           r"inject|injecting|give|giving|use|using|halve|halving|change|changing|adjust|adjusting|drop|dropping)")
_ADJUST = (r"(double|doubling|increase|increasing|decrease|decreasing|raise|raising|lower|lowering|up|upping|bump|bumping|"
           r"skip|skipping|halve|halving|change|changing|adjust|adjusting|drop|dropping|start(ing)? (taking|on|at) "
           r"(\d+|a (higher|lower|bigger|smaller|double)|more|less|extra|two)|go(ing)? (up|down) to)")
# using it, for creams and injections too: "apply", "put it on", "rub in"; infusions are booked: "book them every 6 weeks"
_USE = (r"(take|taking|use|using|apply|applying|put (it|them|\w+) on|put on|putting (it |\w+ )?on|rub|rubbing|spread|"
        r"spray|inject|injecting|give|giving|do|dose|have|switch( (my|him|her)sel(f|ves))? to|go( back)? to|move to|"
        r"get|getting|book|booking|schedule|scheduling|space|spacing)")
_DOSING = [
    rf"\bhow (much|many)\b.{{0,50}}\b(should|can|could|do|must|shall|may|would|will) ({_WHO[1:-1]}|my|our)\b",
    r"\bhow (much|many)\b.{0,40}\b(for me|for my|i take|i need)\b",
    rf"\b(should|can|could|may|do) {_WHO}( just)?\b.{{0,30}}\b{_CHANGE}\b.{{0,30}}\b(dose|dosage|mg|pills?|tablets?|"
    r"pens?|shots?|more|another|extra|\d+|two|twice|weeks?|days?)(\b|(?=mg|mcg|ml))",
    # changing one's own dose without the prescriber: "start taking 40 on my own", "up it myself"
    rf"\b{_ADJUST}\b.{{0,40}}\b(on (my|his|her|our) own|by (my|him|her)self|(my|him|her)self|without (asking|telling|"
    r"checking( with)?|talking to|calling|consulting|seeing) (my|his|her|the|a) (doctor|doc|prescriber|pharmacist|gp|"
    r"psych\w*|rheum\w*|derm\w*|nurse))\b",
    # whether another amount would do: "is it ok to take 20mg instead of 10"
    rf"\b(is it (ok|okay|safe|fine|alright)|would it be (ok|okay|safe|fine)) (to|if {_WHO}) (just )?{_CHANGE}\b.{{0,30}}"
    r"\b(\d+ ?(mg|mcg|ml|pills?|tablets?|units)|\d+ instead|(an )?extra|double|more|less|another|twice)\b",
    # when to take it: "can I take my lipitor at night instead of the morning"
    rf"\b(should|can|could|may|do|is it (ok|okay|fine|safe|better) (to|if|for)) ({_WHO[1:-1]}|me|him|her)? ?(take|"
    r"taking|use|give|inject|have|switch|move|change)\b.{0,40}\b(at night|at bedtime|before bed|in the (morning|"
    r"evening|afternoon)|every other day|twice a (day|week)|once a (day|week)|less often|more often)\b.{0,20}\b("
    r"instead|rather)\b",
    # how often, changed by oneself: "can i apply it 4 times a day to speed it up", "put it on 3 times a day
    # instead of twice", "use it more often", "inject every week instead of every two"
    rf"\b(should|can|could|may|do|would it (be )?(ok|okay|safe|fine|bad) (to|if)|is it (ok|okay|safe|fine|bad) (to|if)) "
    rf"({_WHO[1:-1]}|me|him|her|you)? ?(just )?{_USE}\b.{{0,40}}\b(((\d+|two|three|four|five|six|once|twice|thrice)"
    r"( times| x|x)?|more|less|extra) (a|per|each|every|in a) (day|days|week|night|morning)|every (\d+|two|three|four|"
    r"five|six|eight|twelve) (hours|hrs|days|weeks|months)|"
    r"(more|less) (often|frequently)|every (day|night|week|other day)|(twice|two times|three times|more) (as often|as "
    r"much))\b(?=.{0,60}\b(instead|rather|to (speed|make|help|get|clear|work)|faster|quicker|sooner|better|more|"
    r"stronger|not working|isnt working|doesnt work|than|extra|again)\b)",
    rf"\b(should|can|could|may) ({_WHO[1:-1]}|me) (just )?{_USE}\b.{{0,40}}\b(more|less) (often|frequently)\b",
    rf"\b(should|can|could|may|is it (ok|okay|safe|fine) to) ({_WHO[1:-1]})? ?(just )?{_USE}\b.{{0,40}}\b(\d+|three|four|five|six) (times|x) (a|per) "
    r"(day|week)\b",
    r"\b(switch|move|change) (my|his|her|our) (dose|dosage|pill|tablet|shot|injection|\w+) (time )?to (the )?"
    r"(morning|night|nighttime|evening|bedtime|afternoon)\b",
    rf"\b(what|which) (\w+ )?(dose|dosage|amount|strength)\b.{{0,40}}\b(should|do|can|must|would|will) {_WHO}\b",
    r"\b(change|increase|lower|raise|adjust|up|double|skip|reduce|cut|split|stretch) (my|his|her) (dose|dosage)\b",
    r"\bmy (dose|dosage) (is|be|should|for)\b",
    r"\b(too (much|many|little|high|low)|enough|the right (amount|dose))\b.{0,15}\bfor (me|my|him|her|us)\b",
    rf"\b(can|could|should|may) {_WHO}\b.{{0,20}}\b(increase|decrease|raise|lower|up|change|double|cut|reduce) "
    r"(it|this|that|them)\b",
    r"\b(can|could|should|may) (i|we|he|she|my \w+( \w+)?)\b.{0,40}\btake \d+(\.\d+)? ?(mg|mcg|ml|pills?|tablets?)\b",
    r"\b(right|correct|best|safe) (\w+ )?(dose|dosage|amount) for (me|my|him|her)\b",
    rf"\b(should|can|could) {_WHO} (be on|go (up|down)|double up|switch to)\b",
    rf"\b(should|can|could|do) {_WHO} (just )?do (\d+|two|three|a double|double|an extra|extra)\b",
    rf"\b(can|could|should) {_WHO} (start|begin|go) (on|with|at) (a |the )?(high|higher|low|lower|big|bigger|small|"
    r"smaller|max\w*|double|full) (dose|dosage|amount)\b",
    r"\b(what|which) (dose|dosage|amount)\b.{0,40}\bfor (my|me|him|her|us|our)\b",
    r"\b(what|which|how much) (\w+ )?(dose|dosage|amount)\b.{0,40}\b(should|would|can|must) my (\w+ ){1,3}(take|have|get|use|"
    r"be on|need)\b",
    # a dose moved by oneself: "can I just do it a week early?"
    r"\b(can|could|should) (i|we) (just )?(do|take|have|give|inject) (it|my \w+|the \w+|this \w+) (a (week|few days|day|couple of "
    r"days)|\w+ (days|weeks)) (early|earlier|late|later)\b",
    # a missed dose, and what the person should now do: "missed my shot last week, do I just do it today"
    r"\b(missed|forgot|skipped) (my|his|her|a|the) (\w+ )?(dose|shot|injection|pill|tablet|infusion|pen)\b.{0,60}\b(do|should|"
    r"can) (i|we|he|she) (just )?(do|take|inject|have|give|double|skip|shift|move)\b",
    r"\bthe most\b.{0,40}\b(i|we|he|she|my \w+) (can|could|should|may) (take|have|give|use)\b",
    # a pause of one's own for a while or an occasion: "can I skip my rinvoq when I have a cold", "stop it for a week
    # before my surgery" (whether to stop for good is a question about stopping, answered from the document)
    rf"\b(can|could|should|may) {_WHO} (just )?(skip|pause|hold|stop|miss|hold off)\b.{{0,30}}\b((when|while) (i|im|we|he|"
    r"she) (have|has|got|get|am|is|come down with) (a |the |an )?(bad |nasty )?(cold|flu|fever|infection|bug|covid|virus|"
    r"sick|ill|stomach bug|chest infection)|before (my|his|her|the|a) (surgery|operation|"
    r"procedure|trip|holiday|vacation|wedding|party)|for (a|one|two|three|\d+|a few|a couple of) (days?|weeks?|nights?))\b",
    # a dose switched by oneself: "should I switch myself to 45mg"
    r"\b(switch|move|bump|put) (myself|him|her|ourselves|themselves) (up |down )?to (\d+|a (higher|lower|bigger|smaller))",
    # a dose taken at another time of one's own: "take my dose early today, like 2 hrs before usual"
    rf"\b(ok|okay|fine|safe|can|could|should) (if )?{_WHO}? ?(take|have|give|do) (my|his|her|the|today'?s?|todays) "
    r"(\w+ )?(dose|pill|tablet|shot|injection|\w+) (\w+ )?(early|earlier|late|later)\b",
    r"\b(i|we|he|she|im|hes|shes|i am|weighs?|weigh) (\w+ ){0,2}\d+ ?(kg|kgs|kilos?|lbs?|pounds)\b.{0,60}\b(dose|"
    r"dosage|mg|how (much|many)|should)\b",
]
# searched alternative by alternative, each only if its words are in the text (gate.py)
DOSING = Alternation(_DOSING)
# words for the person's own measures in a dosing request ("I weigh 70 kg", "I'm 5 foot tall")
PERSONAL_MEASURES = frozenset({"weigh", "weighs", "weighing", "weight", "tall", "height", "age", "aged", "old", "foot",
                               "feet", "ft", "inch", "inches", "cm", "stone", "pounds", "lbs", "kilos"})
_PERSONAL = re.compile(r"\b(\d+(?:\.\d+)?) ?(kg|kgs|kilos?|lbs?|pounds|years? old|yrs? old|yo|y/o)\b")


def asks_personal_dosing(text: str) -> bool:
    return DOSING.found(normalized(text))


def personal_figures(text: str) -> set[str]:
    """The person's own weight or age in a dosing request ("I weigh 60 kg"): what the general dosing
    passages must not be chosen by, since the bot does not work out a personal dose."""
    return {w for m in _PERSONAL.finditer(normalized(text)) for w in (m.group(1), m.group(2).split()[0])}
