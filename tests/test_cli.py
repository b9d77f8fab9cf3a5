"""The borderwatch command line: validate and geocode."""

from __future__ import annotations

from sample_data import event, write_data_dir

from borderwatch.cli import main


def test_validate_reports_counts_and_exits_zero(data_dir, capsys):
    assert main(["validate", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:6] == [
        f"OK: {data_dir}",
        "  events:    7 (2021-05-01 to 2021-07-13)",
        "  places:    7",
        "  crossings: 2",
        "  sources:   2",
        "  geocoded from the gazetteer: 5",
    ]
    assert "    territorial_control        3" in out


def test_validate_lists_every_problem_and_exits_one(tmp_path, capsys):
    d = write_data_dir(tmp_path / "d", [event(country="XXX"), event(event_id="BW-2", place="")])
    assert main(["validate", str(d)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "INVALID: 2 problem(s)",
        "events.csv, line 2, field country: 'XXX' is not an ISO 3166-1 alpha-3 country code "
        "(e.g. AFG, UZB)",
        "events.csv, line 3, field place: is required but blank",
    ]


def test_geocode_prints_the_match(data_dir, capsys):
    assert main(["geocode", "Hayratan", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out == (
        "Hairatan\tAFG\t37.21670\t67.43330\tcrossing\tcurated (curated), matched by exact\n"
    )


def test_geocode_unknown_name_suggests_and_exits_one(data_dir, capsys):
    assert main(["geocode", "Hairatam", "--curated-only", "--data-dir", str(data_dir)]) == 1
    assert capsys.readouterr().out == "no match for 'Hairatam'; did you mean: Hairatan?\n"
