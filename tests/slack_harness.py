"""What the Slack tests share: a harness around the Bolt app and the fake Web API, and helpers.

A helper module, not a test module: test modules import it (and conftest.py its fixtures'
pieces), never each other.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.slack.work import WorkQueue

from .slack_fake import FakeSlack, event_body, signed_post

FORM = "application/x-www-form-urlencoded"


@dataclass
class Harness:
    fake: FakeSlack
    url: str
    app: object
    queue: WorkQueue
    feedback_log: Path

    def send(self, event: dict, event_id: str | None = None, headers: dict | None = None) -> tuple[int, str]:
        return signed_post(self.url, json.dumps(event_body(event, event_id)), headers=headers)

    def settle(self) -> None:
        """Wait for every answer already started to finish, so 'nothing more was posted' is a fact."""
        assert self.queue.wait_idle(15)

    def posts(self) -> list[dict]:
        return self.fake.calls_to("chat.postMessage")



def rendered(post: dict) -> str:
    parts = [post["text"]]
    for block in post["blocks"]:
        parts.append(block.get("text", {}).get("text", ""))
        parts.extend(e.get("text", "") for e in block.get("elements", []) if e.get("type") == "mrkdwn")
    return "\n".join(parts)


def slack_cli(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m bot slack ...`` with no Slack variables inherited from the machine."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_") and "proxy" not in k.lower()}
    return subprocess.run([sys.executable, "-m", "bot", "slack", *args], capture_output=True, text=True,
                          timeout=60, cwd=cwd, env={**clean, **(env or {})})
