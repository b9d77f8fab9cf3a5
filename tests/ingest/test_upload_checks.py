"""Uploads are refused with one clear message for size, format, encoding and CSV bombs."""

from __future__ import annotations

from pathlib import Path

import pytest

from borderwatch.data import vocab
from borderwatch.data.problems import DataError
from borderwatch.ingest import upload
from borderwatch.ingest.upload import read_upload

FIXTURES = Path(__file__).parent / "fixtures"
TIDY_HEADER = ",".join(vocab.EVENT_COLUMNS).encode() + b"\n"


def message(name: str, data: bytes, **kwargs) -> str:
    with pytest.raises(DataError) as err:
        read_upload(name, data, **kwargs)
    [problem] = err.value.problems
    return str(problem)


def test_a_file_over_the_size_limit_is_refused_before_reading():
    data = TIDY_HEADER + b"x" * 3 * 2**20
    assert message("events.csv", data, max_bytes=2 * 2**20) == (
        "events.csv, whole file (no line or field): file is 3.0 MiB; the limit is 2 MiB"
    )


def test_an_excel_workbook_is_named_as_such():
    assert message("acled.xlsx", b"PK\x03\x04\x14\x00\x06\x00rest-of-zip") == (
        "acled.xlsx, whole file (no line or field): file is a ZIP archive or an Excel/ODS "
        "workbook, not CSV or text; export it as CSV (UTF-8) and try again"
    )


def test_an_unsupported_extension_is_refused():
    assert message("events.json", b'{"a": 1}') == (
        "events.json, whole file (no line or field): unsupported file type .json: "
        "upload a .csv table or a .txt briefing"
    )


def test_a_latin1_file_names_the_line_of_the_first_bad_byte():
    data = TIDY_HEADER + b"BW-1,2021-07-09,Maz\xe2r\n"
    assert message("events.csv", data) == (
        f"events.csv, line 2, field date_end: file is not UTF-8 "
        f"(byte 0xe2 at offset {len(TIDY_HEADER) + 19}); "
        "save it as UTF-8 and try again"
    )


def test_a_utf16_file_is_named_as_such():
    assert message("events.csv", "event_id\n".encode("utf-16")) == (
        "events.csv, line 1, all fields: file is UTF-16; save it as UTF-8 and try again"
    )


def test_a_csv_bomb_of_millions_of_empty_rows_is_refused_without_parsing():
    data = TIDY_HEADER + b",,,,,,,,,,,,,,,\n" * 2_000_000
    assert message("events.csv", data, max_bytes=64 * 2**20) == (
        "events.csv, line 2, all fields: file has 2,000,000 empty rows (nothing but commas or "
        "blanks) among 2,000,001 lines; remove them and try again"
    )


def test_a_bomb_of_bare_newlines_is_refused_too():
    data = TIDY_HEADER + b"\n" * 3_000_000
    assert "3,000,000 empty rows" in message("events.csv", data)


def test_a_few_blank_lines_are_fine():
    data = (FIXTURES / "acled_afg_2021.csv").read_bytes() + b"\n\n,,,\n"
    assert read_upload("acled.csv", data).format == "acled"


def test_too_many_real_rows_is_refused():
    row = b"BW-1,2021-07-09\n"
    data = TIDY_HEADER + row * (upload.MAX_ROWS + 1)
    assert message("events.csv", data) == (
        f"events.csv, line {upload.MAX_ROWS + 2}, all fields: "
        f"file has {upload.MAX_ROWS + 1:,} rows; the limit is {upload.MAX_ROWS:,} "
        "per upload (split it, or import it with `borderwatch import`)"
    )


def test_an_empty_file_is_refused():
    assert message("events.csv", b"  \n") == "events.csv, line 1, all fields: file is empty"


def test_a_csv_that_is_none_of_the_known_layouts_says_what_was_expected():
    text = message("mystery.csv", b"name,lat,lon\nHairatan,37.2,67.4\n")
    assert text.startswith(
        "mystery.csv, line 1, all fields: not an ACLED export (event_id_cnty, event_date"
    )


@pytest.mark.parametrize(
    ("fixture", "fmt"),
    [("acled_afg_2021.csv", "acled"), ("ged_afg_2021.csv", "ucdp")],
)
def test_exports_are_recognised_by_their_header(fixture, fmt):
    up = read_upload(fixture, (FIXTURES / fixture).read_bytes())
    assert (up.format, len(up.table)) == (fmt, {"acled": 5, "ucdp": 3}[fmt])


def test_a_text_file_is_a_briefing():
    up = read_upload("briefing.txt", b"Uzbekistan closed Hairatan on July 9.")
    assert (up.format, up.text) == ("briefing_text", "Uzbekistan closed Hairatan on July 9.")
