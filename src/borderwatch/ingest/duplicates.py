"""Rows that probably repeat an event already in the table, for the editor to judge.

Two events are taken for the same one when they are at the same place (any
spelling the gazetteer knows: Hairatan = Hayratan), of the same type, their date
spans overlap, and their summaries are alike (when both have one: briefing
candidates have none yet). Nothing is dropped or refused here: the review table
shows the flag and the editor keeps or deletes the row.
"""

from __future__ import annotations

import re

import pandas as pd

from borderwatch.data.gazetteer import Gazetteer, normalize
from borderwatch.data.parsing import parse_dates

DUPLICATE_COLUMN = "possible_duplicate_of"
"""Review-table column holding the ids a row may repeat ("" when none)."""

SIMILAR = 0.5
"""Share of the shorter summary's words that the other summary must also have."""

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    re.findall(
        r"\w+",
        "a an and are as at by for from in into is it its of on or that the their this to was "
        "were with after before over under near",
    )
)


def find_duplicates(
    rows: pd.DataFrame, existing: pd.DataFrame, gazetteer: Gazetteer | None = None
) -> pd.Series:
    """For each of `rows`, the `event_id`s in `existing` it probably repeats.

    Both frames have the event-table columns `event_id`, `date_start`, `date_end`
    (ISO text or datetimes), `event_type`, `place`, `country` and `summary`.
    Returns a Series of strings aligned with `rows.index`: "" for no match,
    else the matching ids joined by "; " in table order. Rows with a date that is
    not a real date are never flagged (validation reports them).
    """
    out = pd.Series("", index=rows.index, dtype=object, name=DUPLICATE_COLUMN)
    if rows.empty or existing.empty:
        return out
    new = _keyed(rows, gazetteer)
    old = _keyed(existing, gazetteer)
    # Only existing events with a place and type some new row has are compared.
    pairs = new.reset_index(names="_row").merge(old, on=["_place", "_type"], suffixes=("", "_old"))
    pairs = pairs[(pairs["_start"] <= pairs["_end_old"]) & (pairs["_end"] >= pairs["_start_old"])]
    hits: dict[object, list[str]] = {}
    for r, words, old_words, old_id in zip(
        pairs["_row"], pairs["_words"], pairs["_words_old"], pairs["_id_old"], strict=True
    ):
        if _alike(words, old_words) and old_id not in hits.setdefault(r, []):
            hits[r].append(old_id)
    for r, ids in hits.items():
        if ids:
            out[r] = "; ".join(ids)
    return out


def _keyed(df: pd.DataFrame, gazetteer: Gazetteer | None) -> pd.DataFrame:
    """Comparison keys of each row: canonical place, type, dates, summary words."""
    place = df["place"].astype(str)
    country = df["country"].astype(str) if "country" in df.columns else pd.Series("", df.index)
    memo: dict[tuple[str, str], str] = {}

    def key(p: str, c: str) -> str:
        if (p, c) not in memo:
            canon = gazetteer.canonical(p, c or None) if gazetteer is not None else None
            if canon is None and gazetteer is not None:
                canon = gazetteer.canonical(p)
            memo[(p, c)] = normalize(canon or p)
        return memo[(p, c)]

    keyed = pd.DataFrame(
        {
            "_place": [key(p, c) for p, c in zip(place, country, strict=True)],
            "_type": df["event_type"].astype(str).to_numpy(),
            "_start": _dates(df["date_start"]).to_numpy(),
            "_end": _dates(df["date_end"]).to_numpy(),
            "_words": [_words(s) for s in df["summary"].astype(str)],
            "_id": df["event_id"].astype(str).to_numpy(),
        },
        index=df.index,
    )
    return keyed[(keyed["_place"] != "") & keyed["_start"].notna() & keyed["_end"].notna()]


def _dates(s: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(s):
        return s
    return parse_dates(s.astype(str).str.strip())


def _words(summary: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(normalize(summary)) if w not in _STOP)


def _alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """Summaries alike, or at least one not written yet (a candidate's)."""
    if not a or not b:
        return True
    return len(a & b) / min(len(a), len(b)) >= SIMILAR
