"""Settings from the environment and .env: every missing or malformed one named, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.slack.settings import ConfigError, Settings, load_settings
from corpus import BotError

from .slack_harness import slack_cli


def test_http_mode_needs_the_bot_token_and_the_signing_secret():
    settings = load_settings(None, http=True, environ={"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
                                                       "SLACK_API_URL": "http://127.0.0.1:9/api"})
    assert settings == Settings(bot_token="xoxb-1", signing_secret="s", api_url="http://127.0.0.1:9/api/")
    assert not settings.socket_mode and settings.command == "/monograph"
    assert settings.feedback_log == Path("var/feedback.jsonl")
    with pytest.raises(ConfigError) as err:
        load_settings(None, http=True, environ={})
    assert isinstance(err.value, BotError)
    assert "SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET" in str(err.value) and ".env.example" in str(err.value)


def test_socket_mode_needs_the_app_token():
    settings = load_settings(None, http=False, environ={"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"})
    assert settings.socket_mode and settings.signing_secret == ""
    with pytest.raises(ConfigError, match="missing SLACK_APP_TOKEN for Socket Mode"):
        load_settings(None, http=False, environ={"SLACK_BOT_TOKEN": "xoxb-1"})


def test_env_file_is_read_and_the_environment_wins(tmp_path):
    env = tmp_path / "custom.env"
    env.write_text("# comment\nexport SLACK_BOT_TOKEN=xoxb-file\nSLACK_SIGNING_SECRET='from file'\n"
                   "SLACK_COMMAND=/ask\nFEEDBACK_LOG=logs/fb.jsonl\nLOG_LEVEL=debug\n")
    settings = load_settings(env, http=True, environ={"SLACK_BOT_TOKEN": "xoxb-env"})
    assert (settings.bot_token, settings.signing_secret, settings.command) == ("xoxb-env", "from file", "/ask")
    assert settings.feedback_log == Path("logs/fb.jsonl") and settings.log_level == "DEBUG"


@pytest.mark.parametrize("content,needle", [
    (b"SLACK_BOT_TOKEN=xoxb-1\nthis line is not a setting\n", "line 2"),
    (b"SLACK_BOT_TOKEN='unterminated\n", "line 1"),
    (b"\xff\xfe\x00binary", "not UTF-8"),
])
def test_a_malformed_env_file_is_named_not_a_traceback(tmp_path, content, needle):
    env = tmp_path / "bad.env"
    env.write_bytes(content)
    with pytest.raises(ConfigError, match=needle):
        load_settings(env, http=True, environ={})


@pytest.mark.parametrize("name,value", [("SLACK_API_URL", "127.0.0.1:9"), ("SLACK_COMMAND", "monograph"),
                                        ("LOG_LEVEL", "loud")])
def test_malformed_values_are_named(name, value):
    environ = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", name: value}
    with pytest.raises(ConfigError, match=name):
        load_settings(None, http=True, environ=environ)


def test_cli_missing_settings_exit_2_naming_each(tmp_path):
    r = slack_cli("--http", cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr
    assert r.stderr.startswith("error: missing SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET")
    assert ".env.example" in r.stderr
    r = slack_cli(cwd=tmp_path, env={"SLACK_BOT_TOKEN": "xoxb-1"})
    assert r.returncode == 2 and "SLACK_APP_TOKEN" in r.stderr and "SLACK_BOT_TOKEN" not in r.stderr


def test_cli_reads_dot_env_and_reports_a_bad_one(tmp_path):
    (tmp_path / ".env").write_text("SLACK_BOT_TOKEN=xoxb-1\nnot a setting\n")
    r = slack_cli("--http", cwd=tmp_path)
    assert r.returncode == 2 and ".env, line 2" in r.stderr and "Traceback" not in r.stderr
    r = slack_cli("--http", "--env-file", str(tmp_path / "nowhere.env"), cwd=tmp_path)
    assert r.returncode == 2 and "no such settings file" in r.stderr


def test_cli_unreachable_slack_is_a_clear_error(tmp_path):
    env = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": "http://127.0.0.1:9/api/"}
    r = slack_cli("--http", cwd=tmp_path, env=env)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "will be unused" not in r.stderr
    assert r.stderr.splitlines()[-1].startswith("error: cannot reach Slack at http://127.0.0.1:9/api/")


def test_the_production_settings_are_read_and_checked():
    base = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
    settings = load_settings(None, http=True, environ={**base, "REDIS_URL": "redis://:hunter22@127.0.0.1:6379/0",
                                                       "HTTP_WORKERS": "3", "SHUTDOWN_GRACE": "12.5",
                                                       "LOG_QUESTIONS": "1", "FEEDBACK_LOG": "off",
                                                       "HTTP_READ_TIMEOUT": "2"})
    assert (settings.http_workers, settings.shutdown_grace, settings.log_questions) == (3, 12.5, True)
    assert settings.feedback_log is None and settings.read_timeout == 2.0 and "hunter22" in settings.secrets and "hunter22" not in repr(settings)
    assert load_settings(None, http=True, environ=base).redis_url is None
    for name, value in [("HTTP_WORKERS", "0"), ("HTTP_WORKERS", "two"), ("SHUTDOWN_GRACE", "-1"),
                        ("SHUTDOWN_GRACE", "nan"), ("LOG_QUESTIONS", "maybe"), ("REDIS_URL", "http://x"),
                        ("HTTP_READ_TIMEOUT", "0")]:
        with pytest.raises(ConfigError, match=name):
            load_settings(None, http=True, environ={**base, name: value})


def test_env_example_placeholders_are_named_not_sent_to_slack(tmp_path):
    """A .env copied from .env.example and not filled in is caught here, before any call to Slack."""
    from bot.slack.settings import EXAMPLE_PLACEHOLDERS

    example = (Path(__file__).resolve().parent.parent / ".env.example").read_text()
    for name, value in EXAMPLE_PLACEHOLDERS.items():
        assert f"{name}={value}\n" in example  # the check keeps up with the example file
    env = tmp_path / ".env"
    env.write_text(example)
    with pytest.raises(ConfigError, match=r"SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET still hold \.env\.example's placeholders"):
        load_settings(env, http=True, environ={})
    with pytest.raises(ConfigError, match=r"SLACK_APP_TOKEN still holds \.env\.example's placeholder:"):
        load_settings(env, http=False, environ={"SLACK_BOT_TOKEN": "xoxb-1"})
