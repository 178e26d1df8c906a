"""Which title words name documents, so that a question naming a drug stays in its documents.

In a folder of labels, "half-life of baclofen" should be answered from baclofen's label, not
from another drug's half-life. A title word *names* documents when it is in at most half
of the titles (a word in most titles names nothing), is a word, not a number ("edition 2"),
and is not an everyday English word (``spelling.is_english``): titles are full of those
("Patient Information", "CHILD syndrome", "Tablets"), and with thousands of documents
"what other information should I know about X?" would otherwise be kept to whichever
documents have "information" in their title.

The scope is checked at query time against a passage -> document array, instead of one
passage-length mask per title word (which cost most of a 100k-passage build and half its
memory).
"""

from __future__ import annotations

import numpy as np

from .spelling import is_english
from .tokenizer import is_content, stem, words


def named_documents(titles: list[str]) -> dict[str, np.ndarray]:
    """Term -> the document numbers (ascending) whose titles it names."""
    if len(titles) < 2:
        return {}
    holders: dict[str, set[int]] = {}
    for number, title in enumerate(titles):
        for word in words(title):
            if is_content(word) and word.isalpha():
                holders.setdefault(word, set()).add(number)
    by_term: dict[str, set[int]] = {}
    for word, docs in holders.items():
        if not is_english(word):
            by_term.setdefault(stem(word), set()).update(docs)
    return {t: np.array(sorted(d), dtype=np.int32) for t, d in by_term.items() if len(d) <= len(titles) / 2}
