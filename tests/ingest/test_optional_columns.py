"""events.csv loads with or without the optional original_type/original_source columns."""

from __future__ import annotations

from sample_data import EVENTS, event, write_csv

from borderwatch.data import vocab
from borderwatch.data.loader import load_dataset, validate_data_dir

WITH_ORIGINAL = (*vocab.EVENT_COLUMNS, "original_type", "original_source")


def test_a_table_without_the_optional_columns_loads_with_them_blank(data_dir):
    events = load_dataset(data_dir).events
    assert set(events["original_type"]) == {""}
    assert set(events["original_source"]) == {""}


def test_an_imported_row_of_type_other_keeps_its_original_type(data_dir):
    imported = event(
        event_id="ACLED-AFG51422",
        event_type="other",
        original_type="Violence against civilians / Attack",
        original_source="Pajhwok Afghan News",
    )
    rows = [{**e, "original_type": "", "original_source": ""} for e in EVENTS] + [imported]
    write_csv(data_dir / "events.csv", WITH_ORIGINAL, rows)
    events = load_dataset(data_dir).events.set_index("event_id")
    assert events.loc["ACLED-AFG51422", ["event_type", "original_type"]].tolist() == [
        "other",
        "Violence against civilians / Attack",
    ]


def test_only_one_of_the_optional_columns_is_fine_too(data_dir):
    columns = (*vocab.EVENT_COLUMNS, "original_type")
    write_csv(data_dir / "events.csv", columns, [{**e, "original_type": ""} for e in EVENTS])
    assert validate_data_dir(data_dir) == []
