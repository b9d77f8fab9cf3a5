"""Saving new events into the store: one transaction per save, checked as a folder save is.

The rows are checked inside the transaction against the sources and gazetteer the
database holds at that moment, then inserted with any new sources; the history
trigger records each row with the editor's identity. Two editors saving at once
both keep their rows: blank event ids are numbered inside the transaction while it
holds a transaction-level advisory lock (`ID_LOCK`), so the second save reads the
first one's ids only after it committed; an event id saved twice is still refused
by the table's unique constraint, with a message rather than an overwrite.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import psycopg

from borderwatch.data import vocab
from borderwatch.data.eventtable import ALL_COLUMNS
from borderwatch.data.gazetteer import Gazetteer
from borderwatch.data.loader import typed_events
from borderwatch.data.problems import DataError, Problem
from borderwatch.data.tables import LINE
from borderwatch.db.schema import EVENTS, PLACES, SOURCES, require_initialised
from borderwatch.db.transfer import _as_editor, insert_rows, read_text_table
from borderwatch.ingest.ids import ID_PREFIX, assign_ids, years_needing_ids
from borderwatch.ingest.tidy import Context, check_events

ID_LOCK = 0x42570016
"""pg_advisory_xact_lock key held while a save numbers and inserts its events."""


@dataclass(frozen=True)
class DbSaveResult:
    """What a save to the store did."""

    added: int
    sources_added: int
    editor: str
    event_ids: tuple[str, ...] = ()
    """The saved rows' ids, in order (blank ones numbered in the transaction)."""


def store_context(conn: psycopg.Connection, extra_sources: Sequence[str] = ()) -> Context:
    """The source ids and gazetteer the store holds now (plus ids about to be added)."""
    places = read_text_table(conn, PLACES)
    places["latitude"] = places["latitude"].astype(float)
    places["longitude"] = places["longitude"].astype(float)
    ids = {r[0] for r in conn.execute("SELECT source_id FROM sources")}
    return Context(frozenset(ids) | frozenset(extra_sources), Gazetteer(places))


def save_events(
    conn: psycopg.Connection,
    rows: pd.DataFrame,
    file: str,
    editor: str,
    sources: Sequence[Mapping[str, str]] = (),
) -> DbSaveResult:
    """Insert `rows` (tidy strings with `__line__`) and the `sources` the store lacks.

    `editor` is who the history records; the caller has checked they may write
    (`Access.require_editor`). DataError (nothing saved) when any row has a problem
    or an event id is already in the store.
    """
    if not editor:
        raise ValueError("a save needs the editor's identity")
    require_initialised(conn)
    new_sources = list(sources)
    try:
        with conn.transaction():
            _as_editor(conn, editor, f"Add events: {file}")
            context = store_context(conn, [s["source_id"] for s in new_sources])
            text = rows.copy()
            for c in ALL_COLUMNS:
                if c not in text.columns:
                    text[c] = ""
            text = _with_ids(conn, text.fillna("").astype({"event_id": str}))
            problems = check_events(text, file, context)
            problems += _already_saved(conn, text, file)
            if problems:
                raise DataError(sorted(set(problems), key=lambda p: (p.line or 0, p.field or "")))
            known = {r[0] for r in conn.execute("SELECT source_id FROM sources")}
            fresh = [s for s in new_sources if s["source_id"] not in known]
            if fresh:
                table = pd.DataFrame(fresh, columns=list(vocab.SOURCE_COLUMNS))
                insert_rows(conn, SOURCES, table, None, skip_existing=True)
            text = text[[*ALL_COLUMNS, LINE]].fillna("").astype({c: str for c in ALL_COLUMNS})
            typed = typed_events(text, context.gazetteer)  # type: ignore[arg-type]
            insert_rows(conn, EVENTS, text.drop(columns=LINE), typed)
    except psycopg.errors.UniqueViolation as e:
        # Another editor's save of the same id (or source) committed first.
        raise DataError(
            [Problem(file, None, None, f"nothing was saved: {e.diag.message_detail or e}")]
        ) from None
    return DbSaveResult(len(rows), len(fresh), editor, tuple(text["event_id"]))


def _with_ids(conn: psycopg.Connection, rows: pd.DataFrame) -> pd.DataFrame:
    """`rows` with blank event ids numbered after the store's highest id of each year.

    Called inside the save's transaction. Every save takes the advisory lock, which
    is held until the transaction ends, so no other save can number or insert
    events between this read and the commit.
    """
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (ID_LOCK,))
    years = years_needing_ids(rows)
    if not years:
        return rows
    taken = [
        r[0]
        for r in conn.execute(
            "SELECT event_id FROM events WHERE event_id LIKE ANY(%s)",
            ([f"{ID_PREFIX}-{y}-%" for y in years],),
        )
    ]
    return assign_ids(rows, taken)


def _already_saved(conn: psycopg.Connection, rows: pd.DataFrame, file: str) -> list[Problem]:
    ids = [str(i) for i in rows["event_id"] if str(i)]
    taken = {
        r[0] for r in conn.execute("SELECT event_id FROM events WHERE event_id = ANY(%s)", (ids,))
    }
    return [
        Problem(file, int(r[LINE]), "event_id", f"{r['event_id']!r} is already in the database")
        for _, r in rows[rows["event_id"].isin(taken)].iterrows()
    ]
