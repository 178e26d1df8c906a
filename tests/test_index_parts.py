"""The index's parts that keep it fast in a library: spelling, document names, heading lift, BM25 arrays."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core import answer
from corpus import Passage
from index import Index, term_weights
from index.headings import Headings, heading_terms
from index.names import named_documents
from index.spelling import Speller
from index.tuning import TUNING

from .conftest import MONOGRAPHS

SPELLER = Speller(Counter({"thing": 5, "drives": 3, "what": 10, "take": 4, "half": 2, "life": 3, "baclofen": 7,
                           "over": 3, "does": 2, "trial": 2, "tablets": 4}))


@pytest.mark.parametrize("typo,expected", [
    ("waht", "what"),  # a swapped pair, in a short word
    ("hwat", "what"),  # ... the first two letters too
    ("tak", "take"),  # a rare English word next to a far commoner one is a typo
    ("baclofin", "baclofen"),
    ("halflife", "half life"),  # two of the document's content words run together
    ("tablts", "tablets"),
])
def test_typos_are_repaired(typo, expected):
    assert SPELLER.closest(typo) == expected


@pytest.mark.parametrize("word", ["think", "drive", "trail", "overdoes", "xyzzy"])
def test_real_words_and_strangers_are_left_alone(word):
    # "think" is one letter from "thing", "drive" from "drives", "trail" a swap from "trial": all real
    # words; "overdoes" would only split into stopwords
    assert SPELLER.closest(word) is None


def test_a_split_typo_is_searched_as_two_words(baclofen_index):
    a = answer("what is the halflife of baclofen", baclofen_index)
    assert a.answered and "Read “halflife” as “half life”." in a.notes
    assert a.passages[0].passage.id == "baclofen:baclofen-half-life-timeline:1"


def test_only_names_scope_a_search_not_everyday_title_words():
    titles = ["LIPITOR (atorvastatin) tablets: Patient Information", "Diflorasone Topical", "CHILD syndrome",
              "Baclofen tablets (edition 2)", "Haloperidol tablets"]
    names = named_documents(titles)
    assert {"lipitor", "atorvastatin", "diflorason", "baclofen", "haloperidol"} <= set(names)
    assert not {"inform", "patient", "child", "syndrom", "topic", "tablet", "edit", "2"} & set(names)
    assert names["lipitor"].tolist() == [0]


def _library():
    texts = {"LIPITOR: Patient Information": "Store LIPITOR at room temperature. Ask for more information.",
             "Diflorasone Topical": "Apply a thin film of diflorasone cream to the affected skin.",
             "CHILD syndrome": "CHILD syndrome is a rare disorder of the skin and limbs.",
             "Safe use of medicines": "Sedatives can add to the effects of other drugs; tell your child's doctor."}
    return Index([Passage(f"d{i}:s:1", title, ("Overview",), text, 1) for i, (title, text) in enumerate(texts.items())])


def test_everyday_title_words_do_not_keep_a_question_to_the_wrong_documents():
    ix = _library()
    weights = term_weights("What other information should I know about Diflorasone Topical?")
    assert ix.documents_named(weights) == {"Diflorasone Topical"}
    assert ix.documents_named(term_weights("what if my child is also on sedatives?")) is None
    assert [h.passage.id for h in ix.search(weights, k=4)] == ["d1:s:1"]  # kept to it: "information" names nothing
    assert [h.passage.id for h in ix.search(term_weights("my child takes sedatives"), k=4)][0] == "d3:s:1"


def test_inside_a_named_document_its_name_does_not_decide_the_passage():
    # the symptoms passage repeats the name; the treatment passage says the treatment once
    texts = [("Moyamoya Disease", "Moyamoya causes strokes. In moyamoya the arteries narrow; moyamoya comes on slowly."),
             ("Moyamoya Disease", "Surgery is the usual treatment and most people recover."),
             ("Adrenoleukodystrophy", "Treatment of adrenoleukodystrophy depends on its form."),
             ("Adrenoleukodystrophy", "Adrenoleukodystrophy is a rare inherited disorder.")]
    texts += [(f"Other disorder {n}", f"Disorder {n} is common; treatment is rest and fluids.") for n in range(3)]
    texts += [(f"Another topic {n}", "Exercise and sleep keep people well.") for n in range(6)]
    ix = Index([Passage(f"d{i}:s:1", title, ("Part",), text, 1) for i, (title, text) in enumerate(texts)])
    weights = term_weights("What are the treatments for moyamoya?")
    assert ix.documents_named(weights) == {"Moyamoya Disease"}
    assert [h.passage.id for h in ix.search(weights, k=2)][0] == "d1:s:1"


def _brute_force(paths, asked):
    """The heading lift's definition, section by section, as it was before the inverted index."""
    out = {}
    for n, path in enumerate(paths):
        for heading in (heading_terms(path[-1] if path else ""), heading_terms(" ".join(path))):
            shared = len(heading & asked)
            if shared >= 2 and shared >= TUNING.heading_share * len(heading):
                out[n] = max(out.get(n, 0.0), shared / len(heading))
    return out


WORDS = ["what", "is", "lipitor", "overdosage", "treatment", "storage", "side", "effects", "12.1", "how"]


HEADING = st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join)
PATHS = st.lists(st.lists(HEADING, max_size=3).map(tuple), min_size=1, max_size=6)


@settings(max_examples=80, deadline=None)
@given(PATHS, st.lists(st.sampled_from(WORDS), max_size=6))
def test_heading_lift_from_the_inverted_index_equals_its_definition(paths, question):
    asked = {t for w in question for t in heading_terms(w)}
    assert Headings(paths).shares(asked) == pytest.approx(_brute_force(paths, asked))


def test_scores_equal_rank_bm25_in_a_folder_of_documents():
    """Several documents: each passage's tokens carry its title; numbers, ranges and units included."""
    from rank_bm25 import BM25Okapi

    from bot.loading import load_index
    from index.tokenizer import content_terms, words

    ix = load_index(MONOGRAPHS)
    tokens = [content_terms(words(f"{p.document} {p.section} {p.text}")) or ["\x00"] for p in ix.passages]
    reference = BM25Okapi(tokens)
    vocabulary = sorted(ix.vocabulary)
    for terms in (["lipitor", "store", "68", "77"], ["3-4", "hour", "mg"], vocabulary[::11], vocabulary[5::13]):
        assert ix.scores({t: 1.0 for t in terms}) == pytest.approx(reference.get_scores(terms), abs=1e-9), terms


VARIANTS_VOCABULARY = ["dose", "diagnosi", "chemotherapi", "pregnanc", "withdraw", "schizophren", "interact",
                       "interleukin", "medic", "supervis", "sticker", "activ", "mental", "general", "take"]


@pytest.mark.parametrize("term,form", [
    ("dosag", "dose"),  # one Lancaster stem, different endings
    ("diagnos", "diagnosi"),
    ("taken", "take"),
    ("chemo", "chemotherapi"),  # a short form that is no English word of its own
    ("pregnant", "pregnanc"),  # the same start but for the last letter
    ("withdrawl", "withdraw"),  # one letter more
    ("schizophrenia", "schizophren"),  # a long start with a short ending
])
def test_another_form_of_the_same_word_meets_the_documents(term, form):
    from index.variants import Variants
    assert form in Variants(VARIANTS_VOCABULARY).of(term)


@pytest.mark.parametrize("term", ["intern", "medicar", "super", "stick", "actual", "mention", "generic"])
def test_another_word_that_starts_alike_is_not_a_form(term):
    # international / interact, medicare / medical, super / supervise, stick / sticker, actual / active,
    # mention / mental, generic / general: words of their own, not forms of the document's
    from index.variants import Variants
    assert Variants(VARIANTS_VOCABULARY).of(term) == ()


@pytest.mark.parametrize("typo,expected", [("efects", "effects"), ("diabeties", "diabetes"), ("pregant", "pregnant"),
                                            ("offten", "often"), ("allso", "also"),  # a letter doubled, in short words too
                                            ("spply", "supply")])  # a changed first letter ("apply") is no reading
def test_the_english_speller_repairs_a_dropped_or_extra_letter(typo, expected):
    from index.spelling import english_speller
    assert english_speller().closest(typo) == expected


@pytest.mark.parametrize("typo,expected", [("offen", "often"), ("nausia", "nausea"), ("docter", "doctor"),
                                            ("swolen", "swollen"), ("suger", "sugar")])
def test_the_english_speller_repairs_a_changed_letter_to_the_far_commonest_reading(typo, expected):
    # a key next to the one meant, or a vowel for a vowel; "often" (257,000 per the list) before "offer"
    # (112,000) and the extra letter's "offend" (3,700); "swollen", a dropped letter, before "stolen"
    from index.spelling import english_speller
    assert english_speller().closest(typo) == expected


@pytest.mark.parametrize("word", ["welts", "floaty", "partway", "sleepey", "sufe", "wesk", "inection"])
def test_the_english_speller_does_not_change_a_letter_into_an_unlikely_or_rival_reading(word):
    # "wells", "floats", "parkway": keys far from the ones typed; "sleeper" beside the commoner "sleepy"; two slips
    # of different meanings ("safe" or "sure", "weak" or "week"), or two dropped letters ("injection", "infection"):
    # no guess, however much commoner one of them is
    from index.spelling import english_speller
    assert english_speller().closest(word) is None


@pytest.mark.parametrize("word", ["wheezing", "numbness", "scratchy", "puffing"])
def test_the_english_speller_leaves_real_words_whole(word):
    # a changed letter ("wheeling") or a split ("numb ness") would make another real word
    from index.spelling import english_speller
    assert english_speller().closest(word) is None


def test_a_typo_of_a_word_the_label_never_uses_is_repaired_from_english():
    # the Dupixent label writes "adverse reactions", never "effects": the document's own words
    # cannot repair "efects", English can, and "side effects" then reads as adverse reactions
    from bot.loading import load_index
    index = load_index(MONOGRAPHS.parent / "labels" / "dupixent.md", None, lambda m: None)
    reply = answer("dupixnet side efects", index)
    assert reply.answered and ("efects", "effects") in [(w, r) for w, r in _corrections(reply)]


def _corrections(reply):
    import re
    return [tuple(pair) for note in reply.notes for pair in re.findall(r"“([^”]+)” as “([^”]+)”", note)]


def test_a_drug_name_is_not_read_as_an_english_word():
    from bot.loading import load_index
    from bot.query import concepts_of
    index = load_index(MONOGRAPHS / "haloperidol-tablets-label.md", None, lambda m: None)
    _, corrections = concepts_of("can i take lyrica with it", index)
    assert ("lyrica", "lyrical") not in corrections


def test_a_hyphenated_word_is_answered_only_where_both_its_parts_stand_together():
    # "half" in one passage and "life" in another do not say what a half-life is
    texts = [("Alpha label", "Half of the patients responded within a week."),
             ("Alpha label", "Life expectancy was normal in the trials."),
             ("Beta label", "Pain relief lasts for several hours after a dose.")]
    ix = Index([Passage(f"d{i}:s:1", title, ("Part",), text, 1) for i, (title, text) in enumerate(texts)])
    assert not ix.together(("half", "life")) and ix.together(("half", "patient"))
    reply = answer("What is the half-life?", ix)
    assert not reply.answered and "“half-life”" in " ".join(reply.notes)
    texts.append(("Beta label", "Its half-life is 3 hours."))
    ix = Index([Passage(f"d{i}:s:1", title, ("Part",), text, 1) for i, (title, text) in enumerate(texts)])
    reply = answer("What is the half-life?", ix)
    assert reply.answered and reply.passages[0].passage.id == "d3:s:1"
