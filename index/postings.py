"""Passages' texts -> BM25 postings: per term, the passages holding it and its score in each.

The scores are rank_bm25's ``BM25Okapi`` (k1 1.5, b 0.75, negative idf floored at a quarter
of the mean idf; a parity test holds them to it), computed in bulk instead of through its
per-passage dicts, which cost most of a 100k-passage build and most of its memory:

- tokenizing splits each passage on whitespace (no token spans it) and looks each chunk up
  in a dict; the tokenizer itself (its regex, stopwords, the stemmer) runs once per
  *distinct* chunk ("(100mg),"), not once per token;
- counting is numpy over one flat array of term numbers: ``np.unique`` of (term, passage)
  pairs gives each posting and its term frequency, already grouped by term.

The postings are three arrays (CSR): ``offsets[t]:offsets[t+1]`` slices ``passage`` (ascending)
and ``score`` for term number ``t``.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .tokenizer import content_terms, normalize, words

K1, B, EPSILON = 1.5, 0.75, 0.25  # rank_bm25's BM25Okapi defaults


@dataclass
class Postings:
    terms: list[str]  # term number -> term
    offsets: np.ndarray  # int64, len(terms) + 1
    passage: np.ndarray  # int32, passage numbers, ascending within a term
    score: np.ndarray  # float64, BM25 contribution of the term to that passage
    spelling: Counter[str]  # every alphabetic word with its count, for the speller


def build_postings(texts: Iterable[str], floor: float) -> Postings:
    """Postings of the texts, one per passage; a score never falls below ``floor``."""
    types: dict[str, int] = {}  # distinct whitespace-separated chunk ("(100mg),") -> type number
    stream = array("i")
    ends = array("q")
    get = types.get
    for text in texts:  # no token spans whitespace, so a text's tokens are its chunks' tokens
        found = normalize(text).split()
        ids = list(map(get, found))
        if None in ids:
            ids = [types.setdefault(tok, len(types)) if i is None else i for tok, i in zip(found, ids)]
        stream.extend(ids)
        ends.append(len(stream))
    tokens = np.frombuffer(stream, dtype=np.int32) if len(stream) else np.zeros(0, np.int32)
    expansion = [words(chunk) for chunk in types]  # a chunk's words: "(3-4mg)," -> 3-4, 3, 4, mg
    terms, type_terms, type_len = _term_numbers(expansion)
    spelling = _spelling(expansion, np.bincount(tokens, minlength=len(types)))
    # the stream of term numbers, a token giving 0 (a stopword), 1 or more terms
    lens = type_len[tokens]
    starts = (np.cumsum(type_len) - type_len)[tokens]
    flat = type_terms[np.repeat(starts - np.cumsum(lens) + lens, lens) + np.arange(int(lens.sum()))]
    per_passage = np.diff(np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)[np.frombuffer(ends, np.int64)],
                          prepend=0)
    return _bm25(terms, flat, per_passage, floor, spelling)


def _term_numbers(expansion: list[list[str]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    number: dict[str, int] = {}
    flat, lens = [], []
    for ws in expansion:
        ts = content_terms(ws)
        flat.extend(number.setdefault(t, len(number)) for t in ts)
        lens.append(len(ts))
    return list(number), np.asarray(flat, dtype=np.int32), np.asarray(lens, dtype=np.int64)


def _spelling(expansion: list[list[str]], counts: np.ndarray) -> Counter[str]:
    spelling: Counter[str] = Counter()
    for ws, n in zip(expansion, counts.tolist()):
        for w in ws:
            if n and w.isalpha():
                spelling[w] += n
    return spelling


def _bm25(terms: list[str], flat: np.ndarray, doc_len: np.ndarray, floor: float, spelling: Counter) -> Postings:
    n = len(doc_len)
    pid = np.repeat(np.arange(n, dtype=np.int64), doc_len)
    pairs, tf = np.unique(flat.astype(np.int64) * n + pid, return_counts=True)
    term, passage = pairs // n, (pairs % n).astype(np.int32)
    df = np.bincount(term, minlength=len(terms))
    offsets = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
    # rank_bm25 indexes a passage with no terms as one placeholder token: length 1, one more "term"
    empty = int((doc_len == 0).sum())
    lengths = np.where(doc_len == 0, 1, doc_len).astype(np.float64)
    all_df = np.concatenate([df, [empty]]) if empty else df
    idf = np.log(n - all_df + 0.5) - np.log(all_df + 0.5)
    eps = EPSILON * idf.mean() if len(idf) else 0.0
    idf = np.where(idf < 0, eps, idf)[: len(terms)]
    norm = K1 * (1 - B + B * lengths / lengths.mean())
    tf = tf.astype(np.float64)
    score = np.repeat(idf, df) * (tf * (K1 + 1) / (tf + norm[passage]))
    return Postings(terms, offsets, passage, np.maximum(score, floor), spelling)
