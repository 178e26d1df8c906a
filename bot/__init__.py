"""Question + conversation -> Answer -> REPL | Slack | eval."""

from .core import DEFAULT_K, answer
from .models import DISCLAIMER, Answer

__all__ = ["Answer", "DEFAULT_K", "DISCLAIMER", "answer"]
