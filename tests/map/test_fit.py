"""Where the analyst map looks when the filters change: the region unfiltered, else the
events the filters select; crossings and districts follow the country filter."""

import datetime as dt
from pathlib import Path

import folium
import pytest
from streamlit_folium import _get_feature_group_string, _get_map_string

from borderwatch.analysis.asof import in_countries, picture_as_of
from borderwatch.analysis.filters import Filters
from borderwatch.data.store import open_store
from borderwatch.map import build
from borderwatch.map.fit import fit_for, fit_key, is_unfiltered, selection_bounds
from borderwatch.map.viewport import BUDGET_ENV, Detail

REPO = Path(__file__).resolve().parents[2]
RUSSIA = Filters(countries=("RUS",))


@pytest.fixture(scope="module")
def store():
    return open_store(REPO / "geodata")


def test_only_the_staleness_threshold_leaves_the_map_unfiltered():
    assert is_unfiltered(Filters())
    assert is_unfiltered(Filters(stale_days=3))
    assert not is_unfiltered(RUSSIA)
    assert not is_unfiltered(Filters(start=dt.date(2021, 7, 1)))
    assert not is_unfiltered(Filters(q="Hairatan"))
    assert fit_key(Filters(stale_days=3)) == fit_key(Filters())  # it never moves the map
    assert fit_key(Filters(countries=("RUS", "TKM"))) == fit_key(Filters(countries=("TKM", "RUS")))
    assert fit_key(RUSSIA) != fit_key(Filters(countries=("TKM",)))


def test_a_country_filter_fits_every_event_it_counts_moscow_included(store):
    rows = store.rows(RUSSIA)
    (south, west), (north, east) = selection_bounds(store, RUSSIA)
    assert len(rows) == store.count(RUSSIA) > 0
    assert (rows["latitude"].between(south, north) & rows["longitude"].between(west, east)).all()
    assert south <= 55.75 <= north and west <= 37.62 <= east  # Moscow
    assert (south, west) == (rows["latitude"].min(), rows["longitude"].min())


def test_unfiltered_the_map_keeps_the_region_in_view(store):
    assert fit_for(store, Filters()) == (fit_key(Filters()), None)
    assert fit_for(store, RUSSIA) == (fit_key(RUSSIA), selection_bounds(store, RUSSIA))


def test_above_the_point_budget_the_extent_is_still_exact(store, monkeypatch):
    exact = selection_bounds(store, RUSSIA)
    monkeypatch.setenv(BUDGET_ENV, "3")
    assert selection_bounds(store, RUSSIA) == exact


def test_no_event_with_coordinates_gives_no_bounds(store):
    assert selection_bounds(store, Filters(q="no such words anywhere")) is None


def test_the_events_layer_carries_the_fit_to_the_map_it_is_sent_to(store):
    fit = fit_for(store, RUSSIA)
    parts = build.build_map(store, Detail("points", store.rows(RUSSIA), 1), None, fit=fit)
    parts.base.get_root().render()
    _get_map_string(parts.base)
    script = _get_feature_group_string(parts.layers[0], parts.base, 0)
    assert "bwFitView(map_div, " in script
    assert fit_key(RUSSIA).replace('"', '\\"') in script
    assert str(fit[1][0][0]) in script
    unfitted = build.build_map(store, Detail("points", store.rows(RUSSIA), 1), None)
    unfitted.base.get_root().render()
    _get_map_string(unfitted.base)
    assert "bwFitView" not in _get_feature_group_string(unfitted.layers[0], unfitted.base, 0)


ALL_CROSSINGS = ["hairatan-termez", "sher-khan-bandar-panji-poyon", "aqina-imamnazar",
                 "turghundi-serhetabat"]  # fmt: skip


def drawn_crossings(parts) -> int:
    """Circles in the crossings layer (each crossing also has its name, a marker)."""
    return sum(isinstance(c, folium.CircleMarker) for c in parts.layers[1]._children.values())


def drawn_districts(parts) -> int:
    return sum(isinstance(c, folium.CircleMarker) for c in parts.layers[2]._children.values())


@pytest.mark.parametrize(
    ("countries", "crossings", "districts"),
    [
        ((), ALL_CROSSINGS, True),
        (("AFG",), ALL_CROSSINGS, True),
        (("UZB",), ["hairatan-termez"], False),
        (("TKM", "TJK"), ALL_CROSSINGS[1:], False),
        (("RUS",), [], False),
    ],
)
def test_crossings_and_districts_follow_the_country_filter(store, countries, crossings, districts):
    picture = picture_as_of(
        store.state_events(None), store.crossings, store.places, store.span()[1]
    )
    mine = in_countries(picture, store.places, countries)
    assert mine.crossings["crossing_id"].tolist() == crossings
    assert (len(mine.control) > 0) is districts
    parts = build.build_map(
        store, Detail("points", store.rows(Filters()), 1), None, countries=countries
    )
    assert drawn_crossings(parts) == len(crossings)
    assert (drawn_districts(parts) > 0) is districts


def test_a_crossing_belongs_to_both_its_countries(store):
    picture = picture_as_of(
        store.state_events(None), store.crossings, store.places, store.span()[1]
    )
    uzbek = in_countries(picture, store.places, ("UZB",)).crossings
    assert uzbek["neighbour_country"].tolist() == ["UZB"]
    assert uzbek["afghan_side"].tolist() == ["Hairatan"]
    assert in_countries(picture, store.places, ()) is picture
