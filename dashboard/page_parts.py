"""What both screens of the main page share: the data's store and the map.

Streamlit code only; every decision is a function in `borderwatch`. With
BORDERWATCH_DATABASE_URL set the data comes from PostgreSQL, re-read when anyone
(through any app process) has saved since, and the filters run there.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from borderwatch.analysis.filters import Filters
from borderwatch.analysis.sqlfilters import Box
from borderwatch.data.freshness import DataStamp, folder_stamp
from borderwatch.data.loader import default_data_dir
from borderwatch.data.store import EventStore, FrameStore, open_store
from borderwatch.db import database_url
from borderwatch.db.reads import data_version, filtered_events, last_change_time, load_store
from borderwatch.db.schema import connect
from borderwatch.map import assets
from borderwatch.map.build import MAX_ZOOM, ZOOM, build_map
from borderwatch.map.eventlayer import clicked_event_id
from borderwatch.map.fit import REGION, fit_for
from borderwatch.map.viewport import (
    caption,
    cell_page,
    cell_page_size,
    clicked_cell,
    detail,
    pages_of,
    view_box,
)

MAP_KEY = "map"
CELL_KEY = "_map_cell"  # the cell opened at the closest zoom: {"filters", "box"}
PAGE_KEY = "map_cell_page"
# what the map reports back: clicks (the record panel) and its view (the detail drawn)
MAP_RETURNS = ["last_object_clicked", "last_object_clicked_popup", "bounds", "zoom"]


@st.cache_resource(show_spinner="Loading events…", max_entries=2)
def _database_store(url: str, version: tuple[int, int]) -> FrameStore:
    with connect(url) as conn:
        data = load_store(conn, default_data_dir())

    def select(f: Filters) -> pd.DataFrame:
        with connect(url) as conn:
            return filtered_events(conn, data, f)

    return FrameStore(data.dataset, select=select)


def event_store() -> EventStore:
    """The data folder's store: one per version of its files, shared by every session and
    the start-up warm-up (`open_store`), so a large folder is never loaded twice; or the
    database's data, re-read only when its version (its count of changes) moves."""
    url = database_url()
    if url:
        with connect(url) as conn:
            version = data_version(conn)
        return _database_store(url, version)
    with st.spinner("Loading events…", show_time=True):
        return open_store(default_data_dir())


def data_stamp() -> DataStamp:
    """The version of the data `event_store` reads now, and when it last changed."""
    url = database_url()
    if url:
        with connect(url) as conn:
            return DataStamp(("database", *data_version(conn)), last_change_time(conn))
    return folder_stamp(default_data_dir())


def open_cell(f: Filters, box: Box | None, zoom: int) -> Box | None:
    """The cell the user opened, while the filters, the closest zoom and the view still
    hold it; otherwise it is closed."""
    opened = st.session_state.get(CELL_KEY)
    if opened and opened["filters"] == f and zoom >= MAX_ZOOM and box is not None:
        cell = opened["box"]
        lat, lon = (cell.south + cell.north) / 2, (cell.west + cell.east) / 2
        if box.south <= lat <= box.north and box.west <= lon <= box.east:
            return cell
    st.session_state.pop(CELL_KEY, None)
    return None


def show_map(
    store: EventStore, f: Filters, as_of: dt.date, height: int, briefing_room: bool = False
) -> None:
    """The map of the events matching `f` as known on `as_of`, in the detail of its view.

    The view comes back from the browser as the map's widget state (before the first
    report, the whole data is the view). A click on an event selects it for the record
    panel; off the briefing screen the page reruns to show it. At the closest zoom a
    click on a cell opens it: its events are drawn a page at a time, picked under the map.
    Off the briefing screen the map fits the filtered events each time the filters
    change; a briefing screen shows the region at any size and keeps it.
    """
    view = st.session_state.get(MAP_KEY) or {}
    zoom = int(view.get("zoom") or ZOOM)
    box = view_box(view.get("bounds"), zoom)
    clicked = view.get("last_object_clicked")
    if not briefing_room and clicked != st.session_state.get("_map_click"):
        st.session_state["_map_click"] = clicked
        if zoom >= MAX_ZOOM and CELL_KEY not in st.session_state:
            # a click on one of the cells drawn (the same question: cached) opens it
            opened = clicked_cell(detail(store, f, box, zoom, MAX_ZOOM), clicked)
            if opened is not None:
                st.session_state[CELL_KEY] = {"filters": f, "box": opened}
                st.session_state[PAGE_KEY] = 1
    cell = None if briefing_room else open_cell(f, box, zoom)
    if cell is None:
        shown = detail(store, f, box, zoom, MAX_ZOOM)
    else:
        shown = cell_page(store, f, cell, int(st.session_state.get(PAGE_KEY) or 1))
    parts = build_map(
        store, shown, as_of, offline=assets.offline_mode(),
        base_url=assets.static_url(st.get_option("server.baseUrlPath")),
        briefing_room=briefing_room, stale_days=f.stale_days, countries=f.countries,
        fit=REGION if briefing_room else fit_for(store, f),
    )  # fmt: skip
    st.caption(caption(shown))
    out = st_folium(
        parts.base,
        key=MAP_KEY,
        height=height,
        use_container_width=True,
        feature_group_to_add=parts.layers,
        layer_control=parts.control,
        returned_objects=MAP_RETURNS,
        # st_folium renders the whole figure and then the map again; the first render's
        # output is never used (same arguments reach the browser, 40 ms less per rerun)
        render=False,
    )
    if cell is not None:
        cell_pager(shown.in_view)
    popup = (out or {}).get("last_object_clicked_popup")
    if popup != st.session_state.get("_map_popup"):
        st.session_state["_map_popup"] = popup
        ids = shown.frame["event_id"] if shown.kind == "points" else pd.Series([], dtype=str)
        picked = clicked_event_id(popup, ids)
        if picked and picked != st.session_state.get("selected"):
            st.session_state["selected"] = picked
            if not briefing_room:
                st.rerun()  # the record panel sits outside the map's fragment


def cell_pager(in_cell: int) -> None:
    """The page of the open cell's events to draw, and a way back to the cells."""
    pages = pages_of(in_cell, cell_page_size())
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    if pages > 1:
        left.number_input(
            f"Page of this cell's events (of {pages:,}, newest first)", min_value=1,
            max_value=pages, step=1, key=PAGE_KEY,
        )  # fmt: skip
    right.button(
        "Back to the cells", key="map_cell_close", width="stretch",
        on_click=lambda: st.session_state.pop(CELL_KEY, None),
    )  # fmt: skip


# `show_map` as a fragment: a pan or zoom reruns only the map, not the page
map_fragment = st.fragment(show_map)
