"""What the Slack bot does with each request: acknowledge at once, answer once, never for a bot.

Listeners run while Slack waits for the acknowledgement (the app is built with
``process_before_response``), so they only claim the request and queue a ``Job``;
``reply`` then composes the answer (or the apology) and posts it, on the queue's
threads, with a 👀 reaction on the question meanwhile. A thread's earlier questions,
and whether the bot follows a thread at all, are read back from Slack rather than kept
here (``threads``), so a restart or another replica loses no conversation.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from datetime import datetime, timezone

from slack_bolt import App, BoltResponse

from ..core import answer
from .blocks import ESCALATE_ACTION, FEEDBACK_ACTIONS, to_blocks, to_notice_blocks
from .channels import Corpora
from .delivery import post_message, post_to_response_url
from .messages import (dig, is_channel_message, is_direct_message, is_from_a_bot, repeat_keys, request_id,
                       retry_number, text_of, to_plain)
from .state import FeedbackLog, Seen
from .threads import followed, is_stop, mentions_bot, mentions_someone_else, questions, read_thread
from .views import STOPPED, escalation_post, home_view, passed_on
from .work import Job, WorkQueue

__all__ = ["SlackBot", "APOLOGY", "retry_number", "to_plain"]

APOLOGY = "Sorry, something went wrong on my side and I could not answer this. Please try again in a moment."
THANKS = "Thanks for the feedback! It is recorded and helps us improve the answers."
THANKS_UNRECORDED = "Thanks for the feedback!"
FEEDBACK_FAILED = "Sorry, your feedback could not be recorded this time."
ESCALATION_FAILED = "Sorry, your question could not be passed on this time. Please try again, or ask a pharmacist directly."
WORKING = "eyes"  # the 👀 reaction on a question while it is being answered

log = logging.getLogger("monograph-bot.slack")


class SlackBot:
    """The listeners of one Bolt app, sharing the indexes, the claims, the feedback log and the work queue."""

    def __init__(self, corpora: Corpora, k: int, feedback: FeedbackLog, queue: WorkQueue, claims=None, *,
                 followups: bool = True, escalation_channel: str | None = None, command: str = "/monograph"):
        self.corpora, self.k, self.feedback, self.queue = corpora, k, feedback, queue
        self.claims = claims if claims is not None else Seen()
        self.followups, self.escalation_channel, self.command = followups, escalation_channel, command

    def register(self, app: App, command: str) -> None:
        self.command = command
        app.middleware(self.skip_repeats)
        app.event("app_mention")(self.on_mention)
        app.event("message", matchers=[is_direct_message])(self.on_direct_message)
        app.event("message", matchers=[is_channel_message])(self.on_channel_message)
        app.event("message")(self.on_other_message)
        app.event("app_home_opened")(self.on_home_opened)
        app.command(command)(self.on_command)
        app.action(re.compile("^(" + "|".join(FEEDBACK_ACTIONS) + ")$"))(self.on_feedback)
        app.action(ESCALATE_ACTION)(self.on_escalate)

    def skip_repeats(self, body: dict, request, next):
        """A retried, repeated or replayed request is acknowledged (so Slack stops) and not answered again.

        Repeats come as retries (X-Slack-Retry-Num > 0), as the same event_id, as one
        message under two subscriptions (a mention is also a channel message), or as a
        slash command or click sent again. Claims go to Redis when replicas share it,
        else to this process's memory.
        """
        keys = repeat_keys(body, request.headers)
        retry = retry_number(request.headers)
        if retry > 0 or (keys and not self.claims.first_time(keys)):
            log.info("event=%s kind=%s outcome=duplicate retry=%d", request_id(body),
                     body.get("type") or ("command" if body.get("command") else "?"), retry)
            return BoltResponse(status=200, body="")
        return next()

    def on_mention(self, body: dict, event: dict, context, client) -> None:
        if not is_from_a_bot(event, context.bot_user_id):
            self._queue_answer(body, event, client, context, event.get("thread_ts") or event.get("ts"))

    def on_direct_message(self, body: dict, event: dict, context, client) -> None:
        if not is_from_a_bot(event, context.bot_user_id):
            self._queue_answer(body, event, client, context, event.get("thread_ts"))

    def on_channel_message(self, body: dict, event: dict, context, client) -> None:
        """A channel message (message.channels, message.groups): a mention, a follow-up in a thread the bot follows, or nothing.

        A message that mentions the bot also comes as ``app_mention``; whichever arrives
        first is answered, as a mention, and the other is a duplicate (same channel and ts).
        """
        text, thread, ts = event.get("text", ""), text_of(event.get("thread_ts")), text_of(event.get("ts"))
        if is_from_a_bot(event, context.bot_user_id):
            return
        if mentions_bot(text, context.bot_user_id):
            self._queue_answer(body, event, client, context, thread or ts)
        elif self.followups and thread and thread != ts and not mentions_someone_else(text, context.bot_user_id):
            self._queue_answer(body, event, client, context, thread, follow_up=True)

    def on_other_message(self) -> None:
        """Edits, joins, bots' messages, channel messages outside a thread: acknowledged, never answered."""

    def _queue_answer(self, body: dict, event: dict, client, context, reply_in: str | None,
                      follow_up: bool = False) -> None:
        channel, ts = text_of(event.get("channel")), text_of(event.get("ts"))
        if not channel or not ts:
            log.info("event=%s kind=%s outcome=rejected reason='no channel or ts'", request_id(body), event.get("type"))
            return
        question, thread = to_plain(event.get("text", "")), text_of(event.get("thread_ts"))
        bot_user_id, bot_id = context.bot_user_id, context.bot_id
        in_channel = event.get("channel_type") != "im"
        index = self.corpora.for_channel(channel)

        def post(message: dict) -> str | None:
            return post_message(client, channel, reply_in, message)

        def work() -> str:
            messages = read_thread(client, channel, thread) if thread and thread != ts else []
            if follow_up and (messages is None or not followed(messages, ts, bot_user_id, bot_id)):
                return "skipped: not a thread the bot follows"
            job.question = question  # chatter the bot skips is never logged, even with LOG_QUESTIONS=1
            if thread and thread != ts and is_stop(question):
                return "stopped" if post(to_notice_blocks(STOPPED)) is None else "not_delivered: the stop notice"
            earlier = questions(messages or [], thread, ts, bot_user_id, bot_id, channel=in_channel,
                                followups=self.followups) if thread else ()
            return self.reply(lambda: to_blocks(answer(question, index, earlier, self.k),
                                                escalate=bool(self.escalation_channel)),
                              post, working=(client, channel, ts))

        job = Job(request_id(body), event.get("type", "?"), question=None if follow_up else question, work=work)
        self.queue.submit(job)

    def on_command(self, ack, body: dict, command: dict) -> None:
        ack()
        question = to_plain(command.get("text", ""))
        index = self.corpora.for_channel(text_of(command.get("channel_id")))
        self.queue.submit(Job(request_id(body), "command", question=question, work=lambda: self.reply(
            lambda: to_blocks(answer(question, index, (), self.k), restate=True,
                              escalate=bool(self.escalation_channel)),
            lambda message: post_to_response_url(command.get("response_url"),
                                                 {"response_type": "ephemeral", "unfurl_links": False,
                                                  "unfurl_media": False, **message}))))

    @staticmethod
    def reply(compose: Callable[[], dict], post: Callable[[dict], str | None], working: tuple | None = None) -> str:
        """The one way an answer reaches Slack: 👀 on the question, compose the answer (or the apology
        if that fails), post it, take the 👀 away, and say what happened.

        The apology carries the disclaimer and never the error's text, which is logged.
        The reaction is a courtesy: when Slack refuses it, the answer still goes out.
        """
        if working:
            _react(*working, add=True)
        outcome = "answered"
        try:
            try:
                message = compose()
            except Exception:
                log.exception("could not answer; posting the apology")
                message, outcome = to_notice_blocks(APOLOGY), "apology"
            problem = post(message)
        finally:
            if working:
                _react(*working, add=False)
        return outcome if problem is None else f"not_delivered: {problem}"

    def on_home_opened(self, body: dict, event: dict, client) -> None:
        """The Home tab is published each time it is opened (it is cheap, and it follows the channel map)."""
        user = text_of(event.get("user"))
        if event.get("tab", "home") != "home" or not user:
            return
        view = home_view(self.corpora, self.command, self.escalation_channel)

        def publish() -> str:
            try:
                client.views_publish(user_id=user, view=view)
                return "published"
            except Exception as exc:
                return f"not_delivered: views.publish failed: {type(exc).__name__}"

        self.queue.submit(Job(request_id(body), "app_home_opened", work=publish))

    def on_escalate(self, ack, body: dict, client) -> None:
        """Post the question, the bot's answer and a link to the thread to ESCALATION_CHANNEL; tell the asker."""
        ack()
        url = dig(body, "response_url")
        action = (body.get("actions") or [{}])[0] if isinstance(body.get("actions"), list) else {}
        try:
            shown = json.loads(action.get("value") or "{}") if isinstance(action, dict) else {}
        except (ValueError, RecursionError):
            shown = {}
        shown = shown if isinstance(shown, dict) else {}
        question = text_of(shown.get("q")) or ""
        channel = text_of(dig(body, "channel", "id")) or text_of(dig(body, "container", "channel_id"))
        message_ts = text_of(dig(body, "container", "message_ts"))
        ephemeral = bool(dig(body, "container", "is_ephemeral"))
        answer_text = text_of(dig(body, "message", "text"))
        user = text_of(dig(body, "user", "id"))

        def escalate() -> str:
            target = self.escalation_channel
            if not target or not question:
                post_to_response_url(url, {"text": ESCALATION_FAILED, "response_type": "ephemeral",
                                           "replace_original": False})
                return "rejected: no escalation channel or no question"
            link = None
            if channel and message_ts and not ephemeral:
                try:
                    link = client.chat_getPermalink(channel=channel, message_ts=message_ts).get("permalink")
                except Exception as exc:
                    log.warning("no permalink for %s in %s: %s", message_ts, channel, exc)
            text = answer_text or answer(question, self.corpora.for_channel(channel), (), self.k).text
            problem = post_message(client, target, None, escalation_post(user, channel, question, text, link))
            note = passed_on(target) if problem is None else ESCALATION_FAILED
            post_to_response_url(url, {"text": note, "response_type": "ephemeral", "replace_original": False})
            return "escalated" if problem is None else f"not_delivered: {problem}"

        self.queue.submit(Job(request_id(body), "escalation", question=question, work=escalate))

    def on_feedback(self, ack, body: dict) -> None:
        """Record the click now (before the 200), thank in the background; a malformed click is recorded as rejected."""
        ack()
        record, problem = feedback_record(body)
        try:
            written = self.feedback.append(record)
            text = THANKS if written else THANKS_UNRECORDED
        except OSError as exc:
            log.error("could not record feedback in %s: %s", self.feedback.path, exc.strerror or exc)
            text = FEEDBACK_FAILED
        if problem:
            log.info("event=%s kind=feedback outcome=rejected reason=%r", request_id(body), problem)
            text = FEEDBACK_FAILED
        url = dig(body, "response_url")
        self.queue.submit(Job(request_id(body), "feedback", work=lambda: "thanked" if post_to_response_url(
            url, {"text": text, "response_type": "ephemeral", "replace_original": False}) is None
            else "not_delivered: the thanks could not be posted"))


def _react(client, channel: str, ts: str, *, add: bool) -> None:
    """👀 on (or off) the question; a refusal (no scope, already there, message gone) is logged, not raised."""
    try:
        (client.reactions_add if add else client.reactions_remove)(channel=channel, timestamp=ts, name=WORKING)
    except Exception as exc:
        log.debug("could not %s the %s reaction on %s in %s: %s", "add" if add else "remove", WORKING, ts, channel, exc)


def feedback_record(body: dict) -> tuple[dict, str | None]:
    """The feedback log's record of a click, and what was wrong with it (None for a well-formed click)."""
    actions = body.get("actions")
    action = actions[0] if isinstance(actions, list) and actions and isinstance(actions[0], dict) else {}
    action_id = action.get("action_id")
    try:
        shown = json.loads(action.get("value") or "{}") if isinstance(action.get("value"), (str, type(None))) else None
    except (ValueError, RecursionError):
        shown = None
    problem = None
    if action_id not in FEEDBACK_ACTIONS:
        problem = "no feedback action in the payload"
    elif not isinstance(shown, dict):
        problem = "the button's value is not the JSON object the bot wrote"
    shown = shown if isinstance(shown, dict) else {}
    passages = shown.get("p") if isinstance(shown.get("p"), list) else []
    record = {
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "verdict": {"feedback_helpful": "helpful", "feedback_not_helpful": "not_helpful"}.get(action_id),
        "user": text_of(dig(body, "user", "id")),
        "channel": text_of(dig(body, "channel", "id")) or text_of(dig(body, "container", "channel_id")),
        "message_ts": text_of(dig(body, "container", "message_ts")) or text_of(dig(body, "message", "ts")),
        "question": text_of(shown.get("q")),
        "passages": [p for p in passages if isinstance(p, str)],
        "answered": shown.get("a") if isinstance(shown.get("a"), bool) else None,
    }
    if problem:
        record["rejected"] = problem
    return record, problem
