"""The engines the scale benchmark compares, each as ``build(data, passages) -> (engine, search)``.

``search(question, terms)`` returns the top 3 passage numbers. Ours is given the question
(it tokenizes as it always does); the peers get the terms our tokenizer gives, with a term
asked twice weighing twice, as in rank_bm25.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np


def _ours(data: Path, passages):
    from index import Index, term_weights

    index = Index(passages)
    number = {id(p): n for n, p in enumerate(index.passages)}

    def search(q, qt):
        return [number[id(h.passage)] for h in index.search(term_weights(q), k=3)]

    return index, search


def _rank_bm25(data: Path, passages):
    from rank_bm25 import BM25Okapi

    bm25 = BM25Okapi(_tokens(data))
    last = {}

    def search(q, qt):  # get_top_n's own steps, keeping the scores for the tie sets
        scores = last["scores"] = bm25.get_scores(qt)
        return [int(i) for i in np.argsort(scores)[::-1][:3] if scores[i] > 0]

    return (bm25, last), search


def _bm25s(data: Path, passages):
    import bm25s

    retriever = bm25s.BM25(k1=1.5, b=0.75)  # rank_bm25's k1 and b; bm25s's own (Lucene) idf
    retriever.index(_tokens(data), show_progress=False)

    def search(q, qt):
        if not qt:  # bm25s cannot score an empty query
            return []
        docs, scores = retriever.retrieve([qt], k=3, show_progress=False)
        return [int(d) for d, s in zip(docs[0], scores[0]) if s > 0]

    return retriever, search


def _tantivy(data: Path, passages):
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
    builder.add_integer_field("n", fast=True)  # passage number, read from a column: no stored-document fetch
    schema = builder.build()
    index = tantivy.Index(schema)  # in memory
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    with open(data / "tokens.txt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            writer.add_document(tantivy.Document(body=line.rstrip("\n"), n=n))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def search(q, qt):
        counts: dict[str, int] = {}
        for t in qt:
            counts[t] = counts.get(t, 0) + 1
        clauses = [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t) if c == 1 else
                    tantivy.Query.boost_query(tantivy.Query.term_query(schema, "body", t), float(c)))
                   for t, c in counts.items()]
        if not clauses:
            return []
        hits = searcher.search(tantivy.Query.boolean_query(clauses), 3, count=False).hits
        return searcher.fast_field_values("n", [address for _, address in hits])

    return searcher, search


def _tokens(data: Path) -> list[list[str]]:
    with open(data / "tokens.txt", encoding="utf-8") as f:
        return [line.split() or ["\x00"] for line in f]  # an empty passage: rank_bm25's placeholder


ENGINES = {"ours": _ours, "rank_bm25": _rank_bm25, "bm25s": _bm25s, "tantivy": _tantivy}
IMPORTS = {"ours": "index", "rank_bm25": "rank_bm25", "bm25s": "bm25s", "tantivy": "tantivy"}
