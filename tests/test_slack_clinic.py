"""Issue 16's acceptance: Slack for a clinic, end to end with signed events and the fake Slack.

Follow-ups without a mention in the bot's own threads (and nothing elsewhere), a monograph per
channel, 👀 while answering, the boxed-warning banner first, "Ask a pharmacist", the Home tab.
"""

from __future__ import annotations

import json
import threading

import pytest

from bot import DISCLAIMER, answer
from bot.slack.app import build_app
from bot.slack.blocks import slack_escape
from bot.slack.channels import load_corpora
from bot.slack.delivery import web_client
from bot.slack.settings import ConfigError, Settings
from bot.slack.web import EVENTS_PATH, SlackWeb
from bot.slack.work import WorkQueue

from .conftest import MONOGRAPHS, ROOT
from .slack_fake import (
    BOT_USER,
    SECRET,
    FakeSlack,
    button_click,
    mention,
    serve_wsgi,
    signed_post,
)
from .slack_harness import FORM, Harness, rendered, slack_cli

ENBREL = ROOT / "corpus" / "labels" / "enbrel.md"
LIPITOR = MONOGRAPHS / "lipitor-patient-information.md"
PHARMACY = "CPHARMACY"


@pytest.fixture(scope="module")
def channel_map(tmp_path_factory):
    path = tmp_path_factory.mktemp("clinic") / "channels.toml"
    path.write_text(f'# two teams, two labels\n[channels]\nCDERM = "{ENBREL}"\nCLIPID = "{LIPITOR}"\n')
    return path


@pytest.fixture(scope="module")
def corpora(channel_map, baclofen_index):
    return load_corpora(baclofen_index, channel_map)


@pytest.fixture
def make_slack(corpora, tmp_path, no_proxy):
    made = []

    def make(**settings) -> Harness:
        fake = FakeSlack()
        config = Settings(bot_token="xoxb-test", signing_secret=SECRET, api_url=fake.api_url,
                          feedback_log=tmp_path / "feedback.jsonl", **settings)
        queue = WorkQueue(log_questions=config.log_questions)
        app = build_app(config, web_client(config.bot_token, fake.api_url), queue=queue, corpora=corpora)
        server, port = serve_wsgi(SlackWeb(app, SECRET))
        made.append((fake, server, queue))
        return Harness(fake, f"http://127.0.0.1:{port}{EVENTS_PATH}", app, queue, config.feedback_log)

    yield make
    for fake, server, queue in made:
        server.shutdown()
        server.server_close()
        queue.drain(5)
        fake.close()


@pytest.fixture
def clinic(make_slack):
    return make_slack(escalation_channel=PHARMACY)


def channel_message(text: str, ts: str, channel: str = "C1", thread_ts: str | None = None, user: str = "UALICE") -> dict:
    event = {"type": "message", "channel_type": "channel", "user": user, "text": text, "ts": ts, "channel": channel,
             "event_ts": ts}
    return {**event, "thread_ts": thread_ts} if thread_ts else event


def ask(slack: Harness, text: str, channel: str = "C1") -> tuple[str, dict]:
    """A mention at the top of a channel, answered in its thread: (the question's ts, the answer)."""
    ts = slack.fake.add_message(channel, f"<@{BOT_USER}> {text}")
    slack.send(mention(text, ts, channel=channel))
    post = slack.fake.wait_for(lambda: [p for p in slack.posts() if p.get("thread_ts") == ts])[0]
    return ts, post


def test_a_follow_up_without_a_mention_is_answered_until_someone_says_stop(clinic, baclofen_index):
    top, first = ask(clinic, "Is baclofen safe during pregnancy?")
    follow = clinic.fake.add_message("C1", "what about breastfeeding?", thread_ts=top)
    clinic.send(channel_message("what about breastfeeding?", follow, thread_ts=top))
    second = clinic.fake.wait_calls("chat.postMessage", 2)[1]
    assert second["thread_ts"] == top
    expected = answer("what about breastfeeding?", baclofen_index, ("Is baclofen safe during pregnancy?",))
    assert "pregnancy" in expected.query and f"Searching for: {slack_escape(expected.query)}" in rendered(second)

    for text in ("<@UBOB> can you check this?", "<!here> anyone around?"):  # addressed to someone else
        clinic.send(channel_message(text, clinic.fake.add_message("C1", text, thread_ts=top), thread_ts=top))
    stop = clinic.fake.add_message("C1", "stop", thread_ts=top)
    clinic.send(channel_message("stop", stop, thread_ts=top))
    notice = clinic.fake.wait_calls("chat.postMessage", 3)[2]
    assert "stop answering follow-ups" in notice["text"] and notice["thread_ts"] == top
    after = clinic.fake.add_message("C1", "and an overdose?", thread_ts=top)
    clinic.send(channel_message("and an overdose?", after, thread_ts=top))
    clinic.settle()
    assert len(clinic.posts()) == 3  # nothing for the others, nothing after stop

    again = clinic.fake.add_message("C1", f"<@{BOT_USER}> what about overdose?", thread_ts=top)
    clinic.send(channel_message(f"<@{BOT_USER}> what about overdose?", again, thread_ts=top))  # message.channels first
    clinic.send(mention("what about overdose?", again, thread_ts=top))  # the same message as app_mention
    clinic.fake.wait_calls("chat.postMessage", 4)
    clinic.settle()
    assert len(clinic.posts()) == 4  # a mention is still answered after stop, once


def test_nothing_is_answered_outside_the_bots_threads(make_slack, caplog):
    caplog.set_level("INFO")
    slack = make_slack(log_questions=True)
    top = slack.fake.add_message("C1", "Is baclofen safe during pregnancy?")  # the bot never answered here
    reply = slack.fake.add_message("C1", "what about breastfeeding?", thread_ts=top)
    slack.send(channel_message("what about breastfeeding?", reply, thread_ts=top))
    slack.send(channel_message("What is the half-life?", slack.fake.add_message("C1", "What is the half-life?")))
    group = {**channel_message("What is the half-life?", "1700009999.000100", channel="G1"), "channel_type": "group"}
    slack.send(group)
    slack.settle()
    assert slack.posts() == []
    assert [c["ts"] for c in slack.fake.calls_to("conversations.replies")] == [top]  # it looked, and stayed out
    assert "outcome=skipped" in caplog.text and "breastfeeding" not in caplog.text  # chatter is never logged


def test_follow_ups_can_be_turned_off_and_no_escalation_means_no_button(make_slack):
    slack = make_slack(thread_followups=False)
    top, first = ask(slack, "Is baclofen safe during pregnancy?")
    assert [e["action_id"] for e in first["blocks"][-1]["elements"]] == ["feedback_helpful", "feedback_not_helpful"]
    follow = slack.fake.add_message("C1", "what about breastfeeding?", thread_ts=top)
    slack.send(channel_message("what about breastfeeding?", follow, thread_ts=top))
    slack.settle()
    assert len(slack.posts()) == 1


def test_each_channel_answers_from_its_own_monograph_and_a_boxed_warning_comes_first(clinic):
    question = "What are the side effects?"
    _, derm = ask(clinic, question, channel="CDERM")
    _, lipid = ask(clinic, question, channel="CLIPID")
    _, default = ask(clinic, question, channel="C1")
    footer = lambda post: [b["elements"][0]["text"] for b in post["blocks"] if b["type"] == "context"
                           and b["elements"][0]["text"].startswith("Answering from:")]
    assert footer(derm) == ["Answering from: ENBREL (etanercept): FDA label sections"]
    assert footer(lipid) == ["Answering from: LIPITOR (atorvastatin calcium) tablets: Patient Information"]
    assert footer(default) == ["Answering from: Baclofen Side Effects &amp; Uses in Addiction Treatment"]
    banner = derm["blocks"][0]["text"]["text"]
    assert banner.startswith("*") and "WARNING: SERIOUS INFECTIONS and MALIGNANCIES" in banner
    assert "BOXED WARNING" in banner  # its citation, to the warning's own section
    assert "etanercept" in rendered(derm).lower() and "atorvastatin" not in rendered(derm).lower()
    assert "WARNING:" not in lipid["blocks"][0]["text"]["text"] and "atorvastatin" in rendered(lipid).lower()


def test_the_eyes_are_on_the_question_while_it_is_answered(clinic, monkeypatch):
    release, real = threading.Event(), answer

    def slow(*args, **kwargs):  # an answer that takes as long as the test says (over 2 s in life)
        assert release.wait(15)
        return real(*args, **kwargs)

    monkeypatch.setattr("bot.slack.handlers.answer", slow)
    ts = clinic.fake.add_message("C1", f"<@{BOT_USER}> What is the half-life?")
    clinic.send(mention("What is the half-life?", ts))
    [added] = clinic.fake.wait_calls("reactions.add")
    assert (added["channel"], added["timestamp"], added["name"]) == ("C1", ts, "eyes")
    assert clinic.fake.calls_to("reactions.remove") == [] and clinic.posts() == []  # still working, still shown
    release.set()
    [removed] = clinic.fake.wait_calls("reactions.remove")
    assert (removed["channel"], removed["timestamp"], removed["name"]) == ("C1", ts, "eyes")
    order = [name for name, _ in clinic.fake.calls if name.startswith(("reactions.", "chat.postMessage"))]
    assert order == ["reactions.add", "chat.postMessage", "reactions.remove"]


def test_a_refused_reaction_does_not_stop_the_answer(clinic):
    clinic.fake.errors["reactions.add"] = "missing_scope"
    _, post = ask(clinic, "What is the half-life?")
    assert "3-4 hours" in rendered(post)


def test_ask_a_pharmacist_posts_to_the_escalation_channel(clinic):
    question = "Is baclofen safe during pregnancy?"
    top, post = ask(clinic, question)
    assert [e["action_id"] for e in post["blocks"][-1]["elements"]][-1] == "escalate"
    message = next(m for m in clinic.fake.channels["C1"] if m.get("bot_id") and m.get("thread_ts") == top)
    click = button_click(clinic.fake, {**message, "type": "message"}, "escalate")
    assert signed_post(clinic.url, click, content_type=FORM)[0] == 200
    escalated = clinic.fake.wait_for(lambda: [p for p in clinic.posts() if p["channel"] == PHARMACY])[0]
    shown = rendered(escalated)
    assert "<@UALICE>" in shown and "<#C1>" in shown and question in shown
    assert "pregnan" in shown.split("The bot's answer:")[1]  # the answer itself
    [link] = clinic.fake.calls_to("chat.getPermalink")
    assert (link["channel"], link["message_ts"]) == ("C1", message["ts"])
    assert f"archives/C1/p{message['ts'].replace('.', '')}?thread_ts={top}" in shown
    [told] = clinic.fake.wait_calls("response_url")
    assert told["response_type"] == "ephemeral" and f"passed on to a pharmacist in <#{PHARMACY}>" in told["text"]


def test_the_home_tab_names_the_documents_per_channel(clinic):
    clinic.send({"type": "app_home_opened", "user": "UALICE", "channel": "D1", "tab": "home", "event_ts": "1.2"})
    [published] = clinic.fake.wait_calls("views.publish")
    view = published["view"] if isinstance(published["view"], dict) else json.loads(published["view"])
    assert published["user_id"] == "UALICE" and view["type"] == "home"
    text = json.dumps(view, ensure_ascii=False)
    assert "Baclofen Side Effects &amp; Uses" in text
    assert "<#CDERM>: *ENBREL (etanercept): FDA label sections*" in text and "<#CLIPID>" in text
    examples = next(b["text"]["text"] for b in view["blocks"] if "Try asking" in b.get("text", {}).get("text", ""))
    assert examples.count("\n• ") == 3
    assert DISCLAIMER in text and PHARMACY in text
    clinic.send({"type": "app_home_opened", "user": "UALICE", "channel": "D1", "tab": "messages", "event_ts": "1.3"})
    clinic.settle()
    assert len(clinic.fake.calls_to("views.publish")) == 1  # the Messages tab needs nothing


@pytest.mark.parametrize("content,needle", [
    ('[channels]\nC0123ABCD = "corpus/labels/enbrel.md"\n\n[extra]\nx = 1\n', 'line 4: unknown key "extra"'),
    ('# map\n[channels]\nC0123ABCD = "enbrel.md"\nC0456EFGH = "nowhere.md"\n', "line 4: C0456EFGH: corpus nowhere.md does not exist"),
    ('[channels]\n\n"derm-pharmacy" = "enbrel.md"\n', 'line 3: unknown key "derm-pharmacy": use the channel id'),
    ('[channels]\nC0123ABCD = \n', r"not valid TOML: .*line 2"),
])
def test_a_bad_channel_map_names_the_line(tmp_path, baclofen_index, content, needle):
    (tmp_path / "enbrel.md").write_text(ENBREL.read_text())
    path = tmp_path / "channels.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=needle):
        load_corpora(baclofen_index, path)


def test_the_command_stops_at_a_bad_channel_map(tmp_path):
    (tmp_path / "channels.toml").write_text('[channels]\nC0123ABCD = "corpus/labels/enbrel.md"\nC0456EFGH = "missing.md"\n')
    r = slack_cli("--http", cwd=tmp_path, env={"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
                                               "CHANNEL_CORPORA": "channels.toml",
                                               "SLACK_API_URL": "http://127.0.0.1:9/api/"})
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.splitlines()[-1].startswith("error: channels.toml, line 2: C0123ABCD: corpus corpus/labels/enbrel.md")
