"""UCDP Georeferenced Event Dataset (GED) exports -> tidy BorderWatch event rows.

UCDP gives a date span and precision codes for both time and place; the span
is taken as given and the codes are mapped through `mapping` (never finer than
UCDP claims). UCDP has no free-text notes, so the summary is written from the
row's own fields (type, sides, deaths); the cited articles go to original_source.
"""

from __future__ import annotations

import re

import pandas as pd

from borderwatch.data.tables import LINE
from borderwatch.ingest import mapping
from borderwatch.ingest.tidy import require_columns, tidy_frame

REQUIRED: tuple[str, ...] = (
    "id",
    "type_of_violence",
    "side_a",
    "side_b",
    "source_article",
    "where_prec",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "country",
    "date_prec",
    "date_start",
    "date_end",
    "best",
)
"""The GED columns the conversion reads; the other GED columns may be present or not."""

ID_PREFIX = "UCDP-"

_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
# UCDP writes what a coordinate stands for ("Hairatan town"); the noun is not part of the name.
_FEATURE_WORD = re.compile(r"\s+(town|village|city|district|province|area)$", re.IGNORECASE)


def ucdp_date(text: str) -> str:
    """'2021-07-09 00:00:00.000' -> '2021-07-09'; anything else is returned as written."""
    m = _ISO_PREFIX.match(text.strip())
    return m.group(1) if m else text.strip()


def place_name(row: pd.Series) -> str:
    """The most specific name UCDP gives for where the event happened."""
    for field in ("where_coordinates", "where_description", "adm_2", "adm_1"):
        value = str(row.get(field, "") or "").strip()
        if value:
            return _FEATURE_WORD.sub("", value)
    return ""


def summary(row: pd.Series, label: str) -> str:
    """A one-line description built only from the row's structured fields."""
    a, b = row["side_a"].strip(), row["side_b"].strip()
    if row["type_of_violence"].strip() == "3":
        text = f"UCDP records one-sided violence by {a} against {b}"
    else:
        text = f"UCDP records {label} between {a} and {b}"
    best = row["best"].strip()
    if best:
        text += f", best estimate {best} deaths"
    return text + "."


def check_ucdp_columns(df: pd.DataFrame, name: str) -> None:
    """DataError naming every GED column the conversion needs that is missing."""
    require_columns(df, REQUIRED, name, "UCDP GED")


def ucdp_to_tidy(raw: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """Tidy rows (strings, `__line__` kept from the export) for a GED table read as text."""
    records = []
    for _, r in raw.iterrows():
        code = r["type_of_violence"].strip()
        etype, label = mapping.UCDP_VIOLENCE_TYPES.get(code, (mapping.OTHER, f"type {code}"))
        date_prec, where_prec = r["date_prec"].strip(), r["where_prec"].strip()
        records.append(
            {
                "event_id": ID_PREFIX + r["id"].strip(),
                "date_start": ucdp_date(r["date_start"]),
                "date_end": ucdp_date(r["date_end"]),
                "date_precision": mapping.UCDP_DATE_PREC.get(date_prec, date_prec),
                "event_type": etype,
                "place": place_name(r),
                "country": mapping.country_iso3(r["country"]) or r["country"],
                "latitude": r["latitude"].strip(),
                "longitude": r["longitude"].strip(),
                "geo_precision": mapping.UCDP_WHERE_PREC.get(where_prec, where_prec),
                "control": "",
                "actors": mapping.join_actors(r["side_a"], r["side_b"]),
                "summary": summary(r, label),
                "source_id": source_id,
                "confidence": "reported",
                "original_type": f"type_of_violence {code}: {label}",
                "original_source": " ".join(r["source_article"].split()),
            }
        )
    return tidy_frame(records, raw[LINE])
