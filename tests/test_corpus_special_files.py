"""Corpus paths that are not plain files: refused with ``error:`` and exit 2, never read, never hung on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus import CorpusError, load_corpus
from corpus.documents import read_bytes

from .conftest import run_cli


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_before_it_is_read():
    r = run_cli("ask", "--corpus", "/dev/zero", "What is the half-life?", timeout=20)
    assert r.returncode == 2 and r.stderr == "error: /dev/zero: is not a regular file (a device, pipe or socket); " \
                                              "expected a file\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "monograph.md"
    os.mkfifo(fifo)
    with pytest.raises(CorpusError, match="not a regular file"):
        load_corpus(fifo)
    (tmp_path / "a.md").write_text("Baclofen relieves spasticity.\n")
    assert [d.id for d in load_corpus(tmp_path)] == ["a"]  # in a folder, only regular files are read


def test_a_file_is_read_with_a_cap(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 10_000)
    assert len(read_bytes(path, CorpusError, "", "a file", limit=100)) == 101


def test_an_unreadable_folder_is_an_error_not_a_traceback(tmp_path, monkeypatch):
    """As root (CI) mode 000 does not deny, so the refusal the kernel would give is simulated."""
    folder = tmp_path / "locked"
    folder.mkdir()

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", denied)
    with pytest.raises(CorpusError, match=r"locked: folder cannot be read \(Permission denied\)"):
        load_corpus(folder)


def test_an_unreadable_file_is_an_error_not_a_traceback(tmp_path, monkeypatch):
    path = tmp_path / "secret.md"
    path.write_text("Baclofen.\n")
    real_open = os.open

    def denied(file, flags, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(CorpusError, match=r"secret.md: cannot be read \(Permission denied\); check its permissions"):
        load_corpus(path)


@pytest.mark.parametrize("text", ["hello\n", "the\n", "a b\n"])
def test_a_document_of_one_word_or_none_is_answered_without_a_traceback(tmp_path, text):
    # no indexable term at all (a stopword) or one: the postings are empty or one long
    path = tmp_path / "tiny.md"
    path.write_text(text)
    r = run_cli("ask", "--corpus", str(path), "What is the half-life?")
    assert r.returncode == 0 and "Traceback" not in r.stderr and "doesn't cover this" in r.stdout
    r = run_cli("index", "build", "--corpus", str(path), "--out", str(tmp_path / "tiny.index"))
    assert r.returncode == 0 and "(1 passage)" in r.stdout + r.stderr
