"""Case and accent folding that keeps character offsets."""

from __future__ import annotations

import unicodedata

from borderwatch.data.gazetteer import UNDECOMPOSED

_ONE_LETTER = {k: v for k, v in UNDECOMPOSED.items() if len(v) == 1}
"""`UNDECOMPOSED`'s letters written with one ASCII letter ("Wisła" as "wisla"); the others
("ß", "æ") are kept, since folding keeps the text's length."""


def fold(text: str) -> str:
    """Lower-case text with accents removed, one character per input character.

    Keeping the length lets offsets found in the folded text point into the original.
    """
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", _ONE_LETTER.get(ch, ch))
        kept = next((c for c in base if not unicodedata.combining(c)), ch)
        out.append(kept.lower()[:1] or ch)
    return "".join(out)
