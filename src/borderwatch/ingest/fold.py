"""Case and accent folding that keeps character offsets."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case text with accents removed, one character per input character.

    Keeping the length lets offsets found in the folded text point into the original.
    """
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)
        kept = next((c for c in base if not unicodedata.combining(c)), ch)
        out.append(kept.lower()[:1] or ch)
    return "".join(out)
