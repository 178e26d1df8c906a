"""Hardening: whatever a person (or a script) types, the bot answers, with the disclaimer.

Property tests (hypothesis) through ``bot.core.answer`` and ``repl --json``'s loop, then a
few inputs that only the real process can receive (bytes that are not UTF-8). The
profile is derandomized and bounded, so CI sees the same examples every run.
"""

from __future__ import annotations

import io
import json
import subprocess

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot import DISCLAIMER, Answer, answer
from bot.core import EMPTY_HINT, printable
from bot.models import MAX_QUESTION_CHARS
from bot.render import to_json
from bot.repl import HELP, QUIT, run_json_lines

from .conftest import ANSWER_KEYS, run_cli

HARDENING = settings(derandomize=True, max_examples=150, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# What people type, and what a hostile or careless client sends.
MEDICAL = ["baclofen", "side effects", "half-life", "pregnancy", "breastfeeding", "overdose", "dose", "withdrawal",
           "What about", "is it safe", "how long", "alcohol", "seizure", "can't breathe", "I took 20 pills"]
INJECTION = ["<!channel>", "<!here>", "<@U123>", "<#C123|general>", "<http://x.example|click>", "@everyone",
             "**bold**", "_it_", "`code`", "```\nblock\n```", "> quote", "# Heading", "[a](javascript:alert(1))",
             "<script>alert(1)</script>", "<b>&amp;</b>", "&lt;", "{{7*7}}", "{% raw %}", "${jndi:ldap://x}",
             "'; DROP TABLE passages; --", "1 OR 1=1", "%s%n%x", "\\x00", "../../etc/passwd", "/reset", "/quit",
             "null", "{}", '{"a": 1}', "\u0000"]
RTL = ["\u05d1\u05e7\u05dc\u05d5\u05e4\u05df", "\u0628\u0627\u0643\u0644\u0648\u0641\u064a\u0646", "\u202e",
       "\u202b", "\u2067", "\u200f", "\u061c", "\u05d0\u05d1 baclofen \u05d2"]
EMOJI = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)
EMOJI_GLUE = st.sampled_from(["\u200d", "\ufe0f", "\U0001f3fd", "\u20e3", "\U0001f1fa\U0001f1f8"])
CONTROL = st.characters(categories=["Cc", "Cf", "Zl", "Zp"])
SURROGATE = st.characters(categories=["Cs"])
WHITESPACE = st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x85\u00a0\u1680\u2000\u2003\u2028\u2029\u202f\u3000\u200b\ufeff",
                     max_size=40)

fragments = st.one_of(
    st.text(max_size=60), st.sampled_from(MEDICAL), st.sampled_from(INJECTION), st.sampled_from(RTL),
    st.text(EMOJI, min_size=1, max_size=8), EMOJI_GLUE, st.text(CONTROL, max_size=6), WHITESPACE,
)
questions = st.lists(fragments, max_size=8).map(" ".join)


def _huge(piece: str, length: int) -> str:
    return (piece * (length // len(piece) + 1))[:length]


huge = st.builds(_huge, st.text(min_size=1, max_size=30) | st.sampled_from(MEDICAL + INJECTION),
                 st.integers(MAX_QUESTION_CHARS + 1, 100_000))


def check(reply: Answer, question: str, k: int = 3) -> None:
    """What every reply must be, whatever was asked."""
    assert isinstance(reply, Answer)
    assert reply.disclaimer == DISCLAIMER
    assert reply.text.endswith(DISCLAIMER)
    assert reply.question == printable(question)  # as asked, bytes that were not UTF-8 shown as U+FFFD
    if reply.safety_notice:
        assert reply.text.startswith(reply.safety_notice)
    if reply.answered:
        assert 1 <= len(reply.passages) <= max(k, 1)
    else:
        assert reply.passages == ()
    json.dumps(to_json(reply), ensure_ascii=False)


@HARDENING
@given(question=questions)
@example("")
@example(" \t\n ")
@example("<!channel> <@U123> **What is baclofen?** <script>alert(1)</script>")
@example("\u202ewhat is the half-life\u202c")
@example("\x00\x01\x1b[31mside effects\x1b[0m\x7f")
def test_answer_never_raises_and_carries_the_disclaimer(baclofen_index, question):
    check(answer(question, baclofen_index), question)


@HARDENING
@given(question=WHITESPACE)
def test_blank_questions_get_the_hint_not_a_search(baclofen_index, question):
    reply = answer(question, baclofen_index)
    check(reply, question)
    assert not reply.answered
    if not question.strip():
        assert EMPTY_HINT in reply.notes


@settings(HARDENING, max_examples=40)
@given(question=huge)
@example("side effects " * 7_693)  # 100,009 characters
@example("a" * 100_000)  # no space to cut at
def test_huge_questions_are_answered_from_their_start(baclofen_index, question):
    reply = answer(question, baclofen_index)
    check(reply, question)
    assert len(reply.query) <= MAX_QUESTION_CHARS * 2  # the cap held: the query is not the whole input


@HARDENING
@given(question=st.text(SURROGATE | st.characters(), max_size=40))
def test_lone_surrogates_do_not_break_the_core(baclofen_index, question):
    check(answer(question, baclofen_index), question)


@HARDENING
@given(question=questions, history=st.lists(questions | huge | st.sampled_from(MEDICAL), max_size=6).map(tuple),
       k=st.integers(-2, 25))
def test_any_history_and_k(baclofen_index, question, history, k):
    reply = answer(question, baclofen_index, history, k)
    check(reply, question, k)
    assert answer(question, baclofen_index, history, k) == reply  # pure: the same input, the same reply


lines = st.lists(
    (fragments | st.sampled_from(["/reset", " /RESET ", "/help", "/quit", "/exit", ""])).filter(
        lambda s: "\n" not in s and "\r" not in s),
    max_size=8,
)


@HARDENING
@given(script=lines)
@example(["What is baclofen?", "What about pregnancy?", "/reset", "", "/quit", "never read"])
def test_repl_json_one_object_per_line(baclofen_index, script):
    out = io.StringIO()
    assert run_json_lines(baclofen_index, 3, stdin=io.StringIO("".join(s + "\n" for s in script)), stdout=out) == 0
    quits = [i for i, s in enumerate(script) if s.strip().lower() in QUIT]
    expected = script[: quits[0] + 1] if quits else script
    written = out.getvalue()
    assert written.endswith("\n") or not expected
    rows = written.split("\n")[:-1]
    assert len(rows) == len(expected)
    for line, row in zip(expected, rows):
        obj = json.loads(row)
        if line.strip().lower() == "/reset":
            assert obj == {"reset": True}
        elif line.strip().lower() in QUIT:
            assert obj == {"quit": True}
        elif line.strip().lower() == "/help":
            assert obj == {"help": HELP}
        else:
            assert set(obj) == ANSWER_KEYS and obj["question"] == line
            assert obj["disclaimer"] == DISCLAIMER and obj["text"].endswith(DISCLAIMER)


def test_repl_json_lines_survive_splitlines(baclofen_index):
    script = "side effects\u2028of baclofen\nhalf-life\x85\u2029\n"
    out = io.StringIO()
    run_json_lines(baclofen_index, 3, stdin=io.StringIO(script), stdout=out)
    assert len(out.getvalue().splitlines()) == 2


def _run(args: list, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess:
    return run_cli(*args, stdin=stdin, env=env, text=False)


@pytest.mark.parametrize("env", [{}, {"PYTHONIOENCODING": "utf-8"}], ids=["locale", "utf-8"])
def test_repl_json_with_bytes_that_are_not_utf8(env):
    r = _run(["repl", "--json"], b"side effects \xff\xfe of baclofen\nhalf-life\n", **env)
    assert r.returncode == 0 and b"Traceback" not in r.stderr
    rows = r.stdout.decode("utf-8").split("\n")[:-1]  # strict: the output is UTF-8
    assert [json.loads(row)["answered"] for row in rows] == [True, True]


@pytest.mark.parametrize("env", [{}, {"PYTHONIOENCODING": "utf-8"}], ids=["locale", "utf-8"])
def test_ask_json_with_an_argument_that_is_not_utf8(env):
    r = _run(["ask", "--json", b"side effects \xff of baclofen"], **env)
    assert r.returncode == 0 and b"Traceback" not in r.stderr
    assert json.loads(r.stdout.decode("utf-8"))["disclaimer"] == DISCLAIMER


def test_cli_odd_questions_through_the_real_door():
    for question in ["<!channel> what is baclofen?", "\u202ehalf-life", "x" * 5000, "\x1b[2J side effects", " "]:
        r = _run(["ask", "--json", question], PYTHONIOENCODING="utf-8")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["disclaimer"] == DISCLAIMER
