import datetime as dt

import pytest
from sample_data import EVENTS, event, write_data_dir

from borderwatch.analysis.asof import picture_as_of
from borderwatch.analysis.briefing_screen import (
    control_summary,
    latest_events,
    playback_ends,
    playback_start,
    status_board,
)
from borderwatch.data.loader import load_dataset


@pytest.fixture
def ds(tmp_path):
    return load_dataset(write_data_dir(tmp_path / "data"))


def board(ds, day):
    return status_board(picture_as_of(ds.events, ds.crossings, ds.places, day))


def test_status_board_puts_closed_crossings_first_and_gives_bounds_age_and_afghan_side(ds):
    assert board(ds, dt.date(2021, 7, 13)).values.tolist() == [
        [
            "Hairatan–Termez",
            "CLOSED",
            "began between 23 Jun and 13 Jul 2021",
            "13 Jul 2021 (0 days old) · BW-2021-0001",
            "Hairatan: no report yet",
        ],
        [
            "Sher Khan Bandar–Panji Poyon",
            "OPEN",
            "began between 1 and 13 Jul 2021",
            "13 Jul 2021 (0 days old) · BW-2021-0004",
            "Sher Khan Bandar: taliban, since 22 Jun 2021 · BW-2021-0002",
        ],
    ]


def test_a_stale_status_sorts_after_a_current_one_and_says_unconfirmed(ds):
    stale = board(ds, dt.date(2021, 8, 20))
    assert stale["Status"].tolist() == ["UNCONFIRMED-CLOSED", "UNCONFIRMED-OPEN"]
    assert stale["Last report"].tolist()[0] == "13 Jul 2021 (38 days old) · BW-2021-0001"


def test_a_crossing_without_a_report_shows_no_report_and_blanks(ds):
    b = board(ds, dt.date(2021, 5, 1))
    assert b["Status"].tolist() == ["NO REPORT", "NO REPORT"]
    assert b["Began"].tolist() == ["", ""]
    assert b["Last report"].tolist() == ["no report yet", "no report yet"]


def test_latest_events_are_the_newest_reports_with_their_whole_span(ds):
    latest = latest_events(ds.events, 3)
    assert latest.values.tolist() == [
        ["2021-07-01 … 2021-07-13", "Crossing reopened", "Shir Khan Bandar",
         "Traffic resumed at Sher Khan Bandar; the exact day is not given."],
        ["2021-06-23 … 2021-07-13", "Crossing closed", "Hairatan",
         "Uzbekistan shut the Termez–Hairatan crossing after fighting in Afghanistan."],
        ["2021-06-22 … 2021-07-13", "Crossing closed", "Sher Khan Bandar",
         "The crossing into Tajikistan was shut for several days after the capture."],
    ]  # fmt: skip
    assert latest_events(ds.events, 1, dt.date(2021, 7, 12)).values.tolist() == [
        ["2021-07-09", "Diplomatic contact", "Moscow",
         "A Taliban delegation held talks in Moscow on border security and IS."],
    ]  # fmt: skip


def test_playback_starts_on_its_first_day_and_steps_a_week_to_the_last():
    ends = playback_ends(dt.date(2021, 6, 1), dt.date(2021, 6, 20))
    assert ends == [
        dt.date(2021, 6, 1),
        dt.date(2021, 6, 8),
        dt.date(2021, 6, 15),
        dt.date(2021, 6, 20),
    ]
    assert playback_ends(dt.date(2021, 6, 1), dt.date(2021, 6, 1)) == [dt.date(2021, 6, 1)]


def test_playback_starts_at_the_first_month_holding_events_among_the_last_twelve(tmp_path):
    rows = [
        *EVENTS,
        event(event_id="BW-1996-0001", date_start="1996-01-01", date_end="2001-12-31",
              date_precision="year", event_type="statement"),
        event(event_id="BW-2020-0001", date_start="2020-07-31", date_end="2020-07-31",
              date_precision="day", event_type="statement"),
        event(event_id="BW-2020-0002", date_start="2020-08-03", date_end="2020-08-03",
              date_precision="day", event_type="statement"),
    ]  # fmt: skip
    events = load_dataset(write_data_dir(tmp_path / "d", rows)).events
    # the data's last month is July 2021: August 2020 is the first of its last twelve
    assert playback_start(events) == dt.date(2020, 8, 1)
    assert playback_start(events[events["date_start"] > "2021-01-01"]) == dt.date(2021, 5, 1)


def test_the_control_line_counts_faryab_districts_and_says_how_they_are_known(ds):
    p = picture_as_of(ds.events, ds.crossings, ds.places, dt.date(2021, 7, 13))
    assert control_summary(p) == (
        "Faryab districts as known on 13 Jul 2021: 1 taliban, 1 government "
        "(last report 13 Jul 2021)."
    )
    p = picture_as_of(ds.events, ds.crossings, ds.places, dt.date(2021, 6, 1))
    assert control_summary(p) == "Faryab districts as known on 01 Jun 2021: 2 no report."
