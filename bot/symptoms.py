"""Symptoms as people describe them, and the clinical words a monograph uses for them.

A message says "my heart is pounding" or "she's not making any sense"; a label says
"tachycardia" or "altered mental status". Each symptom here pairs the ways people say it
with the clinical words, so that a message can be matched against the document's own
urgent statements (``index.urgent``) on documents nobody has read for the bot. General
medical vocabulary only, written for the symptoms that labels tell readers to act on;
text is matched lower-cased with apostrophes removed ("cant", "hes").
"""

from __future__ import annotations

from dataclasses import dataclass

from index import tokenize

from .gate import Gated, Gates, gated
from .safety import CHEST_PAIN


@dataclass(frozen=True)
class Symptom:
    name: str
    said: Gated  # how a message says it (a pattern not run on a text without its words)
    clinical: tuple[tuple[str, ...], ...]  # index terms of each clinical phrase; any one phrase names it

    def named_in(self, terms: frozenset[str]) -> bool:
        """Whether a statement's terms hold one of this symptom's clinical phrases, all of its words."""
        return any(all(t in terms for t in phrase) for phrase in self.clinical)


_SYMPTOMS: dict[str, tuple[tuple[str, ...], str]] = {  # name: (how people say it, the clinical words)
    "breathing": ((r"cant (breathe|breath|get (enough )?air|catch (my|his|her|their|a) breath)",
                   r"(hard|difficult|trouble|struggling|difficulty|unable|cannot|not|isnt|arent|wasnt) (to )?"
                   r"breath(e|ing)?",
                   r"short(ness)? of breath", r"gasp\w*", r"wheez\w*", "barely breathing", "stopped breathing",
                   r"breathing (\w+ ){0,2}(slow|slowly|shallow|weird|strange|funny|noisy|fast|rapid\w*|quick\w*|hard)",
                   r"chest (is |feels )?tight",
                   "choking", "struggling for air", r"(snoring|gurgling|rattling) (sound|noise)", r"\bpuffed\b",
                   r"out of breath", r"winded",
                   r"(weird|strange|loud|funny) (snor\w+|gurgl\w+|rattl\w+)"),
                  "difficulty breathing|respiratory|dyspnea|bronchospasm|wheezing|respiration|apnea|laryngospasm|"
                  "breath"),
    "blue": ((r"(lips?|fingers|fingertips|mouth)( \w+){0,3} (blue|grey|gray|purple)", "turning blue",
              r"(face|skin) (is |are |went |turned |turning |going |looks? )(blue|grey|gray)",
              r"(blue|grey|gray|purple) (around|in) the (lips|mouth)"), "cyanosis|respiratory depression"),
    "unresponsive": (("unresponsive", "unconscious", "passed out", r"pass(ing)? out", "wont wake", "cant wake",
                      "not waking",
                      r"barely (wakes?|waking|awake|conscious|responsive|responding)",
                      r"(not|isnt|wont|doesnt) (respond\w*|answer(ing)? me)", "collapsed", "slumped", "fainted",
                      "blacked out", "floppy", "limp"),
                     "coma|comatose|unconscious|consciousness|syncope|stupor|unresponsive|respiratory depression"),
    "seizure": ((r"seiz(ure|ures|ing)", r"convuls\w*", r"having (a )?fit", r"(shaking|jerking|twitching) all over",
                 r"whole body (is |was )?(shaking|jerking)"), "seizure|convulsion|epilepsy"),
    "confusion": ((r"confus\w+", r"muddl\w+", r"(not|isnt|arent) making (any )?sense", "talking nonsense", r"mutter\w*", r"mumbl\w*",
                   r"not (talking|speaking) (right|properly|normally)",
                   r"doesnt know (where|who)",
                   "disoriented", "out of it", "delirious", r"not (herself|himself|themselves|myself)",
                   r"acting (really |very |so )?(weird|strange)"),
                  "confusion|altered mental status|delirium|disorientation|encephalopathy"),
    "hallucination": ((r"hallucinat\w*", r"(seeing|hearing) (things|voices|people|bugs|stuff)",
                       r"(that|which) (arent|isnt|are not|is not) (there|real)", r"paranoi\w*"),
                      "hallucinations|psychosis|psychotic"),
    "heart": ((r"(heart|pulse|heartbeat) (is |keeps |feels )?(\w+ ){0,2}(racing|pounding|skipping|fluttering|irregular|"
               r"beating (so |really |very )?(fast|hard))", "palpitations", "skipping beats", "racing heart"),
              "tachycardia|palpitations|arrhythmia|arrhythmias|dysrhythmias|irregular pulse|heart rate|torsades"),
    "fever": (("fever", "burning up", r"(temperature|temp) (keeps |is |was )?(hitting|at|over|above|reaching|up to|of)", r"\b(really|so|very|burning|boiling|and|feels|hes|shes|felt) hot\b(?! (weather|day|outside|bath|shower|tea|water|coffee|drink|flash\w*|food))", r"(temperature|temp) (of|is|was|at) ", r"high (temperature|temp)",
               r"\b10[2-7](\.\d)?\b"), "fever|hyperpyrexia|pyrexia|hyperthermia|febrile"),
    "rigidity": (("stiff", "rigid"), "rigidity|stiffness"),
    "sweating": ((r"sweat\w*", "drenched", "clammy"), "diaphoresis|sweating"),
    "chest pain": ((CHEST_PAIN, "crushing", "heart attack"),
                   "chest pain|angina|myocardial infarction"),
    "swelling": ((r"(face|lips?|tongue|throat|mouth|eyes?|eyelids)( \w+){0,3} (swell\w*|swollen|puff\w*|closing)",
                  r"(swell\w*|swollen|puff\w*) (up )?(face|lips?|tongue|throat)", r"throat (\w+ ){0,3}(tight|closing)"),
                 "angioedema|swelling face|swelling lips|swelling tongue|swelling throat|anaphylaxis"),
    "hives": (("hives", "welts"), "urticaria|hives"),
    "rash": ((r"rash( \w+){0,2} (all over|everywhere|spreading|over (my|his|her|their) (whole )?body)",
              r"(broke|breaking|broken) out in (a )?rash"), "rash|erythema multiforme|exanthem|urticaria"),
    "vision": (("cant see", r"lost (my |the )?(vision|sight)", r"vision (\w+ ){0,4}(went|gone|black|dark)",
                r"went (\w+ )?(dark|black|blind)", r"\bblind\b", "curtain"), "vision loss|blindness|visual|optic"),
    "hearing": (("cant hear", r"lost (my |the )?hearing", "hearing loss", "loss of hearing", r"\bdeaf\b"),
                "hearing loss|deafness|tinnitus"),
    "vomiting": ((r"throw\w* up", r"vomit\w*", r"puk(e|ed|ing)"), "vomiting|emesis"),
    "tremor": ((r"shak(ing|y|es)", r"trembl\w*", r"twitch\w*", r"jerk(ing|s|y)", r"cant stop (shaking|moving)"),
               "tremor|tremulousness|dyskinetic|involuntary movements"),
    "dystonia": ((r"neck (is |keeps )?(twist\w*|stuck|pulled|turn\w*)", "twisted to",
                  r"jaw (is )?(locked|stuck|clenched)",
                  r"eyes (\w+ )?(rolling|rolled|roll) (up|back)", r"cant control (it|my|his|her)"),
                 "dystonia|spasm neck|torticollis|oculogyric|opisthotonos"),
    "tongue": ((r"tongue (\w+ ){0,2}(pushing|sticking|sticks|hanging|poking) out",), "protrusion tongue|tongue"),
    "swallowing": ((r"(hard|difficult|trouble|cant|unable|cannot) (to )?swallow",), "swallowing|dysphagia"),
    "sedation": ((r"(super|really|very|so|extremely|too) (sleepy|drowsy)", "cant stay awake", r"slurr\w+"),
                 "sedation|somnolence|cns depression|lethargy"),
    "faint": ((r"(going to|gonna|about to|might) (pass out|faint)", r"feel(ing)? faint", "lightheaded", "cant stand",
               r"(nearly|almost) (passed out|fainted|blacked out)"),
              "syncope|hypotension"),
    "bleeding": ((r"(bleeding|blood) (\w+ ){0,2}(wont|doesnt|will not|cant) stop",
                  r"(vomiting|throwing up|coughing( up)?|puking) blood", r"black (tarry )?stools?",
                  r"(gums|nose) (\w+ ){0,2}bleed\w*"),
                 "bleeding|hemorrhage"),
    "bruising": ((r"bruis\w+ (all over|everywhere|for no reason|out of nowhere)", r"covered in bruises"),
                 "bruising|thrombocytopenia|pancytopenia"),
    "erection": (("erection", r"hard[- ]on", r"(been|stayed|still) hard (for )?(like |over |more than )?\d+ h"),
                 "priapism|erection"),
    "stroke": ((r"face (is )?droop\w*",
                r"(one|left|right) side (of (my|his|her) (body|face) )?(is )?(numb|weak|droop\w*)",
                r"(arm|leg) (is |went |feels )?numb", r"cant (talk|speak)"), "stroke|cerebrovascular|paralysis"),
    "jaundice": ((r"yellow (skin|eyes)", r"(skin|eyes) (are |is )?(turning |going |went |gone |turned |look |looks )?yellow"),
                 "jaundice|yellowing|hepatic"),
    "muscle pain": ((r"muscles? (\w+ ){0,3}(pain\w*|ache\w*|aching|sore|hurt\w*|cramp\w*|agony)", r"(aching|sore) muscles"),
                    "myalgia|muscle pain|rhabdomyolysis|myopathy"),
    "weakness": ((r"(so|really|very|super|too|insanely|extremely) weak\b", r"(cant|can barely|cannot|unable to) (walk|stand|lift)"),
                 "weakness|asthenia"),
    "clot": (("blood clot", r"(leg|calf|thigh) (\w+,? ){0,3}(swollen|swelling|painful|red|warm|hot|hurts)",
              r"(swollen|painful|red|warm) (leg|calf|thigh)"),
             "thrombosis|thrombotic|embolism|thromboembolic|thromboembolism|blood clots"),
    "blistering": ((r"(skin|rash) (is )?(blister\w*|peel\w*)", "blisters"),
                   "blistering|stevens-johnson|epidermal necrolysis"),
    "cold skin": ((r"(skin|hands|feet|knees|legs|arms)( \w+){0,3} (cold|clammy|blotchy|mottled)", "blotchy", "mottled"),
                  "shock|circulatory collapse|sepsis"),
    "chills": (("chills", "shivering", "rigors"), "chills|rigors"),
    "dark urine": ((r"(dark|brown|cola)( colou?red)? (urine|pee)", r"(urine|pee) (is )?(dark|brown)"),
                   "rhabdomyolysis|myoglobinuria|dark urine"),
}

SYMPTOMS: tuple[Symptom, ...] = tuple(
    Symptom(name, gated(rf"\b(?:{'|'.join(said)})"), tuple(tuple(tokenize(p)) for p in clinical.split("|")))
    for name, (said, clinical) in _SYMPTOMS.items()
)


def _signs(clinical: str) -> Symptom:
    return Symptom("", gated(r"(?!)"), tuple(tuple(tokenize(p)) for p in clinical.split("|")))


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
    "clot": "thrombosis|embolism|thromboembolism|blood clots",
    "bleeding": "bleeding|hemorrhage|haemorrhage",
    "senses": "vision loss|hearing loss|optic neuritis|blindness",
    "fever": "infection|sepsis|hyperpyrexia|fever",
    "infection": "infection|sepsis|cellulitis|meningitis|fever",
    "withdrawal": "withdrawal|discontinuation",
}.items()}


_GATES = Gates([s.said for s in SYMPTOMS])  # the table's words looked for once per text


def symptoms_in(text: str) -> list[Symptom]:
    """The symptoms a (normalised) message describes, in the order of the table."""
    return [SYMPTOMS[n] for n in _GATES.possible(text) if SYMPTOMS[n].said.pattern.search(text)]
