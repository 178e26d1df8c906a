from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.loading import load_index
from bot.slack.app import build_app
from bot.slack.delivery import web_client
from bot.slack.settings import Settings
from bot.slack.web import EVENTS_PATH, SlackWeb
from bot.slack.work import WorkQueue

from .slack_fake import SECRET, FakeSlack, serve_wsgi
from .slack_harness import Harness

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
MONOGRAPHS = ROOT / "corpus" / "monographs"  # copies of ../shared/monographs (public domain)
GOLDEN = Path(__file__).resolve().parent / "golden"  # transcripts a terminal test compares with
# the JSON contract of ask --json and repl --json: fields are added, never renamed or dropped
ANSWER_KEYS = {"question", "query", "answered", "passages", "safety_notice", "disclaimer", "text", "caveat", "answer", "boxed_warning",
               "notes", "dosing_note"}


@functools.lru_cache(maxsize=None)
def label_index(name: str):
    """The index of one FDA label in corpus/labels/ (built once per test run)."""
    return load_index(ROOT / "corpus" / "labels" / f"{name}.md")


@pytest.fixture(scope="session")
def baclofen_index():
    return load_index()


@pytest.fixture(scope="session")
def tiny_index():
    return load_index(DATA / "tiny-monograph.md")


def run_cli(*args, stdin: str | bytes | None = None, timeout: float = 60, env: dict | None = None,
            text: bool = True) -> subprocess.CompletedProcess:
    """The real command line, as a user runs it (``text=False`` for bytes in and out)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})} if text else {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=text,
                          timeout=timeout, cwd=ROOT, env=env)


# --- Slack: the app behind signed HTTP requests, with a fake Slack Web API ---------------

@pytest.fixture
def no_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def slack(baclofen_index, tmp_path, no_proxy):
    """The Bolt app over its real WSGI door, answering from the shipped article into a fake Slack."""
    fake = FakeSlack()
    settings = Settings(bot_token="xoxb-test", signing_secret=SECRET, api_url=fake.api_url,
                        feedback_log=tmp_path / "var" / "feedback.jsonl")
    queue = WorkQueue()
    app = build_app(settings, web_client(settings.bot_token, fake.api_url), index=baclofen_index, queue=queue)
    server, port = serve_wsgi(SlackWeb(app, SECRET))
    yield Harness(fake, f"http://127.0.0.1:{port}{EVENTS_PATH}", app, queue, settings.feedback_log)
    server.shutdown()
    server.server_close()
    queue.drain(5)
    fake.close()
