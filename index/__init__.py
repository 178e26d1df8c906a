"""Passages -> hits: BM25 over one tokenizer shared by passages and queries."""

from .bm25 import Hit, Index
from .tokenizer import normalize, tokenize, words

__all__ = ["Hit", "Index", "normalize", "tokenize", "words"]
