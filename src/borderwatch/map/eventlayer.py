"""The events layer: one compact data blob, markers and popups drawn in the browser.

Building one folium object per marker is slow and ships one script block per
event; instead every event goes into a single columnar JSON blob (`event_blob`)
and a few lines of JavaScript (`EventMarkers`) turn it into clustered markers,
building each popup only when it is first opened. All text is HTML-escaped in
Python before it enters the blob, and the browser decodes it only into text
nodes, so neither side ever interprets event text as markup or code.
"""

from __future__ import annotations

import json

import folium
import folium.plugins
import numpy as np
import pandas as pd
from branca.element import Element, Figure
from folium.elements import JSCSSMixin
from folium.template import Template

from borderwatch.analysis.aggregate import grid_counts
from borderwatch.data.vocab import EVENT_TYPES, type_label
from borderwatch.map.scripts import program
from borderwatch.map.viewport import Detail
from borderwatch.render.htmlsafe import escape, safe_url

TYPE_STYLE: dict[str, tuple[str, str]] = {
    "crossing_closed": ("#c0392b", "road-barrier"),
    "crossing_reopened": ("#27ae60", "road-circle-check"),
    "crossing_threatened": ("#e67e22", "triangle-exclamation"),
    "territorial_control": ("#8e44ad", "flag"),
    "clash": ("#d81b60", "burst"),
    "military_deployment": ("#34495e", "truck"),
    "military_exercise": ("#6d8e23", "person-rifle"),
    "refugee_movement": ("#2980b9", "people-group"),
    "diplomatic_contact": ("#16a085", "handshake"),
    "statement": ("#7f8c8d", "bullhorn"),
    "infrastructure": ("#a0522d", "bridge"),
    "militant_presence": ("#6d4c41", "user-secret"),
    "other": ("#555555", "circle-question"),
}
"""Event type -> (colour, Font Awesome 6 solid icon name): the marker, the legend and the
timeline all use this colour, and no two types share one."""


def type_colors(labels: list[str]) -> list[str]:
    """The colour of each type label (`type_label` of a type), for a chart's series."""
    by_label = {type_label(k): c for k, (c, _) in TYPE_STYLE.items()}
    return [by_label.get(label, OTHER_STYLE[0]) for label in labels]


OTHER_STYLE = ("#555555", "circle")


def _text(values: pd.Series) -> list[str]:
    """Escaped text of each value, escaping each distinct value once."""
    codes, uniques = pd.factorize(values.astype(object).where(values.notna(), ""))
    escaped = np.array([escape(u) for u in uniques] + [""], dtype=object)
    return escaped[codes].tolist()  # code -1 (missing) picks the trailing ""


def _dates(events: pd.DataFrame) -> pd.Series:
    start = events["date_start"].dt.strftime("%Y-%m-%d")
    end = events["date_end"].dt.strftime("%Y-%m-%d")
    span = start.where(start == end, start + " – " + end)
    return span + " (" + events["date_precision"].astype(str) + ")"


def _countries(events: pd.DataFrame) -> pd.Series:
    country = events["country"].astype(str)
    other = events["counterpart_country"].astype(object).fillna("").astype(str)
    return country.where(other == "", country + " – " + other)


def event_blob(events: pd.DataFrame, sources: pd.DataFrame, note: str | None = None) -> dict:
    """The events as columnar, escaped arrays: what the browser needs and no more.

    `types` and `sources` are lookup tables; `t` and `src` index into them
    (`src` is -1 for an unknown source). Rows without coordinates are left out.
    `note` (escaped) is shown on the map while the markers are.
    """
    ev = events[events["latitude"].notna() & events["longitude"].notna()]
    type_keys = list(dict.fromkeys([*EVENT_TYPES, *ev["event_type"].astype(str).unique()]))
    types = [
        [escape(key), escape(type_label(key)), *TYPE_STYLE.get(key, OTHER_STYLE)]
        for key in type_keys
    ]
    src = sources.reset_index(drop=True)
    source_rows = [
        [escape(r.title), escape(r.publisher), escape(r.published), safe_url(r.url)]
        for r in src.itertuples(index=False)
    ]
    src_index = pd.Series(range(len(src)), index=src["source_id"].astype(str))
    return {
        "lat": ev["latitude"].astype(float).round(5).tolist(),
        "lon": ev["longitude"].astype(float).round(5).tolist(),
        "t": pd.Categorical(ev["event_type"].astype(str), categories=type_keys).codes.tolist(),
        "id": _text(ev["event_id"]),
        "date": _text(_dates(ev)),
        "place": _text(ev["place"]),
        "countries": _text(_countries(ev)),
        "summary": _text(ev["summary"]),
        "actors": _text(ev["actors"]),
        "confidence": _text(ev["confidence"]),
        "src": ev["source_id"].astype(str).map(src_index).fillna(-1).astype(int).tolist(),
        "types": types,
        "sources": source_rows,
        "note": escape(note) if note else "",
    }


def blob_json(blob: dict) -> str:
    """The blob as JSON safe to place inside a <script> element."""
    text = json.dumps(blob, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    # escaped text holds no '<', but never let a '</script' through whatever changes
    return text.replace("</", "<\\/")


class _Script(Element):
    """Finished script text, added to the page as it is.

    folium wraps each element's rendered script in a branca Element, which
    compiles it as a Jinja template: for a 2 MB data blob that took 0.3 s on
    every render, more than building the blob.
    """

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


_NO_MACROS = Template("")


class _BlobElement(JSCSSMixin):
    """A layer whose script carries a data blob: rendered without compiling the blob.

    By default its script calls `draw(parent, url, data)` from its `js`: the blob
    fetched from `url`, or `data` carried inline."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
        {{ this.js }}
        {{ this.draw }}({{ this._parent.get_name() }}, {{ this.url|tojson }}, {{ this.data }});
        })();
        {% endmacro %}
        """
    )
    draw = ""
    url: str | None = None
    data = "null"

    def render(self, **kwargs):
        script = self._template.module.script(self, kwargs)
        template, self._template = self._template, _NO_MACROS
        try:
            super().render(**kwargs)  # asset links and children only
        finally:
            self._template = template
        page = self.get_root()
        assert isinstance(page, Figure)  # rendered inside a map's Figure
        page.script.add_child(_Script(script), name=self.get_name())


class EventMarkers(_BlobElement):
    """Clustered markers drawn client-side from one blob (see `event_blob`)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
        {{ this.js }}
        var d = {{ this.data }};
        return bwEventMarkers(d, {{ this.options|tojavascript }}, {{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )
    js = program("blob_helpers.js", "event_markers.js")

    default_js = folium.plugins.MarkerCluster.default_js
    default_css = folium.plugins.MarkerCluster.default_css

    def __init__(self, blob: dict, **options):
        super().__init__()
        self._name = "EventMarkers"
        self.data = blob_json(blob)
        self.options = {"maxClusterRadius": 45, "chunkedLoading": True, **options}


MAX_POINTS = 5_000
"""Above this many events the layer draws grid cells with counts instead of markers.

Each event costs about 350 bytes in the blob (its summary, actors, ids, dates), so
5,000 keep the map's payload near 2 MB; cells cost a few hundred KB however many
events there are.
"""


def aggregation_note(n_events: int, n_cells: int, cell_deg: float) -> str:
    """What the map says when it shows cells instead of events."""
    return (
        f"{n_events:,} events aggregated into {n_cells:,} cells of {cell_deg:g}° — zoom in, "
        f"or narrow the filters to {MAX_POINTS:,} events or fewer to see each one"
    )


def cell_size(cells: pd.DataFrame) -> float:
    """The side of the grid's square cells in degrees (0 without cells)."""
    return round(float(cells["north"].iloc[0] - cells["south"].iloc[0]), 6) if len(cells) else 0.0


def cell_blob(cells: pd.DataFrame, note: str, openable: bool = False) -> dict:
    """Grid cells (a frame from `aggregate.grid_counts`) as columnar arrays for the browser.

    `by` holds each cell's count per entry of `types`; all text is escaped. `open`: a click
    asks the server for the cell's events instead of zooming in (the closest zoom).
    """
    type_keys = list(cells.columns[7:])
    return {
        "lat": cells["lat"].round(5).tolist(),
        "lon": cells["lon"].round(5).tolist(),
        "n": cells["count"].astype(int).tolist(),
        "south": cells["south"].round(5).tolist(),
        "west": cells["west"].round(5).tolist(),
        "size": cell_size(cells),
        "by": cells[type_keys].astype(int).values.tolist(),
        "types": [escape(type_label(k)) for k in type_keys],
        "note": escape(note),
        "open": openable,
    }


class EventCells(_BlobElement):
    """A labelled circle per grid cell (see `cell_blob`); clicking one zooms the map to it.

    A cell's counts by type show on hover. The cells are sized for the zoom they were
    counted at, so they are drawn as they are, without clustering.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
        {{ this.js }}
        var d = {{ this.data }};
        return bwEventCells(d, {{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )
    js = program("blob_helpers.js", "event_cells.js")

    default_js = folium.plugins.MarkerCluster.default_js
    default_css = folium.plugins.MarkerCluster.default_css

    def __init__(self, blob: dict):
        super().__init__()
        self._name = "EventCells"
        self.data = blob_json(blob)


def event_layer(
    events: pd.DataFrame,
    sources: pd.DataFrame,
    name: str = "Events",
    show: bool = True,
    max_points: int | None = MAX_POINTS,
) -> tuple[folium.FeatureGroup, str | None]:
    """The filtered events as one feature group of clustered, typed markers with popups.

    Above `max_points` events with coordinates (None: no limit) it draws grid
    cells with counts instead, with a note on the map. Returns the group and that
    note (None when every event is drawn), for the page to show too.
    """
    group = folium.FeatureGroup(name=name, show=show)
    located = int((events["latitude"].notna() & events["longitude"].notna()).sum())
    if max_points is not None and located > max_points:
        cells = grid_counts(events)
        note = aggregation_note(located, len(cells), cell_size(cells))
        EventCells(cell_blob(cells, note)).add_to(group)
        return group, note
    EventMarkers(event_blob(events, sources)).add_to(group)
    return group, None


def detail_layer(
    detail: Detail, sources: pd.DataFrame, name: str = "Events"
) -> tuple[folium.FeatureGroup, str | None]:
    """The events layer for one view of the map (see `viewport.detail`) and its note.

    Markers with popups for "points", clickable cells for "cells"; the note (None
    when every event in view is drawn) is on the map and for the page to show too.
    """
    group = folium.FeatureGroup(name=name, show=True)
    if detail.kind == "cells":
        EventCells(cell_blob(detail.frame, detail.note or "", detail.openable)).add_to(group)
    else:
        EventMarkers(event_blob(detail.frame, sources, detail.note)).add_to(group)
    return group, detail.note


def clicked_event_id(popup_text: str | None, event_ids: pd.Series) -> str | None:
    """The event whose popup the user clicked, from the popup's `Event <id>` line.

    streamlit-folium returns only the clicked popup's visible text (`innerText`),
    not its `data-event-id` attribute, so the popup writes the id on a line of its
    own, after the word "Event" and a space (event_markers.js). Ids not among
    `event_ids` (a crossing's popup, a stale click after the filters changed) give None.
    """
    if not popup_text:
        return None
    known = set(event_ids.astype(str))
    for line in str(popup_text).splitlines():
        key, _, value = line.strip().partition(" ")
        if key == "Event" and value.strip() in known:
            return value.strip()
    return None
