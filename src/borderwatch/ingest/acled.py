"""ACLED exports (2023 column layout) -> tidy BorderWatch event rows.

Nothing is dropped or guessed silently: a value that cannot be converted (an
odd date, an unknown country, a precision code outside 1-3) is passed through
as written, so that validation names the file, line and field to fix.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pandas as pd

from borderwatch.data.tables import LINE
from borderwatch.ingest import mapping
from borderwatch.ingest.tidy import require_columns, tidy_frame

COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
"""ACLED's 2023 export columns (https://acleddata.com/knowledge-base/guide-to-2023-acled-column-changes)."""

REQUIRED: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
)
"""The columns the conversion reads; the others may be absent."""

ID_PREFIX = "ACLED-"

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d-%m-%Y", "%d/%m/%Y")


def parse_acled_date(text: str) -> dt.date | None:
    """ACLED's event_date in any of its published spellings ('2021-07-09', '09 July 2021', …)."""
    t = " ".join(text.split())
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(t, fmt).date()
        except ValueError:
            continue
    return None


def date_span(event_date: str, time_precision: str) -> tuple[str, str, str]:
    """(date_start, date_end, date_precision) from ACLED's date and time_precision.

    Week precision spans three days either side of the coded date (ACLED codes
    such events to the middle of the week); month precision spans the calendar
    month. Unparseable input is returned as written for validation to report.
    """
    precision = mapping.ACLED_TIME_PRECISION.get(time_precision.strip(), time_precision.strip())
    day = parse_acled_date(event_date)
    if day is None:
        return event_date, event_date, precision
    if precision == "week":
        start, end = day - dt.timedelta(days=3), day + dt.timedelta(days=3)
    elif precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        start, end = day.replace(day=1), day.replace(day=last)
    else:
        start = end = day
    return start.isoformat(), end.isoformat(), precision


def check_acled_columns(df: pd.DataFrame, name: str) -> None:
    """DataError naming every ACLED column the conversion needs that is missing.

    Other columns are ignored, so older and newer ACLED layouts also convert.
    """
    require_columns(df, REQUIRED, name, "ACLED")


def acled_to_tidy(raw: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """Tidy rows (strings, `__line__` kept from the export) for an ACLED table read as text."""
    records = []
    for _, r in raw.iterrows():
        etype, original = mapping.acled_event_type(r["event_type"], r["sub_event_type"])
        control = ""
        if etype == "territorial_control":
            control = mapping.control_from_actor(r["actor1"])
            if not control:  # nobody we can name holds the place: do not invent one
                etype = mapping.OTHER
        start, end, precision = date_span(r["event_date"], r["time_precision"])
        country = mapping.country_iso3(r["country"], r.get("iso", "")) or r["country"]
        place = r["location"].strip() or r.get("admin2", "").strip() or r.get("admin1", "")
        geo = r["geo_precision"].strip()
        records.append(
            {
                "event_id": ID_PREFIX + r["event_id_cnty"].strip(),
                "date_start": start,
                "date_end": end,
                "date_precision": precision,
                "event_type": etype,
                "place": place.strip(),
                "country": country,
                "latitude": r["latitude"].strip(),
                "longitude": r["longitude"].strip(),
                "geo_precision": mapping.ACLED_GEO_PRECISION.get(geo, geo),
                "control": control,
                "actors": mapping.join_actors(
                    r["actor1"], r.get("assoc_actor_1", ""), r["actor2"], r.get("assoc_actor_2", "")
                ),
                "summary": " ".join(r["notes"].split()),
                "source_id": source_id,
                # ACLED codes reports; it does not confirm them.
                "confidence": "reported",
                "original_type": original,
                "original_source": r["source"].strip(),
            }
        )
    return tidy_frame(records, raw[LINE])
