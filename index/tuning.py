"""Every calibrated constant of retrieval and answering, in one frozen value.

Each was set by running ``python -m bot eval`` over the question sets (the tuning sets:
never the held-out ones) and keeping the value that served them best; the line beside it
says what it does. A change here is a change in answer quality: run ``make quality``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tuning:
    # deciding to answer (bot/core.py)
    min_coverage: float = 0.5  # answer when the best passage covers this share of the question's concept weight
    history_turns: int = 4  # earlier turns a conversation keeps
    # reading a question (bot/query.py)
    generic_share: float = 0.2  # a framing word ("safe", "common", "my husband") counts this much of its idf ...
    generic_search: float = 0.3  # ... and this much in the search
    everyday_share: float = 0.5  # an everyday English word the document never uses ("glass", "body") counts this much
    lay_weight: float = 0.7  # a clinical alternative for a lay word counts a little less than the user's own word
    history_weights: tuple[float, ...] = (0.5, 0.25)  # the last turn's words, the one before it, in a follow-up
    common_share: float = 0.5  # a term in this share of passages or more (the drug's name) says nothing
    # ranking (index/bm25.py)
    heading_share: float = 0.6  # a heading that is mostly the question ("What is LIPITOR?") ...
    heading_boost: float = 0.5  # ... lifts its passages by this share of the best score
    following_share: float = 0.6  # the section's later passages get this share of the lift
    named_weight: float = 0.5  # only terms this heavy (the question's own words, the last turn's) name a document
    floor: float = 1e-6  # a term in half the passages or more (idf <= 0 in rank_bm25) still counts a little


TUNING = Tuning()
