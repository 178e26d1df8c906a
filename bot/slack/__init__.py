"""Slack: the same answers in a workspace, through Bolt.

This room holds the app factory and its runners (Socket Mode, HTTP), the event and
command handlers, Block Kit rendering with Slack's escaping and limits, the settings read
from the environment, the dedupe and feedback state, and the app manifests. It imports
the answering core (``bot.core``, ``bot.models``, ``bot.loading``) and never another
front end; ``slack_bolt``, ``slack_sdk`` and ``dotenv`` enter the project only here.
"""

from .app import build_app, run_slack

__all__ = ["build_app", "run_slack"]
