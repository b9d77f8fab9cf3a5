"""Detail that follows the map's view: single events when they fit, grid cells otherwise.

streamlit-folium reports the map's bounds and zoom after each pan or zoom
(debounced in the browser). The view is padded and snapped outward to a coarse
step (`view_box`), so that small pans ask the same question again and get the
cached answer (`detail`). Inside that box the events are drawn one by one with
their popups when there are at most `point_budget()` of them; otherwise they are
counted in square cells whose size follows the zoom (`cell_deg`), about 50 px on
screen, so every zoom step brings finer cells until single events fit. Where even the
closest zoom holds more than the budget, its cells can be opened (`clicked_cell`): an
open cell draws its events a page at a time (`cell_page`, `cell_page_size()` events a
page), so every event can be reached without touching the filters.
"""

from __future__ import annotations

import math
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import pandas as pd

from borderwatch.analysis.filters import Filters
from borderwatch.analysis.sqlfilters import Box
from borderwatch.data.store import EventStore

BUDGET_ENV = "BORDERWATCH_POINT_BUDGET"
DEFAULT_POINT_BUDGET = 5_000
"""Events drawn one by one at most: about 350 bytes each in the map's data, so ~2 MB."""
CELL_PX_EXPONENT = 6
"""A cell is 2**(6 - zoom) degrees: ~50 px at any zoom (a degree is 256 * 2**zoom / 360 px)."""
PAD = 0.5
"""Share of the view's width and height added on each side before snapping."""
CELL_PAGE_SIZE = 250
"""Events on one page of an open cell (or the point budget, if smaller). They often share
one spot, so they are clicked through a cluster's spiral: a few hundred stay legible
(and quick to draw), thousands would not."""
T = TypeVar("T")
STANDALONE_CELL_DEG = 0.25
"""Cell size of a map without a server behind it (the standalone download)."""


def point_budget() -> int:
    """`$BORDERWATCH_POINT_BUDGET` if it is a positive whole number, else the default."""
    raw = os.environ.get(BUDGET_ENV, "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_POINT_BUDGET


def cell_page_size() -> int:
    """Events on one page of an open cell: `CELL_PAGE_SIZE`, or the point budget if smaller."""
    return min(CELL_PAGE_SIZE, point_budget())


def cell_deg(zoom: int) -> float:
    """The cell edge in degrees at `zoom` (halves with each zoom step)."""
    return 2.0 ** (CELL_PX_EXPONENT - int(zoom))


def view_box(bounds: dict | None, zoom: int) -> Box | None:
    """The map's reported bounds, padded by `PAD` and snapped outward to 4 cells' step.

    `bounds` is streamlit-folium's `{"_southWest": {"lat", "lng"}, "_northEast": …}`;
    None or malformed bounds give None (the whole data).
    """
    try:
        sw, ne = bounds["_southWest"], bounds["_northEast"]  # type: ignore[index]
        south, west, north, east = (float(sw["lat"]), float(sw["lng"]),
                                    float(ne["lat"]), float(ne["lng"]))  # fmt: skip
    except (TypeError, KeyError, ValueError):
        return None
    if not all(map(math.isfinite, (south, west, north, east))) or north < south or east < west:
        return None
    dy, dx = (north - south) * PAD, (east - west) * PAD
    step = 4 * cell_deg(zoom)
    return Box(
        max(-90.0, math.floor((south - dy) / step) * step),
        max(-180.0, math.floor((west - dx) / step) * step),
        min(90.0, math.ceil((north + dy) / step) * step),
        min(180.0, math.ceil((east + dx) / step) * step),
    )


@dataclass(frozen=True)
class Detail:
    """What the events layer draws for one view."""

    kind: str
    """"points" (one marker per event, in `frame`) or "cells" (grid counts in `frame`)."""
    frame: pd.DataFrame
    in_view: int
    """Events with coordinates inside the view's box (all of them without a box)."""
    cell_deg: float = 0.0
    note: str | None = None
    """What the map says about the view; None when every event in it is drawn."""
    openable: bool = False
    """Cells at the closest zoom: clicking one lists its events (see `clicked_cell`)."""


def caption(shown: Detail) -> str:
    """The line above the map: its note, else what is drawn (always one line, so the map
    does not move down the page when a note comes or goes)."""
    if shown.note:
        return shown.note
    if shown.in_view == 0:
        return "No event with coordinates to draw."
    return f"{shown.in_view:,} events drawn one by one: click one to see its record."


def cells_note(in_view: int, n_cells: int, size: float, standalone: bool = False) -> str:
    """The note over grid cells: true for the view it describes."""
    where = "on this map" if standalone else "in and around this view"
    how = (
        "narrow the filters to see each one"
        if standalone
        else "click a cell or zoom in to see each one"
    )
    return f"{in_view:,} events {where}, counted in {n_cells:,} cells of {size:g}° — {how}"


def openable_note(in_view: int, n_cells: int, size: float) -> str:
    """The note over cells at the closest zoom: they open instead of zooming."""
    return (
        f"{in_view:,} events in and around this view at the closest zoom, counted in "
        f"{n_cells:,} cells of {size:g}° — click a cell to list its events page by page"
    )


def page_note(in_cell: int, page: int, size: int) -> str:
    """The note over one page (of `size` events) of an open cell's events."""
    first = (page - 1) * size + 1
    last = min(in_cell, page * size)
    pages = pages_of(in_cell, size)
    return (
        f"Events {first:,}–{last:,} of the {in_cell:,} in this cell, newest first (page "
        f"{page:,} of {pages:,}: pick the page below the map)"
    )


def pages_of(n: int, size: int) -> int:
    """Pages of at most `size` events that hold `n` events (at least one)."""
    return max(1, -(-n // size))


_CACHE: OrderedDict[tuple, Any] = OrderedDict()
_CACHE_LOCK = threading.Lock()
CACHE_ENTRIES = 32


def detail(
    store: EventStore,
    f: Filters,
    box: Box | None,
    zoom: int,
    max_zoom: int,
    budget: int | None = None,
) -> Detail:
    """What to draw of the events matching `f`, for the view `box` at `zoom` (cached).

    A selection that fits the budget is drawn whole, whatever the view; a larger one
    is drawn as single events where the view holds at most `budget` of them, else as
    cells of `cell_deg(zoom)`; at `max_zoom` those cells open (`clicked_cell`, `cell_page`).
    """
    budget = point_budget() if budget is None else budget
    located = _cached((id(store), store.total, f, "located"), lambda: store.located(f))
    if located <= budget:
        return _cached(
            (id(store), store.total, f, None, budget),
            lambda: Detail("points", store.rows(f), located),
        )
    key = (id(store), store.total, f, box, int(zoom), max_zoom, budget)
    return _cached(key, lambda: _in_view(store, f, box, int(zoom), max_zoom, budget, located))


def _cached(key: tuple, compute: Callable[[], T]) -> T:
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    found = compute()
    with _CACHE_LOCK:
        _CACHE[key] = found
        while len(_CACHE) > CACHE_ENTRIES:
            _CACHE.popitem(last=False)
    return found


def _in_view(
    store: EventStore,
    f: Filters,
    box: Box | None,
    zoom: int,
    max_zoom: int,
    budget: int,
    located: int,
) -> Detail:
    # counted cell by cell first: one pass over the events answers both how many are in
    # view and, when they are too many to draw, where they are
    size = cell_deg(min(zoom, max_zoom))
    cells = store.cells(f, box, size)
    in_view = int(cells["count"].sum()) if box is not None else located
    if in_view <= budget:
        return Detail("points", store.rows(f, box), in_view)
    if zoom >= max_zoom:
        note = openable_note(in_view, len(cells), size)
        return Detail("cells", cells, in_view, size, note, openable=True)
    return Detail("cells", cells, in_view, size, cells_note(in_view, len(cells), size))


def clicked_cell(shown: Detail, clicked: dict | None) -> Box | None:
    """The openable cell (see `Detail.openable`) whose marker was clicked, as a box.

    `clicked` is streamlit-folium's `last_object_clicked` (`{"lat", "lng"}` of the clicked
    marker): a cell's marker sits at its events' mean position (rounded to 5 decimals in
    the map's data), which lies inside the cell. Any other click gives None.
    """
    if not shown.openable or not clicked:
        return None
    try:
        lat, lng = float(clicked["lat"]), float(clicked["lng"])
    except (TypeError, KeyError, ValueError):
        return None
    cells = shown.frame
    if cells.empty:
        return None
    off = (cells["lat"] - lat).abs() + (cells["lon"] - lng).abs()
    if off.min() > 1e-4:
        return None
    c = cells.loc[off.idxmin()]
    return Box(float(c["south"]), float(c["west"]), float(c["north"]), float(c["east"]))


def cell_page(
    store: EventStore, f: Filters, cell: Box, page: int, size: int | None = None
) -> Detail:
    """Page `page` (from 1, of `size` events: `cell_page_size()` unless given) of the events
    matching `f` in an open `cell`, newest first, drawn one by one with their popups (cached)."""
    size = cell_page_size() if size is None else size

    def compute() -> Detail:
        in_cell = store.count(f, cell)
        last = pages_of(in_cell, size)
        at = min(max(1, int(page)), last)
        rows = store.rows(f, cell, limit=size, offset=(at - 1) * size, order="latest")
        note = page_note(in_cell, at, size) if in_cell > size else None
        return Detail("points", rows, in_cell, note=note)

    return _cached((id(store), store.total, f, cell, int(page), size, "cell"), compute)


def standalone_detail(store: EventStore, f: Filters, budget: int | None = None) -> Detail:
    """The whole selection for a map with no server to ask for more (the HTML download)."""
    budget = point_budget() if budget is None else budget
    located = store.located(f)
    if located <= budget:
        return Detail("points", store.rows(f), located)
    cells = store.cells(f, None, STANDALONE_CELL_DEG)
    note = cells_note(located, len(cells), STANDALONE_CELL_DEG, standalone=True)
    return Detail("cells", cells, located, STANDALONE_CELL_DEG, note)
