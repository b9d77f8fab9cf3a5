"""Loading: the data folder's location, typed columns, geocoding and Parquet tables."""

from __future__ import annotations

import pandas as pd

from borderwatch.data.loader import default_data_dir, load_dataset, load_events, validate_data_dir


def test_events_come_back_as_points_in_wgs84(data_dir):
    events = load_events(data_dir)
    assert events.crs.to_epsg() == 4326
    first = events.iloc[0]
    assert (first.geometry.x, first.geometry.y) == (67.4333, 37.2167)
    assert str(events["date_start"].dtype).startswith("datetime64")


def test_blank_coordinates_are_filled_from_the_gazetteer(data_dir):
    events = load_events(data_dir).set_index("event_id")
    row = events.loc["BW-2021-0004"]  # written as "Shir Khan Bandar", no coordinates
    assert (row["latitude"], row["longitude"]) == (37.04, 68.24)
    assert row["coord_source"] == "gazetteer:curated"
    assert row["canonical_name"] == "Sher Khan Bandar"
    assert row["place"] == "Shir Khan Bandar"
    assert events.loc["BW-2021-0001", "coord_source"] == "given"


def test_environment_variable_points_at_another_folder(data_dir, monkeypatch):
    monkeypatch.setenv("BORDERWATCH_DATA", str(data_dir))
    assert default_data_dir() == data_dir
    assert len(load_events()) == 7


def test_without_the_variable_the_bundled_geodata_is_used(monkeypatch):
    monkeypatch.delenv("BORDERWATCH_DATA", raising=False)
    assert default_data_dir().name == "geodata"
    assert (default_data_dir() / "events.csv").exists()


def test_a_parquet_event_table_loads_like_the_csv(data_dir):
    from_csv = load_events(data_dir)
    table = pd.read_csv(data_dir / "events.csv", dtype=str, keep_default_na=False)
    table.to_parquet(data_dir / "events.parquet")
    (data_dir / "events.csv").unlink()
    from_parquet = load_dataset(data_dir).events
    pd.testing.assert_frame_equal(
        from_parquet.drop(columns="geometry"), from_csv.drop(columns="geometry")
    )


def test_parquet_problems_name_the_row_as_a_csv_line(data_dir):
    table = pd.read_csv(data_dir / "events.csv", dtype=str, keep_default_na=False)
    table.loc[2, "event_type"] = "riot"
    table.to_parquet(data_dir / "events.parquet")
    (data_dir / "events.csv").unlink()
    (problem,) = validate_data_dir(data_dir)
    assert str(problem).startswith(
        "events.parquet, line 4, field event_type: 'riot' must be one of"
    )
