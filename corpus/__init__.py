"""Documents -> passages: what the monograph says, split with its sections."""

from pathlib import Path

from .documents import (
    Document,
    corpus_fingerprint,
    load_corpus,
    read_corpus,
    read_document,
)
from .errors import BotError, ConfigError, CorpusError, QuestionSetError
from .passages import Passage, split_corpus, split_document

DEFAULT_CORPUS = Path(__file__).resolve().parent / "documents" / "baclofen.txt"
QUESTIONS_DIR = Path(__file__).resolve().parent / "questions"

__all__ = [
    "BotError", "ConfigError", "CorpusError", "DEFAULT_CORPUS", "Document", "Passage", "QUESTIONS_DIR", "QuestionSetError",
    "corpus_fingerprint", "load_corpus", "read_corpus", "read_document", "split_corpus", "split_document",
]
