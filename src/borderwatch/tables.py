"""Reading tabular files exactly as written: all text, blanks kept, line numbers known.

Every reader returns a frame of strings (blank cells are "") with a `__line__`
column holding the physical line of each record, so that validation messages can
point the editor at the line to fix.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from borderwatch.problems import DataError, Problem

LINE = "__line__"
"""Column holding each record's 1-based physical line in its file."""


def read_text_utf8(path: Path) -> str:
    """The file's text; a file that is not UTF-8 raises DataError naming the line."""
    return decode_utf8(path.read_bytes(), path.name)


def decode_utf8(data: bytes, name: str) -> str:
    """`data` as text (a UTF-8 BOM is dropped); other encodings raise DataError naming the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        bad = data[e.start : e.start + 1].hex()
        raise DataError(
            [
                Problem(
                    name,
                    line,
                    None,
                    f"file is not UTF-8 (byte 0x{bad} at offset {e.start}); "
                    "save it as UTF-8 and try again",
                )
            ]
        ) from None


def read_csv_text(
    text: str, name: str, columns: Sequence[str] | None = None, optional: Sequence[str] = ()
) -> pd.DataFrame:
    """Parse CSV text into a frame of strings with a `__line__` column.

    If `columns` is given, missing and unexpected columns are reported as problems
    (both at once) before any row is looked at; `optional` columns may be absent
    and are then added blank, so callers always see the same columns.
    """
    try:
        df = pd.read_csv(
            io.StringIO(text),
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=True,
        )
    except pd.errors.EmptyDataError:
        raise DataError([Problem(name, None, None, "file is empty (no header row)")]) from None
    except pd.errors.ParserError as e:
        raise DataError([Problem(name, None, None, f"not a valid CSV file: {e}")]) from None
    df.columns = [str(c).strip() for c in df.columns]
    if columns is not None:
        check_columns(list(df.columns), columns, name, optional)
        _add_blank(df, optional)
    df[LINE] = _record_lines(text, len(df))
    return df


def _add_blank(df: pd.DataFrame, optional: Sequence[str]) -> None:
    for c in optional:
        if c not in df.columns:
            df[c] = ""


def check_columns(
    found: Sequence[str], expected: Sequence[str], name: str, optional: Sequence[str] = ()
) -> None:
    """Raise DataError listing every missing and every unexpected column.

    `optional` columns may be present or absent.
    """
    problems = [
        Problem(name, 1, c, "required column is missing") for c in expected if c not in found
    ]
    # The message lists the required columns only; optional ones are in the data dictionary.
    problems += [
        Problem(name, 1, c, f"unexpected column (allowed: {', '.join(expected)})")
        for c in found
        if c not in expected and c not in optional and c != LINE
    ]
    dupes = {c for c in found if list(found).count(c) > 1}
    problems += [Problem(name, 1, c, "column appears more than once") for c in sorted(dupes)]
    if problems:
        raise DataError(problems)


def read_table(
    path: Path, columns: Sequence[str] | None = None, optional: Sequence[str] = ()
) -> pd.DataFrame:
    """Read a .csv or .parquet table into strings with line numbers.

    Parquet rows get `__line__` = row number + 2, as if the table were a CSV
    with a header, so messages read the same for both formats.
    """
    if path.suffix.lower() == ".parquet":
        df = pd.read_parquet(path)
        if columns is not None:
            check_columns(list(df.columns), columns, path.name, optional)
        df = df.astype("string").fillna("").astype(str)
        if columns is not None:
            _add_blank(df, optional)
        df[LINE] = range(2, len(df) + 2)
        return df
    return read_csv_text(read_text_utf8(path), path.name, columns, optional)


def _record_lines(text: str, n_records: int) -> list[int] | range:
    """Physical start line of each record (quoted fields may span lines)."""
    physical = text.count("\n") + (0 if text.endswith("\n") else 1)
    if physical == n_records + 1 and "\n\n" not in text and "\n\r\n" not in text:
        # One record per line: the common case, and cheap for big files.
        return range(2, n_records + 2)
    lines: list[int] = []
    reader = csv.reader(io.StringIO(text))
    start = 1
    for i, row in enumerate(reader):
        if i > 0 and row:
            lines.append(start)
        start = reader.line_num + 1
    return lines[:n_records] + [0] * (n_records - len(lines))
