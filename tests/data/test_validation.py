"""Every class of bad input is reported as one exact message naming file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_data import EVENTS, event, write_csv, write_data_dir

from borderwatch.data import vocab
from borderwatch.data.loader import load_dataset, validate_data_dir
from borderwatch.data.problems import DataError


def problems_for(tmp_path: Path, rows) -> list[str]:
    """The messages a data folder with these event rows produces."""
    return [str(p) for p in validate_data_dir(write_data_dir(tmp_path / "d", rows))]


def test_valid_folder_loads_every_row(data_dir):
    events = load_dataset(data_dir).events
    assert list(events["event_id"]) == [e["event_id"] for e in EVENTS]


def test_missing_and_extra_columns_are_reported_together(tmp_path):
    d = write_data_dir(tmp_path / "d")
    columns = [c for c in vocab.EVENT_COLUMNS if c != "summary"] + ["notes"]
    rows = [{**{c: e.get(c, "") for c in columns}} for e in EVENTS]
    write_csv(d / "events.csv", columns, rows)
    assert [str(p) for p in validate_data_dir(d)] == [
        "events.csv, line 1, field notes: unexpected column (allowed: "
        + ", ".join(vocab.EVENT_COLUMNS)
        + ")",
        "events.csv, line 1, field summary: required column is missing",
    ]


def test_date_not_in_iso_format(tmp_path):
    rows = [event(date_start="13/07/2021")]
    assert problems_for(tmp_path, rows) == [
        "events.csv, line 2, field date_start: '13/07/2021' must be an ISO date YYYY-MM-DD"
    ]


def test_impossible_calendar_date(tmp_path):
    rows = [event(date_end="2021-02-30")]
    assert problems_for(tmp_path, rows) == [
        "events.csv, line 2, field date_end: '2021-02-30' is not a real calendar date"
    ]


def test_end_before_start(tmp_path):
    rows = [event(date_start="2021-07-13", date_end="2021-07-09")]
    assert problems_for(tmp_path, rows) == [
        "events.csv, line 2, field date_end: 2021-07-09 is before date_start 2021-07-13"
    ]


def test_unknown_event_type(tmp_path):
    rows = [event(event_type="border_closure")]
    assert problems_for(tmp_path, rows) == [
        "events.csv, line 2, field event_type: 'border_closure' must be one of: "
        + ", ".join(vocab.EVENT_TYPES)
    ]


def test_unknown_country_codes_on_either_side(tmp_path):
    rows = [event(country="AF", counterpart_country="UZX")]
    assert problems_for(tmp_path, rows) == [
        "events.csv, line 2, field counterpart_country: 'UZX' is not an ISO 3166-1 alpha-3 "
        "country code (e.g. AFG, UZB)",
        "events.csv, line 2, field country: 'AF' is not an ISO 3166-1 alpha-3 country code "
        "(e.g. AFG, UZB)",
    ]


def test_coordinates_out_of_range_or_not_numbers(tmp_path):
    rows = [event(latitude="137.2", longitude="east")]
    assert problems_for(tmp_path, rows) == [
        "events.csv, line 2, field latitude: '137.2' must be a number from -90 to 90",
        "events.csv, line 2, field longitude: 'east' must be a number from -180 to 180",
    ]


def test_only_one_coordinate_given(tmp_path):
    rows = [event(longitude="")]
    assert problems_for(tmp_path, rows) == [
        "events.csv, line 2, field latitude: latitude and longitude must both be given "
        "or both be blank"
    ]


def test_unknown_place_without_coordinates_suggests_known_names(tmp_path):
    rows = [event(place="Hairatam", latitude="", longitude="")]
    (problem,) = problems_for(tmp_path, rows)
    assert problem.startswith(
        "events.csv, line 2, field place: unknown place 'Hairatam' and no coordinates "
        "given; did you mean 'Hairatan'"
    )


def test_unknown_place_with_its_own_coordinates_is_only_a_label(tmp_path):
    rows = [event(place="Kaldar border post", latitude="37.30", longitude="67.65")]
    assert problems_for(tmp_path, rows) == []


def test_duplicate_ids_name_the_first_use(tmp_path):
    rows = [event(), event(place="Termez", country="UZB", counterpart_country="AFG")]
    assert problems_for(tmp_path, rows) == [
        "events.csv, line 3, field event_id: duplicate id 'BW-2021-0001' (first used on line 2)"
    ]


def test_source_not_in_sources_csv(tmp_path):
    rows = [event(source_id="RFERL-2021-08-16")]
    assert problems_for(tmp_path, rows) == [
        "events.csv, line 2, field source_id: 'RFERL-2021-08-16' is not in sources.csv"
    ]


def test_required_fields_may_not_be_blank(tmp_path):
    rows = [event(summary="", confidence="  ")]
    assert problems_for(tmp_path, rows) == [
        "events.csv, line 2, field confidence: is required but blank",
        "events.csv, line 2, field summary: is required but blank",
    ]


def test_control_belongs_only_to_territorial_control_events(tmp_path):
    rows = [
        event(control="taliban"),
        event(event_id="BW-2021-0002", event_type="territorial_control", control=""),
    ]
    assert problems_for(tmp_path, rows) == [
        "events.csv, line 2, field control: is only allowed on territorial_control events",
        "events.csv, line 3, field control: is required for territorial_control events",
    ]


def test_file_that_is_not_utf8_names_the_line(tmp_path):
    d = write_data_dir(tmp_path / "d")
    text = (d / "events.csv").read_text(encoding="utf-8").replace("–", "-")
    latin1 = text.replace("Taliban fighters", "Taliban fighters (café owners say)").encode("cp1252")
    offset = latin1.index(b"\xe9")
    (d / "events.csv").write_bytes(latin1)
    assert [str(p) for p in validate_data_dir(d)] == [
        f"events.csv, line 3, field summary: file is not UTF-8 (byte 0xe9 at offset {offset}); "
        "save it as UTF-8 and try again"
    ]


def test_line_numbers_follow_quoted_line_breaks(tmp_path):
    rows = [
        event(summary="First line of a summary\nsecond line"),
        event(event_id="BW-2021-0002", event_type="riot"),
    ]
    (problem,) = problems_for(tmp_path, rows)
    assert problem.startswith("events.csv, line 4, field event_type: 'riot'")


def test_every_problem_is_reported_at_once(tmp_path):
    rows = [event(country="XXX"), event(event_id="BW-2021-0002", date_start="2021-13-01")]
    with pytest.raises(DataError) as err:
        load_dataset(write_data_dir(tmp_path / "d", rows))
    assert [(p.line, p.field) for p in err.value.problems] == [(2, "country"), (3, "date_start")]


def test_problems_in_several_files_are_collected(tmp_path):
    d = write_data_dir(tmp_path / "d")
    write_csv(
        d / "sources.csv",
        vocab.SOURCE_COLUMNS,
        [("OXAN-2021-07-13", "", "", "Oxford Analytica", "2021-07-13", "")],
    )
    write_csv(
        d / "crossings.csv",
        vocab.CROSSING_COLUMNS,
        [("aqina-imamnazar", "Aqina–Imamnazar", "Aqina", "Imamnazar", "TKM", "road;rail")],
    )
    assert [str(p) for p in validate_data_dir(d)] == [
        "crossings.csv, line 2, field afghan_side: 'Aqina' is not a place in places.csv",
        "crossings.csv, line 2, field neighbour_side: 'Imamnazar' is not a place in places.csv",
        "sources.csv, line 2, field title: is required but blank",
    ]


def test_bad_place_row_in_gazetteer(tmp_path):
    d = write_data_dir(tmp_path / "d")
    places = (d / "places.csv").read_text(encoding="utf-8")
    (d / "places.csv").write_text(places.replace("67.27833", "267.3"), encoding="utf-8")
    assert [str(p) for p in validate_data_dir(d)] == [
        "places.csv, line 3, field longitude: '267.3' must be a number from -180 to 180"
    ]


def test_a_missing_data_folder_is_named_with_what_to_do(tmp_path):
    nowhere = tmp_path / "nowhere"
    assert [str(p) for p in validate_data_dir(nowhere)] == [
        f"{nowhere}, whole file (no line or field): there is no data folder at {nowhere}; "
        "check the path, or give the folder that holds events.csv, sources.csv and places.csv"
    ]


def test_a_missing_folder_named_by_the_environment_says_how_to_fix_the_variable(
    tmp_path, monkeypatch
):
    nowhere = tmp_path / "nowhere"
    monkeypatch.setenv("BORDERWATCH_DATA", str(nowhere))
    assert [str(p) for p in validate_data_dir(None)] == [
        f"{nowhere}, whole file (no line or field): there is no data folder at {nowhere}, "
        "which BORDERWATCH_DATA names; set BORDERWATCH_DATA to the folder that holds "
        "events.csv, sources.csv and places.csv, or unset it to use the bundled data"
    ]


def test_a_file_given_as_the_data_folder_is_named_as_a_file(tmp_path):
    events = write_data_dir(tmp_path / "d") / "events.csv"
    assert [str(p) for p in validate_data_dir(events)] == [
        f"{events}, whole file (no line or field): {events} is a file, not a data folder; "
        "give the folder that holds events.csv, sources.csv and places.csv"
    ]


def test_missing_event_table(tmp_path):
    d = write_data_dir(tmp_path / "d")
    (d / "events.csv").unlink()
    assert [str(p) for p in validate_data_dir(d)] == [
        f"{d}, whole file (no line or field): no event table (events.parquet or events.csv)"
    ]


def test_a_missing_bundled_folder_says_to_run_from_the_checkout(tmp_path, monkeypatch):
    from borderwatch.data import loader

    gone = tmp_path / "geodata"
    monkeypatch.delenv("BORDERWATCH_DATA", raising=False)
    monkeypatch.setattr(loader, "bundled_data_dir", lambda: gone)
    assert [str(p) for p in validate_data_dir(None)] == [
        f"{gone}, whole file (no line or field): the bundled data folder {gone} is missing; "
        "run BorderWatch from its repository checkout (which holds geodata/), or set "
        "BORDERWATCH_DATA to the folder that holds events.csv, sources.csv and places.csv"
    ]
