"""The event table's one shape, used by every writer: downloads, imports and saves."""

from __future__ import annotations

import io

import pandas as pd
from sample_data import EVENTS, event, write_csv

from borderwatch import export
from borderwatch.data import vocab
from borderwatch.data.eventtable import ALL_COLUMNS, columns_of, csv_bytes, event_table
from borderwatch.data.loader import load_dataset

WITH_ORIGINAL = (*vocab.EVENT_COLUMNS, "original_type", "original_source")
IMPORTED = event(
    event_id="ACLED-AFG51422",
    event_type="other",
    original_type="Violence against civilians / Attack",
    original_source="Pajhwok Afghan News",
)


def test_a_download_keeps_the_optional_columns_that_hold_a_value(data_dir):
    rows = [{**e, "original_type": "", "original_source": ""} for e in EVENTS] + [IMPORTED]
    write_csv(data_dir / "events.csv", WITH_ORIGINAL, rows)
    events = load_dataset(data_dir).events

    back = pd.read_csv(io.BytesIO(export.to_csv(events)), dtype=str, keep_default_na=False)

    assert list(back.columns) == list(WITH_ORIGINAL)
    assert back.set_index("event_id").loc["ACLED-AFG51422", "original_source"] == (
        "Pajhwok Afghan News"
    )


def test_blank_optional_columns_are_left_out_of_a_new_table(data_dir):
    events = load_dataset(data_dir).events
    assert list(event_table(events).columns) == list(vocab.EVENT_COLUMNS)
    assert "coord_source" not in event_table(events).columns  # derived by the loader


def test_a_file_that_has_an_optional_column_keeps_it_even_when_blank():
    table = pd.DataFrame([{c: "" for c in ALL_COLUMNS}])
    assert columns_of(table, keep=["original_type"]) == [*vocab.EVENT_COLUMNS, "original_type"]


def test_csv_bytes_writes_the_contract_columns_in_file_order():
    table = pd.DataFrame([{**IMPORTED, "__line__": 7}])[[*reversed(WITH_ORIGINAL), "__line__"]]
    header = csv_bytes(table).decode().splitlines()[0]
    assert header == ",".join(WITH_ORIGINAL)


def test_a_sequence_travels_as_written_and_0_is_blank(data_dir):
    events = load_dataset(data_dir).events
    assert "sequence" not in event_table(events).columns
    events.loc[2, "sequence"] = 2
    table = event_table(events)
    assert list(table.columns) == [*vocab.EVENT_COLUMNS, "sequence"]
    assert table["sequence"].tolist() == ["", "", "2", "", "", "", ""]
