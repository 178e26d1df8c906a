"""A saved index: built once (`index build`), loaded with --index, refused when it does not fit."""

from __future__ import annotations

import json
import os
import shutil

import pytest

import index.store as store
from bot.core import answer
from bot.loading import build_saved, load_index
from bot.render import to_json
from corpus import CorpusError

from .conftest import MONOGRAPHS, run_cli

QUESTIONS = ["How should I store Lipitor?", "what is the halflife of baclofen", "What is LIPITOR?",
             "does haloperidol cause tardive dyskinesia", "can i take haloperidal wiht wine"]


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    file = tmp_path_factory.mktemp("saved") / "monographs.index"
    build_saved(MONOGRAPHS, file)
    return file


def test_a_loaded_index_answers_exactly_as_a_built_one(saved):
    built, loaded = load_index(MONOGRAPHS), load_index(MONOGRAPHS, saved)
    assert loaded.passages == built.passages and loaded.titles == built.titles
    assert {t: d.tolist() for t, d in loaded.names.items()} == {t: d.tolist() for t, d in built.names.items()}
    for q in QUESTIONS:
        assert to_json(answer(q, loaded)) == to_json(answer(q, built)), q


def test_the_command_line_builds_and_loads_it(tmp_path):
    file = tmp_path / "baclofen.index"
    done = run_cli("index", "build", "--out", str(file))
    assert done.returncode == 0 and "saved the index of" in done.stdout and file.exists()
    plain = run_cli("ask", "--json", "What is the half-life of baclofen?")
    fast = run_cli("ask", "--json", "--index", str(file), "What is the half-life of baclofen?")
    assert fast.returncode == 0 and json.loads(fast.stdout) == json.loads(plain.stdout)


def test_an_index_of_another_corpus_is_refused_with_what_to_do(saved):
    done = run_cli("ask", "--index", str(saved), "What is the half-life of baclofen?")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: ") and f"pass --corpus {MONOGRAPHS}" in done.stderr
    assert "monograph-bot index build --corpus" in done.stderr and "Traceback" not in done.stderr


def test_a_changed_corpus_makes_the_index_stale(tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(MONOGRAPHS, folder)
    build_saved(folder, tmp_path / "x.index")
    with open(folder / "ninds-spasticity.md", "a", encoding="utf-8") as f:
        f.write("\nOne more sentence about spasticity.\n")
    with pytest.raises(CorpusError, match="the corpus has changed since"):
        load_index(folder, tmp_path / "x.index")


@pytest.mark.parametrize("damage", ["truncate", "flip", "text", "missing"])
def test_a_damaged_or_missing_file_is_an_error_not_a_traceback(saved, tmp_path, damage):
    file = tmp_path / "bad.index"
    raw = saved.read_bytes()
    if damage == "truncate":
        file.write_bytes(raw[: len(raw) // 2])
    elif damage == "flip":  # a byte inside the passages' texts: zip's CRC-32 catches it
        at = raw.index(b"Store LIPITOR at room temperature")
        file.write_bytes(raw[:at] + b"X" + raw[at + 1:])
    elif damage == "text":
        file.write_text("not an index\n")
    with pytest.raises(CorpusError) as caught:
        load_index(MONOGRAPHS, file)
    message = str(caught.value)
    assert message.startswith(f"{file}: ") and "monograph-bot index build --corpus" in message
    assert ("no such saved index" if damage == "missing" else "not a saved index") in message


def test_an_index_from_another_version_is_refused(saved, tmp_path, monkeypatch):
    monkeypatch.setattr(store, "FORMAT", store.FORMAT + 1)
    with pytest.raises(CorpusError, match="another version of monograph-bot"):
        load_index(MONOGRAPHS, saved)
    monkeypatch.undo()
    monkeypatch.setattr(store, "code_version", lambda: "0" * 16)
    with pytest.raises(CorpusError, match="splitting or index code"):
        load_index(MONOGRAPHS, saved)


def test_an_unwritable_place_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="cannot be written"):
        build_saved(MONOGRAPHS, tmp_path / "no-such-folder" / "x.index")


def test_the_slack_bot_starts_from_a_saved_index_too(tmp_path):
    """A restarting Slack bot loads its saved index; a missing one is an error before Slack is called."""
    env = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "secret", "SLACK_API_URL": "http://127.0.0.1:9/"}
    r = run_cli("slack", "--http", "--env-file", os.devnull, "--index", str(tmp_path / "missing.index"), env=env)
    assert r.returncode == 2 and "no such saved index" in r.stderr and "Traceback" not in r.stderr


def test_a_folder_given_as_a_saved_index_is_named_as_a_folder(tmp_path):
    r = run_cli("ask", "--index", str(tmp_path), "half-life")
    assert r.returncode == 2 and "is a folder, not a saved index file" in r.stderr and "Traceback" not in r.stderr
