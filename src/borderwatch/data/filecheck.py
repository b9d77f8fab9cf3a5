"""What any input file must be before it is parsed: its kind, place, size and bytes.

Every reader (the data folder, `borderwatch validate`, the app, the Add events
page and `borderwatch import`) goes through `checked_file` and, for CSV,
`scan_csv`, with one `Limits`. A file that breaks a limit is one clear problem
naming the file (and the line where there is one); nothing is read into memory
beyond the limit and nothing blocks (a FIFO or a device is refused by its kind).
"""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

import numpy as np

from borderwatch.data.problems import DataError, Problem


@dataclass(frozen=True)
class Limits:
    """The limits every input is held to (`LIMITS`; uploads take smaller size and row limits)."""

    max_bytes: int = 2 * 1024**3
    """Largest file (a million-event CSV is about 300 MB)."""
    max_rows: int = 5_000_000
    max_columns: int = 100
    """The event table has 18 columns, a UCDP GED export about 50."""
    max_field_chars: int = 5_000
    """Longest cell of any table (the data dictionary allows summaries of 300)."""
    max_empty_rows: int = 100
    """Rows with nothing but separators; more means a padded or hostile file."""
    rows_hint: str = ""
    """Said after the row limit (where to turn instead)."""


LIMITS = Limits()
UPLOAD_LIMITS = replace(
    LIMITS,
    max_bytes=10 * 1024 * 1024,
    max_rows=50_000,
    rows_hint=" per upload (split it, or import it with `borderwatch import`)",
)
"""A file sent through the browser (a year of ACLED for the region is about 5 MiB)."""

_CHUNK = 1 << 24


def _mib(n: int) -> str:
    return f"{n / 2**20:,.1f} MiB" if n >= 2**20 else f"{n:,} bytes"


def checked_file(path: Path, root: Path | None = None, limits: Limits = LIMITS) -> Path:
    """The real path of `path` once it is known to be a readable regular file within limits.

    With `root` (a data folder), a symbolic link must resolve to a file inside
    `root`; a broken or looping link is an error, not an absent file. FIFOs,
    devices, sockets and directories are refused without being opened.
    """
    name = path.name
    try:
        real = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        if os.path.lexists(path):
            problem = Problem(name, None, None, "is a broken link (its target is missing)")
            raise DataError([problem]) from None
        raise DataError([Problem(name, None, None, "file is missing")]) from None
    except OSError as e:  # a link loop, a name too long, no permission
        raise DataError([Problem(name, None, None, f"cannot be opened ({e.strerror})")]) from None
    if root is not None:
        base = Path(os.path.realpath(root))
        if not real.is_relative_to(base):
            raise DataError(
                [Problem(name, None, None, "is a link to a file outside the data folder")]
            )
    try:
        st = os.stat(real)
    except OSError as e:
        raise DataError([Problem(name, None, None, f"cannot be opened ({e.strerror})")]) from None
    if not stat.S_ISREG(st.st_mode):
        raise DataError([Problem(name, None, None, f"is {_kind(st.st_mode)}, not a regular file")])
    if st.st_size > limits.max_bytes:
        raise DataError(
            [
                Problem(
                    name,
                    None,
                    None,
                    f"file is {_mib(st.st_size)}; the limit is {_mib(limits.max_bytes)}",
                )
            ]
        )
    if not os.access(real, os.R_OK):
        raise DataError([Problem(name, None, None, "cannot be opened (permission denied)")])
    return real


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def read_bytes(path: Path, root: Path | None = None, limits: Limits = LIMITS) -> bytes:
    """The content of a checked file, opened without following a link (it was resolved)."""
    real = checked_file(path, root, limits)
    fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # replaced since the check
            raise DataError([Problem(path.name, None, None, "is not a regular file")])
        data = fh.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise DataError([Problem(path.name, None, None, f"file is over {_mib(limits.max_bytes)}")])
    return data


@dataclass(frozen=True)
class Scan:
    """What a byte scan of a CSV file found."""

    lines: int
    """Physical lines (a last line without a line end counts)."""
    blank_lines: bool
    """Whether some line is empty (then records and lines may not match one to one)."""
    lone_cr: bool
    """Whether some CR does not start a CRLF (old Mac line ends, or a CR inside a field)."""
    empty_rows: int
    """Lines with nothing but commas, semicolons, tabs and spaces."""
    has_cr: bool = True
    """Whether the file holds a CR at all (if not, no cell can)."""
    longest_line: int = 0
    """Bytes in the longest line (no cell can hold more characters)."""


def scan_csv(fh: BinaryIO, name: str, header: Sequence[str] = (), limits: Limits = LIMITS) -> Scan:
    """Scan CSV bytes in chunks; DataError for NUL bytes, too many rows or empty rows.

    Works on bytes with numpy, so a hostile file is refused without a row being parsed.
    `header` (the file's column names) lets a NUL byte be reported by field.
    """
    newlines = crs = crlfs = empty = longest = lines_before = 0
    first_empty: int | None = None  # line of the first empty row
    last_end = -1  # offset of the last LF seen
    blank = False
    prev_lf = True  # whether the text before this chunk ends a line (separators dropped)
    tail = last = b""
    offset = 0
    fh.seek(0)
    while block := fh.read(_CHUNK):
        nul = block.find(b"\x00")
        if nul >= 0:
            fh.seek(0)
            before = fh.read(offset + nul)
            raise DataError([_at_byte(name, before, "contains a NUL byte (0x00)", header)])
        ends_at = np.flatnonzero(np.frombuffer(block, dtype=np.uint8) == 10) + offset
        if len(ends_at):
            longest = max(longest, int(np.diff(ends_at, prepend=last_end).max()))
            last_end = int(ends_at[-1])
        newlines += len(ends_at)
        edge = tail + block[:2]  # what straddles the previous chunk's end
        blank = blank or b"\n\n" in edge or b"\n\r\n" in edge
        blank = blank or b"\n\n" in block or b"\n\r\n" in block
        if b"\r" in block:
            crs += block.count(b"\r")
            crlfs += block.count(b"\r\n") + (tail[-1:] == b"\r" and block[:1] == b"\n")
            # Every line end as one LF (old Mac CRs too). A CRLF split by a chunk
            # boundary counts one extra empty row.
            block_lf = block.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        else:
            block_lf = block
        # Without separators, an empty row is an LF right after an LF.
        nl = np.frombuffer(block_lf.translate(None, b",;\t "), dtype=np.uint8) == 10
        if len(nl):
            pairs = np.concatenate(([prev_lf and nl[0]], nl[1:] & nl[:-1]))
            if first_empty is None and pairs.any():
                # An empty row ends at the LF at this position: count the LFs before it.
                at = int(np.argmax(pairs))
                first_empty = lines_before + int(np.count_nonzero(nl[:at])) + 1
            empty += int(np.count_nonzero(pairs))
            lines_before += int(np.count_nonzero(nl))
            prev_lf = bool(nl[-1])
        tail, last = block[-2:], block[-1:]
        offset += len(block)
    fh.seek(0)
    longest = max(longest, offset - 1 - last_end)  # the last line, if it has no LF
    if crs and not newlines:  # old Mac line ends: every line ends in a CR alone
        lines = crs + (0 if last == b"\r" else 1)
    else:
        lines = newlines + (0 if last in (b"\n", b"") else 1)
    if empty > limits.max_empty_rows:
        raise DataError(
            [
                Problem(
                    name,
                    first_empty,
                    None,
                    f"file has {empty:,} empty rows (nothing but commas or blanks) among "
                    f"{lines:,} lines; remove them and try again",
                )
            ]
        )
    if lines - 1 > limits.max_rows:
        raise DataError(
            [
                Problem(
                    name,
                    limits.max_rows + 2,  # the first line past the limit
                    None,
                    f"file has {lines - 1:,} rows; the limit is {limits.max_rows:,}"
                    + limits.rows_hint,
                )
            ]
        )
    return Scan(lines, blank, crs != crlfs, empty, crs > 0, longest)


def _at_byte(name: str, before: bytes, what: str, header: Sequence[str]) -> Problem:
    """A problem at the end of `before` (the file's bytes up to it), by line and field."""
    line, field = line_and_field(before, header)
    return Problem(name, line, field, f"{what} at byte {len(before):,}")


def line_and_field(before: bytes, header: Sequence[str]) -> tuple[int, str]:
    """The line and the field (column name, else "column N") at the end of `before`.

    `before` is a CSV file's bytes up to some position; quotes on earlier lines
    are not followed (a bad byte is usually found on a line of its own).
    """
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    prefix = before[start:].decode("utf-8", "replace").replace("\r", " ")
    return line, field_name(len(next(csv.reader([prefix]), [""])), header, line)


def field_name(n: int, header: Sequence[str], line: int) -> str:
    """Column `n` (1-based) by its header name where that is fit to show, else "column N"."""
    name_ok = line > 1 and 0 < n <= len(header) and header[n - 1].isprintable()
    return header[n - 1] if name_ok and 0 < len(header[n - 1]) <= 60 else f"column {n}"


def header_fields(fh: BinaryIO, name: str, limits: Limits = LIMITS) -> list[str]:
    """The first line's field names; DataError when it has more than `max_columns`."""
    fh.seek(0)
    first = fh.readline(limits.max_field_chars * (limits.max_columns + 1))
    fh.seek(0)
    text = first.decode("utf-8-sig", "replace").rstrip("\r\n")
    fields = next(csv.reader([text.split("\r", 1)[0]]), [])
    if len(fields) > limits.max_columns:
        raise DataError(
            [
                Problem(
                    name,
                    1,
                    f"column {limits.max_columns + 1}",
                    f"header has {len(fields):,} columns; the limit is {limits.max_columns}",
                )
            ]
        )
    return fields
