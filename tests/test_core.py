"""The answering core on real data: the shipped monograph and a tiny hand-written one."""

from __future__ import annotations

import pytest

from bot import DISCLAIMER, answer
from bot.core import EMPTY_HINT, clean_question
from bot.models import MAX_QUESTION_CHARS
from bot.safety import DOSING_NOTE, EMERGENCY_NOTICE


def test_half_life_answer_cites_the_passage(baclofen_index):
    a = answer("What is the half-life of baclofen?", baclofen_index)
    assert a.answered
    assert "3-4 hours" in a.passages[0].passage.text
    assert a.passages[0].passage.citation.endswith("Baclofen Half-Life & Timeline ¶1")
    assert a.passages[0].passage.citation in a.text
    assert a.text.endswith(DISCLAIMER) and a.disclaimer == DISCLAIMER
    assert a.safety_notice is None
    assert "half-life is 3-4 hours" in a.extract.text and a.extract.text in a.passages[0].passage.text
    assert a.extract.citation == a.passages[0].passage.citation and a.text.startswith(a.extract.text)
    assert len(a.passages) == 1  # the other hits score far below it: they do not matter


def test_k_caps_the_number_of_passages(baclofen_index):
    assert len(answer("side effects", baclofen_index, k=1).passages) == 1
    assert 1 < len(answer("side effects", baclofen_index, k=5).passages) <= 5


@pytest.mark.parametrize("question", ["What is the capital of France?", "Does baclofen cause hair loss?"])
def test_uncovered_questions_are_declined_with_the_disclaimer(baclofen_index, question):
    a = answer(question, baclofen_index)
    assert not a.answered and a.passages == ()
    assert "The monograph doesn't cover this" in a.text
    assert a.text.endswith(DISCLAIMER)


def test_decline_names_what_was_not_found(baclofen_index):
    a = answer("Does baclofen cause hair loss?", baclofen_index)
    assert "nothing about “hair loss”" in a.text


def test_followup_uses_the_conversation(baclofen_index):
    a = answer("What about breastfeeding?", baclofen_index, ("Is baclofen safe during pregnancy?",))
    assert a.answered and a.followup
    assert "breast milk" in a.passages[0].passage.text
    assert "pregnancy" in a.query


def test_emergency_notice_comes_first(baclofen_index):
    a = answer("I took 30 pills of baclofen", baclofen_index)
    assert a.safety_notice == EMERGENCY_NOTICE
    assert a.text.startswith(EMERGENCY_NOTICE)
    assert "1-800-222-1222" in a.text and "988" in a.text and "911" in a.text
    assert a.text.endswith(DISCLAIMER)


def test_personal_dosing_gets_the_fixed_note_then_passages(baclofen_index):
    a = answer("How much baclofen should I take per day?", baclofen_index)
    assert DOSING_NOTE in a.text
    assert a.answered and any("100 mg" in h.passage.text for h in a.passages)


@pytest.mark.parametrize("question", ["", "   ", "\x00\x07\x1b", "\u202e\u202d"])
def test_empty_questions_get_a_hint_not_an_error(baclofen_index, question):
    a = answer(question, baclofen_index)
    assert not a.answered and EMPTY_HINT in a.text and a.text.endswith(DISCLAIMER)


def test_huge_question_is_answered_from_its_start_with_a_note(baclofen_index):
    a = answer("What is the half-life of baclofen? " * 200, baclofen_index)
    assert "only its first" in a.text
    assert a.passages and "3-4 hours" in a.passages[0].passage.text


def test_a_long_story_keeps_the_question_at_its_end(baclofen_index):
    story = "My mother has MS and has been on baclofen for years, and we have tried so many things. " * 30
    a = answer(story + "Is it safe with alcohol?", baclofen_index)
    assert "its last" in a.text and a.answered and a.query.endswith("Is it safe with alcohol?")


def test_control_characters_are_dropped():
    text, notes = clean_question("half\x00-life\x1b of\tbaclofen\r\n")
    assert text == "half -life of baclofen" and notes == []
    long, notes = clean_question("word " * 1000)
    assert len(long) <= MAX_QUESTION_CHARS and notes


def test_tiny_monograph(tiny_index):
    store = answer("How should I store the tablets?", tiny_index)
    assert store.answered and "room temperature" in store.passages[0].passage.text
    assert store.passages[0].passage.citation == "Examplamine tablets: a tiny hand-written monograph › Storage ¶1"
    assert not answer("Is it safe to drive?", tiny_index).answered
