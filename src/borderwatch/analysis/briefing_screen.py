"""Frames for the briefing screen: the crossing status board and the latest events."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from borderwatch.analysis.asof import (
    CONFIDENCE_WORDS,
    MAP_PROVINCE,
    Picture,
    began_words,
    district_control,
)
from borderwatch.data.vocab import NO_REPORT, type_label

BOARD_COLUMNS = ["Crossing", "Status", "Began", "Last report", "Afghan side"]
LATEST_COLUMNS = ["Date", "Type", "Place", "Summary"]
_RANK = {"closed": 0, "threatened": 1, "open": 2}


def _day(value: object) -> str:
    return "" if pd.isna(value) else f"{pd.Timestamp(value):%Y-%m-%d}"


def status_board(picture: Picture) -> pd.DataFrame:
    """One row per crossing of `picture`, most alarming first.

    Closed, then threatened, then open (a current state before an unconfirmed one),
    then those with no report; within that by name. `Began` gives the bounds in
    words, `Last report` its date, age and (when weaker than a report) confidence,
    `Afghan side` who holds the Afghan post and since when.
    """
    s = picture.crossings
    rank = s["state"].map(_RANK).fillna(len(_RANK)) * 2 + s["stale"].astype(int)
    s = s.assign(_rank=rank).sort_values(["_rank", "name"], kind="stable")
    held = picture.control.set_index("place")
    return pd.DataFrame(
        {
            "Crossing": s["name"].astype(str).tolist(),
            "Status": s["status"].str.upper().tolist(),
            "Began": [began_words(r) for _, r in s.iterrows()],
            "Last report": [_last_report(r) for _, r in s.iterrows()],
            "Afghan side": [_held(str(side), held) for side in s["afghan_side"]],
        },
        columns=BOARD_COLUMNS,
    )


def wall_board(picture: Picture) -> pd.DataFrame:
    """`status_board` in the few words that fit beside the map in type read from across
    a room: the last report without its event id, and who holds each Afghan post with
    how that is known but not since when (the analyst's desk has both)."""
    board = status_board(picture)
    s = picture.crossings.set_index("name")
    held = picture.control.set_index("place")
    board["Last report"] = [_last_report(s.loc[n], with_id=False) for n in board["Crossing"]]
    board["Afghan side"] = [
        _held(str(s.at[n, "afghan_side"]), held, brief=True) for n in board["Crossing"]
    ]
    return board


def control_summary(picture: Picture, province: str = MAP_PROVINCE) -> str:
    """One line on who holds the districts of `province`, with how it is known.

    'Faryab districts as known on 13 Jul 2021: 13 taliban, 1 government (the editors'
    inference for 14 of 14; last report 13 Jul 2021).'
    """
    c = district_control(picture, province)
    if c.empty:
        return ""
    counts = c["control"].value_counts()
    parts = ", ".join(f"{n} {state}" for state, n in counts.items())
    notes = []
    for confidence, words in CONFIDENCE_WORDS.items():
        n = int((c["confidence"] == confidence).sum())
        if n:
            notes.append(f"{words} for {n} of {len(c)}")
    last = c["last_report"].max()
    if not pd.isna(last):
        notes.append(f"last report {last:%d %b %Y}")
    note = f" ({'; '.join(notes)})" if notes else ""
    return f"{province} districts as known on {picture.as_of:%d %b %Y}: {parts}{note}."


def _last_report(r: pd.Series, with_id: bool = True) -> str:
    if pd.isna(r["last_report"]):
        return "no report yet"
    age = int(r["age_days"])
    text = f"{r['last_report']:%d %b %Y} ({age} day{'' if age == 1 else 's'} old)"
    if r["confidence"] in CONFIDENCE_WORDS:
        text += f", {CONFIDENCE_WORDS[r['confidence']]}"
    return f"{text} · {r['event_id']}" if with_id else text


def _held(side: str, held: pd.DataFrame, brief: bool = False) -> str:
    if side not in held.index or held.at[side, "control"] == NO_REPORT:
        return f"{side}: no report yet"
    r = held.loc[side]
    text = f"{side}: {r['control']}" + ("" if brief else f", {began_words(r)}")
    if r["confidence"] in CONFIDENCE_WORDS:
        text += f" ({CONFIDENCE_WORDS[r['confidence']]})"
    return text if brief else f"{text} · {r['event_id']}"


def latest_events(events: pd.DataFrame, n: int = 8, as_of: dt.date | None = None) -> pd.DataFrame:
    """The `n` most recently reported events known by `as_of` (all when None), newest first.

    Known and newest by `date_end` (when each was certainly over), then `date_start`,
    then `sequence`; `Date` is the day, or the whole span when the day is not known
    ("2021-05-01 … 2021-07-13"), never a span's first day alone.
    """
    if as_of is not None:
        events = events[events["date_end"] <= pd.Timestamp(as_of)]
    order = [c for c in ("date_end", "date_start", "sequence", "event_id") if c in events.columns]
    ev = events.sort_values(order, ascending=False).head(n)
    return pd.DataFrame(
        {
            "Date": [_span(a, b) for a, b in zip(ev["date_start"], ev["date_end"], strict=True)],
            "Type": [type_label(t) for t in ev["event_type"].astype(str)],
            "Place": ev["place"].astype(str).tolist(),
            "Summary": ev["summary"].astype(str).tolist(),
        },
        columns=LATEST_COLUMNS,
    )


def _span(start: object, end: object) -> str:
    first, last = _day(start), _day(end)
    return first if first == last else f"{first} … {last}"


PLAYBACK_MONTHS = 12
"""A playback covers the data's last this many calendar months, from the first holding events."""


def playback_start(events: pd.DataFrame, months: int = PLAYBACK_MONTHS) -> dt.date:
    """The first day of the earliest of the data's last `months` months in which an event begins.

    The last month is that of the latest `date_start`; a 1996 context event does not
    drag a playback back to 1996.
    """
    starts = events["date_start"].dropna()
    index = (starts.dt.year * 12 + starts.dt.month - 1).to_numpy()
    first = int(index[index > index.max() - months].min())
    return dt.date(first // 12, first % 12 + 1, 1)


def playback_ends(start: dt.date, end: dt.date, step_days: int = 7) -> list[dt.date]:
    """Dates a playback steps through: start, start + step, …, always ending at `end`."""
    if end <= start:
        return [end]
    days = list(range(0, (end - start).days, step_days))
    return [start + dt.timedelta(days=d) for d in days] + [end]
