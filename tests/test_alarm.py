"""The learned second opinion on emergencies (bot/alarm.py): the shipped model is the one the tuning
suite trains, it scores as scikit-learn did, and it adds the notice where the hand-written classes miss."""

import gzip
import json

import pytest

from bot import alarm, answer
from bot.eval import alarm_model


def test_the_scorer_gives_the_probabilities_scikit_learn_gave_when_it_was_trained():
    model = json.loads(gzip.decompress(alarm.DATA.read_bytes()))
    assert len(model["samples"]) >= 15
    assert any(p >= alarm.THRESHOLD for _, p in model["samples"]) and any(p < 0.1 for _, p in model["samples"])
    for text, probability in model["samples"]:
        assert alarm.score(text) == pytest.approx(probability, abs=2e-4), text


def test_the_model_was_trained_on_the_tuning_suite_as_it_is_now():
    """Sets added to corpus/questions/sets.toml (a held-out set once it has been run) need
    ``python -m bot.eval.alarm_model build`` again; a held-out set is never in it."""
    model = json.loads(gzip.decompress(alarm.DATA.read_bytes()))
    data = alarm_model.messages()
    assert model["trained_on"] == alarm_model.fingerprint(data), "retrain: python -m bot.eval.alarm_model build (pip install -e '.[data]')"
    assert (model["messages"], model["emergencies"]) == (len(data), sum(e for _, _, e in data))
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


def test_rebuilding_gives_the_shipped_file():
    pytest.importorskip("sklearn")
    assert alarm_model.build() == alarm.DATA.read_bytes()


@pytest.mark.parametrize("message", [
    "mom took baclofen and now she's talking nonsense and can't stand up, should I call someone?",
    "my toddler has baclofen all over his mouth and is super floppy",
    "son is 16 and just told me he swallowed the rest of his baclofen on purpose",
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
