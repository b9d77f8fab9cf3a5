"""Status of each border crossing as of a date, derived from the crossing events."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

STATUS_BY_TYPE: dict[str, str] = {
    "crossing_closed": "closed",
    "crossing_reopened": "open",
    "crossing_threatened": "threatened",
}
"""Which event type sets which crossing status."""

STATUS_COLUMNS = [
    "crossing_id",
    "name",
    "neighbour_country",
    "status",
    "since",
    "last_event_id",
    "last_event_date",
    "last_event_type",
    "last_summary",
    "latitude",
    "longitude",
]


def events_at_crossing(events: pd.DataFrame, crossing: pd.Series) -> pd.DataFrame:
    """Events whose place (under any spelling the gazetteer knows) is either side."""
    sides = {crossing["afghan_side"], crossing["neighbour_side"]}
    # isin on the column itself: turning a million categorical names into strings
    # first cost a tenth of a second per crossing.
    return events[events[_name_column(events)].isin(sides)]


def _name_column(events: pd.DataFrame) -> str:
    return "gazetteer_name" if "gazetteer_name" in events.columns else "place"


def place_names(events: pd.DataFrame) -> pd.Series:
    """Each event's curated place name (the loader's `gazetteer_name`), else `place`."""
    return events[_name_column(events)].astype(str)


def crossing_status(
    events: pd.DataFrame,
    crossings: pd.DataFrame,
    places: pd.DataFrame,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    """One row per crossing: status (open/closed/threatened/unknown) as of `as_of`.

    An event counts once its span has begun (date_start <= as_of); the latest
    status-setting event wins, ties broken by date_end then event_id. `since` is
    that event's date_start. A crossing with no such event is 'unknown'. The
    last event of any type at the crossing is reported too. Coordinates are the
    Afghan side's.
    """
    cutoff = pd.Timestamp(as_of) if as_of else None
    coords = places.set_index("name")[["latitude", "longitude"]]
    rows = []
    # Only events at some crossing matter: cut a large table down once, not per crossing.
    # Only the columns compared here, so that no geometry or text is copied along
    # (a million events: 290 MB); the summary is looked up for the reported events only.
    name = _name_column(events)
    sides = set(crossings["afghan_side"]) | set(crossings["neighbour_side"])
    keep = events[name].isin(sides)
    if cutoff is not None:
        keep &= events["date_start"] <= cutoff
    summaries = events["summary"]
    used = [name, "date_start", "date_end", "event_id", "event_type"]
    events = pd.DataFrame({c: events[c][keep] for c in used})
    events["_row"] = np.flatnonzero(keep.to_numpy())
    for _, c in crossings.iterrows():
        ev = events_at_crossing(events, c)
        setting = ev[ev["event_type"].isin(list(STATUS_BY_TYPE))]
        last_set = _latest(setting)
        if last_set is not None:
            status, since = STATUS_BY_TYPE[str(last_set["event_type"])], last_set["date_start"]
        else:
            status, since = "unknown", pd.NaT
        last = _latest(ev)
        lat, lon = (
            coords.loc[c["afghan_side"]] if c["afghan_side"] in coords.index else (None, None)
        )
        rows.append(
            {
                "crossing_id": c["crossing_id"],
                "name": c["name"],
                "neighbour_country": c["neighbour_country"],
                "status": status,
                "since": since,
                "last_event_id": None if last is None else last["event_id"],
                "last_event_date": pd.NaT if last is None else last["date_start"],
                "last_event_type": None if last is None else str(last["event_type"]),
                "last_summary": None if last is None else summaries.iloc[last["_row"]],
                "latitude": lat,
                "longitude": lon,
            }
        )
    return pd.DataFrame(rows, columns=STATUS_COLUMNS)


def _latest(events: pd.DataFrame) -> pd.Series | None:
    """The event that sorts last by (date_start, date_end, event_id), or None if there is none.

    Narrowing to the latest start, then the latest end, is linear; sorting every
    event at a busy crossing by three keys took a tenth of a second at 1M events.
    """
    if events.empty:
        return None
    if events["date_start"].isna().any() or events["date_end"].isna().any():
        # Missing dates sort last: keep the full sort's exact order for them.
        return events.sort_values(["date_start", "date_end", "event_id"]).iloc[-1]
    latest = events[events["date_start"] == events["date_start"].max()]
    latest = latest[latest["date_end"] == latest["date_end"].max()]
    return latest.sort_values("event_id").iloc[-1]
