"""Filters: overlap semantics for dates, either side for countries, and URL round trips."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from borderwatch.analysis.filters import Filters, apply_filters, places_named, text_mask
from borderwatch.analysis.sqlfilters import POSTGRES, where_clause
from borderwatch.data.loader import load_events


@pytest.fixture
def events(data_dir):
    return load_events(data_dir)


def ids(frame) -> list[str]:
    return sorted(frame["event_id"])


def test_no_filter_keeps_every_event(events):
    assert len(apply_filters(events, Filters())) == 7


def test_date_range_matches_events_whose_span_overlaps_it(events):
    # BW-0001 spans 23 Jun – 13 Jul; the Faryab rows span 1 May – 13 Jul;
    # BW-0002 is 22 Jun only and BW-0005 is 9 Jul only.
    f = Filters(start=dt.date(2021, 7, 10), end=dt.date(2021, 7, 31))
    assert ids(apply_filters(events, f)) == [
        "BW-2021-0001",
        "BW-2021-0003",
        "BW-2021-0004",
        "BW-2021-0006",
        "BW-2021-0007",
    ]


def test_range_edges_are_inclusive(events):
    f = Filters(start=dt.date(2021, 7, 9), end=dt.date(2021, 7, 9))
    assert "BW-2021-0005" in ids(apply_filters(events, f))
    f = Filters(start=dt.date(2021, 6, 1), end=dt.date(2021, 6, 22))
    assert "BW-2021-0002" in ids(apply_filters(events, f))


def test_country_matches_either_side_of_a_crossing(events):
    # The Termez–Hairatan closure happened in AFG with UZB as counterpart.
    assert ids(apply_filters(events, Filters(countries=("UZB",)))) == ["BW-2021-0001"]
    assert ids(apply_filters(events, Filters(countries=("RUS",)))) == ["BW-2021-0005"]


def test_several_countries_are_alternatives(events):
    f = Filters(countries=("UZB", "TJK"))
    assert ids(apply_filters(events, f)) == [
        "BW-2021-0001",
        "BW-2021-0002",
        "BW-2021-0003",
        "BW-2021-0004",
    ]


def test_event_types(events):
    f = Filters(types=("crossing_closed", "crossing_reopened"))
    assert ids(apply_filters(events, f)) == ["BW-2021-0001", "BW-2021-0003", "BW-2021-0004"]


def test_text_search_needs_every_word_in_any_text_column(events):
    assert ids(apply_filters(events, Filters(q="faryab"))) == ["BW-2021-0006", "BW-2021-0007"]
    assert ids(apply_filters(events, Filters(q="faryab government"))) == ["BW-2021-0007"]
    assert ids(apply_filters(events, Filters(q="BW-2021-0005"))) == ["BW-2021-0005"]


def test_filters_combine(events):
    f = Filters(start=dt.date(2021, 7, 1), countries=("AFG",), types=("territorial_control",))
    assert ids(apply_filters(events, f)) == ["BW-2021-0006", "BW-2021-0007"]


def test_query_round_trip():
    f = Filters(
        start=dt.date(2021, 7, 1),
        end=dt.date(2021, 7, 13),
        countries=("TKM", "UZB"),
        types=("crossing_closed",),
        q="Aqina",
    )
    assert f.to_query() == {
        "start": ["2021-07-01"],
        "end": ["2021-07-13"],
        "country": ["TKM", "UZB"],
        "type": ["crossing_closed"],
        "q": ["Aqina"],
    }
    assert Filters.from_query(f.to_query()) == (f, [])


def test_default_filters_have_an_empty_query():
    assert Filters().to_query() == {}


def test_malformed_parameters_are_ignored_with_one_warning_each():
    f, warnings = Filters.from_query(
        {
            "start": "13/07/2021",
            "end": ["2021-07-40"],
            "country": ["tkm", "Turkmenistan"],
            "type": ["crossing_closed", "riot"],
        }
    )
    assert f == Filters(countries=("TKM",), types=("crossing_closed",))
    assert warnings == [
        "Ignored start='13/07/2021': not an ISO date (YYYY-MM-DD).",
        "Ignored end='2021-07-40': not an ISO date (YYYY-MM-DD).",
        "Ignored country='Turkmenistan': not an ISO 3166-1 alpha-3 code.",
        "Ignored type='riot': unknown event type.",
    ]


def test_end_before_start_in_the_url_is_dropped_with_a_warning():
    f, warnings = Filters.from_query({"start": "2021-07-13", "end": "2021-07-01"})
    assert (f.start, f.end) == (dt.date(2021, 7, 13), None)
    assert warnings == ["Ignored end=2021-07-01: it is before start=2021-07-13."]


def test_clamp_keeps_the_range_inside_the_data():
    lo, hi = dt.date(2021, 5, 1), dt.date(2021, 9, 30)
    assert Filters().clamp(lo, hi) == Filters(start=lo, end=hi)
    f = Filters(start=dt.date(2020, 1, 1), end=dt.date(2022, 1, 1)).clamp(lo, hi)
    assert (f.start, f.end) == (lo, hi)


def test_the_stale_threshold_round_trips_through_the_query_and_bad_values_warn():
    f, warnings = Filters.from_query({"stale": ["45"]})
    assert (f.stale_days, warnings) == (45, [])
    assert f.to_query() == {"stale": ["45"]}
    assert Filters().to_query() == {}  # the default (30 days) is not written
    f, warnings = Filters.from_query({"stale": ["-1"]})
    assert f.stale_days == 30
    assert warnings == ["Ignored stale='-1': give a whole number of days (default 30)."]


def test_text_search_finds_a_place_by_any_of_its_gazetteer_names():
    events = pd.DataFrame({
        "event_id": ["BW-1", "BW-2"], "summary": ["Border shut.", "Talks held."],
        "place": ["Hairatan", "Kabul"], "actors": ["", ""],
    })  # fmt: skip
    places = pd.DataFrame({"name": ["Hairatan", "Kabul"], "alt_names": ["Hayratan;Hairaton", None]})
    assert text_mask(events, "Hayratan").tolist() == [False, False]  # without the gazetteer
    assert text_mask(events, "hayratan", places).tolist() == [True, False]
    assert places_named(places, "airaton") == ["Hairatan"]


def test_sql_text_search_adds_the_gazetteer_names_as_parameters_never_as_sql_text():
    places = pd.DataFrame({
        "name": ["Hairatan", "Kabul", "Serhetabat"],
        "alt_names": ["Hayratan;Hairaton", None, "Kushka;Gushgy"],
    })  # fmt: skip
    where, params = where_clause(Filters(q="hAyRaTaN'--"), places=places)
    assert "Hairatan" not in where and "hAyRaTaN" not in where
    where, params = where_clause(Filters(q="hayratan"), places=places)
    searched = " OR ".join(
        f"{c} ILIKE ? ESCAPE '\\'" for c in ("summary", "place", "actors", "event_id")
    )
    assert where == f"({searched} OR place IN (?))"
    assert params == ["%hayratan%"] * 4 + ["Hairatan"]
    where, params = where_clause(Filters(q="k"), places=places, dialect=POSTGRES)
    assert where.endswith("OR place IN (%s, %s))")
    assert params[4:] == ["Kabul", "Serhetabat"]
