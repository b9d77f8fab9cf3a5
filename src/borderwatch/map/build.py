"""The map as folium objects: a stable base map and the layers that follow the filters.

The base map (outlines, legend, controls, asset links) depends only on the data
folder and the offline switch, so streamlit-folium can keep it mounted; the
layers that change with the filters are separate feature groups sent alongside.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import folium
import folium.plugins
import geopandas as gpd
import pandas as pd
from branca.element import Element, Figure
from folium.elements import JSCSSMixin
from folium.template import Template

from borderwatch.analysis.asof import (
    STALE_DAYS,
    Picture,
    district_control,
    in_countries,
    picture_as_of,
    reading,
)
from borderwatch.data.loader import bundled_data_dir
from borderwatch.data.outlines import OUTLINES_FILE, load_outlines
from borderwatch.data.vocab import (
    CONTROL_STATES,
    CROSSING_STATES,
    EVENT_TYPES,
    NO_REPORT,
    UNCONFIRMED,
    type_label,
)
from borderwatch.map import assets, template_cache
from borderwatch.map.basemap import BaseMap, basemap_path, basemap_url
from borderwatch.map.eventlayer import (
    OTHER_STYLE,
    TYPE_STYLE,
    _BlobElement,
    blob_json,
    detail_layer,
)
from borderwatch.map.fit import FitView, event_bounds
from borderwatch.map.scripts import program, stylesheet
from borderwatch.map.viewport import Detail
from borderwatch.render.htmlsafe import escape
from borderwatch.render.style import CONTROL_COLORS, STATUS_COLORS

template_cache.install()  # every map is rendered through branca: see the module's note

CENTER = (36.0, 66.5)
"""Northern Afghanistan, between Herat and Badakhshan."""
ZOOM = 5
MIN_ZOOM, MAX_ZOOM = 3, 12
"""MarkerCluster needs the map's maxZoom when there is no tile layer to supply it."""

UNCONFIRMED_DASH = "5 4"
"""An unconfirmed state keeps its colour, paler, inside a dashed ring (map and legend alike)."""

LAYER_NAMES = {
    "events": "Events",
    "crossings": "Border crossings (status)",
    "control": "Faryab districts (control)",
    "heat": "Heat map",
    "outlines": "Country outlines",
    "tiles": "Street map (online tiles)",
}


class WheelAfterClick(JSCSSMixin):
    """The mouse wheel zooms the map only once the map has been clicked, and again
    scrolls the page once the pointer leaves it: scrolling past the map never zooms it."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            map.scrollWheelZoom.disable();
            map.on("click focus", function () { map.scrollWheelZoom.enable(); });
            map.on("mouseout", function () { map.scrollWheelZoom.disable(); });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "WheelAfterClick"


class OneThemeStyle(JSCSSMixin):
    """Keeps one copy of the theme stylesheet that streamlit-folium's frame gains with
    every rerun (see `one_theme_style.js`)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
        {{ this.js }}
        bwOneThemeStyle(document.head);
        })();
        {% endmacro %}
        """
    )
    js = program("one_theme_style.js")

    def __init__(self):
        super().__init__()
        self._name = "OneThemeStyle"


class Legend(JSCSSMixin):
    """A Leaflet control listing event types, crossing statuses and control colours."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
        {{ this.js }}
        return bwLegend({{ this._parent.get_name() }}, {{ this.html|tojson }});
        })();
        {% endmacro %}
        """
    )
    js = program("legend.js")

    def __init__(self):
        super().__init__()
        self._name = "Legend"
        self.html = legend_html()


def legend_html() -> str:
    """The legend's markup, built only from the vocabularies (escaped all the same)."""
    parts = ['<div class="bw-legend-col"><b>Events</b>']
    for key in EVENT_TYPES:
        color, icon = TYPE_STYLE.get(key, OTHER_STYLE)
        parts.append(
            f'<div><i class="fa-solid fa-{escape(icon)}" style="color:{escape(color)}"></i>'
            f"{escape(type_label(key))}</div>"
        )
    parts.append('</div><div class="bw-legend-col"><b>Crossings</b>')
    parts += [_swatch(STATUS_COLORS[status], status) for status in CROSSING_STATES]
    parts.append("<b>District control</b>")
    parts += [_swatch(CONTROL_COLORS[state], state) for state in CONTROL_STATES]
    # drawn alike on crossings and districts, so listed once for both
    parts.append("<b>Crossings and districts</b>")
    parts.append(_swatch("#7f8c8d", "unconfirmed (last report too old)", unconfirmed=True))
    parts.append(_swatch(STATUS_COLORS[NO_REPORT], NO_REPORT))
    parts.append("</div>")
    return "".join(parts)


def _swatch(color: str, label: str, unconfirmed: bool = False) -> str:
    cls = "bw-swatch bw-unconfirmed" if unconfirmed else "bw-swatch"
    return f'<div><i class="{cls}" style="background:{color}"></i>{escape(label)}</div>'


class PluginLinks(JSCSSMixin):
    """Loads the plugins' JS/CSS with the base map.

    streamlit-folium loads scripts once, when the map is mounted, from the
    elements present then; layers sent later may use these plugins.
    """

    _template = Template("")

    def __init__(self):
        super().__init__()
        self._name = "PluginLinks"
        self.default_js = [
            *folium.plugins.MarkerCluster.default_js,
            *folium.plugins.HeatMap.default_js,
        ]
        self.default_css = list(folium.plugins.MarkerCluster.default_css)


def outlines_geojson(outlines: gpd.GeoDataFrame) -> dict:
    """The outlines layer as a GeoJSON dict with escaped text properties."""
    frame = outlines.copy()
    for col in ("iso3", "name", "neighbour"):
        if col in frame:
            frame[col] = frame[col].map(escape)
    return frame.__geo_interface__


def map_outlines(data_dir: Path | str) -> dict:
    """The outlines a data folder's map draws: its own outlines, else the bundled one.

    No outlines file anywhere gives an empty collection. The dict is cached per
    file version and shared by every map: building and rendering a map only reads
    it (a test checks). The start-up warm-up reads it before the first page asks.
    """
    for folder in (Path(data_dir), bundled_data_dir()):
        path = folder / OUTLINES_FILE
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        return _outlines(path.resolve(), stat.st_mtime_ns, stat.st_size)
    return {"type": "FeatureCollection", "features": []}


@functools.lru_cache(maxsize=4)
def _outlines(path: Path, mtime_ns: int, size: int) -> dict:
    return outlines_geojson(load_outlines(path.parent))


OUTLINES_URL_NAME = "outlines.json"
"""The bundled outlines as the page fetches them, beside the base map (see `outlines_path`)."""


def outlines_path() -> Path:
    """`dashboard/static/basemap/outlines.json`: the bundled outlines as the map draws it
    (`outlines_geojson`), written by `scripts/build_outlines.py` and served as a static file."""
    return basemap_path().with_name(OUTLINES_URL_NAME)


def outlines_url(data_dir: Path | str, base_url: str = assets.STATIC_URL) -> str | None:
    """Where the page fetches the outlines of `data_dir`'s map: the static copy when they are
    the bundled ones; None when the folder has outlines of its own (drawn inline)."""
    own = Path(data_dir) / OUTLINES_FILE
    bundled = bundled_data_dir() / OUTLINES_FILE
    if own.exists() and own.resolve() != bundled.resolve():
        return None
    return basemap_url(base_url).rsplit("/", 1)[0] + "/" + OUTLINES_URL_NAME


def outlines_bounds(outlines: dict) -> list[list[float | None]]:
    """[[south, west], [north, east]] of the outlines, from their features' `bbox` members."""
    boxes = [f.get("bbox") for f in outlines.get("features", [])]
    boxes = [b for b in boxes if b is not None and len(b) == 4]
    if not boxes:
        return [[None, None], [None, None]]
    return [
        [min(b[1] for b in boxes), min(b[0] for b in boxes)],
        [max(b[3] for b in boxes), max(b[2] for b in boxes)],
    ]


class Outlines(_BlobElement):
    """Draws the outlines into its parent feature group, fetched from `url` when given
    (nothing of them in the map's script, which streamlit-folium sends on every rerun),
    else from the data carried inline. Its bounds are the outlines' extent either way."""

    draw = "bwOutlines"
    js = program("blob_helpers.js", "outlines.js")

    def __init__(self, outlines: dict, url: str | None = None):
        super().__init__()
        self._name = "Outlines"
        self.url = url
        self.data = "null" if url else blob_json(outlines)
        self._bounds = outlines_bounds(outlines)

    def _get_self_bounds(self) -> list[list[float | None]]:
        return self._bounds


def outline_layer(outlines: dict, url: str | None = None) -> folium.FeatureGroup:
    """Afghanistan picked out from its neighbours (names on hover) and its border in red,
    fetched from `url` when given (see `outlines_url`), else carried in the map.

    The land, lakes, rivers and boundaries under it are the base map's (see
    `basemap.BaseMap`): the regional outlines end at a rectangle, so they are filled
    only where they add something and never stroked.
    """
    group = folium.FeatureGroup(name=LAYER_NAMES["outlines"], show=True)
    if outlines["features"] or url:
        Outlines(outlines, url).add_to(group)
    return group


def base_map(
    outlines: dict,
    offline: bool = False,
    vendor_dir: Path | None = None,
    base_url: str = assets.STATIC_URL,
    embed_basemap: bool = False,
    fill_frame: bool = False,
    outlines_at: str | None = None,
) -> folium.Map:
    """The map that stays mounted: base map, outlines, legend, scale, full screen, asset links.

    The labelled base map is fetched by the page from beside the assets (`base_url`),
    or carried in the map's own script with `embed_basemap` (a standalone file); so are
    the outlines, from `outlines_at` (see `outlines_url`) or inline without it.
    `fill_frame` makes the map as tall as its frame and the legend larger (a briefing
    screen sizes the frame to the wall).

    Every link points at the committed local copies. Offline there is no tile
    layer at all; otherwise the layer switcher offers online street tiles, off
    until the user switches them on. Build it afresh for every render: streamlit-folium adds the
    changing layers to the map object it is given.
    """
    m = folium.Map(
        location=CENTER,
        zoom_start=ZOOM,
        tiles=None,
        # options of the map itself; folium's min_zoom/max_zoom only reach a tile layer
        minZoom=MIN_ZOOM,
        maxZoom=MAX_ZOOM,
        control_scale=True,
        prefer_canvas=False,
    )
    if not offline:
        # Off until the user switches it on: without internet the page must not wait on
        # a tile server, and the bundled outlines are the map either way.
        folium.TileLayer(
            "OpenStreetMap", name=LAYER_NAMES["tiles"], max_zoom=MAX_ZOOM,
            overlay=True, show=False,
        ).add_to(m)  # fmt: skip
    page = m.get_root()
    assert isinstance(page, Figure)  # a folium.Map's root is always its Figure
    sheets = ["map.css", "eventlayer.css", "basemap.css", "cluster.css"]
    page.header.add_child(
        Element(stylesheet(*sheets, *(["fill_frame.css"] if fill_frame else []))),
        name="borderwatch_css",
    )
    # before the outlines: it makes the panes they are drawn in
    BaseMap(basemap_url(base_url), embed=embed_basemap).add_to(m)
    outline_layer(outlines, None if embed_basemap else outlines_at).add_to(m)
    WheelAfterClick().add_to(m)
    OneThemeStyle().add_to(m)
    folium.plugins.Fullscreen(position="topleft").add_to(m)
    Legend().add_to(m)
    PluginLinks().add_to(m)
    return assets.localize(m, vendor_dir, base_url, offline)


def _state_color(colors: dict[str, str], status: str) -> tuple[str, bool]:
    """The colour of a status ('unconfirmed-closed' is closed's colour) and whether it is stale."""
    stale = status.startswith(UNCONFIRMED)
    return colors.get(status.removeprefix(UNCONFIRMED), STATUS_COLORS[NO_REPORT]), stale


def _report_html(r: Any, state_column: str) -> str:
    words = escape(reading(r, state_column))
    event_id = str(r.event_id)
    if not event_id:
        return words
    return f"{words}<br>{escape(event_id)}: {escape(r.summary)}"


def crossing_layer(status: pd.DataFrame) -> folium.FeatureGroup:
    """Each crossing as a circle coloured by its status (`Picture.crossings`).

    An unconfirmed status keeps its colour, paler and in a dashed ring; the popup
    says the state in words, its last report and age, the report's confidence and
    who holds the Afghan side.
    """
    group = folium.FeatureGroup(name=LAYER_NAMES["crossings"], show=True)
    for r in status.itertuples(index=False):
        if pd.isna(r.latitude) or pd.isna(r.longitude):
            continue
        color, stale = _state_color(STATUS_COLORS, str(r.status))
        html = (
            f"<b>{escape(r.name)}</b><br>Status: <b>{escape(r.status)}</b>"
            f"<br>{_report_html(r, 'status')}"
            f"<br>Afghan side ({escape(r.afghan_side)}): {escape(r.afghan_control)}"
        )
        folium.CircleMarker(
            location=(float(r.latitude), float(r.longitude)),
            radius=11,
            color=color if stale else "#ffffff",
            weight=3,
            dash_array=UNCONFIRMED_DASH if stale else None,
            fill=True,
            fill_color=color,
            fill_opacity=0.4 if stale else 0.95,
            tooltip=f"{escape(r.name)}: {escape(r.status)}",
            popup=folium.Popup(html, max_width=340),
        ).add_to(group)
        # the crossing's name on the map, in the base map's label pane (under the markers)
        folium.Marker(
            location=(float(r.latitude), float(r.longitude)),
            icon=folium.DivIcon(
                html=f"<span>{escape(r.name)}</span>", class_name="bw-lbl bw-lbl-crossing",
                icon_size=(0, 0), icon_anchor=(0, 0),
            ),
            interactive=False, keyboard=False, pane="bwLabels",
        ).add_to(group)  # fmt: skip
    return group


NEAR_DEGREES = 0.05
"""Places closer than this (about 5 km) share a spot on the map at most zooms."""
RADII_PX = (13, 8, 4)
"""Circle sizes, largest first, of places that share a spot: each stays reachable as a
ring around the next (Pashtun Kot lies 1 km from Maymana)."""


def nested_radii(lat: pd.Series, lon: pd.Series) -> list[int]:
    """A pixel radius per place: the first of each group of near places largest, the next
    smaller, so that drawn in order every one shows a ring (or dot) of its own."""
    radii: list[int] = []
    seen: list[tuple[float, float]] = []
    for y, x in zip(lat.astype(float), lon.astype(float), strict=True):
        near = sum(abs(y - sy) < NEAR_DEGREES and abs(x - sx) < NEAR_DEGREES for sy, sx in seen)
        radii.append(RADII_PX[min(near, len(RADII_PX) - 1)])
        seen.append((y, x))
    return radii


def control_layer(control: pd.DataFrame) -> folium.FeatureGroup:
    """Each district as a circle coloured by who controls it (rows of `Picture.control`).

    Circles keep their size on screen at every zoom; districts that share a spot are
    drawn as nested rings (see `nested_radii`) so every one can be hovered and clicked.
    """
    group = folium.FeatureGroup(name=LAYER_NAMES["control"], show=True)
    located = control.dropna(subset=["latitude", "longitude"])
    radii = nested_radii(located["latitude"], located["longitude"])
    for r, radius in zip(located.itertuples(index=False), radii, strict=True):
        color, stale = _state_color(CONTROL_COLORS, str(r.control))
        folium.CircleMarker(
            location=(float(r.latitude), float(r.longitude)),
            radius=radius,
            color=color,
            weight=2,
            dash_array=UNCONFIRMED_DASH if stale else None,
            fill=True,
            fill_color=color,
            fill_opacity=0.15 if stale else 0.35,
            tooltip=escape(f"{r.place}: {r.control}"),
            popup=folium.Popup(
                f"<b>{escape(r.place)}: {escape(r.control)}</b><br>{_report_html(r, 'control')}",
                max_width=320,
            ),
        ).add_to(group)
    return group


class StartHidden(JSCSSMixin):
    """Takes its parent layer off the map once it has been added, unless the user had it on.

    streamlit-folium adds every layer it is sent to the map whatever its `show`;
    this lets a layer start switched off in the layer control all the same, and
    keeps it on after a filter change once the user has switched it on (the choice
    `RememberingLayerControl` keeps).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
        {{ this.js }}
        bwStartHidden({{ this._parent.get_name() }}, {{ this._parent.layer_name|tojson }});
        })();
        {% endmacro %}
        """
    )
    js = program("start_hidden.js")

    def __init__(self):
        super().__init__()
        self._name = "StartHidden"


def heat_layer(detail: Detail) -> folium.FeatureGroup:
    """Event density in the view (hidden until switched on in the layer control).

    Drawn from what the events layer draws: each event, or each grid cell weighted
    by its count, which looks the same and keeps the payload small.
    """
    group = folium.FeatureGroup(name=LAYER_NAMES["heat"], show=False)
    if detail.kind == "cells":
        points = detail.frame[["lat", "lon", "count"]].round(4).values.tolist()
    else:
        located = detail.frame[["latitude", "longitude"]].dropna()
        points = located.astype(float).round(4).values.tolist()
    folium.plugins.HeatMap(points, radius=25, blur=18, min_opacity=0.35).add_to(group)
    StartHidden().add_to(group)
    return group


@dataclass
class MapParts:
    """A built map: the base map that stays mounted and the parts that follow the filters.

    streamlit-folium takes them apart (`base` as the map, `layers` as
    `feature_group_to_add`, `control` as `layer_control`); `standalone` puts them
    together into one map for a file.
    """

    base: folium.Map
    layers: list[folium.FeatureGroup]
    control: folium.LayerControl
    note: str | None
    """What the map says when it shows grid cells instead of events (None: every event drawn)."""
    bounds: list[list[float]] | None
    """[[south, west], [north, east]] of the events shown that have coordinates, or None."""

    def standalone(self) -> folium.Map:
        """The base map with the layers and the layer switcher added (for a file or a test)."""
        for layer in self.layers:
            layer.add_to(self.base)
        self.control.add_to(self.base)
        return self.base


class MapSource(Protocol):
    """What a map needs of its data (a `data.store.EventStore` has it all)."""

    data_dir: Path
    sources: pd.DataFrame
    crossings: pd.DataFrame
    places: pd.DataFrame

    def span(self) -> tuple[dt.date, dt.date]:
        """The first date_start and the last date_end."""
        ...

    def state_events(self, as_of: dt.date | None) -> pd.DataFrame:
        """Events enough for `picture_as_of` on `as_of`."""
        ...


_PICTURES: OrderedDict[tuple, tuple[pd.DataFrame, Picture]] = OrderedDict()
_IN_COUNTRIES: OrderedDict[tuple, tuple[Picture, Picture]] = OrderedDict()
_PICTURES_LOCK = threading.Lock()


def _picture(store: MapSource, as_of: dt.date, stale_days: int) -> Picture:
    """`picture_as_of` the store's state events, worked out once per data version and day:
    every pan and filter change rebuilds the map, and the picture does not change."""
    state = store.state_events(as_of)
    key = (id(state), id(store.crossings), as_of, stale_days)
    with _PICTURES_LOCK:
        hit = _PICTURES.get(key)
    if hit is not None and hit[0] is state:  # the frame itself is kept: its id is not reused
        return hit[1]
    picture = picture_as_of(state, store.crossings, store.places, as_of, stale_days)
    with _PICTURES_LOCK:
        _PICTURES[key] = (state, picture)
        while len(_PICTURES) > 8:
            _PICTURES.popitem(last=False)
    return picture


def _picture_in(
    store: MapSource, as_of: dt.date, stale_days: int, countries: tuple[str, ...]
) -> Picture:
    """`_picture` `in_countries`, kept per picture and country filter too: cutting it to
    the countries took 10-25 ms of every rerun (a pan included) at a country filter."""
    whole = _picture(store, as_of, stale_days)
    key = (id(whole), id(store.places), tuple(sorted(set(countries))))
    with _PICTURES_LOCK:
        hit = _IN_COUNTRIES.get(key)
    if hit is not None and hit[0] is whole:  # the picture is kept: its id is not reused
        return hit[1]
    picture = in_countries(whole, store.places, countries)
    with _PICTURES_LOCK:
        _IN_COUNTRIES[key] = (whole, picture)
        while len(_IN_COUNTRIES) > 8:
            _IN_COUNTRIES.popitem(last=False)
    return picture


def build_map(
    store: MapSource,
    shown: Detail,
    as_of: dt.date | None,
    *,
    offline: bool = False,
    vendor_dir: Path | None = None,
    base_url: str = assets.STATIC_URL,
    briefing_room: bool = False,
    stale_days: int = STALE_DAYS,
    embed_basemap: bool = False,
    countries: tuple[str, ...] = (),
    fit: tuple[str, list[list[float]] | None] | None = None,
) -> MapParts:
    """The map of `shown` (what the events layer draws, see `viewport.detail`) on `as_of`.

    The layers are events, crossings, district control and heat; crossing status
    and district control are the picture of the store's `state_events` as known on
    `as_of` (the end of the range shown; None: the data's last day), with `stale_days`
    as the unconfirmed threshold, so that a type or country filter never hides a
    crossing's status. Asset links point at `base_url` (offline: only local copies, see
    `base_map`); `briefing_room` fills the frame and enlarges the legend for a wall;
    `embed_basemap` puts the base map's data in the map itself (a standalone file).
    With `countries` the crossings and districts are those of the country filter (a
    crossing with a side in one of them). `fit` (a key and bounds, see `fit.fit_for`)
    moves the map to the bounds whenever the key is new to it.
    """
    base = base_map(
        map_outlines(store.data_dir), offline, vendor_dir, base_url, embed_basemap,
        fill_frame=briefing_room, outlines_at=outlines_url(store.data_dir, base_url),
    )  # fmt: skip
    if as_of is None:
        as_of = store.span()[1]
    picture = _picture_in(store, as_of, stale_days, countries)
    events, note = detail_layer(shown, store.sources, name=LAYER_NAMES["events"])
    if fit is not None:
        FitView(*fit, center=CENTER, zoom=ZOOM).add_to(events)
    layers = [
        events,
        crossing_layer(picture.crossings),
        control_layer(district_control(picture)),
        heat_layer(shown),
    ]
    for n, layer in enumerate(layers):
        assets.localize(layer, vendor_dir, base_url, offline)
        stable_ids(layer, f"bw{n}")
    frame = shown.frame
    if shown.kind == "cells":
        frame = frame.rename(columns={"lat": "latitude", "lon": "longitude"})
    return MapParts(base, layers, layer_control(), note, event_bounds(frame))


def stable_ids(element: Element, prefix: str) -> Element:
    """Give `element` and its children ids that are the same on every rerun.

    folium draws random ids (a popup's inner div, for one) and streamlit-folium
    re-creates every layer whenever their script text changes, which closes open
    popups and makes the markers flicker on each rerun; stable ids prevent that.
    """
    seen: list[Element] = []

    def visit(el: Element) -> None:
        seen.append(el)
        for child in el._children.values():
            visit(child)
        for part in ("header", "html", "script"):  # a Popup keeps its content here
            inner = getattr(el, part, None)
            if isinstance(inner, Element) and inner is not el:
                visit(inner)

    visit(element)
    for n, el in enumerate(seen):
        el._id = f"{prefix}n{n}"  # no underscore: streamlit-folium splits names at "_"
    for el in seen:  # folium names some variables after their key in the parent
        el._children = type(el._children)((c.get_name(), c) for c in el._children.values())
    return element


class RememberingLayerControl(folium.LayerControl):
    """folium's layer switcher that keeps what the user switched on or off.

    streamlit-folium removes every layer and the switcher on each filter change and
    adds the new ones, so a layer the user had switched on (the heat map) or off came
    back in its default state. The user's clicks are kept on the map, which stays
    mounted, and applied to each new switcher. Only clicks count: streamlit-folium's
    own removals fire the same Leaflet events, outside the switcher's click handling.
    """

    _template = Template(
        """
        {% macro script(this,kwargs) %}
            var {{ this.get_name() }}_layers = {
                base_layers : {
                    {%- for key, val in this.base_layers.items() %}
                    {{ key|tojson }} : {{val}},
                    {%- endfor %}
                },
                overlays :  {
                    {%- for key, val in this.overlays.items() %}
                    {{ key|tojson }} : {{val}},
                    {%- endfor %}
                },
            };
            let {{ this.get_name() }} = (function () {
            {{ this.js }}
            return bwRememberChoices(L.control.layers(
                {{ this.get_name() }}_layers.base_layers,
                {{ this.get_name() }}_layers.overlays,
                {{ this.options|tojavascript }}
            ).addTo({{this._parent.get_name()}}));
            })();
        {% endmacro %}
        """
    )
    js = program("layer_control.js")


def layer_control() -> folium.LayerControl:
    """The layer switcher, folded to an icon: open, it would cover the map's top right on
    an unattended screen, and the legend already names what each layer draws."""
    return RememberingLayerControl(position="topright", collapsed=True)
