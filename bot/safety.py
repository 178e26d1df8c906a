"""Emergencies that are urgent whatever the document says.

These checks run on every message before retrieval, so the fixed notice can come first.
Each kind is a class of situation (an overdose, someone not breathing, a seizure now),
written in the words people use, and is counted only in a sentence told as happening
(``cues.py``): "can baclofen cause seizures?", "as a kid" and "what if" do not count.
They lean broad: a notice shown once too often costs a line, one missed can cost a life.
The document's own urgent statements are matched in ``urgency.py``; personal dosing
requests are recognised in ``dosing.py`` (its names are re-exported here).
"""

from __future__ import annotations

import re

from .cues import FIGURE, MANNER, NOW, PAST, Sentence, sentences
from .dosing import DOSING_NOTE, asks_personal_dosing, personal_figures
from .gate import Alternation, Gated, gated

__all__ = ["DOSING_NOTE", "EMERGENCY_DECLINE", "EMERGENCY_NOTICE", "EMERGENCY_SEARCH", "KINDS", "asks_personal_dosing",
           "emergency_kind", "kinds_in", "personal_figures"]

EMERGENCY_NOTICE = (
    "⚠️ If this is an emergency, call 911 (or your local emergency number) now. "
    "For a possible overdose or poisoning, call Poison Help at 1-800-222-1222. "
    "If you are thinking about suicide or self-harm, call or text 988 (Suicide & Crisis Lifeline)."
)
# said instead of "the monograph doesn't cover this" when an emergency finds no passage on what to do
EMERGENCY_DECLINE = "The monograph has no passage on what to do in this situation: please get help now, as above."


def _any(*alternatives: str) -> str:
    return "|".join(alternatives)


_CHILD = _any(r"(little|baby|younger|kid|toddler) (brother|sister|sibling|cousin)", "toddler", "baby", "infant", r"kids?", "child", "children", "son", "daughter", "grandson",
              "granddaughter", r"grandkids?", "grandchild", "little one", "nephew", "niece",
              r"\d+ ?(yr|year|yo|month)s?( old)?", r"\w+ year old")
_OTHER = _any("he", "she", "they", "friend", "roommate", "mom", "mum", "dad", "mother", "father", "husband", "wife",
              "partner", "boyfriend", "girlfriend", "bf", "gf", "brother", "sister", "grandma", "grandpa", "uncle",
              "aunt", "cousin", r"neighbou?r", "coworker", _CHILD)
_MEDS = r"(pills?|tablets?|tabs|capsules?|caps|meds|medicines?|medications?|doses?|pens?|shots?|injections?|syringes?)"
# what was left of a medicine, taken: "swallowed the rest of", "took whats left of her" (then what it was) ...
REST_OF = (r"\b(took|taken|swallowed|popped|downed)\b.{0,20}\b(the rest of|whats left of|what was left of|the last of) "
           r"(my|his|her|their|our|the) ")
# ... unless taken as meant, or carried somewhere: not too much at once (what follows within 40 characters)
AS_MEANT = (r".{0,40}\b(as (prescribed|directed|instructed|told|usual|normal|planned)|back|to (the |my |his |her )?"
            r"(pharmacy|chemist|doctor|clinic|office|bin|trash|work|school)|with (me|him|her|us|them)|out of|away|home|"
            r"later|tomorrow|(the )?next (day|morning)|off)\b")
_TOOK = r"(took|taken|swallowed|ate|popped|downed|injected|chewed|doubled|gave( him| her| them| me| myself)?|given)"
_MANY = (r"(\d{2,}|[5-9]|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a dozen|dozens|"
         r"several)")

# a dose taken again and again: four or more times, or several, in one day
_TIMES = (r"(like |about |around |maybe |at least |over |almost |nearly |probably |all )?([4-9]|\d{2,}|four|five|six|"
          r"seven|eight|nine|ten|several|multiple|many|a bunch of|so many|too many)")
_SAMEDAY = (r"today|tonight|this (morning|afternoon|evening)|since (this morning|breakfast|lunch|dinner|last night|i woke)|"
            r"in (one|a|the same|1|a single|\d+|a few|a couple( of)?) (day|hours?|hrs?|afternoon|morning|night|evening|go)|"
            r"in a row|back to back|already|within|(last|past) (few |couple( of)? |\d+ )?(hours?|hrs)")
# chest pain, pressure, heaviness or tightness, told with the words either way round, or as pain spreading
# to the arm or jaw: what a heart attack feels like (chest pain, not heartburn, is what people say it as)
_CHEST_FEEL = (r"(crush\w*|squeez\w*|pain|pains|painful|hurts?|hurting|ache|aches|aching|pressure|tight\w*|heavy|"
               r"heaviness|weight|pressing|pushing|killing)")
CHEST_PAIN = _any(
    rf"chest( \w+){{0,4}} {_CHEST_FEEL}",
    rf"{_CHEST_FEEL}( \w+){{0,3}} (in|on|of|across|around|inside|through|behind) (my|his|her|their|the|your) (\w+ )?"
    r"(chest|breastbone|sternum)",
    r"(tight|heavy|crushing|squeezing|painful|hurting|aching) chest",
    r"(elephant|weight|someone|somebody|something|brick|ton|truck|lorry|car|bus|anvil|rock|boulder) (\w+ ){0,2}(sitting|"
    r"standing|pressing|pushing|parked|sat|lying|on top) "
    r"(on|of|down on) (my|his|her|the) chest",
    r"pain (\w+ ){0,2}(spreading|radiating|shooting|moving|going|goes|spreads|radiates|shoots) (\w+ ){0,2}(to|into|down|"
    r"up) (\w+ ){0,2}(left arm|arm|jaw|neck|shoulder)",
    r"(vise|vice|band|belt)( \w+){0,3} (around|across) (my|his|her|the) chest",
    r"(pain|pressure|tightness|heaviness|ache|aching|squeezing|crushing)( \w+){0,5} chest\b",
    r"heart( \w+){0,4} (squeez\w*|crush\w*)",
)

# a severe allergic reaction told without "swelling" of the face or throat, or with it of the eyes shut
ALLERGY_WORDS = _any(
    r"eyes? (\w+ ){0,2}(swell\w*|swollen|puff\w*)( up)? (shut|closed)",
    r"(cant|can not|cannot|barely) open (my|his|her|their) eyes (\w+ ){0,3}(swell\w*|swollen|puff\w*)",
    r"(throat|tongue|lips?|mouth|airway) (\w+ ){0,2}(feels?|felt|is|are|getting|gets|going|got|gone|went|seems?) "
    r"(\w+ ){0,2}(thick|fat|huge|enormous|too big|twice (its|the) size|tight|closing|closed|narrow\w*|swollen|puffy)\b",
    r"(face|lips?|tongue|throat|eyes?|eyelids) (\w+ ){0,2}(blow(ing|n)? up|blew up|balloon\w*|puffed up|puffing up|"
    r"getting (huge|bigger|fat)|doubled in size)(?! (with|in) (acne|pimples|spots|zits|breakouts?|freckles))",
    r"(tongue|throat|lips?) (\w+ ){0,2}(too big|huge) for (my|his|her|their) (mouth|face)",
)

# Each kind of emergency, and the words that recognise it. Self-harm is checked first; it
# gets the notice and no passages: passages about amounts are the last thing to show.
_KINDS: dict[str, list[str]] = {
    "self-harm": [
        r"suicid\w*", r"kill(ing|ed)? (my|him|her|them)sel(f|ves)", r"end(ing)? (my|his|her) (own )?life",
        r"end(ing)? it all", r"wants? to (die|be dead)", "wanna die", r"self ?harm\w*", r"hurt(ing)? (my|him|her)self",
        r"cut(ting)? myself",
        r"better off (dead|without me)",
        r"(everyone|everybody|they|my family|the world) (would|will)( all)? be better off", r"take my (own )?life",
        r"(well|we will|youll|you will|theyll|they will|everyone will|everyones) (all )?be better off\b(?! (with|if|when|after|once|"
        r"without the|financially|to|on|in|at|than|\w+ing)\b)",
        r"\bkms\b", r"\bkys\b", r"(would|will|to) kill me", r"(take|need|enough) to (die|kill myself)",
        "lethal dose", "fatal dose", r"how (much|many)\b.{0,40}\b(kill|die|fatal|lethal|painless)",
        # indirect: wishing not to wake, a plan, the means kept ready, no point in living
        "sleep forever", r"(nobody|no one) (would|will|is going to) (even |really |ever )?(miss|care|notice)", r"if i (was|were) gone",
        "when im gone", r"if i (wasnt|werent) (here|around|alive)",
        r"(hope|wish|if) i (\w+ )?(didnt|dont|never|wouldnt|wont) wake up", "never wake up",
        r"end (things|everything|it)\b(?! (with|early|on|off|abrupt\w*|sudden\w*|cold|gradual\w*|slowly|after|before|when|"
        r"if|by|up)\b)",
        r"(whats|what is) (\w+ )?the point (of (living|life|going on|anything|it all)|anymore)",
        r"how (many|much)\b.{0,50}\b(would|will|does|to) (do it|it take(?! (to|for|before)))",
        r"(would|will|be) (it )?(be )?painless", r"painless(ly)? (way|death|to die|die)",
        r"(thinking (about|of)|going to|gonna|want to|wanna|planning( to| on)?|if i) (\w+ )?(take|taking|swallow\w*|"
        r"down) (all|the whole|every)",
        r"(saved|saving|stockpil\w+|hoard\w*|putting aside|stash(ing|ed)|squirrel+(ing|ed) away) (up )?"
        r"((?!for\b|money\b|cash\b)\w+ ){0,3}(pills|meds|medicine|tablets)", "tonight is the night",
        r"(wrote|written|writing|left) (a |my |his |her )?(goodbye|suicide) (note|letter)",
        r"(have|got) (my|the|his|her) (pills|meds|rope|gun) ready",
        r"(pills|meds|tablets|capsules) (\w+ ){0,2}(lined up|counted out)", r"(dont|do not|cant|no longer) see (the|any) point",
        r"no (point|reason) (in|to) (living|live|go on|going on)",
        r"cant (go on|keep (doing|going on with) this|do this anymore)",
        # not wanting to be here, said with a softener ("dont even want to be here", "dont really wanna live")
        r"(dont|doesnt|do not|does not|no longer|never) (\w+ ){0,2}(wants? to|wanna|wish to) (be here|be alive|be around|live|exist|"
        r"go on(?! (?!anymore|like|living)\w)|wake up|be on this earth)\b"
        r"(?! (for|until|at|in|when|while|during|if|early|every|to|on|so|\w+ing)\b)",
        r"(wish|want) (that )?i (was|were|could be) (dead|gone|never born)", r"(wish|want) (\w+ )?i (had )?never (been born|"
        r"existed|woke up)", r"(wish|want) (to|i could) (just )?(disappear|vanish|stop existing) (forever|for good|"
        r"permanently)", r"(want|wanna|ready) to (be dead|stop existing|not exist)",
        r"(tired|sick) of (living|being alive|life|existing)", r"(nothing|no one|nobody) (left )?to live for",
        r"(life|living) (is |isnt |is not |aint )?(not )?worth (living|it anymore)",
        r"(life|living) (isnt|is not|aint) worth", r"(no|dont see a|cant see a|cant find a) way out\b",
        r"un ?aliv\w*", r"(off|top|do in) myself", r"hang (my|him|her)self", r"(slit|slash|cut) (my|his|her) wrists?",
        r"jump(ing)? (off|in front of) (a |the |my )?(bridge|building|roof|train|car|truck|cliff)",
        r"(want|wanna|wish|need|going|gonna|ready) (\w+ ){0,2}(it|everything|things|my life) (all )?to "
        r"(be over|end)\b(?! (soon|quickly|fast|sooner))",
        # making it all stop: the means gathered, or enough of them
        r"make (it all|everything|all of (it|this)|it stop for good|the pain stop for good|it all go away)( \w+)? "
        r"(stop|end|go away|be over)", r"make (it all|everything) (stop|end|go away)",
        r"enough (\w+ ){0,3}to (make (it|everything|the pain)( all)? (stop|end|go away)|end (it|things|everything|my "
        r"life)|do it|not wake|never wake|die|kill|be done|finish (it|myself|things))",
        r"(saving|saved) up (all |some |a few |extra |a bunch of |enough |the |my |his |her |these |those |"
        r"leftover |old )+(?!money|cash|for\b|refills?|prescriptions?|scripts?|supply|supplies|points)\w+",
        r"(been|im|i am|have|ive|was|hes|shes) (\w+ )?(stockpil|hoard)(ing|ed) (up )?(my|his|her|the|pills|meds|"
        r"tablets|these|them)\b",
        # ending it, or a goodbye: "been thinking about ending it tonight", "ending it all"
        r"end(ing)? (it|things|everything|my life|this)( all)? (tonight|today|now|soon|for good|forever|once and "
        r"for all)\b",
        r"(thinking (about|of)|think about|considering|going to|gonna|want to|wanna|plan(ning)? (to|on)|ready to|about "
        r"to|decided to|might|should (just )?) (just )?end(ing)? (it|things|everything|my life)\b(?! (with|early|on|off|"
        r"abrupt\w*|sudden\w*|cold|gradual\w*|slowly|after|before|when|if|by|up|the (treatment|med))\b)",
        r"(say(ing)?|said|texted|wrote|writing) (my )?(goodbyes?|good byes?) (to (everyone|everybody|my family|all)|"
        r"for good|forever)", r"this is (my )?(goodbye|the end|my last (message|night|day))",
        r"(wont|will not|not going to|not gonna) (be (here|around|alive)|wake up) (tomorrow|much longer|anymore|for "
        r"long|by (morning|tomorrow))",
        r"(easiest|quickest|fastest|best|surest|least painful|painless) way to (die|go(?! (off|on|from|through|about|back|"
        r"to|up|down|without|with|for|in|into|over)\b)|end (it|things|my life)(?! (with|early|on|off|slowly)\b)|kill (my|him|"
        r"her)sel(f|ves))",
        r"(?<!dont )(?<!not )(?<!never )(want|wanna|going|gonna|plan\w*|thinking (about|of)|try|trying|decided) (to )?"
        r"(overdose|od)\b(?! (by|if|accidentally|on accident|when|because|from|while)\b)",
        r"(im|i am|ive become|i feel like) (just |such |only )?a burden\b",
        r"(id|i would|id much|i would much) rather (be dead|die|not (be alive|exist|be here|wake up))",
        # the warning signs told in other words: belongings given away, not expecting to be around, asking
        # whether taking everything at once would be quick
        r"(giving|given|gave|give) (away )?(all |most of )?(my|his|her) (stuff|things|belongings|possessions|"
        r"stuff away|things away)\b",
        r"(given|gave|giving) away\b.{0,80}\b(letters|goodbyes?|notes?)\b",
        r"(written|wrote|writing|decided|sorted|worked) (down |out )?who (gets|will get|takes|will take|should get|should have) "
        r"(my|the|his|her)\b",
        r"(said|saying|say|texted|written|wrote|sent) (all )?(my|his|her) goodbyes\b",
        r"(nobody|no one|nobodys|noones|nobody is|no one is) (going to|gonna|will|is going to) (see|miss|notice|care about) "
        r"(\w+ ){0,2}(after|by|past|beyond) (this|tonight|tomorrow|next|the weekend)\b",
        r"(dont think|doubt|not sure) (that )?(ill|i will|i am going to|im going to|im gonna) (be (here|around|alive)|"
        r"make it|still be here) (for (the|my|his|her|another|much)|to see|much longer|long enough|past)\b",
        r"(wont|will not|not going to|not gonna) be (here|around|alive) (for|to see|when|by the time|at) (the |my |"
        r"his |her )?next\b",
        r"if (i|he|she) (took|take|swallowed|swallow|downed|ate) (all|the whole|every|everything)\b.{0,60}\b(would|will|"
        r"is) (it|that|i|he|she) (be )?(quick|fast|painless|peaceful|die|dead|over)\b",
        r"(wont|will not|not going to|not gonna|wont be|will not be) (be )?need(ing)? (\w+ ){0,4}(refills?|anything( else)?|it|them|"
        r"my \w+|any more \w+)( \w+){0,4} ((after|past|beyond) (tonight|today|this weekend|this week|tomorrow|that|now|this)|"
        r"(anymore|any more))\b",
        r"(been )?(saving|saved|stashing|stashed|hoarding) (them|these|those|it) up\b",
        r"(want|wanna|need) (the |this |my |all the |all this )?(pain|hurt|hurting|suffering|it|everything) to (stop|end|be over) "
        r"(for good|forever|permanently|once and for all)\b",
        r"(sorted|sorting|put|putting|got|getting|settled|settling) (out )?(all )?(my|his|her) affairs( in order)?\b",
        r"(giving|gave|given|rehoming|rehomed) (away )?(my|his|her|our) (cats?|dogs?|pets?|kids?)\b.{0,60}\b(passwords?|letters?|"
        r"goodbyes?|will|affairs|wont need)\b",
        r"(wrote|written|writing|left) (down )?(my|his|her) passwords\b",
        r"(fall|go|drift) (\w+ )?(to )?sleep and (not|never) wake( up| again)?", r"to (not|never) wake up( again)?\b(?! (with|at|in|during|early|on|so|feeling|for|\w+ing)\b)",
        r"(life|living|everything|my life) (is|feels|seems) (so |completely |totally )?(pointless|meaningless|hopeless)",
        # a plan for tonight, and peace made with it
        r"a plan (for )?(tonight|tomorrow)\b.{0,60}\b(at peace|ready|made (up )?my (mind|peace)|decided|no (going|turning) back)",
        r"(at peace|made (my )?peace) with (dying|going|leaving|not being here|(it|this|everything) (all )?ending)\b",
    ],
    "overdose": [
        r"overdos(e|ed|ing)", r"\bod(d|ed|ing)?\b", "poisoned", "poisoning",
        # too much, counted, by mistake, or all at once
        rf"{_TOOK}\b.{{0,40}}\b(too (many|much)|a bunch|a handful|whole (bottle|pack|box|packet|strip|blister|weeks?|"
        r"months?)|all (of )?(my|his|her|the|them|it)\b|double|extra|way more|twice|instead of (\d|one|a single))",
        # what was left of a medicine, all at once: "swallowed the rest of her pills" (not "the rest of my lunch", nor
        # "the rest of my prescription as directed"; the rest of one dose is one dose); named by the document's drug
        # ("the rest of his baclofen"), ``urgency._rest_of_its_drug``
        rf"{REST_OF}(\w+ )?(pills?|tablets?|tabs|capsules?|caps|meds|bottle|pack|packet)\b(?!{AS_MEANT})",
        rf"{_TOOK} (like |about |around |maybe |at least |over |almost |nearly |probably |all )?{_MANY}\b"
        r"(?! ?(mg|mcg|ml|g|hours?|days?|weeks?|months?|years?|min|minutes|am|pm|times|x)\b)",
        rf"(accidentally|accidently|by (mistake|accident)|mistakenly|mixed up)\b.{{0,60}}\b({_TOOK}|double)",
        rf"{_TOOK}\b.{{0,60}}\b(accidentally|by (mistake|accident)|mistakenly)",
        rf"{_TOOK}\b.{{0,60}}\b(at once|in one go|all at the same time)",
        # the same dose taken again and again in a day, or again having forgotten it was taken
        rf"({_TOOK}|taking)\b.{{0,50}}\b{_TIMES} ?(times|x|doses)\b(?! (a|per|each|every) (day|week))"
        rf"(?=.{{0,40}}\b({_SAMEDAY}))",
        rf"({_TOOK}|taking)\b.{{0,50}}\b({_SAMEDAY})\b.{{0,40}}\b{_TIMES} ?(times|x|doses)\b",
        rf"({_TOOK}|taking)\b.{{0,40}}\b(again and again|over and over|one after (another|the other))\b",
        rf"({_TOOK}|taking)\b.{{0,50}}\b(2|3|two|three) ?(times|x|doses|pills|tablets)\b.{{0,10}}\b((within|in) (an?|one|1|"
        r"the same|half an?|the last|the past) (hour|hr)|this (morning|afternoon|evening)|tonight|in the (last|past) "
        r"(few|couple( of)?|\d) (hours|hrs))\b",
        r"(kept|keep|been) (taking|popping|swallowing|injecting) (more|another|extra|one after)\b",
        r"(took|taken|had|swallowed) (my |his |her )?(\w+ )?(dose|pill|tablet|tabs?|meds) (two|three|four|2|3|4)( or| maybe| to)? ?"
        r"(three|four|five|3|4|5)? times\b",
        r"(forgot|forgetting|forgotten|didnt remember|did not remember|not remembering)( that)? (i|he|she|they|we)"
        r"( had|d)? already (took|taken|had|done|injected|used|given)",
        r"lost track of how many (\w+ ){0,3}(i|he|she|they|we)( have|ve|d|had)? (took|taken|had|swallowed|used)",
        r"(double|triple|quadruple)[ -]?dos(ed|ing)", r"(tripled|quadrupled) (up|my|his|her|the)",
        r"(taking|took|takes|taken) (way |a lot |much |far )?more (\w+ ){0,3}than (\w+ ){0,3}(prescribed|supposed|"
        r"should|told|recommended)",
        r"(drank|swallowed|chugged|downed|took|popped|emptied)\b.{0,30}\b(bottle|pack|box|packet)(?! of water)",
        r"(whole|entire) (bottle|pack|box|weeks?|month)s? (worth )?of\b",
        r"(texted|sent|showed|found)\b.{0,40}\bempty\b.{0,25}\b(bottle|pack|box|packet)",
        # a child, or another person, who took someone's medicine
        rf"({_CHILD}) ([\w()]+ ){{0,3}}(got into|got (a)?hold of|grabbed|found|swallowed|ate|eaten|chewed|drank|jabbed|stuck|bit|"
        rf"licked|injected)\b.{{0,40}}\b({_MEDS}|bottle|my|his|her|grandmas|the|some|one|a few|a couple|it|them)",
        rf"found (my |our |the )?({_CHILD}) with", r"(pills?|tablets?) (are |were )?missing",
        rf"({_OTHER}) ([\w()]+ ){{0,3}}(took|swallowed|ate|used|injected) (some |a few |all |\w+ )?(of )?(my|"
        rf"someone(s| elses)|(his|her) (?!{_MEDS[1:-1]}|vitamins|supplements)\w+s) ",
        # someone who found or got into another's medicine, then took some: "found grandma's pills and ate some"
        rf"({_OTHER}) ([\w()]+ ){{0,3}}(found|got into|got (a)?hold of|grabbed|got at) (my|our|your|someones|"
        r"someone elses|a|an|the|some|(?!his\b|hers\b|its\b|this\b)\w+s)\b.{0,60}\b"
        r"(ate|swallowed|chewed|took|drank|popped|injected) (some|one|a few|a couple|it|them|a bunch|several|a "
        r"handful|half|\d+|two|three|four)\b",
        # someone else's medicine, or the wrong one, taken in error: "took my roommates pills by mistake",
        # "grabbed the wrong bottle", "thought it was my tylenol"; a deliberate swap ("took tylenol instead
        # of advil") counts only with symptoms now (``urgency.WRONG_MEDICINE``)
        r"(took|taken|swallowed|ate|popped|downed|injected|chewed) (\w+ ){0,2}(the wrong|someone elses|somebody elses|another "
        r"(persons|persons?|patients|kids|childs)) (\w+ )?(pills?|tablets?|meds|medicines?|medications?|bottle|"
        r"one|ones|dose|shot|pen|injection|syringe|cream|tube|prescription|script|capsules?|inhaler|patch)\b",
        rf"(thought|thinking) (it|they|that|this) (was|were) (my|his|her|their|the) (\w+ ){{0,2}}(and|so|then) "
        rf"(\w+ )?({_TOOK}|used|applied)\b",
        r"(mixed|mix) up (my|his|her|our|their|the) (\w+ )?(pills|meds|medicines|medications|bottles|tablets|"
        r"prescriptions)\b.{0,40}\b(took|taken|swallowed|gave|given|injected)\b",
        rf"(grabbed|picked up|took|swallowed) (\w+ ){{0,3}}instead of (my|his|her|their|our|the|a|an) \w+\b.{{0,40}}"
        rf"\b({_TOOK}|by mistake|accidentally)\b",
        # a pet that ate or chewed someone's medicine: call for help (a vet, or an animal poison line)
        rf"\b(my|our) (\w+ )?\w+ (ate|chewed|swallowed|got into|gobbled|scarfed)( up| open| through| into)? ((a|an|the|some|"
        rf"half|most|all|several|a few|a couple|\d+|two|three|four|five)( of)?( my| his| her| our| the| a| an)?|my|our|his|"
        rf"her) (\w+ )?({_MEDS}|blister|bottle|packet|strip|vial)s?\b",
        rf"\b(dog|dogs|puppy|pup|cat|cats|kitten|pet|pets) ([\w()]+ ){{0,3}}(ate|eaten|chewed|chewing|swallowed|"
        r"got into|got (a)?hold of|gobbled|scarfed|licked)( up| through| on| open| off)? (\w+ ){0,3}"
        rf"({_MEDS}|tubes?|cream|ointment|gel|bottle|jar|patch|packet|blister|vial|inhaler)\b",
    ],
    "breathing": [
        r"cant (breathe|breath|get (enough )?air|(catch|get) (my|his|her|their|a) breath)",
        r"(pink|frothy|foamy|bubbly) (\w+ ){0,2}(sputum|spit|stuff|mucus|phlegm|froth|foam)",
        r"(hard|difficult|trouble|struggling|difficulty|unable|cannot|can not|not|isnt|arent|wasnt|hardly|barely) "
        r"(to )?breath(e|ing)",
        "stopped breathing", r"gasp\w*", "choking",
        r"breathing (\w+ ){0,2}(slow|slowly|shallow|weird|strange|funny|noisy)",
        "struggling for air", "turning blue", r"(lips?|fingers|fingertips|mouth)( \w+){0,4} (blue|grey|gray|purple|dusky)",
        r"(cant|cannot|can not|unable to) (finish|get through|complete) a sentence",
        r"(only way|only position|only how) (i|he|she|they) can breathe",
        r"(cant|cannot|can not|unable to) lie (down )?flat\b(?=.{0,60}\b(breath\w*|air|sat up|sit up|sitting up|propped|chair)\b)",
        r"(had to|have to|need to|has to) sleep (sat|sitting|propped) up", r"breathing through a (wet |damp )?(towel|straw|sponge|cloth)",
        r"grunting (with|on) (every|each) breath", r"sucking in (under|between|below) (her|his|the) ribs",
        r"(face|skin) (is |are |went |turned |turning |going |looks? )(blue|grey|gray)",
        r"(blue|grey|gray|purple) (around|in) the lips",
    ],
    "unresponsive": [
        "unresponsive", "unconscious", r"(?<!nearly )(?<!almost )(?<!nearly just )passed out", "wont wake",
        r"(cant|cannot|can not|couldnt|could not) (properly |fully |really )wake", "cant wake", "not waking",
        r"barely (wakes?|waking|awake|conscious|responsive|responding)",
        r"(not|isnt|wont|doesnt) (respond\w*|answer(ing)? me)",
        "collapsed", "slumped",
        r"(cant|cannot|can not|unable to|couldnt|could not) (keep (him|her|them|me) awake|stay awake|wake (him|her|them) up)",
        r"(barely|doesnt|does not|dont|didnt|no longer) (know|knows|recogni[sz]e\w*) (who (i am|we are|he is|she is)|me|us|"
        r"where (she|he|they) (is|are))\b",
        r"(is|was|hes|shes|gone|went|going|really|very|so|too|all|looks|seems|feels|and) (floppy|limp)\b(?! (wrist|hand|handshake))",
    ],
    "seizure": [
        r"seiz(ure|ures|ing)", r"convuls\w*", r"having (a )?fit\b", "foaming", r"eyes (\w+ )?(rolled|rolling) back",
        r"(shaking|jerking) all over", r"whole body (is |was )?(shaking|jerking)",
        r"(had|has|having|went into) (some (kind|sort) of|a sort of|a kind of|like a|another) fit\b",
        r"a fit (in (my|his|her|the|their) (sleep|bed)|on the floor)",
        r"(had|having|has) (a|another|my first|his first|her first) fit\b(?= (about |like |maybe |just )?(\w+ )?(minutes?|mins?|"
        r"hours?|hrs?) ago| (just now|this morning|earlier today|today|tonight|last night))",
        r"first (fit|seizure|one) (ever|of (my|his|her) life)\b",
        r"(arms|limbs) and legs (were |are |was |is |kept |started |all |just )*(jerking|thrashing|twitching|convulsing|"
        r"shaking|flailing)",
    ],
    "allergy": [
        r"(face|lips?|tongue|throat|mouth|eyelids)( \w+){0,3} (swell\w*|swollen|puff\w*|closing)",
        r"(swell\w*|swollen|puff\w*) (up )?(face|lips?|tongue|throat)", r"throat (\w+ ){0,3}(tight|closing)",
        r"anaphyla\w+", r"(hives|welts)\b.{0,60}\b(breath|wheez|cough|swell|throat|voice|hoarse)",
        r"(voice|throat) (is |has |keeps )?(going|gone|getting|got|went|turning) (\w+ )?(hoarse|raspy|croaky)\b.{0,60}\b(hives|welts|swell)",
        # the same swelling told in other words: "eyes swelling shut", "throat feels thick", "tongue feels fat",
        # "face blowing up"
        ALLERGY_WORDS,
    ],
    "chest": [
        CHEST_PAIN,
        r"(pain|ache|aching|pressure|tight\w*)\b.{0,40}\bjaw\b.{0,30}\b(left arm|arm)\b",
        r"\bjaw (and|&) (down )?(my |his |her )?left arm\b", "crushing", "heart attack", r"sitting on (my|his|her|the) chest",
    ],
    "stroke": [
        r"face (is )?droop\w*",
        r"(one|left|right) side (of (my|his|her) (body|face) )?(is |went )?(numb|weak|droop\w*)",
        r"slurr\w+ (my |his |her )?(speech|words)", r"(speech|words) (is |are |sounds? )?slurr\w+",
        r"suddenly cant (talk|speak|move)", r"cant (move|feel) (one|the (left|right)|(my|his|her) (left|right)) side",
        r"(numb|weak) on one side", r"cant feel (my|his|her) (face|arm|leg)",
        r"face (\w+ ){0,3}droop\w*", r"droop\w* (\w+ ){0,2}(on )?(one|the (left|right)) side",
        r"side of (his|her|my|their) face (has |had |just |is )?(dropped|sagged|sagging|fallen|slipped|drooping)",
        r"(face|mouth) (\w+ ){0,2}(dropped|sagged|sagging|slipped) (on|to|down) (one|the (left|right)) side",
        r"(hes|shes|im|he is|she is|been|keeps?|started) (\w+ )?slurring\b", r"speech (has |is )?(gone )?(all )?slurry",
        r"(numb\w*|weak\w*|tingl\w*) (down|on|along) (one|the (left|right)|(my|his|her) (left|right)) side",
        r"(smile|mouth) (is |was |went |looks |looked |got )?(all )?(crooked|lopsided|uneven|droopy)",
        r"(crooked|lopsided) (smile|mouth)",
        r"(cant|couldnt|can not|could not|unable to) (lift|raise|move|hold up) (my|his|her|their) (right|left) (arm|leg|hand)",
        r"(words|speech) (are|were|is|was|came out|coming out|come out|sound|sounded) (all )?(jumbled|garbled|mixed up|scrambled|"
        r"gibberish|nonsense)", r"(cant|couldnt|can not|could not) find (my|his|her|their|the) words",
    ],
    "infection": [
        r"red (streaks?|lines?) (\w+ ){0,3}(going|spreading|running|moving|creeping|travel\w*|shooting) (\w+ ){0,2}"
        r"(up|toward|towards|along|from)\b",
        r"(red|redness|rash|patch|swelling)\b.{0,80}\b(past|beyond|outside|over) the (pen |marker |drawn )?(line|lines|mark|marks|outline)\b",
        r"(red|redness|patch|swelling|rash)\b.{0,30}\bspread\w* (really |so |very )?(fast|quickly|rapidly)\b",
        r"(drew|drawn|marked|traced|outlined) (a line |a circle |round|around|the edge)\b.{0,80}\b(past|beyond|outside|over) "
        r"(the|my) (line|lines|mark|marks|outline|circle|pen)\b",
        r"(spots|rash|dots|marks)\b.{0,50}\b(dont|doesnt|do not|does not|wont|didnt|not) (fade|go away|disappear|blanch|"
        r"go white|turn white)\b.{0,30}\b(press\w*|glass|push\w*)",
    ],
    "testicle": [
        r"(one of (my|his) (balls|testicles|nuts)|(my|his) (left |right )?(ball|testicle|nut)|testicles?|scrotum)\b.{0,50}\b"
        r"(painful|swollen|swelling|agony|killing)\b",
    ],
    "headache": [
        r"worst (headache|head ?ache) (of (my|his|her) life|ever|(i|he|she) (have|has|ve|s)? ?ever (had|felt))\b",
        r"(headache|head ?ache)\b.{0,40}\bworst of (my|his|her|their) life\b",
        r"worst pain (of (my|his|her) life|ever)\b(?=.{0,80}\b(head|neck)\b)",
        r"\b(head|headache)\b.{0,60}\bworst (pain|headache) (of (my|his|her) life|ever)",
        r"head (just )?(exploded|exploding|is exploding|feels like (it is|its|it's) (going to |gonna )?explod\w*)"
        r"(?=.{0,60}\b(pain|worst|threw up|throwing up|vomit\w*|sick|neck|headache|hurts?|agony)\b)",
        r"(stiff neck|neck (is |feels |went )?(so |really |very )?stiff)\b.{0,80}\b(fever|vomit\w*|threw up|throwing up|"
        r"light hurts|headache)",
    ],
    "abdomen": [
        r"(belly|stomach|abdomen|tummy) (is |feels |went |has gone |gone |got )?(rock hard|hard as a rock|rigid|like a board)",
    ],
    "confusion": [
        r"(shes|hes|she is|he is|theyre|they are|mum is|mom is|dad is) (suddenly |really |totally |not )?(not )?making (any )?sense",
        r"calling (me|us|him|her) by (the wrong|(my|his|her|our) \w+s) name",
    ],
    "bleeding": [
        r"(vomiting|vomited|throwing up|threw up|coughing( up)?|coughed( up)?|puking|puked( up)?) (\w+ )?blood", r"blood in (my|his|her|the) (vomit|stool|poop|puke)",
        r"(bleeding|blood) (\w+ ){0,2}(wont|doesnt|will not|cant) stop", r"black (tarry )?(stool|stools|poop)",
        r"(poop\w*|stools?|bowel movements?|diarrh\w+)\b.{0,40}\b(black tar|tarry|(mostly|all|pure|just|full of) blood)\b",
        r"(poo|poos|poop|stool|stools) (is |are |was |were |looks |look |has been )?(black|like tar|tarry)\b",
        r"(its|it is|its all|theres|there is|it was) (mostly|all|pure|just|nothing but) blood\b",
        r"(threw up|throwing up|vomit\w*|puk\w+|sick)\b.{0,40}\bcoffee ?grounds?\b",
        r"(passing|passed|pooping|pooped|peeing|bleeding) (\w+ ){0,2}(loads|lots|tons|a lot|so much|heaps|a ton|buckets)"
        r" of (blood|clots)", r"toilet (bowl )?(is |was )?(full of|filled with|all) (blood|red)",
    ],
    "senses": [
        "cant see", r"lost (my |the )?(vision|sight)", r"vision (\w+ ){0,4}(went|gone|black|dark)",
        r"went (\w+ )?(dark|black|blind)", r"(suddenly|all of a sudden|gone) blind", "cant hear",
        r"lost (my |the )?hearing", r"(suddenly|went) deaf", r"(hearing|vision|sight) loss",
        r"loss of (hearing|vision|sight)",
        r"curtain (\w+ ){0,3}(over|across|down|coming down|came down|drawn) (\w+ ){0,2}(eye|vision|sight)",
    ],
}
# each searched alternative by alternative, each only if its words are in the sentence (gate.py)
_KIND_PATTERNS = {kind: Alternation(pats, prefix=r"\b") for kind, pats in _KINDS.items()}
KINDS = tuple(_KIND_PATTERNS)  # in the order they are checked: self-harm first
# what to search the monograph for when a kind is found
EMERGENCY_SEARCH = {
    "overdose": "overdose overdosage", "breathing": "breathing respiratory", "seizure": "seizures convulsions",
    "unresponsive": "overdose overdosage", "allergy": "allergic hypersensitivity anaphylaxis swelling",
    "chest": "chest pain", "senses": "vision hearing", "fever": "fever infection",
    "withdrawal": "withdrawal abrupt discontinuation", "stroke": "stroke", "bleeding": "bleeding hemorrhage",
    "infection": "fever infection serious infections",
    "headache": "headache", "abdomen": "abdominal pain", "confusion": "confusion", "testicle": "testicular pain",
    "clot": "thrombosis embolism blood clots", "muscle": "rhabdomyolysis myopathy muscle", "liver": "hepatic liver",
}
_JOKING = gated(r"\b(lol|lmao|haha)\b")


# what someone died of, or a family history of, is not happening now: "my dad died of a heart attack at 50"
_HISTORY_OF = gated(r"\b(died|passed away|death|dead|history) (of|from) (a |an |the )?(\w+ )?$")


def kinds_in(sentence: Sentence) -> list[str]:
    """Every always-urgent kind a sentence tells of, self-harm first."""
    found = []
    for kind, pattern in _KIND_PATTERNS.items():
        match = pattern.search(sentence.text)
        if not match:
            continue
        if kind == "self-harm":  # only what is over, a figure of speech, or a drug's warning asked about is let pass
            told = [m for m in pattern.finditer(sentence.text) if not _figure(sentence.text, m)]
            asked = _asked(sentence.text, told) if told else None
            if told and not (sentence.past and not sentence.now):
                found.append(asked or kind)
            elif asked == FEARED:  # "i fear it will make me suicidal, i tried to overdose last year": the fear is now
                found.append(asked)
        elif sentence.told_as_happening and any(not _HISTORY_OF.search(sentence.text[:m.start()])
                                                and not _dated_past(sentence.text, m) and not _idiom(sentence.text, m)
                                                and not (kind == "unresponsive" and _overlaps(_LIMP_PART, sentence.text, m))
                                                for m in pattern.finditer(sentence.text)):
            found.append(kind)
    return found


def _dated_past(text: str, match: re.Match[str]) -> bool:
    """The words are in a part of the sentence dated in the past, which says nothing of now: "I overdosed
    back in 2015 and was in the ICU, is it ok to take it again now?" ("now" is in another clause)."""
    start = max(text.rfind(",", 0, match.start()), text.rfind(" so ", 0, match.start())) + 1
    ends = [i for i in (text.find(",", match.end()), text.find(" so ", match.end())) if i >= 0]
    clause = text[start:min(ends) if ends else len(text)]
    return bool(PAST.search(clause)) and not NOW.search(MANNER.sub(" ", clause))


# "does it increase the risk of suicidal thoughts?", "a warning about suicidal thoughts": a question about a
# drug's warning, not a person's thoughts ("I'm at risk of suicide" is still a person's)
_A_RISK = gated(r"(?<!at )\b(warning|warnings|risk|risks|rate|rates|reports?|labels?|side effects?)( \w+){0,2} "
                r"(of|about|for|on|like) (\w+ )?$"
                # "does bimzelx actually cause suicidal thoughts?": whether a drug causes them
                r"|\b(does|do|can|could|will|would|might|may) (\w+ ){1,3}(cause|give|trigger|lead to|bring on|increase|raise) "
                r"(you |me |people |patients |someone )?$")
# A fear of what the drug will do ("I'm scared it will make me suicidal again") or how common the warning's thoughts
# are ("How common is suicidal thinking with it?"): a question about the warning too, answered from the label, but
# close enough to the person's own feelings that the notice (988 among its numbers) comes first all the same
_A_FEAR = gated(r"\bhow (common|often|likely|rare|frequent|frequently)( is| are| do| does)? "
                r"(?!(i|im|me|my|he|she|hes|shes|we|you)\b)(\w+ )?$"
                r"|\b(scared|afraid|worried|frightened|nervous|terrified|concerned|fear|fears|worry)( that)? (it|this|that|"
                r"(this|that|the) (\w+ )?(drug|meds?|medicines?|medications?|shots?|injections?|pens?|pills?|tablets?|"
                r"treatment|infusions?)) (will|would|could|might|may) (make|cause|give|turn) (me|him|her|them|you|us)"
                r"( feel| become| get| more| go)? $")
_WARNING_WORD = re.compile(r"suicid|self ?harm", re.I)  # the warning's own words: not "want to die", "hurt myself"
ASKED_ABOUT = "self-harm, asked about"  # a drug's suicidality warning asked about: self-harm only if the person has them
FEARED = "self-harm, feared"  # ... a fear of it, or how common it is: the same, with the notice
# "... i have been having them", "ive had those thoughts": the person's own, told beside the question; and what
# says the person is not safe now (a plan, an attempt, cutting)
_OWN_THOUGHTS = gated(r"\b(i|im|ive|i am|i have|i keep|i been|ive been|hes|shes|he has|she has|he keeps|she keeps)( \w+){0,2} "
                      r"(having|getting|had|thinking|feeling|felt) (them|those|these|such|the same|that way|it|(\w+ )?thoughts|"
                      r"those thoughts|like that)\b"
                      r"|\b(i|he|she|they)( \w+){0,2} (have|has|get|gets) (those|these|such|suicidal|dark|(\w+ )?thoughts|"
                      r"(them|it) (every|all|daily|already|a lot|again|often|sometimes|at night|too))\b"
                      r"|\bmine (are|keep|have been|is)\b|\b(suicid\w*|self ?harm)( \w+){0,2} for (me|him|her|my \w+)\b"
                      r"|\b(i|he|she) (already |still )?(feel|feels|am|is) (\w+ )?suicidal\b"
                      r"|\b(tried to (kill|hurt|end|harm)|attempted|suicide attempt|been cutting|(cutting|hurting|harming) "
                      r"(my|him|her)self|(have|got|made) a plan|(im|i am) not safe|not safe right now)\b")


def _asked(text: str, told: list[re.Match[str]]) -> str | None:
    """ASKED_ABOUT or FEARED when every self-harm phrase of the sentence is the warning's own word and the first is
    asked about (``_A_RISK``) or feared (``_A_FEAR``); None when any is the person's ("..., i want to die")."""
    if not all(_WARNING_WORD.match(m.group()) for m in told):
        return None
    before = text[:told[0].start()]
    return ASKED_ABOUT if _A_RISK.search(before) else FEARED if _A_FEAR.search(before) else None


def resolve_asked(found: set[str], said: list[Sentence]) -> set[str]:
    """A question about a drug's suicidality warning is self-harm when the person also says they have such thoughts
    (or is not safe); otherwise it is asked (FEARED kept, for the notice)."""
    if not found & {ASKED_ABOUT, FEARED}:
        return found
    if any(_OWN_THOUGHTS.search(s.text) for s in said):
        return (found - {ASKED_ABOUT, FEARED}) | {"self-harm"}
    return found - {ASKED_ABOUT}


_IDIOM = gated(r"\b(giving|gave|give|gives) (me|us|him|her) a heart attack\b"
               # "I nearly had a heart attack when I saw the bill": a fright at something seen or heard, which did not
               # happen ("I almost had a heart attack tonight" is not one)
               r"|\b(nearly|almost|practically) (had|got) a heart attack (when|after|seeing|reading|hearing|looking|"
               r"at (the|my|that|this))\b")


# the speaker's own arm or leg weak and floppy for a while ("my arms have been floppy lately") is weakness, not a person
# gone limp; a baby in my arms gone floppy, someone else's limbs, or limbs gone limp today still are
_LIMP_PART = gated(r"(?<!in )\bmy (legs?|arms?|muscles?|hands?|feet|foot|knees?|neck|wrists?|fingers?|limbs?)"
                   r"( (have|has|had|feel|feels|felt|feeling|been|are|were|get|getting|got|kind|kinda|sort|of|a|bit|"
                   r"little|so|really|very|quite|pretty|too|all|weak|weaker|and|tired|heavy|wobbly|shaky|seem|seems|"
                   r"seemed|like|jelly)){0,7} (floppy|limp)\b"
                   r"(?=.{0,60}\b(since (i|we|starting|started|beginning|taking|"
                   r"going on)|lately|recently|for (days|weeks|months|a while)|these days|in the mornings?|every (day|"
                   r"morning|evening)|all the time|sometimes|after (each|every) dose)\b)")


def _overlaps(figures: Gated, text: str, match: re.Match[str]) -> bool:
    """Whether a match of ``figures`` in ``text`` overlaps ``match``."""
    return any(f.start() <= match.end() and match.start() <= f.end() for f in figures.finditer(text))


def _idiom(text: str, match: re.Match[str]) -> bool:
    """"the price is giving me a heart attack": a figure of speech on a sign's own words."""
    return _overlaps(_IDIOM, text, match)


def _figure(text: str, match: re.Match[str]) -> bool:
    """"this job is killing me": the self-harm words are part of a figure of speech."""
    return _overlaps(FIGURE, text, match) or bool(_JOKING.search(text) and "kill" in match.group())


def emergency_kind(text: str) -> str | None:
    """The first always-urgent kind the text tells of (self-harm checked first), or None."""
    said = sentences(text)
    found = resolve_asked({k for s in said for k in kinds_in(s)}, said)
    return next((k for k in KINDS if k in found), None)
