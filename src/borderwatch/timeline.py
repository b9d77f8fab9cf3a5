"""Weekly event counts by type, for the timeline chart under the map."""

from __future__ import annotations

import numpy as np
import pandas as pd

from borderwatch.eventlayer import type_label


def week_start(dates: pd.Series) -> pd.Series:
    """The Monday of each date's ISO week (as a Timestamp at midnight)."""
    d = pd.to_datetime(dates).dt.normalize()
    return d - pd.to_timedelta(d.dt.day_of_week, unit="D")


def weekly_counts(events: pd.DataFrame) -> pd.DataFrame:
    """Events per week (by date_start) and type: one row per week, one column per type.

    Weeks between the first and the last event with no events are kept as zeros,
    so the chart's time axis has no gaps; columns are the type labels, in the
    order of first appearance in `events`' categories. Empty input gives an
    empty frame with a `week` index.
    """
    if events.empty:
        return pd.DataFrame(index=pd.DatetimeIndex([], name="week"))
    weeks = week_start(events["date_start"])
    types = _labels(events["event_type"])
    table = pd.crosstab(weeks.rename("week"), types.rename("type"))
    full = pd.date_range(table.index.min(), table.index.max(), freq="W-MON", name="week")
    table = table.reindex(full, fill_value=0)
    table.columns.name = None
    return table.astype(int)


def _labels(event_type: pd.Series) -> pd.Series:
    """Each event's type label; a categorical column is labelled once per category.

    Converting a million categorical types to strings first took half a second.
    """
    if isinstance(event_type.dtype, pd.CategoricalDtype) and not event_type.isna().any():
        labels = np.asarray(event_type.map(type_label))
        return pd.Series(labels, index=event_type.index, dtype=str)
    return event_type.astype(str).map(type_label)
