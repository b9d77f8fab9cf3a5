"""Checking an uploaded file before anything parses it: size, format, encoding, CSV bombs.

Each check works on the raw bytes with C-speed operations (len, count, a
compiled regex), so a hostile file is refused without materialising its rows.
`read_upload` then reads the table and says which layout it is (ACLED, UCDP
GED, tidy BorderWatch rows) or treats a .txt file as a briefing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

import pandas as pd

from borderwatch.data import vocab
from borderwatch.data.filecheck import UPLOAD_LIMITS, header_fields, scan_csv
from borderwatch.data.problems import DataError, Problem
from borderwatch.data.tables import check_cells, decode_utf8, read_csv_text
from borderwatch.ingest import acled, ucdp

MAX_BYTES = UPLOAD_LIMITS.max_bytes
"""Largest upload accepted (10 MiB: a year of ACLED for the whole region is about 5 MiB)."""
MAX_ROWS = UPLOAD_LIMITS.max_rows
"""Most records accepted in one upload."""

TABLE_SUFFIXES = (".csv",)
TEXT_SUFFIXES = (".txt",)

_MAGIC = {
    b"PK\x03\x04": "a ZIP archive or an Excel/ODS workbook",
    b"\xd0\xcf\x11\xe0": "an old Excel (.xls) or Word document",
    b"%PDF": "a PDF document",
    b"\x1f\x8b": "a gzip archive",
    b"PAR1": "a Parquet file",
}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class UploadError(DataError):
    """An upload refused before parsing; `.problems` holds one message naming the file."""

    def __init__(self, name: str, message: str, line: int | None = None, field: str | None = None):
        super().__init__([Problem(name, line, field, message)])


@dataclass(frozen=True)
class Upload:
    """A checked upload: its layout and its content (a table of strings, or text)."""

    name: str
    format: str
    """"acled", "ucdp", "tidy" (BorderWatch's own table) or "briefing_text"."""
    table: pd.DataFrame | None = None
    text: str = ""


def check_bytes(name: str, data: bytes, max_bytes: int = MAX_BYTES) -> str:
    """The upload as text, or UploadError for wrong size, format, encoding or a CSV bomb."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if len(data) > max_bytes:
        raise UploadError(
            name, f"file is {len(data) / 2**20:.1f} MiB; the limit is {max_bytes / 2**20:.0f} MiB"
        )
    if not data.strip():
        raise UploadError(name, "file is empty", line=1)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise UploadError(
                name, f"file is {what}, not CSV or text; export it as CSV (UTF-8) and try again"
            )
    if suffix not in TABLE_SUFFIXES + TEXT_SUFFIXES:
        raise UploadError(
            name,
            f"unsupported file type {suffix or '(none)'}: upload a .csv table or a .txt briefing",
        )
    if data.startswith(_UTF16_BOMS):
        raise UploadError(name, "file is UTF-16; save it as UTF-8 and try again", line=1)
    limits = replace(UPLOAD_LIMITS, max_bytes=max_bytes)
    if suffix in TABLE_SUFFIXES:
        # The same byte checks as every data file: NUL bytes, empty rows, rows, columns.
        fh = io.BytesIO(data)
        scan_csv(fh, name, header_fields(fh, name, limits), limits)
    elif (nul := data.find(b"\x00")) >= 0:
        line = data[:nul].count(b"\n") + 1
        raise UploadError(
            name, f"contains a NUL byte (0x00) at byte {nul:,}: it is binary, not text", line
        )
    return decode_utf8(data, name, table=suffix in TABLE_SUFFIXES)


def detect_format(columns: list[str]) -> str | None:
    """'acled', 'ucdp' or 'tidy' from a table's header; None if it is none of them."""
    cols = set(columns)
    if {"event_id_cnty", "event_date", "sub_event_type"} <= cols:
        return "acled"
    if {"id", "date_prec", "where_prec", "side_a"} <= cols:
        return "ucdp"
    if set(vocab.EVENT_COLUMNS) <= cols:
        return "tidy"
    return None


def read_upload(name: str, data: bytes, max_bytes: int = MAX_BYTES) -> Upload:
    """Check and read an upload; UploadError/DataError with a clear message otherwise."""
    text = check_bytes(name, data, max_bytes)
    if name.lower().endswith(TEXT_SUFFIXES):
        return Upload(name, "briefing_text", text=text)
    table = read_csv_text(text, name)
    check_cells(table, name, UPLOAD_LIMITS)
    fmt = detect_format(list(table.columns))
    if fmt is None:
        raise UploadError(
            name,
            "not an ACLED export (event_id_cnty, event_date, sub_event_type …), "
            "a UCDP GED export (id, date_prec, where_prec, side_a …) or a BorderWatch "
            f"event table ({', '.join(vocab.EVENT_COLUMNS)})",
            line=1,
        )
    if fmt == "acled":
        acled.check_acled_columns(table, name)
    elif fmt == "ucdp":
        ucdp.check_ucdp_columns(table, name)
    return Upload(name, fmt, table=table)
