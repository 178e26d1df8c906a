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


BLOCK = 8192  # passages counted at a time, so the build's temporary arrays stay a few MiB


def build_postings(texts: Iterable[str], floor: float) -> Postings:
    """Postings of the texts, one per passage; a score never falls below ``floor``."""
    counter = _Counter()
    block: list[str] = []
    for text in texts:
        block.append(text)
        if len(block) == BLOCK:
            counter.add(block)
            block = []
    if block:
        counter.add(block)
    return counter.postings(floor)


class _Counter:
    """Term counts per passage, a block of passages at a time, as (term, passage, count) arrays."""

    def __init__(self):
        self.types: dict[str, int] = {}  # whitespace-separated chunk ("(100mg),") -> type number
        self.type_terms: list[list[int]] = []  # type number -> its term numbers ("(3-4mg)," -> 3-4, 3, 4, mg)
        self.type_words: list[list[str]] = []
        self.type_count = np.zeros(0, np.int64)
        self.terms: dict[str, int] = {}
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.lengths: list[np.ndarray] = []
        self.passages = 0

    def add(self, texts: list[str]) -> None:
        stream, ends, get = array("i"), array("q"), self.types.get
        for text in texts:  # no token spans whitespace, so a text's tokens are its chunks' tokens
            found = normalize(text).split()
            ids = list(map(get, found))
            if None in ids:
                ids = [self._type(chunk) if i is None else i for chunk, i in zip(found, ids)]
            stream.extend(ids)
            ends.append(len(stream))
        tokens = np.frombuffer(stream, dtype=np.int32) if len(stream) else np.zeros(0, np.int32)
        count = np.bincount(tokens, minlength=len(self.types))
        count[: len(self.type_count)] += self.type_count
        self.type_count = count
        # the block's stream of term numbers: a token gives 0 (a stopword), 1 or more terms
        type_len = np.fromiter(map(len, self.type_terms), np.int64, len(self.type_terms))
        type_flat = np.fromiter((t for ts in self.type_terms for t in ts), np.int32, int(type_len.sum()))
        lens = type_len[tokens]
        starts = (np.cumsum(type_len) - type_len)[tokens]
        flat = type_flat[np.repeat(starts - np.cumsum(lens) + lens, lens) + np.arange(int(lens.sum()))]
        per_passage = np.diff(np.concatenate([[0], np.cumsum(lens)])[np.frombuffer(ends, np.int64)], prepend=0)
        n = len(texts)
        pid = np.repeat(np.arange(n, dtype=np.int64), per_passage)
        pairs, tf = np.unique(flat.astype(np.int64) * n + pid, return_counts=True)
        self.parts.append(((pairs // n).astype(np.int32), (pairs % n + self.passages).astype(np.int32),
                           tf.astype(np.int32)))
        self.lengths.append(per_passage)
        self.passages += n

    def _type(self, chunk: str) -> int:
        number = self.types.get(chunk)
        if number is None:
            number = self.types[chunk] = len(self.types)
            ws = words(chunk)
            self.type_words.append(ws)
            self.type_terms.append([self.terms.setdefault(t, len(self.terms)) for t in content_terms(ws)])
        return number

    def postings(self, floor: float) -> Postings:
        """The blocks' counts placed term by term (a counting sort: no sort of all postings at once)."""
        df = np.zeros(len(self.terms), np.int64)
        for term, _, _ in self.parts:
            df += np.bincount(term, minlength=len(self.terms))
        cursor = (np.cumsum(df) - df).astype(np.int64)  # where each term's postings start (none: no terms)
        passage, tf = np.empty(int(df.sum()), np.int32), np.empty(int(df.sum()), np.int32)
        while self.parts:  # block by block, passages ascending: each lands after the term's earlier ones
            term, pid, count = self.parts.pop(0)
            in_block = np.bincount(term, minlength=len(self.terms))
            rank = np.arange(len(term)) - (np.cumsum(in_block) - in_block)[term]  # block is sorted by term
            where = cursor[term] + rank
            passage[where], tf[where] = pid, count
            cursor += in_block
        spelling: Counter[str] = Counter()
        for ws, n in zip(self.type_words, self.type_count.tolist()):
            for w in ws:
                if n and w.isalpha():
                    spelling[w] += n
        return _bm25(list(self.terms), df, passage, tf, np.concatenate(self.lengths), floor, spelling)


def _bm25(terms: list[str], df: np.ndarray, passage: np.ndarray, tf: np.ndarray, doc_len: np.ndarray,
          floor: float, spelling: Counter) -> Postings:
    n = len(doc_len)
    offsets = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
    # rank_bm25 indexes a passage with no terms as one placeholder token: length 1, one more "term"
    empty = int((doc_len == 0).sum())
    lengths = np.where(doc_len == 0, 1, doc_len).astype(np.float64)
    all_df = np.concatenate([df, [empty]]) if empty else df
    idf = np.log(n - all_df + 0.5) - np.log(all_df + 0.5)
    eps = EPSILON * idf.mean() if len(idf) else 0.0
    idf = np.where(idf < 0, eps, idf)[: len(terms)]
    norm = K1 * (1 - B + B * lengths / lengths.mean())
    score = tf.astype(np.float64)  # in place from here: these arrays are the size of the whole index
    del tf
    denominator = norm[passage]
    denominator += score
    score *= K1 + 1
    score /= denominator
    del denominator
    for t in np.flatnonzero(df):  # idf term by term: no index-sized array of repeated idfs
        score[offsets[t]:offsets[t + 1]] *= idf[t]
    np.maximum(score, floor, out=score)
    return Postings(terms, offsets, passage, score, spelling)
