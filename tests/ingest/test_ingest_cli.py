"""`borderwatch extract` writes candidate rows; `import` needs an output or --append."""

from __future__ import annotations

import pytest

from borderwatch.cli import main
from borderwatch.data.tables import read_table
from borderwatch.ingest.extract import CANDIDATE_COLUMNS

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


def test_import_without_output_or_append_does_nothing(capsys):
    assert main(["import", "acled", "whatever.csv"]) == 2
    assert "nothing to do" in capsys.readouterr().err
