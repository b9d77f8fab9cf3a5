import datetime as dt
import os

import pytest
from sample_data import write_data_dir

from borderwatch.data.freshness import (
    DataStamp,
    check_failed_line,
    folder_stamp,
    freshness_line,
    refresh_seconds,
)
from borderwatch.data.problems import DataError


def test_a_folder_stamp_moves_when_a_file_changes_and_gives_its_time(tmp_path):
    folder = write_data_dir(tmp_path / "data")
    written = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC).timestamp()
    for f in folder.iterdir():
        os.utime(f, (written, written))
    before = folder_stamp(folder)
    assert before.changed_at == dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    events = folder / "events.csv"
    when = dt.datetime(2026, 11, 30, 14, 2, tzinfo=dt.UTC).timestamp()
    with events.open("a", encoding="utf-8") as fh:
        fh.write("\n")
    os.utime(events, (when, when))
    after = folder_stamp(folder)
    assert after.version != before.version
    assert after.changed_at == dt.datetime(2026, 11, 30, 14, 2, tzinfo=dt.UTC)
    assert folder_stamp(folder) == after  # nothing changed since


def test_a_missing_folder_is_a_data_error_naming_it(tmp_path):
    with pytest.raises(DataError, match="there is no data folder at"):
        folder_stamp(tmp_path / "gone")


@pytest.mark.parametrize(
    ("value", "seconds"), [(None, 60.0), ("", 60.0), ("5", 5.0), ("0.2", 1.0), (" 90 ", 90.0)]
)
def test_the_refresh_interval_comes_from_the_environment_at_least_a_second(value, seconds):
    env = {} if value is None else {"BORDERWATCH_REFRESH_SECONDS": value}
    assert refresh_seconds(env) == seconds


@pytest.mark.parametrize("value", ["soon", "nan", "inf"])
def test_a_refresh_interval_that_is_no_number_is_an_error_naming_the_variable(value):
    with pytest.raises(ValueError, match=f"BORDERWATCH_REFRESH_SECONDS='{value}' is not a number"):
        refresh_seconds({"BORDERWATCH_REFRESH_SECONDS": value})


def test_the_line_says_when_the_data_changed_and_when_it_was_checked_in_utc():
    stamp = DataStamp(("v",), dt.datetime(2026, 11, 30, 14, 2, tzinfo=dt.UTC))
    checked = dt.datetime(2026, 11, 30, 16, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert freshness_line(stamp, checked, 60) == (
        "Data last changed 30 Nov 2026 14:02 UTC · checked for changes 30 Nov 2026 15:05 UTC "
        "(every 60 s)"
    )
    never = DataStamp(("database", 0, 0), None)
    assert freshness_line(never, checked, 7.5).startswith("Data last changed never (no changes")


def test_a_failed_check_says_the_screen_may_be_out_of_date():
    checked = dt.datetime(2026, 11, 30, 15, 5, tzinfo=dt.UTC)
    assert check_failed_line(checked, "events.csv: file is being written") == (
        "Could not check the data at 30 Nov 2026 15:05 UTC: events.csv: file is being written. "
        "The screen may be out of date; it tries again."
    )
