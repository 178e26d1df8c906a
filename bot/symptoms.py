"""Symptoms as people describe them, and the clinical words a monograph uses for them.

A message says "my heart is pounding" or "she's not making any sense"; a label says
"tachycardia" or "altered mental status". Each symptom here pairs the ways people say it
with the clinical words, so that a message can be matched against the document's own
urgent statements (``index.urgent``) on documents nobody has read for the bot. General
medical vocabulary only, written for the symptoms that labels tell readers to act on;
text is matched lower-cased with apostrophes removed ("cant", "hes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import tokenize


@dataclass(frozen=True)
class Symptom:
    name: str
    said: re.Pattern[str]  # how a message says it
    clinical: tuple[tuple[str, ...], ...]  # index terms of each clinical phrase; any one phrase names it

    def named_in(self, terms: frozenset[str]) -> bool:
        """Whether a statement's terms hold one of this symptom's clinical phrases, all of its words."""
        return any(all(t in terms for t in phrase) for phrase in self.clinical)


_SYMPTOMS: dict[str, tuple[str, str]] = {
    "breathing": (
        r"cant (breathe|breath|get (enough )?air|catch (my|his|her|their|a) breath)|(hard|difficult|trouble|struggling|"
        r"difficulty|unable|cannot|not|isnt|arent|wasnt) (to )?breath(e|ing)?|short(ness)? of breath|gasp\w*|wheez\w*|barely breathing|"
        r"not breathing|stopped breathing|breathing (\w+ ){0,2}(slow|slowly|shallow|weird|strange|funny|noisy|fast)|"
        r"chest (is |feels )?tight|choking|struggling for air",
        "difficulty breathing|respiratory|dyspnea|bronchospasm|wheezing|respiration|apnea|laryngospasm|breath"),
    "blue": (r"(lips?|face|skin|fingers|fingertips|mouth)( \w+){0,3} (blue|grey|gray|purple)|turning blue|"
             r"(blue|grey|gray|purple) (around|in) the (lips|mouth)", "cyanosis|respiratory depression"),
    "unresponsive": (
        r"unresponsive|unconscious|passed out|pass(ing)? out|wont wake|cant wake|not waking|barely (wakes?|waking|awake|"
        r"conscious|responsive|responding)|(not|isnt|wont|doesnt) (respond\w*|answer(ing)? me)|collapsed|slumped|"
        r"fainted|blacked out|floppy|limp",
        "coma|comatose|unconscious|consciousness|syncope|stupor|unresponsive|respiratory depression"),
    "seizure": (r"seiz(ure|ures|ing)|convuls\w*|having (a )?fit|(shaking|jerking|twitching) all over|"
                r"whole body (is |was )?(shaking|jerking)", "seizure|convulsion|epilepsy"),
    "confusion": (r"confus\w+|(not|isnt|arent) making (any )?sense|talking nonsense|doesnt know (where|who)|disoriented|"
                  r"out of it|delirious|not (herself|himself|themselves|myself)|acting (really |very |so )?(weird|strange)",
                  "confusion|altered mental status|delirium|disorientation|encephalopathy"),
    "hallucination": (r"hallucinat\w*|(seeing|hearing) (things|voices|people|bugs|stuff)|(that|which) (arent|isnt|are not|"
                      r"is not) (there|real)|paranoi\w*",
                      "hallucinations|psychosis|psychotic"),
    "heart": (r"(heart|pulse|heartbeat) (is |keeps |feels )?(\w+ ){0,2}(racing|pounding|skipping|fluttering|irregular|"
              r"beating (so |really |very )?(fast|hard))|palpitations|skipping beats|racing heart",
              "tachycardia|palpitations|arrhythmia|arrhythmias|dysrhythmias|irregular pulse|heart rate|torsades"),
    "fever": (r"fever|burning up|temperature|temp (of|is)|\b10[2-7](\.\d)?\b", "fever|hyperpyrexia|pyrexia|hyperthermia|febrile"),
    "rigidity": (r"stiff|rigid", "rigidity|stiffness"),
    "sweating": (r"sweat\w*|drenched|clammy", "diaphoresis|sweating"),
    "chest pain": (r"chest( \w+){0,4} (crush\w*|squeez\w*|pain|pains|hurts?|hurting|pressure|tight\w*|heavy)|crushing|heart attack|"
                   r"pain in (my|his|her) chest|sitting on (my|his|her) chest", "chest pain|angina|myocardial infarction"),
    "swelling": (r"(face|lips?|tongue|throat|mouth|eyes?|eyelids)( \w+){0,3} (swell\w*|swollen|puff\w*|closing)|"
                 r"(swell\w*|swollen|puff\w*) (up )?(face|lips?|tongue|throat)|throat (\w+ ){0,3}(tight|closing)",
                 "angioedema|swelling face|swelling lips|swelling tongue|swelling throat|anaphylaxis"),
    "hives": (r"hives|welts", "urticaria|hives"),
    "rash": (r"rash( \w+){0,2} (all over|everywhere|spreading|over (my|his|her|their) (whole )?body)|(broke|breaking|broken) "
             r"out in (a )?rash", "rash|erythema multiforme|exanthem|urticaria"),
    "vision": (r"cant see|lost (my |the )?(vision|sight)|vision (\w+ ){0,4}(went|gone|black|dark)|went (\w+ )?(dark|black|blind)|"
               r"\bblind\b|curtain", "vision loss|blindness|visual|optic"),
    "hearing": (r"cant hear|lost (my |the )?hearing|hearing loss|loss of hearing|\bdeaf\b", "hearing loss|deafness|tinnitus"),
    "vomiting": (r"throw\w* up|vomit\w*|puk(e|ed|ing)", "vomiting|emesis"),
    "tremor": (r"shak(ing|y|es)|trembl\w*|twitch\w*|jerk(ing|s|y)|cant stop (shaking|moving)",
               "tremor|tremulousness|dyskinetic|involuntary movements"),
    "dystonia": (r"neck (is |keeps )?(twist\w*|stuck|pulled|turn\w*)|twisted to|jaw (is )?(locked|stuck|clenched)|"
                 r"eyes (\w+ )?(rolling|rolled|roll) (up|back)|cant control (it|my|his|her)",
                 "dystonia|spasm neck|torticollis|oculogyric|opisthotonos"),
    "tongue": (r"tongue (\w+ ){0,2}(pushing|sticking|sticks|hanging|poking) out", "protrusion tongue|tongue"),
    "swallowing": (r"(hard|difficult|trouble|cant|unable|cannot) (to )?swallow", "swallowing|dysphagia"),
    "sedation": (r"(super|really|very|so|extremely|too) (sleepy|drowsy)|cant stay awake|slurr\w+",
                 "sedation|somnolence|cns depression|lethargy"),
    "faint": (r"(going to|gonna|about to|might) (pass out|faint)|feel(ing)? faint|lightheaded|cant stand",
              "syncope|hypotension"),
    "bleeding": (r"(bleeding|blood) (\w+ ){0,2}(wont|doesnt|will not|cant) stop|(vomiting|throwing up|coughing( up)?|"
                 r"puking) blood|black (tarry )?stools?", "bleeding|hemorrhage"),
    "erection": (r"erection|hard[- ]on|(been|stayed|still) hard (for )?(like |over |more than )?\d+ h", "priapism|erection"),
    "stroke": (r"face (is )?droop\w*|(one|left|right) side (of (my|his|her) (body|face) )?(is )?(numb|weak|droop\w*)|"
               r"(arm|leg) (is |went |feels )?numb|cant (talk|speak)", "stroke|cerebrovascular|paralysis"),
    "jaundice": (r"yellow (skin|eyes)|(skin|eyes) (are |is )?(turning |going )?yellow", "jaundice|hepatic"),
    "blistering": (r"(skin|rash) (is )?(blister\w*|peel\w*)|blisters", "blistering|stevens-johnson|epidermal necrolysis"),
    "cold skin": (r"(skin|hands|feet)( \w+){0,3} (cold|clammy|blotchy|mottled)|blotchy", "shock|circulatory collapse|sepsis"),
    "chills": (r"chills|shivering|rigors", "chills|rigors"),
    "dark urine": (r"(dark|brown|cola)( colou?red)? (urine|pee)|(urine|pee) (is )?(dark|brown)",
                   "rhabdomyolysis|myoglobinuria|dark urine"),
}

SYMPTOMS: tuple[Symptom, ...] = tuple(
    Symptom(name, re.compile(rf"\b(?:{said})"), tuple(tuple(tokenize(p)) for p in clinical.split("|")))
    for name, (said, clinical) in _SYMPTOMS.items()
)


def _signs(clinical: str) -> Symptom:
    return Symptom("", re.compile(r"(?!)"), tuple(tuple(tokenize(p)) for p in clinical.split("|")))


# The clinical words for each kind of emergency itself: a statement naming the kind ("anaphylaxis",
# "serious infection or sepsis") is about this emergency, and may say what to do.
KIND_SIGNS: dict[str, Symptom] = {kind: _signs(clinical) for kind, clinical in {
    "overdose": "overdose|overdosage|poison",
    "breathing": "difficulty breathing|respiratory depression|bronchospasm|dyspnea",
    "unresponsive": "coma|unconscious|loss of consciousness",
    "seizure": "seizure|convulsion",
    "allergy": "hypersensitivity|anaphylaxis|anaphylactic|angioedema|allergic reaction",
    "chest": "chest pain|myocardial infarction|angina|sudden death|torsades|arrhythmia|cardiac arrest",
    "stroke": "stroke|cerebrovascular",
    "senses": "vision loss|hearing loss|optic neuritis|blindness",
    "fever": "infection|sepsis|hyperpyrexia|fever",
    "withdrawal": "withdrawal|discontinuation",
}.items()}


def symptoms_in(text: str) -> list[Symptom]:
    """The symptoms a (normalised) message describes, in the order of the table."""
    return [s for s in SYMPTOMS if s.said.search(text)]
