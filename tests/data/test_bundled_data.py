"""The bundled 2021 frontier data set: valid, complete, and saying what the briefings say."""

from __future__ import annotations

import geopandas as gpd
import pytest
from sample_data import BUNDLED

from borderwatch.data.gazetteer import Gazetteer
from borderwatch.data.loader import load_dataset, validate_data_dir
from borderwatch.data.outlines import REGION_BBOX, load_outlines


@pytest.fixture(scope="module")
def ds():
    return load_dataset(BUNDLED)


def test_bundled_folder_has_no_problem():
    assert validate_data_dir(BUNDLED) == []


def test_it_covers_both_briefings_with_at_least_forty_events(ds):
    assert len(ds.events) >= 40
    assert set(ds.events["source_id"].astype(str)) == set(ds.sources["source_id"])


def test_every_event_place_is_in_the_curated_gazetteer(ds):
    # GeoNames is a fallback for new data; the bundled set must not need it.
    curated = Gazetteer(ds.places, use_geonames=False)
    unknown = {p for p in ds.events["place"].astype(str) if curated.lookup(p) is None}
    assert unknown == set()


@pytest.mark.parametrize(
    ("day", "event_type", "place"),
    [
        ("2021-07-09", "diplomatic_contact", "Moscow"),
        ("2021-07-10", "diplomatic_contact", "Ashgabat"),
        ("2021-08-06", "diplomatic_contact", "Awaza"),
        ("2021-09-16", "diplomatic_contact", "Dushanbe"),
    ],
)
def test_dated_meetings_are_recorded_to_the_day(ds, day, event_type, place):
    ev = ds.events
    hit = ev[
        (ev["date_start"] == day)
        & (ev["event_type"] == event_type)
        & (ev["canonical_name"] == place)
    ]
    assert len(hit) >= 1
    assert set(hit["date_precision"]) == {"day"}


def test_relative_dates_are_resolved_against_the_publication_date(ds):
    # "two days later" than Putin's calls of 5 July: Lavrov on 7 July
    ev = ds.events
    lavrov = ev[ev["actors"].str.contains("Lavrov") & (ev["date_start"] == "2021-07-07")]
    assert len(lavrov) >= 1


def test_spans_without_a_day_are_not_given_day_precision(ds):
    multi_day = ds.events[ds.events["date_end"] > ds.events["date_start"]]
    assert "day" not in set(multi_day["date_precision"].astype(str))


def test_summaries_are_short_and_cite_a_source(ds):
    assert ds.events["summary"].str.len().max() <= 300
    assert ds.events["source_id"].notna().all()


def test_places_lie_inside_their_country_outline(ds):
    outlines = load_outlines(BUNDLED)
    countries = outlines[outlines["layer"] == "country"].set_index("iso3")
    points = gpd.GeoDataFrame(
        ds.places,
        geometry=gpd.points_from_xy(ds.places["longitude"], ds.places["latitude"]),
        crs="EPSG:4326",
    )
    west, south, east, north = REGION_BBOX  # outlines are clipped to it (Moscow is not)
    in_region = points.cx[west:east, south:north]
    outside = [
        row["name"]
        for _, row in in_region.iterrows()
        if row["country"] in countries.index
        # 0.02° (~2 km) of slack: border posts sit on the line, outlines are simplified
        and not countries.loc[row["country"], "geometry"].buffer(0.02).contains(row.geometry)
    ]
    assert outside == []
