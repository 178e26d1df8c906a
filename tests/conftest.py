from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.loading import load_index

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
MONOGRAPHS = ROOT / "corpus" / "monographs"  # copies of ../shared/monographs (public domain)
# the JSON contract of ask --json and repl --json: fields are added, never renamed or dropped
ANSWER_KEYS = {"question", "query", "answered", "passages", "safety_notice", "disclaimer", "text", "caveat", "answer", "boxed_warning"}


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
