"""Crossing status and district control as of a date, from the events."""

from __future__ import annotations

import datetime as dt

import pytest

from borderwatch.analysis.control import control_as_of
from borderwatch.analysis.crossings import crossing_status
from borderwatch.data.loader import load_dataset


@pytest.fixture
def ds(data_dir):
    return load_dataset(data_dir)


def board(ds, as_of):
    status = crossing_status(ds.events, ds.crossings, ds.places, as_of)
    return {r.crossing_id: (r.status, r.since, r.last_event_id) for r in status.itertuples()}


def test_before_any_crossing_event_the_status_is_unknown(ds):
    b = board(ds, dt.date(2021, 6, 1))
    assert {k: (v[0], v[2]) for k, v in b.items()} == {
        "hairatan-termez": ("unknown", None),
        "sher-khan-bandar-panji-poyon": ("unknown", None),
    }


def test_status_follows_the_latest_event_that_has_begun(ds):
    b = board(ds, dt.date(2021, 6, 25))
    assert b["hairatan-termez"][0] == "closed"
    assert b["hairatan-termez"][1].date() == dt.date(2021, 6, 23)
    # Sher Khan Bandar: captured 22 Jun (territorial_control) and closed the same day
    assert b["sher-khan-bandar-panji-poyon"][0] == "closed"
    assert b["sher-khan-bandar-panji-poyon"][2] == "BW-2021-0003"


def test_a_reopening_under_another_spelling_counts(ds):
    # BW-0004 names the place "Shir Khan Bandar"; it must still move the status
    b = board(ds, dt.date(2021, 7, 13))
    assert b["sher-khan-bandar-panji-poyon"][0] == "open"
    assert b["sher-khan-bandar-panji-poyon"][1].date() == dt.date(2021, 7, 1)


def test_without_a_date_every_event_counts(ds):
    status = crossing_status(ds.events, ds.crossings, ds.places)
    assert list(status["status"]) == ["closed", "open"]
    assert list(status["latitude"]) == [37.2167, 37.04]


def test_district_control_as_of_the_briefing(ds):
    ctl = control_as_of(ds.events, dt.date(2021, 7, 13), ds.places, kind="district")
    assert list(zip(ctl["place"], ctl["control"], strict=True)) == [
        ("Andkhoy", "taliban"),
        ("Maymana", "government"),
    ]


def test_district_control_before_the_span_began_is_empty(ds):
    assert control_as_of(ds.events, dt.date(2021, 4, 30), ds.places, kind="district").empty
