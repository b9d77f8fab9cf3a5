"""An editor's decisions on briefing candidates, one action each: accept, merge, drop.

Candidates live in one table (the review's rows, numbered from 1) with a
`status` column: `candidate` until accepted, then `checked`. Only accepted rows
are saved; their ids come from the data's own scheme (`ids.assign_ids`) when the
store saves them, never from the extractor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd

from borderwatch.data import vocab
from borderwatch.data.gazetteer import Gazetteer
from borderwatch.ingest.extract import STATUS_CANDIDATE, STATUS_CHECKED

_PRECISION_ORDER = {p: i for i, p in enumerate(vocab.DATE_PRECISIONS)}


def accepted(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows the editor has accepted (status `checked`), in order."""
    if "status" not in rows.columns:
        return rows
    return rows[rows["status"] == STATUS_CHECKED]


def undecided(rows: pd.DataFrame) -> pd.DataFrame:
    """The candidates the editor has neither accepted, merged nor dropped."""
    if "status" not in rows.columns:
        return rows.iloc[0:0]
    return rows[rows["status"] == STATUS_CANDIDATE]


def accept(rows: pd.DataFrame, n: int) -> pd.DataFrame:
    """Candidate `n` accepted: status `checked`, confidence `reported` unless already set.

    A briefing reports what it says; the editor raises or lowers that in the table.
    """
    out = rows.copy()
    out.loc[n, "status"] = STATUS_CHECKED
    if not str(out.loc[n, "confidence"]):
        out.loc[n, "confidence"] = "reported"
    return out


def drop(rows: pd.DataFrame, n: int) -> pd.DataFrame:
    """Candidate `n` removed (the other rows keep their numbers)."""
    return rows.drop(index=n)


def merge_targets(rows: pd.DataFrame) -> dict[int, int | None]:
    """For each row, the row it most likely repeats: same place, best an overlapping date,
    same type, then the nearest number; None when no other row is at the same place.

    Every row at once, from plain records grouped by place: one row at a time, with a
    pandas selection and `iterrows` each, took 0.6 s for a page of 108 candidates.
    """
    records: dict[int, dict[str, Any]] = {
        int(n): r  # type: ignore[call-overload]
        for n, r in rows.to_dict("index").items()
    }
    by_place: dict[str, list[int]] = {}
    for n, r in records.items():
        if isinstance(r["place"], str):  # a missing place is at no place
            by_place.setdefault(r["place"], []).append(n)

    def best(n: int) -> int | None:
        row = records[n]
        same = [m for m in by_place.get(row["place"], []) if m != n]
        if not same:
            return None

        def score(m: int) -> tuple[bool, bool, bool, int]:
            other = records[m]
            overlap = bool(
                row["date_start"]
                and other["date_start"]
                and other["date_start"] <= row["date_end"]
                and row["date_start"] <= other["date_end"]
            )
            return (
                other.get("status") == STATUS_CHECKED,
                overlap,
                other["event_type"] == row["event_type"],
                -abs(m - n),
            )

        return max(same, key=score)

    return {n: best(n) for n in records}


def merge(rows: pd.DataFrame, n: int, into: int) -> pd.DataFrame:
    """Candidate `n` folded into row `into`: one event, dated to cover both, then `n` dropped.

    The span becomes the union of both spans and the precision the coarser of the
    two; a blank type, date or coordinate of `into` is taken from `n`; the
    evidence sentences are kept side by side.
    """
    out = rows.copy()
    a, b = out.loc[into].copy(), out.loc[n]
    starts = [d for d in (a["date_start"], b["date_start"]) if d]
    ends = [d for d in (a["date_end"], b["date_end"]) if d]
    if starts and ends:
        a["date_start"], a["date_end"] = min(starts), max(ends)
        precisions = [p for p in (a["date_precision"], b["date_precision"]) if p]
        a["date_precision"] = max(precisions, key=lambda p: _PRECISION_ORDER.get(p, -1))
    for col in ("event_type", "latitude", "longitude", "geo_precision", "country"):
        if not str(a.get(col, "")) and str(b.get(col, "")):
            a[col] = b[col]
    if "evidence_sentence" in out.columns and b["evidence_sentence"] != a["evidence_sentence"]:
        a["evidence_sentence"] = f"{a['evidence_sentence']} | {b['evidence_sentence']}"
    out.loc[into] = a
    return out.drop(index=n)


def apply_edits(
    rows: pd.DataFrame, shown: pd.Index, edited_rows: Mapping[int | str, Mapping[str, Any]]
) -> pd.DataFrame:
    """Cell edits made in a table that showed `rows.loc[shown]`, written back into `rows`.

    `edited_rows` is Streamlit's data-editor state: {position: {column: value}}.
    """
    out = rows.copy()
    for pos, cells in edited_rows.items():
        label = shown[int(pos)]
        for col, value in cells.items():
            if col in out.columns:
                out.loc[label, col] = "" if value is None else str(value)
    return out


def location_note(row: pd.Series, gazetteer: Gazetteer | None) -> str:
    """What the editor must add before a candidate can be saved: its coordinates, when it
    has none and no gazetteer knows its place (a name only the text's words said was a
    place, "the Roki Tunnel"); "" otherwise.

    Saving checks the same (`schema`: "unknown place … and no coordinates given"), so such
    a row is never saved without a location; this says so before it is accepted.
    """
    if str(row.get("latitude", "") or "").strip() or not str(row.get("place", "")).strip():
        return ""
    place, country = str(row["place"]), str(row.get("country", "") or "") or None
    if gazetteer is not None and (
        gazetteer.lookup(place, country) is not None or gazetteer.lookup(place) is not None
    ):
        return ""
    return (
        f"No coordinates: no gazetteer knows {place}. Accepting adds the row to the table, "
        "but it cannot be saved until you enter its latitude and longitude there."
    )


def date_note(row: pd.Series, published: dt.date | None) -> str:
    """A warning when a candidate starts after the briefing was published; "" otherwise.

    A briefing reports what had happened by its publication day, so such a date is
    almost always a misreading ("two days later" counted from the wrong day) or a
    slip in the text itself; the editor is asked to check it against the sentence.
    """
    start = str(row.get("date_start", "") or "")
    if published is None or not start:
        return ""
    try:
        day = dt.date.fromisoformat(start)
    except ValueError:
        return ""
    if day <= published:
        return ""
    return (
        f"Dated after the briefing was published ({published.isoformat()}): "
        "check the date against the sentence before accepting it."
    )


def label(row: pd.Series) -> str:
    """One line naming a candidate: place, dates, type, confidence."""
    if row["date_start"] and row["date_start"] != row["date_end"]:
        when = f"{row['date_start']} – {row['date_end']}"
    else:
        when = row["date_start"] or "no date"
    precision = f" ({row['date_precision']})" if row["date_precision"] else ""
    etype = row["event_type"] or "type?"
    conf = f" · confidence {row['candidate_confidence']}" if row.get("candidate_confidence") else ""
    return f"#{row.name} · {row['place']} · {when}{precision} · {etype}{conf}"
