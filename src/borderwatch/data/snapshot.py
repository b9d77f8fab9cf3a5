"""A validated copy of a data folder in the user's cache, so that a restart skips validation.

Reading a snapshot back saves the validation of every file on each start (0.3-0.7 s
of a cold start on the bundled folder). A snapshot is
keyed by the folder's path, the bytes of every file in it, the bytes of this
library's source and the versions of Python, pandas, geopandas, numpy and pyarrow,
so a change to any of them makes a new one and a stale one is never read. It
lives in the user's cache folder (the data folder may be read-only and holds only
the user's files), readable by the user alone because it is a pickle: only a
regular file the user owns, in a folder only the user can write, opened without
following links and holding the key it is filed under, is ever unpickled. Folders
over `MAX_BYTES` are not snapshotted: their copy would fill the disk, and reading
it is no faster than loading the Parquet.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
import threading
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow

from borderwatch.data.loader import Dataset, load_dataset, resolve_data_dir

CACHE_ENV = "BORDERWATCH_CACHE"
MAX_BYTES = 20_000_000
"""Largest data folder (all files together) that gets a snapshot."""
KEEP = 8
"""Snapshots kept; older ones are deleted when a new one is written."""
_LIBRARY = Path(__file__).resolve().parents[1]
_LOCK = threading.Lock()


def cache_dir() -> Path:
    """`$BORDERWATCH_CACHE`, else `$XDG_CACHE_HOME/borderwatch`, else `~/.cache/borderwatch`."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "borderwatch"


def folder_stamp(data_dir: Path | str) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of each file in `data_dir`: changes with any file."""
    files = sorted(p for p in Path(data_dir).iterdir() if p.is_file())
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def snapshot_key(data_dir: Path) -> str | None:
    """The hash naming `data_dir`'s snapshot; None when the folder is too big to snapshot."""
    files = sorted(p for p in data_dir.iterdir() if p.is_file())
    if sum(p.stat().st_size for p in files) > MAX_BYTES:
        return None
    h = hashlib.sha256()
    # a pickle is only as good as the library versions that read it back
    versions = (sys.version, pd.__version__, gpd.__version__, np.__version__, pyarrow.__version__)
    h.update(f"{versions}\0{data_dir.resolve()}\0".encode())
    for path in [*files, *sorted(_LIBRARY.rglob("*.py"))]:
        h.update(f"{path.name}\0{path.stat().st_size}\0".encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:32]


def load(data_dir: Path | str | None = None) -> Dataset:
    """`load_dataset(data_dir)`, from a snapshot when one matches; writes one otherwise.

    Invalid data raises DataError as `load_dataset` does and leaves no snapshot.
    A snapshot that cannot be read is rebuilt; one that cannot be written
    (read-only cache), or a cache folder that is not the user's own, is skipped.
    """
    d = resolve_data_dir(data_dir)
    key = snapshot_key(d)
    try:
        folder = cache_dir()
    except RuntimeError:  # no home folder to put a cache in
        key = None
    if key is None:
        return load_dataset(d)
    path = folder / f"{key}.pickle"
    # One load at a time: the page's first run waits for the start-up warm-up's
    # load (see `warmup`) and reads its snapshot instead of validating again.
    with _LOCK:
        ds = _read(path, key) if _trusted_folder(folder) else None
        if ds is None:
            ds = load_dataset(d)
            with contextlib.suppress(OSError):
                _write(path, key, ds)
    return ds


def _trusted_folder(folder: Path) -> bool:
    """The cache folder is a real folder (not a link) that only the user can write to."""
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022


def _read(path: Path, key: str) -> Dataset | None:
    """The snapshot at `path`, or None (missing, a link, not the user's own, or unreadable).

    Opened without following a link and checked on the open file, so nothing can
    be swapped in between; the key stored inside must be the one asked for (a
    renamed snapshot of another folder is not read).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:  # missing, or a symbolic link (ELOOP)
        return None
    with os.fdopen(fd, "rb") as fh:
        if not _trusted(os.fstat(fd)):
            return None
        try:
            stored_key, ds = pickle.load(fh)
        except Exception:  # truncated, or unreadable: rebuild it
            stored_key, ds = None, None
    if stored_key == key and isinstance(ds, Dataset):
        return ds
    with contextlib.suppress(OSError):
        path.unlink()
    return None


def _trusted(st: os.stat_result) -> bool:
    """Only the user's own regular file, writable by nobody else, is unpickled."""
    return stat.S_ISREG(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022


def _write(path: Path, key: str, ds: Dataset) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _trusted_folder(path.parent):
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")  # created 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((key, ds), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    old = sorted(path.parent.glob("*.pickle"), key=lambda p: p.lstat().st_mtime, reverse=True)
    for stale in old[KEEP:]:
        with contextlib.suppress(OSError):
            stale.unlink()
