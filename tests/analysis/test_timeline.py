import datetime as dt

import pandas as pd
import pytest
from sample_data import EVENTS, event, write_data_dir

from borderwatch.analysis.timeline import (
    bin_start,
    timeline,
    timeline_caption,
    unit_for,
    week_start,
)
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


def test_weekly_counts_by_type_spread_over_each_event_span(events):
    tl = timeline(events)
    counts = tl.counts
    assert tl.unit == "week"
    assert counts.index[0] == pd.Timestamp("2021-04-26")  # Andkhoy and Maymana, from 1 May
    assert counts.index[-1] == pd.Timestamp("2021-07-12")  # the spans end on 13 July
    assert len(counts) == 12
    # Andkhoy and Maymana are known only to 1 May - 13 July (74 days): 2 events over
    # 11 weeks, 2/74 a day, not a spike of 2 in the week of 1 May.
    assert counts.loc["2021-04-26", "Territorial control"] == pytest.approx(2 * 2 / 74)
    assert counts.loc["2021-05-31", "Territorial control"] == pytest.approx(2 * 7 / 74)
    # the one-day Moscow talks (9 July) count whole in their week
    assert counts.loc["2021-07-05", "Diplomatic contact"] == pytest.approx(1)
    assert counts.to_numpy().sum() == pytest.approx(len(events))
    assert (tl.spread, tl.outside) == (5, 0)


def test_one_old_event_turns_the_default_window_into_years(tmp_path):
    events = load_dataset(write_data_dir(tmp_path / "data", [*EVENTS, WALL])).events
    tl = timeline(events, dt.date(1996, 1, 1), dt.date(2021, 9, 30))
    assert tl.unit == "year"
    assert len(tl.counts) == 26
    # the wall spans 1996 - Sep 2021: a share in every year, none a spike
    assert tl.counts.sum(axis=1).loc["1996-01-01"] == pytest.approx(366 / 9405)
    assert tl.counts.sum(axis=1).loc["2021-01-01"] == pytest.approx(len(EVENTS) + 273 / 9405)


def test_only_the_share_of_a_span_inside_the_window_is_drawn(tmp_path):
    events = load_dataset(write_data_dir(tmp_path / "data", [*EVENTS, WALL])).events
    in_july = events[events["date_end"] >= "2021-07-01"]
    tl = timeline(in_july, dt.date(2021, 7, 1), dt.date(2021, 7, 31))
    assert tl.unit == "week"
    assert tl.counts.index[0] == pd.Timestamp("2021-06-28")  # the week of 1 July
    assert tl.counts.index[-1] == pd.Timestamp("2021-07-26")  # the week of 31 July
    assert tl.outside == pytest.approx(len(in_july) - tl.counts.to_numpy().sum())
    assert tl.outside > 1
    assert "falls outside the dates shown" in timeline_caption(tl)


def test_the_caption_says_how_spans_are_drawn(events):
    caption = timeline_caption(timeline(events))
    assert caption.startswith("Events per week by type, each spread evenly over the days")
    assert "5 events are known only to a span longer than a week" in caption


def test_no_events_give_an_empty_timeline(events):
    assert timeline(events.iloc[0:0]).counts.empty
