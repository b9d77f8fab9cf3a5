"""Load a data folder: validate every file, geocode blank coordinates, type the columns.

The caller gets either valid frames or a DataError carrying every problem found;
no row is ever dropped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow

from borderwatch.data import vocab
from borderwatch.data.eventtable import event_table
from borderwatch.data.filecheck import LIMITS
from borderwatch.data.gazetteer import Gazetteer
from borderwatch.data.outlines import OUTLINES_FILE, load_outlines
from borderwatch.data.parsing import parse_dates, parse_numbers
from borderwatch.data.problems import DataError, Problem, show
from borderwatch.data.schema import validate_events
from borderwatch.data.tables import LINE, read_table

ENV_VAR = "BORDERWATCH_DATA"
SMALL = replace(LIMITS, max_rows=100_000)
"""Limits of the gazetteer, sources and crossings (checked row by row, and never that long)."""
EVENT_FILES = ("events.parquet", "events.csv")
"""Event table file names, in order of preference."""

CATEGORICAL = (
    "date_precision",
    "event_type",
    "country",
    "counterpart_country",
    "geo_precision",
    "control",
    "confidence",
    "source_id",
    "place",
)


def default_data_dir() -> Path:
    """`$BORDERWATCH_DATA` if set, else the repository's `geodata/`.

    When the package was installed as a copy rather than from the checkout, the
    repository is not beside it: `geodata/` in the working directory is used then.
    """
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else bundled_data_dir()


def bundled_data_dir() -> Path:
    """The repository's `geodata/` (the briefings' data and the outlines layer)."""
    beside_package = Path(__file__).resolve().parents[3] / "geodata"
    return beside_package if beside_package.is_dir() else Path.cwd() / "geodata"


def resolve_data_dir(data_dir: Path | str | None) -> Path:
    """The given folder, or the default one; a missing folder is a clear DataError."""
    path = Path(data_dir) if data_dir is not None else default_data_dir()
    if not path.is_dir():
        named_by = (
            "given" if data_dir is not None else "env" if os.environ.get(ENV_VAR) else "bundled"
        )
        raise DataError([Problem(str(path), None, None, _no_folder(path, named_by))])
    return path


_HOLDS = "the folder that holds events.csv, sources.csv and places.csv"


def _no_folder(path: Path, named_by: str) -> str:
    """What is wrong with a data folder that is not there, and what to do about it."""
    if path.exists():
        return f"{path} is a file, not a data folder; give {_HOLDS}"
    if named_by == "env":
        return (
            f"there is no data folder at {path}, which {ENV_VAR} names; set {ENV_VAR} "
            f"to {_HOLDS}, or unset it to use the bundled data"
        )
    if named_by == "bundled":
        return (
            f"the bundled data folder {path} is missing; run BorderWatch from its "
            f"repository checkout (which holds geodata/), or set {ENV_VAR} to {_HOLDS}"
        )
    return f"there is no data folder at {path}; check the path, or give {_HOLDS}"


def events_path(data_dir: Path) -> Path:
    """The event table in `data_dir` (events.parquet preferred over events.csv)."""
    for name in EVENT_FILES:
        if os.path.lexists(data_dir / name):  # a broken link is reported, not skipped
            return data_dir / name
    raise DataError(
        [Problem(str(data_dir), None, None, f"no event table ({' or '.join(EVENT_FILES)})")]
    )


def _required_file(data_dir: Path, name: str) -> Path:
    path = data_dir / name
    if not os.path.lexists(path):
        raise DataError([Problem(name, None, None, f"file is missing from {data_dir}")])
    return path


def load_sources(data_dir: Path | str | None = None) -> pd.DataFrame:
    """`sources.csv`, validated: unique non-blank ids, a title each."""
    d = resolve_data_dir(data_dir)
    df = read_table(_required_file(d, "sources.csv"), vocab.SOURCE_COLUMNS, root=d, limits=SMALL)
    problems = [
        Problem("sources.csv", int(r[LINE]), "source_id", "is required but blank")
        for _, r in df[df["source_id"] == ""].iterrows()
    ]
    problems += [
        Problem("sources.csv", int(r[LINE]), "source_id", f"duplicate id {show(r['source_id'])}")
        for _, r in df[df["source_id"].duplicated() & (df["source_id"] != "")].iterrows()
    ]
    problems += [
        Problem("sources.csv", int(r[LINE]), "title", "is required but blank")
        for _, r in df[df["title"] == ""].iterrows()
    ]
    if problems:
        raise DataError(problems)
    return df.drop(columns=LINE).reset_index(drop=True)


def load_places(data_dir: Path | str | None = None) -> pd.DataFrame:
    """`places.csv` (the curated gazetteer), validated, coordinates as floats."""
    d = resolve_data_dir(data_dir)
    df = read_table(_required_file(d, "places.csv"), vocab.PLACE_COLUMNS, root=d, limits=SMALL)
    problems: list[Problem] = []
    iso3 = vocab.iso3_codes()
    for _, r in df.iterrows():
        line = int(r[LINE])
        if not r["name"].strip():
            problems.append(Problem("places.csv", line, "name", "is required but blank"))
        if r["kind"] not in vocab.PLACE_KINDS:
            problems.append(
                Problem(
                    "places.csv",
                    line,
                    "kind",
                    f"{show(r['kind'])} must be one of: {', '.join(vocab.PLACE_KINDS)}",
                )
            )
        if r["country"] not in iso3:
            problems.append(
                Problem(
                    "places.csv",
                    line,
                    "country",
                    f"{show(r['country'])} is not an ISO 3166-1 alpha-3 code",
                )
            )
        for field, lo, hi in (("latitude", -90, 90), ("longitude", -180, 180)):
            value = pd.to_numeric(r[field], errors="coerce")
            if pd.isna(value) or not lo <= value <= hi:
                problems.append(
                    Problem(
                        "places.csv",
                        line,
                        field,
                        f"{show(r[field])} must be a number from {lo} to {hi}",
                    )
                )
    problems += [
        Problem("places.csv", int(r[LINE]), "name", f"duplicate place name {show(r['name'])}")
        for _, r in df[df["name"].duplicated() & (df["name"] != "")].iterrows()
    ]
    if problems:
        raise DataError(problems)
    df = df.drop(columns=LINE).reset_index(drop=True)
    df["latitude"] = df["latitude"].astype(float)
    df["longitude"] = df["longitude"].astype(float)
    return df


def load_crossings(data_dir: Path | str | None, places: pd.DataFrame) -> pd.DataFrame:
    """`crossings.csv`: each crossing as a pair of places (empty frame if there is none)."""
    d = resolve_data_dir(data_dir)
    path = d / "crossings.csv"
    if not os.path.lexists(path):
        return pd.DataFrame(columns=list(vocab.CROSSING_COLUMNS))
    df = read_table(path, vocab.CROSSING_COLUMNS, root=d, limits=SMALL)
    known = set(places["name"])
    problems = [
        Problem(
            "crossings.csv", int(r[LINE]), side, f"{show(r[side])} is not a place in places.csv"
        )
        for _, r in df.iterrows()
        for side in ("afghan_side", "neighbour_side")
        if r[side] not in known
    ]
    problems += [
        Problem(
            "crossings.csv", int(r[LINE]), "crossing_id", f"duplicate id {show(r['crossing_id'])}"
        )
        for _, r in df[df["crossing_id"].duplicated()].iterrows()
    ]
    if problems:
        raise DataError(problems)
    return df.drop(columns=LINE).reset_index(drop=True)


def validate_data_dir(data_dir: Path | str | None = None) -> list[Problem]:
    """Every problem in a data folder (empty list when it is valid)."""
    try:
        load_dataset(data_dir)
    except DataError as e:
        return e.problems
    return []


@dataclass(frozen=True)
class Dataset:
    """Everything in one data folder, validated and typed."""

    events: gpd.GeoDataFrame
    places: pd.DataFrame
    crossings: pd.DataFrame
    sources: pd.DataFrame
    gazetteer: Gazetteer
    data_dir: Path

    def record(self, event_id: str) -> pd.Series | None:
        """The event's row as `events.csv` writes it (see `event_table`); None if unknown."""
        rows = self.events[self.events["event_id"].astype(str) == event_id]
        return None if rows.empty else event_table(rows).iloc[0]

    def source(self, source_id: str) -> pd.Series | None:
        """The row of `sources.csv` with this id; None if unknown."""
        rows = self.sources[self.sources["source_id"] == source_id]
        return None if rows.empty else rows.iloc[0]


def load_dataset(data_dir: Path | str | None = None) -> Dataset:
    """Load and validate a whole data folder; DataError lists all problems at once."""
    d = resolve_data_dir(data_dir)
    problems: list[Problem] = []
    sources = places = crossings = None
    try:
        sources = load_sources(d)
    except DataError as e:
        problems += e.problems
    try:
        places = load_places(d)
    except DataError as e:
        problems += e.problems
    if places is not None:
        try:
            crossings = load_crossings(d, places)
        except DataError as e:
            problems += e.problems
    if os.path.lexists(d / OUTLINES_FILE):
        try:
            load_outlines(d)
        except DataError as e:
            problems += e.problems
    gazetteer = Gazetteer(places) if places is not None else None
    # The text table is handed over rather than kept here, so that each text column
    # is freed as soon as it is converted: a million-row load then peaks hundreds
    # of MB lower.
    pending: list[pd.DataFrame] = []
    try:
        pending.append(
            _validated_events(
                d, gazetteer, set(sources["source_id"]) if sources is not None else None
            )
        )
    except DataError as e:
        problems += e.problems
    if problems or gazetteer is None:  # no gazetteer: places.csv had problems
        raise DataError(problems)
    events = _typed(pending.pop(), gazetteer)
    # Arrow's allocator keeps freed buffers for reuse; give them back to the system.
    pyarrow.default_memory_pool().release_unused()
    return Dataset(events, places, crossings, sources, gazetteer, d)


def load_events(data_dir: Path | str | None = None) -> gpd.GeoDataFrame:
    """The validated, geocoded event table as a GeoDataFrame in EPSG:4326."""
    return load_dataset(data_dir).events


def _validated_events(
    d: Path, gazetteer: Gazetteer | None, source_ids: set[str] | None
) -> pd.DataFrame:
    path = events_path(d)
    raw = read_table(path, vocab.EVENT_COLUMNS, vocab.OPTIONAL_EVENT_COLUMNS, root=d)
    if raw.empty:
        raise DataError(
            [
                Problem(
                    path.name,
                    2,  # where the first event belongs
                    None,
                    "has no events, only a header: add at least one (the Add events page "
                    "or `borderwatch import`)",
                )
            ]
        )
    if source_ids is None:  # sources.csv itself is broken: do not also flag every row
        source_ids = set(raw["source_id"])
    problems = validate_events(raw, path.name, source_ids, gazetteer)
    if problems:
        raise DataError(problems)
    return raw


def typed_events(raw: pd.DataFrame, gazetteer: Gazetteer) -> gpd.GeoDataFrame:
    """Turn a validated text table into typed columns, filling blank coordinates."""
    return _typed(raw, gazetteer)


def _typed(raw: pd.DataFrame, gazetteer: Gazetteer) -> gpd.GeoDataFrame:
    """`typed_events`; when the caller passes its only reference, `raw` is freed early."""
    df = raw.drop(columns=[LINE], errors="ignore").reset_index(drop=True)
    del raw  # from here on each replaced text column can be freed
    # Validated text, so nothing here fails; the helpers avoid a Python object per row.
    df["date_start"] = parse_dates(df["date_start"])
    df["date_end"] = parse_dates(df["date_end"])
    blank = df["latitude"] == ""
    df["latitude"] = parse_numbers(df["latitude"].where(~blank, ""))
    df["longitude"] = parse_numbers(df["longitude"].where(~blank, ""))
    df["sequence"] = sequence_numbers(df["sequence"] if "sequence" in df.columns else None, len(df))
    df["coord_source"] = "given"
    if blank.any():
        geo = gazetteer.geocode_frame(df.loc[blank, "place"], df.loc[blank, "country"])
        geo.index = df.index[blank]
        df.loc[blank, "latitude"] = geo["latitude"]
        df.loc[blank, "longitude"] = geo["longitude"]
        df.loc[blank, "coord_source"] = "gazetteer:" + geo["source"].astype(str)
    # Events may spell a place any way the gazetteer knows; crossings and control
    # are keyed on the curated name, so keep it beside the spelling as written.
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    df["canonical_name"] = _canonical_names(df["place"], gazetteer)
    df["coord_source"] = df["coord_source"].astype("category")
    # The replaced text columns went back to Arrow's allocator, which keeps them for
    # reuse; return them first, or the points below would come on top of them.
    pyarrow.default_memory_pool().release_unused()
    geometry = gpd.points_from_xy(df["longitude"], df["latitude"])
    return gpd.GeoDataFrame(df, geometry=geometry, crs="EPSG:4326", copy=False)


def sequence_numbers(text: pd.Series | None, n: int) -> pd.Series:
    """The validated `sequence` column as integers; blank (or no column) is 0."""
    if text is None:
        return pd.Series(np.zeros(n, dtype=np.int32))
    return parse_numbers(text.where(text != "", "0")).astype(np.int32)


def _canonical_names(place: pd.Series, gazetteer: Gazetteer) -> pd.Series:
    """The gazetteer's name for each categorical `place` (itself when unknown), as a category.

    Worked out once per distinct spelling; categories sorted as `astype("category")` does.
    """
    spellings = place.cat.categories
    canonical = [gazetteer.canonical_name(p) or p for p in spellings]
    categories = sorted(set(canonical))
    position = {name: i for i, name in enumerate(categories)}
    # Code -1 (a missing place) stays missing.
    recode = np.array([position[c] for c in canonical] + [-1], dtype=np.int64)
    codes = recode[place.cat.codes.to_numpy()]
    return pd.Series(
        pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=spellings.dtype)),
        index=place.index,
        name="canonical_name",
    )
