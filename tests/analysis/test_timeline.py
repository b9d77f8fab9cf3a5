import datetime as dt

import pandas as pd
import pytest
from sample_data import EVENTS, event, write_data_dir

from borderwatch.analysis.timeline import bin_start, timeline, unit_for, week_start
from borderwatch.data.loader import load_dataset

WALL = event(
    event_id="BW-1996-0001",
    date_start="1996-01-01",
    date_end="2021-09-30",
    date_precision="year",
    event_type="infrastructure",
)
"""A context event from 1996 that lasts into the bundled data's 2021."""


@pytest.fixture
def events(tmp_path):
    return load_dataset(write_data_dir(tmp_path / "data")).events


def test_weeks_start_on_monday():
    days = pd.Series(pd.to_datetime(["2021-06-22", "2021-06-27", "2021-06-28"]))
    assert week_start(days).dt.strftime("%Y-%m-%d").tolist() == [
        "2021-06-21",
        "2021-06-21",
        "2021-06-28",
    ]


def test_months_and_years_start_on_their_first_day():
    days = pd.Series(pd.to_datetime(["2021-07-13", "1996-12-31"]))
    assert bin_start(days, "month").dt.strftime("%Y-%m-%d").tolist() == [
        "2021-07-01",
        "1996-12-01",
    ]
    assert bin_start(days, "year").dt.strftime("%Y-%m-%d").tolist() == [
        "2021-01-01",
        "1996-01-01",
    ]


def test_the_bin_follows_the_length_of_the_window():
    assert unit_for(dt.date(2021, 1, 1), dt.date(2021, 12, 31)) == "week"
    assert unit_for(dt.date(2021, 1, 1), dt.date(2022, 6, 30)) == "month"
    assert unit_for(dt.date(2017, 1, 1), dt.date(2021, 12, 31)) == "month"
    assert unit_for(dt.date(1996, 1, 1), dt.date(2021, 9, 30)) == "year"


def test_weekly_counts_by_type_with_empty_weeks_kept(events):
    tl = timeline(events)
    counts = tl.counts
    assert tl.unit == "week"
    assert tl.began_before == 0
    assert counts.index[0] == pd.Timestamp("2021-04-26")  # Andkhoy and Maymana, 1 May
    assert counts.index[-1] == pd.Timestamp("2021-07-05")  # Moscow talks, 9 July
    assert len(counts) == 11
    assert counts.loc["2021-04-26"].to_dict() == {
        "Crossing closed": 0,
        "Crossing reopened": 0,
        "Diplomatic contact": 0,
        "Territorial control": 2,
    }
    assert counts.loc["2021-06-21"].to_dict() == {
        "Crossing closed": 2,
        "Crossing reopened": 0,
        "Diplomatic contact": 0,
        "Territorial control": 1,
    }
    assert counts.loc["2021-05-31"].sum() == 0
    assert int(counts.to_numpy().sum()) == len(events)


def test_one_old_event_turns_the_default_window_into_years(tmp_path):
    events = load_dataset(write_data_dir(tmp_path / "data", [*EVENTS, WALL])).events
    tl = timeline(events, dt.date(1996, 1, 1), dt.date(2021, 9, 30))
    assert tl.unit == "year"
    assert len(tl.counts) == 26
    assert tl.counts.sum(axis=1).loc["1996-01-01"] == 1
    assert tl.counts.sum(axis=1).loc["2021-01-01"] == len(EVENTS)


def test_events_that_began_before_the_window_count_in_its_first_bin(tmp_path):
    events = load_dataset(write_data_dir(tmp_path / "data", [*EVENTS, WALL])).events
    in_july = events[events["date_end"] >= "2021-07-01"]
    tl = timeline(in_july, dt.date(2021, 7, 1), dt.date(2021, 7, 31))
    assert tl.unit == "week"
    assert tl.began_before == int((in_july["date_start"] < "2021-07-01").sum())
    assert tl.began_before >= 1
    assert tl.counts.index[0] == pd.Timestamp("2021-06-28")  # the week of 1 July
    assert tl.counts.index[-1] == pd.Timestamp("2021-07-26")  # the week of 31 July
    assert tl.counts.iloc[0].sum() >= tl.began_before
    assert int(tl.counts.to_numpy().sum()) == len(in_july)


def test_no_events_give_an_empty_timeline(events):
    assert timeline(events.iloc[0:0]).counts.empty
