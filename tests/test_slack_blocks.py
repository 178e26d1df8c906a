"""Block Kit rendering: the same Answer as the REPL's, inside Slack's limits, with nothing left live."""

from __future__ import annotations

import json

import pytest

from bot import DISCLAIMER, answer
from bot.models import Answer
from bot.safety import EMERGENCY_NOTICE
from bot.slack.blocks import (
    SLACK_BLOCK_LIMIT,
    SLACK_SECTION_LIMIT,
    clip,
    slack_escape,
    to_blocks,
    to_notice_blocks,
)
from corpus import Passage
from index import Hit

HOSTILE = "<!channel> <!here|here> <@U123> <https://evil.example|click> @channel @here @everyone & co"


def texts(message: dict) -> list[str]:
    """Every text Slack would render from a message: sections, context elements, button labels."""
    out = [message["text"]]
    for block in message["blocks"]:
        if "text" in block:
            out.append(block["text"]["text"])
        for element in block.get("elements", []):
            out.append(element["text"] if element["type"] == "mrkdwn" else element["text"]["text"])
    return out


def assert_inert(message: dict) -> None:
    """No Slack markup anywhere in the payload, and no broadcast word in anything rendered."""
    payload = json.dumps(message, ensure_ascii=False)
    for live in ("<!channel>", "<!here", "<@U123>", "<https://"):
        assert live not in payload, live
    rendered = "\n".join(texts(message))
    for word in ("@channel", "@here", "@everyone"):
        assert word not in rendered, word


def test_an_answer_renders_its_passages_citations_and_disclaimer(baclofen_index):
    reply = answer("What is the half-life of baclofen?", baclofen_index)
    message = to_blocks(reply)
    blocks = message["blocks"]
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert sections[0] == f"*{reply.extract.text}*\n— {slack_escape(reply.extract.citation)}"  # the answer first
    sections = sections[1:]
    assert len(sections) == len(reply.passages) >= 1
    for n, (section, hit) in enumerate(zip(sections, reply.passages), 1):
        assert section.startswith(f"*[{n}]* ")
        assert section.endswith("— " + slack_escape(hit.passage.citation))
        assert "&amp;" in section and " & " not in section  # the citation's "Side Effects & Uses", escaped
    assert blocks[-2] == {"type": "context", "elements": [{"type": "mrkdwn", "text": DISCLAIMER}]}
    assert [e["action_id"] for e in blocks[-1]["elements"]] == ["feedback_helpful", "feedback_not_helpful"]
    assert "3-4 hours" in message["text"] and message["text"].endswith(DISCLAIMER)


def test_the_safety_notice_comes_first(baclofen_index):
    reply = answer("I took too many pills and can't breathe", baclofen_index)
    assert reply.safety_notice
    first = to_blocks(reply, restate=True)["blocks"][0]
    assert first["type"] == "section" and first["text"]["text"] == slack_escape(reply.safety_notice)


def test_notes_and_follow_up_searches_are_shown(baclofen_index):
    reply = answer("What about breastfeeding?", baclofen_index, ("Is baclofen safe during pregnancy?",))
    shown = texts(to_blocks(reply))
    assert f"Searching for: {slack_escape(reply.query)}" in shown and "pregnancy" in reply.query
    declined = answer("What is the capital of France?", baclofen_index)
    assert not declined.answered and slack_escape(declined.notes[-1]) in texts(to_blocks(declined))


def test_restating_escapes_the_question(baclofen_index):
    message = to_blocks(answer(HOSTILE + " half-life?", baclofen_index), restate=True)
    assert_inert(message)
    assert message["blocks"][0]["text"]["type"] == "plain_text"
    assert message["blocks"][0]["text"]["text"].startswith("You asked: &lt;!channel&gt; &lt;!here|here&gt;")
    assert message["text"].startswith("You asked: &lt;!channel&gt;")


def test_the_restated_question_shows_markdown_as_typed(baclofen_index):
    """Slack mrkdwn has no escape for *, _, ~ or backticks: the restatement is plain text, shown as typed."""
    typed = "*bold* _it_ ~gone~ `code` ```block``` > quote\n> more half-life?"
    [restated] = [b for b in to_blocks(answer(typed, baclofen_index), restate=True)["blocks"]
                  if "You asked" in b.get("text", {}).get("text", "")]
    assert restated["text"] == {"type": "plain_text", "emoji": False,
                                "text": "You asked: " + typed.replace(">", "&gt;")}


def _hit(n: int, text: str, section: str = "Section") -> Hit:
    return Hit(Passage(f"doc:s:{n}", "A document & its <title>", tuple(section.split(" › ")) if section else (), text, n), 1.0 / n, ("x",))


def test_a_huge_answer_stays_within_slack_limits():
    hits = tuple(_hit(n, f"{HOSTILE} " + "word " * 2_000, section="S" * 5_000) for n in range(1, 61))
    huge = Answer(HOSTILE * 300, "q", True, hits, "Notice " + HOSTILE, DISCLAIMER, "x" * 100_000,
                  notes=tuple(f"note {HOSTILE}" for _ in range(10)))
    message = to_blocks(huge, restate=True)
    blocks = message["blocks"]
    assert len(blocks) == SLACK_BLOCK_LIMIT
    assert all(len(t) <= SLACK_SECTION_LIMIT for t in texts(message))
    assert blocks[0]["text"]["text"].startswith("Notice")  # the notice is never the part that is dropped
    assert blocks[-2]["elements"][0]["text"] == DISCLAIMER and blocks[-1]["type"] == "actions"
    assert blocks[-3]["elements"][0]["text"] == "Answering from: A document &amp; its &lt;title&gt;"  # the footer
    assert "more passages not shown" in blocks[-4]["elements"][0]["text"]
    assert all(len(e["value"]) <= 2000 for e in blocks[-1]["elements"])
    assert message["text"].endswith(DISCLAIMER)
    assert_inert(message)


def test_a_long_passage_keeps_its_citation():
    message = to_blocks(Answer("q", "q", True, (_hit(1, "long & " * 1_000),), None, DISCLAIMER, ""))
    section = message["blocks"][0]["text"]["text"]
    assert len(section) <= SLACK_SECTION_LIMIT and "…\n— A document &amp; its &lt;title&gt;" in section


@pytest.mark.parametrize("text,limit,expected", [
    ("short", 10, "short"),
    ("a &amp; b", 5, "a…"),  # never half an entity
    ("abcdef", 4, "abc…"),
])
def test_clip(text, limit, expected):
    assert clip(text, limit) == expected


def test_feedback_value_carries_the_question_back(baclofen_index):
    reply = answer("<!here> What is the half-life?", baclofen_index)
    value = to_blocks(reply)["blocks"][-1]["elements"][0]["value"]
    assert "<" not in value
    assert json.loads(value) == {"q": reply.question, "p": [h.passage.id for h in reply.passages], "a": True}


def test_the_apology_carries_the_disclaimer():
    message = to_notice_blocks("Sorry <@U1>")
    assert message["blocks"][-1]["elements"][0]["text"] == DISCLAIMER and message["text"].endswith(DISCLAIMER)
    assert "&lt;@U1&gt;" in message["blocks"][0]["text"]["text"]


@pytest.mark.parametrize("question", [
    "ran out of baclofen two days ago and now hes confused and his heart is racing",  # what the article calls urgent
    "my son swalowed a bunch of my baclofin",  # corrected, so a "Searching for" line is shown too
])
def test_the_notice_is_the_first_block_whatever_else_is_shown(baclofen_index, question):
    reply = answer(question, baclofen_index)
    for restate in (False, True):
        message = to_blocks(reply, restate=restate)
        assert message["blocks"][0] == {"type": "section", "text": {"type": "mrkdwn",
                                                                     "text": slack_escape(EMERGENCY_NOTICE)}}
        assert message["text"].startswith(slack_escape(EMERGENCY_NOTICE)) or restate
