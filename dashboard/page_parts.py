"""What both screens of the main page share: the data set, the filtered events and the map.

Streamlit code only; every decision is a function in `borderwatch`. With
BORDERWATCH_DATABASE_URL set the data comes from PostgreSQL, re-read when anyone
(through any app process) has saved since, and the filters run there.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from borderwatch.analysis.filters import Filters, apply_filters
from borderwatch.data import snapshot
from borderwatch.data.loader import Dataset, default_data_dir
from borderwatch.db import database_url
from borderwatch.db.reads import StoreData, data_version, filtered_events, load_store
from borderwatch.db.schema import connect
from borderwatch.map import assets
from borderwatch.map.build import build_map


@st.cache_resource(show_spinner="Loading events…", max_entries=2)
def _load(data_dir: str, stamp: tuple) -> Dataset:
    return snapshot.load(data_dir)


@st.cache_resource(show_spinner="Loading events…", max_entries=2)
def _load_store(url: str, version: tuple[int, int]) -> StoreData:
    with connect(url) as conn:
        return load_store(conn, default_data_dir())


# The database's data sets by id of their Dataset, so `select` finds their row numbers.
_STORES: dict[int, StoreData] = {}


def dataset() -> Dataset:
    """The data folder, re-read only when one of its files changes; or the database's data,
    re-read only when its version (its count of changes) moves."""
    url = database_url()
    if not url:
        d = default_data_dir()
        return _load(str(d), snapshot.folder_stamp(d))
    with connect(url) as conn:
        version = data_version(conn)
    store = _load_store(url, version)
    if id(store.dataset) not in _STORES:
        if len(_STORES) > 8:  # the cache keeps two; forget the ones it has dropped
            _STORES.clear()
        _STORES[id(store.dataset)] = store
    return store.dataset


def select(ds: Dataset, f: Filters) -> pd.DataFrame:
    """The events of `ds` matching `f`: in PostgreSQL when they come from it, else in pandas."""
    url = database_url()
    store = _STORES.get(id(ds))
    if not url or store is None or store.dataset is not ds:
        return apply_filters(ds.events, f)
    with connect(url) as conn:
        return filtered_events(conn, store, f)


def show_map(
    ds: Dataset,
    shown: pd.DataFrame,
    as_of: dt.date,
    stale_days: int,
    height: int,
    briefing_room: bool = False,
) -> dict:
    """The map of `shown` as known on `as_of`; returns what streamlit-folium reports back."""
    parts = build_map(
        ds, shown, as_of, offline=assets.offline_mode(),
        base_url=assets.static_url(st.get_option("server.baseUrlPath")),
        collapsed=not briefing_room, stale_days=stale_days,
    )  # fmt: skip
    if parts.note:  # too many events to draw one by one: the map shows grid cells
        st.caption(parts.note)
    return st_folium(
        parts.base,
        key="map",
        height=height,
        use_container_width=True,
        feature_group_to_add=parts.layers,
        layer_control=parts.control,
        returned_objects=["last_object_clicked", "last_object_clicked_popup"],
        # st_folium renders the whole figure and then the map again; the first render's
        # output is never used (same arguments reach the browser, 40 ms less per rerun)
        render=False,
    )
