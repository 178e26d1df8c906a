"""Claims shared by replicas: the first bot to ``SET NX`` an event's key answers it.

The dedupe memory is the only state the Slack bot has (threads are read back from
Slack), so several replicas behind one URL need only this: with ``REDIS_URL`` set, a
request's keys (its event id, its channel and ts, a slash command's signature or
trigger id) are claimed in Redis with a TTL, and a replica that loses any claim
acknowledges without answering. Without Redis, ``state.Seen`` keeps today's memory in
the process. ``redis`` enters the project only here.
"""

from __future__ import annotations

import hashlib
import json
import logging

import redis

from corpus.errors import ConfigError

from .state import Seen

CLAIM_TTL = 24 * 3600  # seconds; Slack's retries all come within the hour
PREFIX = "monograph-bot:claim:"

log = logging.getLogger("monograph-bot.slack")


def redis_key(key: tuple) -> str:
    """A key of any content as a short, fixed-shape Redis key."""
    return PREFIX + hashlib.sha256(json.dumps(key, default=str).encode()).hexdigest()[:40]


class RedisClaims:
    """``first_time(keys)`` as ``Seen`` has it, but one answer across every replica."""

    def __init__(self, url: str, ttl: int = CLAIM_TTL):
        self.ttl = ttl
        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.fallback = Seen()  # while Redis is down: at least this process still dedupes

    def check(self) -> None:
        """Fail at start-up, not at the first event, when Redis cannot be reached."""
        try:
            self.client.ping()
        except redis.RedisError as exc:
            raise ConfigError(f"cannot reach Redis at REDIS_URL: {type(exc).__name__}: {exc}") from None

    def first_time(self, keys: list[tuple]) -> bool:
        """True when this replica claimed every key (SET NX EX); False when any was claimed before.

        The SETs go in one MULTI/EXEC: interleaved with another replica's, each could win
        one key of the same event and neither would answer it.
        """
        try:
            pipe = self.client.pipeline(transaction=True)
            for key in keys:
                pipe.set(redis_key(key), "1", nx=True, ex=self.ttl)
            claimed = pipe.execute()
        except redis.RedisError as exc:
            log.warning("Redis unavailable (%s); deduplicating in this process only", type(exc).__name__)
            return self.fallback.first_time(keys)
        self.fallback.first_time(keys)
        return all(claimed)
