"""`borderwatch db load DIR` and `db dump DIR`: a data folder into the database and back.

A load validates the folder exactly as the app does (`load_dataset`), so the
database only ever holds what the folder would; a dump writes each table back in
its file's own column order and line ending, so load-then-dump gives the same files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import psycopg
from psycopg import sql

from borderwatch.data.loader import events_path, load_dataset, resolve_data_dir
from borderwatch.data.problems import DataError, Problem
from borderwatch.data.tables import LINE, read_table
from borderwatch.db.schema import EVENTS, PLACES, TABLES, Table, require_initialised
from borderwatch.ingest.store import _header, _line_end, atomic_write, backup, table_bytes


@dataclass(frozen=True)
class Counts:
    """Rows per table after a load or in a dump."""

    rows: dict[str, int]

    def __str__(self) -> str:
        return ", ".join(f"{n} {name}" for name, n in self.rows.items())


def _file_for(d: Path, t: Table) -> Path | None:
    if t is EVENTS:
        return events_path(d)
    path = d / t.file
    return path if path.exists() else None


def _text_table(path: Path, t: Table) -> pd.DataFrame:
    optional = t.columns[len(_required(t)) :]
    return read_table(path, _required(t), optional).drop(columns=LINE)


def _required(t: Table) -> tuple[str, ...]:
    from borderwatch.data import vocab

    return vocab.EVENT_COLUMNS if t is EVENTS else t.columns


def load_folder(
    conn: psycopg.Connection, data_dir: Path | str, editor: str, replace: bool = False
) -> Counts:
    """Validate `data_dir` and put its tables into the database in one transaction.

    Refuses (DataError) when the folder has any problem, or when the database
    already holds data and `replace` is not set; with `replace`, the old rows are
    deleted in the same transaction (and recorded as deletions).
    """
    d = resolve_data_dir(data_dir)
    ds = load_dataset(d)  # every problem of the folder, exactly as the app reports them
    require_initialised(conn)
    with conn.transaction():
        _as_editor(conn, editor, f"db load {d}")
        held = {t.name: _count(conn, t) for t in TABLES}
        if any(held.values()) and not replace:
            raise DataError(
                [
                    Problem(
                        "database",
                        None,
                        None,
                        f"already holds data ({', '.join(f'{n} {k}' for k, n in held.items())})"
                        ": use --replace to swap it for the folder's",
                    )
                ]
            )
        for t in reversed(TABLES):
            conn.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(t.name)))
        conn.execute("DELETE FROM table_files")
        rows = {}
        for t in TABLES:
            path = _file_for(d, t)
            if path is None:  # crossings.csv is optional
                continue
            text = _text_table(path, t)
            typed = {"events": ds.events, "places": ds.places}.get(t.name)
            insert_rows(conn, t, text, typed)
            conn.execute(
                "INSERT INTO table_files (table_name, file_name, columns, line_end) "
                "VALUES (%s, %s, %s, %s)",
                (t.name, path.name, _header(path), _line_end(path)),
            )
            rows[t.name] = len(text)
    return Counts(rows)


def _as_editor(conn: psycopg.Connection, editor: str, note: str) -> None:
    """Name who writes in this transaction; the history trigger records it."""
    conn.execute("SELECT set_config('borderwatch.editor', %s, true)", (editor,))
    conn.execute("SELECT set_config('borderwatch.note', %s, true)", (note,))


def _count(conn: psycopg.Connection, t: Table) -> int:
    row = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t.name))).fetchone()
    return int(row[0]) if row else 0


def insert_rows(
    conn: psycopg.Connection,
    t: Table,
    text: pd.DataFrame,
    typed: pd.DataFrame | None,
    skip_existing: bool = False,
) -> None:
    """Insert text rows (every column of `t`) with, for events and places, their typed columns.

    `typed` is the loader's frame for the same rows in the same order. With
    `skip_existing`, a row whose key is already there (another save's) is left out.
    """
    cols = list(t.columns)
    values = text.reindex(columns=cols, fill_value="").fillna("").astype(str)
    extra: list[str] = []
    extra_sql: list[sql.Composable] = []
    if typed is not None:
        values = values.reset_index(drop=True)
        typed = typed.reset_index(drop=True)
        if t is EVENTS:
            values["day_start"] = typed["date_start"].dt.strftime("%Y-%m-%d")
            values["day_end"] = typed["date_end"].dt.strftime("%Y-%m-%d")
            extra += ["day_start", "day_end"]
            extra_sql += [sql.Placeholder(), sql.Placeholder()]
        values["lon"] = typed["longitude"].astype(float)
        values["lat"] = typed["latitude"].astype(float)
        extra.append("geom")
        extra_sql.append(sql.SQL("ST_SetSRID(ST_MakePoint(%s, %s), 4326)"))
    names = sql.SQL(", ").join(sql.Identifier(c) for c in [*cols, *extra])
    marks = sql.SQL(", ").join([*(sql.Placeholder() for _ in cols), *extra_sql])
    query = sql.SQL("INSERT INTO {} ({}) VALUES ({}){}").format(
        sql.Identifier(t.name),
        names,
        marks,
        sql.SQL(" ON CONFLICT DO NOTHING" if skip_existing else ""),
    )
    with conn.cursor() as cur:
        cur.executemany(query, values.itertuples(index=False, name=None))


def read_text_table(conn: psycopg.Connection, t: Table) -> pd.DataFrame:
    """A table's text columns in file order (every column of `t`)."""
    names = sql.SQL(", ").join(sql.Identifier(c) for c in t.columns)
    rows = conn.execute(
        sql.SQL("SELECT {} FROM {} ORDER BY seq").format(names, sql.Identifier(t.name))
    ).fetchall()
    return pd.DataFrame(rows, columns=list(t.columns), dtype=str)


def dump_folder(conn: psycopg.Connection, out_dir: Path | str) -> Counts:
    """Write every table to `out_dir` as the file it was loaded from (backing up any file there).

    One snapshot: the tables are read in one repeatable-read transaction.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    require_initialised(conn)
    files = {}
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        layout = {
            r[0]: (r[1], list(r[2]), r[3])
            for r in conn.execute(
                "SELECT table_name, file_name, columns, line_end FROM table_files"
            )
        }
        for t in TABLES:
            if t.name not in layout:
                if t is not EVENTS and t is not PLACES and _count(conn, t) == 0:
                    continue
                layout[t.name] = (t.file, list(_required(t)), "\n")
            files[t.name] = (layout[t.name], read_text_table(conn, t))
    counts = {}
    for name, ((file_name, columns, line_end), df) in files.items():
        path = out / file_name
        header = columns + [c for c in df.columns if c not in columns and (df[c] != "").any()]
        if path.suffix == ".parquet":
            data = table_bytes(df[header], path)
        else:
            data = df[header].to_csv(index=False, lineterminator=line_end).encode("utf-8")
        if path.exists():
            backup(path)
        atomic_write(path, data)
        counts[name] = len(df)
    return Counts(counts)
