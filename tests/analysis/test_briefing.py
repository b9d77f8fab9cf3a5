import datetime as dt

import pytest
from sample_data import write_data_dir

from borderwatch.analysis.briefing import latest_events, playback_ends, status_board
from borderwatch.analysis.crossings import crossing_status
from borderwatch.data.loader import load_dataset


@pytest.fixture
def ds(tmp_path):
    return load_dataset(write_data_dir(tmp_path / "data"))


def test_status_board_puts_closed_crossings_first_with_their_last_event(ds):
    status = crossing_status(ds.events, ds.crossings, ds.places, dt.date(2021, 7, 13))
    board = status_board(status)
    assert board.values.tolist() == [
        [
            "Hairatan–Termez",
            "CLOSED",
            "2021-06-23",
            "2021-06-23 Uzbekistan shut the Termez–Hairatan crossing after fighting "
            "in Afghanistan.",
        ],
        [
            "Sher Khan Bandar–Panji Poyon",
            "OPEN",
            "2021-07-01",
            "2021-07-01 Traffic resumed at Sher Khan Bandar; the exact day is not given.",
        ],
    ]


def test_a_crossing_without_events_shows_unknown_and_blanks(ds):
    status = crossing_status(ds.events, ds.crossings, ds.places, dt.date(2021, 5, 1))
    assert status_board(status)["Status"].tolist() == ["UNKNOWN", "UNKNOWN"]
    assert status_board(status)["Since"].tolist() == ["", ""]


def test_latest_events_are_newest_first(ds):
    latest = latest_events(ds.events, 3)
    assert latest.values.tolist() == [
        ["2021-07-09", "Diplomatic contact", "Moscow",
         "A Taliban delegation held talks in Moscow on border security and IS."],
        ["2021-07-01", "Crossing reopened", "Shir Khan Bandar",
         "Traffic resumed at Sher Khan Bandar; the exact day is not given."],
        ["2021-06-23", "Crossing closed", "Hairatan",
         "Uzbekistan shut the Termez–Hairatan crossing after fighting in Afghanistan."],
    ]  # fmt: skip


def test_playback_steps_a_week_at_a_time_and_ends_on_the_last_day():
    ends = playback_ends(dt.date(2021, 6, 1), dt.date(2021, 6, 20))
    assert ends == [dt.date(2021, 6, 8), dt.date(2021, 6, 15), dt.date(2021, 6, 20)]
    assert playback_ends(dt.date(2021, 6, 1), dt.date(2021, 6, 1)) == [dt.date(2021, 6, 1)]
