"""Drug names, brand and generic, from a maintained dictionary: "Tylenol" -> acetaminophen.

The names come from the MIT-licensed ``drug-named-entity-recognition`` package (Fast Data
Science: DrugBank, MeSH, Wikipedia and NHS names). Importing it costs 2.3 s and
unpickling its dictionary 1.2 s, too much for every start, so the part we use (variant ->
drug name, words only) is extracted once into ``index/data/drug_names.json.gz`` by
``python -m index.drugnames`` (with the package installed: ``pip install -e '.[data]'``)
and loaded from there in about 0.1 s, on first use. A test checks the file still matches
the package when it is installed.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import threading
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "drug_names.json.gz"
MAX_WORDS = 3  # "vitamin d", "insulin glargine", "hmg coa reductase"
_WORD = re.compile(r"[a-z]{3,}")
_LOCK = threading.Lock()
_NAMES: dict[str, str] | None = None


def names() -> dict[str, str]:
    """variant (lowercase words joined by spaces) -> the drug's name, loaded on first use."""
    global _NAMES
    with _LOCK:
        if _NAMES is None:
            _NAMES = json.loads(gzip.decompress(DATA.read_bytes()))
    return _NAMES


def drug_of(phrase: str) -> str | None:
    """The drug a word or phrase names ("xanax" -> "Alprazolam"), or None."""
    return names().get(phrase.lower())


def find_drugs(words: list[str]) -> list[tuple[str, str, range]]:
    """(surface, drug name, word positions) for each drug named in a list of words, longest first."""
    table, found, i = names(), [], 0
    while i < len(words):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n]).lower()
            if phrase in table:
                found.append((phrase, table[phrase], range(i, i + n)))
                i += n
                break
        else:
            i += 1
    return found


def extract(package_dictionary: dict, zipf) -> dict[str, str]:
    """The table we ship: word-only variants, without everyday English words ("caps", "sits")."""
    canonical_to_data = package_dictionary["drug_canonical_to_data"]
    table = {}
    for variant, canonicals in package_dictionary["drug_variant_to_canonical"].items():
        parts = variant.split()
        if not canonicals or len(parts) > MAX_WORDS or not all(_WORD.fullmatch(p) for p in parts):
            continue
        canonical = canonicals[0]
        if len(parts) == 1 and zipf(variant) >= 4.0 and variant != canonical:
            continue  # a common English word that is also a brand or a code name
        table[variant] = canonical_to_data.get(canonical, {}).get("name") or canonical
    return dict(sorted(table.items()))


def build() -> bytes:
    import bz2
    import pickle

    import drug_named_entity_recognition

    from .english import zipf

    source = Path(drug_named_entity_recognition.__file__).parent / "drug_ner_dictionary.pkl.bz2"
    with bz2.open(source, "rb") as f:
        package_dictionary = pickle.load(f)  # the package's own data file, shipped in its wheel
    text = json.dumps(extract(package_dictionary, zipf), separators=(",", ":"), ensure_ascii=False)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


if __name__ == "__main__":
    data = build()
    DATA.write_bytes(data)
    print(f"wrote {DATA} ({len(data):,} bytes, {len(json.loads(gzip.decompress(data))):,} names)", file=sys.stderr)
