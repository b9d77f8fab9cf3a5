import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

import folium
import pandas as pd
import pytest
import streamlit_folium
from sample_data import EVENTS, write_data_dir, write_stub_vendor
from streamlit_folium import _get_feature_group_string, _get_map_string, generate_js_hash

from borderwatch import export
from borderwatch.analysis.asof import district_control, picture_as_of
from borderwatch.data.loader import load_dataset
from borderwatch.data.outlines import load_outlines
from borderwatch.data.store import FrameStore
from borderwatch.map import build
from borderwatch.map.scripts import stylesheet
from borderwatch.map.viewport import Detail

REPO = Path(__file__).resolve().parents[2]
JULY_13 = dt.date(2021, 7, 13)


def points(events) -> Detail:
    """Every event drawn one by one, as the map does when they fit its point budget."""
    return Detail("points", events, len(events))


@pytest.fixture(scope="module")
def outlines():
    return build.map_outlines(REPO / "geodata")


@pytest.fixture
def ds(tmp_path):
    return load_dataset(write_data_dir(tmp_path / "data"))


@pytest.fixture
def vendor(tmp_path):
    return write_stub_vendor(tmp_path / "vendor")


def _header_links(m: folium.Map) -> list[str]:
    head = m.get_root().render().split("</head>")[0]
    return re.findall(r'(?:src|href)="([^"]+)"', head)


def test_offline_base_map_has_no_tiles_and_only_local_links(outlines, vendor):
    m = build.base_map(outlines, offline=True, vendor_dir=vendor)
    assert not any(isinstance(c, folium.TileLayer) for c in m._children.values())
    links = _header_links(m)
    assert links and all(u.startswith("/app/static/vendor/") for u in links)
    assert '"maxZoom": 12' in m.get_root().render()


def test_online_base_map_offers_tiles_switched_off_and_cdn_links_without_local_assets(
    outlines, tmp_path
):
    m = build.base_map(outlines, offline=False, vendor_dir=tmp_path / "none")
    tiles = [c for c in m._children.values() if isinstance(c, folium.TileLayer)]
    assert [(t.layer_name, t.show, t.overlay) for t in tiles] == [
        ("Street map (online tiles)", False, True)
    ]
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in _header_links(m)


def test_the_base_map_script_is_identical_on_every_build(outlines, vendor):
    """streamlit-folium remounts the map (blank flash, zoom reset) when this hash changes."""

    def key() -> str:
        m = build.base_map(outlines, offline=True, vendor_dir=vendor)
        m.get_root().render()
        return generate_js_hash(_get_map_string(m), "map", False)

    assert key() == key()


def test_the_layers_render_the_same_script_on_every_rerun(ds, vendor):
    """Otherwise streamlit-folium re-creates them: open popups close, markers flicker."""

    def scripts() -> list[str]:
        parts = build.build_map(
            FrameStore(ds), points(ds.events), JULY_13, offline=True, vendor_dir=vendor
        )
        parts.base.get_root().render()
        _get_map_string(parts.base)
        return [_get_feature_group_string(g, parts.base, i) for i, g in enumerate(parts.layers)]

    assert scripts() == scripts()


def test_st_folium_without_its_figure_render_sends_the_browser_the_same_map(
    ds, vendor, monkeypatch
):
    """The page passes render=False: st_folium's first render of the figure is unused."""
    sent: list[dict] = []

    def component(**kwargs):
        sent.append({k: v for k, v in kwargs.items() if k != "on_change"})
        return kwargs["default"]

    monkeypatch.setattr(streamlit_folium, "_component_func", component)
    for render in (True, False):
        parts = build.build_map(
            FrameStore(ds), points(ds.events), JULY_13, offline=True, vendor_dir=vendor
        )
        streamlit_folium.st_folium(
            parts.base,
            key="map",
            feature_group_to_add=parts.layers,
            layer_control=parts.control,
            render=render,
        )
    with_render, without = sent
    assert "vendor-bundle.js" in " ".join(without["js_links"])
    assert len(without["feature_group"]) > 10_000
    assert without == with_render


def test_map_outlines_come_from_the_data_folder_else_the_bundled_ones(tmp_path, outlines):
    d = write_data_dir(tmp_path / "data")
    assert build.map_outlines(d) is outlines  # no borders.geojson: the bundled one, shared
    bundled = load_outlines(REPO / "geodata")
    bundled.head(2).to_file(d / "borders.geojson", driver="GeoJSON")
    assert len(build.map_outlines(d)["features"]) == 2
    bundled.head(3).to_file(d / "borders.geojson", driver="GeoJSON")
    assert len(build.map_outlines(d)["features"]) == 3


def test_the_page_fetches_the_bundled_outlines_from_their_static_copy(outlines):
    assert json.loads(build.outlines_path().read_text()) == json.loads(json.dumps(outlines))


def test_the_map_script_leaves_bundled_outlines_to_the_fetch_and_carries_a_folders_own(
    tmp_path, outlines
):
    d = write_data_dir(tmp_path / "data")
    url = build.outlines_url(d, "/base/app/static/vendor")
    assert url == "/base/app/static/basemap/outlines.json"
    fetched = _get_map_string(build.base_map(outlines, offline=True, outlines_at=url))
    assert '"/base/app/static/basemap/outlines.json", null)' in fetched
    assert "Uzbekistan" not in fetched and len(fetched) < 60_000
    # the view before the map reports its own: the outlines' extent, as when they were inline
    south, west = build.base_map(outlines, outlines_at=url).get_bounds()[0]
    assert 20 < south < 40 and 40 < west < 70

    load_outlines(REPO / "geodata").head(2).to_file(d / "borders.geojson", driver="GeoJSON")
    assert build.outlines_url(d) is None
    own = build.map_outlines(d)
    inline = _get_map_string(build.base_map(own, offline=True, outlines_at=None))
    assert own["features"][0]["properties"]["name"] in inline


def test_building_and_rendering_maps_leaves_the_shared_outlines_as_they_were(
    ds, outlines, vendor, monkeypatch
):
    before = json.dumps(outlines, sort_keys=True)
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kw: kw["default"])
    for offline in (True, False):
        streamlit_folium.st_folium(
            build.base_map(outlines, offline=offline, vendor_dir=vendor), key="map"
        )
    export.standalone_html(FrameStore(ds), points(ds.events), JULY_13)
    assert json.dumps(outlines, sort_keys=True) == before


def test_the_layers_are_events_crossings_control_and_a_hidden_heat_map(ds):
    layers = build.build_map(FrameStore(ds), points(ds.events), JULY_13).layers
    assert [g.layer_name for g in layers] == [
        "Events",
        "Border crossings (status)",
        "Faryab districts (control)",
        "Heat map",
    ]
    assert [g.show for g in layers] == [True, True, True, False]


def test_crossings_are_coloured_by_their_status_at_the_end_of_the_range(ds):
    early = build.build_map(FrameStore(ds), points(ds.events), dt.date(2021, 7, 12)).layers[1]
    late = build.build_map(FrameStore(ds), points(ds.events), JULY_13).layers[1]

    def colors(group):
        circles = [c for c in group._children.values() if isinstance(c, folium.CircleMarker)]
        return [c.options["fillColor"] for c in circles]

    # Known only once their spans end (13 July): the closure and the reopening
    assert colors(early) == ["#7f8c8d", "#7f8c8d"]
    assert colors(late) == ["#c0392b", "#27ae60"]


def test_each_crossing_is_named_on_the_map_in_the_label_pane(ds):
    layer = build.build_map(FrameStore(ds), points(ds.events), JULY_13).layers[1]
    icons = [i for c in layer._children.values() for i in c._children.values()
             if isinstance(i, folium.DivIcon)]  # fmt: skip
    assert {i.options["class_name"] for i in icons} == {"bw-lbl bw-lbl-crossing"}
    names = [i.options["html"] for i in icons]
    assert names == ["<span>Hairatan–Termez</span>", "<span>Sher Khan Bandar–Panji Poyon</span>"]


def test_crossing_popups_escape_event_text(ds):
    events = ds.events.copy()
    events["summary"] = events["summary"].astype(str)
    events.loc[0, "summary"] = "<script>x</script> `${y}`"
    group = build.build_map(FrameStore(replace(ds, events=events)), points(events), JULY_13).layers[
        1
    ]
    m = folium.Map(tiles=None)
    group.add_to(m)
    html = m.get_root().render()
    assert "<script>x" not in html and "`${y}`" not in html
    assert "&lt;script&gt;x&lt;/script&gt; &#96;&#36;{y}&#96;" in html


def picture(ds, day):
    return picture_as_of(ds.events, ds.crossings, ds.places, day)


def test_district_control_keeps_only_the_faryab_districts(ds):
    control = district_control(picture(ds, dt.date(2021, 7, 13)))
    assert control[["place", "control"]].values.tolist() == [
        ["Andkhoy", "taliban"],
        ["Maymana", "government"],
    ]


def test_the_legend_lists_every_event_type_and_status():
    html = build.legend_html()
    for label in ("Crossing closed", "Refugee movement", "Militant presence", "Other"):
        assert label in html
    for status in ("open", "closed", "threatened", "no report", "taliban", "government"):
        assert f"</i>{status}</div>" in html
    # drawn alike on crossings and districts: listed once, for both
    assert html.count('class="bw-swatch bw-unconfirmed"') == 1
    assert html.count("</i>no report</div>") == 1


def test_an_unconfirmed_status_is_drawn_pale_in_a_dashed_ring_with_its_age(ds):
    group = build.crossing_layer(picture(ds, dt.date(2021, 9, 30)).crossings)
    m = folium.Map(tiles=None)
    group.add_to(m)
    html = m.get_root().render()
    assert html.count('"dashArray": "5 4"') == 2
    assert "unconfirmed-closed" in html
    assert "last report 13 Jul 2021 (79 days old, unconfirmed)" in html


def test_district_popups_carry_the_editors_inference(tmp_path):
    rows = [{**r, "confidence": "inferred"} if r["place"] == "Andkhoy" else r for r in EVENTS]
    ds = load_dataset(write_data_dir(tmp_path / "d", rows))
    group = build.control_layer(district_control(picture(ds, dt.date(2021, 7, 13))))
    m = folium.Map(tiles=None)
    group.add_to(m)
    assert "the editors&#x27; inference" in m.get_root().render()


def test_stable_ids_replace_random_ids_throughout_a_layer(ds):
    group = build.crossing_layer(picture(ds, dt.date(2021, 7, 13)).crossings)
    build.stable_ids(group, "bw1")
    m = folium.Map(tiles=None)
    group.add_to(m)
    html = m.get_root().render()
    assert re.search(r"html_[0-9a-f]{32}", html) is None
    assert "html_bw1n" in html


def test_build_map_gives_the_note_and_bounds_of_the_events_shown(ds):
    shown = ds.events[ds.events["place"].isin(["Hairatan", "Sher Khan Bandar", "Andkhoy"])]
    parts = build.build_map(FrameStore(ds), points(shown), JULY_13)
    assert parts.note is None  # few events: each one drawn
    assert parts.bounds == [[36.95293, 65.12376], [37.2167, 68.24]]
    assert build.build_map(FrameStore(ds), points(shown.iloc[0:0]), JULY_13).bounds is None


def test_a_standalone_map_holds_the_layers_and_the_layer_switcher(ds):
    parts = build.build_map(FrameStore(ds), points(ds.events), JULY_13)
    m = parts.standalone()
    assert all(layer in m._children.values() for layer in parts.layers)
    assert parts.control in m._children.values()


def test_districts_that_share_a_spot_are_drawn_as_nested_rings_each_reachable():
    lat = pd.Series([35.92139, 35.91167, 36.06])  # Maymana, Pashtun Kot (1 km), Khwaja Sabz Posh
    lon = pd.Series([64.78361, 64.78667, 64.97])
    assert build.nested_radii(lat, lon) == [13, 8, 13]


def test_the_wheel_zooms_only_after_a_click_and_clusters_use_no_status_colour(outlines, vendor):
    html = build.base_map(outlines, offline=True, vendor_dir=vendor).get_root().render()
    assert "map.scrollWheelZoom.disable()" in html and 'map.on("click focus"' in html
    cluster_css = stylesheet("cluster.css").lower()
    assert "rgba(38, 50, 56, .9)" in cluster_css and "rgba(38, 50, 56, .9)" in html
    for color in [*build.STATUS_COLORS.values(), *build.CONTROL_COLORS.values()]:
        assert color.lower() not in cluster_css
