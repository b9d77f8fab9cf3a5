"""Rows that probably repeat an event already in the table, or another row of the same batch.

Two events are taken for the same one when they are at the same place (any
spelling the gazetteer knows: Hairatan = Hayratan), of the same type, their date
spans overlap, and their summaries are alike (when both have one: briefing
candidates have none yet). Within one batch (an upload, an import, a pasted
briefing) the later of two such rows is flagged with the earlier one's number.
Nothing is dropped or refused here: the review table shows the flag and the
editor keeps or deletes the row.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from borderwatch.data.gazetteer import Gazetteer, normalize
from borderwatch.data.parsing import parse_dates
from borderwatch.data.tables import LINE

DUPLICATE_COLUMN = "possible_duplicate_of"
"""Review-table column holding the ids a row may repeat ("" when none)."""

WINDOW = 20
"""Rows at one place and of one type that each new row is compared with, in the existing
table and in its own batch: the nearest by start date. Bounds the work on a hostile
upload of 50,000 rows at one place, or a table of millions of events there (all pairs
would be billions of comparisons). Two rows further apart are not compared."""

MAX_NAMED = 5
"""Ids and rows named in one row's flag (then "…")."""

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
    rows: pd.DataFrame,
    existing: pd.DataFrame,
    gazetteer: Gazetteer | None = None,
    label: str = "row",
) -> pd.Series:
    """For each of `rows`, the `event_id`s in `existing` and the earlier `rows` it probably repeats.

    Both frames have the event-table columns `event_id`, `date_start`, `date_end`
    (ISO text or datetimes), `event_type`, `place`, `country` and `summary`.
    Returns a Series of strings aligned with `rows.index`: "" for no match,
    else the matching ids in table order, then the earlier rows of the batch
    (`label` and the row's `__line__`, else its index label: "row 2", "line 3"),
    joined by "; ". Rows with a date that is not a real date are never flagged
    (validation reports them).
    """
    out = pd.Series("", index=rows.index, dtype=object, name=DUPLICATE_COLUMN)
    if rows.empty:
        return out
    new = _keyed(rows, gazetteer)
    hits: dict[object, list[str]] = {}
    if not existing.empty and not new.empty:
        _against_existing(new, existing, gazetteer, hits)
    numbers = rows[LINE] if LINE in rows.columns else pd.Series(rows.index, index=rows.index)
    _within_batch(new, numbers, label, hits)
    for r, ids in hits.items():
        if ids:
            out[r] = "; ".join(ids)
    return out


def _against_existing(
    new: pd.DataFrame,
    existing: pd.DataFrame,
    gazetteer: Gazetteer | None,
    hits: dict[object, list[str]],
) -> None:
    """Name the existing events each new row repeats, in table order, at most `MAX_NAMED`.

    Only events at a place and of a type some new row has are parsed further; those
    are sorted by start date per place and type, and each new row is compared with
    the `WINDOW` of them that start nearest before its end (an event starting
    later cannot overlap it). The cost grows with the new rows, not the table.
    """
    place, kind = _place_keys(existing, gazetteer), existing["event_type"].astype(str)
    at = np.flatnonzero(place.isin(new["_place"]).to_numpy() & kind.isin(new["_type"]).to_numpy())
    old = pd.DataFrame(
        {
            "_place": place.iloc[at].to_numpy(),
            "_type": kind.iloc[at].to_numpy(),
            "_start": _dates(existing["date_start"].iloc[at]).to_numpy(),
            "_end": _dates(existing["date_end"].iloc[at]).to_numpy(),
            "_pos": at,
        }
    ).dropna(subset=["_start", "_end"])
    if old.empty:
        return
    old = old.sort_values(["_place", "_type", "_start", "_pos"], kind="stable")
    ids, summaries = existing["event_id"], existing["summary"]
    groups = {
        key: (
            g["_start"].to_numpy(dtype="datetime64[ns]"),
            g["_end"].to_numpy(dtype="datetime64[ns]"),
            g["_pos"].to_numpy(),
        )
        for key, g in old.groupby(["_place", "_type"], sort=False)
    }
    words: dict[int, frozenset[str]] = {}
    for r, p, t, start, end, new_words in zip(
        new.index, new["_place"], new["_type"], new["_start"], new["_end"], new["_words"],
        strict=True,
    ):  # fmt: skip
        if (p, t) not in groups:
            continue
        starts, ends, positions = groups[(p, t)]
        hi = int(np.searchsorted(starts, np.datetime64(end, "ns"), side="right"))
        found = []
        for j in range(hi - 1, max(hi - WINDOW, 0) - 1, -1):
            k = int(positions[j])
            if ends[j] < np.datetime64(start, "ns"):
                continue
            if k not in words:
                words[k] = _words(str(summaries.iat[k]))
            if _alike(new_words, words[k]):
                found.append(k)
        if found:
            named = [str(ids.iat[k]) for k in sorted(found)]
            hits[r] = named[:MAX_NAMED] + (["…"] if len(named) > MAX_NAMED else [])


def _within_batch(
    new: pd.DataFrame, numbers: pd.Series, label: str, hits: dict[object, list[str]]
) -> None:
    """Flag the later of two rows of the batch that repeat each other, naming the earlier.

    Rows sharing place and type are sorted by start date; each is compared with
    the `WINDOW` rows before it (those starting no later), so every
    overlapping pair within that distance is seen once.
    """
    shared = new[new.duplicated(["_place", "_type"], keep=False)]
    if shared.empty:
        return
    position = pd.Series(range(len(new)), index=new.index)
    shared = shared.assign(_pos=position[shared.index]).sort_values(
        ["_place", "_type", "_start", "_pos"]
    )
    place, kind = shared["_place"].tolist(), shared["_type"].tolist()
    start = shared["_start"].to_numpy(dtype="datetime64[ns]").astype("int64").tolist()
    end = shared["_end"].to_numpy(dtype="datetime64[ns]").astype("int64").tolist()
    words, pos, index = shared["_words"].tolist(), shared["_pos"].tolist(), shared.index.tolist()
    names = [f"{label} {n}" for n in numbers.loc[shared.index].tolist()]
    found: list[tuple[int, int, object, str]] = []  # positions, the later row, the earlier's name
    for i in range(1, len(shared)):
        j, named = i - 1, 0
        while j >= max(0, i - WINDOW) and place[j] == place[i] and kind[j] == kind[i]:
            # Sorted by start: row j starts no later than row i, so they overlap when j ends after.
            if end[j] >= start[i] and _alike(words[i], words[j]):
                later, earlier = (i, j) if pos[i] > pos[j] else (j, i)
                found.append((pos[later], pos[earlier], index[later], names[earlier]))
                named += later == i
                if named > MAX_NAMED:  # enough to show ("…" follows); spares a flood of copies
                    break
            j -= 1
    for _, _, r, name in sorted(found, key=lambda f: f[:2]):
        listed = hits.setdefault(r, [])
        if len(listed) < MAX_NAMED:
            listed.append(name)
        elif len(listed) == MAX_NAMED:
            listed.append("…")


def _keyed(df: pd.DataFrame, gazetteer: Gazetteer | None) -> pd.DataFrame:
    """Comparison keys of each row: canonical place, type, dates, summary words."""
    keyed = pd.DataFrame(
        {
            "_place": _place_keys(df, gazetteer).to_numpy(),
            "_type": df["event_type"].astype(str).to_numpy(),
            "_start": _dates(df["date_start"]).to_numpy(),
            "_end": _dates(df["date_end"]).to_numpy(),
            "_words": [_words(s) for s in df["summary"].astype(str)],
            "_id": df["event_id"].astype(str).to_numpy(),
        },
        index=df.index,
    )
    return keyed[(keyed["_place"] != "") & keyed["_start"].notna() & keyed["_end"].notna()]


def _place_keys(df: pd.DataFrame, gazetteer: Gazetteer | None) -> pd.Series:
    """Each row's place as the gazetteer's curated name, normalised; each distinct
    (place, country) is looked up once, so a million rows cost a few thousand lookups."""
    place = df["place"].astype(str)
    country = df["country"].astype(str) if "country" in df.columns else pd.Series("", df.index)
    place_codes, places = pd.factorize(place)
    country_codes, countries = pd.factorize(country)
    codes, pairs = pd.factorize(place_codes * len(countries) + country_codes)

    def key(pair: int) -> str:
        p, c = places[pair // len(countries)], countries[pair % len(countries)]
        canon = gazetteer.canonical_name(p, c or None) if gazetteer is not None else None
        if canon is None and gazetteer is not None:
            canon = gazetteer.canonical_name(p)
        return normalize(canon or p)

    keys = np.array([key(pair) for pair in pairs], dtype=object)
    return pd.Series(keys[codes], index=df.index, dtype=object)


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
