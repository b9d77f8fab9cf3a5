"""Other romanisations of one name (Sar-e Pul / Sari Pul, Sheberghan / Shibirghan): a
shared key and a likeness test, and an index of GeoNames towns and provinces by key."""

from __future__ import annotations

import re
from functools import cache

from borderwatch.data.gazetteer import (
    geonames_keys,
    normalize,
    paused_collection,
)
from borderwatch.ingest.placewords import CONNECTORS
from borderwatch.ingest.provinces import provinces_by_name

_DIGRAPHS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("q", "k"), ("ph", "f"))


def _folded_romanisation(name: str) -> str:
    """The name's words without connectors, joined, with romanisation digraphs folded."""
    return _fold_key(normalize(name))


def _fold_key(key: str) -> str:
    """`_folded_romanisation` of an already normalized name (the index's hot path)."""
    flat = "".join(w for w in key.split() if w not in CONNECTORS)
    for a, b in _DIGRAPHS:
        if a in flat:
            flat = flat.replace(a, b)
    return flat


_VOWELISH = re.compile(r"[aeiouyw]+")
_REPEATED = re.compile(r"(.)\1+")


def _translit_of_key(key: str) -> str:
    flat = _fold_key(key)
    if not flat:
        return ""
    return _REPEATED.sub(r"\1", flat[0] + _VOWELISH.sub("", flat[1:]))


def translit_key(name: str) -> str:
    """A key that romanisations of one name share: Sar-e Pul = Sari Pul, Leylek = Leilek.

    Connectors (-e-, -i-, ul …) and vowels (and y, w) are dropped after folding the
    digraphs of Persian and Russian romanisation (kh/h, gh/g, q/k, dzh/j), as
    `gazetteer.skeleton` does for curated names; a candidate that shares the key
    must still look alike (`close_spelling`).
    """
    return _translit_of_key(normalize(name))


def close_spelling(a: str, b: str) -> bool:
    """Two spellings alike enough to be one name's romanisations (Shibirghan, Sheberghan)."""
    import difflib

    fa, fb = _folded_romanisation(a), _folded_romanisation(b)
    return fa[:1] == fb[:1] and difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.75


@cache
def translit_index(kind: str) -> dict[str, list[str]]:
    """translit_key -> normalized names of GeoNames towns or provinces sharing it."""
    names = provinces_by_name().keys() if kind == "province" else geonames_keys()
    out: dict[str, list[str]] = {}
    with paused_collection():
        for key in names:
            t = _translit_of_key(key)
            if len(t) >= 4:
                out.setdefault(t, []).append(key)
    return out


def variant_keys(key: str, kind: str) -> list[str]:
    """Names of the index `kind` that are another romanisation of `key` (exact first)."""
    t = translit_key(key)
    if len(t) < 4:
        return []
    return [k for k in translit_index(kind).get(t, []) if k != key and close_spelling(k, key)]
