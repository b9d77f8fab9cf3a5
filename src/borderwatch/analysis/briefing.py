"""Frames for briefing mode: the crossing status board and the latest events."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from borderwatch.map.eventlayer import type_label

BOARD_COLUMNS = ["Crossing", "Status", "Since", "Last event"]
LATEST_COLUMNS = ["Date", "Type", "Place", "Summary"]


def _day(value: object) -> str:
    return "" if pd.isna(value) else f"{pd.Timestamp(value):%Y-%m-%d}"


def status_board(status: pd.DataFrame) -> pd.DataFrame:
    """One row per crossing (a frame from `crossing_status`), most alarming first.

    Closed, then threatened, then open, then unknown; within a status by name.
    `Last event` is '<date> <summary>' of the latest event at the crossing.
    """
    order = {"closed": 0, "threatened": 1, "open": 2, "unknown": 3}
    s = status.assign(_rank=status["status"].map(order).fillna(9))
    s = s.sort_values(["_rank", "name"], kind="stable")
    last = [
        "" if pd.isna(d) else f"{_day(d)} {summary}"
        for d, summary in zip(s["last_event_date"], s["last_summary"], strict=True)
    ]
    return pd.DataFrame(
        {
            "Crossing": s["name"].astype(str).tolist(),
            "Status": s["status"].str.upper().tolist(),
            "Since": [_day(v) for v in s["since"]],
            "Last event": last,
        },
        columns=BOARD_COLUMNS,
    )


def latest_events(events: pd.DataFrame, n: int = 8) -> pd.DataFrame:
    """The `n` most recent events (by date_start, then event_id), newest first."""
    ev = events.sort_values(["date_start", "event_id"], ascending=False).head(n)
    return pd.DataFrame(
        {
            "Date": [_day(v) for v in ev["date_start"]],
            "Type": [type_label(t) for t in ev["event_type"].astype(str)],
            "Place": ev["place"].astype(str).tolist(),
            "Summary": ev["summary"].astype(str).tolist(),
        },
        columns=LATEST_COLUMNS,
    )


def playback_ends(start: dt.date, end: dt.date, step_days: int = 7) -> list[dt.date]:
    """End dates a playback steps through: start + step, + 2 steps, …, always ending at `end`."""
    if end <= start:
        return [end]
    days = list(range(step_days, (end - start).days, step_days))
    return [start + dt.timedelta(days=d) for d in days] + [end]
