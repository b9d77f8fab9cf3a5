"""A place found in a briefing (`PlaceMention`), what each kind of place is worth in
precision, and how far each source of places is trusted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SOURCE_RANK = {
    "water": -1,
    "curated": 0,
    "geonames": 1,
    "country": 1,
    "province": 2,
    "entity": 3,
    "referred": 4,
}
"""Lower is more trusted."""

GEO_PRECISION_BY_KIND: dict[str, str] = {
    "crossing": "site",
    "base": "site",
    "site": "site",
    "town": "town",
    "city": "town",
    "capital": "town",
    "district": "district",
    "province": "province",
    "region": "province",
    "country": "country",
    # a continent ("the rails to Europe") is placed no finer than a country
    "continent": "country",
    # A point on a river, lake or sea stands for a stretch of it: no finer than a province.
    "river": "province",
    "lake": "province",
    "sea": "province",
    "reservoir": "site",
}


@dataclass(frozen=True)
class PlaceMention:
    """A place found in a text."""

    name: str
    """Canonical name: places.csv's, GeoNames' main name, or the text's for an entity."""
    country: str
    kind: str
    text: str
    """The spelling as written in the text."""
    start: int
    end: int
    source: str = "curated"
    """curated, geonames, country or entity (no coordinates)."""
    latitude: float | None = None
    longitude: float | None = None
    coord_source: str = ""

    @property
    def geo_precision(self) -> str:
        return GEO_PRECISION_BY_KIND.get(self.kind, "")


def mention_at(
    row: Mapping[str, Any], kind: str, source: str, text: str, start: int, end: int
) -> PlaceMention:
    """`row` (name, country, latitude, longitude, coord_source) as written at text[start:end]."""
    return PlaceMention(
        str(row["name"]),
        str(row["country"]),
        kind,
        text[start:end],
        start,
        end,
        source,
        _float(row.get("latitude")),
        _float(row.get("longitude")),
        str(row.get("coord_source") or ""),
    )


def _float(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
