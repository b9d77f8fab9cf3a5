"""The event table's one shape: which columns, in which order, and each as events.csv writes it.

The loader reads `ALL_COLUMNS`; every writer (downloads in `export`, imports in
`ingest`, saves in `ingest.store` and `db`) writes `columns_of(...)`, so an optional
column that holds a value anywhere survives every round trip.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from borderwatch.data.vocab import EVENT_COLUMNS, OPTIONAL_EVENT_COLUMNS

ALL_COLUMNS: tuple[str, ...] = EVENT_COLUMNS + OPTIONAL_EVENT_COLUMNS
"""Every column an event table may carry, in file order."""


def _text(values: pd.Series) -> pd.Series:
    return values.astype(object).where(values.notna(), "").astype(str)


def columns_of(table: pd.DataFrame, keep: Iterable[str] = ()) -> list[str]:
    """`EVENT_COLUMNS`, then each optional column that holds a value in `table` or is in `keep`.

    `keep` is for a file whose header already has an optional column: saving into it
    never drops the column, even when every value is blank.
    """
    kept = set(keep)
    return list(EVENT_COLUMNS) + [
        c
        for c in OPTIONAL_EVENT_COLUMNS
        if c in kept or (c in table.columns and (_text(table[c]) != "").any())
    ]


def event_table(events: pd.DataFrame) -> pd.DataFrame:
    """Events (typed, as loaded) as text in events.csv form: ISO dates, blanks as "".

    The columns are `columns_of` the text (a `sequence` of 0 is blank); columns the
    loader derives (the gazetteer name, where coordinates came from, the geometry)
    are left out.
    """
    out = pd.DataFrame(index=events.index)
    for col in (c for c in ALL_COLUMNS if c in events.columns):
        values = events[col]
        if col in ("date_start", "date_end"):
            out[col] = pd.to_datetime(values).dt.strftime("%Y-%m-%d")
        elif col in ("latitude", "longitude"):
            out[col] = values.astype(float).map(lambda v: "" if pd.isna(v) else f"{v:.6g}")
        elif col == "sequence":
            seq = values.fillna(0).astype(int)
            out[col] = seq.astype(str).where(seq != 0, "")
        else:
            out[col] = _text(values)
    return out[columns_of(out)].reset_index(drop=True)


def csv_bytes(table: pd.DataFrame) -> bytes:
    """A text event table as UTF-8 CSV in `columns_of` order, which the loader reads back."""
    return table[columns_of(table)].to_csv(index=False, lineterminator="\n").encode("utf-8")
