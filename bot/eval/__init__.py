"""Evaluation: score the answering core against question sets, beside a naive baseline.

This room holds the runner behind ``monograph-bot eval``, the question-set reader, the
metrics, the printed scorecard and the ten-line rank_bm25 baseline. It imports the
answering core (``bot.core``, ``bot.models``, ``bot.loading``) and never another front end.
"""

from .runner import run_eval
from .suite import run_suite

__all__ = ["run_eval", "run_suite"]
