"""Event counts over time by type, for the timeline chart under the map.

The bin follows the window shown: weeks up to a year, months up to five years,
years beyond. Without it, one 1996 event among the 2021 ones squeezed 2021 into a
sliver at the right of a 25-year weekly axis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from borderwatch.map.eventlayer import type_label

WEEK_MAX_DAYS = 366
"""Longest window drawn in weeks."""
MONTH_MAX_DAYS = 5 * 366
"""Longest window drawn in months; longer ones are drawn in years."""
_FREQ = {"week": "W-MON", "month": "MS", "year": "YS"}


@dataclass(frozen=True)
class Timeline:
    """Counts per bin (rows, oldest first) and type label (columns)."""

    counts: pd.DataFrame
    unit: str
    """"week", "month" or "year"."""
    began_before: int
    """Events that began before the window: counted in its first bin."""


def week_start(dates: pd.Series) -> pd.Series:
    """The Monday of each date's ISO week (as a Timestamp at midnight)."""
    d = pd.to_datetime(dates).dt.normalize()
    return d - pd.to_timedelta(d.dt.day_of_week, unit="D")


def bin_start(dates: pd.Series, unit: str) -> pd.Series:
    """The first day of each date's week (Monday), month or year."""
    if unit == "week":
        return week_start(dates)
    d = pd.to_datetime(dates).dt.normalize()
    days_in = d.dt.day if unit == "month" else d.dt.day_of_year
    return d - pd.to_timedelta(days_in - 1, unit="D")


def unit_for(start: dt.date, end: dt.date) -> str:
    """The bin for a window from `start` to `end`."""
    days = (end - start).days
    if days <= WEEK_MAX_DAYS:
        return "week"
    return "month" if days <= MONTH_MAX_DAYS else "year"


def timeline(
    events: pd.DataFrame, start: dt.date | None = None, end: dt.date | None = None
) -> Timeline:
    """Events per bin (by date_start) and type between `start` and `end`.

    The window defaults to the events' first and last start dates. Events that
    began before it (they overlap it, or they would not be shown) are counted in
    its first bin; empty bins in between are kept as zeros so the time axis has
    no gaps. Columns are type labels in the order of the event_type categories.
    """
    if events.empty:
        empty = pd.DataFrame(index=pd.DatetimeIndex([], name="week"))
        return Timeline(empty, "week", 0)
    starts = pd.to_datetime(events["date_start"])
    lo = pd.Timestamp(start) if start else starts.min()
    hi = pd.Timestamp(end) if end else starts.max()
    hi = max(hi, lo)
    unit = unit_for(lo.date(), hi.date())
    clipped = starts.clip(lower=lo)
    bins = bin_start(clipped, unit).rename(unit)
    table = pd.crosstab(bins, _labels(events["event_type"]).rename("type"))
    first = bin_start(pd.Series([lo]), unit).iloc[0]
    last = max(bin_start(pd.Series([hi]), unit).iloc[0], table.index.max())
    full = pd.date_range(first, last, freq=_FREQ[unit], name=unit)
    table = table.reindex(full, fill_value=0)
    table.columns.name = None
    return Timeline(table.astype(int), unit, int((starts < lo).sum()))


def _labels(event_type: pd.Series) -> pd.Series:
    """Each event's type label; a categorical column is labelled once per category.

    Converting a million categorical types to strings first took half a second.
    """
    if isinstance(event_type.dtype, pd.CategoricalDtype) and not event_type.isna().any():
        labels = np.asarray(event_type.map(type_label))
        return pd.Series(labels, index=event_type.index, dtype=str)
    return event_type.astype(str).map(type_label)
