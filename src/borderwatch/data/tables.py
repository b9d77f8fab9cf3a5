"""Reading tabular files exactly as written: all text, blanks kept, line numbers known.

Every reader returns a frame of strings (blank cells are "") with a `__line__`
column holding the physical line of each record, so that validation messages can
point the editor at the line to fix.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from borderwatch.data.filecheck import (
    LIMITS,
    Limits,
    Scan,
    checked_file,
    field_name,
    header_fields,
    line_and_field,
    read_bytes,
    scan_csv,
)
from borderwatch.data.problems import SHOWN_CHARS, DataError, Problem, show

LINE = "__line__"
"""Column holding each record's 1-based physical line in its file."""
MAX_PER_FIELD = 20
"""Cells reported per column and kind of problem; a broken file does not give a million."""


def read_text_utf8(
    path: Path, root: Path | None = None, limits: Limits = LIMITS, table: bool = True
) -> str:
    """The file's text; a file that is not UTF-8 (or breaks `limits`) raises DataError."""
    return decode_utf8(read_bytes(path, root, limits), path.name, table)


def decode_utf8(data: bytes, name: str, table: bool = True) -> str:
    """`data` as text (a UTF-8 BOM is dropped); other encodings raise DataError.

    The message names the line of the first bad byte and, in a `table` (CSV), its field.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line, field = line_and_field(data[: e.start], _header(data) if table else ())
        bad = data[e.start : e.start + 1].hex()
        raise DataError(
            [
                Problem(
                    name,
                    line,
                    field if table else None,
                    f"file is not UTF-8 (byte 0x{bad} at offset {e.start}); "
                    "save it as UTF-8 and try again",
                )
            ]
        ) from None


def _header(data: bytes) -> list[str]:
    """The column names on the first line of CSV bytes (bad bytes replaced)."""
    first = data[: data.find(b"\n") if b"\n" in data else 64_000][:64_000]
    text = first.decode("utf-8-sig", "replace").split("\r", 1)[0]
    return next(csv.reader([text]), [])


def read_csv_text(
    text: str, name: str, columns: Sequence[str] | None = None, optional: Sequence[str] = ()
) -> pd.DataFrame:
    """Parse CSV text into a frame of strings with a `__line__` column.

    If `columns` is given, missing and unexpected columns are reported as problems
    (both at once) before any row is looked at; `optional` columns may be absent
    and are then added blank, so callers always see the same columns.
    """
    _check_first_row(text, name)
    try:
        df = pd.read_csv(
            io.StringIO(text),
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=True,
        )
    except pd.errors.EmptyDataError:
        raise DataError([Problem(name, 1, None, "file is empty (no header row)")]) from None
    except pd.errors.ParserError as e:
        raise DataError([_parser_problem(name, str(e), text)]) from None
    df.columns = [str(c).strip() for c in df.columns]
    if columns is not None:
        check_columns(list(df.columns), columns, name, optional)
        _add_blank(df, optional)
    df[LINE] = _record_lines(text, len(df))
    return df


def _check_first_row(text: str, name: str) -> None:
    """DataError when the first row has more fields than the header.

    pandas would take the extra leading fields as the row index (its "implicit
    index"): every column shifted, silently, and with thousands of extra fields a
    MultiIndex of thousands of levels that takes minutes. Later rows are checked by
    the parser itself.
    """
    reader = csv.reader(io.StringIO(text[: 1 << 20]))
    try:
        header = next(reader, [])
        first = next((row for row in reader if row), None)
    except csv.Error:  # a field over csv's own size limit: pandas reports the row
        return
    if first is not None and header and len(first) > len(header):
        raise DataError(
            [
                Problem(
                    name,
                    reader.line_num,
                    f"column {len(header) + 1}",
                    f"row has {len(first):,} fields; the header has {len(header)}",
                )
            ]
        )


_TOO_MANY = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_OPEN_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")


def _parser_problem(name: str, error: str, text: str) -> Problem:
    """pandas' tokenizer error as a problem naming the line and field."""
    if m := _TOO_MANY.search(error):
        expected, line, saw = (int(g) for g in m.groups())
        return Problem(
            name,
            line,
            f"column {expected + 1}",
            f"row has {saw:,} fields; the header has {expected}",
        )
    if m := _OPEN_QUOTE.search(error):
        line = int(m.group(1)) + 1
        header = next(csv.reader([text.split("\n", 1)[0].split("\r", 1)[0]]), [])
        column = _open_quote_column(_nth_line(text, line))
        field = field_name(column, header, line) if column else None
        return Problem(name, line, field, 'a quoted field (") is never closed')
    return Problem(name, None, None, f"not a valid CSV file: {show(error.strip(), 200)}")


def _nth_line(text: str, n: int) -> str:
    """Physical line `n` (1-based) of `text`, read only as far as needed."""
    start = 0
    for _ in range(n - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def _open_quote_column(line: str) -> int | None:
    """The 1-based field of `line` whose opening quote is never closed on it, if any."""
    field, quoted, opened, at_start = 1, False, None, True
    i = 0
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"' and line[i + 1 : i + 2] == '"':
                i += 1  # an escaped quote
            elif ch == '"':
                quoted = False
        elif ch == '"' and at_start:
            quoted, opened = True, field
        elif ch == ",":
            field += 1
            at_start = True
            i += 1
            continue
        at_start = False
        i += 1
    return opened if quoted else None


def check_cells(
    df: pd.DataFrame, name: str, limits: Limits = LIMITS, scan: Scan | None = None
) -> None:
    """DataError for cells longer than `limits.max_field_chars` or holding a NUL or a CR.

    Checked on the parsed table, so each message names the line and the field.
    A CSV file's byte `scan` rules most of it out at once (no CR in the file, no
    line longer than the limit); otherwise each column is tested whole in Arrow
    and only a column with a bad cell is searched for its lines.
    """
    if scan is not None and scan.longest_line <= limits.max_field_chars:
        # Every CR ends a CRLF and every record is one line: no cell holds a CR.
        one_per_line = scan.lines == len(df) + 1 and not scan.blank_lines
        if not scan.has_cr or (not scan.lone_cr and one_per_line):
            return  # NUL bytes were refused by the scan itself
    problems: list[Problem] = []
    lines = df[LINE] if LINE in df.columns else pd.Series(range(2, len(df) + 2), df.index)
    for c in df.columns:
        if c == LINE or not pd.api.types.is_string_dtype(df[c]) or df.empty:
            continue
        arr = _arrow_text(df[c])
        longest = pc.max(pc.utf8_length(arr)).as_py() or 0
        odd = any(pc.any(pc.match_substring(arr, ch)).as_py() for ch in ("\x00", "\r"))
        if longest <= limits.max_field_chars and not odd:
            continue
        text = df[c].astype(str)
        length = text.str.len()
        for idx in length.index[length > limits.max_field_chars][:MAX_PER_FIELD]:
            problems.append(
                Problem(
                    name,
                    int(lines[idx]),
                    c,
                    f"is {int(length[idx]):,} characters long; the limit is "
                    f"{limits.max_field_chars:,}",
                )
            )
        bad = text.str.contains("[\x00\r]", regex=True)
        for idx in bad.index[bad][:MAX_PER_FIELD]:
            what = (
                "contains a NUL character"
                if "\x00" in text[idx]
                # pandas writes such a value unquoted, so the next read would split the row
                else "contains a carriage return (CR) inside the text; keep the value on one line"
            )
            problems.append(Problem(name, int(lines[idx]), c, what))
    if problems:
        raise DataError(problems)


def _arrow_text(values: pd.Series) -> pa.Array | pa.ChunkedArray:
    """The column as Arrow text: no copy for pandas' Arrow-backed strings."""
    try:
        arr = pa.array(values.array)
    except (pa.ArrowException, TypeError):
        arr = pa.array(values.astype(str).tolist(), pa.large_string())
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = pc.cast(arr, pa.large_string())
    return pc.fill_null(arr, "")


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
        Problem(name, 1, _short(c), f"unexpected column (allowed: {', '.join(expected)})")
        for c in found
        if c not in expected and c not in optional and c != LINE
    ]
    counts = Counter(found)
    problems += [
        Problem(name, 1, _short(c), "column appears more than once")
        for c in sorted(c for c, n in counts.items() if n > 1)
    ]
    if problems:
        raise DataError(problems)


def _short(column: str) -> str:
    """A column name fit for a message (a hostile header may hold megabytes)."""
    return column if len(column) <= SHOWN_CHARS else show(column)


def read_table(
    path: Path,
    columns: Sequence[str] | None = None,
    optional: Sequence[str] = (),
    root: Path | None = None,
    limits: Limits = LIMITS,
) -> pd.DataFrame:
    """Read a .csv or .parquet table into strings with line numbers.

    The file is checked first (`filecheck`: a regular file within `limits`, inside
    `root` if given). Parquet rows get `__line__` = row number + 2, as if the table
    were a CSV with a header, so messages read the same for both formats.
    """
    real = checked_file(path, root, limits)
    name = path.name
    if path.suffix.lower() == ".parquet":
        df = _read_parquet(real, name, columns, optional, limits)
        check_cells(df, name, limits)
        return df
    with real.open("rb") as fh:
        header = header_fields(fh, name, limits)
        scan = scan_csv(fh, name, header, limits)
    fast = _read_csv_arrow(real, name, columns, optional, scan)
    df = (
        fast
        if fast is not None
        else read_csv_text(read_text_utf8(real, None, limits), name, columns, optional)
    )
    check_cells(df, name, limits, scan)
    return df


def _read_parquet(
    path: Path, name: str, columns: Sequence[str] | None, optional: Sequence[str], limits: Limits
) -> pd.DataFrame:
    """Parquet as text, or DataError for a file Arrow cannot read or a column of lists."""
    try:
        schema = pq.read_schema(path)
        rows = pq.ParquetFile(path).metadata.num_rows
    except Exception as e:  # Arrow raises many kinds for a damaged file
        raise DataError(
            [Problem(name, None, None, f"not a readable Parquet file ({show(str(e), 120)})")]
        ) from None
    problems = [
        Problem(
            name,
            1,
            _short(f.name),
            f"holds {f.type} values; columns must be text, numbers or dates",
        )
        for f in schema
        if not _is_plain(f.type)
    ]
    if len(schema.names) > limits.max_columns:
        problems = [
            Problem(
                name,
                1,
                f"column {limits.max_columns + 1}",
                f"has {len(schema.names):,} columns; the limit is {limits.max_columns}",
            )
        ]
    if rows > limits.max_rows:
        problems.append(
            Problem(
                name,
                limits.max_rows + 2,  # the first row past the limit, numbered as in a CSV
                None,
                f"has {rows:,} rows; the limit is {limits.max_rows:,}",
            )
        )
    if problems:
        raise DataError(problems)
    try:
        return _parquet_text(path, name, columns, optional)
    except DataError:
        raise
    except Exception as e:
        raise DataError(
            [Problem(name, None, None, f"not a readable Parquet file ({show(str(e), 120)})")]
        ) from None


def _is_plain(t: pa.DataType) -> bool:
    """Text, numbers, booleans, dates and times: values with one text form each."""
    if pa.types.is_dictionary(t):
        t = t.value_type
    return not (
        pa.types.is_nested(t)
        or pa.types.is_binary(t)
        or pa.types.is_large_binary(t)
        or pa.types.is_fixed_size_binary(t)
    )


def _parquet_text(
    path: Path, name: str, columns: Sequence[str] | None, optional: Sequence[str]
) -> pd.DataFrame:
    """Parquet as text: string columns stay in Arrow; only other types go through pandas.

    Converting a million strings to Python objects and back (as a plain
    `astype("string")` on the whole frame did) cost seconds and twice the memory.
    """
    schema = pq.read_schema(path)
    names = schema.names
    meta = schema.pandas_metadata or {}
    if len(set(names)) != len(names) or any(
        not isinstance(ix, dict) for ix in meta.get("index_columns", [])
    ):
        # A stored index or repeated names: pandas applies its own metadata rules.
        df = pd.read_parquet(path)
        if columns is not None:
            check_columns([str(c) for c in df.columns], columns, name, optional)
        df = df.astype("string").fillna("").astype(str)
    else:
        if columns is not None:
            check_columns(names, columns, name, optional)
        text_cols = [n for n in names if _is_text(schema.field(n).type)]
        other = [n for n in names if n not in text_cols]
        # One column at a time, so that only one column's transient copies exist at once.
        df = pd.DataFrame(index=range(pq.ParquetFile(path).metadata.num_rows))
        for n in text_cols:
            column = _one_chunk(pq.read_table(path, columns=[n]).column(0))
            df[n] = pd.Series(
                pc.fill_null(column.cast(pa.large_string()), ""), dtype=str, index=df.index
            )
        if other:
            # The exact text pandas gives non-string values (floats, dates, ...).
            converted = pd.read_parquet(path, columns=other).astype("string").fillna("")
            for n in other:
                df[n] = converted[n].astype(str).array
        df = df[names]
        # Arrow's allocator keeps freed buffers for reuse; hand the copies back now.
        pa.default_memory_pool().release_unused()
    if columns is not None:
        _add_blank(df, optional)
    df[LINE] = range(2, len(df) + 2)
    return df


def _one_chunk(column: pa.ChunkedArray) -> pa.Array:
    """The column as one contiguous array.

    Taking rows from a column in many chunks makes Arrow concatenate the chunks
    first: with a million rows every filter change copied all text columns (150 MB).
    """
    return column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)


def _is_text(t: pa.DataType) -> bool:
    if pa.types.is_dictionary(t):
        t = t.value_type
    return (
        pa.types.is_null(t)
        or pa.types.is_string(t)
        or pa.types.is_large_string(t)
        or pa.types.is_string_view(t)
    )


def _read_csv_arrow(
    path: Path, name: str, columns: Sequence[str] | None, optional: Sequence[str], scan: Scan
) -> pd.DataFrame | None:
    """A well-formed CSV file read by Arrow into text columns, or None to use pandas.

    Arrow parses a million rows in well under a second and never makes a Python
    string per cell. Anything it does not accept exactly as pandas would (an odd
    header, a malformed row, bad UTF-8, an empty file) returns None, so the pandas
    path reports it with the usual message.
    """
    with path.open("rb") as fh:
        first = fh.readline()
    try:
        header_line = first.decode("utf-8-sig").rstrip("\r\n")
    except UnicodeDecodeError:
        return None
    header = header_line.split(",")
    if '"' in header_line or "" in header or len(set(header)) != len(header):
        return None  # quoted, blank or repeated names: pandas' renaming rules apply
    if len(header) == 1:
        return None  # pandas skips whitespace-only lines, which Arrow would read as rows
    physical, blank_lines, lone_cr = scan.lines, scan.blank_lines, scan.lone_cr
    if lone_cr:
        return None  # old Mac line ends: pandas and csv count lines differently
    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1, use_threads=False),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={c: pa.large_string() for c in header},
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowException, OSError):
        return None
    # One contiguous buffer per column (see `_one_chunk`); the parser's blocks, which
    # hold every column's text, are freed once all columns are copied out of them.
    table = pa.table([_one_chunk(c) for c in table.columns], names=table.column_names)
    df = table.to_pandas()
    del table
    pa.default_memory_pool().release_unused()  # the parser's buffers, kept for reuse otherwise
    df.columns = [c.strip() for c in df.columns]
    if columns is not None:
        check_columns(list(df.columns), columns, name, optional)
        _add_blank(df, optional)
    if physical == len(df) + 1 and not blank_lines:
        df[LINE] = range(2, len(df) + 2)
    else:
        df[LINE] = _record_lines(read_text_utf8(path), len(df))
    return df


def _record_lines(text: str, n_records: int) -> list[int] | range:
    """Physical start line of each record (quoted fields may span lines)."""
    physical = text.count("\n") + (0 if text.endswith("\n") else 1)
    if physical == n_records + 1 and "\n\n" not in text and "\n\r\n" not in text:
        # One record per line: the common case, and cheap for big files.
        return range(2, n_records + 2)
    if "\r" in text:
        if "\n" not in text:  # old Mac line ends: a CR ends each line
            text = text.replace("\r", "\n")
        else:  # a CR inside a field is text, not a line end
            text = text.replace("\r\n", "\n").replace("\r", " ")
    lines: list[int] = []
    reader = csv.reader(io.StringIO(text))
    start = 1
    for i, row in enumerate(reader):
        if i > 0 and row:
            lines.append(start)
        start = reader.line_num + 1
    return lines[:n_records] + [0] * (n_records - len(lines))
