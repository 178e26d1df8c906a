"""``monograph-bot`` / ``python -m bot``: repl, ask, eval, slack, index build.

Errors a user can fix are shown once as ``error: ...`` with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from corpus import DEFAULT_CORPUS, BotError

from .core import DEFAULT_K

DESCRIPTION = """Answers questions about a medical monograph with cited passages.
Every reply quotes the monograph with a citation for each passage and carries a
medical disclaimer; questions the monograph does not answer are declined."""

EXAMPLES = """examples:
  monograph-bot repl
  monograph-bot ask "What is the half-life of baclofen?"
  monograph-bot ask --json --corpus corpus/monographs/lipitor-patient-information.md "How should I store Lipitor?"
  monograph-bot eval corpus/questions/baclofen.jsonl --baseline
  monograph-bot eval corpus/questions/            (every set, one table: make quality)
  monograph-bot slack --http --port 3000
  monograph-bot index build --corpus corpus/monographs --out monographs.index
  monograph-bot ask --corpus corpus/monographs --index monographs.index "How should I store Lipitor?"
"""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 1 <= value <= 20:
        raise argparse.ArgumentTypeError("must be between 1 and 20")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be between 1 and 65535, got {value}")
    return value


def _corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", metavar="PATH", default=None,
                        help=f"a .txt/.md file or a folder of them (default: the shipped {DEFAULT_CORPUS.name})")
    parser.add_argument("-k", type=_positive, default=DEFAULT_K, metavar="N",
                        help=f"passages per answer, 1-20 (default {DEFAULT_K})")


def _index_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index", metavar="FILE", default=None,
                        help="load the index saved by `index build` instead of building it (checked against --corpus)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="monograph-bot", description=DESCRIPTION, epilog=EXAMPLES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    repl = sub.add_parser("repl", help="ask questions in a conversation in the terminal",
                          description="Interactive questions with follow-ups; /help, /reset, /quit.")
    _corpus_options(repl)
    _index_option(repl)
    repl.add_argument("--json", action="store_true",
                      help="read questions from stdin, one per line; write one JSON object per line")

    ask = sub.add_parser("ask", help="answer one question and exit",
                         description="Answer one question with cited passages (no conversation), then exit.")
    ask.add_argument("question", nargs="+", help="the question (quotes are optional: the words are joined)")
    _corpus_options(ask)
    _index_option(ask)
    ask.add_argument("--json", action="store_true", help="print one JSON object instead of text")

    ev = sub.add_parser("eval", help="score the bot against a question set (JSON lines) or a suite of sets",
                        description="Score the bot on a question set, or on every set of a suite (a folder with "
                                    "sets.toml, or a .toml file) as one table beside the baseline.")
    ev.add_argument("questions", metavar="QUESTIONS", help="a .jsonl question set, or a suite folder / .toml file")
    _corpus_options(ev)
    ev.add_argument("--json", action="store_true", help="print the report as one JSON object")
    ev.add_argument("--baseline", action="store_true", help="also score a naive rank_bm25 baseline beside ours")

    slack = sub.add_parser("slack", help="run the Slack bot (Socket Mode, or HTTP with --http)",
                           description="Answer mentions, direct messages and the slash command in Slack. Settings "
                                       "come from the environment or .env (see .env.example and the README).")
    _corpus_options(slack)
    _index_option(slack)
    slack.add_argument("--http", action="store_true", help="serve Slack's Events API over HTTP instead of Socket Mode")
    slack.add_argument("--port", type=_port, default=3000, help="HTTP port, 1-65535 (default 3000)")
    slack.add_argument("--host", default="127.0.0.1", help="HTTP host (default 127.0.0.1)")
    slack.add_argument("--env-file", default=".env", metavar="PATH", help="settings file (default .env)")

    idx = sub.add_parser("index", help="build a corpus's index once and save it to a file, for --index",
                         description="A library of documents takes seconds to index; a saved index loads in a "
                                     "fraction of that. The file is checked against the corpus at each load.")
    action = idx.add_subparsers(dest="action", metavar="ACTION")
    action.required = True
    build = action.add_parser("build", help="index --corpus and write it to --out",
                              description="Index --corpus and write the index to --out (one file).")
    build.add_argument("--corpus", metavar="PATH", default=None,
                       help=f"a .txt/.md file or a folder of them (default: the shipped {DEFAULT_CORPUS.name})")
    build.add_argument("--out", metavar="FILE", required=True, help="the file to write (replaced if it exists)")
    parser.set_defaults(commands=sub.choices)
    return parser


def _tolerant_streams() -> None:
    """Bytes that are not UTF-8 on stdin, or text the terminal cannot show, never end in a traceback."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> int:
    _tolerant_streams()
    args, unknown = build_parser().parse_known_args(argv)
    if unknown:  # `ask --foo`: the usage of the command that was given, not the top level's
        args.commands[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        return _dispatch(args)
    except BotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:  # `... | head -1`: the reader left; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    from .loading import build_saved, describe, load_index

    if args.command == "index":
        started = time.perf_counter()
        index = build_saved(args.corpus, args.out)
        print(f"saved the index of {describe(index)} to {args.out} in {time.perf_counter() - started:.1f} s")
        return 0
    if args.command == "slack":
        from .slack import Options, run_slack

        return run_slack(Options(corpus=args.corpus, k=args.k, http=args.http, host=args.host, port=args.port,
                                 env_file=args.env_file, index=args.index))
    if args.command == "eval":
        from .eval import run_eval, run_suite

        if os.path.isdir(args.questions) or args.questions.endswith(".toml"):
            if args.corpus:
                print("note: --corpus is ignored for a suite: each set names its own corpus", file=sys.stderr)
            return run_suite(args.questions, args.k, as_json=args.json)
        return run_eval(args.questions, args.corpus, args.k, as_json=args.json, with_baseline=args.baseline)
    index = load_index(args.corpus, args.index)
    if args.command == "ask":
        from .core import answer
        from .render import render_terminal, terminal_width, to_json

        reply = answer(" ".join(args.question), index, (), args.k)
        if args.json:
            print(json.dumps(to_json(reply), ensure_ascii=False, indent=2))
        else:
            print(render_terminal(reply, *terminal_width(sys.stdout)))
        return 0
    from .loading import warm_up
    from .repl import run_json_lines, run_repl

    warm_up(index)  # while the first question is typed

    return run_json_lines(index, args.k) if args.json else run_repl(index, args.k)
