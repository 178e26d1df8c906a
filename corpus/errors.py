"""The project's error tree.

It lives in ``corpus`` because that is the lowest stage: ``index`` and ``bot`` may import
it, and ``corpus`` imports nothing of ours. Front ends print these once as ``error: ...``
with exit status 2; expected outcomes (a decline, a notice) are values, never errors.
"""


class BotError(Exception):
    """An error a user can fix; shown as ``error: <message>`` with exit status 2."""


class CorpusError(BotError):
    """A corpus file or folder that cannot be used as it is."""


class EmptyDocument(CorpusError):
    """A document with no text: an error alone, skipped with a warning in a folder."""


class ConfigError(BotError):
    """A setting that is missing or malformed; the message names it and where to set it."""


class QuestionSetError(BotError):
    """A question set that cannot be scored at all: missing, unreadable, or with no valid case."""
