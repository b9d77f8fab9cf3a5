"""The committed offline base map: what it holds, its size, and how the map loads it."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import shape

from borderwatch.map import basemap, build

NEEDED_LABELS = {
    "country": {"Afghanistan", "Uzbekistan", "Turkmenistan", "Tajikistan", "Iran", "Pakistan"},
    "province": {"Faryab", "Balkh", "Kunduz", "Badakhshan", "Surkhandarya"},
    "town": {"Kabul", "Mazār-e Sharīf", "Maymana", "Tirmiz", "Dushanbe", "Ashgabat"},
    "river": {"Amu Darya", "Panj", "Harirud"},
    "lake": {"Aral Sea"},
}


@pytest.fixture(scope="module")
def data() -> dict:
    return json.loads(basemap.basemap_path().read_text(encoding="utf-8"))


def test_the_base_map_is_small_enough_to_commit():
    assert basemap.basemap_path().stat().st_size <= 5_000_000


def test_it_names_countries_provinces_towns_the_border_rivers_and_lakes(data):
    lb = data["labels"]
    by_kind: dict[str, set[str]] = {}
    for text, kind in zip(lb["text"], lb["kind"], strict=True):
        by_kind.setdefault(lb["kinds"][kind], set()).add(text)
    for kind, names in NEEDED_LABELS.items():
        assert names <= by_kind[kind], (kind, names - by_kind[kind])


def test_the_named_rivers_run_where_the_borders_are(data):
    rivers = {f["properties"]["name"]: shape(f["geometry"]) for f in data["rivers"]
              if f["properties"]["name"] in ("Amu Darya", "Harirud")}  # fmt: skip
    termez = shape({"type": "Point", "coordinates": [67.278, 37.224]})
    assert rivers["Amu Darya"].distance(termez) < 0.05  # degrees: the river passes Termez
    assert rivers["Harirud"].bounds[1] >= 34.4 and rivers["Harirud"].bounds[3] <= 36.7


def test_land_covers_the_world_so_no_zoom_shows_an_edge(data):
    west, south, east, north = shape(data["land"][0]["geometry"]).bounds
    assert west < -179 and east > 179 and south < -80 and north > 80


def test_the_map_fetches_the_base_map_beside_the_assets_and_a_standalone_file_embeds_it():
    fetched = build.base_map({"type": "FeatureCollection", "features": []}, offline=True)
    html = fetched.get_root().render()
    assert "bwBaseMap(map_" in html and '"/app/static/basemap/basemap.json", null)' in html
    embedded = build.base_map(
        {"type": "FeatureCollection", "features": []}, offline=True, embed_basemap=True
    )
    assert '"Amu Darya"' in embedded.get_root().render()
    assert basemap.basemap_url("/base/app/static/vendor") == "/base/app/static/basemap/basemap.json"
