"""Hardening: odd documents load correctly, or end with one clear ``error:`` naming the file.

Each case goes through the command line (``bot.cli.main``, in-process for speed; a few
through a real ``python -m bot`` process too) and, where it loads, through the splitter.
"""

from __future__ import annotations

import json
import random
import time

import pytest

from bot.cli import main
from bot.models import DISCLAIMER
from corpus import CorpusError, load_corpus, split_corpus
from corpus.documents import MAX_BYTES
from corpus.passages import TARGET_WORDS

from .conftest import run_cli

BODY = ("Baclofen relieves spasticity from multiple sclerosis.\n\n"
        "Store the tablets at room temperature, away from moisture.\n\n"
        "Stopping baclofen suddenly can cause hallucinations and seizures.\n")
STRUCTURED = ("# Baclofen Tablets\n\n## Uses\n\nBaclofen relieves spasticity from multiple sclerosis.\n"
              "It is taken by mouth.\n\n## Storage\n\nStore the tablets at room temperature.\n"
              "Keep them away from moisture.\n")


def ask(capsys, path, question: str = "What does baclofen relieve?") -> tuple[int, dict | None, str]:
    code = main(["ask", "--json", "--corpus", str(path), question])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else None), err


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# ---- files that load -------------------------------------------------------------------

GOOD = {
    "one-line.txt": ("Baclofen relieves spasticity from multiple sclerosis.", "relieves spasticity"),
    "no-headings.txt": (BODY, "relieves spasticity"),
    "only-bullets.md": ("- Baclofen relieves spasticity.\n- Drowsiness.\n* Weakness\n1. Nausea\n2) Confusion\n",
                        "relieves spasticity"),
    "bom.md": ("\ufeff" + STRUCTURED, "relieves spasticity"),
    "tabs.txt": ("Uses\tof\tBaclofen\n\n\tBaclofen\trelieves spasticity\tfrom multiple sclerosis.\n",
                 "relieves spasticity"),
    "form-feeds.txt": (BODY.replace("\n\n", "\n\x0c\n"), "relieves spasticity"),
    "nbsp-and-zero-width.txt": (BODY.replace(" ", "\u00a0", 3).replace("Store", "Store\u200b"), "spasticity"),
    "unterminated-front-matter.md": ("---\ntitle: Baclofen\n\n" + BODY, "relieves spasticity"),
}


@pytest.mark.parametrize("name", GOOD)
def test_odd_but_usable_files_load_and_answer(tmp_path, capsys, name):
    content, needle = GOOD[name]
    code, obj, err = ask(capsys, write(tmp_path, name, content))
    assert code == 0, err
    assert obj["answered"] and needle in obj["passages"][0]["text"]
    assert obj["text"].endswith(DISCLAIMER)
    for p in obj["passages"]:
        for field in ("text", "section", "document", "citation"):
            assert "\ufeff" not in p[field] and "\t" not in p[field] and "\r" not in p[field] and "\x0c" not in p[field]


@pytest.mark.parametrize("ends", ["\r\n", "\r"], ids=["crlf", "cr-only"])
def test_line_ends_do_not_change_the_passages(tmp_path, ends):
    lf = split_corpus(load_corpus(write(tmp_path, "lf.md", STRUCTURED)))
    other = split_corpus(load_corpus(write(tmp_path, "other.md", STRUCTURED.replace("\n", ends))))
    assert [(p.section, p.text) for p in other] == [(p.section, p.text) for p in lf]
    assert [p.section for p in lf] == ["Baclofen Tablets › Uses", "Baclofen Tablets › Storage"]


def test_a_first_line_that_is_a_sentence_is_kept_not_taken_for_the_title(tmp_path):
    [passage] = split_corpus(load_corpus(write(tmp_path, "one.txt", "Baclofen relieves spasticity.\n")))
    assert passage.text == "Baclofen relieves spasticity."
    passages = split_corpus(load_corpus(write(tmp_path, "bullets.md", "- Drowsiness.\n- Weakness.\n")))
    assert "Drowsiness" in " ".join(p.text for p in passages)


def _megabyte(size: int = 1_000_000) -> str:
    """About 1 MB of sections, paragraphs and lists, the same every run."""
    rng = random.Random(6)
    words = ("baclofen muscle spasticity dose tablet kidney drowsiness withdrawal seizure patient doctor daily mouth "
             "weakness nausea pregnancy alcohol liver reduce increase slowly symptoms clinical studies").split()
    parts, n, section = [], 0, 0
    while n < size:
        section += 1
        block = [f"## Section {section} on Muscle Relaxants", ""]
        for _ in range(rng.randint(2, 6)):
            sentences = (" ".join(rng.choice(words) for _ in range(rng.randint(6, 25))).capitalize() + "."
                         for _ in range(rng.randint(2, 7)))
            block += [" ".join(sentences), ""]
        if rng.random() < 0.3:
            block += ["Common effects include:"] + [f"- {rng.choice(words)} and {rng.choice(words)}"
                                                    for _ in range(rng.randint(2, 8))] + [""]
        parts.append("\n".join(block) + "\n")
        n += len(parts[-1])
    return "".join(parts)


def test_a_one_megabyte_document_loads_and_splits(tmp_path):
    text = _megabyte()
    path = write(tmp_path, "big.md", text)
    start = time.perf_counter()
    passages = split_corpus(load_corpus(path))
    print(f"1 MB document: {len(passages)} passages in {time.perf_counter() - start:.2f} s")  # -s shows it
    assert len(passages) > 1000
    assert len({p.id for p in passages}) == len(passages)
    assert max(len(p.text.split()) for p in passages) <= 4 * TARGET_WORDS
    kept = sum(len(p.text.split()) for p in passages)
    assert kept >= 0.95 * sum(1 for line in text.split("\n") if not line.startswith("#") for _ in line.split())


def test_a_very_long_line_without_punctuation_loads(tmp_path, capsys):
    rng = random.Random(1)
    line = " ".join(rng.choice(["baclofen", "muscle", "spasticity", "dose", "tablet", "kidney"]) for _ in range(30_000))
    code, obj, err = ask(capsys, write(tmp_path, "long.txt", line), "baclofen kidney dose")
    assert code == 0, err
    assert obj["answered"] and obj["text"].endswith(DISCLAIMER)


def test_a_passage_is_never_longer_than_a_few_target_lengths(tmp_path):
    line = " ".join(["baclofen relieves muscle spasticity"] * 7_500)
    passages = split_corpus(load_corpus(write(tmp_path, "long.txt", line)))
    assert max(len(p.text.split()) for p in passages) <= 4 * TARGET_WORDS


def test_a_folder_loads_its_documents_and_skips_the_rest(tmp_path, capsys):
    write(tmp_path, "baclofen.md", STRUCTURED)
    write(tmp_path, "README.md", "# Notes\n\nNot a monograph: relieves spasticity.\n")
    write(tmp_path, ".hidden.md", "Hidden relieves spasticity.\n")
    write(tmp_path, "label.pdf", b"%PDF-1.4\x00\x01")
    (tmp_path / "sub.md").mkdir()
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    code, obj, err = ask(capsys, tmp_path)
    assert code == 0, err
    assert {p["id"].split(":")[0] for p in obj["passages"]} == {"baclofen"}


# ---- files that cannot be used: one clear error naming the file ------------------------

BAD = {
    "empty.txt": (b"", "is empty"),
    "whitespace.txt": (b" \n\t\r\n \x0c\n", "is empty"),
    "only-front-matter.md": (b"---\ntitle: Baclofen\nsource: https://example.org\n---\n\n", "is empty"),
    "only-furniture.txt": (b"5 min read\n\nStock Photo\n\nContact Us\n\nCall us today.\n\n---\n", "no passages"),
    "only-a-heading.txt": (b"Baclofen Tablets\n", "no passages"),
    "latin-1.txt": ("Baclofène soulage la spasticité.\n".encode("latin-1"), "not UTF-8"),
    "utf-16.txt": ("\ufeffBaclofen relieves spasticity.\n".encode("utf-16-le"), "binary"),
}


def _assert_clear_error(code: int, err: str, path, needle: str) -> None:
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert str(path) in err and needle in err
    assert "Traceback" not in err


@pytest.mark.parametrize("name", BAD)
def test_unusable_files_end_with_an_error_naming_the_file(tmp_path, capsys, name):
    content, needle = BAD[name]
    path = write(tmp_path, name, content)
    code, _, err = ask(capsys, path)
    _assert_clear_error(code, err, path, needle)


def test_a_folder_with_one_bad_file_names_that_file(tmp_path, capsys):
    write(tmp_path, "a-good.md", STRUCTURED)
    bad = write(tmp_path, "b-latin1.txt", "Baclofène.\n".encode("latin-1"))
    code, _, err = ask(capsys, tmp_path)
    _assert_clear_error(code, err, bad, "not UTF-8")


def test_a_file_over_the_size_limit(tmp_path, capsys):
    path = write(tmp_path, "huge.txt", b"Baclofen relieves spasticity. " * (MAX_BYTES // 30 + 1))
    code, _, err = ask(capsys, path)
    _assert_clear_error(code, err, path, "limit")
    with pytest.raises(CorpusError):
        load_corpus(path)


@pytest.mark.parametrize("case", ["latin-1.txt", "only-furniture.txt", "folder", "cr-only.md"])
def test_through_a_real_process(tmp_path, case):
    if case == "folder":
        write(tmp_path, "a-good.md", STRUCTURED)
        path, needle = tmp_path, "not UTF-8"
        bad = write(tmp_path, "b-bad.md", b"caf\xe9\n")
    elif case == "cr-only.md":
        path = write(tmp_path, case, STRUCTURED.replace("\n", "\r"))
    else:
        content, needle = BAD[case]
        path = bad = write(tmp_path, case, content)
    r = run_cli("ask", "--json", "--corpus", str(path), "What does baclofen relieve?")
    if case == "cr-only.md":
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["passages"][0]["section"] == "Baclofen Tablets › Uses"
    else:
        assert r.returncode == 2 and r.stdout == ""
        assert r.stderr.startswith("error: ") and str(bad) in r.stderr and needle in r.stderr
        assert "Traceback" not in r.stderr
