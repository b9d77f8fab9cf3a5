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

import pandas as pd

from borderwatch.data.gazetteer import Gazetteer, normalize
from borderwatch.data.parsing import parse_dates
from borderwatch.data.tables import LINE

DUPLICATE_COLUMN = "possible_duplicate_of"
"""Review-table column holding the ids a row may repeat ("" when none)."""

BATCH_WINDOW = 20
"""Rows of a batch at one place and of one type that each row is compared with: the
nearest by start date. Bounds the work on a hostile upload of 50,000 rows at one
place (all pairs would be over a billion comparisons). Two rows further apart are
not compared."""

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
    if not existing.empty:
        _against_existing(new, _keyed(existing, gazetteer), hits)
    numbers = rows[LINE] if LINE in rows.columns else pd.Series(rows.index, index=rows.index)
    _within_batch(new, numbers, label, hits)
    for r, ids in hits.items():
        if ids:
            out[r] = "; ".join(ids)
    return out


def _against_existing(new: pd.DataFrame, old: pd.DataFrame, hits: dict[object, list[str]]) -> None:
    # Only existing events with a place and type some new row has are compared.
    pairs = new.reset_index(names="_row").merge(old, on=["_place", "_type"], suffixes=("", "_old"))
    pairs = pairs[(pairs["_start"] <= pairs["_end_old"]) & (pairs["_end"] >= pairs["_start_old"])]
    for r, words, old_words, old_id in zip(
        pairs["_row"], pairs["_words"], pairs["_words_old"], pairs["_id_old"], strict=True
    ):
        if _alike(words, old_words) and old_id not in hits.setdefault(r, []):
            hits[r].append(old_id)


def _within_batch(
    new: pd.DataFrame, numbers: pd.Series, label: str, hits: dict[object, list[str]]
) -> None:
    """Flag the later of two rows of the batch that repeat each other, naming the earlier.

    Rows sharing place and type are sorted by start date; each is compared with
    the `BATCH_WINDOW` rows before it (those starting no later), so every
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
        while j >= max(0, i - BATCH_WINDOW) and place[j] == place[i] and kind[j] == kind[i]:
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
    place = df["place"].astype(str)
    country = df["country"].astype(str) if "country" in df.columns else pd.Series("", df.index)
    memo: dict[tuple[str, str], str] = {}

    def key(p: str, c: str) -> str:
        if (p, c) not in memo:
            canon = gazetteer.canonical_name(p, c or None) if gazetteer is not None else None
            if canon is None and gazetteer is not None:
                canon = gazetteer.canonical_name(p)
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
