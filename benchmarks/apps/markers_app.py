"""Anchor for the benchmarks: one `folium.Marker` with a `folium.Popup` per event, sent
through `st_folium` on BorderWatch's own base map (the naive way to map events).
"""

import folium
import streamlit as st
from streamlit_folium import st_folium

from borderwatch.analysis.filters import Filters
from borderwatch.data.loader import default_data_dir
from borderwatch.data.store import open_store
from borderwatch.map.build import base_map, map_outlines
from borderwatch.render.htmlsafe import escape

st.set_page_config(page_title="folium.Marker anchor", layout="wide")
store = open_store(default_data_dir())
events = store.rows(Filters())
m = base_map(map_outlines(store.data_dir), offline=True)
group = folium.FeatureGroup(name="Events")
for r in events.dropna(subset=["latitude", "longitude"]).itertuples(index=False):
    folium.Marker(
        (float(r.latitude), float(r.longitude)),
        popup=folium.Popup(f"<b>{escape(r.event_id)}</b><br>{escape(r.summary)}", max_width=300),
    ).add_to(group)
st.markdown(f"**Showing {len(events)} of {store.total} events**")
st_folium(m, key="map", height=600, use_container_width=True, feature_group_to_add=group,
          returned_objects=[])  # fmt: skip
