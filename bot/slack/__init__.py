"""Slack: the same answers in a workspace, through Bolt.

This room holds the app factory and its runners (Socket Mode; HTTP under gunicorn with
its settings and hooks), the WSGI guard in front of Bolt, the event and command
handlers, the work queue that answers behind the acknowledgement, delivery with
retries, Block Kit rendering with Slack's escaping and limits, the settings read from
the environment, the dedupe claims (in memory or Redis) and the feedback log, and the
app manifests. It imports the answering core (``bot.core``, ``bot.models``,
``bot.loading``) and never another front end; ``slack_bolt``, ``slack_sdk``,
``dotenv``, ``gunicorn`` and ``redis`` enter the project only here.
"""

from .app import build_app, run_slack
from .settings import Options

__all__ = ["Options", "build_app", "run_slack"]
