"""The learned second opinion on emergencies (bot/alarm.py): the shipped model is the one the tuning
suite trains, it scores as scikit-learn did, and it adds the notice where the hand-written classes miss."""

import gzip
import json

import pytest

from bot import alarm, answer
from bot.eval import alarm_model


MODELS = sorted(alarm_model.MODELS)


@pytest.mark.parametrize("name", MODELS)
def test_the_scorer_gives_the_probabilities_scikit_learn_gave_when_it_was_trained(name):
    _, path, threshold = alarm_model.MODELS[name]
    model = json.loads(gzip.decompress(path.read_bytes()))
    assert model["model"] == name and len(model["samples"]) >= 15
    assert any(p < 0.1 for _, p in model["samples"])
    for text, probability in model["samples"]:
        assert alarm.score(text, path) == pytest.approx(probability, abs=2e-4), text


@pytest.mark.parametrize("name", MODELS)
def test_the_model_was_trained_on_the_tuning_suite_as_it_is_now(name):
    """Sets added to corpus/questions/sets.toml (a held-out set once it has been run) need
    ``python -m bot.eval.alarm_model build`` again; a held-out set is never in it."""
    path = alarm_model.MODELS[name][1]
    model = json.loads(gzip.decompress(path.read_bytes()))
    data = alarm_model.messages(model=name)
    assert model["trained_on"] == alarm_model.fingerprint(data), "retrain: python -m bot.eval.alarm_model build (pip install -e '.[data]')"
    assert (model["messages"], model["positives"]) == (len(data), sum(e for _, _, e in data))
    from bot.eval.suite import load_suite

    held_out = {spec.questions.resolve() for spec in load_suite(alarm_model.SUITE.parent / "blind" / "heldout.toml")}
    assert held_out and not held_out & {spec.questions.resolve() for spec in load_suite(alarm_model.SUITE)}


def test_the_features_are_scikit_learns():
    sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
    text = "My  son's 3 — he ate 6 of my 10mg pills!! won't wake up rn"
    words = sklearn_text.TfidfVectorizer(ngram_range=(1, 2)).build_analyzer()
    letters = sklearn_text.TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    assert alarm._words(text) == words(text)
    assert alarm._letter_runs(text) == letters(text)


@pytest.mark.parametrize("name", MODELS)
def test_rebuilding_gives_the_shipped_file(name):
    pytest.importorskip("sklearn")
    assert alarm_model.build(model_name=name) == alarm_model.MODELS[name][1].read_bytes()


@pytest.mark.parametrize("message", [
    "mom took baclofen and now she's talking nonsense and can't stand up, should I call someone?",
    "my toddler has baclofen all over his mouth and is super floppy",
    # "son is 16 and just told me he swallowed the rest of his baclofen on purpose" was here: the model retrained
    # in the seventh session scores it 0.68, under the threshold, and the classes now read it (what was left of a
    # medicine, taken on purpose: self-harm; tests/test_safety_classes.py)
    "he fell and hit his head on baclofen and now he's vomiting and confused",
])
def test_an_emergency_the_classes_miss_gets_the_notice_first(baclofen_index, message):
    from bot.urgency import assess

    assert assess(message, baclofen_index).kind is None  # the hand-written classes do not see it
    reply = answer(message, baclofen_index)
    assert reply.safety_notice and "911" in reply.safety_notice
    assert reply.text.index("911") < min(reply.text.index(w) for w in ("[1]", "monograph") if w in reply.text)


@pytest.mark.parametrize("message", [
    "can baclofen cause seizures?",
    "I had a seizure disorder as a kid, can I take baclofen?",
    "my cat knocked the bottle over but none are missing",
    "what should I do if my child swallows a pill?",
    "what is the half-life of baclofen?",
])
def test_questions_about_danger_are_not_alarms(baclofen_index, message):
    assert not alarm.alarmed(message)
    assert answer(message, baclofen_index).safety_notice is None


@pytest.mark.parametrize("message", [
    "is 40 mg too much for a 70 year old like me?",
    "can I stretch my shots out to every 12 weeks since I'm doing well?",
])
def test_a_personal_dosing_request_gets_the_note_and_the_general_dosing_passages(baclofen_index, message):
    from bot.dosing import DOSING_NOTE

    assert alarm.asks_dosing(message)
    reply = answer(message, baclofen_index)
    assert reply.notes and reply.notes[0] == DOSING_NOTE and reply.passages


@pytest.mark.parametrize("message", ["what is the maximum dose?", "can I take it with food?", "how often is it injected?",
                                     "what is baclofen used for?", "does it make you sleepy?"])
def test_general_questions_about_doses_are_not_personal(baclofen_index, message):
    from bot.dosing import DOSING_NOTE

    assert DOSING_NOTE not in answer(message, baclofen_index).notes
