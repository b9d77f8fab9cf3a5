"""The picture as known on a date: crossing status and who controls each place.

`picture_as_of` is the one function the board, the map layers, the standalone
export and the `borderwatch status/control` commands call. Its rules
(docs: geodata/README.md, "Status and control as known on a date"):

* Known by: an event counts as of D only once it is certain to have happened,
  when its `date_end <= D`.
* Order: the latest known event sets the state, by `date_end`, then `date_start`,
  then the data's `sequence` (never the id).
* Bounds: a state began at the earliest on the `date_start` and at the latest on
  the `date_end` of the first report of its current run (consecutive reports of
  the same state are one run); only a one-day report gives an exact day.
* Age: every state carries its last report (the run's latest `date_end`) and its
  age in days; older than `stale_days` it reads `unconfirmed-<state>`.
* Confidence: the last report's confidence travels with the state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from borderwatch.data.vocab import NO_REPORT, UNCONFIRMED

STALE_DAYS = 30
"""Default age in days past which a state shows as unconfirmed (URL `stale`, CLI `--stale-days`)."""

STATUS_BY_TYPE: dict[str, str] = {
    "crossing_closed": "closed",
    "crossing_reopened": "open",
    "crossing_threatened": "threatened",
}
"""Which event type sets which crossing state."""

STATE_COLUMNS = [
    "state",
    "began_earliest",
    "began_latest",
    "last_report",
    "age_days",
    "stale",
    "confidence",
    "event_id",
    "summary",
]
"""What `picture_as_of` says about each crossing or place (besides its own columns).

`state` is the bare state ('closed', 'taliban') or '' before any report; `event_id`,
`summary` and `confidence` are the last report's.
"""
CROSSING_COLUMNS = [
    "crossing_id", "name", "neighbour_country", "status", *STATE_COLUMNS,
    "afghan_side", "afghan_control", "afghan_control_event_id",
    "latitude", "longitude",
]  # fmt: skip
"""`afghan_control` is the control (with its `unconfirmed-` prefix) of the Afghan post's place."""
CONTROL_COLUMNS = ["place", "kind", "admin1", "control", *STATE_COLUMNS, "latitude", "longitude"]

_ORDER = ["date_end", "date_start", "sequence"]


@dataclass(frozen=True)
class Picture:
    """Crossing status and control as known on `as_of`."""

    as_of: dt.date
    stale_days: int
    crossings: pd.DataFrame
    """One row per crossing of crossings.csv, in its order (CROSSING_COLUMNS)."""
    control: pd.DataFrame
    """One row per place with a control report or of kind district, by name (CONTROL_COLUMNS)."""


def picture_as_of(
    events: pd.DataFrame,
    crossings: pd.DataFrame,
    places: pd.DataFrame,
    as_of: dt.date,
    stale_days: int = STALE_DAYS,
) -> Picture:
    """Status of every crossing and control of every reported place as known on `as_of`."""
    cutoff = pd.Timestamp(as_of)
    # Only the events that can set a state, and only the columns compared: a million
    # events must not be copied whole, and their text is looked up for the few
    # reports that end up on the board (`_current` takes it by position).
    etype = events["event_type"]
    known = (events["date_end"] <= cutoff).to_numpy()
    is_control = known & (etype == "territorial_control").to_numpy()
    is_status = known & etype.isin(list(STATUS_BY_TYPE)).to_numpy()
    names = _name_column(events)
    sides = {
        str(c[side]): str(c["crossing_id"])
        for _, c in crossings.iterrows()
        for side in ("afghan_side", "neighbour_side")
    }
    is_status &= names.isin(list(sides)).to_numpy()

    pos = np.flatnonzero(is_control)
    held = _lean(events, pos, names.iloc[pos].astype(str), events["control"].iloc[pos])
    control = _control(events, held, places, cutoff, stale_days)
    pos = np.flatnonzero(is_status)
    at = _lean(
        events,
        pos,
        names.iloc[pos].astype(str).map(sides),
        etype.iloc[pos].astype(str).map(STATUS_BY_TYPE),
    )
    status = _crossings(events, at, crossings, places, control, cutoff, stale_days)
    return Picture(as_of, stale_days, status, control)


AFGHAN_SIDE = "AFG"
"""Every crossing of crossings.csv has an Afghan side (`afghan_side`) and a neighbour's."""


def in_countries(picture: Picture, places: pd.DataFrame, countries: Collection[str]) -> Picture:
    """`picture` with only what lies in `countries`, as the country filter picks events:
    the crossings with either side in one of them, the places (districts) in one of them.
    No country chosen: the whole picture."""
    if not countries:
        return picture
    wanted = set(countries)
    c = picture.crossings
    crossings = c if AFGHAN_SIDE in wanted else c[c["neighbour_country"].isin(wanted)]
    country_of = places.drop_duplicates("name").set_index("name")["country"]
    control = picture.control[picture.control["place"].map(country_of).isin(wanted)]
    return replace(
        picture,
        crossings=crossings.reset_index(drop=True),
        control=control.reset_index(drop=True),
    )


MAP_PROVINCE = "Faryab"
"""The province whose districts the map and the briefing screen show by control."""


def district_control(picture: Picture, province: str = MAP_PROVINCE) -> pd.DataFrame:
    """The control rows of `picture` for the districts of `province`."""
    c = picture.control
    return c[(c["kind"] == "district") & (c["admin1"] == province)].reset_index(drop=True)


def _name_column(events: pd.DataFrame) -> pd.Series:
    """Each event's curated place name (the loader's `canonical_name`), else `place`."""
    return events["canonical_name" if "canonical_name" in events.columns else "place"]


def _lean(events: pd.DataFrame, pos: np.ndarray, key: pd.Series, state: pd.Series) -> pd.DataFrame:
    """The columns `_current` orders by, for the events at positions `pos`."""
    sequence = events["sequence"].iloc[pos] if "sequence" in events.columns else 0
    return pd.DataFrame(
        {
            "key": key.to_numpy(),
            "state": state.astype(str).to_numpy(),
            "date_start": events["date_start"].iloc[pos].to_numpy(),
            "date_end": events["date_end"].iloc[pos].to_numpy(),
            "sequence": np.asarray(sequence),
            "pos": pos,
        }
    )


def _crossings(
    events: pd.DataFrame,
    at: pd.DataFrame,
    crossings: pd.DataFrame,
    places: pd.DataFrame,
    control: pd.DataFrame,
    cutoff: pd.Timestamp,
    stale_days: int,
) -> pd.DataFrame:
    states = _current(events, at, cutoff, stale_days)
    out = crossings[["crossing_id", "name", "neighbour_country", "afghan_side"]].copy()
    out = out.join(states, on="crossing_id")
    out["status"] = _status(out["state"], out["stale"])
    held = control.set_index("place")
    side = out["afghan_side"].astype(str)
    out["afghan_control"] = side.map(held["control"]).fillna(NO_REPORT)
    out["afghan_control_event_id"] = side.map(held["event_id"]).fillna("")
    coords = places.drop_duplicates("name").set_index("name")
    out["latitude"] = side.map(coords["latitude"])
    out["longitude"] = side.map(coords["longitude"])
    return _blank_unreported(out)[CROSSING_COLUMNS].reset_index(drop=True)


def _control(
    events: pd.DataFrame,
    held: pd.DataFrame,
    places: pd.DataFrame,
    cutoff: pd.Timestamp,
    stale_days: int,
) -> pd.DataFrame:
    states = _current(events, held, cutoff, stale_days)
    gaz = places.drop_duplicates("name").set_index("name")
    names = sorted(set(states.index) | set(gaz.index[gaz["kind"] == "district"]))
    out = pd.DataFrame({"place": names}).join(states, on="place")
    out["control"] = _status(out["state"], out["stale"])
    for col in ("kind", "admin1", "latitude", "longitude"):
        out[col] = out["place"].map(gaz[col])
    return _blank_unreported(out)[CONTROL_COLUMNS]


def _current(
    events: pd.DataFrame, ev: pd.DataFrame, cutoff: pd.Timestamp, stale_days: int
) -> pd.DataFrame:
    """Per `key` of `ev` (from `_lean`): the state of its latest known event, with the
    bounds of that state's run; the report's text is taken from `events` by position."""
    if ev.empty:
        return pd.DataFrame(columns=STATE_COLUMNS, index=pd.Index([], name="key"))
    ev = ev.sort_values(["key", *_ORDER], kind="stable").reset_index(drop=True)
    key, state = ev["key"].to_numpy(), ev["state"].to_numpy()
    new_run = np.ones(len(ev), dtype=bool)
    new_run[1:] = (key[1:] != key[:-1]) | (state[1:] != state[:-1])
    run = np.cumsum(new_run)
    last = ev.groupby("key", sort=False).tail(1)
    last_run = run[last.index.to_numpy()]
    firsts = ev[new_run & np.isin(run, last_run)].set_index("key")
    last = last.set_index("key")
    first = firsts.loc[last.index]
    age = (cutoff - last["date_end"]).dt.days
    rows = last["pos"].to_numpy()

    def text(column: str) -> np.ndarray:
        return events[column].iloc[rows].astype(str).to_numpy()

    return pd.DataFrame(
        {
            "state": last["state"],
            "began_earliest": first["date_start"],
            "began_latest": first["date_end"],
            "last_report": last["date_end"],
            "age_days": age,
            "stale": age > stale_days,
            "confidence": text("confidence"),
            "event_id": text("event_id"),
            "summary": text("summary"),
        },
        index=last.index,
    )


def _status(state: pd.Series, stale: pd.Series) -> pd.Series:
    reported = state.notna() & (state != "")
    prefix = np.where(stale.fillna(False).astype(bool), UNCONFIRMED, "")
    return pd.Series(np.where(reported, prefix + state.fillna("").astype(str), NO_REPORT),
                     index=state.index)  # fmt: skip


def _blank_unreported(out: pd.DataFrame) -> pd.DataFrame:
    """Rows without a report: empty text, no dates, age unknown (nullable integer)."""
    for col in ("state", "confidence", "event_id", "summary"):
        out[col] = out[col].fillna("").astype(str)
    out["stale"] = out["stale"].fillna(False).astype(bool)
    out["age_days"] = out["age_days"].astype("Int64")
    for col in ("began_earliest", "began_latest", "last_report"):
        out[col] = pd.to_datetime(out[col])
    return out


def _day(value: pd.Timestamp) -> str:
    return f"{value.day} {value:%b %Y}"


def began_words(row: pd.Series | object) -> str:
    """'since 16 Aug 2021' for an exact day, else 'began between 1 May and 13 Jul 2021'."""
    earliest, latest = _get(row, "began_earliest"), _get(row, "began_latest")
    if pd.isna(earliest):
        return ""
    if earliest == latest:
        return f"since {_day(earliest)}"
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        first = str(earliest.day)
    elif earliest.year == latest.year:
        first = f"{earliest.day} {earliest:%b}"
    else:
        first = _day(earliest)
    return f"began between {first} and {_day(latest)}"


CONFIDENCE_WORDS = {
    "claimed": "a party's claim",
    "inferred": "the editors' inference",
}
"""How the board and popups name a confidence that is weaker than a source's report."""


def reading(row: pd.Series | object, state_column: str = "status") -> str:
    """A state in words: 'closed — began between 1 May and 13 Jul 2021; last report 13 Jul
    2021 (79 days old, unconfirmed); a party's claim'. Before any report: 'no report yet'."""
    status = str(_get(row, state_column))
    if status == NO_REPORT:
        return "no report yet"
    parts = [f"{_get(row, 'state')} — {began_words(row)}"]
    last, age = _get(row, "last_report"), int(_get(row, "age_days"))
    days = "day" if age == 1 else "days"
    note = f"{age} {days} old" + (", unconfirmed" if bool(_get(row, "stale")) else "")
    parts.append(f"last report {_day(last)} ({note})")
    confidence = str(_get(row, "confidence"))
    if confidence in CONFIDENCE_WORDS:
        parts.append(CONFIDENCE_WORDS[confidence])
    return "; ".join(parts)


def _get(row: pd.Series | object, name: str):
    return row[name] if isinstance(row, pd.Series) else getattr(row, name)
