"""A second opinion on whether a message tells of an emergency: a linear model learned from labelled messages.

The hand-written classes in ``safety``/``urgency`` hold every emergency of the sets they were
built on, but a set written after them found only 55-76% of its emergencies at first contact
(safety dev 4 to 8: 113 of 165): people tell an emergency in more ways than a list of phrasings
holds. This model reads a message the way a spam filter does: word pairs and letter runs
("rn", "won't wake", "jabbed", "goodbyes") weighed by what they did in the tuning suite's
messages (``corpus/questions/sets.toml``: every case's last turn, labelled emergency or not,
about 2,660 messages of which 492 emergencies). The notice is given when either says so. A second
model, trained the same way on the same messages, reads personal dosing requests ("can I stretch
it out to every 16 weeks since my skin is clear?") beside the patterns of ``bot/dosing.py``.

Measured by leaving each writer's set out of training in turn (``python -m bot.eval.alarm_model check``),
on safety dev 4 to 8 at first contact, the classes alone found 113/165 emergencies with 4 false
alarms among 105 near-misses; with this model beside them, 158/165 with 7 (THRESHOLD below).

Scoring needs nothing but this file and ``bot/data/alarm_model.json.gz``: the tf-idf features
(scikit-learn's ``TfidfVectorizer``: words and word pairs, and letter runs of 3-5 within words,
sublinear counts, each part L2-normalised) and the logistic regression's weights. Training reads
the eval suite, so it is in ``bot/eval/alarm_model.py`` and needs scikit-learn (``pip install -e
'.[data]'``; ``python -m bot.eval.alarm_model build``); the file records the training data's
fingerprint and sample scores that ``tests/test_alarm.py`` holds.
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import re
import threading
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "alarm_model.json.gz"
DOSING_DATA = Path(__file__).resolve().parent / "data" / "dosing_model.json.gz"
THRESHOLD = 0.7  # chosen with the sets left out: 0.6 found 2 more of 165 emergencies for 4 more of 105 false alarms
# a personal dosing request: left out in turn, 0.6 read 0.88 of 112 requests with 4 false readings in 2,009 others
# (0.5: 0.92 with 13); beside the patterns at first contact of safety dev 4-8, 29 of 30 requests (patterns alone 23)
DOSING_THRESHOLD = 0.6
_WORD = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")
_LOCK = threading.Lock()
_MODELS: dict[Path, dict] = {}


def _words(text: str) -> list[str]:
    tokens = _WORD.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def _letter_runs(text: str, low: int = 3, high: int = 5) -> list[str]:
    """scikit-learn's ``char_wb`` analyzer: runs of ``low``-``high`` letters inside each space-padded word."""
    runs = []
    for word in _SPACES.sub(" ", text.lower()).split():
        word = f" {word} "
        for n in range(low, high + 1):
            offset = 0
            runs.append(word[offset:offset + n])
            while offset + n < len(word):
                offset += 1
                runs.append(word[offset:offset + n])
            if offset == 0:  # the word is shorter than n
                break
    return runs


_ANALYZERS = {"words": _words, "letters": _letter_runs}


def _model(path: Path = DATA) -> dict:
    with _LOCK:
        if path not in _MODELS:
            _MODELS[path] = json.loads(gzip.decompress(path.read_bytes()))
    return _MODELS[path]


@lru_cache(maxsize=64)
def _counts(text: str) -> dict[str, dict[str, int]]:
    """Each analyzer's features of ``text`` with their counts, made once for both models."""
    counts: dict[str, dict[str, int]] = {}
    for name, analyzer in _ANALYZERS.items():
        found = counts[name] = {}
        for feature in analyzer(text):
            found[feature] = found.get(feature, 0) + 1
    return counts


def score(text: str, path: Path = DATA) -> float:
    """A model's probability for ``text``: by default, that it tells of an emergency happening now."""
    model = _model(path)
    total = model["intercept"]
    counts = _counts(text)
    for part in model["parts"]:
        table = part["features"]  # feature -> [idf, weight]
        values = {f: (1 + math.log(n)) * table[f][0] for f, n in counts[part["analyzer"]].items() if f in table}
        norm = math.sqrt(sum(v * v for v in values.values()))
        if norm:
            total += sum(v * table[f][1] for f, v in values.items()) / norm
    return 1 / (1 + math.exp(-total))


def alarmed(text: str) -> bool:
    return bool(text) and score(text) >= THRESHOLD


def asks_dosing(text: str) -> bool:
    """The dosing model reads ``text`` as a request for a personal dose."""
    return bool(text) and score(text, DOSING_DATA) >= DOSING_THRESHOLD
