"""Passages -> hits: BM25 over one tokenizer shared by passages and queries.

This stage imports ``corpus`` (for ``Passage``) and nothing else of ours. Its modules:
``tokenizer`` (the one tokenizer; nltk's stemmer enters here), ``postings`` (BM25 scores
as arrays, rank_bm25's formula), ``bm25`` (``Index``: search, opening, hits), ``headings``
(the heading lift), ``names`` (which title words name documents), ``spelling`` (typo
repair; symspellpy and wordfreq enter here), ``store`` (an index saved to one file).
"""

from .bm25 import Hit, Index, term_weights
from .tokenizer import normalize, tokenize, words
from .tuning import TUNING, Tuning

__all__ = ["Hit", "Index", "TUNING", "Tuning", "normalize", "term_weights", "tokenize", "words"]
