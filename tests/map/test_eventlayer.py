import folium
import pandas as pd
import pytest
from sample_data import EVENTS, MALICIOUS, MALICIOUS_ESCAPED, event, write_data_dir

from borderwatch.data.loader import load_dataset
from borderwatch.data.vocab import EVENT_TYPES
from borderwatch.map import eventlayer
from borderwatch.map.eventlayer import (
    EventMarkers,
    blob_json,
    clicked_event_id,
    event_blob,
    event_layer,
    type_label,
)


@pytest.fixture
def ds(tmp_path):
    rows = [*EVENTS, event(event_id="BW-2021-0099", summary=MALICIOUS, place="Hairatan")]
    return load_dataset(write_data_dir(tmp_path / "data", rows))


def test_the_blob_holds_one_entry_per_event_in_columns(ds):
    blob = event_blob(ds.events, ds.sources)
    assert len(blob["lat"]) == len(blob["id"]) == len(blob["summary"]) == 8
    assert blob["id"][:3] == ["BW-2021-0001", "BW-2021-0002", "BW-2021-0003"]
    assert blob["lat"][0] == 37.2167 and blob["lon"][0] == 67.4333
    assert blob["date"][0] == "2021-06-23 – 2021-07-13 (month)"
    assert blob["date"][1] == "2021-06-22 (day)"
    assert blob["countries"][0] == "AFG – UZB"
    assert blob["countries"][5] == "AFG"  # Andkhoy: no counterpart
    assert blob["types"][blob["t"][0]][:2] == ["crossing_closed", "Crossing closed"]
    assert blob["sources"][blob["src"][0]][:3] == [
        "Russia and allies seek damage limitation with Taliban",
        "Oxford Analytica",
        "2021-07-13",
    ]


def test_event_text_is_escaped_before_it_enters_the_blob(ds):
    blob = event_blob(ds.events, ds.sources)
    assert blob["summary"][-1] == MALICIOUS_ESCAPED
    text = blob_json(blob)
    assert "<" not in text and "`" not in text and "${" not in text


def test_blob_json_never_closes_the_script_element():
    assert blob_json({"x": ["</script>"]}) == '{"x":["<\\/script>"]}'


def test_events_without_coordinates_are_left_out_of_the_blob(ds):
    events = ds.events.copy()
    events.loc[0, "latitude"] = float("nan")
    assert event_blob(events, ds.sources)["id"][0] == "BW-2021-0002"


def test_the_layer_is_one_feature_group_with_one_client_side_marker_element(ds):
    group, _ = event_layer(ds.events, ds.sources, name="Events")
    assert isinstance(group, folium.FeatureGroup)
    children = list(group._children.values())
    assert len(children) == 1 and isinstance(children[0], EventMarkers)
    m = folium.Map(tiles=None)
    group.add_to(m)
    html = m.get_root().render()
    assert html.count('"BW-2021-0001"') == 1  # one blob, no per-marker objects
    assert "L.marker(" in html and html.count("L.marker(") == 1
    assert "markerClusterGroup" in html


def test_popups_insert_event_text_only_as_text_nodes(ds):
    m = folium.Map(tiles=None)
    event_layer(ds.events, ds.sources)[0].add_to(m)
    script = m.get_root().render()
    assert "createTextNode(decode(s))" in script
    assert ".innerHTML = s" in script  # only inside decode(), on a <textarea>
    assert script.count("innerHTML") == 1


def test_clicked_event_id_reads_the_event_line_of_the_popup_text():
    ids = pd.Series(["BW-2021-0001", "BW-2021-0007"])
    popup = "Crossing closed\nEvent BW-2021-0007\nDate 2021-05-01 (month)\nEventually BW-2021-0001"
    assert clicked_event_id(popup, ids) == "BW-2021-0007"
    assert clicked_event_id("Clash\nEventually BW-2021-0001 reopened", ids) is None
    assert clicked_event_id("Hairatan–Termez\nStatus: closed", ids) is None
    assert clicked_event_id("Clash\nEvent BW-2021-0042", ids) is None  # filtered away since
    assert clicked_event_id(None, ids) is None


def test_type_label_reads_like_a_legend_entry():
    assert type_label("crossing_reopened") == "Crossing reopened"


def test_every_event_type_has_a_colour_of_its_own_shared_with_the_timeline():
    colors = [eventlayer.TYPE_STYLE[t][0] for t in EVENT_TYPES]
    assert len(set(colors)) == len(colors)
    labels = [type_label(t) for t in EVENT_TYPES]
    assert eventlayer.type_colors(labels) == colors
