"""`borderwatch convert DIR --to parquet`: a data folder's events as typed, validated Parquet.

The folder is validated as the app validates it (every problem with file, line
and field; nothing is written when there is one), blank coordinates are filled
from the gazetteer, and the events are written to `DIR/events.parquet` with
dates as dates and coordinates as numbers, marked as converted. The app then
queries that file with DuckDB instead of loading it (see `duckstore`). An
`events.parquet` already there is first copied to `DIR/backups/`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from borderwatch.data.duckstore import PARQUET, PARQUET_SCHEMA, converted_metadata
from borderwatch.data.loader import load_dataset, resolve_data_dir
from borderwatch.data.problems import DataError

ROW_GROUP = 122_880
"""Rows per Parquet row group: DuckDB's own vector batch multiple, so scans split evenly."""


def events_table(events: pd.DataFrame) -> pa.Table:
    """Typed events (as `load_dataset` returns them) in the converted Parquet's schema."""
    columns = {}
    for field in PARQUET_SCHEMA:
        values = events[field.name] if field.name in events else pd.Series(None, index=events.index)
        if field.name in ("date_start", "date_end"):
            columns[field.name] = pa.array(pd.to_datetime(values).dt.date, type=field.type)
        elif field.name in ("latitude", "longitude"):
            columns[field.name] = pa.array(values.astype(float), type=field.type)
        elif field.name == "sequence":
            columns[field.name] = pa.array(values.fillna(0).astype("int64"), type=field.type)
        else:
            text = values.astype(object).where(values.notna(), None)
            text = text.where(text != "", None)  # a blank cell is missing, as SQL sees it
            columns[field.name] = pa.array(text, type=field.type, from_pandas=True)
    return pa.table(columns, schema=PARQUET_SCHEMA)


def write_events_parquet(
    tables: Iterable[pa.Table] | pa.Table, path: Path, rows: int | None = None
) -> Path:
    """Write converted events atomically to `path`: one table, or several in order.

    Tables may come one at a time from a generator (then `rows`, their total, must
    be given: the file's metadata records it before the first is written).
    """
    parts = [tables] if isinstance(tables, pa.Table) else tables
    if rows is None:
        parts = list(parts)
        rows = sum(t.num_rows for t in parts)
    schema = PARQUET_SCHEMA.with_metadata(converted_metadata(rows))
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".parquet.tmp")
    os.close(fd)
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            for t in parts:
                writer.write_table(t.cast(schema), row_group_size=ROW_GROUP)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as any file the user writes: mkstemp made it 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def convert_to_parquet(data_dir: Path | str | None) -> Path:
    """Validate `data_dir` and write its events as converted Parquet; returns the file.

    Raises DataError (nothing written) when the folder has problems.
    """
    d = resolve_data_dir(data_dir)
    ds = load_dataset(d)
    target = d / PARQUET
    if target.exists():
        backups = d / "backups"
        backups.mkdir(exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        shutil.copy2(target, backups / f"events.{stamp}.parquet")
    return write_events_parquet(events_table(ds.events), target)


def cmd_convert(args: argparse.Namespace) -> int:
    """Convert a data folder; exit 1 with every problem listed when it is invalid."""
    try:
        path = convert_to_parquet(args.data_dir)
    except DataError as e:
        print(f"INVALID: {len(e.problems)} problem(s); nothing was written", file=sys.stderr)
        print(e.report(), file=sys.stderr)
        return 1
    rows = pq.read_metadata(path).num_rows
    print(f"wrote {path} ({rows:,} events); the app now queries it with DuckDB")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `convert` to the command line."""
    p = sub.add_parser(
        "convert", help="write a data folder's events as Parquet that the app queries with DuckDB"
    )
    p.add_argument("data_dir", nargs="?", type=Path, default=None,
                   help="default: $BORDERWATCH_DATA or geodata/")  # fmt: skip
    p.add_argument("--to", choices=("parquet",), required=True, help="the target format")
    p.set_defaults(func=cmd_convert)
