"""Where the analyst map looks when the filters change: at the events they select.

With no filter set the map shows the region (`build.CENTER`, `build.ZOOM`): fitting every
event would take in Moscow and Doha and leave Afghanistan a few pixels wide. Once any
filter is set (dates, countries, types or text) the map fits the events it selects, so
every event counted above the map is in view ("Russia: 21 counted, 21 in view").

The map moves only when the filters change, never because the user panned or zoomed:
the filters' key travels with the layers and the browser fits each key once
(`fit_view.js`), while the layers themselves are sent again after every pan.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict

import pandas as pd
from folium.elements import JSCSSMixin
from folium.template import Template

from borderwatch.analysis.filters import Filters
from borderwatch.data.store import EventStore
from borderwatch.map.scripts import program

FIT_MAX_ZOOM = 8
"""A fit closes in no further than this (towns and districts named): one event, or
events at one place, still show their surroundings."""
REGION = ("region", [[30.0, 53.0], [41.5, 75.5]])
"""What a briefing screen fits once, whatever its size: Afghanistan and its northern
neighbours, from the Caspian's shore to the Pamirs (a key no filter change gives)."""


def is_unfiltered(f: Filters) -> bool:
    """True when `f` selects every event (the staleness threshold selects none away)."""
    return f == Filters(stale_days=f.stale_days)


def fit_key(f: Filters) -> str:
    """What identifies a choice of filters for the fit (the staleness threshold does not
    move the map)."""
    return json.dumps([str(f.start), str(f.end), sorted(f.countries), sorted(f.types), f.q])


def event_bounds(events: pd.DataFrame) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the events that have coordinates, or None."""
    lat, lon = events["latitude"].dropna(), events["longitude"].dropna()
    if lat.empty or lon.empty:
        return None
    return [[float(lat.min()), float(lon.min())], [float(lat.max()), float(lon.max())]]


def selection_bounds(store: EventStore, f: Filters) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the events matching `f` that have coordinates;
    None when none has (the store's extent: no rows come into Python)."""
    found = store.extent(f)
    if found is None:
        return None
    south, west, north, east = found
    return [[south, west], [north, east]]


class FitView(JSCSSMixin):
    """Fits its layer's map to `bounds` the first time it sees `key` (None bounds: the
    region at `center`, `zoom`). Add it to a layer sent with every change of filters."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
        {{ this.js }}
        bwFitView({{ this._parent._parent.get_name() }}, {{ this.key|tojson }},
                  {{ this.bounds|tojson }}, {{ this.center|tojson }}, {{ this.zoom }},
                  {{ this.max_zoom }});
        })();
        {% endmacro %}
        """
    )
    js = program("fit_view.js")

    def __init__(
        self,
        key: str,
        bounds: list[list[float]] | None,
        center: tuple[float, float],
        zoom: int,
        max_zoom: int = FIT_MAX_ZOOM,
    ):
        super().__init__()
        self._name = "FitView"
        self.key, self.bounds = key, bounds
        self.center, self.zoom, self.max_zoom = list(center), int(zoom), int(max_zoom)


def fit_for(store: EventStore, f: Filters) -> tuple[str, list[list[float]] | None]:
    """The key and the bounds the map fits for `f`: no bounds (the region) unfiltered.

    Worked out once per store, data version and filters: every pan reruns the map.
    """
    return fit_key(f), None if is_unfiltered(f) else _bounds(store, store.total, f)


_BOUNDS: OrderedDict[tuple, tuple[EventStore, list[list[float]] | None]] = OrderedDict()
_BOUNDS_LOCK = threading.Lock()


def _bounds(store: EventStore, total: int, f: Filters) -> list[list[float]] | None:
    key = (id(store), total, f)
    with _BOUNDS_LOCK:
        hit = _BOUNDS.get(key)
    if hit is not None and hit[0] is store:  # the store is kept: its id is not reused
        return hit[1]
    bounds = selection_bounds(store, f)
    with _BOUNDS_LOCK:
        _BOUNDS[key] = (store, bounds)
        while len(_BOUNDS) > 16:
            _BOUNDS.popitem(last=False)
    return bounds
