"""Getting a reply to Slack: one retry policy for the Web API and for ``response_url``.

Slack acknowledges nothing on our behalf: once an event is acknowledged it is never
sent again, so a reply lost to a 429, a 5xx, an ``ok: false`` that Slack documents as
transient, or a dropped connection is an answer lost for good. Every call therefore
goes through ``SlackRetry`` (slack_sdk's retry-handler interface, honouring
``Retry-After``), and a reply that still fails comes back as a reason for the caller
to log with its event id. The tradeoff: a request that timed out after Slack had
posted it is posted again; a duplicate is better than silence for a question asked.
"""

from __future__ import annotations

import random
import time
from http.client import HTTPException
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_interval_calculators import (
    BackoffRetryIntervalCalculator,
)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.webhook import WebhookClient

HTTP_TIMEOUT = 10  # seconds for one call to Slack
RETRIES = 4  # after the first attempt
MAX_WAIT = 30.0  # seconds: a longer Retry-After is cut to this
TRANSIENT = {"internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"}


class SlackRetry(RetryHandler):
    """Retry 429 (after Retry-After), 5xx, transient ``ok: false`` errors and lost connections."""

    def __init__(self, max_retry_count: int = RETRIES, max_wait: float = MAX_WAIT):
        super().__init__(max_retry_count, BackoffRetryIntervalCalculator(backoff_factor=0.5))
        self.max_wait = max_wait

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        if response is None:
            return isinstance(error, (URLError, ConnectionError, TimeoutError, HTTPException))
        if response.status_code == 429 or response.status_code >= 500:
            return True
        body = response.body if isinstance(response.body, dict) else {}
        return body.get("ok") is False and body.get("error") in TRANSIENT

    def prepare_for_next_attempt(self, *, state, request, response=None, error=None) -> None:
        wait = None
        if response is not None and response.status_code == 429:
            wait = retry_after(response.headers)
        if wait is None:
            wait = self.interval_calculator.calculate_sleep_duration(state.current_attempt)
        time.sleep(min(wait, self.max_wait))
        state.next_attempt_requested = True
        state.increment_current_attempt()


def retry_after(headers: dict) -> float | None:
    """Seconds from a Retry-After header (a list of values, any case), with a little jitter; None if absent or odd."""
    for name, values in (headers or {}).items():
        if name.lower() == "retry-after":
            value = values[0] if isinstance(values, (list, tuple)) and values else values
            try:
                return max(float(value), 0.0) + random.random() * 0.2
            except (TypeError, ValueError):
                return None
    return None


def web_client(token: str, api_url: str | None = None, retries: int = RETRIES) -> WebClient:
    return WebClient(token=token, timeout=HTTP_TIMEOUT, retry_handlers=[SlackRetry(retries)],
                     **({"base_url": api_url} if api_url else {}))


def post_message(client: WebClient, channel: str, thread_ts: str | None, message: dict) -> str | None:
    """``chat.postMessage``; None once delivered, else why not."""
    try:
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False,
                                **message)
        return None
    except SlackApiError as exc:
        return f"chat.postMessage answered HTTP {exc.response.status_code}: {exc.response.get('error', '?')}"
    except Exception as exc:  # connection errors once the retries are spent
        return f"chat.postMessage failed: {type(exc).__name__}: {exc}"


def post_to_response_url(url: str, message: dict) -> str | None:
    """A slash command's or a button's ``response_url``; None once delivered, else why not."""
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        return "no usable response_url in the request"
    try:
        response = WebhookClient(url, timeout=HTTP_TIMEOUT, retry_handlers=[SlackRetry()]).send(**message)
    except Exception as exc:
        return f"response_url failed: {type(exc).__name__}: {exc}"
    if response.status_code != 200:
        return f"response_url answered HTTP {response.status_code}"
    return None
