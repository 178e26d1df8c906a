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
    """Feedback clicks as JSON lines, appended under a lock (the parent folder made on demand).

    Each record is one line whatever it holds: U+2028/U+2029, which some JSON-lines
    readers take as line ends, are escaped, and a record is cut to ``MAX_RECORD``
    characters. The file is opened for each append, so renaming it away rotates it.
    ``path=None`` (FEEDBACK_LOG=off) records nothing.
    """

    def __init__(self, path: str | Path | None):
        self.path = Path(path) if path is not None else None
        self._lock = threading.Lock()

    def append(self, record: dict) -> bool:
        """True once written; False when feedback is turned off."""
        if self.path is None:
            return False
        line = to_line(record)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line + "\n")
        return True


MAX_RECORD = 4000  # characters in one feedback line
MAX_FIELD = 500  # characters kept of any one text field


def to_line(record: dict) -> str:
    """One JSON line: strings cut to MAX_FIELD, lists to 20 items, line separators escaped, at most MAX_RECORD."""

    def cut(value):
        if isinstance(value, str):
            return value[:MAX_FIELD]
        if isinstance(value, list):
            return [cut(v) for v in value[:20]]
        return value if value is None or isinstance(value, (bool, int, float)) else cut(str(value))

    record = {key: cut(value) for key, value in record.items()}
    while True:
        line = json.dumps(record, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        if len(line) <= MAX_RECORD:
            return line
        longest = max(record, key=lambda k: len(json.dumps(record[k], ensure_ascii=False)))
        value = record[longest]
        record[longest] = value[: len(value) // 2] if isinstance(value, (str, list)) and value else None
