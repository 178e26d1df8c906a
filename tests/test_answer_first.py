"""Answer first (issue 13): the sentence that answers, verbatim and cited, then only the
passages that matter; the same in JSON, Slack and eval; and the small things around it."""

from __future__ import annotations

import json
import shutil

import pytest

from bot.core import answer
from bot.eval.metrics import Outcome, Shown, summarize
from bot.eval.questions import Case
from bot.language import NOT_ENGLISH, is_english
from bot.loading import load_index
from bot.render import to_json
from bot.slack.blocks import slack_escape, to_blocks
from corpus import DEFAULT_CORPUS
from corpus.documents import load_corpus
from corpus.passages import split_corpus

from .conftest import DATA, MONOGRAPHS, run_cli


def test_the_answer_is_a_verbatim_slice_of_a_shown_passage(baclofen_index):
    for question in ["How long does baclofen stay in your system?", "What is the maximum dose?",
                     "Can I take baclofen while pregnant?", "side effects", "what is baclofen?"]:
        reply = answer(question, baclofen_index)
        shown = {h.passage.id: h.passage for h in reply.passages}
        assert reply.extract.passage_id in shown, question
        passage = shown[reply.extract.passage_id]
        assert reply.extract.text in passage.text and reply.extract.citation == passage.citation
        assert len(reply.extract.text.split()) < len(passage.text.split()) or len(passage.sentences) <= 2
        assert len(reply.marks) == len(reply.passages)
        for hit, mark in zip(reply.passages, reply.marks):
            assert mark in hit.passage.text


def test_the_answer_fits_the_question_type(baclofen_index):
    assert "3-4 hours" in answer("How long does baclofen stay in your system?", baclofen_index).extract.text
    assert "100 mg" in answer("What is the maximum daily dose of baclofen?", baclofen_index).extract.text
    assert "avoided during pregnancy" in answer("Can I take baclofen while pregnant?", baclofen_index).extract.text
    # taking it with another drug asks what it interacts with, not who should not take it
    for question in ("can I take it with gabapentin?", "can I take baclofen with gabapentin?", "is it ok to mix it with xanax",
                     "Is it safe with alcohol?", "can I drink while on baclofen"):
        assert "may interact with" in answer(question, baclofen_index).extract.text, question


def test_a_bullet_list_stays_whole_with_its_lead(baclofen_index):
    text = answer("What are the withdrawal symptoms of baclofen?", baclofen_index).extract.text
    assert text.startswith("Sudden withdrawal from baclofen can lead to the following symptoms:")
    assert text.endswith("• Tachycardia")


def test_passages_far_below_the_best_are_not_shown(baclofen_index):
    reply = answer("What is the half-life of baclofen?", baclofen_index, k=5)
    assert len(reply.passages) == 1
    assert len(answer("side effects", baclofen_index, k=5).passages) > 1  # near ties are all shown


def test_the_same_text_is_never_shown_twice(tmp_path):
    for name in ("a.txt", "b.txt"):  # one document in a folder twice, as a user might copy it
        shutil.copy(DEFAULT_CORPUS, tmp_path / name)
    index = load_index(tmp_path)
    for question in ["What is the half-life of baclofen?", "side effects", "withdrawal symptoms"]:
        texts = [" ".join(h.passage.text.split()) for h in answer(question, index, k=6).passages]
        assert len(texts) == len(set(texts)), question


def test_a_decline_has_no_answer(baclofen_index):
    reply = answer("What is the capital of France?", baclofen_index)
    assert reply.extract is None and to_json(reply)["answer"] is None


def test_json_carries_the_answer_first_in_text(baclofen_index):
    obj = to_json(answer("How long does baclofen stay in your system?", baclofen_index))
    assert set(obj["answer"]) == {"text", "passage_id", "citation", "parts", "whole"}
    assert obj["text"].startswith(obj["answer"]["text"]) and obj["answer"]["whole"] == obj["answer"]["text"]
    assert obj["answer"]["passage_id"] in [p["id"] for p in obj["passages"]]
    assert obj["answer"]["parts"] == [{k: obj["answer"][k] for k in ("text", "passage_id", "citation")}]


def test_two_passages_that_answer_alike_give_one_sentence_each_with_its_citation(baclofen_index):
    # the common side effects' list and the severe ones are two passages: the answer is one sentence from each
    reply = answer("what side effects does baclofen have?", baclofen_index)
    parts = reply.extract.parts
    assert len(parts) == 2 and parts[0].passage_id == reply.passages[0].passage.id != parts[1].passage_id
    assert "may include the following" in parts[0].text and "More severe side effects" in parts[1].text
    shown = {h.passage.id: h.passage for h in reply.passages}
    for part in parts:
        passage = shown[part.passage_id]
        assert part.text in passage.sentences and part.citation == passage.citation  # one whole sentence, verbatim
        assert reply.marks[reply.passages.index(next(h for h in reply.passages if h.passage is passage))] == part.text
    assert reply.extract.text == parts[0].text and reply.extract.whole == f"{parts[0].text} {parts[1].text}"
    obj = to_json(reply)
    answer_obj = obj["answer"]  # its text stays the first passage's verbatim sentence; "whole" is the answer as read
    assert answer_obj["text"] == parts[0].text and answer_obj["passage_id"] == parts[0].passage_id
    assert answer_obj["whole"] == reply.extract.whole and obj["text"].startswith(answer_obj["text"])
    assert [(p["text"], p["passage_id"], p["citation"]) for p in answer_obj["parts"]] == [
        (p.text, p.passage_id, p.citation) for p in parts]
    # every front end shows each sentence above its own citation, both above the passages
    text = reply.text
    assert text.index(parts[0].text) < text.index(parts[0].citation) < text.index(parts[1].text) < text.index("[1]")
    first = to_blocks(reply)["blocks"][0]["text"]["text"]
    assert first.count("\n— ") == 2
    assert first.index("*More severe") > first.index("— " + slack_escape(parts[0].citation))


def test_a_clear_answer_stays_one_sentence_and_the_margin_is_one_constant(baclofen_index, monkeypatch):
    from dataclasses import replace

    import bot.extract
    from index import TUNING

    assert answer("How long does baclofen stay in your system?", baclofen_index).extract.also is None
    # no sentence elsewhere scores above the answer's own
    monkeypatch.setattr(bot.extract, "TUNING", replace(TUNING, answer_second=1.01))
    assert answer("what side effects does baclofen have?", baclofen_index).extract.also is None


def test_an_emergencys_answer_comes_from_its_own_passages_alone(baclofen_index):
    from bot.extract import choose

    reply = answer("what side effects does baclofen have?", baclofen_index)
    hits = reply.passages
    assert choose(reply.question, reply.query, hits, baclofen_index, 3).extract.also is not None
    pinned = choose(reply.question, reply.query, hits, baclofen_index, 3, pinned=1)
    assert pinned.extract.also is None and pinned.extract.passage_id == hits[0].passage.id
    # a reply under the emergency notice answers from one passage, pinned or not
    for message in ("an hour after my first baclofen pill my lips and tongue are puffing up and it's hard to swallow",
                    "my sister keeps taking extra baclofen, way over her prescription, and now she's acting confused"):
        reply = answer(message, baclofen_index)
        assert reply.safety_notice and reply.pinned == 0, message
        assert choose(reply.question, reply.query, reply.passages, baclofen_index, 3).extract.also is not None, message
        assert reply.extract.also is None, message


def test_a_second_sentence_never_repeats_the_answer_nor_comes_from_another_document():
    from .conftest import ROOT, label_index

    # two sections of the label say "may be administered with or without methotrexate"
    reply = answer("is it ok to use cosentyx together with methotrexate?", label_index("cosentyx"))
    assert "with or without methotrexate" in reply.extract.text and reply.extract.also is None
    library = load_index(ROOT / "corpus" / "labels")
    for question in ("what are IL-17 inhibitor side effects", "side effects of TNF blockers",
                     "can a biologic cause infections"):
        parts = answer(question, library).extract.parts
        assert len({p.passage_id.split(":")[0] for p in parts}) == 1, question  # one drug's label


def test_slack_shows_the_answer_section_first_and_bolds_it_in_the_passage(baclofen_index):
    reply = answer("How long does baclofen stay in your system?", baclofen_index)
    blocks = to_blocks(reply)["blocks"]
    assert blocks[0]["type"] == "section"
    first = blocks[0]["text"]["text"]
    assert first.startswith("*Baclofen’s half-life is 3-4 hours in plasma")
    assert first.endswith("— " + slack_escape(reply.extract.citation))  # "Side Effects &amp; Uses"
    assert "&amp;" in first and " & " not in first
    passage = blocks[1]["text"]["text"]
    assert passage.startswith("*[1]* ") and "*" + slack_escape(reply.marks[0]) + "*" in passage


def test_slack_bold_keeps_escaping_and_each_line(tiny_index):
    from bot.slack.blocks import bold, marked

    assert bold("a &amp; b\n• c") == "*a &amp; b*\n*• c*"
    assert marked("x <!channel> y. Dose is 5*2 mg.", "Dose is 5*2 mg.") == "x &lt;!channel&gt; y. *Dose is 5∗2 mg.*"


def test_slack_keeps_both_parts_within_its_section_limit():
    from bot.models import Answer, Extract
    from bot.slack.blocks import SLACK_SECTION_LIMIT

    long = "A sentence that goes on. " * 200
    parts = Extract(long, "d:a:1", "Doc › A ¶1 & more", Extract(long, "d:b:1", "Doc › B ¶1"))
    reply = Answer("q", "q", True, (), None, "disclaimer", "text", extract=parts)
    text = to_blocks(reply)["blocks"][0]["text"]["text"]
    assert len(text) <= SLACK_SECTION_LIMIT
    assert "— Doc › A ¶1 &amp; more" in text and text.endswith("— Doc › B ¶1") and "\n\n*A sentence" in text


def test_eval_scores_the_answer_sentence():
    case = Case("c", ("q",), ("3-4 hours",), True, False, "plain")
    shown = (Shown("p", "Its half-life is 3-4 hours."),)
    hit = Outcome(case, "q", True, shown, False, 1, 1, (1.0,), answer="Its half-life is 3-4 hours.")
    miss = Outcome(case, "q", True, shown, False, 1, 1, (1.0,), answer="Something else.")
    declined = Outcome(case, "q", False, (), False, 1, 1, (1.0,))
    figures = summarize([hit, miss, declined])
    assert figures["answer_hit"] == pytest.approx(1 / 3) and figures["hit_at_k"] == pytest.approx(2 / 3)
    # an answer whose second passage's sentence holds it: an answer hit, not a first-sentence one
    second = Outcome(case, "q", True, shown, False, 1, 1, (1.0,), answer="Something else. Its half-life is 3-4 hours.",
                     answer_first="Something else.")
    figures = summarize([hit, second])
    assert figures["answer_hit"] == 1 and figures["answer_first_hit"] == 0.5


@pytest.mark.parametrize("question", ["waht is baclofin?", "can baclofen cause sezures", "lipiter side efects",
                                      "Tylenol?", "is baclophen habbit forming", "What is the capital of France?"])
def test_english_questions_with_typos_and_names_stay_english(baclofen_index, question):
    assert is_english(question, baclofen_index)


@pytest.mark.parametrize("question", ["¿Puedo tomar baclofeno durante el embarazo?", "Quelle est la demi-vie du baclofène ?",
                                      "Wie lange bleibt Baclofen im Körper?", "Il baclofene è sicuro in gravidanza?",
                                      "巴氯芬的半衰期是多少？", "Сколько длится действие баклофена?"])
def test_other_languages_are_told_english_only(baclofen_index, question):
    reply = answer(question, baclofen_index)
    assert not reply.answered and NOT_ENGLISH in reply.text and reply.passages == ()


def test_ask_joins_unquoted_words_and_shows_its_own_usage():
    r = run_cli("ask", "--json", "what", "is", "the", "half", "life")
    assert r.returncode == 0 and json.loads(r.stdout)["question"] == "what is the half life"
    r = run_cli("ask", "--foo", "what")
    assert r.returncode == 2 and r.stderr.startswith("usage: monograph-bot ask") and "--foo" in r.stderr


@pytest.mark.parametrize("command", ["repl", "ask", "eval", "slack"])
def test_every_command_help_has_a_description(command):
    from bot.cli import build_parser

    sub = build_parser().parse_known_args([command, "x"] if command != "repl" else [command])[0].commands[command]
    assert sub.description and sub.description in " ".join(run_cli(command, "--help").stdout.split())


def test_eval_on_a_file_that_is_not_a_question_set_stops_with_a_summary():
    r = run_cli("eval", "README.md")
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "does not look like a question set" in r.stderr


def test_eval_says_1_case(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "a", "turns": ["What is the half-life?"], "expect": ["3-4 hours"],
                                "answerable": True, "emergency": False, "tag": "plain"}) + "\n")
    r = run_cli("eval", str(path))
    assert r.returncode == 0 and "\n1 case: 1 answerable" in r.stdout and "answer hit" in r.stdout


def test_a_pdf_is_named_as_such(tmp_path):
    path = tmp_path / "label.txt"  # the bytes decide, not the name
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    r = run_cli("ask", "--corpus", str(path), "half-life")
    assert r.returncode == 2 and "PDF is not supported; convert it to text first" in r.stderr
    assert "pdftotext -layout label.txt label-text.txt" in r.stderr  # the suggestion never writes over the PDF


def test_an_empty_file_or_a_document_without_passages_in_a_folder_is_skipped_with_a_warning(tmp_path):
    shutil.copy(DATA / "tiny-monograph.md", tmp_path / "tiny.md")
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "heading.md").write_text("# Only a heading\n")
    warnings: list[str] = []
    index = load_index(tmp_path, warn=warnings.append)
    assert len(index) == len(split_corpus(load_corpus(DATA / "tiny-monograph.md")))
    assert len(warnings) == 2 and "empty.md: is empty" in warnings[0] and "heading.md: no passages" in warnings[1]
    r = run_cli("ask", "--corpus", str(tmp_path), "side effects")
    assert r.returncode == 0 and r.stderr.count("warning: ") == 2


def test_the_json_contract_keeps_every_field(baclofen_index):
    from .conftest import ANSWER_KEYS

    assert set(to_json(answer("side effects", baclofen_index))) == ANSWER_KEYS
    assert MONOGRAPHS.exists()


def test_a_labels_boxed_warning_is_a_banner_above_any_answer_from_it():
    """FDA labels' boxed warnings (corpus/labels/enbrel.md has one) come first in every front end."""
    from bot.loading import load_index
    from bot.render import render_terminal, to_json
    from bot.slack.blocks import to_blocks

    from .conftest import ROOT

    ix = load_index(ROOT / "corpus" / "labels" / "enbrel.md")
    a = answer("What is the dose for plaque psoriasis?", ix)
    assert a.answered and a.boxed_warning.title == "WARNING: SERIOUS INFECTIONS and MALIGNANCIES"
    assert a.boxed_warning.citation.startswith("ENBREL (etanercept): FDA label sections › BOXED WARNING")
    assert a.text.startswith("⚠ Boxed warning: WARNING: SERIOUS INFECTIONS and MALIGNANCIES")
    assert render_terminal(a).startswith("⚠ Boxed warning:")
    assert to_json(a)["boxed_warning"]["passage_id"] == a.boxed_warning.passage_id
    first = to_blocks(a)["blocks"][0]["text"]["text"]
    assert first.startswith("*⚠ Boxed warning: WARNING: SERIOUS INFECTIONS and MALIGNANCIES")
    plain = answer("What is the dose for plaque psoriasis?", load_index(ROOT / "corpus" / "labels" / "dupixent.md"))
    assert plain.answered and plain.boxed_warning is None and to_json(plain)["boxed_warning"] is None
    emergency = answer("I injected Enbrel and now my throat is swelling and I can't breathe", ix)
    assert emergency.text.startswith(emergency.safety_notice)  # the emergency notice stays first of all


def test_citations_carry_the_documents_revision_date():
    from bot.loading import load_index

    from .conftest import ROOT

    ix = load_index(ROOT / "corpus" / "labels" / "enbrel.md")
    assert all(p.citation.endswith("(revised 2026-01-08)") for p in ix.passages)


def test_a_follow_ups_answer_says_its_own_new_words(baclofen_index):
    """'What about breastfeeding?' after a half-life question answers about breastfeeding, not the half-life again."""
    a = answer("what about breastfeeding?", baclofen_index, ("what is the half-life of baclofen",))
    assert a.answered and "breast milk" in a.extract.text


def test_a_follow_ups_answer_opens_with_its_own_new_words(baclofen_index):
    """"What about breastfeeding?" after a pregnancy question: the breast-milk sentence leads, not the
    pregnancy sentence before it in the same passage."""
    a = answer("What about breastfeeding?", baclofen_index, ("Is baclofen safe during pregnancy?",))
    assert a.extract.text.startswith("Very small quantities of baclofen can be passed to babies through breast milk")


def test_a_duration_in_words_is_a_duration():
    from bot.extract import wanted

    asks = wanted("how long until it works?")
    assert asks.search("It may take several days for baclofen to first take effect.")
    assert asks.search("for a few weeks") and asks.search("one to two hours")
    assert not asks.search("Baclofen is a muscle relaxant.")


def test_a_question_of_framing_words_is_ranked_by_what_its_kind_asks_for(baclofen_index):
    """"how does baclofen work?" has no topic word to rank by: a passage saying how it acts comes before the
    side-effect list that repeats "effects"."""
    a = answer("how does baclofen work?", baclofen_index)
    assert a.answered and "side effects of baclofen may include" not in a.extract.text


def test_two_sentences_stay_together_when_the_second_says_what_the_question_asks_for():
    # "how often" wants a schedule: the answer's first sentence names the infusion, its second the schedule; another
    # passage's sentence on premedication does not split them
    from .conftest import label_index

    reply = answer("how often do avsola infusions happen?", label_index("avsola"))
    assert "every 8 weeks" in reply.extract.text and reply.extract.also is None


def test_a_second_passages_sentence_must_say_one_of_the_questions_topics(baclofen_index):
    # the interaction sentence answers; "It may take several days for baclofen to first take effect" scores near it on
    # the drug's name alone and says nothing of the other drug or of taking them together
    for question in ("is ibuprofen ok to take alongside baclofen?", "is it safe to mix baclofen and advil"):
        reply = answer(question, baclofen_index)
        assert "may interact with" in reply.extract.text and reply.extract.also is None, question


def test_a_short_sentence_leading_into_a_list_takes_no_second_passages_sentence(tmp_path):
    # "Signs of tiredness may include: yawning." (under eight words) is half a statement: no other passage's sentence
    # is set beside it as if the two answered alike
    (tmp_path / "drugx.md").write_text(
        '---\ntitle: "Drugx tablets: patient leaflet"\n---\n# Drugx tablets: patient leaflet\n\n'
        "## Common side effects\n\nSigns of tiredness may include: yawning.\n\n"
        "## Sleep and tiredness\n\nTiredness with drugx is common in the first week and most people find that their "
        "tiredness fades after that.\n\n## Storage\n\nKeep drugx tablets at room temperature away from light and "
        "moisture, out of the reach of children.\n", encoding="utf-8")
    reply = answer("does drugx cause tiredness", load_index(tmp_path / "drugx.md"))
    assert reply.extract.text == "Signs of tiredness may include: yawning." and len(reply.passages) == 2
    assert reply.extract.also is None


def test_an_emergency_shows_what_the_label_says_of_it_in_its_own_words_after_what_to_do():
    # the label's urgent passage comes first; then, with room, the passages naming what is happening in the label's
    # clinical words ("hypersensitivity", "anaphylaxis"), not statistics tables
    from .conftest import label_index

    index = label_index("wezlana")
    for message in ("got my wezlana shot an hour ago, now my throat is tight and I'm flushed and short of breath",
                    "right after my wezlana injection my lips puffed up and I can hardly breathe"):
        reply = answer(message, index)
        assert reply.safety_notice and reply.pinned == 1, message
        ids = [h.passage.id for h in reply.passages]
        assert len(ids) > 1 and ids[0] == "wezlana:6-3-postmarketing-experience:1", message
        assert all("hypersensitivity" in h.passage.text.lower() for h in reply.passages), message
        assert reply.extract.passage_id == ids[0] and reply.extract.also is None, message


@pytest.mark.parametrize("question", ["How slowly should I stop taking baclofen?",
                                      "how slowly do I taper off baclofen"])
def test_how_slowly_asks_a_duration_like_how_quickly(baclofen_index, question):
    from bot.extract import wanted

    assert wanted(question).pattern == wanted("how quickly does it work?").pattern
    assert wanted("I've been thinking slowly since starting it, is that a side effect?") != wanted(question)
    reply = answer(question, baclofen_index)
    assert "1-2 weeks" in reply.extract.whole or "gradually over time" in reply.extract.whole


def test_only_an_allergic_emergency_adds_the_passages_naming_it(baclofen_index):
    # a seizure's words name the drug's history too ("only minimally successful in the treatment of seizures"): the
    # reply keeps to what to do
    reply = answer("my mum is having a seizure right now", baclofen_index)
    assert reply.safety_notice
    assert all("minimally successful" not in h.passage.text for h in reply.passages)
