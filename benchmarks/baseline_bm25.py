"""A ten-line rank_bm25 bot: the cold-start floor for "load a document, index it, answer"."""
import re
import sys
from pathlib import Path

from rank_bm25 import BM25Okapi

paragraphs = [p for p in Path(__file__).resolve().parent.parent.joinpath("corpus/documents/baclofen.txt")
              .read_text(encoding="utf-8").split("\n\n") if p.strip()]
tokens = lambda text: re.findall(r"\w+", text.lower())  # noqa: E731
print(BM25Okapi([tokens(p) for p in paragraphs]).get_top_n(tokens(sys.argv[1]), paragraphs, n=1)[0])
