"""UCDP GED exports become tidy rows: spans as given, precision codes mapped, never finer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from borderwatch.data.tables import read_table
from borderwatch.ingest import ucdp
from borderwatch.ingest.tidy import check_events, context_for

GED = Path(__file__).parent / "fixtures" / "ged_afg_2021.csv"


def tidy() -> pd.DataFrame:
    return ucdp.ucdp_to_tidy(read_table(GED), "UCDP-TEST").set_index("event_id")


def test_ids_keep_the_ged_id():
    assert list(tidy().index) == ["UCDP-398765", "UCDP-398801", "UCDP-398900"]


def test_dates_with_times_become_iso_and_precision_codes_map():
    t = tidy()
    assert t[["date_start", "date_end", "date_precision"]].values.tolist() == [
        ["2021-07-09", "2021-07-09", "day"],
        ["2021-07-15", "2021-07-19", "week"],
        ["2021-08-01", "2021-08-31", "month"],
    ]
    assert t["geo_precision"].tolist() == ["site", "town", "province"]


def test_violence_types_map_and_one_sided_violence_is_kept_as_other():
    t = tidy()
    assert t["event_type"].tolist() == ["clash", "other", "clash"]
    assert t["original_type"].tolist() == [
        "type_of_violence 1: state-based conflict",
        "type_of_violence 3: one-sided violence",
        "type_of_violence 2: non-state conflict",
    ]


def test_place_drops_ucdps_feature_word_and_sides_become_actors():
    t = tidy()
    assert t["place"].tolist() == ["Hairatan", "Maymana", "Faryab"]
    assert t["actors"].tolist() == [
        "Government of Afghanistan;Taleban",
        "Taleban;Civilians",
        "IS;Taleban",
    ]
    assert t["country"].tolist() == ["AFG", "AFG", "AFG"]


def test_summary_is_written_from_fields_and_sources_are_kept():
    t = tidy()
    assert t.loc["UCDP-398801", "summary"] == (
        "UCDP records one-sided violence by Taleban against Civilians, best estimate 4 deaths."
    )
    assert (
        t.loc["UCDP-398765", "original_source"]
        == '"Pajhwok Afghan News,2021-07-09,Clashes near Hairatan"'
    )


def test_ged_rows_pass_validation_blank_coordinates_included(data_dir):
    rows = ucdp.ucdp_to_tidy(read_table(GED), "UCDP-TEST")
    assert check_events(rows, GED.name, context_for(data_dir, ["UCDP-TEST"])) == []


def test_an_unknown_precision_code_is_reported_not_guessed(data_dir, tmp_path):
    path = tmp_path / "ged.csv"
    path.write_text(GED.read_text(encoding="utf-8").replace(",Asia,1,1,", ",Asia,1,9,", 1))
    rows = ucdp.ucdp_to_tidy(read_table(path), "UCDP-TEST")
    assert [
        str(p) for p in check_events(rows, "ged.csv", context_for(data_dir, ["UCDP-TEST"]))
    ] == ["ged.csv, line 2, field date_precision: '9' must be one of: day, week, month, year"]


def test_an_impossible_date_is_reported_on_its_line(data_dir, tmp_path):
    path = tmp_path / "ged.csv"
    text = GED.read_text(encoding="utf-8")
    path.write_text(text.replace("2021-07-15,2021-07-19", "2021-07-15,2021-06-31", 1))
    rows = ucdp.ucdp_to_tidy(read_table(path), "UCDP-TEST")
    assert [
        str(p) for p in check_events(rows, "ged.csv", context_for(data_dir, ["UCDP-TEST"]))
    ] == ["ged.csv, line 3, field date_end: '2021-06-31' is not a real calendar date"]
