"""The REPL and the one-shot CLI through their real doors: stdin/stdout and exit codes."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from bot import DISCLAIMER
from bot.repl import run_json_lines, run_repl
from bot.safety import EMERGENCY_NOTICE

from .conftest import ANSWER_KEYS, GOLDEN, MONOGRAPHS, run_cli

PASSAGE_KEYS = {"id", "document", "section", "text", "score", "citation"}


def test_repl_golden_transcript(baclofen_index):
    """Set UPDATE_GOLDEN=1 to rewrite the transcript after a deliberate change; read the diff."""
    out = io.StringIO()
    stdin = io.StringIO((GOLDEN / "repl_input.txt").read_text())
    assert run_repl(baclofen_index, 1, stdin=stdin, stdout=out) == 0
    golden = GOLDEN / "repl_transcript.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out.getvalue())
    assert out.getvalue() == golden.read_text()


def test_repl_reset_forgets_the_conversation(baclofen_index):
    script = "Is baclofen safe during pregnancy?\n/reset\nWhat about breastfeeding?\n"
    out = io.StringIO()
    run_repl(baclofen_index, 1, stdin=io.StringIO(script), stdout=out)
    after_reset = out.getvalue().split("(New conversation")[1]
    assert "pregnancy" not in after_reset.split("Searching for:")[-1].splitlines()[0]


def test_repl_ends_cleanly_at_end_of_input(baclofen_index):
    out = io.StringIO()
    assert run_repl(baclofen_index, 3, stdin=io.StringIO("side effects"), stdout=out) == 0
    assert DISCLAIMER in " ".join(out.getvalue().split())  # wrapped to 80 columns


def test_json_lines_one_object_per_line(baclofen_index):
    script = "Is baclofen safe during pregnancy?\nWhat about breastfeeding?\n/reset\n\nWhat about breastfeeding?\n"
    out = io.StringIO()
    run_json_lines(baclofen_index, 3, stdin=io.StringIO(script), stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 5
    objs = [json.loads(line) for line in lines]
    assert objs[2] == {"reset": True}
    for obj in objs[:2] + objs[3:]:
        assert set(obj) == ANSWER_KEYS
        assert obj["disclaimer"] == DISCLAIMER and obj["text"].endswith(DISCLAIMER)
        for p in obj["passages"]:
            assert set(p) == PASSAGE_KEYS
    assert objs[1]["question"] == "What about breastfeeding?"
    assert "pregnancy" in objs[1]["query"] and objs[1]["answered"]
    assert "pregnancy" not in objs[4]["query"]  # the reset really forgot
    assert objs[3]["answered"] is False and objs[3]["passages"] == []


def test_cli_ask_json_half_life():
    r = run_cli("ask", "--json", "What is the half-life of baclofen?")
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert set(obj) == ANSWER_KEYS and obj["answered"] is True
    first = obj["passages"][0]
    assert "3-4 hours" in first["text"]
    assert first["citation"] == "Baclofen Side Effects & Uses in Addiction Treatment › Baclofen Half-Life & Timeline ¶1"
    assert obj["disclaimer"] in obj["text"] and obj["safety_notice"] is None
    assert [p["score"] for p in obj["passages"]] == sorted((p["score"] for p in obj["passages"]), reverse=True)


def test_cli_ask_other_monograph_cites_its_own_heading():
    r = run_cli("ask", "--corpus", str(MONOGRAPHS / "lipitor-patient-information.md"), "How should I store Lipitor?")
    assert r.returncode == 0, r.stderr
    first = r.stdout.split("[2]")[0]
    assert "room temperature" in first and "How do I store LIPITOR ¶1" in first


def test_cli_ask_text_and_k():
    r = run_cli("ask", "-k", "1", "What are the withdrawal symptoms?")
    assert r.returncode == 0 and "[1]" in r.stdout and "[2]" not in r.stdout
    assert DISCLAIMER in " ".join(r.stdout.split())  # wrapped to 80 columns: stdout is not a terminal
    assert r.stdout.startswith("Sudden withdrawal from baclofen")  # the answer first


@pytest.mark.parametrize("content,needle", [
    (None, "no such file"),
    (b"", "is empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b"\xff\xfe caf\xe9", "not UTF-8"),
])
def test_cli_bad_corpus_is_a_clear_error(tmp_path, content, needle):
    path = tmp_path / "corpus.txt"
    if content is not None:
        path.write_bytes(content)
    r = run_cli("ask", "--corpus", str(path), "anything")
    assert r.returncode == 2
    assert r.stderr.startswith("error: ") and needle in r.stderr and str(path) in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_cli_unreadable_corpus(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("text")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        r = run_cli("ask", "--corpus", str(path), "anything")
        assert r.returncode == 2 and "cannot be read" in r.stderr
    finally:
        path.chmod(0o644)


def test_cli_help_and_bad_k():
    r = run_cli("--help")
    assert r.returncode == 0 and "repl" in r.stdout and "examples:" in r.stdout
    r = run_cli("ask", "-k", "0", "x")
    assert r.returncode == 2 and "between 1 and 20" in r.stderr


def test_cli_repl_json_over_a_pipe():
    r = run_cli("repl", "--json", stdin="What is the half-life?\n/reset\n")
    lines = r.stdout.splitlines()
    assert r.returncode == 0 and len(lines) == 2
    assert json.loads(lines[0])["answered"] and json.loads(lines[1]) == {"reset": True}


def test_cli_odd_unicode_question():
    r = run_cli("ask", "--json", "¿Qué es? 💊 \u202eevil\u202c <!channel> half-life")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["text"].endswith(DISCLAIMER)


def test_json_lines_help_quit_and_crlf(baclofen_index):
    out = io.StringIO()
    run_json_lines(baclofen_index, 3, stdin=io.StringIO("/help\r\nWhat is the half-life?\r\n/q\r\nnever read\n"), stdout=out)
    objs = [json.loads(line) for line in out.getvalue().splitlines()]
    assert "/reset" in objs[0]["help"]
    assert objs[1]["question"] == "What is the half-life?" and objs[1]["answered"]
    assert objs[2] == {"quit": True} and len(objs) == 3


def test_a_reader_that_leaves_early_gets_no_traceback():
    import subprocess
    import sys
    proc = subprocess.Popen([sys.executable, "-m", "bot", "repl", "--json"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parent.parent)
    proc.stdout.close()  # like `| head -0`
    _, err = proc.communicate(b"side effects\n" * 200, timeout=60)
    assert proc.returncode == 0 and b"Traceback" not in err and b"BrokenPipe" not in err



# --- the emergency notice comes first in every front end --------------------------------------
EMERGENCY = "ran out of baclofen two days ago and now hes confused and his heart is racing"  # the article's withdrawal
TYPO_EMERGENCY = "my son swalowed a bunch of my baclofin"


def test_terminal_puts_the_notice_first(baclofen_index):
    out = io.StringIO()
    run_repl(baclofen_index, 3, stdin=io.StringIO(f"{EMERGENCY}\n{TYPO_EMERGENCY}\n"), stdout=out)
    replies = [block.split("\n", 1)[1] for block in out.getvalue().split("you> ")[1:3]]
    for reply in replies:  # no "Searching for:" line, nothing at all, before the notice (wrapped to the terminal)
        assert " ".join(reply.split()).startswith(EMERGENCY_NOTICE), reply[:200]
    assert "Sudden withdrawal from baclofen" in replies[0]


def test_json_carries_the_notice_and_its_text_starts_with_it(baclofen_index):
    r = run_cli("ask", "--json", EMERGENCY)
    obj = json.loads(r.stdout)
    assert obj["safety_notice"] == EMERGENCY_NOTICE and obj["text"].startswith(EMERGENCY_NOTICE)
    assert "Sudden withdrawal from baclofen" in obj["passages"][0]["text"]
    out = io.StringIO()
    run_json_lines(baclofen_index, 3, stdin=io.StringIO(TYPO_EMERGENCY + "\n"), stdout=out)
    obj = json.loads(out.getvalue())
    assert obj["safety_notice"] == EMERGENCY_NOTICE and obj["text"].startswith(EMERGENCY_NOTICE)


@pytest.mark.parametrize("message", [
    "I'm on Enbrel and I have a fever of 104, shaking chills and I'm confused",
    "my husband is on enbrel and has a really high fever and he is confused",  # told of someone else
])
def test_the_notice_comes_before_a_boxed_warning_in_every_front_end(message):
    """A label with a boxed warning puts its banner above the answer; an emergency's notice goes above both."""
    from bot import answer
    from bot.loading import load_index
    from bot.render import render_terminal, to_json
    from bot.slack.blocks import slack_escape, to_blocks
    reply = answer(message, load_index(Path(__file__).resolve().parent.parent / "corpus" / "labels" / "enbrel.md"))
    assert reply.safety_notice == EMERGENCY_NOTICE and reply.boxed_warning is not None
    assert " ".join(render_terminal(reply).split()).startswith(EMERGENCY_NOTICE)
    obj = to_json(reply)
    assert obj["safety_notice"] == EMERGENCY_NOTICE and obj["text"].startswith(EMERGENCY_NOTICE)
    first = to_blocks(reply)["blocks"][0]
    assert first == {"type": "section", "text": {"type": "mrkdwn", "text": slack_escape(EMERGENCY_NOTICE)}}
    # the label's own words on what to do (stop it for a serious infection) are shown, first
    assert "should be discontinued if a patient develops a serious infection" in reply.passages[0].passage.text


@pytest.mark.parametrize("message", [
    "I injected Enbrel and now my throat is swelling and I can't breathe",
    "theres heavy pressure in my chest right now, im on enbrel",  # a class told indirectly
    "i think i injected my enbrel like 4 times today",
])
def test_an_emergency_the_label_says_nothing_to_do_for_gets_the_notice_and_get_help_now(message):
    from bot import answer
    from bot.loading import load_index
    from bot.safety import EMERGENCY_DECLINE
    reply = answer(message, load_index(Path(__file__).resolve().parent.parent / "corpus" / "labels" / "enbrel.md"))
    assert reply.text.startswith(EMERGENCY_NOTICE) and EMERGENCY_DECLINE in reply.notes and not reply.passages


def test_the_repl_echoes_no_escape_sequence_and_searches_the_question_without_them():
    # a pasted colour code or window-title sequence must not reach the terminal, whole or in part
    typed = "what is the\x07 half\x1b[31m-life\x00 of baclofen?\n\x1b]0;pwned\x07what about in pregnancy?\n"
    out = run_cli("repl", stdin=typed).stdout
    assert "\x1b" not in out and "\x07" not in out and "\x00" not in out
    assert "[31m" not in out and "pwned" not in out
    assert "you> what is the  half-life  of baclofen?" in out
    assert "Searching for: what is the" not in out  # the search is the question itself, nothing to say


def test_a_long_question_is_not_repeated_screen_by_screen():
    question = "What is the half-life of baclofen " + "and also tell me more about it " * 150
    out = run_cli("repl", stdin=question + "\n").stdout
    searching = out.split("Searching for:", 1)[1].split("Your question was long", 1)[0]  # up to the note
    assert len(searching.splitlines()) <= 4 and searching.rstrip().endswith("…")
