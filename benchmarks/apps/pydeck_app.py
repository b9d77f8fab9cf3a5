"""Anchor for the benchmarks: the filtered events drawn with `st.pydeck_chart`, the way a
Streamlit app usually maps many points (every event sent to deck.gl as a scatter layer).

Same data store and the same country filter (label and widget) as BorderWatch's page.
"""

import pydeck as pdk
import streamlit as st

from borderwatch.analysis.filters import Filters
from borderwatch.data.loader import default_data_dir
from borderwatch.data.store import open_store

st.set_page_config(page_title="pydeck anchor", layout="wide")
store = open_store(default_data_dir())
countries = st.sidebar.multiselect("Countries (either side of a crossing)", store.countries())
f = Filters(countries=tuple(countries))
points = store.rows(f, columns=["latitude", "longitude"]).dropna()
st.markdown(f"**Showing {len(points)} of {store.total} events**")
st.pydeck_chart(
    pdk.Deck(
        layers=[
            pdk.Layer(
                "ScatterplotLayer",
                data=points,
                get_position=["longitude", "latitude"],
                get_radius=800,
                get_fill_color=[183, 28, 28, 160],
            )
        ],
        initial_view_state=pdk.ViewState(latitude=36.0, longitude=66.5, zoom=5),
        map_style=None,
    ),
    height=600,
)
