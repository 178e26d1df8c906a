"""Sentence boundaries from nltk's Punkt, trained on the document itself.

nltk's pretrained Punkt data cannot be downloaded here (nor in CI, nor at many users'
sites), so each document teaches Punkt its own abbreviations; a short list of common
ones covers documents too small to learn from.
"""

from __future__ import annotations

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktTrainer

COMMON_ABBREVIATIONS = {
    "u.s", "u.k", "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "inc", "ltd", "co", "no", "approx",
    "mg", "mcg", "ml", "kg", "hr", "hrs", "min", "max", "fig", "ref", "b.i.d", "t.i.d", "q.i.d", "p.o", "i.v", "tab",
}


def sentence_splitter(text: str) -> PunktSentenceTokenizer:
    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    trainer.train(text, finalize=True)
    params: PunktParameters = trainer.get_params()
    params.abbrev_types.update(COMMON_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)
