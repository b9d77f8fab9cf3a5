"""The one `Filters` value object (and the map's view) compiled to a SQL WHERE clause.

The same rules as the pandas masks in `filters`: dates by overlap, a country on
either side, any of the types, every word of the text in summary, place, actors
or id (any case), and the map's box. Values always travel as parameters, never
inside the SQL text. The SQL is plain enough for DuckDB and PostgreSQL alike;
`placeholder` is the driver's parameter marker (`?` for DuckDB, `%s` for psycopg).
"""

from __future__ import annotations

from dataclasses import dataclass

from borderwatch.analysis.filters import TEXT_COLUMNS, Filters


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


def like_pattern(word: str) -> str:
    """`%word%` with LIKE's wildcards in `word` escaped (the escape character is `\\`)."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where_clause(
    f: Filters, box: Box | None = None, placeholder: str = "?"
) -> tuple[str, list[object]]:
    """(`WHERE`-less condition, parameters) selecting the events that `f` and `box` match.

    Expects columns named as in `events.csv`, dates typed DATE, coordinates numeric.
    No condition gives `TRUE`.
    """
    p = placeholder
    parts: list[str] = []
    params: list[object] = []
    if f.start is not None:
        parts.append(f"date_end >= {p}")
        params.append(f.start)
    if f.end is not None:
        parts.append(f"date_start <= {p}")
        params.append(f.end)
    if f.countries:
        marks = ", ".join([p] * len(f.countries))
        parts.append(f"(country IN ({marks}) OR counterpart_country IN ({marks}))")
        params += [*f.countries, *f.countries]
    if f.types:
        parts.append(f"event_type IN ({', '.join([p] * len(f.types))})")
        params += list(f.types)
    for word in f.q.split():
        either = " OR ".join(f"{col} ILIKE {p} ESCAPE '\\'" for col in TEXT_COLUMNS)
        parts.append(f"({either})")
        params += [like_pattern(word)] * len(TEXT_COLUMNS)
    if box is not None:
        parts.append(f"latitude BETWEEN {p} AND {p} AND longitude BETWEEN {p} AND {p}")
        params += [box.south, box.north, box.west, box.east]
    return (" AND ".join(parts) or "TRUE"), params
