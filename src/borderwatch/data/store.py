"""Where the page's events come from: one store per data folder version, queried by `Filters`.

A store answers what the page draws, counts and lists (counts, rows in a box,
grid cells, one record, a page of the table, the events that set crossing and
district states) without handing the page the whole table. `FrameStore` holds a
validated folder in pandas (the bundled CSV folder: fast to start, tiny);
`duckstore.DuckStore` queries a converted Parquet folder with DuckDB, so only
what is asked for comes into Python. `open_store` picks one and keeps it for the
process: the start-up warm-up and every session share a single load per
version of the folder's files.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import pandas as pd

from borderwatch.analysis.aggregate import grid_counts
from borderwatch.analysis.filters import Filters, apply_filters, country_options, date_span
from borderwatch.analysis.sqlfilters import Box
from borderwatch.data import snapshot
from borderwatch.data.loader import Dataset, resolve_data_dir

ROW_ORDERS = ("file", "latest")
"""`file`: the data file's order; `latest`: the most recently reported first, as
`briefing.latest_events` orders them (date_end, date_start, sequence, event_id, descending)."""


class EventStore(Protocol):
    """What the page asks of the events of one data folder."""

    data_dir: Path
    sources: pd.DataFrame
    places: pd.DataFrame
    crossings: pd.DataFrame
    total: int
    """Number of events in the folder."""

    def span(self) -> tuple[dt.date, dt.date]:
        """The first date_start and the last date_end."""
        ...

    def countries(self) -> list[str]:
        """ISO3 codes on either side of any event, sorted."""
        ...

    def count(self, f: Filters, box: Box | None = None) -> int:
        """Events matching `f` (inside `box`, when given)."""
        ...

    def located(self, f: Filters) -> int:
        """Events matching `f` that have coordinates."""
        ...

    def extent(self, f: Filters) -> tuple[float, float, float, float] | None:
        """(south, west, north, east) of the events matching `f` that have coordinates;
        None when none has."""
        ...

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
        """Matching events as typed rows (dates as timestamps), `order` one of ROW_ORDERS.

        `columns` limits the columns fetched (all of them by default); `known_by` keeps
        only events certainly over by that day (date_end <= known_by).
        """
        ...

    def cells(self, f: Filters, box: Box | None, cell_deg: float) -> pd.DataFrame:
        """Matching events counted per grid cell, in `aggregate.grid_counts`' form."""
        ...

    def span_counts(self, f: Filters) -> pd.DataFrame:
        """Matching events counted per date_start, date_end and event_type (column `n`)."""
        ...

    def record(self, event_id: str) -> pd.Series | None:
        """The event's row as `events.csv` writes it (see `event_table`); None if unknown."""
        ...

    def source(self, source_id: str) -> pd.Series | None:
        """The row of `sources.csv` with this id; None if unknown."""
        ...

    def state_events(self, as_of: dt.date | None) -> pd.DataFrame:
        """Events enough for `crossing_status` and `control_as_of` as of `as_of`."""
        ...

    def batches(self, f: Filters, size: int = 100_000) -> Iterator[pd.DataFrame]:
        """All matching events, `size` rows at a time, in file order."""
        ...


def box_mask(events: pd.DataFrame, box: Box) -> pd.Series:
    """Events whose coordinates lie inside `box` (edges included)."""
    lat, lon = events["latitude"], events["longitude"]
    return lat.between(box.south, box.north) & lon.between(box.west, box.east)


class FrameStore:
    """A validated data set held in pandas (see `loader.load_dataset`).

    `select` finds the events matching a `Filters` (by default `apply_filters`; the
    database's data set runs the filters in PostgreSQL).
    """

    def __init__(self, ds: Dataset, select: Callable[[Filters], pd.DataFrame] | None = None):
        self.ds = ds
        self._select = select or (lambda f: apply_filters(ds.events, f, ds.places))
        self.data_dir = ds.data_dir
        self.sources, self.places, self.crossings = ds.sources, ds.places, ds.crossings
        self.total = len(ds.events)
        self._last: tuple[Filters, pd.DataFrame] | None = None
        self._lock = threading.Lock()

    def selected(self, f: Filters) -> pd.DataFrame:
        """The events matching `f`; the last answer is kept, as a rerun asks several times."""
        f = Filters(f.start, f.end, f.countries, f.types, f.q)  # the mode selects nothing
        with self._lock:
            if self._last is not None and self._last[0] == f:
                return self._last[1]
        shown = self._select(f)
        with self._lock:
            self._last = (f, shown)
        return shown

    def _in(self, f: Filters, box: Box | None) -> pd.DataFrame:
        shown = self.selected(f)
        return shown if box is None else shown[box_mask(shown, box)]

    def span(self) -> tuple[dt.date, dt.date]:
        return date_span(self.ds.events)

    def countries(self) -> list[str]:
        return country_options(self.ds.events)

    def count(self, f: Filters, box: Box | None = None) -> int:
        return len(self._in(f, box))

    def located(self, f: Filters) -> int:
        shown = self.selected(f)
        return int((shown["latitude"].notna() & shown["longitude"].notna()).sum())

    def extent(self, f: Filters) -> tuple[float, float, float, float] | None:
        shown = self.selected(f)
        at = shown["latitude"].notna() & shown["longitude"].notna()
        if not at.any():
            return None
        lat, lon = shown.loc[at, "latitude"], shown.loc[at, "longitude"]
        return float(lat.min()), float(lon.min()), float(lat.max()), float(lon.max())

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
        shown = self._in(f, box)
        if known_by is not None:
            shown = shown[shown["date_end"] <= pd.Timestamp(known_by)]
        if order == "latest":
            by = [c for c in ("date_end", "date_start", "sequence", "event_id") if c in shown]
            shown = shown.sort_values(by, ascending=False)
        elif order != "file":
            raise ValueError(f"order must be one of {ROW_ORDERS}, not {order!r}")
        stop = None if limit is None else offset + limit
        shown = shown.iloc[offset:stop]
        return shown if columns is None else shown[list(columns)]

    def cells(self, f: Filters, box: Box | None, cell_deg: float) -> pd.DataFrame:
        return grid_counts(self._in(f, box), cell_deg)

    def span_counts(self, f: Filters) -> pd.DataFrame:
        shown = self.selected(f)
        counts = shown.groupby(["date_start", "date_end", "event_type"], observed=True).size()
        return counts[counts > 0].rename("n").reset_index()

    def record(self, event_id: str) -> pd.Series | None:
        return self.ds.record(event_id)

    def source(self, source_id: str) -> pd.Series | None:
        return self.ds.source(source_id)

    def state_events(self, as_of: dt.date | None) -> pd.DataFrame:
        return self.ds.events  # crossing_status and control_as_of cut it down themselves

    def batches(self, f: Filters, size: int = 100_000) -> Iterator[pd.DataFrame]:
        shown = self.selected(f)
        for start in range(0, max(len(shown), 1), size):
            yield shown.iloc[start : start + size]


_STORES: dict[tuple[str, tuple], EventStore] = {}
_OPEN_LOCK = threading.Lock()
KEEP_VERSIONS = 2
"""Stores kept per process (the current version of a folder and the one before)."""


def open_store(data_dir: Path | str | None = None) -> EventStore:
    """The store for the current version of `data_dir`, loaded once per process.

    A folder whose `events.parquet` was written by `borderwatch convert` is
    queried with DuckDB; any other folder is validated and held in pandas (through
    the snapshot cache). Callers at the same time wait for the one load.
    Raises DataError as `load_dataset` does.
    """
    d = resolve_data_dir(data_dir).resolve()
    key = (str(d), snapshot.folder_stamp(d))
    with _OPEN_LOCK:
        store = _STORES.get(key)
        if store is None:
            store = _open(d)
            for old in [k for k in _STORES if k[0] == key[0]]:
                del _STORES[old]  # an older version of the same folder
            while len(_STORES) >= KEEP_VERSIONS:
                del _STORES[next(iter(_STORES))]
            _STORES[key] = store
    return store


def _open(d: Path) -> EventStore:
    from borderwatch.data import duckstore  # DuckDB is imported only for the folders that need it

    if duckstore.is_converted(d):
        return duckstore.DuckStore(d)
    return FrameStore(snapshot.load(d))


def forget_stores() -> None:
    """Drop every open store (tests; a process that must reread its folders)."""
    with _OPEN_LOCK:
        _STORES.clear()


def cells_frame(
    rows: np.ndarray, cols: np.ndarray, lat: np.ndarray, lon: np.ndarray, count: np.ndarray,
    by_type: dict[str, np.ndarray], cell_deg: float,
) -> pd.DataFrame:  # fmt: skip
    """Grid cells in `aggregate.grid_counts`' form from per-cell row/column numbers and sums."""
    south = rows * cell_deg - 90.0
    west = cols * cell_deg - 180.0
    frame = pd.DataFrame(
        {
            "lat": lat, "lon": lon, "south": south, "west": west,
            "north": south + cell_deg, "east": west + cell_deg, "count": count, **by_type,
        }
    )  # fmt: skip
    return frame.sort_values("count", ascending=False, kind="stable").reset_index(drop=True)
