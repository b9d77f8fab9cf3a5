"""Rows in the project's tidy event schema, and checking them against a data folder.

Converters build records with `tidy_frame`; `check_events` runs the one event
validator (`borderwatch.data.schema.validate_events`) with the data folder's sources
and gazetteer, so an import is judged exactly as `events.csv` itself is.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from borderwatch.data.eventtable import ALL_COLUMNS
from borderwatch.data.gazetteer import Gazetteer
from borderwatch.data.loader import load_places, load_sources, resolve_data_dir
from borderwatch.data.problems import DataError, Problem
from borderwatch.data.schema import validate_events
from borderwatch.data.tables import LINE


def tidy_frame(records: Iterable[Mapping[str, str]], lines: Iterable[int]) -> pd.DataFrame:
    """A frame of strings with every tidy column (missing ones blank) and `__line__`."""
    rows = [{c: str(r.get(c, "") or "") for c in ALL_COLUMNS} for r in records]
    df = pd.DataFrame(rows, columns=list(ALL_COLUMNS), dtype=str)
    df[LINE] = list(lines)
    return df


@dataclass(frozen=True)
class Context:
    """What rows are checked against: the known source ids and the gazetteer."""

    source_ids: frozenset[str]
    gazetteer: Gazetteer | None


def context_for(data_dir: Path | str | None, extra_sources: Collection[str] = ()) -> Context:
    """The sources and gazetteer of a data folder (plus source ids about to be added)."""
    d = resolve_data_dir(data_dir)
    sources = load_sources(d)
    places = load_places(d)
    return Context(frozenset(sources["source_id"]) | frozenset(extra_sources), Gazetteer(places))


def check_events(df: pd.DataFrame, file: str, context: Context) -> list[Problem]:
    """Every problem in tidy rows (strings + `__line__`), as the loader would report it."""
    frame = df.copy()
    for c in ALL_COLUMNS:
        if c not in frame.columns:
            frame[c] = ""
    frame[list(ALL_COLUMNS)] = frame[list(ALL_COLUMNS)].fillna("").astype(str)
    return validate_events(frame, file, context.source_ids, context.gazetteer)


def require_columns(df: pd.DataFrame, required: Iterable[str], name: str, layout: str) -> None:
    """DataError naming every required column of `layout` missing from `df` (all at once)."""
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise DataError(
            [Problem(name, 1, c, f"required {layout} column is missing") for c in missing]
        )
