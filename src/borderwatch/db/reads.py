"""Reading the store: the whole data set per data version, filtered events, a row's history.

The data set is typed by the same functions as a data folder's, so the page shows
the same counts, map and board on either. The filters run in PostgreSQL
(`sqlfilters.where_clause`, the one compiler DuckDB uses too): the page takes the
rows they select from the cached frame.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import psycopg
from psycopg import sql

from borderwatch.analysis.filters import Filters
from borderwatch.analysis.sqlfilters import POSTGRES, where_clause
from borderwatch.data.gazetteer import Gazetteer
from borderwatch.data.loader import Dataset, typed_events
from borderwatch.db.schema import CROSSINGS, EVENTS, PLACES, SOURCES, require_initialised
from borderwatch.db.transfer import read_text_table


@dataclass(frozen=True)
class StoreData:
    """The data set as the store held it at `version`, and each event's row number (`seq`)."""

    dataset: Dataset
    seqs: np.ndarray
    version: tuple[int, int]


def data_version(conn: psycopg.Connection) -> tuple[int, int]:
    """Changes so far and the last change's id: any committed write changes this pair.

    The count matters too: two saves may commit in the other order than their ids.
    """
    row = conn.execute("SELECT count(*), coalesce(max(change_id), 0) FROM changes").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def last_change_time(conn: psycopg.Connection) -> dt.datetime | None:
    """When the last committed change was made (UTC); None before any."""
    row = conn.execute("SELECT max(changed_at) FROM changes").fetchone()
    return row[0] if row else None


def load_store(conn: psycopg.Connection, outlines_dir: Path) -> StoreData:
    """Every table, typed as a data folder's are; one consistent snapshot.

    `outlines_dir` is the folder whose borders.geojson draws the outlines.
    """
    require_initialised(conn)
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        version = data_version(conn)
        sources = read_text_table(conn, SOURCES)
        places = read_text_table(conn, PLACES)
        crossings = read_text_table(conn, CROSSINGS)
        raw = read_text_table(conn, EVENTS)
        seqs = np.array(
            [r[0] for r in conn.execute("SELECT seq FROM events ORDER BY seq")], dtype=np.int64
        )
    places["latitude"] = places["latitude"].astype(float)
    places["longitude"] = places["longitude"].astype(float)
    gazetteer = Gazetteer(places)
    events = typed_events(raw, gazetteer)
    return StoreData(
        Dataset(events, places, crossings, sources, gazetteer, outlines_dir), seqs, version
    )


def matching_seqs(
    conn: psycopg.Connection, f: Filters, places: pd.DataFrame | None = None
) -> np.ndarray:
    """Row numbers (`seq`) of the events that match `f`, in table order; with the
    gazetteer (`places`) the text search knows every name of a place."""
    where, params = where_clause(f, dialect=POSTGRES, places=places)
    query = sql.SQL("SELECT seq FROM events WHERE {} ORDER BY seq").format(sql.SQL(where))
    rows = conn.execute(query, params).fetchall()
    return np.array([r[0] for r in rows], dtype=np.int64)


def filtered_events(conn: psycopg.Connection, store: StoreData, f: Filters) -> pd.DataFrame:
    """The events of `store` that PostgreSQL finds matching `f` (rows saved since are left out)."""
    seqs = matching_seqs(conn, f, store.dataset.places)
    positions = np.searchsorted(store.seqs, seqs)
    inside = positions < len(store.seqs)
    positions = positions[inside][store.seqs[positions[inside]] == seqs[inside]]
    return store.dataset.events.iloc[positions]


HISTORY_COLUMNS = ["When (UTC)", "Editor", "Change", "Note"]


def history(conn: psycopg.Connection, table: str, key: str) -> pd.DataFrame:
    """Every recorded change of one row, oldest first, as text for the page."""
    rows = conn.execute(
        "SELECT changed_at, editor, action, before, after, note FROM changes "
        "WHERE table_name = %s AND row_key = %s ORDER BY change_id",
        (table, key),
    ).fetchall()
    return pd.DataFrame(
        [
            (
                pd.Timestamp(when).tz_convert("UTC").strftime("%Y-%m-%d %H:%M:%S"),
                editor,
                describe_change(action, before, after),
                note,
            )
            for when, editor, action, before, after, note in rows
        ],
        columns=HISTORY_COLUMNS,
        dtype=str,
    )


def describe_change(action: str, before: Any, after: Any) -> str:
    """'added', 'deleted', or 'changed field: old → new; …' for one history row."""
    if action == "insert":
        return "added"
    if action == "delete":
        return "deleted"
    before, after = _as_dict(before), _as_dict(after)
    changed = [k for k in after if before.get(k) != after.get(k)]
    return "changed " + "; ".join(f"{k}: {before.get(k)!r} → {after.get(k)!r}" for k in changed)


def _as_dict(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        return dict(json.loads(value))
    return dict(value or {})
