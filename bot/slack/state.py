"""What the Slack bot remembers: the events it has taken, and the feedback it is given.

Both are shared by the listener threads, so both take a lock.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from pathlib import Path

SEEN_LIMIT = 10_000  # events remembered for de-duplication; Slack's retries come within minutes


class Seen:
    """A bounded, thread-safe memory of the events already taken, the oldest forgotten first."""

    def __init__(self, limit: int = SEEN_LIMIT):
        self.limit = limit
        self._keys: OrderedDict[tuple, None] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, keys: list[tuple]) -> bool:
        """True, and remembered, unless any key was seen before."""
        with self._lock:
            new = not any(key in self._keys for key in keys)
            for key in keys:
                self._keys[key] = None
                self._keys.move_to_end(key)
            while len(self._keys) > self.limit:
                self._keys.popitem(last=False)
            return new

    def __len__(self) -> int:
        return len(self._keys)


class FeedbackLog:
    """Feedback clicks as JSON lines, appended under a lock (the parent folder made on demand)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def append(self, record: dict) -> None:
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line)
