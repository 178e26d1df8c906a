"""The project's error tree.

It lives in ``corpus`` because that is the lowest stage: ``index`` and ``bot`` may import
it, and ``corpus`` imports nothing of ours. Front ends print these once as ``error: ...``.
"""


class BotError(Exception):
    """An error a user can fix; shown as ``error: <message>`` with exit status 2."""


class CorpusError(BotError):
    """A corpus file or folder that cannot be used as it is."""
