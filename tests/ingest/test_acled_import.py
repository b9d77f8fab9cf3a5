"""ACLED exports (2023 layout) become tidy rows that keep ids, types and sources."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from borderwatch.cli import main
from borderwatch.data.loader import load_dataset
from borderwatch.data.tables import read_table
from borderwatch.ingest import acled
from borderwatch.ingest.tidy import check_events, context_for

FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = FIXTURES / "acled_afg_2021.csv"
AWKWARD = FIXTURES / "acled_awkward.csv"


def tidy(path: Path = CLEAN) -> pd.DataFrame:
    return acled.acled_to_tidy(read_table(path), "ACLED-TEST").set_index("event_id")


def test_fixture_follows_the_published_2023_column_layout():
    with CLEAN.open(encoding="utf-8") as fh:
        assert tuple(next(csv.reader(fh))) == acled.COLUMNS


def test_ids_keep_the_acled_id_with_a_prefix():
    assert list(tidy().index) == [
        "ACLED-AFG51234",
        "ACLED-AFG51301",
        "ACLED-AFG51422",
        "ACLED-AFG51555",
        "ACLED-TJK2010",
    ]


def test_time_precision_day_week_month_becomes_spans():
    t = tidy()
    assert t.loc["ACLED-AFG51301", ["date_start", "date_end", "date_precision"]].tolist() == [
        "2021-07-09",
        "2021-07-09",
        "day",
    ]
    assert t.loc["ACLED-AFG51422", ["date_start", "date_end", "date_precision"]].tolist() == [
        "2021-07-11",
        "2021-07-17",
        "week",
    ]
    assert t.loc["ACLED-AFG51555", ["date_start", "date_end", "date_precision"]].tolist() == [
        "2021-07-01",
        "2021-07-31",
        "month",
    ]


def test_geo_precision_town_near_town_region():
    assert tidy()["geo_precision"].tolist() == ["town", "district", "town", "district", "town"]


def test_event_types_map_through_the_table_and_unmapped_ones_are_kept_as_other():
    t = tidy()
    assert t["event_type"].tolist() == [
        "territorial_control",
        "clash",
        "other",
        "territorial_control",
        "military_deployment",
    ]
    assert t.loc["ACLED-AFG51422", "original_type"] == "Violence against civilians / Attack"


def test_territorial_events_say_who_holds_the_place():
    t = tidy()
    assert t.loc["ACLED-AFG51234", "control"] == "taliban"
    assert t.loc["ACLED-AFG51555", "control"] == "government"
    assert t.loc["ACLED-AFG51301", "control"] == ""


def test_countries_become_iso3_and_actors_are_joined():
    t = tidy()
    assert t["country"].tolist() == ["AFG", "AFG", "AFG", "AFG", "TJK"]
    assert t.loc["ACLED-AFG51301", "actors"] == (
        "Military Forces of Afghanistan (2004-2021);Police Forces of Afghanistan (2004-2021);"
        "NDS: National Directorate of Security;Taliban"
    )


def test_notes_and_source_are_kept_with_their_commas_and_accents():
    t = tidy()
    assert t.loc["ACLED-AFG51301", "summary"] == (
        "On 9 July 2021, Afghan forces and the Taliban clashed near Hairatan, Kaldar district, "
        "Balkh; casualties unknown."
    )
    assert t.loc["ACLED-AFG51301", "original_source"] == "Bakhtar News Agency, Xinhua"
    assert t.loc["ACLED-AFG51422", "place"] == "Mazār-e Sharīf"
    assert set(t["confidence"]) == {"reported"}


def test_clean_export_passes_validation(data_dir):
    rows = acled.acled_to_tidy(read_table(CLEAN), "ACLED-TEST")
    assert check_events(rows, CLEAN.name, context_for(data_dir, ["ACLED-TEST"])) == []


def test_odd_date_and_unknown_place_without_coordinates_are_named_by_line_and_field(data_dir):
    rows = acled.acled_to_tidy(read_table(AWKWARD), "ACLED-TEST")
    problems = [
        str(p) for p in check_events(rows, AWKWARD.name, context_for(data_dir, ["ACLED-TEST"]))
    ]
    where = "acled_awkward.csv, line 3, field"
    assert problems[:2] == [
        f"{where} date_end: '31 June 2021' must be an ISO date YYYY-MM-DD",
        f"{where} date_start: '31 June 2021' must be an ISO date YYYY-MM-DD",
    ]
    assert problems[2].startswith(
        f'{where} place: unknown place "Qal\'a-i-Zal" and no coordinates given'
    )
    assert len(problems) == 3


def test_a_missing_acled_column_is_reported_before_conversion(tmp_path, capsys):
    bad = tmp_path / "acled.csv"
    bad.write_text(CLEAN.read_text(encoding="utf-8").replace("sub_event_type", "subtype", 1))
    assert main(["import", "acled", str(bad), "-o", str(tmp_path / "out.csv")]) == 1
    err = capsys.readouterr().err
    assert "acled.csv, line 1, field sub_event_type: required ACLED column is missing" in err
    assert not (tmp_path / "out.csv").exists()


def test_cli_writes_a_tidy_csv_that_keeps_the_original_columns(data_dir, tmp_path, capsys):
    out = tmp_path / "tidy.csv"
    code = main(
        [
            "import",
            "acled",
            str(CLEAN),
            "-o",
            str(out),
            "--data-dir",
            str(data_dir),
            "--date",
            "2021-07-20",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out == f"wrote 5 events to {out}\n"
    written = read_table(out)
    assert written["event_id"].tolist()[0] == "ACLED-AFG51234"
    assert set(written["source_id"]) == {"ACLED-acled-afg-2021-20210720"}
    assert "original_type" in written.columns


APPEND = ["import", "acled", str(CLEAN), "--append", "--date", "2021-07-20", "--data-dir"]


def test_cli_append_refuses_rows_that_repeat_existing_events_and_names_them(data_dir, capsys):
    before = {p.name: p.read_bytes() for p in data_dir.glob("*.csv")}
    assert main([*APPEND, str(data_dir)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        "acled_afg_2021.csv, line 2, all fields: ACLED-AFG51234 may repeat BW-2021-0002"
    )
    assert err[1].startswith("1 row(s) may repeat events already in the table")
    assert {p.name: p.read_bytes() for p in data_dir.glob("*.csv")} == before


def test_cli_append_adds_the_rows_and_one_source_row_with_backups(data_dir, capsys):
    before = load_dataset(data_dir)
    # The fixture's first row is the sample folder's BW-2021-0002 seen by ACLED.
    code = main([*APPEND, str(data_dir), "--keep-duplicates"])
    assert code == 0, capsys.readouterr().err
    after = load_dataset(data_dir)
    assert len(after.events) == len(before.events) + 5
    new_source = after.sources[after.sources["source_id"] == "ACLED-acled-afg-2021-20210720"]
    assert new_source[["title", "publisher", "published"]].values.tolist() == [
        ["ACLED export acled_afg_2021.csv, imported 2021-07-20", "ACLED", "2021-07-20"]
    ]
    # Andkhoy came without coordinates: the gazetteer placed it.
    andkhoy = after.events.set_index("event_id").loc["ACLED-AFG51555"]
    assert (andkhoy["latitude"], andkhoy["longitude"]) == (36.95293, 65.12376)
    backups = sorted(p.name.split("-")[0] for p in (data_dir / "backups").glob("*.csv"))
    assert backups == ["events", "sources"]


def test_cli_append_of_an_awkward_file_changes_nothing(data_dir, capsys):
    before = {p.name: p.read_bytes() for p in data_dir.glob("*.csv")}
    code = main(["import", "acled", str(AWKWARD), "--append", "--data-dir", str(data_dir)])
    assert code == 1
    assert "3 problem(s); nothing was written" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in data_dir.glob("*.csv")} == before


def test_cli_append_refuses_an_export_that_repeats_one_of_its_own_rows(data_dir, tmp_path, capsys):
    lines = CLEAN.read_text(encoding="utf-8").splitlines()
    twice = tmp_path / "twice.csv"
    # Line 3 (Hairatan, 9 July) again as line 7, under another ACLED id.
    twice.write_text("\n".join([*lines, lines[2].replace("AFG51301", "AFG59999", 1)]) + "\n")
    before = (data_dir / "events.csv").read_bytes()
    args = ["import", "acled", str(twice), "--append", "--date", "2021-07-20"]
    assert main([*args, "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "twice.csv, line 7, all fields: ACLED-AFG59999 may repeat line 3" in err
    assert (data_dir / "events.csv").read_bytes() == before
