"""Acknowledge at once, answer behind: a bounded queue of replies and the threads that post them.

Slack gives a request 3 seconds to be acknowledged, and an acknowledged event is never
sent again. So a listener only claims the event and puts a ``Job`` here; the answer is
composed and posted by this queue's threads, however many requests are waiting. The
queue is also what a stopping bot drains: ``close`` refuses new work, ``drain`` waits
for the rest up to a deadline, and whatever is left is logged as not answered, with
its event id, rather than lost silently. Each job ends in exactly one log line.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

ANSWER_THREADS = 32  # replies at once: composing is ~5 ms of CPU, posting waits ~100 ms or more on Slack
QUEUE_LIMIT = 2000  # jobs waiting; beyond that an acknowledged event is logged as not answered

log = logging.getLogger("monograph-bot.slack.events")


@dataclass(eq=False)
class Job:
    """One acknowledged request to reply to; ``work`` returns its outcome ("answered", "apology", ...)."""

    id: str  # Slack's event_id, or the trigger_id of a slash command or a click
    kind: str
    work: Callable[[], str]
    question: str | None = None
    received: float = field(default_factory=time.monotonic)


class WorkQueue:
    def __init__(self, threads: int = ANSWER_THREADS, limit: int = QUEUE_LIMIT, log_questions: bool = False):
        self.threads, self.log_questions = threads, log_questions
        self._queue: queue.Queue[Job | None] = queue.Queue(limit)
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._pending: set[Job] = set()  # queued or being answered
        self._closed = False
        self._workers: list[threading.Thread] = []

    def start(self) -> None:
        """Start the threads; in a forking server, call it in the process that will serve."""
        with self._lock:
            if self._workers:
                return
            for n in range(self.threads):  # daemons: a process past its grace period must be able to exit
                thread = threading.Thread(target=self._run, name=f"slack-answer-{n}", daemon=True)
                thread.start()
                self._workers.append(thread)

    def submit(self, job: Job) -> bool:
        with self._lock:
            if self._closed:
                reason = "the bot is stopping"
            else:
                try:
                    self._queue.put_nowait(job)
                    self._pending.add(job)
                    reason = None
                except queue.Full:
                    reason = f"{self._queue.maxsize} replies already waiting"
        if not self._workers:
            self.start()
        if reason:
            self.record(job, "not_answered", reason, level=logging.WARNING)
            return False
        return True

    def close(self) -> None:
        """Take no new work; what is queued is still answered by ``drain``."""
        with self._lock:
            self._closed = True

    def wait_idle(self, timeout: float) -> bool:
        """Wait up to ``timeout`` s until no job is queued or running; True if none is."""
        with self._idle:
            return self._idle.wait_for(lambda: not self._pending, max(timeout, 0.0))

    def drain(self, timeout: float) -> list[Job]:
        """Close, wait up to ``timeout`` s for every job; log and return those still unfinished."""
        self.close()
        self.wait_idle(timeout)
        with self._idle:
            left = sorted(self._pending, key=lambda j: j.received)
            self._pending.clear()  # a thread that finishes one of these later logs nothing more
        for job in left:
            self.record(job, "not_answered", "the shutdown grace period ran out", level=logging.WARNING)
        return left

    def __len__(self) -> int:
        with self._lock:
            return len(self._pending)

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            with self._lock:
                if job not in self._pending:  # given up by drain() while it waited
                    continue
            try:
                outcome = job.work()
            except Exception:  # a job logs its own errors; this is the last net
                log.exception("event=%s kind=%s: the reply failed", job.id, job.kind)
                outcome = "failed"
            status, _, reason = outcome.partition(":")
            level = logging.INFO if status in ("answered", "apology", "thanked", "skipped", "stopped", "published", "escalated") else logging.WARNING
            with self._idle:
                if job not in self._pending:  # drain() gave up on it and has logged it
                    continue
                self.record(job, status, reason.strip(), level=level)  # before a waiter sees the job done
                self._pending.discard(job)
                self._idle.notify_all()

    def record(self, job: Job, outcome: str, reason: str = "", *, level: int = logging.INFO) -> None:
        """The event's one log line: id, kind, latency from receipt, outcome (and the question only if allowed)."""
        line = f"event={job.id} kind={job.kind} latency_ms={(time.monotonic() - job.received) * 1000:.0f} " \
               f"outcome={outcome}"
        if reason:
            line += f" reason={reason!r}"
        if self.log_questions and job.question is not None:
            line += f" question={job.question[:500]!r}"
        log.log(level, "%s", line)
