"""The benchmark's synthetic events are valid BorderWatch data of the size asked for."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from borderwatch.data import vocab
from borderwatch.data.loader import load_dataset

_SPEC = importlib.util.spec_from_file_location(
    "synth", Path(__file__).resolve().parents[1] / "benchmarks" / "synth.py"
)
synth = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(synth)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_synthetic_data_folder_loads_without_a_single_problem(tmp_path: Path, fmt: str):
    data_dir = synth.write_data_dir(tmp_path / fmt, 2_000, fmt)

    events = load_dataset(data_dir).events

    assert len(events) == 2_000
    assert events["event_id"].is_unique
    assert events["latitude"].notna().all() and events["longitude"].notna().all()


def test_synthetic_events_have_the_schema_columns_in_file_order():
    events = synth.synth_events(50)

    assert tuple(events.columns) == vocab.EVENT_COLUMNS
    assert len(events) == 50


def test_every_event_type_is_present_even_in_a_small_sample():
    events = synth.synth_events(len(vocab.EVENT_TYPES))

    assert sorted(events["event_type"]) == sorted(vocab.EVENT_TYPES)


def test_events_span_several_years():
    events = synth.synth_events(5_000)

    years = events["date_start"].str[:4].astype(int)
    assert years.min() == 2019
    assert years.max() == 2024


def test_some_rows_leave_their_coordinates_to_the_gazetteer():
    events = synth.synth_events(5_000)

    blank = (events["latitude"] == "") & (events["longitude"] == "")
    assert 0 < blank.sum() < len(events) // 10


def test_crossing_events_happen_at_crossings_of_the_gazetteer():
    places = synth.load_places()
    crossings = set(places.loc[places["kind"] == "crossing", "name"])
    events = synth.synth_events(2_000, places=places)

    at = events.loc[events["event_type"].str.startswith("crossing_"), "place"]
    assert set(at) <= crossings


def test_the_same_seed_gives_the_same_events():
    assert synth.synth_events(300, seed=7).equals(synth.synth_events(300, seed=7))
