"""Provinces (admin-1 units) of the world: Natural Earth's names and GeoNames' in
`provinces.csv` (`scripts/build_provinces.py`); `region` says which are of the region and
its neighbours (read in any text), the others being read only where their country is named."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from borderwatch.data.gazetteer import normalize

PROVINCES_CSV = Path(__file__).with_name("provinces.csv")
"""Natural Earth admin-1 units of the world (scripts/build_provinces.py)."""


@cache
def provinces_by_name() -> dict[str, list[dict[str, str]]]:
    """normalized name -> provinces of that name (Natural Earth admin-1, with alternate names)."""
    import csv

    by_name: dict[str, list[dict[str, str]]] = {}
    with PROVINCES_CSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for spelling in [row["name"], *row["alt_names"].split(";")]:
                key = normalize(spelling)
                if key:
                    by_name.setdefault(key, []).append(row)
    return by_name
