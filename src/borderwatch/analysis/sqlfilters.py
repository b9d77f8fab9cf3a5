"""The one `Filters` value object (and the map's view) compiled to a SQL WHERE clause.

The same rules as the pandas masks in `filters`: dates by overlap, a country on
either side, any of the types, every word of the text in summary, place, actors
or id (any case) or, with the gazetteer, in any name of the event's place
(`filters.places_named`), and the map's box. Values always travel as parameters, never
inside the SQL text. Both stores use it: DuckDB on a converted Parquet file
(`DUCKDB`) and PostgreSQL (`POSTGRES`); a `Dialect` holds what differs between them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from borderwatch.analysis.filters import TEXT_COLUMNS, Filters, places_named


@dataclass(frozen=True)
class Box:
    """A latitude/longitude box (degrees, WGS84), edges included."""

    south: float
    west: float
    north: float
    east: float

    def contains(self, other: Box) -> bool:
        """Whether `other` lies wholly inside this box."""
        return (
            self.south <= other.south
            and self.west <= other.west
            and self.north >= other.north
            and self.east >= other.east
        )


@dataclass(frozen=True)
class Dialect:
    """What one store's SQL spells its own way.

    `placeholder` is the driver's parameter marker; `date_start`/`date_end` the
    columns holding an event's days typed DATE; `point` how the box is tested:
    `"latlon"` on numeric `latitude`/`longitude` columns, `"postgis"` on a `geom` point.
    """

    placeholder: str
    date_start: str
    date_end: str
    point: str

    def box(self, box: Box) -> tuple[str, list[object]]:
        """The condition that an event lies in `box` (edges included), and its parameters."""
        p = self.placeholder
        if self.point == "postgis":
            envelope = f"ST_MakeEnvelope({p}, {p}, {p}, {p}, 4326)"
            return f"geom && {envelope}", [box.west, box.south, box.east, box.north]
        between = f"latitude BETWEEN {p} AND {p} AND longitude BETWEEN {p} AND {p}"
        return between, [box.south, box.north, box.west, box.east]


DUCKDB = Dialect(placeholder="?", date_start="date_start", date_end="date_end", point="latlon")
"""A converted `events.parquet` read by DuckDB (`data.duckstore`)."""
POSTGRES = Dialect(placeholder="%s", date_start="day_start", date_end="day_end", point="postgis")
"""The shared store's `events` table through psycopg (`db.reads`): typed days, a `geom` point."""


def like_pattern(word: str) -> str:
    """`%word%` with LIKE's wildcards in `word` escaped (the escape character is `\\`)."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where_clause(
    f: Filters,
    box: Box | None = None,
    dialect: Dialect = DUCKDB,
    places: pd.DataFrame | None = None,
) -> tuple[str, list[object]]:
    """(`WHERE`-less condition, parameters) selecting the events that `f` and `box` match.

    Expects the text columns named as in `events.csv`. No condition gives `TRUE`. With
    the gazetteer (`places`), a word also selects the events at every place one of whose
    names contains it, as `filters.text_mask` does: "Hayratan" finds those at Hairatan.

    >>> where_clause(Filters(countries=("UZB",), types=("clash",)))[0]
    '(country IN (?) OR counterpart_country IN (?)) AND event_type IN (?)'
    """
    p = dialect.placeholder
    parts: list[str] = []
    params: list[object] = []
    if f.start is not None:
        parts.append(f"{dialect.date_end} >= {p}")
        params.append(f.start)
    if f.end is not None:
        parts.append(f"{dialect.date_start} <= {p}")
        params.append(f.end)
    if f.countries:
        marks = ", ".join([p] * len(f.countries))
        parts.append(f"(country IN ({marks}) OR counterpart_country IN ({marks}))")
        params += [*f.countries, *f.countries]
    if f.types:
        parts.append(f"event_type IN ({', '.join([p] * len(f.types))})")
        params += list(f.types)
    for word in f.q.split():
        either = [f"{col} ILIKE {p} ESCAPE '\\'" for col in TEXT_COLUMNS]
        params += [like_pattern(word)] * len(TEXT_COLUMNS)
        named = places_named(places, word) if places is not None else []
        if named:
            either.append(f"place IN ({', '.join([p] * len(named))})")
            params += named
        parts.append(f"({' OR '.join(either)})")
    if box is not None:
        inside, box_params = dialect.box(box)
        parts.append(inside)
        params += box_params
    return (" AND ".join(parts) or "TRUE"), params
