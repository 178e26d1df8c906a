"""The work queue on its own: bounded, drained on a stop, and every job ends in exactly one log line."""

from __future__ import annotations

import logging
import threading

from bot.slack.work import Job, WorkQueue


def test_a_full_queue_and_a_stopping_one_log_what_they_could_not_take(caplog):
    caplog.set_level("INFO")
    started, gate = threading.Event(), threading.Event()

    def stuck() -> str:
        started.set()
        gate.wait(10)
        return "answered"

    queue = WorkQueue(threads=1, limit=1)
    assert queue.submit(Job("E1", "app_mention", work=stuck))
    assert started.wait(5)  # the one thread is busy with E1
    assert queue.submit(Job("E2", "app_mention", work=lambda: "answered"))  # waits in the queue
    assert not queue.submit(Job("E3", "app_mention", work=lambda: "answered"))  # the queue is full
    left = queue.drain(0.2)  # E1 is stuck, E2 never started: both are named
    assert [job.id for job in left] == ["E1", "E2"]
    assert not queue.submit(Job("E4", "command", work=lambda: "answered"))  # closed
    gate.set()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("event=E3" in w and "replies already waiting" in w for w in warnings)
    assert sum("event=E1" in w and "grace period ran out" in w for w in warnings) == 1
    assert any("event=E2" in w for w in warnings) and any("event=E4" in w and "stopping" in w for w in warnings)


def test_each_job_logs_one_line_with_its_outcome(caplog):
    caplog.set_level("INFO")
    queue = WorkQueue(threads=2, log_questions=True)
    queue.submit(Job("E1", "app_mention", question="what dose?", work=lambda: "answered"))
    queue.submit(Job("E2", "command", work=lambda: "not_delivered: response_url answered HTTP 404"))
    queue.submit(Job("E3", "app_mention", work=lambda: 1 / 0))
    assert queue.drain(5) == []
    lines = [r.getMessage() for r in caplog.records if r.name == "monograph-bot.slack.events"]
    assert sum(line.startswith("event=E1 ") for line in lines) == 1
    assert any("event=E1 kind=app_mention" in l and "outcome=answered" in l and "question='what dose?'" in l
               for l in lines)
    assert any("event=E2" in l and "outcome=not_delivered reason='response_url answered HTTP 404'" in l for l in lines)
    assert any("event=E3" in l and "outcome=failed" in l for l in lines)
