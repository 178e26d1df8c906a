"""What a user installs matches what the code does: manifests, .env.example and the settings read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.slack.settings import DEFAULT_COMMAND, load_settings, read_env_file
from bot.slack.web import EVENTS_PATH

ROOT = Path(__file__).resolve().parent.parent
MANIFESTS = {mode: json.loads((ROOT / "bot" / "slack" / "manifests" / f"{mode}.json").read_text()) for mode in ("socket", "http")}
# each scope, and the part of the bot that needs it
SCOPES = {
    "app_mentions:read": "the app_mention event",
    "im:history": "the message.im event, and reading a DM thread back",
    "channels:history": "reading a public channel's thread back (conversations.replies)",
    "groups:history": "reading a private channel's thread back (conversations.replies)",
    "chat:write": "posting answers",
    "commands": "the slash command",
}


@pytest.mark.parametrize("mode", MANIFESTS)
def test_manifest_asks_for_exactly_what_the_bot_uses(mode):
    manifest = MANIFESTS[mode]
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(SCOPES)
    assert manifest["oauth_config"]["scopes"].keys() == {"bot"}  # no user scopes
    events = manifest["settings"]["event_subscriptions"]
    assert events["bot_events"] == ["app_mention", "message.im"]  # not message.channels: no double deliveries
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
    settings = load_settings(env, http=True, environ={})
    assert settings.api_url is None and settings.command == DEFAULT_COMMAND
    assert settings.feedback_log == Path("var/feedback.jsonl")
