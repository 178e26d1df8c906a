"""Is a question English? The bot reads English questions only, and says so.

No model and no download: a question is taken for another language when most of its
letters are not Latin (Chinese, Russian, Arabic ...), or when it holds more of the
commonest words of Spanish, French, German, Italian or Portuguese than English ones,
or when it holds one of them and most of its words are neither English function words,
nor the document's own words, nor words the speller can correct to them. Short questions, drug names and typos
("waht is baclofin?") therefore stay English; the cost of a miss is only that a foreign
question is declined the usual way instead. A question taken for another language gets the
emergency notice as well: the bot cannot tell whether it describes one.
"""

from __future__ import annotations

import unicodedata

from index import Index, words
from index.stopwords import STOPWORDS
from index.tokenizer import stem

from .lexicon import GENERIC_WORDS, lexicon_words

NOT_ENGLISH = ("I can only read questions in English. Please ask again in English, "
               "for example: What is the half-life?")

# the commonest function words of five languages that are not also English words
FOREIGN = frozenset("""
de la se y mi tu su el los las del al una unos unas es está están son para por con sin pero como qué que cuál cuáles cuándo cuánto
cuánta dónde puedo puede tomar tengo durante después antes muy más también porque
le les des du au aux un une est sont pour avec sans mais comme quel quelle quels quelles quand combien où peut
puis prendre suis ai pendant après avant très aussi parce
der die das den dem des ein eine einen ist sind für mit ohne aber wie was wann wieviel wo kann darf nehmen ich
habe während nach vor sehr auch weil und oder nicht bei von zu im
il lo gli della dello degli sono per con senza ma come quale quando quanto dove posso prendere ho dopo prima
molto anche perché non
os um uma uns umas são com sem mas qual quais quanto onde posso tomar tenho depois muito também não na é è
""".split()) - STOPWORDS
_KNOWN = STOPWORDS | GENERIC_WORDS | frozenset(lexicon_words())


def is_english(question: str, index: Index) -> bool:
    if not question.isascii():  # an ASCII letter is a Latin one: only other letters need their names read
        letters = [ch for ch in question if ch.isalpha()]
        if letters and sum(_latin(ch) for ch in letters) < len(letters) / 2:
            return False
    found = [w for w in words(question) if w.isalpha()]
    if len(found) < 2:
        return True
    foreign = sum(w in FOREIGN for w in found)
    english = sum(w in STOPWORDS for w in found)
    if foreign >= 2 and foreign > english:
        return False
    if not foreign or len(found) < 3:
        return True
    known = sum(_known(w, index) for w in found)  # only asked when a foreign word is there: it spells
    return known * 2 >= len(found)


def _latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


def _known(word: str, index: Index) -> bool:
    if word in _KNOWN or stem(word) in index.vocabulary:
        return True
    return word not in FOREIGN and index.closest_word(word) is not None
