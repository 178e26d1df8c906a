"""Whether a message tells of something happening now, or only asks, remembers or jokes.

"Can baclofen cause seizures?" and "she's seizing on the floor rn" share a word; what
tells them apart is the frame around it: a general question, a hypothetical ("what if",
"in case"), a distant past ("as a kid", "years ago"), something that is over ("I'm in a
much better place now"), a figure of speech ("this job is killing me"), or a mild
qualifier ("a bit"). Cues are read per sentence, so "I had seizures as a kid. Now my
arm is jerking" keeps its second sentence. Text is lower-cased with apostrophes removed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from index.spelling import Speller

from .gate import Gated, gated


def _cue(*alternatives: str) -> Gated:
    """A cue's pattern, not run on a sentence holding none of the words it needs (``gate.py``)."""
    return gated("|".join(alternatives))


# a stop ends a sentence unless it is a decimal point ("2.5 mg"); "at 50. im nervous" is two sentences
_SPLIT = _cue(r"(?<!\d)[.!?;]+", r"[.!?;]+(?!\d)", r"\n+", r"\s+but\s+", r"\s+\|\|\s+")
NOW = _cue(
    r"\b(right now|now|rn|atm|currently|at the moment|as we speak|suddenly|all of a sudden|tonight|today|help me|"
    r"please help|hurry|911)\b",
    r"\bthis (morning|afternoon|evening)\b",
    r"\bjust (\w+ed|took|had|ate|got|went|did|broke|started|told|texted|passed|fell|woke|found|gave|swallowed|injected|"
    r"drank|now)\b",
    r"\b(an?|one|few|couple( of)?|\d+|like \d+) ?(min|mins|minutes|hours?|hrs?) ago\b", r"\bfor the (last|past) \d+")
# an ongoing state: "she's seizing", "he won't wake", "it keeps", "since starting", "after my dose"
ONGOING = _cue(
    r"\b(i|im|am|is|are|hes|shes|theyre|were|its|keeps?|been) (\w+ )?\w+ing\b", r"\b(wont|cant|keeps|started)\b",
    r"\bsince (taking|starting|my|his|her|the|then|last)\b", r"\bafter (taking|using|injecting|my|his|her|the|a|an)\b",
    r"\bwhat (do|should|can) (i|we) do\b(?! if)", r"\b(my|his|her) \w+ (is|are|feels?|looks?|went|just)\b",
    r"\bwent (\w+ )?(black|dark|rigid|limp|blue)\b")
HYPOTHETICAL = _cue(
    r"(^|\b(what|how|do|does|should|happens|would|will|could|can|is|whats)\b[^,]{0,40})\bif\b", r"\bwhat if\b",
    r"\bin case\b", r"\bhypothetical\w*", r"\b(scared|afraid|worried|nervous|terrified) (of|about) \w+ing\b",
    r"\bjust (want|wanted) to know\b", r"\basking for\b", r"\bsuppose\b", r"\bif (\w+ ){0,3}ever\b",
    # what was read or heard about: "I keep reading about heart attacks and strokes", "heard stories about seizures"
    r"\b(read|reading|reads|heard|hearing|seen|seeing|saw|watched|watching|googled|googling|researched|researching|"
    r"looked up|looking up)( (\w+ ){0,3}(stories|posts|articles|reports|things|stuff|a lot|so much|online))? about\b")
# what happened to someone else, as told by a friend: "a friend told me her uncle had a seizure after ...";
# only when all of it is over: not "someone at work said he stopped his baclofen and is seizing", "my friend said
# she cant breathe", nor what someone said of the person writing ("my coworker said I was slurring")
HEARSAY = _cue(r"\b(friend|friends|coworker|co-worker|colleague|neighbou?r|someone|somebody|people)( of mine| at work)? "
               r"(told me|said|says|mentioned|posted)\b[^.?!]{0,60}\b(had|ended up|went|was|were|got|came off|stopped)\b")
STILL_GOING = _cue(r"\b(is|are|was|were|isnt|arent|wasnt|hes|shes|im|theyre) (\w+ )?\w+ing\b",
                   r"\b(is|are|isnt|arent|cant|cannot|wont|still|keeps?)\b",
                   r"\b(told me|said|says|mentioned|posted)\b[^.?!]*\b(i|im|ive|me|my)\b")
GENERAL = _cue(
    r"\b(can|could|does|do|will|would|might|may|is|are) (\w+ ){0,3}(cause|causes|lead to|trigger|give you|make you|"
    r"result in|linked|associated)\b",
    r"\b(signs?|symptoms?|risks?|chances?|odds) of\b", r"\bhow (rare|common|likely|often)\b",
    r"\bis it (dangerous|normal|possible|safe|common|bad|ok|okay) (to|for|if|when)\b",
    r"\bwhat happens (if|when|after)\b",
    r"\bpeople (with|who)\b", r"\ba (\w+ )?side effect\b", r"\bside effects? of\b",
    r"\b(make|makes|making) (\w+ ){0,2}(more|less) likely\b",
    r"\bcan (you|someone|a person|people) (die|overdose|od)\b", r"\bwhat should (i|we) do if\b")
# a question or topic about no one in particular: "how is an overdose treated?", "overdose treatment"
QUESTION = _cue(r"^(how|what|whats|why|when|where|which|who|is|are|does|do|can|could|will|would|should)\b")
TOPIC = _cue(r"\b(treatment|treated|management|antidote|information|info|signs|symptoms|risks?|definition|meaning|"
             r"statistics|rates?|facts|guidelines?)\b")
PERSON = _cue(r"\b(i|im|ive|id|ill|me|my|mine|myself|we|us|our|he|hes|him|his|she|shes|her|they|theyre|them|their|"
              r"someone|somebody|friend|son|daughter|kid|child|baby|toddler|mom|dad|wife|husband|partner)\b")
# a condition or an eligibility question: "I have a seizure disorder, can I take it?"
CONDITION = _cue(r"\b(can|could|should|may) (i|he|she|we|they|you|my \w+) (still )?(take|use|go on|start|be on)\b",
                 r"\bis (\w+ ){0,2}(ok|okay|safe|fine) (for|with)\b", r"\b(disorder|history|prone)\b")
PAST = _cue(
    r"\b(years? ago|growing up|last year|back in|used to|childhood|long time ago|years back)\b",
    r"\b(a|one|two|few|couple( of)?|\d+) (years?|yrs?|decades?) (ago|back)\b",
    r"\bas a (kid|child|teen|teenager|baby)\b",
    r"\b(back|way back|in|during|around|from|of|summer|spring|fall|autumn|winter) (of )?(19|20)\d\d\b(?! ?(mg|mcg|ml|g|units)\b)",
    r"\bback in (high school|college|university|uni|my (teens|twenties|20s))\b", r"\bback when\b",
    # an age gone by, told with what happened then: "I had a seizure in my 20s", "he was in his teens when"
    # (not an age now: "I'm in my 20s and I want to die")
    r"\b(had|was|were|got|happened|started|began|took|tried|did|used|went|fell|felt|passed|fainted|blacked|collapsed|"
    r"overdosed)\b( \S+){0,6} in (my|his|her|their) "
    r"(early |late |mid )?(teens|twenties|thirties|forties|fifties|sixties|[2-9]0s)\b",
    r"\bwhen (i|he|she|they) (was|were) in (high school|college|university)\b",
    r"\bwhen (i|he|she|they) (was|were) (a |younger|little|young|small|\d+)", r"\bin (19|20)\d\d\b",
    r"\bin the (past|\d0s)\b(?! (\d+ |few |couple( of)? |several |last )?(hours?|hrs?|minutes?|mins?|days?|nights?|weeks?)\b)", r"\bnone (for|since)\b", r"\bno (more )?(seizures?|episodes?|attacks?) (for|since)\b")
RECOVERED = _cue(r"\b((much |a lot |so much )?better (now|place)|doing (well|better|fine|great|good)|under control|"
                 r"in remission|fine now|all good now)\b")
# an episode told as over: "it settled within the hour", "went away after a few minutes", "gone now"
RESOLVED = _cue(r"\b(settled|went away|gone away|went down|gone down|cleared up|subsided|calmed down|resolved|wore off|"
                r"stopped)( on its own| by itself)?( \w+){0,2} (within|after|in|by) (the|an|a|half|a few|\d+|one|two|few)\b",
                r"\b(its|it is|theyre|they are|thats) (all )?(gone|back to normal|normal again) now\b",
                # or nothing was taken: "the cap was still on and it never clicked", "none of it went in"
                r"\b(cap|lid|needle cover|safety cap) (was |is )?still on\b", r"\bnever (clicked|fired|went off|went in)\b",
                r"\b(none|nothing) (of it )?(went|got) (in|into)\b", r"\b(full )?dose (is |was )?still (showing|in (it|the))\b",
                r"\b(didnt|did not) (go in|get in|click|fire|inject)\b")
FIGURE = _cue(
    r"\b(is|are|s|re|was|were|been) (\w+ )?(killing|murdering) (me|us)\b",
    r"\b(wife|husband|mom|mum|dad|mother|father|parents|boss|teacher|girlfriend|boyfriend|partner|doctor|coach) "
    r"(will|would|is going to|gonna|is gonna) (literally )?kill (me|us)\b",
    r"\b(dying|dyin) (to|for)\b", r"\bto die for\b", r"\b(scared|bored|worried|tickled|freezing|starving) to death\b",
    r"\b((want|wanna|going|gonna|could|about|ready) (to )?)?die of (embarrassment|shame|boredom|cringe|laughter|laughing)\b",
    r"\b(lol|lmao|haha)\b")
# "suddenly" telling how a drug is stopped is its manner, not the time: "what if you stop it suddenly"
MANNER = _cue(r"\b(stop|stops|stopping|stopped|quit|quits|quitting|come off|coming off|came off|go off|going off|"
              r"discontinu\w*|withdraw\w*)( \w+){0,3} (suddenly|all of a sudden)\b",
              r"\b(suddenly|all of a sudden) (stop|stopping|stopped|quit|quitting|come off|coming off|discontinu\w*)\b")
MILD = _cue(r"\b(a (little|bit|tad)( bit)?|slight(ly)?|mild(ly)?|kinda|kind of|sort of|somewhat|minor)\b")

# The words emergencies turn on, so a typo in one ("swalowed", "siezure") is read as meant; only
# words the document does not use are respelled, by the index's own cautious rules.
_SAFETY_WORDS = Counter("""
swallowed swallow swallowing breathing breathe breath seizure seizures seizing convulsing convulsions convulsion
unconscious unresponsive responding overdose overdosed overdosing poisoned poisoning suicide suicidal myself
accidentally accident mistake gasping wheezing choking collapsed passed hallucinating hallucinations swelling
swollen throat tongue tablets medicine medication medications toddler daughter grandson granddaughter crushing
vision hearing temperature confused confusion stopped suddenly racing pounding emergency ambulance painless forever
purple injected jabbed bottle bunch handful whole twitching shaking jerking floppy sleepy drowsy slurring
""".split())
_SPELLER = Speller(_SAFETY_WORDS)


def safety_speller() -> Speller:
    """The emergency words' speller (its index is built on first use; ``loading.warm_up`` builds it)."""
    return _SPELLER


def normalized(text: str) -> str:
    """Lower case, curly quotes straightened, apostrophes dropped, spaces collapsed."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("'", "")
    return re.sub(r"\s+", " ", text).strip()


def respelled(text: str, document: Speller | None = None) -> str:
    """A normalised text with misspelt words put right: emergency words first, then the document's
    own ("treatmnet"); words the document uses are left alone."""
    known = document.words if document else ()

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        if len(word) < 5 or word in known or word in _SAFETY_WORDS:
            return word
        return _SPELLER.closest(word) or (document and document.closest(word)) or word
    return re.sub(r"[a-z]+", fix, normalized(text))


@dataclass(frozen=True)
class Sentence:
    text: str
    now: bool  # "right now", "this morning", "10 min ago"
    ongoing: bool  # "she's seizing", "won't wake", "since starting"
    hypothetical: bool
    general: bool  # a general question, a condition or eligibility question, a topic about no one
    past: bool  # a distant past, or something that is over
    figure: bool
    mild: bool

    @property
    def told_as_happening(self) -> bool:
        """Not hypothetical, not long past, not a general question, unless it says it is happening now."""
        if self.now and not RECOVERED.search(self.text):
            return True
        if self.past or self.hypothetical:
            return False
        return self.ongoing or not self.general


def _general(text: str) -> bool:
    impersonal = not PERSON.search(text) and bool(QUESTION.search(text) or TOPIC.search(text))
    return bool(GENERAL.search(text) or CONDITION.search(text)) or impersonal


# a past dated in its own clause stays past beside a "now" about something else: "I had a blood clot two years
# ago and my doctor now wants me on it" is two clauses; "took them years ago and now I'm seizing" keeps its second
_CLAUSE = re.compile(r",? +(?:and|so|then|while|yet) +|, +")


# what happened before, happening again now: "I had seizures in my teens and just had another one" is one event
AGAIN = _cue(r"\banother one\b(?! of)", r"\b(happening|happened|starting|started) again\b",
             r"\b(having|had|have|has) (one|it|them|another) again\b")


def _pieces(text: str) -> list[str]:
    pieces = []
    for piece in _SPLIT.split(normalized(text)):
        if PAST.search(piece) and NOW.search(piece) and not AGAIN.search(piece):
            pieces += _CLAUSE.split(piece)
        else:
            pieces.append(piece)
    return pieces


def sentences(text: str) -> list[Sentence]:
    """The message's sentences (split at stops, line breaks and "but"; a sentence with a dated past and a
    "now" also at its clauses), each with its frame."""
    out = []
    for piece in _pieces(text):
        piece = piece.strip(" ,")
        if piece:
            out.append(Sentence(
                piece, bool(NOW.search(MANNER.sub(" ", piece))), bool(ONGOING.search(piece)),
                bool(HYPOTHETICAL.search(piece) or (HEARSAY.search(piece) and not STILL_GOING.search(piece))),
                _general(piece), bool(PAST.search(piece) or RECOVERED.search(piece)), bool(FIGURE.search(piece)),
                bool(MILD.search(piece))))
    return out
