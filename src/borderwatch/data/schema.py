"""Validation of the event table: every problem found at once, each naming file, line, field.

Per-column rules (formats, vocabularies, ranges) are vectorised tests, one pass
over a column each; rules that span columns or files (end before start, duplicate
ids, unknown source, a place the gazetteer cannot geocode) follow them.
They were a pandera schema: importing pandera (0.2 s, and 0.2-0.4 s more where
`hypothesis` is installed, which pandera then imports too) was most of a first
start's validation, for rules that are one line of pandas each.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import pandas as pd

from borderwatch.data import vocab
from borderwatch.data.gazetteer import Gazetteer
from borderwatch.data.parsing import parse_dates, parse_numbers
from borderwatch.data.problems import SHOWN_CHARS, Problem, show
from borderwatch.data.tables import LINE

_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
_NOT_ISO3 = "is not an ISO 3166-1 alpha-3 country code (e.g. AFG, UZB)"

MAX_PER_RULE = 20
"""Rows reported one by one per field and rule; the rest are counted in one message."""
MAX_SUMMARY = 300
"""Longest summary the data dictionary allows (one or two sentences)."""

Rule = tuple[Callable[[pd.Series], pd.Series], str]
"""A test that is True where a value is fine, and what follows the value in the message."""


def _is_iso_date(s: pd.Series) -> pd.Series:
    return s.str.match(_ISO_DATE)


def _is_real_date(s: pd.Series) -> pd.Series:
    # A value in the wrong format is already reported by the format rule.
    return parse_dates(s).notna() | (s == "") | ~_is_iso_date(s)


def _in(values: Collection[str], blank_ok: bool = False, error: str | None = None) -> Rule:
    allowed = set(values) | ({""} if blank_ok else set())
    return (lambda s: s.isin(allowed)), error or f"must be one of: {', '.join(values)}"


def _number_in(lo: float, hi: float) -> Rule:
    def check(s: pd.Series) -> pd.Series:
        return (s == "") | parse_numbers(s).between(lo, hi)

    return check, f"must be a number from {lo:g} to {hi:g}"


def column_rules() -> dict[str, list[Rule]]:
    """The per-column rules of `events.csv` (all columns are read as text)."""
    iso3 = vocab.iso3_codes()
    dates: list[Rule] = [
        (_is_iso_date, "must be an ISO date YYYY-MM-DD"),
        (_is_real_date, "is not a real calendar date"),
    ]
    return {
        "date_start": dates,
        "date_end": dates,
        "date_precision": [_in(vocab.DATE_PRECISIONS)],
        "event_type": [_in(vocab.EVENT_TYPES)],
        "country": [_in(iso3, error=_NOT_ISO3)],
        "counterpart_country": [_in(iso3, blank_ok=True, error=_NOT_ISO3)],
        "latitude": [_number_in(-90, 90)],
        "longitude": [_number_in(-180, 180)],
        "geo_precision": [_in(vocab.GEO_PRECISIONS)],
        "control": [_in(vocab.CONTROL_STATES, blank_ok=True)],
        "confidence": [_in(vocab.CONFIDENCES)],
        "sequence": [
            (
                lambda s: s.str.fullmatch(r"\d{0,6}"),
                "must be blank or a whole number from 0 to 999999",
            )
        ],
        "summary": [
            (
                lambda s: s.str.len() <= MAX_SUMMARY,
                f"is longer than the {MAX_SUMMARY} characters the data dictionary allows "
                "(one or two sentences)",
            )
        ],
    }


def validate_events(
    df: pd.DataFrame,
    file: str,
    source_ids: Collection[str],
    gazetteer: Gazetteer | None,
) -> list[Problem]:
    """All problems in an event table read by `tables.read_table` (strings + `__line__`).

    With `gazetteer` None (the gazetteer itself is invalid) places are not checked,
    so that one broken places.csv does not also flag every event.
    """
    problems: list[Problem] = []
    lines = df[LINE]

    def add(mask: pd.Series, field: str, message) -> None:
        hits = mask[mask].index
        for idx in hits[:MAX_PER_RULE]:
            msg = message(df.loc[idx]) if callable(message) else message
            problems.append(Problem(file, int(lines[idx]), field, msg))
        if len(hits) > MAX_PER_RULE:
            rest = len(hits) - MAX_PER_RULE
            first = int(lines[hits[MAX_PER_RULE]])
            problems.append(
                Problem(
                    file, first, field, f"… and {rest:,} more rows like the above, from here on"
                )
            )

    for field in vocab.REQUIRED_EVENT_FIELDS:
        add(df[field].str.strip() == "", field, "is required but blank")

    for field, rules in column_rules().items():
        if field not in df.columns:  # an optional column a caller did not read
            continue
        column = df[field]
        reported = column.str.strip() == "" if field in vocab.REQUIRED_EVENT_FIELDS else None
        for ok, message in rules:
            bad = ~ok(column)
            if reported is not None:
                bad &= ~reported  # a blank required value is reported once, as blank
            add(bad, field, lambda r, f=field, m=message: f"{show(r[f])} {m}")

    # Blank and malformed dates become NaT and never compare true (reported above).
    start, end = parse_dates(df["date_start"]), parse_dates(df["date_end"])
    add(
        end < start, "date_end", lambda r: f"{r['date_end']} is before date_start {r['date_start']}"
    )

    lat_blank, lon_blank = df["latitude"] == "", df["longitude"] == ""
    add(
        lat_blank != lon_blank,
        "latitude",
        "latitude and longitude must both be given or both be blank",
    )

    # Duplicates found on integer codes: hashing a million strings as Python objects
    # cost seconds and hundreds of MB.
    id_codes = pd.Series(pd.factorize(df["event_id"])[0], index=df.index)
    dup = id_codes.duplicated(keep="first") & (df["event_id"] != "")
    first_line = (
        df[~id_codes.duplicated(keep="first")].set_index("event_id")[LINE] if dup.any() else {}
    )
    add(
        dup,
        "event_id",
        lambda r: (
            f"duplicate id {show(r['event_id'])} (first used on line {first_line[r['event_id']]})"
        ),
    )

    add(
        (df["source_id"] != "") & ~df["source_id"].isin(set(source_ids)),
        "source_id",
        lambda r: f"{show(r['source_id'])} is not in sources.csv",
    )

    same = (df["counterpart_country"] != "") & (df["counterpart_country"] == df["country"])
    add(same, "counterpart_country", "must differ from country")

    is_control = df["event_type"] == "territorial_control"
    add(is_control & (df["control"] == ""), "control", "is required for territorial_control events")
    add(
        ~is_control & (df["control"] != ""),
        "control",
        "is only allowed on territorial_control events",
    )

    if gazetteer is not None:
        problems += _place_problems(df, file, gazetteer, lat_blank & lon_blank)
    return sorted(set(problems), key=lambda p: (p.line or 0, p.field or "", p.message))


def _place_problems(
    df: pd.DataFrame, file: str, gazetteer: Gazetteer, needs_geocoding: pd.Series
) -> list[Problem]:
    """A blank-coordinate row whose place the gazetteer cannot resolve is an error.

    A row that brings its own coordinates may name a place the gazetteer does not
    know (an imported village): the name is then only a label.
    """
    # Look each distinct (place, country) up once: a million rows name a few hundred places.
    todo = df.loc[needs_geocoding & (df["place"] != ""), ["place", "country", LINE]]
    keys = todo[["place", "country"]].drop_duplicates()
    unresolved = {
        (place, country)
        for place, country in zip(keys["place"], keys["country"], strict=True)
        if gazetteer.lookup(place, country or None) is None and gazetteer.lookup(place) is None
    }
    problems = []
    hints: dict[str, str] = {}
    todo = todo[todo["place"].isin({place for place, _ in unresolved})]
    bad = [
        (place, int(line))
        for place, country, line in zip(todo["place"], todo["country"], todo[LINE], strict=True)
        if (place, country) in unresolved
    ]
    # Suggestions search every known name (seconds for a long name): only for the rows shown.
    for place, line in bad[:MAX_PER_RULE]:
        if place not in hints:
            names = gazetteer.suggest(place[:SHOWN_CHARS])
            hints[place] = f"; did you mean {' or '.join(show(h) for h in names)}?" if names else ""
        problems.append(
            Problem(
                file,
                line,
                "place",
                f"unknown place {show(place)} and no coordinates given{hints[place]}",
            )
        )
    if len(bad) > MAX_PER_RULE:
        problems.append(
            Problem(
                file,
                bad[MAX_PER_RULE][1],
                "place",
                f"… and {len(bad) - MAX_PER_RULE:,} more rows with an unknown place, from here on",
            )
        )
    return problems
