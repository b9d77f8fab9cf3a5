"""What the "Add events" page shows and saves: rows to review, their problems, rows to store.

The page only arranges widgets; this module turns an upload or a pasted
briefing into one editable table (`Review`), checks an edited table row by row,
and strips the review-only columns (status, evidence) before saving.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from borderwatch.data import vocab
from borderwatch.data.eventtable import ALL_COLUMNS
from borderwatch.data.gazetteer import Gazetteer
from borderwatch.data.loader import events_path, resolve_data_dir
from borderwatch.data.problems import Problem
from borderwatch.data.tables import LINE, read_table
from borderwatch.ingest import acled, store, ucdp
from borderwatch.ingest.duplicates import DUPLICATE_COLUMN, find_duplicates
from borderwatch.ingest.extract import (
    CANDIDATE_COLUMNS,
    EVIDENCE_COLUMNS,
    REVIEW_COLUMNS,
    STATUS_CANDIDATE,
    STATUSES,
    extract_candidates,
)
from borderwatch.ingest.places import PlaceFinder
from borderwatch.ingest.tidy import Context, check_events
from borderwatch.ingest.upload import Upload, UploadError

REVIEW_ONLY = ("status", DUPLICATE_COLUMN, *REVIEW_COLUMNS, *EVIDENCE_COLUMNS)
"""Columns that help the editor review rows and are never saved."""
DROPDOWNS: dict[str, tuple[str, ...]] = {
    "event_type": vocab.EVENT_TYPES,
    "date_precision": vocab.DATE_PRECISIONS,
    "geo_precision": vocab.GEO_PRECISIONS,
    "confidence": vocab.CONFIDENCES,
    "control": vocab.CONTROL_STATES,
    "status": STATUSES,
}
"""Columns the review table edits by choosing from a list, and their allowed values."""


@dataclass(frozen=True)
class Review:
    """Rows for the editor to check, and the source rows a save would add."""

    file: str
    """Where the rows come from (the uploaded file's name, or 'briefing text')."""
    kind: str
    """acled, ucdp, tidy or briefing_text (candidates, pasted or from `borderwatch extract`)."""
    rows: pd.DataFrame
    """All text; `status` and evidence columns for briefing candidates."""
    sources: list[Mapping[str, str]] = field(default_factory=list)
    published: dt.date | None = None
    """A briefing's publication date (what its candidates are checked against); None otherwise."""


def review_upload(up: Upload, today: dt.date) -> Review:
    """An uploaded table as rows to review (exports converted, with their source row)."""
    table = up.table
    if table is None:  # briefing text: see review_briefing
        raise UploadError(up.name, f"a {up.format} upload has no table to review")
    if up.format in ("acled", "ucdp"):
        publisher = "ACLED" if up.format == "acled" else "UCDP"
        source = store.import_source(publisher, up.name, today)
        convert = acled.acled_to_tidy if up.format == "acled" else ucdp.ucdp_to_tidy
        rows = convert(table, source["source_id"])
        return Review(up.name, up.format, _editable(rows), [source])
    if "status" in table.columns:
        # A candidates CSV from `borderwatch extract`, edited elsewhere: keep its
        # status and evidence so unchecked candidates are still refused.
        keep = [c for c in CANDIDATE_COLUMNS if c in table.columns]
        rows = _editable(table)
        extra = table[[c for c in keep if c not in rows.columns]].set_axis(rows.index)
        rows = pd.concat([extra[["status"]], rows, extra.drop(columns="status")], axis=1)
        return Review(up.name, "briefing_text", rows)
    return Review(up.name, up.format, _editable(table))


def review_briefing(
    text: str,
    published: dt.date,
    source_id: str,
    places: pd.DataFrame,
    name: str = "briefing text",
    finder: PlaceFinder | None = None,
) -> Review:
    """Candidate rows from a briefing's text (status=candidate until the editor accepts them)."""
    rows = extract_candidates(text, published, source_id, places, finder=finder, name=name)
    return Review(name, "briefing_text", rows, published=published)


def existing_events(data_dir: Path | str | None) -> pd.DataFrame:
    """The data folder's event table as text, to compare new rows with."""
    return read_table(
        events_path(resolve_data_dir(data_dir)), vocab.EVENT_COLUMNS, vocab.OPTIONAL_EVENT_COLUMNS
    )


def flag_duplicates(review: Review, existing: pd.DataFrame, gazetteer: Gazetteer | None) -> Review:
    """`review` with a first (after `status`) column naming the events each row may repeat."""
    rows = review.rows.drop(columns=[DUPLICATE_COLUMN], errors="ignore")
    flags = find_duplicates(rows, existing, gazetteer) if len(rows) else pd.Series(dtype=str)
    rows.insert(1 if "status" in rows.columns else 0, DUPLICATE_COLUMN, flags)
    return replace(review, rows=rows)


def duplicate_table(
    edited: pd.DataFrame, existing: pd.DataFrame, gazetteer: Gazetteer | None
) -> pd.DataFrame:
    """Edited rows that may repeat existing events: (row, event_id, possible_duplicate_of)."""
    df = numbered(edited)
    for c in ("event_id", "date_start", "date_end", "event_type", "place", "country", "summary"):
        if c not in df.columns:
            df[c] = ""
    flags = find_duplicates(df, existing, gazetteer)
    hit = flags != ""
    return pd.DataFrame(
        {
            "row": df.loc[hit, LINE],
            "event_id": df.loc[hit, "event_id"],
            DUPLICATE_COLUMN: flags[hit],
        }
    ).reset_index(drop=True)


def _editable(df: pd.DataFrame) -> pd.DataFrame:
    out = df.drop(columns=[LINE], errors="ignore").copy()
    for c in ALL_COLUMNS:
        if c not in out.columns:
            out[c] = ""
    out = out[list(ALL_COLUMNS)]
    out.index = pd.RangeIndex(1, len(out) + 1)
    return out


def numbered(edited: pd.DataFrame) -> pd.DataFrame:
    """The edited table as text with `__line__` = the row number the editor shows.

    Review tables are numbered from 1 (`_editable`), and deleting a row keeps the
    others' numbers; rows the editor adds (no number yet) continue after the last.
    """
    labels = pd.to_numeric(pd.Series(edited.index, dtype=object), errors="coerce")
    top = int(labels.max()) if labels.notna().any() else 0
    filler = iter(range(top + 1, top + 1 + int(labels.isna().sum())))
    lines = [int(v) if pd.notna(v) else next(filler) for v in labels]
    df = edited.reset_index(drop=True).copy()
    df = df.astype(object).where(df.notna(), "").astype(str)
    df[LINE] = lines
    return df


def table_problems(edited: pd.DataFrame, review: Review, context: Context) -> list[Problem]:
    """Every problem of the edited table; `line` is the row number shown in the editor.

    A row still marked `status=candidate` is a problem: the tool never saves a
    candidate as if it had been checked.
    """
    df = numbered(edited)
    extra = [s["source_id"] for s in review.sources]
    ctx = Context(context.source_ids | frozenset(extra), context.gazetteer)
    problems = check_events(df, review.file, ctx)
    if "status" in df.columns:
        problems += [
            Problem(
                review.file,
                int(r[LINE]),
                "status",
                "is still 'candidate': check the row, write the summary, set the confidence, "
                "then set status to 'checked'",
            )
            for _, r in df[df["status"] == STATUS_CANDIDATE].iterrows()
        ]
    return sorted(problems, key=lambda p: (p.line or 0, p.field or "", p.message))


def problem_table(problems: list[Problem]) -> pd.DataFrame:
    """Problems as rows (row, field, message) for display as a plain table."""
    return pd.DataFrame(
        [(p.line, p.field or "all fields", p.message) for p in problems],
        columns=["row", "field", "message"],
    )


def choices(rows: pd.DataFrame, column: str, allowed: tuple[str, ...]) -> list[str]:
    """Options for a drop-down column: the allowed values, then any other value present.

    A drop-down hides a value that is not an option, so a wrong value in an upload
    would look blank while its message quotes it; listing it keeps it visible.
    """
    present = set(rows[column]) if column in rows.columns else set()
    return [*allowed, *sorted(v for v in present - set(allowed) if v)]


def dropdown_options(rows: pd.DataFrame) -> dict[str, list[str]]:
    """Each drop-down column's options for `rows` (see `choices`)."""
    return {c: choices(rows, c, allowed) for c, allowed in DROPDOWNS.items()}


def review_key(kind: str, *parts: bytes | str | dt.date | None) -> str:
    """A short name for one input to review: the same file or text with the same publication
    date and source gets the same key, so the page reviews it once and keeps the edits.

    >>> review_key("text", "Hairatan closed.", dt.date(2021, 7, 13), "OXAN-2021-07-13")
    'text-9e47940da0c5'
    """
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else str(part).encode())
    return f"{kind}-{digest.hexdigest()[:12]}"


def rows_to_save(edited: pd.DataFrame) -> pd.DataFrame:
    """The tidy columns of the edited table (review-only columns dropped), with row numbers."""
    df = numbered(edited)
    keep = [c for c in ALL_COLUMNS if c in df.columns]
    return df[[*keep, LINE]]
