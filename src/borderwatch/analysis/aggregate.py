"""Grid counts: events binned into square cells of latitude/longitude, by type.

When the filtered set is too large to draw event by event, the map shows one
circle per cell instead. Pure numpy on the frame's columns, so a million events
bin in a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from borderwatch.data.vocab import EVENT_TYPES

CELL_SIZES: tuple[float, ...] = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0)
"""Cell edges in degrees that `cell_size_for` chooses from (0.05° is about 5 km)."""

MAX_CELLS = 1500
"""Default bound on the number of cells drawn: a few hundred KB in the browser."""


def _coords(events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lat = events["latitude"].to_numpy(dtype=float, na_value=np.nan)
    lon = events["longitude"].to_numpy(dtype=float, na_value=np.nan)
    ok = np.isfinite(lat) & np.isfinite(lon)
    return lat[ok], lon[ok], ok


def _bin(lat: np.ndarray, lon: np.ndarray, size: float) -> tuple[np.ndarray, np.ndarray, int]:
    """Each point's cell: (cell index per point, (row, col) of each cell, number of cells).

    Cells are numbered on the dense grid over the points' bounding box, which
    costs O(n) (np.unique would sort a million keys).
    """
    row = np.floor((lat + 90.0) / size).astype(np.int64)
    col = np.floor((lon + 180.0) / size).astype(np.int64)
    r0, c0 = row.min(), col.min()
    ncols = int(col.max() - c0 + 1)
    dense = (row - r0) * ncols + (col - c0)
    present = np.flatnonzero(np.bincount(dense))
    number = np.full(int(dense.max()) + 1, -1, dtype=np.int64)
    number[present] = np.arange(len(present))
    rowcol = np.stack([present // ncols + r0, present % ncols + c0], axis=1)
    return number[dense], rowcol, len(present)


def cell_size_for(events: pd.DataFrame, max_cells: int = MAX_CELLS) -> float:
    """The smallest size in `CELL_SIZES` that bins `events` into at most `max_cells` cells."""
    lat, lon, _ = _coords(events)
    if not len(lat):
        return CELL_SIZES[0]
    for size in CELL_SIZES:
        if _bin(lat, lon, size)[2] <= max_cells:
            return size
    return CELL_SIZES[-1]


def grid_counts(
    events: pd.DataFrame,
    cell_deg: float | None = None,
    types: Sequence[str] = EVENT_TYPES,
    max_cells: int = MAX_CELLS,
) -> pd.DataFrame:
    """Count `events` per square cell of `cell_deg` degrees (chosen by `cell_size_for` if None).

    One row per non-empty cell, most events first, with columns:
    `lat`, `lon` (the mean position of the cell's events, so a cell sits where its
    events are), `south`, `west`, `north`, `east` (the cell's edges), `count`, and
    one count column per event type in `types` (types outside `types` are counted
    only in `count`). Events without coordinates are left out.
    """
    size = cell_size_for(events, max_cells) if cell_deg is None else float(cell_deg)
    if size <= 0:
        raise ValueError(f"cell size must be positive, not {cell_deg!r}")
    lat, lon, ok = _coords(events)
    columns = ["lat", "lon", "south", "west", "north", "east", "count", *types]
    if not len(lat):
        return pd.DataFrame({c: pd.Series(dtype=float if c in columns[:6] else int)
                             for c in columns})  # fmt: skip
    cell_of, rowcol, n = _bin(lat, lon, size)
    count = np.bincount(cell_of, minlength=n)
    out: dict[str, np.ndarray] = {
        "lat": np.bincount(cell_of, weights=lat, minlength=n) / count,
        "lon": np.bincount(cell_of, weights=lon, minlength=n) / count,
        "south": rowcol[:, 0] * size - 90.0,
        "west": rowcol[:, 1] * size - 180.0,
    }
    out["north"] = out["south"] + size
    out["east"] = out["west"] + size
    out["count"] = count
    type_codes = _type_codes(events["event_type"], types)[ok]
    known = type_codes >= 0
    by_type = np.bincount(
        cell_of[known] * len(types) + type_codes[known], minlength=n * len(types)
    ).reshape(n, len(types))
    for i, t in enumerate(types):
        out[t] = by_type[:, i]
    frame = pd.DataFrame(out, columns=columns)
    return frame.sort_values("count", ascending=False, kind="stable").reset_index(drop=True)


def _type_codes(event_type: pd.Series, types: Sequence[str]) -> np.ndarray:
    """Position of each event's type in `types`, -1 for a type not in it."""
    cat = (
        event_type
        if isinstance(event_type.dtype, pd.CategoricalDtype)
        else event_type.astype("category")
    )
    position = {t: i for i, t in enumerate(types)}
    # Code -1 (a missing type) picks the trailing -1.
    recode = np.array([position.get(str(c), -1) for c in cat.cat.categories] + [-1])
    return recode[cat.cat.codes.to_numpy()]
