"""Saving new events into a data folder without ever losing data.

Every save: takes an exclusive lock (so two saves cannot interleave their
read-modify-write), re-reads the table under the lock, validates the new rows
against it (a failure changes nothing), copies the previous table to
`<data>/backups/<name>-<UTC timestamp>.<ext>`, writes the new table to a
temporary file in the same folder and renames it over the old one (atomic on
POSIX). When the folder cannot be written (a read-only deployment), the caller
gets `ReadOnlyData` and can offer `updated_tables` as downloads instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from borderwatch.data import vocab
from borderwatch.data.eventtable import ALL_COLUMNS, columns_of
from borderwatch.data.loader import events_path, resolve_data_dir
from borderwatch.data.problems import DataError, Problem, show
from borderwatch.data.tables import LINE, read_table
from borderwatch.ingest.ids import assign_ids
from borderwatch.ingest.tidy import check_events, context_for

BACKUP_DIR = "backups"
LOCK_FILE = ".save.lock"
"""Lives in backups/ (git-ignored) so the data folder itself stays clean."""
READ_ONLY_ENV = "BORDERWATCH_READ_ONLY"
"""Set to 1 on deployments whose disk is not kept (Community Cloud): saves become downloads."""


class ReadOnlyData(Exception):
    """The data folder cannot be written; the message says why."""


@dataclass(frozen=True)
class SaveResult:
    """What a save did."""

    events_file: Path
    added: int
    backups: list[Path] = field(default_factory=list)
    source_added: bool = False
    event_ids: list[str] = field(default_factory=list)
    """The saved rows' ids, in order (blank ones given under the lock)."""


CLOUD_ROOT = Path("/mount/src")
"""Where Community Cloud checks out apps (seen in its tracebacks); its disk is not kept."""


def read_only_reason(data_dir: Path) -> str | None:
    """Why `data_dir` cannot be saved to, or None when it can.

    `BORDERWATCH_READ_ONLY=1` forces downloads, `=0` trusts the disk; unset, a data
    folder under Community Cloud's checkout counts as read-only, since a save
    there would vanish at the next restart.
    """
    flag = os.environ.get(READ_ONLY_ENV, "").strip()
    if flag not in ("", "0"):
        return (
            f"{READ_ONLY_ENV} is set: this deployment does not keep files, "
            "so download the updated table instead"
        )
    if flag == "" and Path(data_dir).resolve().is_relative_to(CLOUD_ROOT):
        return (
            f"the data folder is under {CLOUD_ROOT} (Streamlit Community Cloud), whose files "
            f"are lost at the next restart; set {READ_ONLY_ENV}=0 if this disk is kept"
        )
    try:
        fd, probe = tempfile.mkstemp(dir=data_dir, prefix=".write-probe-")
    except OSError as e:
        return f"the data folder {data_dir} is not writable ({e.strerror})"
    os.close(fd)
    os.unlink(probe)
    return None


@contextlib.contextmanager
def locked(data_dir: Path, timeout: float = 30.0) -> Iterator[None]:
    """Hold the data folder's save lock (fcntl.flock); TimeoutError after `timeout` seconds."""
    lock_dir = data_dir / BACKUP_DIR
    lock_dir.mkdir(exist_ok=True)
    with open(lock_dir / LOCK_FILE, "a+") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"another save in {data_dir} is still running") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` via a temporary file and os.replace (keeps its mode)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    # The rename lives in the folder's own entry: until that reaches the disk a
    # power cut can bring the old table back (or, on some file systems, none).
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Flush `folder`'s entries (a file created, renamed or removed in it) to the disk."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup(path: Path) -> Path:
    """Copy `path` to `<its folder>/backups/<stem>-<UTC timestamp><suffix>` and return the copy."""
    folder = path.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S_%fZ")
    target = folder / f"{path.stem}-{stamp}{path.suffix}"
    n = 1
    while target.exists():  # two saves within one microsecond
        target = folder / f"{path.stem}-{stamp}-{n}{path.suffix}"
        n += 1
    shutil.copy2(path, target)
    with open(target, "rb+") as fh:  # the backup must survive the power cut the save might not
        os.fsync(fh.fileno())
    fsync_folder(folder)
    return target


def source_row(
    source_id: str, title: str, publisher: str, published: str, author: str = "", url: str = ""
) -> dict[str, str]:
    """One row of sources.csv."""
    return {
        "source_id": source_id,
        "title": title,
        "author": author,
        "publisher": publisher,
        "published": published,
        "url": url,
    }


def import_source(publisher: str, file_name: str, day: dt.date) -> dict[str, str]:
    """The sources.csv row for one import of a `publisher` export (ACLED, UCDP) on `day`."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", Path(file_name).stem).strip("-")[:40] or "export"
    return source_row(
        f"{publisher.upper()}-{stem}-{day:%Y%m%d}",
        f"{publisher} export {Path(file_name).name}, imported {day.isoformat()}",
        publisher,
        day.isoformat(),
    )


def _read_events(path: Path) -> pd.DataFrame:
    return read_table(path, vocab.EVENT_COLUMNS, vocab.OPTIONAL_EVENT_COLUMNS)


def _sources_frame(data_dir: Path) -> pd.DataFrame:
    return read_table(data_dir / "sources.csv", vocab.SOURCE_COLUMNS)


def _new_sources(data_dir: Path, sources: Sequence[Mapping[str, str]]) -> list[Mapping[str, str]]:
    known = set(_sources_frame(data_dir)["source_id"])
    return [s for s in sources if s["source_id"] not in known]


def prepare(
    data_dir: Path | str | None,
    rows: pd.DataFrame,
    file: str,
    sources: Sequence[Mapping[str, str]] = (),
) -> tuple[pd.DataFrame, list[Problem]]:
    """The events table with `rows` appended, and every problem with `rows`.

    A blank `event_id` is given the next free id of the data's scheme, counted
    from the table as it is read here (`append_events` reads it under the lock).
    Problems name `file` and the rows' own `__line__`, so the editor can find them
    in what they uploaded; ids already in the table are reported as duplicates.
    """
    d = resolve_data_dir(data_dir)
    path = events_path(d)
    current = _read_events(path)
    rows = assign_ids(rows, current["event_id"])
    context = context_for(d, extra_sources=[s["source_id"] for s in sources])
    problems = check_events(rows, file, context)
    existing = dict(zip(current["event_id"], current[LINE], strict=True))
    for _, r in rows[rows["event_id"].isin(existing.keys())].iterrows():
        problems.append(
            Problem(
                file,
                int(r[LINE]),
                "event_id",
                f"{show(r['event_id'])} is already in {path.name} (line {existing[r['event_id']]})",
            )
        )
    new = rows.copy()
    for c in ALL_COLUMNS:
        if c not in new.columns:
            new[c] = ""
    combined = pd.concat(
        [current[list(ALL_COLUMNS)], new[list(ALL_COLUMNS)].fillna("").astype(str)],
        ignore_index=True,
    )
    return combined[columns_of(combined, keep=_header(path))], sorted(
        set(problems), key=lambda p: (p.line or 0, p.field or "")
    )


def _header(path: Path) -> list[str]:
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return list(pq.read_schema(path).names)
    with path.open(encoding="utf-8-sig") as fh:
        return [c.strip() for c in fh.readline().rstrip("\r\n").split(",")]


def table_bytes(df: pd.DataFrame, path: Path) -> bytes:
    """`df` serialised in the format of `path` (.csv or .parquet)."""
    if path.suffix == ".parquet":
        import io

        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        return buf.getvalue()
    return df.to_csv(index=False, lineterminator=_line_end(path)).encode("utf-8")


def _line_end(path: Path) -> str:
    """The file's own line ending, so a save does not rewrite every line of the diff."""
    if not path.exists():
        return "\n"
    with path.open("rb") as fh:
        return "\r\n" if fh.readline().endswith(b"\r\n") else "\n"


def updated_tables(
    data_dir: Path | str | None,
    rows: pd.DataFrame,
    file: str,
    sources: Sequence[Mapping[str, str]] = (),
) -> dict[str, bytes]:
    """File name -> new content of every table a save would change (for a download).

    Raises DataError (and produces nothing) if any row has a problem.
    """
    d = resolve_data_dir(data_dir)
    combined, problems = prepare(d, rows, file, sources)
    if problems:
        raise DataError(problems)
    path = events_path(d)
    out = {path.name: table_bytes(combined, path)}
    fresh = _new_sources(d, list(sources))
    if fresh:
        out["sources.csv"] = _sources_with(d, fresh)
    return out


def _sources_with(d: Path, fresh: list[Mapping[str, str]]) -> bytes:
    current = _sources_frame(d).drop(columns=LINE)
    added = pd.DataFrame(fresh, columns=list(vocab.SOURCE_COLUMNS))
    return (
        pd.concat([current, added], ignore_index=True)
        .to_csv(index=False, lineterminator=_line_end(d / "sources.csv"))
        .encode("utf-8")
    )


def append_events(
    data_dir: Path | str | None,
    rows: pd.DataFrame,
    file: str,
    sources: Sequence[Mapping[str, str]] = (),
) -> SaveResult:
    """Append `rows` (tidy strings with `__line__`) to the folder's event table.

    Blank event ids are assigned under the folder's lock, from the table as it is
    then, so concurrent saves never hand out one id twice. Adds the `sources` rows
    sources.csv lacks. Raises ReadOnlyData when the folder cannot be written and
    DataError when any row has a problem; in both cases no file is touched.
    """
    d = resolve_data_dir(data_dir)
    reason = read_only_reason(d)
    if reason:
        raise ReadOnlyData(reason)
    with locked(d):
        combined, problems = prepare(d, rows, file, sources)
        if problems:
            raise DataError(problems)
        backups = []
        fresh = _new_sources(d, list(sources))
        if fresh:
            # Sources first: a source nobody cites yet is harmless, an event
            # citing a missing source would make the folder invalid.
            src = d / "sources.csv"
            backups.append(backup(src))
            atomic_write(src, _sources_with(d, fresh))
        path = events_path(d)
        backups.append(backup(path))
        atomic_write(path, table_bytes(combined, path))
    ids = combined["event_id"].iloc[len(combined) - len(rows) :].tolist()
    return SaveResult(path, len(rows), backups, bool(fresh), ids)
