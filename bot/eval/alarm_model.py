"""Trains ``bot/data/alarm_model.json.gz`` and ``dosing_model.json.gz``, the learned second opinions on
emergencies and on personal dosing requests (``bot/alarm.py``), on the tuning suite's messages, and checks
each with each writer's set left out in turn.

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

from ..alarm import DATA, DOSING_DATA, DOSING_THRESHOLD, THRESHOLD

SUITE = Path(__file__).resolve().parents[2] / "corpus" / "questions" / "sets.toml"
C = 4.0  # the regression's inverse regularisation (1 and 4 tried; 4 kept more emergencies at each false alarm rate)
# name: (what a case is labelled by, the file, the threshold)
MODELS = {"emergency": (lambda case: bool(case.emergency), DATA, THRESHOLD),
          "dosing": (lambda case: case.tag == "dosing", DOSING_DATA, DOSING_THRESHOLD)}


def messages(suite: Path = SUITE, model: str = "emergency") -> list[tuple[str, str, bool]]:
    """(writer's set, last turn, label) for every case of the tuning suite, in file order."""
    from .questions import load_questions
    from .suite import load_suite

    out = []
    for spec in load_suite(suite):
        cases, _ = load_questions(spec.questions)
        writer = re.sub(r"-[a-z0-9]+$", "", spec.questions.stem) if "-" in spec.questions.stem else spec.questions.stem
        out += [(writer, case.turns[-1], MODELS[model][0](case)) for case in cases]
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


def build(suite: Path = SUITE, model_name: str = "emergency") -> bytes:
    data = messages(suite, model_name)
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
    model = {"about": "bot/alarm.py, trained by bot/eval/alarm_model.py", "model": model_name,
             "trained_on": fingerprint(data), "messages": len(data), "positives": sum(labels), "intercept": round(float(regression.intercept_[0]), 6), "parts": parts,
             "samples": [[t, round(float(p), 4)] for t, p in zip(samples, fitted.predict_proba(samples)[:, 1])]}
    return gzip.compress(json.dumps(model, separators=(",", ":"), ensure_ascii=False).encode(), 9, mtime=0)


def check(suite: Path = SUITE, model_name: str = "emergency") -> None:
    """Each writer's set left out of training in turn: how the model alone does on messages it never saw."""
    data = messages(suite, model_name)
    threshold = MODELS[model_name][2]
    writers = sorted({w for w, _, _ in data})
    found = missed = alarms = calm = 0
    for writer in writers:
        train = [(t, e) for w, t, e in data if w != writer]
        test = [(t, e) for w, t, e in data if w == writer]
        fitted = _fit([t for t, _ in train], [e for _, e in train])
        for (text, emergency), p in zip(test, fitted.predict_proba([t for t, _ in test])[:, 1]):
            if emergency:
                found, missed = found + (p >= threshold), missed + (p < threshold)
            else:
                alarms, calm = alarms + (p >= threshold), calm + (p < threshold)
    print(f"{model_name}, left out in turn ({len(writers)} writers' sets): found {found}/{found + missed}, "
          f"read in others {alarms}/{alarms + calm}")


if __name__ == "__main__":
    if sys.argv[1:] == ["build"]:
        for name, (_, path, _) in MODELS.items():
            path.write_bytes(build(model_name=name))
            print(f"wrote {path} ({path.stat().st_size:,} bytes)", file=sys.stderr)
    elif sys.argv[1:] == ["check"]:
        for name in MODELS:
            check(model_name=name)
    else:
        sys.exit("usage: python -m bot.eval.alarm_model build|check   (needs scikit-learn: pip install -e '.[data]')")
