"""What a user installs matches what the code does: manifests, .env.example and the settings read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.slack.settings import DEFAULT_COMMAND, load_settings, read_env_file
from bot.slack.web import EVENTS_PATH

from .conftest import ROOT

MANIFESTS = {mode: json.loads((ROOT / "bot" / "slack" / "manifests" / f"{mode}.json").read_text()) for mode in ("socket", "http")}
SLACK = ROOT / "bot" / "slack"
# Slack's documented needs (api.slack.com/methods, /events): the scopes of each Web API method the bot
# calls, and the subscriptions and scopes behind each event it listens to. A new call or event that is
# not in these tables fails the test below, so the manifests cannot drift from the code.
METHOD_SCOPES = {
    "auth_test": set(),  # learning the bot's own id at start-up
    "chat_postMessage": {"chat:write"},  # answers, the stop notice, the escalation post
    "conversations_replies": {"channels:history", "groups:history", "im:history"},  # threads read back
    "reactions_add": {"reactions:write"},  # 👀 while answering
    "reactions_remove": {"reactions:write"},
    "chat_getPermalink": set(),  # the thread's link in an escalation
    "views_publish": set(),  # the Home tab
}
EVENT_SUBSCRIPTIONS = {  # event a listener is registered for -> {subscription in the manifest: its scope}
    "app_mention": {"app_mention": "app_mentions:read"},
    "message": {"message.im": "im:history", "message.channels": "channels:history",
                "message.groups": "groups:history"},  # DMs, and follow-ups in public and private channels
    "app_home_opened": {"app_home_opened": None},
}
FAMILIES = ("auth", "chat", "conversations", "reactions", "views", "users", "apps", "assistant")


def needs() -> tuple[set[str], set[str]]:
    """(scopes, event subscriptions) the code under bot/slack needs, from its calls and listeners."""
    source = "\n".join(p.read_text() for p in SLACK.glob("*.py"))
    methods = {m for m in re.findall(r"\.([a-z]+_[A-Za-z]+)\b", source) if m.split("_")[0] in FAMILIES}
    assert methods <= METHOD_SCOPES.keys(), f"calls with no known scope here: {methods - METHOD_SCOPES.keys()}"
    assert {"chat_postMessage", "reactions_add", "views_publish", "chat_getPermalink"} <= methods
    events = set(re.findall(r'app\.event\("(\w+)"', source))
    assert events <= EVENT_SUBSCRIPTIONS.keys(), events
    scopes = set().union(*(METHOD_SCOPES[m] for m in methods)) | {"commands"}  # app.command: the slash command
    subscriptions = {name for e in events for name in EVENT_SUBSCRIPTIONS[e]}
    scopes |= {scope for e in events for scope in EVENT_SUBSCRIPTIONS[e].values() if scope}
    return scopes, subscriptions


def test_the_readme_names_every_scope_and_event():
    readme = (ROOT / "README.md").read_text()
    scopes, subscriptions = needs()
    for name in scopes | subscriptions | {"home_tab_enabled"}:
        assert f"`{name}`" in readme, name


@pytest.mark.parametrize("mode", MANIFESTS)
def test_manifest_asks_for_exactly_what_the_bot_uses(mode):
    manifest = MANIFESTS[mode]
    scopes, subscriptions = needs()
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(scopes)
    assert manifest["oauth_config"]["scopes"].keys() == {"bot"}  # no user scopes
    events = manifest["settings"]["event_subscriptions"]
    assert sorted(events["bot_events"]) == sorted(subscriptions)
    assert manifest["features"]["app_home"]["home_tab_enabled"]  # views.publish needs the Home tab on
    assert manifest["settings"]["interactivity"]["is_enabled"]  # the feedback buttons
    [command] = manifest["features"]["slash_commands"]
    assert command["command"] == DEFAULT_COMMAND
    assert manifest["features"]["app_home"]["messages_tab_enabled"]  # people can DM the bot
    assert not manifest["features"]["app_home"]["messages_tab_read_only_enabled"]
    urls = [command.get("url"), events.get("request_url"), manifest["settings"]["interactivity"].get("request_url")]
    if mode == "socket":
        assert manifest["settings"]["socket_mode_enabled"] and urls == [None, None, None]
    else:
        assert not manifest["settings"]["socket_mode_enabled"]
        assert all(url.startswith("https://") and url.endswith(EVENTS_PATH) for url in urls)


def test_env_example_lists_every_variable_the_settings_read():
    source = (ROOT / "bot" / "slack" / "settings.py").read_text()
    read = set(re.findall(r'get\("([A-Z_]+)"', source))
    assert {"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL"} <= read
    example = read_env_file(ROOT / ".env.example")
    assert set(example) == read
    assert (ROOT / ".env.example").read_text().count("\n# ") >= len(read)  # each one explained


def test_env_example_as_copied_is_valid(tmp_path):
    env = tmp_path / ".env"
    env.write_text((ROOT / ".env.example").read_text())
    # every optional value as the example gives it is valid; the secrets are the user's to fill in
    settings = load_settings(env, http=True, environ={"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"})
    assert settings.api_url is None and settings.command == DEFAULT_COMMAND
    assert settings.feedback_log == Path("var/feedback.jsonl")
