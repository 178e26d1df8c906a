"""The answering core: question + conversation -> Answer, and the doors that show it.

The modules at the top of ``bot/`` are the core: ``answer()`` (``core``), the values that
cross modules (``models``), how a question is read (``query``, ``lexicon``), safety
(``safety``), text and JSON rendering (``render``) and corpus loading (``loading``). The
core imports ``corpus`` and ``index`` and no front end. The front ends are ``repl.py``,
``bot/slack/`` and ``bot/eval/``; each imports the core and never another front end, and
``cli.py`` is the one command that starts them.
"""

from .core import DEFAULT_K, answer
from .models import DISCLAIMER, Answer

__all__ = ["Answer", "DEFAULT_K", "DISCLAIMER", "answer"]
