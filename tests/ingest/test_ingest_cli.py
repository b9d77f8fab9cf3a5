"""`borderwatch extract` writes candidate rows; `import` needs an output or --append."""

from __future__ import annotations

import datetime as dt

import pytest
from sample_data import places_frame

from borderwatch.cli import main
from borderwatch.data.problems import DataError
from borderwatch.data.tables import read_table
from borderwatch.ingest.extract import CANDIDATE_COLUMNS
from borderwatch.ingest.review import review_briefing

BRIEFING = (
    "Uzbekistan closed the crossing at Hayratan on July 9. "
    "A Taliban delegation visited Moscow two days later."
)


def test_extract_writes_marked_candidates_with_the_source_id(data_dir, tmp_path, capsys):
    text = tmp_path / "brief.txt"
    text.write_text(BRIEFING, encoding="utf-8")
    out = tmp_path / "cands.csv"
    args = ["extract", str(text), "--published", "2021-07-13", "--source-id", "OXAN-2021-07-13"]
    assert main([*args, "-o", str(out), "--data-dir", str(data_dir)]) == 0
    assert "wrote 3 candidate rows" in capsys.readouterr().out
    df = read_table(out)
    assert tuple(c for c in df.columns if c != "__line__") == CANDIDATE_COLUMNS
    assert df[
        ["status", "event_id", "place", "date_start", "event_type", "source_id"]
    ].values.tolist() == [
        [
            "candidate",
            "",
            "Hairatan",
            "2021-07-09",
            "crossing_closed",
            "OXAN-2021-07-13",
        ],
        [
            "candidate",
            "",
            "Moscow",
            "2021-07-11",
            "diplomatic_contact",
            "OXAN-2021-07-13",
        ],
        # The country that closed the crossing: its own act, last.
        ["candidate", "", "Uzbekistan", "2021-07-09", "crossing_closed", "OXAN-2021-07-13"],
    ]


def test_extract_refuses_a_bad_publication_date(tmp_path, capsys):
    text = tmp_path / "brief.txt"
    text.write_text(BRIEFING, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(text), "--published", "13/07/2021", "--source-id", "X"])
    assert exit_.value.code == 2
    assert "'13/07/2021' is not a date YYYY-MM-DD" in capsys.readouterr().err


def test_extract_of_a_missing_file_says_so(data_dir, tmp_path, capsys):
    args = ["extract", str(tmp_path / "nope.txt"), "--published", "2021-07-13", "--source-id", "X"]
    assert main([*args, "--data-dir", str(data_dir)]) == 1
    assert capsys.readouterr().err == "nope.txt, whole file (no line or field): file is missing\n"


LINE = "Uzbekistan closed the Hairatan crossing to lorries on 9 July; traders waited at Termez.\n"
"""88 characters: 1,137 lines are 100,056; the 50,000-character limit falls on line 569."""


def test_extract_refuses_a_text_too_long_for_one_briefing_naming_the_line_to_split_at(
    data_dir, tmp_path, capsys
):
    text = tmp_path / "brief.txt"
    text.write_text(LINE * 1_137, encoding="utf-8")
    args = ["extract", str(text), "--published", "2021-07-13", "--source-id", "X"]
    assert main([*args, "--data-dir", str(data_dir)]) == 1
    assert capsys.readouterr().err == (
        "brief.txt, line 569, all fields: the briefing is 100,056 characters long and passes "
        "the limit of 50,000 (about fifteen pages) on this line; split it and add each part "
        "on its own\n"
    )


def test_a_briefing_padded_with_empty_rows_is_refused_before_the_language_model_reads_it():
    padded = "Uzbekistan closed the Hairatan crossing on July 9." + ",,,,,,\n" * 100_000
    with pytest.raises(DataError) as raised:
        review_briefing(padded, dt.date(2021, 7, 13), "X", places_frame(), "briefing.txt")
    assert str(raised.value) == (
        "briefing.txt, line 7136, all fields: the briefing is 700,050 characters long and "
        "passes the limit of 50,000 (about fifteen pages) on this line; split it and add each "
        "part on its own"
    )


def test_import_without_output_or_append_does_nothing(capsys):
    assert main(["import", "acled", "whatever.csv"]) == 2
    assert "nothing to do" in capsys.readouterr().err
