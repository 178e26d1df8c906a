"""The terminal front end: a conversation kept for follow-ups, or JSON lines for tools."""

from __future__ import annotations

import sys
from typing import IO

from index import Index

from .core import answer
from .loading import describe
from .render import (
    json_line,
    render_terminal,
    searched,
    terminal_width,
    to_json,
    visible,
    wrap,
)

HELP = """Ask a question about the monograph in plain words, e.g. "What is the half-life?".
Follow-ups use the conversation: "What about breastfeeding?" after a pregnancy question.
Commands:
  /help   show this help
  /reset  start a new conversation (forget earlier questions)
  /quit   leave (also /exit, /q, or Ctrl-D; at the terminal, plain quit, exit and help work too)
Questions are kept only for this session, never written to disk."""
QUIT = ("/quit", "/exit", "/q")
COMMANDS = {"/help": "help", "/reset": "reset", **{name: "quit" for name in QUIT}}
BARE = {"help": "help", "quit": "quit", "exit": "quit"}  # typed without the slash at the terminal
EMPTY_LINE = "(Type a question, or /help for commands.)"


def command_of(line: str, bare: bool = False) -> str | None:
    """"help", "reset", "quit", "unknown" for a command line; None for a question.

    One parser for both doors. ``bare`` (the terminal) also takes "quit", "exit" and
    "help" alone on a line; ``repl --json`` does not, so a script's question is never
    taken for a command.
    """
    word = line.strip().lower()
    if word in COMMANDS:
        return COMMANDS[word]
    if bare and word.rstrip(".!") in BARE:
        return BARE[word.rstrip(".!")]
    return "unknown" if word.startswith("/") else None


def _enable_line_editing() -> None:
    """Arrow keys and this session's history. Nothing is written to disk: questions about
    someone's health stay out of a history file."""
    try:
        import readline  # noqa: F401  (importing it is what turns line editing on)
    except ImportError:  # Windows without pyreadline: plain input() still works
        return


def run_repl(index: Index, k: int, stdin: IO[str] | None = None, stdout: IO[str] | None = None) -> int:
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    interactive = stdin is sys.stdin and stdin.isatty()
    if interactive:
        _enable_line_editing()
    print(wrap(f"monograph-bot: answering from {describe(index)}.", terminal_width(stdout)[0]), file=stdout)
    print("Type /help for commands, /quit to leave.", file=stdout)
    history: list[str] = []
    while True:
        try:
            if interactive:
                line = input("you> ")
            else:
                stdout.write("you> ")
                stdout.flush()
                line = stdin.readline()
                if not line:
                    raise EOFError
                line = line.rstrip("\r\n")
                print(visible(line), file=stdout)  # echo, so a piped transcript reads like a session
        except EOFError:
            print(file=stdout)
            return 0
        except KeyboardInterrupt:
            print("\n(Use /quit to leave.)", file=stdout)
            continue
        if not line.strip():
            print(EMPTY_LINE, file=stdout)
            continue
        command = command_of(line, bare=True)
        if command == "quit":
            return 0
        if command == "help":
            print(HELP, file=stdout)
            continue
        if command == "reset":
            history.clear()
            print("(New conversation: earlier questions are forgotten.)", file=stdout)
            continue
        if command == "unknown":
            print(f"Unknown command {line.strip()!r}. Type /help for commands.", file=stdout)
            continue
        reply = answer(line, index, tuple(history), k)
        width, bold = terminal_width(stdout)  # read per answer: the window may have been resized
        query = searched(reply)
        if query and not reply.safety_notice:  # the notice goes first
            print(wrap(f"Searching for: {query}", width), file=stdout)
        print(render_terminal(reply, width, bold) + "\n", file=stdout)
        history.append(line)


def run_json_lines(index: Index, k: int, stdin: IO[str] | None = None, stdout: IO[str] | None = None) -> int:
    """One JSON object per input line, flushed at once: a contract other tools rely on."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    history: list[str] = []
    for raw in stdin:
        line = raw.rstrip("\r\n")
        command = command_of(line)
        if command == "reset":
            history.clear()
            obj = {"reset": True}
        elif command == "help":
            obj = {"help": HELP}
        elif command == "quit":
            stdout.write(json_line({"quit": True}) + "\n")
            stdout.flush()
            return 0
        else:
            reply = answer(line, index, tuple(history), k)
            obj = to_json(reply)
            if line.strip():
                history.append(line)
        stdout.write(json_line(obj) + "\n")
        stdout.flush()
    return 0
