"""Each answer-quality mechanism on hand-made conversations (issue 4)."""

from __future__ import annotations

import io
import re

import pytest

from bot import DISCLAIMER, answer
from bot.lexicon import lay_expansions
from bot.query import plan
from bot.repl import run_repl
from bot.safety import (
    DOSING_NOTE,
    EMERGENCY_NOTICE,
    asks_personal_dosing,
    emergency_kind,
)

from .conftest import label_index


def _texts(a):
    return " ".join(h.passage.text for h in a.passages)


# --- follow-ups ------------------------------------------------------------------

def test_what_about_follows_the_previous_topic(baclofen_index):
    a = answer("What about breastfeeding?", baclofen_index, ("Is baclofen safe during pregnancy?",))
    assert a.followup and a.answered and "breast milk" in a.passages[0].passage.text
    assert a.query.startswith("breastfeeding + ") and "pregnancy" in a.query


def test_pronoun_follow_up_uses_the_last_turns(baclofen_index):
    a = answer("how long should it take?", baclofen_index, ("how do I stop taking baclofen safely",))
    assert a.followup and "1-2 weeks" in _texts(a)


def test_follow_up_on_the_tiny_monograph(tiny_index):
    first = answer("What are the side effects of examplamine?", tiny_index)
    assert "headache" in first.passages[0].passage.text
    a = answer("and which ones mean liver problems?", tiny_index, (first.question,))
    assert a.answered and "yellow skin" in a.passages[0].passage.text


def test_topic_switch_is_not_dragged_back(baclofen_index):
    history = ("Is baclofen safe during pregnancy?", "What about breastfeeding?")
    a = answer("What are the withdrawal symptoms?", baclofen_index, history)
    assert not a.followup and a.query == "What are the withdrawal symptoms?"
    assert a.passages[0].passage.section == "Baclofen Withdrawal Symptoms"


def test_off_topic_switch_declines_instead_of_reusing_the_old_topic(baclofen_index):
    a = answer("What's the capital of France?", baclofen_index, ("does baclofen make you dizzy",))
    assert not a.answered and a.passages == ()


def test_drug_name_is_never_carried_as_context(baclofen_index):
    p = plan("and for alcohol?", baclofen_index, ("Is baclofen used for opioid addiction?",))
    assert p.followup and "baclofen" not in p.context and "opioid" in p.context


def test_words_the_document_never_says_are_not_carried_into_the_next_turn(baclofen_index):
    a = answer("and is it safe in pregnancy?", baclofen_index, ("What is the capital of France?",))
    assert a.answered and a.query == "pregnancy"
    assert "avoided during pregnancy" in a.extract.text


# --- declines --------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "how much does baclofen cost?",
    "write me a poem about the ocean",
    "Can I drive on baclofen?",
    "Does baclofen cause priapism?",
    "can baclofen get you high?",  # euphoria: "high" alone is the article's "high doses"
])
def test_off_topic_is_declined_saying_what_was_looked_for(baclofen_index, question):
    a = answer(question, baclofen_index)
    assert not a.answered and "The monograph doesn't cover this" in a.text and a.text.endswith(DISCLAIMER)


@pytest.mark.parametrize("question,missing", [
    ("Does baclofen interact with grapefruit juice?", "grapefruit"),  # near miss: the interactions passage
    ("What is the baclofen dose for children?", "children"),  # near miss: the dosing passage
    ("can I take baclofen with gabapentin?", "gabapentin"),  # a drug the article never names
    ("Is it safe to take baclofen and Xanax together?", "xanax"),
    ("Is Xanax safer than baclofen?", "xanax"),  # a question about the document's drug that names another
])
def test_near_misses_are_answered_under_a_caveat_naming_what_is_missing(baclofen_index, question, missing):
    a = answer(question, baclofen_index)
    assert a.answered and missing in a.caveat and a.passages
    assert f"doesn't mention “{missing}”" in a.text.split("\n\n")[0]  # the caveat comes before the passages


@pytest.mark.parametrize("question,topic", [
    ("Is baclofen addictive?", "addictive"),  # the article speaks of addiction as what baclofen is tried for
    ("can u get adicted to baclofin", "addicted"),  # read with its spelling mended
    ("I'm scared of getting hooked on baclofen, is that a real risk?", "hooked"),
    ("I've been taking my husband's baclofen to sleep and I can't stop. Is that addiction?", "addiction"),
])
def test_a_does_it_cause_question_about_what_the_drug_treats_is_caveated(baclofen_index, question, topic):
    a = answer(question, baclofen_index)
    assert a.answered and topic in a.caveat and a.passages
    assert any("as a condition the drug is given for, never as something it causes" in n for n in a.notes)
    assert a.text.index("never as something it causes") < a.text.index(a.passages[0].passage.text[:40])


def test_the_story_around_a_question_is_searched_below_the_sentence_that_asks(baclofen_index):
    """"does baclofen make you drowsy? my dad has had MS for years ...": the drowsiness passage, not the one on MS;
    a question whose asking sentence has no topic of its own ("Could it be the baclofen?") keeps the story's words."""
    a = answer("does baclofen make you drowsy? my dad has had MS for years and his legs spasm at night", baclofen_index)
    assert "drowsiness" in a.passages[0].passage.text.casefold(), [h.passage.id for h in a.passages]
    assert plan("My dad has MS. Could it be the baclofen?", baclofen_index).weights["ms"] == 1.0
    # nor need the story's topics be said in the same passage as the one asked about
    b = answer("My mum is 80 and has kidney problems and takes it for her spasms. Is baclofen safe in pregnancy?",
               baclofen_index)
    assert b.answered and any("placental" in h.passage.text for h in b.passages), b.notes


def test_a_clinical_alternative_of_several_words_needs_them_all(tmp_path, baclofen_index):
    """"flu shot" is "influenza vaccine", not any vaccine the label names nor influenza as an infection: said not
    to be there, and what the label says of vaccines (the broader topic) shown under that caveat; a document
    saying neither declines; a label that does say it answers plainly. A dosing "weight" is no "weight gain",
    and a "gain" in other words no weight put on."""
    from bot.loading import load_index

    from .conftest import MONOGRAPHS, ROOT
    a = answer("can i get a flu shot on enbrel", load_index(ROOT / "corpus/labels/enbrel.md"))
    assert a.answered and a.caveat == ("flu shot",), a.notes
    assert "doesn't mention “flu shot”. What it says about “vaccine”" in a.text
    assert "vaccin" in a.extract.text.lower()
    assert not answer("can I get a flu shot while taking baclofen?", baclofen_index).answered
    assert not answer("will baclofen make me put on weight", baclofen_index).answered
    label = tmp_path / "zentrol.md"
    label.write_text("# Vaccinations\n\nPatients may receive an inactivated influenza vaccine during Zentrol treatment.\n\n"
                     "# Adverse reactions\n\nHeadache was reported.\n")
    b = answer("can I get a flu shot on zentrol?", load_index(label))
    assert b.answered and not b.caveat and "influenza vaccine" in b.passages[0].passage.text
    c = answer("does haloperidol cause weight gain", load_index(MONOGRAPHS / "haloperidol-tablets-label.md"))
    assert not c.answered and "weight gain" in c.text


def test_raising_or_increasing_something_is_asked_as_a_cause():
    """"can atorvastatin raise my blood sugar?" where the leaflet names diabetes only in the people it is given to;
    "increase my risk of muscle problems" is asked the same way and the leaflet names them as a harm."""
    from bot.loading import load_index

    from .conftest import MONOGRAPHS
    index = load_index(MONOGRAPHS / "lipitor-patient-information.md")
    a = answer("can atorvastatin raise my blood sugar", index)
    assert a.answered and "blood sugar" in a.caveat, a.notes
    b = answer("Can Lipitor increase my risk of muscle problems?", index)
    assert b.answered and not b.caveat and "muscle" in b.passages[0].passage.text.casefold()


@pytest.mark.parametrize("corpus,question", [
    ("documents/baclofen.txt", "Can baclofen cause seizures?"),  # a side effect: said as one
    ("documents/baclofen.txt", "does baclofen cause muscle weakness?"),
    ("documents/baclofen.txt", "Is baclofen used to treat addiction?"),  # asks what it treats
    ("documents/baclofen.txt", "Does baclofen work for opioid dependence?"),
    ("labels/enbrel.md", "Can Enbrel cause lymphoma?"),  # "patients treated with TNF-blockers": what happened to them
    ("labels/enbrel.md", "Does Enbrel cause infections?"),
])
def test_a_cause_question_whose_topic_the_document_names_as_a_harm_is_not_caveated_so(question, corpus):
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer(question, load_index(ROOT / "corpus" / corpus))
    assert a.answered and "a condition the drug is given for" not in a.text


@pytest.mark.parametrize("label,question,topic,caveated", [
    ("sotyktu", "Can Sotyktu cause psoriasis?", "psoriasis", True),  # named as what it is indicated for, only
    ("enbrel", "Can Enbrel cause psoriasis?", "psoriasis", False),  # also "new or worsening psoriasis", a reaction
])
def test_a_label_naming_a_condition_only_as_its_indication_caveats_asking_if_it_causes_it(label, question, topic,
                                                                                         caveated):
    """Every mention in the document counts, not only the passages shown: Enbrel's label lists psoriasis
    among its indications and, in its postmarketing reactions, as a harm."""
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer(question, load_index(ROOT / "corpus" / "labels" / f"{label}.md"))
    assert a.answered and (topic in a.caveat) == caveated
    assert ("a condition the drug is given for" in a.text) == caveated


@pytest.mark.parametrize("corpus,question,caveated", [
    ("labels/adbry.md", "Does Adbry work for asthma too?", "asthma"),  # a trial subject's history, not an indication
    ("labels/bimzelx.md", "Does Bimzelx work for eczema?", "eczema"),
    ("labels/bimzelx.md", "Does Bimzelx work for psoriatic arthritis?", None),  # "indicated for ... psoriatic arthritis"
    ("labels/dupixent.md", "Is Dupixent used for asthma?", None),
    ("documents/baclofen.txt", "Can baclofen treat spasticity?", None),  # "widely used to decrease spasticity"
    ("documents/baclofen.txt", "Does baclofen help with alcohol cravings?", None),  # "lessening cravings"
    ("documents/baclofen.txt", "which symptoms mean I should get help right away while taking baclofen?", None),
])
def test_a_does_it_treat_question_about_what_the_document_never_names_as_treated_is_caveated(corpus, question,
                                                                                            caveated):
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer(question, load_index(ROOT / "corpus" / corpus))
    assert a.answered and a.passages
    said = any("but not as something the drug is used for" in n for n in a.notes)
    assert said == bool(caveated) and (caveated is None or caveated in a.caveat)


@pytest.mark.parametrize("corpus,question,said", [
    ("labels/ilumya.md", "Can Ilumya give me the runs?", "diarrhea"),  # lay names of a symptom
    ("documents/baclofen.txt", "can baclofen mess with your head, like make you see things that aren't there?",
     "Psychosis"),
    ("labels/ilumya.md", "Can I inject Ilumya myself at home?", "healthcare provider"),
    ("labels/yesintek.md", "Does the Yesintek shot hurt or leave a red spot?", "injection site eryt"),
    ("labels/adbry.md", "adbry shot left my skin red, is that a side effect?", "Injection site reactions"),  # "red" alone
    ("labels/siliq.md", "can siliq cause gut problems?", "diarrhea"),  # "gut": the bowel, and what upsets it
    ("labels/cimzia.md", "can cimzia wake up my old hep b?", "Hepatitis B Virus Reactivation"),  # "hep" is not "help"
    ("documents/baclofen.txt", "will baclofen make me feel spaced out?", "Drowsiness"),  # a clouded head
    ("labels/dupixent.md", "can dupixent cause a reaction on my face?", "Facial skin reactions"),  # a body part's
    ("labels/cibinqo.md", "can cibinqo cause a clot in my lungs?", "pulmonary embolism"),  # clinical adjective
    ("labels/remicade.md", "how long does the remicade drip take?", "at least 2 hours"),  # a drip: an IV infusion
    ("labels/remicade.md", "who should not receive remicade?", "contraindicated"),  # who should not receive it
    ("labels/cimzia.md", "does cimzia help psoriatic arthritis in my joints?", "psoriatic arthritis"),  # in the joints
    ("documents/baclofen.txt", "does baclofen take away the urge to drink?", "lessening cravings"),  # a craving
])
def test_lay_names_meet_the_documents_words(corpus, question, said):
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer(question, load_index(ROOT / "corpus" / corpus))
    assert a.answered and said in " ".join(h.passage.text for h in a.passages)


@pytest.mark.parametrize("label,question,said", [
    ("adbry", "How does tralokinumab work?", "interleukin-13 antagonist"),  # the generic, the label says ADBRY
    ("ilumya", "How does tildrakizumab work?", "interleukin-23 antagonist"),
    ("skyrizi", "How does Skyrizi work in the body?", "interleukin-23 antagonist"),  # "on-body injector" aside
    ("cibinqo", "What kind of drug is abrocitinib?", "Janus kinase (JAK) inhibitor"),
])
def test_a_question_of_a_kind_searches_the_words_its_answer_is_written_in(label, question, said):
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer(question, load_index(ROOT / "corpus" / "labels" / f"{label}.md"))
    assert a.answered and said in " ".join(h.passage.text for h in a.passages)


def test_a_comparison_with_a_drug_the_document_names_only_elsewhere_is_caveated(baclofen_index):
    """The article lists naltrexone among drugs for addiction, never beside baclofen: it compares nothing. Sotyktu's
    label names apremilast in its trials beside SOTYKTU, so that comparison is answered plainly."""
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer("Is baclofen better than naltrexone for alcohol cravings?", baclofen_index)
    assert a.answered and "naltrexone" in a.caveat and any("does not compare them" in n for n in a.notes)
    a = answer("How does Otezla compare to Sotyktu?", load_index(ROOT / "corpus" / "labels" / "sotyktu.md"))
    assert a.answered and not any("does not compare them" in n for n in a.notes)


@pytest.mark.parametrize("label,question,said", [
    ("dupixent", "What is Dupixent used for?", "atopic dermatitis"),  # the first indication, not only the seventh
    ("tremfya", "What is Tremfya used for?", "plaque psoriasis"),
])
def test_what_a_drug_is_used_for_starts_from_its_first_indications(label, question, said):
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer(question, load_index(ROOT / "corpus" / "labels" / f"{label}.md"))
    assert a.answered and said in " ".join(h.passage.text for h in a.passages[:2]).lower()


@pytest.mark.parametrize("question,caveated", [
    ("can u mix baclofen n weed", "weed"),  # what it is taken with is the topic, however everyday the word
    ("Is it ok to take baclofen with my morning coffee?", "coffee"),
    ("can i take baclofen if i have a cold n fever", None),  # not taken with: a state, told beside
])
def test_what_a_drug_is_taken_with_is_named_when_the_monograph_never_says_it(baclofen_index, question, caveated):
    a = answer(question, baclofen_index)
    if caveated:
        assert a.answered and caveated in a.caveat
    else:
        assert "fever" not in a.caveat and "cold" not in a.caveat


@pytest.mark.parametrize("question,figures", [
    ("Can you overdose on baclofen?", True),  # the article names overdose only in national death figures
    ("What are the signs of a baclofen overdose?", True),
    ("What happens if you take too much baclofen?", True),  # "too much": overdose, as people say it
    ("can u overdoes on baclofen", True),  # a real English word, the usual misspelling of "overdose"
    ("How much did overdose deaths increase from 2001 to 2013?", False),  # asks for the figures themselves
    # the overdose is the story before the question, not what it asks
    ("i overdosed on alcohol years ago and ended up in the ER. is baclofen safe for someone with that history?", False),
])
def test_a_topic_named_only_in_population_figures_is_caveated_as_such(baclofen_index, question, figures):
    a = answer(question, baclofen_index)
    assert a.answered and a.passages
    assert any("the monograph has only figures about a population, nothing about the drug itself" in n
               for n in a.notes) == figures


@pytest.mark.parametrize("question,caveated", [
    ("Will baclofen make me too drowsy to fly on a plane?", "plane"),  # a practical matter the article never says
    ("Will my insurance cover baclofen for spasticity?", "insurance"),
    ("I'm travelling abroad next month, can I stop baclofen suddenly?", "travelling"),  # one sentence: asked
    # told as the story after the question, it is colour like any everyday word
    ("Can I take baclofen twice a day? trying to make the bottle last till my insurance sorts itself out", None),
])
def test_practical_matters_asked_about_are_named_when_the_monograph_never_says_them(baclofen_index, question,
                                                                                   caveated):
    """Asked alone ("how much does baclofen cost?") such a matter is declined (above)."""
    a = answer(question, baclofen_index)
    assert a.answered and a.passages
    if caveated:
        assert caveated in a.caveat and f"“{caveated}”" in a.text.split("\n\n")[0]
    else:
        assert "insurance" not in a.caveat


def test_live_vaccines_are_a_thing_of_their_own_not_any_vaccination(tmp_path):
    """A label excerpt that only says to complete vaccinations before starting does not answer "can I get
    live vaccines on it?"; a label that names live vaccines does."""
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer("Can I get live vaccines while on Dupixent?", load_index(ROOT / "corpus" / "labels" / "dupixent.md"))
    assert not a.answered and "“live vaccines”" in a.text
    label = tmp_path / "label.md"
    label.write_text("# Warnings\n\nComplete all age-appropriate vaccinations before starting treatment.\n\n"
                     "# Immunizations\n\nAvoid use of live vaccines in patients treated with this drug.\n")
    a = answer("Can I get live vaccines while on it?", load_index(label))
    assert a.answered and "Avoid use of live vaccines" in a.extract.text and not a.caveat


@pytest.mark.parametrize("question", ["How does baclofen work in the body?",
                                      "what does baclofen actually do in your body"])
def test_where_the_drug_acts_colours_a_mechanism_question(baclofen_index, question):
    """"in the body" is no topic the article lacks: the question asks how it works, and is answered so."""
    a = answer(question, baclofen_index)
    assert a.answered and not a.caveat
    assert "gamma-aminobutyric" in " ".join(h.passage.text for h in a.passages)


@pytest.mark.parametrize("label,question", [("enbrel", "Where on my body am I supposed to stick the Enbrel needle?"),
                                            ("adbry", "where should I inject adbry?")])
def test_where_to_inject_is_answered_with_the_sites(label, question):
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer(question, load_index(ROOT / "corpus" / "labels" / f"{label}.md"))
    assert a.answered and "thigh" in a.extract.text


def test_breastfeeding_is_not_any_mention_of_the_breast():
    """"Reproductive system and breast disorders" in a list of reactions says nothing about nursing."""
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer("Can I breastfeed while on Cimzia?", load_index(ROOT / "corpus" / "labels" / "cimzia.md"))
    assert not a.answered and "“breastfeed”" in a.text


def test_topics_joined_by_or_are_alternatives_not_both_required(baclofen_index):
    """"drunk or loopy": the side-effects list says confusion and dizziness; no passage need say alcohol too;
    "upset my stomach or give me diarrhea": a few words may stand between."""
    a = answer("Can baclofen make you feel kind of drunk or loopy?", baclofen_index)
    assert a.answered and "side effects of baclofen may include" in a.extract.text
    a = answer("Can baclofen upset my stomach or give me the shakes?", baclofen_index)
    assert a.answered


@pytest.mark.parametrize("corpus,question", [
    # a person who treats or helps, not the drug: no "does it work for X?" question
    ("documents/baclofen.txt", "how do I treat the drowsiness from baclofen?"),
    ("documents/baclofen.txt", "please help, does baclofen cause drowsiness?"),
    ("documents/baclofen.txt", "Can someone help me understand if baclofen causes drowsiness?"),
    # "make ... better", "give you X for": whether it treats, not whether it causes
    ("documents/baclofen.txt", "Will baclofen make my spasticity better?"),
    ("documents/baclofen.txt", "Can doctors give you baclofen for spasticity?"),
    # "not indicated for the relief of acute bronchospasm" is no indication
    ("labels/dupixent.md", "Can Dupixent cause bronchospasm?"),
])
def test_the_indication_caveats_do_not_misfire(corpus, question):
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer(question, load_index(ROOT / "corpus" / corpus))
    assert a.answered
    assert not any("condition the drug is given for" in n or "not as something the drug is used for" in n
                   for n in a.notes), a.notes


def test_figures_about_the_drug_itself_are_not_population_figures(tmp_path):
    """An interaction's "3-fold" and "2.5 million patients treated" are about the drug, not people at large."""
    from bot.loading import load_index

    label = tmp_path / "zentrol.md"
    label.write_text("# Interactions\n\nGrapefruit juice increased Zentrol exposure 3-fold in a study.\n\n"
                     "# Postmarketing\n\nAmong more than 2.5 million patients treated with Zentrol, cases of "
                     "pancreatitis were reported.\n")
    index = load_index(label)
    for question in ("Can I drink grapefruit juice with Zentrol?", "Can Zentrol cause pancreatitis?"):
        a = answer(question, index)
        assert a.answered and not any("figures about a population" in n for n in a.notes), (question, a.notes)


def test_an_everyday_word_the_document_uses_elsewhere_does_not_force_a_decline(baclofen_index):
    """Cibinqo's dosing section never says "adults" (its indication does): the dose is still the answer. Two rare
    topics the document never says together are still declined."""
    from bot.loading import load_index

    from .conftest import ROOT
    a = answer("what is the usual cibinqo dose in adults", load_index(ROOT / "corpus/labels/cibinqo.md"))
    assert a.answered and "recommended-dosage" in a.passages[0].passage.id, a.notes
    assert not answer("Does lithium cause tachycardia?", baclofen_index).answered


def test_two_caveats_read_as_one_note(baclofen_index):
    a = answer("Can baclofen worsen my spasticity?", baclofen_index)
    note = " ".join(a.notes)
    assert note.count("What it says") == 1 and note.rstrip().endswith(":")


@pytest.mark.parametrize("question", ["How does baclofen work in dogs?", "How does baclofen work in women?"])
def test_only_a_place_in_the_body_colours_a_mechanism_question(baclofen_index, question):
    a = answer(question, baclofen_index)
    assert not a.answered or a.caveat  # "dogs" is asked about: never a plain answer


def test_a_place_in_the_body_that_colours_a_mechanism_question_is_not_searched_either():
    """"in the body" colours "how does it work?" though a label says "body weight" elsewhere: the answer is the
    drug's class (an antagonist), not a passage chosen for "body"."""
    from bot.loading import load_index

    from .conftest import ROOT
    a = answer("How does ustekinumab work in the body?", load_index(ROOT / "corpus/labels/stelara.md"))
    assert a.answered and "antagonist" in a.extract.text
    assert not any("bodi" in h.matched_terms for h in a.passages)


@pytest.mark.parametrize("question,drug", [("What is the half-life of gabapentin?", "gabapentin"),
                                           ("how long does tylenol stay in your system", "tylenol")])
def test_another_drugs_facts_are_not_answered_with_this_drugs(baclofen_index, question, drug):
    a = answer(question, baclofen_index)
    assert not a.answered and not a.passages
    assert f"This monograph covers baclofen; it does not cover {drug}." in a.text


@pytest.mark.parametrize("first,asks_with", [("Does baclofen interact with other drugs?", True),
                                              ("can I take baclofen together with painkillers?", True),
                                              ("What is baclofen used for?", False)])
def test_a_follow_up_naming_another_drug_after_an_interaction_question_asks_the_same_of_it(baclofen_index, first,
                                                                                           asks_with):
    """"What about Xanax?" after "does it interact with other drugs?" is an interaction question: the interactions
    passage, under a caveat naming Xanax; after another question it asks about Xanax itself, which is declined."""
    a = answer("what about xanax?", baclofen_index, (first,))
    if asks_with:
        assert a.answered and a.caveat == ("xanax",) and "interact" in a.extract.text
    else:
        assert not a.answered and "it does not cover xanax" in a.text


@pytest.mark.parametrize("follow_up", ["what about the dose of gabapentin?", "how about the withdrawal symptoms of xanax?"])
def test_a_follow_up_asking_another_drugs_own_facts_is_declined_after_an_interaction_question(baclofen_index,
                                                                                              follow_up):
    a = answer(follow_up, baclofen_index, ("Does baclofen interact with other drugs?",))
    assert not a.answered and "it does not cover" in a.text


def test_the_generic_a_title_names_is_the_documents_drug_however_the_text_spells_it():
    """BIMZELX's label writes "bimekizumab-bkzx"; "bimekizumab" is its drug, not another one. Another brand
    of the same generic (Jakafi, for Opzelura's ruxolitinib) is another product and stays declined."""
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer("How does bimekizumab work?", load_index(ROOT / "corpus" / "labels" / "bimzelx.md"))
    assert a.answered and "does not cover" not in a.text and not any(n.startswith("Read ") for n in a.notes)
    b = answer("What's the difference between Opzelura and Jakafi?", load_index(ROOT / "corpus" / "labels" / "opzelura.md"))
    assert b.caveat == ("jakafi",) and "doesn't mention “jakafi”" in b.text


def test_a_library_says_how_many_drugs_it_covers_when_declining_another():
    """In a folder of 25 labels a decline does not name three drugs as if they were all of them."""
    from bot.loading import load_index

    from .conftest import ROOT

    a = answer("what is gabapentin", load_index(ROOT / "corpus" / "labels"))
    assert not a.answered and "These 25 documents cover 19 drugs (" in a.text and "none of them covers gabapentin" in a.text


@pytest.mark.parametrize("question,covered", [
    ("Is baclofen safe in pregnancy? I'm scared.", "pregnan"),  # an emotion is not a topic
    ("glass of wine on baclofen?", "alcohol"),  # "glass" is an everyday word, "wine" the topic
])
def test_everyday_words_do_not_force_a_decline(baclofen_index, question, covered):
    a = answer(question, baclofen_index)
    assert a.answered and not a.caveat and covered in a.passages[0].passage.text.lower()


def test_near_miss_on_the_tiny_monograph(tiny_index):
    assert answer("Does examplamine cause headache?", tiny_index).answered
    a = answer("Does examplamine cause hair loss?", tiny_index)
    assert not a.answered and "“hair loss”" in a.text


def test_framing_words_do_not_force_a_decline(baclofen_index):
    for q in ["is baclofen safe when pregnant", "what are the common side effects of baclofen",
              "my husband takes baclofen, what are the withdrawal symptoms"]:
        assert answer(q, baclofen_index).answered, q


# --- safety ----------------------------------------------------------------------

@pytest.mark.parametrize("text,kind", [
    ("I took 30 pills", "overdose"),
    ("my friend overdosed and wont wake up", "overdose"),
    ("I accidentally took a whole week of my pills at once", "overdose"),
    ("she can't breathe", "breathing"),
    ("my husband is having a seizure right now", "seizure"),
    ("I want to end my life", "self-harm"),
    ("i keep thinking about hurting myself", "self-harm"),
    ("he is unresponsive", "unresponsive"),
    ("my son swallowed a bunch of my pills", "overdose"),
    ("I took my dose twice by mistake", "overdose"),
    ("How much baclofen would kill me?", "self-harm"),
    ("I don't want to wake up tomorrow", "self-harm"),
    ("thinking about killing myself", "self-harm"),
    ("Can I take an extra pill if my spasms are bad?", None),
    ("I took my pill this morning", None),
    ("What are the side effects?", None),
    ("Can baclofen cause seizures?", None),
    ("what is the half-life?", None),
])
def test_emergency_kinds(text, kind):
    assert emergency_kind(text) == kind


def test_emergency_notice_first_then_relevant_passages(baclofen_index):
    a = answer("I stopped my baclofen suddenly and now I'm having convulsions", baclofen_index)
    assert a.text.startswith(EMERGENCY_NOTICE)
    assert a.answered and "Convulsions" in _texts(a) and a.text.endswith(DISCLAIMER)


def test_self_harm_gets_the_notice_and_no_passages(baclofen_index):
    a = answer("i want to end my life, how many baclofen would it take", baclofen_index)
    assert a.safety_notice == EMERGENCY_NOTICE and a.passages == () and "988" in a.text


@pytest.mark.parametrize("text,personal", [
    ("how much baclofen should I take?", True),
    ("what dose should I take", True),
    ("can I double my dose tonight?", True),
    ("what is the maximum recommended daily dose?", False),
    ("Is 100mg too much for me?", True),
    ("can I increase it to 20?", True),
    ("can my 70 year old father take 30 mg", True),
    ("is it safe for me to drink alcohol", False),
])
def test_personal_dosing_is_recognised(text, personal):
    assert asks_personal_dosing(text) is personal


def test_dosing_note_comes_before_general_passages(baclofen_index):
    a = answer("how much baclofen should I take?", baclofen_index)
    assert a.text.index(DOSING_NOTE) < a.text.index("[1]")
    assert "100 mg" in _texts(a)


# --- lay vocabulary and typos ---------------------------------------------------------

@pytest.mark.parametrize("question,expected", [
    ("does baclofen make you sleepy", "Drowsiness"),
    ("i have kidney problems, is baclofen ok for me", "renal"),
    ("what happens if i stop taking it suddenly", "Sudden withdrawal"),
    ("how long does baclofen stay in your system", "3-4 hours"),
])
def test_lay_words_reach_clinical_passages(baclofen_index, question, expected):
    a = answer(question, baclofen_index)
    assert a.answered and expected in _texts(a)


@pytest.mark.parametrize("question", ["does this shot make you feel sick to your stomach?", "will it make me feel sick?"])
def test_feeling_sick_is_nausea(question):
    """Taltz's label names nausea among its most common reactions, never "sick" or "stomach"."""
    from bot.loading import load_index

    from .conftest import ROOT
    a = answer(question, load_index(ROOT / "corpus/labels/taltz.md"))
    assert a.answered and "nausea" in a.passages[0].passage.text.casefold(), [h.passage.id for h in a.passages]


def test_lay_phrases_match_on_stems():
    found = lay_expansions("i stopped it when i was breastfeeding".split())
    assert [(phrase, span) for phrase, _, span in found] == [("stopped", range(1, 2)), ("breastfeeding", range(6, 7))]


@pytest.mark.parametrize("question,expected", [
    ("baclofin half lfe", "3-4 hours"),
    ("withdrawl symptms", "Psychosis"),
    ("can i take it wile pregant", "placental barrier"),
])
def test_typos_are_tolerated(baclofen_index, question, expected):
    a = answer(question, baclofen_index)
    assert a.answered and expected in _texts(a)
    assert any(note.startswith("Read ") for note in a.notes)


def test_typo_tolerance_keeps_real_words(baclofen_index):
    # "hair" and "loss" are real words the monograph lacks, not misspellings of its words
    assert not answer("does baclofen cause hair loss", baclofen_index).answered
    for text in ["half life", "I think I overdosed", "talking about baclofen", "scared of side effects"]:
        assert plan(text, baclofen_index).corrections == (), text


def test_zero_width_characters_do_not_split_words(baclofen_index):
    a = answer("bacl\u200bofen half\u200d-life", baclofen_index)
    assert a.answered and "3-4 hours" in a.passages[0].passage.text


def test_a_decline_or_caveat_never_claims_a_word_the_monograph_uses_is_absent(baclofen_index):
    a = answer("Does baclofen interact with grapefruit juice?", baclofen_index)
    assert "doesn't mention “grapefruit”" in a.text and "“interact”" not in a.caveat
    b = answer("Does lithium cause tachycardia?", baclofen_index)  # both words are in it, never together
    assert not b.answered and "nothing about" not in b.text
    assert "it mentions “lithium”, but no passage answers that together with the rest" in b.text


def test_a_folder_of_documents_keeps_a_named_drug_to_its_own_document():
    from bot.loading import load_index

    from .conftest import MONOGRAPHS
    ix = load_index(MONOGRAPHS)
    half = answer("What is the half-life of baclofen?", ix)  # the baclofen label excerpt lacks it: said plainly
    assert not half.answered or ("half-life" in half.caveat and "don't mention" in half.text)
    assert all(h.passage.document.startswith("Baclofen") for h in half.passages)
    store = answer("How should I store Lipitor?", ix)
    assert store.answered and all("lipitor" in h.passage.id for h in store.passages)
    td = answer("does haloperidol cause tardive dyskinesia", ix)
    assert all(h.passage.id.startswith("haloperidol") for h in td.passages)


def test_repl_shows_what_was_searched_when_it_differs(baclofen_index):
    out = io.StringIO()
    run_repl(baclofen_index, 1, stdin=io.StringIO("Is baclofen safe during pregnancy?\nWhat about breastfeeding?\n"),
             stdout=out)
    assert "Searching for: breastfeeding + pregnancy" in out.getvalue()
    assert out.getvalue().count("Searching for:") == 1


# --- questions that name no topic ------------------------------------------------------

def test_subject_only_question_gets_the_documents_opening(baclofen_index):
    a = answer("what is baclofen?", baclofen_index)
    assert a.answered and "Kemstro and Lioresal" in a.passages[0].passage.text


def _conditions(tmp_path):
    from bot.loading import load_index

    for name, title, parts in (
            ("angina", "Angina (NHLBI)", ("Angina is chest pain or discomfort that occurs when the heart muscle does "
                                          "not get enough oxygen-rich blood.",
                                          "Angina can feel like pressure or squeezing in the chest.",
                                          "People who have coronary heart disease are more likely to have angina. "
                                          "Older age and smoking raise the risk.",
                                          "The prognosis is good: angina is not usually life-threatening, and "
                                          "most people recover well when the heart disease behind it is treated.")),
            ("gout", "Gout (NIAMS)", ("Gout is a form of arthritis caused by uric acid crystals in a joint.",
                                      "Men, and people who drink alcohol, are more likely to get gout.",
                                      "Gout attacks usually improve within days, and most people recover fully."))):
        text = f"---\ntitle: \"{title}\"\n---\n\n" + "".join(
            f"# Part {n}\n\n{part}\n\n" for n, part in enumerate(parts, 1))
        (tmp_path / f"{name}.md").write_text(text)
    return load_index(tmp_path)


def test_who_is_at_risk_and_the_outlook_are_questions_of_their_own_not_definitions(tmp_path):
    """In a folder, "Who is at risk for angina?" is no "What is angina?": its document's passage on who gets it,
    not its opening; "What is the outlook for angina?" its passage on what lies ahead."""
    index = _conditions(tmp_path)
    assert "more likely" in answer("Who is at risk for angina?", index).passages[0].passage.text
    assert "recover well" in answer("What is the outlook for angina?", index).passages[0].passage.text
    assert "oxygen-rich" in answer("What is angina?", index).passages[0].passage.text  # a definition still is one
    # a follow-up of a kind: the context's document, the passage saying what the kind asks
    assert "recover well" in answer("And what is the outlook?", index, ("What is angina?",)).passages[0].passage.text


@pytest.mark.parametrize("text", ["hi", "Thanks!", "ok", "thank you so much"])
def test_pleasantries_get_a_hint_not_a_search(baclofen_index, text):
    a = answer(text, baclofen_index, ("what are the side effects?",))
    assert not a.answered and a.passages == () and "Ask me a question" in a.text and a.text.endswith(DISCLAIMER)


@pytest.mark.parametrize("text", ["?", "...", "what is it?"])
def test_a_question_with_no_words_to_search_gets_a_hint(baclofen_index, text):
    a = answer(text, baclofen_index)
    assert not a.answered and "Ask me a question" in a.text and "doesn't cover" not in a.text


def test_a_bare_follow_up_uses_the_last_turn(baclofen_index):
    a = answer("and?", baclofen_index, ("what are the withdrawal symptoms",))
    assert a.answered and a.passages[0].passage.section == "Baclofen Withdrawal Symptoms"


@pytest.mark.parametrize("question,said", [("Does Lioresal cause drowsiness?", "Drowsiness"),
                                           ("Kemstro side effects", "side effects of baclofen")])
def test_another_brand_of_the_documents_drug_is_the_drug(baclofen_index, question, said):
    """The article names Kemstro and Lioresal once, as brands of baclofen: a question about them asks of baclofen."""
    a = answer(question, baclofen_index)
    assert a.answered and said in a.extract.text


def test_in_a_library_a_question_naming_no_drug_stays_with_the_one_asked_about():
    """After "What is Dupixent used for?", "what are the side effects?" is about Dupixent, not whichever label says it."""
    from bot.loading import load_index

    from .conftest import ROOT

    labels = load_index(ROOT / "corpus" / "labels")
    history = ("What is Dupixent used for?",)
    for question in ("what are the side effects?", "and how is it given?"):
        a = answer(question, labels, history)
        assert a.passages and all("DUPIXENT" in h.passage.document for h in a.passages), question
        history += (question,)
    a = answer("side effects?", labels, history + ("what about Cosentyx?",))
    assert a.passages and all("COSENTYX" in h.passage.document for h in a.passages)


@pytest.mark.parametrize("question", ["how long does baclofen stay in ur system", "how long until baclofen wears off",
                                      "how long dose baclofen stay in ur system"])
def test_how_long_it_stays_is_the_half_life_however_it_is_typed(baclofen_index, question):
    a = answer(question, baclofen_index)
    assert a.answered and "half-life is 3-4 hours" in a.extract.text


def test_dose_is_read_as_does_only_where_the_verb_stands(baclofen_index):
    assert "Read “dose” as “does”." in answer("how dose baclofen work", baclofen_index).notes
    assert not any("Read" in n for n in answer("what dose should I take for spasms", baclofen_index).notes)


def test_a_labels_brand_newer_than_the_drug_dictionary_is_its_subject():
    """"YESINTEK (ustekinumab-kfce)": the dictionary knows ustekinumab, not Yesintek; the title names both."""
    from bot.loading import load_index
    from bot.query import subject_terms

    from .conftest import ROOT

    label = load_index(ROOT / "corpus" / "labels" / "yesintek.md")
    assert {"yesintek", "ustekinumab"} <= subject_terms(label)
    a = answer("Does Yesintek make you feel tired all the time?", label)
    assert a.answered and "fatigue" in " ".join(h.passage.text for h in a.passages)


@pytest.mark.parametrize("label, typed, meant", [
    ("avsola", "how ofen do i get avsola infusons", "how often do i get avsola infusions"),
    ("remicade", "how offten is remicade given", "how often is remicade given"),
])
def test_a_misspelt_questions_kind_is_read_as_corrected(label, typed, meant):
    """The kind ("how often": a schedule, under dosing) is read from the question as corrected, so a typo in its
    cue words shows what the correctly spelt question shows."""
    from bot.loading import load_index

    from .conftest import ROOT
    index = load_index(ROOT / "corpus/labels" / f"{label}.md")
    a, b = answer(typed, index), answer(meant, index)
    assert a.notes and a.notes[0].startswith("Read “")
    assert [h.passage.id for h in a.passages] == [h.passage.id for h in b.passages]
    assert a.extract.text == b.extract.text and "every 8 weeks" in a.extract.text


def test_an_adults_only_label_answers_what_ages_with_its_indication():
    """Siliq is for adults: "can my 15 year old use it?" is answered with the indication ("in adult patients"),
    not a trial's ages; one's own past ("had TB as a kid") asks no ages."""
    from bot.extract import kind_heading
    from bot.loading import load_index

    from .conftest import ROOT
    a = answer("can my 15 year old use siliq for his psoriasis?", load_index(ROOT / "corpus/labels/siliq.md"))
    assert "INDICATIONS" in a.extract.citation and "adult patients" in a.extract.text, a.extract.text
    assert kind_heading("had TB as a kid, can I still start simponi") is None
    assert kind_heading("can my kid take simponi") is not None


@pytest.mark.parametrize("label, question", [("enbrel", "Can children take Enbrel?"),
                                             ("stelara", "Can Stelara be used in children?")])
def test_what_ages_a_drug_is_for_is_answered_from_its_indications(label, question):
    """"Can children take it?" asks the ages it is given at: the indication's "6 years of age and older", not a
    trial's adverse reactions "in pediatric patients" nor a dosing table for them."""
    from bot.loading import load_index

    from .conftest import ROOT
    a = answer(question, load_index(ROOT / "corpus/labels" / f"{label}.md"))
    assert re.search(r"\d+ years of age and older", a.extract.text), a.extract.text
    assert "INDICATIONS" in a.extract.citation


@pytest.mark.parametrize("label, question", [("cosentyx", "What conditions is Cosentyx approved to treat?"),
                                             ("taltz", "What is Taltz used for?"),
                                             # "conditions" frames the question: not a trial's "varying conditions"
                                             ("skyrizi", "What conditions is Skyrizi used to treat?")])
def test_what_a_drug_is_for_is_answered_from_its_first_indication(label, question):
    """Indications that rank alike come in the label's order, and the answer is taken from the first of them,
    not from a later one that scored higher on the question's words."""
    from bot.loading import load_index

    from .conftest import ROOT
    a = answer(question, load_index(ROOT / "corpus/labels" / f"{label}.md"))
    assert re.search(r"› 1 INDICATIONS AND USAGE (¶1|› 1\.1 )", a.extract.citation), a.extract.citation
    assert "indicated" in a.extract.text


def test_the_answer_keeps_to_the_retrievals_order_where_its_sentence_is_as_good(baclofen_index):
    """The retrieval ranks the article's opening first for what baclofen is prescribed for (its indications in
    document order); a later passage scoring higher on the word "prescribed" alone does not take the answer."""
    a = answer("what's baclofen usually prescribed for", baclofen_index)
    assert "relieve muscle spasms" in a.extract.text, a.extract.text


def test_review_near_misses_of_the_seventh_sessions_lay_words(baclofen_index):
    """Running out of the drug is no clouded head; a decline names what the question said, not the broader topic
    it implies ("vaccine" for a flu shot); a follow-up's kind is read from its own words ("a 5 year old": ages)."""
    from bot.loading import load_index

    from .conftest import ROOT
    assert lay_expansions("I ran out of it".split()) == []
    a = answer("can I get a flu shot while taking baclofen?", baclofen_index)
    assert not a.answered and "“flu shot”" in a.notes[-1] and "vaccine" not in a.notes[-1]
    b = answer("is it okay for a 5 year old?", load_index(ROOT / "corpus/labels/opzelura.md"), ("What is Opzelura approved for?",))
    assert re.search(r"\d+ years of age and older", b.extract.text), b.extract.text


def test_a_passage_far_down_keeps_a_positive_prior():
    """Shown 20 passages, the last still ranks its own sentences by how well they answer."""
    from bot.extract import _prior
    from index import TUNING
    from index.bm25 import Hit
    assert all(_prior(Hit(None, 1.0, ()), rank, 2.0) >= TUNING.answer_rank for rank in range(20))


@pytest.mark.parametrize("label,question,said", [
    ("opzelura", "will opzelura help my vitiligo?", "indicated for the topical treatment of nonsegmental vitiligo"),
    ("opzelura", "does opzelura work on vitiligo patches?", "indicated for the topical treatment of nonsegmental"),
])
def test_whether_it_works_for_something_is_answered_by_what_it_treats(label, question, said):
    """Not by the yes/no kind's cautions ("... has not been studied")."""
    a = answer(question, label_index(label))
    assert a.answered and said in a.extract.text


def test_working_with_another_drug_is_no_question_of_what_it_treats():
    """"does rinvoq work with methotrexate?" asks what it is taken with, not what it is for."""
    a = answer("does rinvoq work with methotrexate?", label_index("rinvoq"))
    assert a.answered and "methotrexate" in a.extract.text


@pytest.mark.parametrize("label,question", [("bimzelx", "What conditions is Bimzelx approved for?"),
                                            ("cimzia", "which conditions is cimzia approved for?"),
                                            ("bimzelx", "Is Bimzelx FDA approved for psoriasis?")])
def test_what_it_is_approved_for_asks_what_it_is_used_for(label, question):
    """"approved for" is no post-approval experience: the indications answer it."""
    a = answer(question, label_index(label))
    assert a.answered and "indicated for" in a.extract.text


def test_how_long_asks_a_duration_and_does_not_search_long_term():
    """"how long is an omvoh iv infusion?" is not answered from a "long term safety" passage; a question that says
    "long-term" itself still searches it."""
    a = answer("how long is an omvoh iv infusion?", label_index("omvoh"))
    assert a.answered and "at least 30 minutes" in a.extract.text
    assert not any("long" in h.matched_terms for h in a.passages)
    b = answer("how long can I safely stay on omvoh long-term?", label_index("omvoh"))
    assert b.answered and "long term safety" in b.extract.text


@pytest.mark.parametrize("label,question,caveat", [
    ("omvoh", "is omvoh ok for children?", ("children",)),  # a label for adults only: what it says of adults
    ("skyrizi", "can my kid use skyrizi?", ("kid",)),
    ("cimzia", "Can Cimzia be used in children?", ()),  # a label that speaks of children: their passages, no caveat
])
def test_a_childs_age_on_a_label_for_adults_is_answered_with_what_it_says_of_adults(label, question, caveat):
    a = answer(question, label_index(label))
    assert a.answered and a.caveat == caveat
    if caveat:
        assert "What it says about “adults”" in a.text and "adults" in a.extract.text
    else:
        assert "children" in a.extract.text


@pytest.mark.parametrize("label,question", [
    ("omvoh", "can I breastfeed my child while on omvoh?"),  # the child is not the topic alone: declined as before
    ("omvoh", "can my kids get live vaccines while I'm on omvoh?"),
])
def test_a_child_beside_another_missing_topic_gets_no_stand_in(label, question):
    a = answer(question, label_index(label))
    assert not a.answered and "adults" not in a.text


@pytest.mark.parametrize("question", ["I have the urge to pee all the time on baclofen",
                                      "I always want a drink of water after my baclofen, is thirst a side effect?"])
def test_an_urge_or_a_drink_of_something_else_is_no_craving(baclofen_index, question):
    a = answer(question, baclofen_index)
    assert "cravings" not in (a.extract.text if a.extract else "")


def test_taking_the_edge_off_is_relief_not_an_edge(baclofen_index):
    """"take the edge off the shakes" asks what relieves them: the idiom is one concept whose alternatives are
    relief, not a topic "edge" the document must say."""
    p = plan("will it take the edge off my pain", baclofen_index)
    idiom = next(c for c in p.concepts if c.surface == "take the edge off")
    assert {"reliev", "lessen"} <= set(idiom.terms) and not any(c.surface == "edge" for c in p.concepts)


@pytest.mark.parametrize("label,question", [("remicade", "how often are remicade infusions given?"),
                                            ("skyrizi", "how often do i get skyrizi after the first doses?")])
def test_how_often_is_not_answered_from_how_to_prepare_the_drug(label, question):
    """A schedule is said under the dosage headings, not in the instructions for mixing, diluting or storing it."""
    from bot.core import PREPARING

    a = answer(question, label_index(label))
    assert a.answered and not PREPARING.search(a.passages[0].passage.section)


@pytest.mark.parametrize("question,phrase", [
    ("I'm facing surgery next month, should I stop it?", None),  # "facing" stems to "face": no body part
    ("can it cause post-nasal drip?", "post nasal drip"),  # a nasal drip, not an IV one
    ("my mouth is so dry since I started it", None),  # a dry mouth is no oral route
    ("can I smoke a joint while I'm on it?", None),  # a joint, not the joints
])
def test_body_part_words_in_another_sense_get_no_clinical_adjective(question, phrase):
    from index.tokenizer import words

    found = lay_expansions(words(question))
    assert not any(clinical in ("facial", "intravenous infusion", "oral", "arthralgia articular")
                   for _, clinical, _ in found), found
    assert phrase is None or any(p == phrase for p, _, _ in found)
