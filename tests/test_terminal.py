"""The REPL in a real terminal (a pty with its window size set, as a user's terminal has):
golden transcripts at 60 and 120 columns, answer first and in bold, nothing cut mid-word.

A pty rather than tmux: the same ioctl a terminal emulator makes, no extra program to
install in CI, and the bytes the bot writes are read exactly. COLUMNS is removed from the
environment so the width comes from the terminal itself.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time

import pytest

from bot.render import BOLD, PLAIN

from .conftest import GOLDEN, ROOT

QUESTIONS = ["How long does baclofen stay in your system?", "What are the withdrawal symptoms?",
             "what side effects does baclofen have?"]  # the last: an answer from two passages
_CSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]")


def _read_until(fd: int, needle: bytes, timeout: float = 30) -> bytes:
    out = b""
    end = time.monotonic() + timeout
    while needle not in out:
        left = end - time.monotonic()
        if left <= 0:
            raise AssertionError(f"timed out waiting for {needle!r}; got {out[-500:]!r}")
        if select.select([fd], [], [], left)[0]:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
    return out


def session(columns: int, lines: list[str]) -> str:
    """A REPL session in a pty of ``columns`` columns; bold shown as <b>...</b>, other codes dropped."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(TERM="dumb", PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "bot", "repl"], stdin=slave, stdout=slave, stderr=slave,
                            cwd=ROOT, env=env, close_fds=True)
    os.close(slave)
    try:
        out = _read_until(master, b"you> ")
        for line in lines:  # one line at a time, after the prompt, as a person types
            os.write(master, line.encode() + b"\r")
            out += _read_until(master, b"you> ")
        os.write(master, b"/quit\r")
        assert proc.wait(timeout=30) == 0
        while select.select([master], [], [], 0.5)[0]:  # what is left: the echo of /quit
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    finally:
        proc.kill()
        os.close(master)
    text = out.decode("utf-8").replace("\r\n", "\n").replace("\r", "")
    text = text.replace(BOLD, "<b>").replace(PLAIN, "</b>")
    return _CSI.sub("", text)


@pytest.mark.parametrize("columns", [60, 120])
def test_repl_in_a_terminal_golden(columns):
    """Set UPDATE_GOLDEN=1 to rewrite after a deliberate change; read the diff."""
    got = session(columns, QUESTIONS)
    golden = GOLDEN / f"repl_tty_{columns}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(got)
    assert got == golden.read_text()
    for line in got.splitlines():  # wrapped to the terminal, never past its edge
        assert len(line.replace("<b>", "").replace("</b>", "")) <= columns, line
    answer = got.split("stay in your system?\n", 1)[1]
    assert answer.startswith("<b>Baclofen’s half-life is 3-4 hours in plasma")  # the answer first, in bold
    assert "treatme\n" not in got and "treatme-" not in got


def test_no_word_is_broken_at_the_edge(baclofen_index):
    """Every word of what the bot says is whole at 60 columns: the unwrapped text is the same words."""
    from bot.core import answer
    from bot.render import render_terminal

    for question in QUESTIONS + ["side effects", "Who should not take baclofen?"]:
        reply = answer(question, baclofen_index)
        wrapped = render_terminal(reply, 60, bold=True).replace(BOLD, "").replace(PLAIN, "")
        assert all(len(line) <= 60 or " " not in line.strip() for line in wrapped.splitlines())
        for hit in reply.passages:
            assert " ".join(hit.passage.text.split()) in " ".join(wrapped.replace("\n    ", " ").split())
