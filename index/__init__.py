"""Passages -> hits: BM25 over one tokenizer shared by passages and queries.

This stage imports ``corpus`` (for ``Passage``) and nothing else of ours; ``rank_bm25``
enters the project here, and nltk's stemmer in ``tokenizer.py``.
"""

from .bm25 import Hit, Index, term_weights
from .tokenizer import normalize, tokenize, words
from .tuning import TUNING, Tuning

__all__ = ["Hit", "Index", "TUNING", "Tuning", "normalize", "term_weights", "tokenize", "words"]
