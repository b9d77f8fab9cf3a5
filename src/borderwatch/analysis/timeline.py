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

from borderwatch.data.vocab import type_label

WEEK_MAX_DAYS = 366
"""Longest window drawn in weeks."""
MONTH_MAX_DAYS = 5 * 366
"""Longest window drawn in months; longer ones are drawn in years."""
_FREQ = {"week": "W-MON", "month": "MS", "year": "YS"}


@dataclass(frozen=True)
class Timeline:
    """Events per bin (rows, oldest first) and type label (columns).

    Each event is spread evenly over the days of its span, so an event known only
    as "between May and 13 July" adds a share to every bin of that span instead of
    a false spike in its first one; a one-day event counts whole in its bin.
    """

    counts: pd.DataFrame
    unit: str
    """"week", "month" or "year"."""
    spread: int
    """Events whose span covers more than one bin (drawn as shares across them)."""
    outside: float
    """The share of the events' spans that lies outside the window (not drawn)."""


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
    """Events per bin and type between `start` and `end`, each spread over its span.

    The window defaults to the events' first `date_start` and last `date_end`. An
    event weighs 1 spread evenly over the days from its `date_start` to its
    `date_end`; the share inside the window is drawn. Empty bins in between are
    kept as zeros so the time axis has no gaps. Columns are type labels in the
    order of the event_type categories.
    """
    if events.empty:
        empty = pd.DataFrame(index=pd.DatetimeIndex([], name="week"))
        return Timeline(empty, "week", 0, 0.0)
    starts = pd.to_datetime(events["date_start"]).to_numpy("datetime64[D]")
    ends = pd.to_datetime(events["date_end"]).to_numpy("datetime64[D]")
    lo = np.datetime64(pd.Timestamp(start).date() if start else starts.min(), "D")
    hi = max(np.datetime64(pd.Timestamp(end).date() if end else ends.max(), "D"), lo)
    unit = unit_for(pd.Timestamp(lo).date(), pd.Timestamp(hi).date())
    labels = _labels(events["event_type"])
    types = pd.Index(pd.unique(labels))
    if isinstance(events["event_type"].dtype, pd.CategoricalDtype):
        order = [type_label(t) for t in events["event_type"].cat.categories]
        types = pd.Index([t for t in order if t in set(types)])
    code = types.get_indexer(labels)
    # Daily density per type from a difference array: +w where the in-window part of
    # a span begins, -w the day after it ends; w = 1 / the whole span's length.
    days = int((hi - lo) / np.timedelta64(1, "D")) + 1
    # a store's `span_counts` gives one row per span and type, with its events in `n`
    count = events["n"].to_numpy(dtype=float) if "n" in events else np.ones(len(events))
    weight = count / ((ends - starts).astype(int) + 1)
    first = np.clip((starts - lo).astype(int), 0, days)
    last = np.clip((ends - lo).astype(int) + 1, 0, days)
    inside = last > first
    diff = np.zeros((len(types), days + 1))
    np.add.at(diff, (code[inside], first[inside]), weight[inside])
    np.add.at(diff, (code[inside], last[inside]), -weight[inside])
    daily = np.cumsum(diff[:, :days], axis=1)
    day_index = pd.date_range(pd.Timestamp(lo), periods=days, freq="D")
    bins = bin_start(pd.Series(day_index), unit)
    table = pd.DataFrame(daily.T, index=bins.to_numpy(), columns=types).groupby(level=0).sum()
    table.index = pd.DatetimeIndex(table.index, name=unit)
    full = pd.date_range(table.index.min(), table.index.max(), freq=_FREQ[unit], name=unit)
    table = table.reindex(full, fill_value=0.0).clip(lower=0.0).round(9)  # cumsum's float dust
    table.columns.name = None
    spans = (bin_start(pd.Series(starts), unit) != bin_start(pd.Series(ends), unit)).to_numpy()
    spread = int(count[spans].sum())
    drawn = float(np.clip(last - first, 0, None) @ weight) if len(weight) else 0.0
    return Timeline(table, unit, spread, round(float(count.sum()) - drawn, 6))


def timeline_caption(tl: Timeline) -> str:
    """What the chart shows, and how it draws dates known only to a span."""
    note = f"Events per {tl.unit} by type, each spread evenly over the days it may have happened."
    if tl.spread:
        many = "event is" if tl.spread == 1 else "events are"
        note += (
            f" {tl.spread} {many} known only to a span longer than a {tl.unit} (e.g. 'since May, "
            f"by 13 July'): each adds a share to every {tl.unit} of its span instead of a spike "
            "in its first, so bars can hold fractions."
        )
    if tl.outside >= 0.05:
        note += f" {tl.outside:.1f} events' worth falls outside the dates shown."
    return note


def _labels(event_type: pd.Series) -> pd.Series:
    """Each event's type label; a categorical column is labelled once per category.

    Converting a million categorical types to strings first took half a second.
    """
    if isinstance(event_type.dtype, pd.CategoricalDtype) and not event_type.isna().any():
        labels = np.asarray(event_type.map(type_label))
        return pd.Series(labels, index=event_type.index, dtype=str)
    return event_type.astype(str).map(type_label)
