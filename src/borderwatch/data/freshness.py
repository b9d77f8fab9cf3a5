"""Which version of the data a screen shows, when the data last changed, and how to say so.

An unattended screen checks the version every `refresh_seconds()` and redraws only when
it moved; the line it shows says when the data last changed and when it was last checked,
in UTC, so a screen whose checks have stopped or failed cannot pass for a current one.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path

from borderwatch.data import snapshot
from borderwatch.data.loader import resolve_data_dir

REFRESH_ENV = "BORDERWATCH_REFRESH_SECONDS"
DEFAULT_REFRESH_SECONDS = 60.0


@dataclass(frozen=True)
class DataStamp:
    """A version of the data (equal while nothing changed) and when it last changed (UTC)."""

    version: Hashable
    changed_at: dt.datetime | None


def folder_stamp(data_dir: Path | str | None = None) -> DataStamp:
    """The stamp of a data folder: its files' names, sizes and times; the newest time."""
    files = snapshot.folder_stamp(resolve_data_dir(data_dir).resolve())
    newest = max((ns for _, ns, _ in files), default=None)
    changed = None if newest is None else dt.datetime.fromtimestamp(newest / 1e9, dt.UTC)
    return DataStamp(files, changed)


def refresh_seconds(environ: Mapping[str, str] = os.environ) -> float:
    """Seconds between checks: `$BORDERWATCH_REFRESH_SECONDS` (at least 1), else 60.

    Raises ValueError naming the variable when it is set to something else than a number.
    """
    raw = environ.get(REFRESH_ENV, "").strip()
    if not raw:
        return DEFAULT_REFRESH_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = float("nan")
    if seconds != seconds or seconds in (float("inf"), float("-inf")):
        raise ValueError(f"{REFRESH_ENV}={raw!r} is not a number of seconds")
    return max(seconds, 1.0)


def _utc(t: dt.datetime) -> str:
    return f"{t.astimezone(dt.UTC):%d %b %Y %H:%M} UTC"


def freshness_line(stamp: DataStamp, checked_at: dt.datetime, every: float) -> str:
    """'Data last changed … · checked … (every N s)', times in UTC."""
    changed = _utc(stamp.changed_at) if stamp.changed_at else "never (no changes recorded)"
    return (
        f"Data last changed {changed} · checked for changes {_utc(checked_at)} (every {every:g} s)"
    )


def check_failed_line(checked_at: dt.datetime, reason: str) -> str:
    """What the screen says when it could not check the data: the board may be out of date."""
    return (
        f"Could not check the data at {_utc(checked_at)}: {reason}. "
        "The screen may be out of date; it tries again."
    )
