"""Large data folders: a converted `events.parquet` queried in place with DuckDB.

`borderwatch convert DIR --to parquet` validates a folder once, fills blank
coordinates from the gazetteer and writes the events as typed Parquet marked
as converted (`CONVERTED_KEY` in the file's metadata). `DuckStore` then pushes
every filter and the map's box down into SQL (`sqlfilters.where_clause`), so
only what the page draws, counts or lists becomes a pandas frame: ten million
events are never held in Python. The small tables (sources, places, crossings)
are validated and held in pandas as usual.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from borderwatch.analysis.asof import STATUS_BY_TYPE
from borderwatch.analysis.filters import Filters
from borderwatch.analysis.sqlfilters import Box, where_clause
from borderwatch.data import vocab
from borderwatch.data.eventtable import event_table
from borderwatch.data.gazetteer import Gazetteer
from borderwatch.data.loader import load_crossings, load_places, load_sources
from borderwatch.data.problems import DataError, Problem
from borderwatch.data.store import ROW_ORDERS, cells_frame

PARQUET = "events.parquet"
CONVERTED_KEY = b"borderwatch.converted"
"""Parquet metadata key that `convert` writes; its value is JSON with the format version."""
FORMAT = 2
MEMORY_LIMIT = "300MB"
"""DuckDB's own cap on its buffers: the app's memory target is for the whole process."""
STATE_DAYS_KEPT = 16
"""Days whose state events are kept (a playback steps through a few dozen)."""
COUNTS_KEPT = 16
"""Filters whose counts and extent are kept (see `DuckStore._summary`)."""
FINE_CELL_DEG = 2.0**-6
"""The finest grid cells the map asks for (at its closest zoom): every coarser size the
map uses is this times a power of two, so their counts add up from these."""
COARSE_CELL_DEG = 2.0**-2
"""Cells counted with a filter's summary: the map's views down to this size add up from them."""
FINE_KEPT = 4
"""Filters whose fine cells are kept (see `DuckStore._fine`)."""
GROUPS_MAX = 250_000
"""More cells (times types) than this for one filter are not kept: each view is then
counted by its own query."""
STATUS_TYPES = tuple(STATUS_BY_TYPE)
"""Event types that set a crossing's status."""

PARQUET_SCHEMA = pa.schema(
    [
        pa.field(c, pa.date32())
        if c in ("date_start", "date_end")
        else pa.field(c, pa.float64())
        if c in ("latitude", "longitude")
        else pa.field(c, pa.int64())
        if c == "sequence"
        else pa.field(c, pa.string())
        for c in (*vocab.EVENT_COLUMNS, *vocab.OPTIONAL_EVENT_COLUMNS)
    ]
)
"""The converted table: the columns of `events.csv`, dates as dates, coordinates and the
sequence as numbers."""


def is_converted(data_dir: Path) -> bool:
    """Whether `data_dir/events.parquet` was written by `borderwatch convert`."""
    path = data_dir / PARQUET
    if not path.is_file():
        return False
    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowInvalid):
        return False  # not Parquet at all: the loader reports it
    return CONVERTED_KEY in meta


def converted_metadata(rows: int) -> dict[bytes, bytes]:
    """The metadata `convert` puts into the Parquet file."""
    return {CONVERTED_KEY: json.dumps({"format": FORMAT, "rows": rows}).encode()}


def _check_schema(path: Path) -> None:
    schema = pq.read_schema(path)
    meta = json.loads((schema.metadata or {}).get(CONVERTED_KEY, b"{}"))
    problems = []
    if meta.get("format") != FORMAT:
        problems.append(
            Problem(path.name, None, None, f"converted by another version (format "
                    f"{meta.get('format')!r}, this one reads {FORMAT}): convert it again")
        )  # fmt: skip
    for field in PARQUET_SCHEMA:
        if field.name not in schema.names:
            problems.append(Problem(path.name, None, field.name, "required column is missing"))
        elif not schema.field(field.name).type.equals(field.type):
            problems.append(
                Problem(path.name, None, field.name,
                        f"has type {schema.field(field.name).type}, expected {field.type}")
            )  # fmt: skip
    if problems:
        raise DataError(problems)


class DuckStore:
    """A converted Parquet folder, queried with DuckDB (see the module's note)."""

    def __init__(self, data_dir: Path):
        import duckdb  # only folders that need it pay for the import

        self.data_dir = data_dir
        path = data_dir / PARQUET
        _check_schema(path)
        problems: list[Problem] = []
        try:
            self.sources = load_sources(data_dir)
        except DataError as e:
            problems += e.problems
        try:
            self.places = load_places(data_dir)
            self.crossings = load_crossings(data_dir, self.places)
        except DataError as e:
            problems += e.problems
        if problems:
            raise DataError(problems)
        self._con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "threads": 2})
        self._lock = threading.Lock()
        self._states: dict[dt.date | None, pd.DataFrame] = {}
        self._summaries: dict[Filters, _Summary] = {}
        self._fines: dict[Filters, _Groups | None] = {}
        self._coarses: dict[Filters, _Groups | None] = {}
        quoted = str(path).replace("'", "''")
        self._con.execute(
            f"CREATE VIEW events AS SELECT * FROM read_parquet('{quoted}', file_row_number = true)"
        )
        gazetteer = Gazetteer(self.places)
        places = [
            r[0] for r in self._sql("SELECT DISTINCT place FROM events WHERE place IS NOT NULL")
        ]
        names = pd.DataFrame(
            {"place": places, "canonical_name": [gazetteer.canonical_name(p) or p for p in places]}
        )
        self._con.register("canonical_names_df", names)
        self._con.execute("CREATE TABLE canonical_names AS SELECT * FROM canonical_names_df")
        self._con.unregister("canonical_names_df")
        total, lo, hi = self._sql("SELECT count(*), min(date_start), max(date_end) FROM events")[0]
        self.total = int(total)
        self._span = (lo, hi)
        self._countries = sorted(
            r[0]
            for r in self._sql(
                "SELECT country FROM events WHERE country IS NOT NULL UNION "
                "SELECT counterpart_country FROM events WHERE counterpart_country IS NOT NULL"
            )
            if r[0]
        )

    def _cursor(self):
        with self._lock:
            return self._con.cursor()  # one cursor per query: sessions run in threads

    def _sql(self, sql: str, params: list[object] | None = None) -> list[tuple]:
        return self._cursor().execute(sql, params or []).fetchall()

    def _frame(self, sql: str, params: list[object] | None = None) -> pd.DataFrame:
        return _typed(self._cursor().execute(sql, params or []).df())

    def _where(self, f: Filters, box: Box | None = None) -> tuple[str, list[object]]:
        return where_clause(f, box, places=self.places)

    def span(self) -> tuple[dt.date, dt.date]:
        return self._span

    def countries(self) -> list[str]:
        return list(self._countries)

    def count(self, f: Filters, box: Box | None = None) -> int:
        if box is None:
            return self._summary(f).n
        where, params = self._where(f, box)
        return int(self._sql(f"SELECT count(*) FROM events WHERE {where}", params)[0][0])

    def located(self, f: Filters) -> int:
        return self._summary(f).located

    def extent(self, f: Filters) -> tuple[float, float, float, float] | None:
        return self._summary(f).extent

    def _summary(self, f: Filters) -> _Summary:
        """Matching, matching with coordinates and their extent, kept for the last few
        filters, as the page asks for the count, the map for the located and the fit for
        the extent on every change. Taken from the filter's coarse cells (`_coarse`): the
        scan that counts them also gives the first view's cells."""
        with self._lock:
            if f in self._summaries:
                return self._summaries[f]
            fine = self._fines.get(f)
        groups = fine if fine is not None else self._coarse(f)
        found = groups.summary if groups is not None else self._summary_scan(f)
        with self._lock:
            self._summaries[f] = found
            while len(self._summaries) > COUNTS_KEPT:
                del self._summaries[next(iter(self._summaries))]
            return found

    def _summary_scan(self, f: Filters) -> _Summary:
        where, params = self._where(f)
        at = "latitude IS NOT NULL AND longitude IS NOT NULL"
        sql = (  # a FILTER clause here took three times as long
            f"SELECT count(*), sum(CASE WHEN {at} THEN 1 ELSE 0 END), "
            f"min(CASE WHEN {at} THEN latitude END), min(CASE WHEN {at} THEN longitude END), "
            f"max(CASE WHEN {at} THEN latitude END), max(CASE WHEN {at} THEN longitude END) "
            f"FROM events WHERE {where}"
        )
        n, located, south, west, north, east = self._sql(sql, params)[0]
        extent = (float(south), float(west), float(north), float(east)) if located else None
        return _Summary(int(n), int(located or 0), extent)

    def _coarse(self, f: Filters) -> _Groups | None:
        """The events matching `f` per cell of `COARSE_CELL_DEG` and type (see `_groups`):
        about as quick as counting them, and enough for every view down to that size."""
        return self._kept(self._coarses, COUNTS_KEPT, f, COARSE_CELL_DEG)

    def _fine(self, f: Filters) -> _Groups | None:
        """The events matching `f` per cell of `FINE_CELL_DEG` and type (see `_groups`),
        kept for the last few filters, so that pans and zooms are answered without reading
        the file again (the first view finer than the coarse cells pays for that scan)."""
        return self._kept(self._fines, FINE_KEPT, f, FINE_CELL_DEG)

    def _kept(
        self, kept: dict[Filters, _Groups | None], limit: int, f: Filters, size: float
    ) -> _Groups | None:
        """`_groups(f, size)`, answered from `kept` (the last `limit` filters, oldest
        dropped first); the scan runs outside the lock so other sessions are not held."""
        with self._lock:
            if f in kept:
                return kept[f]
        found = self._groups(f, size)
        with self._lock:
            kept[f] = found
            while len(kept) > limit:
                del kept[next(iter(kept))]
            return found

    def _groups(self, f: Filters, size: float) -> _Groups | None:
        """The events matching `f` counted per cell of `size` and type, with each group's
        coordinate sums and extent, and the summary; None when there are more than
        `GROUPS_MAX` groups."""
        where, params = self._where(f)
        sql = (
            f"SELECT floor((latitude + 90) / {size}) AS r, floor((longitude + 180) / {size}) AS c,"
            " event_type, count(*) AS n, sum(latitude) AS lat, sum(longitude) AS lon,"
            " min(latitude) AS s, max(latitude) AS nn, min(longitude) AS w, max(longitude) AS e"
            f" FROM events WHERE {where} GROUP BY ALL LIMIT {GROUPS_MAX + 1}"
        )
        got = self._cursor().execute(sql, params).df()
        return None if len(got) > GROUPS_MAX else _grouped(got, size)

    def rows(
        self,
        f: Filters,
        box: Box | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: str = "file",
        columns: Sequence[str] | None = None,
        known_by: dt.date | None = None,
    ) -> pd.DataFrame:
        if order not in ROW_ORDERS:
            raise ValueError(f"order must be one of {ROW_ORDERS}, not {order!r}")
        where, params = self._where(f, box)
        if known_by is not None:
            where += " AND date_end <= ?"
            params.append(known_by)
        by = (
            "file_row_number"
            if order == "file"
            else "date_end DESC, date_start DESC, coalesce(sequence, 0) DESC, event_id DESC"
        )
        picked = "* EXCLUDE (file_row_number)"
        if columns is not None:
            known = set(PARQUET_SCHEMA.names)
            picked = ", ".join(f'"{c}"' for c in columns if c in known) or picked
        if limit is not None:
            # A page in two steps: its rows' numbers first (sorting a few narrow columns),
            # then those rows whole. In one query DuckDB read every column of every
            # matching row: a 250-event page of a busy cell at 10M took 3.6-5.9 s, now 1.5-2.8.
            page = f"SELECT file_row_number FROM events WHERE {where} ORDER BY {by}"
            page += f" LIMIT {int(limit)} OFFSET {int(offset)}"
            numbers = [r[0] for r in self._sql(page, params)]
            sql = (
                f"SELECT {picked} FROM events WHERE file_row_number IN "
                f"(SELECT unnest(?::BIGINT[])) ORDER BY {by}"
            )
            return self._frame(sql, [numbers])
        sql = f"SELECT {picked} FROM events WHERE {where} ORDER BY {by}"
        if offset:
            sql += f" OFFSET {int(offset)}"
        return self._frame(sql, params)

    def cells(self, f: Filters, box: Box | None, cell_deg: float) -> pd.DataFrame:
        size = float(cell_deg)
        got = self._from_groups(f, box, size)
        if got is None:
            where, params = self._where(f, box)
            sql = (
                f"SELECT floor((latitude + 90) / {size}) AS r,"
                f" floor((longitude + 180) / {size}) AS c,"
                " event_type, sum(latitude) AS lat, sum(longitude) AS lon, count(*) AS n"
                f" FROM events WHERE {where} AND latitude IS NOT NULL AND longitude IS NOT NULL"
                " GROUP BY ALL"
            )
            got = self._cursor().execute(sql, params).df()
        return _per_cell(got, size)

    def _from_groups(self, f: Filters, box: Box | None, size: float) -> pd.DataFrame | None:
        """Counts per cell of `size` and type in `box`, added up from the filter's coarse
        or fine cells; None when neither gives them exactly (a size that is not theirs
        times a power of two, a cell of theirs that the box's edge cuts through)."""
        if size >= COARSE_CELL_DEG:
            coarse = self._coarse(f)
            found = None if coarse is None else _added_up(coarse, box, size)
            if found is not None:
                return found
        fine = self._fine(f)  # asked for only where the coarse cells do not do
        return None if fine is None else _added_up(fine, box, size)

    def span_counts(self, f: Filters) -> pd.DataFrame:
        where, params = self._where(f)
        sql = (
            "SELECT date_start, date_end, event_type, count(*) AS n FROM events "
            f"WHERE {where} GROUP BY ALL ORDER BY date_start, date_end, event_type"
        )
        return self._frame(sql, params)

    def record(self, event_id: str) -> pd.Series | None:
        sql = "SELECT * EXCLUDE (file_row_number) FROM events WHERE event_id = ? LIMIT 1"
        rows = self._frame(sql, [event_id])
        return None if rows.empty else event_table(rows).iloc[0]

    def source(self, source_id: str) -> pd.Series | None:
        rows = self.sources[self.sources["source_id"] == source_id]
        return None if rows.empty else rows.iloc[0]

    def state_events(self, as_of: dt.date | None) -> pd.DataFrame:
        with self._lock:
            if as_of in self._states:
                return self._states[as_of]
        found = self._state_events(as_of)
        with self._lock:
            self._states[as_of] = found
            while len(self._states) > STATE_DAYS_KEPT:
                del self._states[next(iter(self._states))]
        return found

    def _state_events(self, as_of: dt.date | None) -> pd.DataFrame:
        """What `picture_as_of` needs to tell every state on `as_of`, and no more.

        Per crossing (its status-setting events at either side) and per place (its
        territorial_control events) known by `as_of`, ordered as `picture_as_of` orders
        them: the first and the last event of the latest run of one state. The
        picture of these rows equals the picture of every event.
        """
        side_of = {  # as picture_as_of maps them: a later crossing wins a shared side
            str(c[side]): str(c["crossing_id"])
            for _, c in self.crossings.iterrows()
            for side in ("afghan_side", "neighbour_side")
        }
        status = ", ".join(f"'{t}'" for t in STATUS_TYPES)
        values = " UNION ALL ".join("SELECT ?, ?" for _ in side_of) or "SELECT NULL, NULL"
        cutoff = "date_end <= ?" if as_of is not None else "TRUE"
        # The runs are found on narrow rows (key, state, order); only the rows picked
        # are read whole: windows over every column of a million events took seconds.
        sql = f"""
            WITH sides(side, crossing_id) AS ({values}),
            named AS (
                SELECT e.file_row_number AS r, e.date_end, e.date_start,
                       coalesce(e.sequence, 0) AS seq, e.event_type, e.control,
                       coalesce(n.canonical_name, e.place) AS name
                FROM events e LEFT JOIN canonical_names n USING (place)
                WHERE {cutoff} AND e.event_type IN ({status}, 'territorial_control')
            ), keyed AS (
                SELECT r, date_end, date_start, seq,
                    CASE WHEN event_type = 'territorial_control' THEN 'place:' || name
                         ELSE 'crossing:' || s.crossing_id END AS key,
                    CASE WHEN event_type = 'territorial_control' THEN control
                         ELSE event_type END AS state
                FROM named LEFT JOIN sides s
                  ON named.name = s.side AND named.event_type <> 'territorial_control'
                WHERE event_type = 'territorial_control' OR s.crossing_id IS NOT NULL
            ), ordered AS (
                SELECT r, key, state, row_number() OVER (PARTITION BY key
                    ORDER BY date_end, date_start, seq, r) AS i
                FROM keyed
            ), last AS (
                SELECT key, max(i) AS last_i, arg_max(state, i) AS last_state
                FROM ordered GROUP BY key
            ), breaks AS (
                SELECT o.key, max(o.i) AS before_run
                FROM ordered o JOIN last USING (key)
                WHERE o.state IS DISTINCT FROM last.last_state GROUP BY o.key
            ), picked AS (
                SELECT o.r FROM ordered o JOIN last USING (key) LEFT JOIN breaks USING (key)
                WHERE o.i = last.last_i OR o.i = coalesce(breaks.before_run, 0) + 1
            )
            SELECT e.event_type, e.control, e.date_start, e.date_end, e.confidence,
                   e.event_id, e.summary, coalesce(e.sequence, 0) AS sequence,
                   coalesce(n.canonical_name, e.place) AS canonical_name
            FROM events e LEFT JOIN canonical_names n USING (place)
            WHERE e.file_row_number IN (SELECT r FROM picked)
            ORDER BY e.file_row_number
        """
        params: list[object] = [v for pair in side_of.items() for v in pair]
        if as_of is not None:
            params.append(as_of)
        return self._frame(sql, params)

    def batches(self, f: Filters, size: int = 100_000) -> Iterator[pd.DataFrame]:
        where, params = self._where(f)
        sql = (
            f"SELECT * EXCLUDE (file_row_number) FROM events WHERE {where} ORDER BY file_row_number"
        )
        reader = self._cursor().sql(sql, params=params).to_arrow_reader(size)
        empty = True
        for batch in reader:
            empty = False
            yield _typed(batch.to_pandas())
        if empty:
            yield self.rows(f, limit=0)


def _per_cell(got: pd.DataFrame, size: float) -> pd.DataFrame:
    """Grid cells (`cells_frame`) from counts and coordinate sums per cell (r, c) and type."""
    if got.empty:
        none, zeros = np.zeros(0), np.zeros(0, dtype=np.int64)
        return cells_frame(none, none, none, none, zeros, {t: zeros for t in vocab.EVENT_TYPES},
                           size)  # fmt: skip
    # in numpy: pandas' pivot_table and groupby took three to ten times as long
    key = got["r"].to_numpy(dtype=float) * 2**26 + got["c"].to_numpy(dtype=float)
    cells, cell_of = np.unique(key, return_inverse=True)
    m = len(cells)
    per_row = got["n"].to_numpy(dtype=np.int64)
    n = np.bincount(cell_of, weights=per_row, minlength=m).astype(np.int64)
    type_of = got["event_type"].to_numpy(dtype=object)
    by_type = {}
    for t in vocab.EVENT_TYPES:
        is_t = type_of == t
        by_type[t] = np.bincount(cell_of[is_t], weights=per_row[is_t], minlength=m).astype(np.int64)
    lat = np.bincount(cell_of, weights=got["lat"].to_numpy(dtype=float), minlength=m)
    lon = np.bincount(cell_of, weights=got["lon"].to_numpy(dtype=float), minlength=m)
    return cells_frame(
        np.floor(cells / 2**26), cells % 2**26, lat / np.maximum(n, 1),
        lon / np.maximum(n, 1), n, by_type, size,
    )  # fmt: skip


def _grouped(got: pd.DataFrame, size: float) -> _Groups:
    """`DuckStore._groups`' rows (those without both coordinates have no r or c)."""
    at = got["r"].notna() & got["c"].notna()
    located = got[at].reset_index(drop=True)
    located["r"] = located["r"].astype(np.int64)
    located["c"] = located["c"].astype(np.int64)
    located["event_type"] = located["event_type"].astype("category")
    n_located = int(located["n"].sum())
    extent = (
        (float(located["s"].min()), float(located["w"].min()),
         float(located["nn"].max()), float(located["e"].max()))
        if n_located else None
    )  # fmt: skip
    return _Groups(size, located, _Summary(int(got["n"].sum()), n_located, extent))


def _added_up(groups: _Groups, box: Box | None, size: float) -> pd.DataFrame | None:
    """Counts and coordinate sums per cell of `size` (r, c) and type in `box`, from
    `groups`; None when `size` is not theirs times a power of two or the box's edge cuts
    through one of them."""
    k = size / groups.size
    if k < 1 or k != 2 ** round(math.log2(k)):
        return None
    g = groups.cells
    if box is not None:
        inside = (g["s"] >= box.south) & (g["nn"] <= box.north)
        inside &= (g["w"] >= box.west) & (g["e"] <= box.east)
        outside = (g["nn"] < box.south) | (g["s"] > box.north)
        outside |= (g["e"] < box.west) | (g["w"] > box.east)
        if not (inside | outside).all():
            return None
        g = g[inside]
    k = int(k)  # floor(floor(x) / k) is floor(x / k): the coarser cell, exactly
    return pd.DataFrame(
        {"r": g["r"].to_numpy() // k, "c": g["c"].to_numpy() // k,
         "event_type": g["event_type"].to_numpy(dtype=object),
         "lat": g["lat"].to_numpy(), "lon": g["lon"].to_numpy(), "n": g["n"].to_numpy()}
    )  # fmt: skip


@dataclass(frozen=True)
class _Groups:
    size: float
    cells: pd.DataFrame
    summary: _Summary


@dataclass(frozen=True)
class _Summary:
    n: int
    located: int
    extent: tuple[float, float, float, float] | None


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows as the pandas store types them: dates as timestamps, blanks as missing."""
    for col in ("date_start", "date_end"):
        if col in frame:
            frame[col] = pd.to_datetime(frame[col])
    return frame
