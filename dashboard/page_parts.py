"""What both screens of the main page share: the data set and the map.

Streamlit code only; every decision is a function in `borderwatch`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from borderwatch.data import snapshot
from borderwatch.data.loader import Dataset, default_data_dir
from borderwatch.map import assets
from borderwatch.map.build import build_map


@st.cache_resource(show_spinner="Loading events…", max_entries=2)
def _load(data_dir: str, stamp: tuple) -> Dataset:
    return snapshot.load(data_dir)


def dataset() -> Dataset:
    """The data folder, re-read only when one of its files changes."""
    d = default_data_dir()
    return _load(str(d), snapshot.folder_stamp(d))


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
