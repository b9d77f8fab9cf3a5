"""Which base-map label shows from which zoom, so that no two labels overlap at any zoom.

A label is placed at the first whole zoom at which it is allowed (its `min_zoom`) and
its box, in screen pixels, clears every label already placed; labels are tried in
order of importance (`rank`, then population). Once placed a label stays: at the
next zoom every distance doubles and the boxes keep their size, so it cannot start
to overlap. Pure functions on a frame; `scripts/build_basemap.py` calls them.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

ZOOMS = range(3, 12)
"""Whole zooms at which labels are placed (the map's own range is 3-12)."""

KINDS: tuple[str, ...] = ("country", "province", "town", "lake", "river")
"""Label kinds; the page styles each (see basemap.js) and the blob stores their index."""

FONT_PX: dict[str, float] = {
    "country": 15.0, "province": 12.0, "town": 12.5, "lake": 11.5, "river": 11.5,
}  # fmt: skip
"""Font size of each kind on a 1080p screen: boxes are measured with these."""

CHAR_WIDTH = 0.62
"""Average glyph width per font pixel (a sans-serif, mixed case); country names are caps."""
GAP_PX = 4.0
"""Space kept clear around every label."""

OWN_LAYER: frozenset[str] = frozenset({"country"})
"""Kinds that only avoid each other: country names are large, light and spaced, and a
capital under its country's name must still be named (as on printed maps)."""


def town_min_zoom(population: int) -> int:
    """The first zoom at which a town may be named: the bigger the town, the sooner."""
    for threshold, zoom in ((1_000_000, 4), (200_000, 5), (50_000, 6), (20_000, 7)):
        if population >= threshold:
            return zoom
    return 8


def pixel_xy(lon: np.ndarray, lat: np.ndarray, zoom: int) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator pixel coordinates at `zoom` (256-pixel tiles), as Leaflet computes them."""
    size = 256 * 2**zoom
    lat_r = np.radians(np.clip(lat, -85.0511, 85.0511))
    x = (lon + 180.0) / 360.0 * size
    y = (1 - np.log(np.tan(lat_r) + 1 / np.cos(lat_r)) / math.pi) / 2 * size
    return x, y


def box_size(text: str, kind: str) -> tuple[float, float]:
    """Width and height in pixels of a label's box, its gap included."""
    px = FONT_PX[kind]
    width = len(text) * px * CHAR_WIDTH * (1.2 if kind == "country" else 1.0)
    return width + 2 * GAP_PX, px * 1.25 + 2 * GAP_PX


def place(rows: pd.DataFrame, zooms: range = ZOOMS) -> pd.DataFrame:
    """The labels that fit, with `z`: the zoom from which each shows; the others left out.

    `rows` has text, kind, lon, lat, min_zoom and optionally rank (default 5) and
    population (default 0). Town labels sit above their dot; the others are centred.
    """
    frame = rows.reset_index(drop=True).copy()
    frame["rank"] = frame.get("rank", pd.Series(5, index=frame.index)).fillna(5)
    frame["population"] = frame.get("population", pd.Series(0, index=frame.index)).fillna(0)
    order = frame.sort_values(["rank", "population"], ascending=[True, False]).index
    sizes = [box_size(t, k) for t, k in zip(frame["text"], frame["kind"], strict=True)]
    w = np.array([s[0] for s in sizes])
    h = np.array([s[1] for s in sizes])
    above = (frame["kind"] == "town").to_numpy()
    min_zoom = frame["min_zoom"].to_numpy()
    layer = frame["kind"].isin(OWN_LAYER).to_numpy()
    z = np.full(len(frame), -1)
    lon, lat = frame["lon"].to_numpy(float), frame["lat"].to_numpy(float)
    for zoom in zooms:
        x, y = pixel_xy(lon, lat, zoom)
        grid = _Grid(x, np.where(above, y - h / 2 - 4, y), w, h, layer)
        for i in order:  # labels placed at lower zooms first: they stay
            if z[i] >= 0:
                grid.add(i)
        for i in order:
            if z[i] < 0 and min_zoom[i] <= zoom and grid.clear(i):
                z[i] = zoom
                grid.add(i)
    frame["z"] = z
    return frame[frame["z"] >= 0].sort_values(["z", "rank"], kind="stable").reset_index(drop=True)


def to_columns(placed: pd.DataFrame) -> dict[str, list]:
    """The placed labels as columnar arrays for the page: text, kind (index into KINDS),
    lon, lat (5 decimals at most) and z."""
    return {
        "kinds": list(KINDS),
        "text": placed["text"].astype(str).tolist(),
        "kind": [KINDS.index(k) for k in placed["kind"]],
        "lon": placed["lon"].astype(float).round(4).tolist(),
        "lat": placed["lat"].astype(float).round(4).tolist(),
        "z": placed["z"].astype(int).tolist(),
    }


class _Grid:
    """Label boxes (centre x, y, width w, height h in pixels) in a spatial hash."""

    CELL = 128.0

    def __init__(self, x, y, w, h, layer):
        self.x, self.y, self.w, self.h, self.layer = x, y, w, h, layer
        self.cells: dict[tuple[int, int], list[int]] = {}

    def _cells(self, i: int) -> list[tuple[int, int]]:
        c = self.CELL
        x0, x1 = int((self.x[i] - self.w[i] / 2) // c), int((self.x[i] + self.w[i] / 2) // c)
        y0, y1 = int((self.y[i] - self.h[i] / 2) // c), int((self.y[i] + self.h[i] / 2) // c)
        return [(a, b) for a in range(x0, x1 + 1) for b in range(y0, y1 + 1)]

    def clear(self, i: int) -> bool:
        """Whether label `i`'s box meets no placed box of its own layer."""
        for cell in self._cells(i):
            for j in self.cells.get(cell, ()):
                if self.layer[i] != self.layer[j]:
                    continue
                if (
                    abs(self.x[i] - self.x[j]) * 2 < self.w[i] + self.w[j]
                    and abs(self.y[i] - self.y[j]) * 2 < self.h[i] + self.h[j]
                ):
                    return False
        return True

    def add(self, i: int) -> None:
        for cell in self._cells(i):
            self.cells.setdefault(cell, []).append(i)
