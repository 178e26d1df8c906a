"""Trains ``bot/data/alarm_model.json.gz``, the learned second opinion on emergencies (``bot/alarm.py``),
on the tuning suite's messages, and checks it with each writer's set left out in turn.

    pip install -e '.[data]'                     # scikit-learn, for this module only
    python -m bot.eval.alarm_model build         # after the tuning suite changes (a test says when)
    python -m bot.eval.alarm_model check         # how it does on sets it never saw
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

from ..alarm import DATA, THRESHOLD

SUITE = Path(__file__).resolve().parents[2] / "corpus" / "questions" / "sets.toml"
C = 4.0  # the regression's inverse regularisation (1 and 4 tried; 4 kept more emergencies at each false alarm rate)


def messages(suite: Path = SUITE) -> list[tuple[str, str, bool]]:
    """(writer's set, last turn, emergency) for every case of the tuning suite, in file order."""
    from .questions import load_questions
    from .suite import load_suite

    out = []
    for spec in load_suite(suite):
        cases, _ = load_questions(spec.questions)
        writer = re.sub(r"-[a-z0-9]+$", "", spec.questions.stem) if "-" in spec.questions.stem else spec.questions.stem
        out += [(writer, case.turns[-1], bool(case.emergency)) for case in cases]
    return out


def fingerprint(data: list[tuple[str, str, bool]]) -> str:
    return hashlib.sha256(json.dumps([[t, e] for _, t, e in data]).encode()).hexdigest()[:16]


def _fit(texts: list[str], labels: list[bool]):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    union = make_union(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                       TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True))
    model = make_pipeline(union, LogisticRegression(C=C, class_weight="balanced", max_iter=5000))
    return model.fit(texts, labels)


def build(suite: Path = SUITE) -> bytes:
    data = messages(suite)
    texts, labels = [t for _, t, _ in data], [e for _, _, e in data]
    fitted = _fit(texts, labels)
    union, regression = fitted.steps[0][1], fitted.steps[1][1]
    weights, offset, parts = regression.coef_[0], 0, []
    for (_, vectorizer), analyzer in zip(union.transformer_list, ("words", "letters")):
        vocabulary = vectorizer.vocabulary_
        features = {f: [round(float(vectorizer.idf_[i]), 6), round(float(weights[offset + i]), 6)]
                    for f, i in sorted(vocabulary.items())}
        parts.append({"analyzer": analyzer, "features": features})
        offset += len(vocabulary)
    samples = texts[::97]
    model = {"about": "bot/alarm.py, trained by bot/eval/alarm_model.py", "trained_on": fingerprint(data), "messages": len(data),
             "emergencies": sum(labels), "intercept": round(float(regression.intercept_[0]), 6), "parts": parts,
             "samples": [[t, round(float(p), 4)] for t, p in zip(samples, fitted.predict_proba(samples)[:, 1])]}
    return gzip.compress(json.dumps(model, separators=(",", ":"), ensure_ascii=False).encode(), 9, mtime=0)


def check(suite: Path = SUITE) -> None:
    """Each writer's set left out of training in turn: how the model alone does on messages it never saw."""
    data = messages(suite)
    writers = sorted({w for w, _, _ in data})
    found = missed = alarms = calm = 0
    for writer in writers:
        train = [(t, e) for w, t, e in data if w != writer]
        test = [(t, e) for w, t, e in data if w == writer]
        fitted = _fit([t for t, _ in train], [e for _, e in train])
        for (text, emergency), p in zip(test, fitted.predict_proba([t for t, _ in test])[:, 1]):
            if emergency:
                found, missed = found + (p >= THRESHOLD), missed + (p < THRESHOLD)
            else:
                alarms, calm = alarms + (p >= THRESHOLD), calm + (p < THRESHOLD)
    print(f"left out in turn ({len(writers)} writers' sets): emergencies found {found}/{found + missed}, "
          f"false alarms {alarms}/{alarms + calm}")


if __name__ == "__main__":
    if sys.argv[1:] == ["build"]:
        DATA.write_bytes(build())
        print(f"wrote {DATA} ({DATA.stat().st_size:,} bytes)", file=sys.stderr)
    elif sys.argv[1:] == ["check"]:
        check()
    else:
        sys.exit("usage: python -m bot.eval.alarm_model build|check   (needs scikit-learn: pip install -e '.[data]')")
