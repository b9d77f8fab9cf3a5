"""Broken and hostile input: every class gives one exact message naming file, line and field.

Never a traceback, never a hang, never a silently accepted bad file.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sample_data import EVENTS, event, write_data_dir

from borderwatch.cli import main
from borderwatch.data import vocab
from borderwatch.data.filecheck import checked_file
from borderwatch.data.gazetteer import Gazetteer
from borderwatch.data.loader import load_dataset, validate_data_dir
from borderwatch.data.problems import DataError

CONFIDENCES = ", ".join(vocab.CONFIDENCES)
HEADER = ",".join(vocab.EVENT_COLUMNS)


@contextlib.contextmanager
def within(seconds: int):
    """Fail instead of hanging the suite (a FIFO read blocks forever)."""

    def hang(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def messages(folder: Path) -> list[str]:
    with within(300):  # generous: the first unknown place loads GeoNames, slow on a busy machine
        return [str(p) for p in validate_data_dir(folder)]


def csv_line(row: dict[str, str]) -> str:
    return ",".join(f'"{row[c]}"' for c in vocab.EVENT_COLUMNS)


# --- line ends -----------------------------------------------------------------------------


def test_cr_only_line_ends_are_read_and_lines_are_counted_by_cr(tmp_path):
    folder = write_data_dir(tmp_path / "d", [*EVENTS[:2], event(event_id="X", confidence="rumour")])
    events = folder / "events.csv"
    events.write_bytes(events.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    assert messages(folder) == [
        f"events.csv, line 4, field confidence: 'rumour' must be one of: {CONFIDENCES}"
    ]


def test_a_lone_cr_inside_a_quoted_field_is_named_and_later_lines_keep_their_numbers(tmp_path):
    folder = write_data_dir(tmp_path / "d", [])
    rows = [event(summary="Shut\ragain."), event(event_id="B", confidence="rumour")]
    (folder / "events.csv").write_text(
        HEADER + "\n" + "\n".join(csv_line(r) for r in rows) + "\n", encoding="utf-8", newline=""
    )
    assert messages(folder) == [
        "events.csv, line 2, field summary: contains a carriage return (CR) inside the text; "
        "keep the value on one line",
    ]


def test_a_line_break_inside_a_cell_of_a_crlf_file_is_found_too(tmp_path):
    folder = write_data_dir(tmp_path / "d", [])
    rows = [event(), event(event_id="B", summary="Shut.\r\nReopened.")]
    (folder / "events.csv").write_bytes(
        (HEADER + "\r\n" + "\r\n".join(csv_line(r) for r in rows) + "\r\n").encode()
    )
    assert messages(folder) == [
        "events.csv, line 3, field summary: contains a carriage return (CR) inside the text; "
        "keep the value on one line",
    ]


# --- the kind of file -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda p: p.mkdir(),
            "sources.csv, whole file (no line or field): is a folder, not a regular file",
        ),
        (
            lambda p: os.mkfifo(p),
            "sources.csv, whole file (no line or field): "
            "is a named pipe (FIFO), not a regular file",
        ),
        (
            lambda p: p.symlink_to(p.parent / "gone.csv"),
            "sources.csv, whole file (no line or field): is a broken link (its target is missing)",
        ),
        (
            lambda p: p.symlink_to(p),
            "sources.csv, whole file (no line or field): "
            "cannot be opened (Too many levels of symbolic links)",
        ),
        (
            lambda p: p.symlink_to("/dev/zero"),
            "sources.csv, whole file (no line or field): "
            "is a link to a file outside the data folder",
        ),
    ],
    ids=["folder", "fifo", "dangling-link", "link-loop", "link-to-dev-zero"],
)
def test_anything_but_a_regular_file_is_refused_without_blocking(data_dir, make, expected):
    (data_dir / "sources.csv").unlink()
    make(data_dir / "sources.csv")
    assert messages(data_dir) == [expected]


def test_a_device_is_named_as_one():
    with pytest.raises(DataError) as e:
        checked_file(Path("/dev/zero"))
    assert (
        e.value.report() == "zero, whole file (no line or field): is a device, not a regular file"
    )


def test_a_broken_crossings_link_is_an_error_not_an_absent_file(data_dir):
    (data_dir / "crossings.csv").unlink()
    (data_dir / "crossings.csv").symlink_to(data_dir / "old-crossings.csv")
    assert messages(data_dir) == [
        "crossings.csv, whole file (no line or field): is a broken link (its target is missing)"
    ]


def test_a_link_to_a_file_inside_the_folder_is_followed(data_dir):
    (data_dir / "sources.csv").rename(data_dir / "sources-2021.csv")
    (data_dir / "sources.csv").symlink_to("sources-2021.csv")
    assert messages(data_dir) == []


# --- content --------------------------------------------------------------------------------


def test_an_events_table_with_only_a_header_is_an_error(data_dir):
    (data_dir / "events.csv").write_text(HEADER + "\n", encoding="utf-8")
    assert messages(data_dir) == [
        "events.csv, line 2, all fields: has no events, only a header: add at least one "
        "(the Add events page or `borderwatch import`)"
    ]


def test_year_zero_is_not_a_date_and_validate_reports_instead_of_crashing(tmp_path, capsys):
    folder = write_data_dir(tmp_path / "d", [event(date_start="0000-01-01")])
    assert main(["validate", str(folder)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "INVALID: 1 problem(s)",
        "events.csv, line 2, field date_start: '0000-01-01' is not a real calendar date",
    ]


def test_nul_bytes_are_located_by_line_and_field(data_dir):
    path = data_dir / "events.csv"
    data = path.read_bytes()
    at = data.index(b"Taliban fighters")
    path.write_bytes(data[:at] + b"\x00" + data[at:])
    assert messages(data_dir) == [
        f"events.csv, line 3, field summary: contains a NUL byte (0x00) at byte {at:,}"
    ]


def test_a_summary_over_the_dictionarys_300_characters_is_an_error(tmp_path):
    folder = write_data_dir(tmp_path / "d", [event(summary="x" * 301)])
    assert messages(folder) == [
        "events.csv, line 2, field summary: '" + "x" * 60 + "'… (301 characters) is longer "
        "than the 300 characters the data dictionary allows (one or two sentences)"
    ]


def test_a_20_mb_value_gets_one_short_message(tmp_path):
    folder = write_data_dir(tmp_path / "d", [event(actors="y" * 20_000_000)])
    assert messages(folder) == [
        "events.csv, line 2, field actors: is 20,000,000 characters long; the limit is 5,000"
    ]


def test_a_row_of_ten_thousand_fields_is_one_message_and_quick(data_dir):
    path = data_dir / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] += ",x" * 10_000
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    assert messages(data_dir) == [
        "events.csv, line 3, field column 17: row has 10,016 fields; the header has 16"
    ]
    assert time.monotonic() - started < 30  # 34 s before, for 850 messages


@pytest.mark.parametrize("extra", [1, 10_016])
def test_a_first_row_longer_than_the_header_is_an_error_not_a_shifted_table(data_dir, extra):
    # pandas would take the extra leading fields as an index: columns shifted, minutes of work
    path = data_dir / "crossings.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    width = len(lines[0].split(","))
    lines[1] += ",x" * extra
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert messages(data_dir) == [
        f"crossings.csv, line 2, field column {width + 1}: "
        f"row has {width + extra:,} fields; the header has {width}"
    ]


def test_a_header_of_ten_thousand_columns_is_refused_before_parsing(data_dir):
    path = data_dir / "events.csv"
    path.write_text(HEADER + ",x" * 10_000 + "\n" + csv_line(event()) + "\n", encoding="utf-8")
    assert messages(data_dir) == [
        "events.csv, line 1, field column 101: header has 10,016 columns; the limit is 100"
    ]


def test_many_bad_rows_give_twenty_messages_and_a_count(tmp_path):
    rows = [event(event_id=f"BW-{i}", confidence="rumour") for i in range(5_000)]
    found = messages(write_data_dir(tmp_path / "d", rows))
    assert len(found) == 21
    assert found[0] == (
        f"events.csv, line 2, field confidence: 'rumour' must be one of: {CONFIDENCES}"
    )
    assert found[-1] == (
        "events.csv, line 22, field confidence: … and 4,980 more rows like the above, from here on"
    )


def test_a_bomb_of_empty_rows_in_the_data_folder_is_refused_unparsed(data_dir):
    with (data_dir / "events.csv").open("a") as fh:
        fh.write(",,,,,,,,,,,,,,,\n" * 200_000)
    assert messages(data_dir) == [
        "events.csv, line 9, all fields: file has 200,000 empty rows (nothing but commas or "
        "blanks) among 200,008 lines; remove them and try again"
    ]


def test_an_unclosed_quote_names_its_line(data_dir):
    path = data_dir / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace(",", ',"', 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert messages(data_dir) == [
        'events.csv, line 5, field date_start: a quoted field (") is never closed'
    ]


# --- Parquet --------------------------------------------------------------------------------


def parquet_folder(data_dir: Path, table: pa.Table | None = None, raw: bytes = b"") -> Path:
    path = data_dir / "events.parquet"
    if table is not None:
        pq.write_table(table, path)
    else:
        path.write_bytes(raw)
    return data_dir


def test_garbage_and_empty_parquet_are_messages(data_dir):
    parquet_folder(data_dir, raw=b"PAR1 this is not parquet PAR1")
    assert messages(data_dir) == [
        "events.parquet, whole file (no line or field): "
        'not a readable Parquet file ("Parquet file size is 29 bytes, smaller '
        "than the size reported by footer's (544499061bytes)\")"
    ]
    parquet_folder(data_dir, raw=b"")
    assert messages(data_dir)[0].startswith(
        "events.parquet, whole file (no line or field): not a readable Parquet file ("
    )


def test_a_parquet_table_of_too_many_columns_is_refused_from_its_schema(data_dir):
    columns = {c: pa.array([event()[c]]) for c in vocab.EVENT_COLUMNS}
    columns |= {f"extra_{i}": pa.array(["x"]) for i in range(101 - len(columns))}
    parquet_folder(data_dir, pa.table(columns))
    assert messages(data_dir) == [
        "events.parquet, line 1, field column 101: has 101 columns; the limit is 100"
    ]


def test_a_gazetteer_past_the_row_limit_names_the_first_row_beyond_it(data_dir):
    header, first = (data_dir / "places.csv").read_text(encoding="utf-8").splitlines()[:2]
    (data_dir / "places.csv").write_text("\n".join([header] + [first] * 100_001) + "\n")
    assert messages(data_dir) == [
        "places.csv, line 100002, all fields: file has 100,001 rows; the limit is 100,000"
    ]


def test_a_parquet_column_of_lists_names_the_column(data_dir):
    columns = {c: pa.array([event()[c]]) for c in vocab.EVENT_COLUMNS}
    columns["summary"] = pa.array([["Hairatan", "shut"]], pa.list_(pa.string()))
    parquet_folder(data_dir, pa.table(columns))
    assert messages(data_dir) == [
        "events.parquet, line 1, field summary: holds list<element: string> values; "
        "columns must be text, numbers or dates"
    ]


# --- borders.geojson ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"garbage",
            "borders.geojson, line 1, all fields: is not valid JSON: Expecting value (column 1)",
        ),
        (
            b'{"type": "Point", "coordinates": [1, 2]}',
            'borders.geojson, no line, field type: must be a GeoJSON FeatureCollection ({"type": '
            '"FeatureCollection", "features": [...]})',
        ),
        (
            b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
            b'"geometry": {"type": "Point", "coordinates": [1e999, 2]}}]}',
            "borders.geojson, no line, field features[0]: geometry has no finite coordinates",
        ),
        (
            b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}}]}',
            "borders.geojson, no line, field features[0]: has no geometry",
        ),
    ],
    ids=["garbage", "not-a-collection", "infinite", "no-geometry"],
)
def test_a_broken_outlines_file_is_reported_by_validate(data_dir, content, expected):
    (data_dir / "borders.geojson").write_bytes(content)
    assert messages(data_dir) == [expected]


# --- the import command ---------------------------------------------------------------------


ACLED = Path(__file__).resolve().parents[1] / "ingest" / "fixtures" / "acled_afg_2021.csv"


def run_import(path: Path, data_dir: Path, capsys) -> tuple[int, list[str]]:
    with within(60):
        code = main(["import", "acled", str(path), "-o", str(path.with_suffix(".out")),
                     "--data-dir", str(data_dir)])  # fmt: skip
    return code, capsys.readouterr().err.splitlines()


def test_import_refuses_a_bomb_of_empty_rows_at_once(data_dir, tmp_path, capsys):
    bomb = tmp_path / "bomb.csv"
    bomb.write_bytes(ACLED.read_bytes() + b",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n" * 2_000_000)
    started = time.monotonic()
    code, err = run_import(bomb, data_dir, capsys)
    assert (code, err[1]) == (
        1,
        "bomb.csv, line 7, all fields: file has 2,000,000 empty rows (nothing but commas or "
        "blanks) among 2,000,006 lines; remove them and try again",
    )
    assert time.monotonic() - started < 30  # 280 s and 4.6 GB before


def test_import_refuses_ten_thousand_columns_and_a_30_mb_note(data_dir, tmp_path, capsys):
    wide = tmp_path / "wide.csv"
    lines = ACLED.read_text(encoding="utf-8").splitlines()
    wide.write_text("\n".join(line + ",x" * 10_000 for line in lines) + "\n", encoding="utf-8")
    assert run_import(wide, data_dir, capsys) == (
        1,
        ["1 problem(s); nothing was written",
         "wide.csv, line 1, field column 101: header has 10,031 columns; the limit is 100"],
    )  # fmt: skip
    long = tmp_path / "long.csv"
    lines[1] = lines[1].replace('"Taliban fighters', '"' + "z" * 30_000_000, 1)
    long.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run_import(long, data_dir, capsys) == (
        1,
        ["1 problem(s); nothing was written",
         "long.csv, line 2, field notes: is 30,000,090 characters long; the limit is 5,000"],
    )  # fmt: skip
    assert not long.with_suffix(".out").exists()


def test_every_folder_problem_fits_in_a_message_of_a_few_hundred_characters(tmp_path):
    rows = [event(event_id="Q" * 5_000_000, place="P" * 4_000, country="Z" * 3_000)]
    found = messages(write_data_dir(tmp_path / "d", rows))
    assert found and max(len(m) for m in found) < 400


def test_load_dataset_raises_data_error_only(data_dir):
    (data_dir / "borders.geojson").write_bytes(b"[" * 100_000)
    with pytest.raises(DataError):
        load_dataset(data_dir)


def test_thousands_of_unknown_places_get_twenty_suggestions_and_a_count(tmp_path, monkeypatch):
    searched: list[str] = []
    real_suggest = Gazetteer.suggest
    monkeypatch.setattr(
        Gazetteer,
        "suggest",
        lambda self, name, n=3: searched.append(name) or real_suggest(self, name, n),
    )
    rows = [
        event(event_id=f"BW-{i}", place=f"Qzxv{i:04d}", latitude="", longitude="")
        for i in range(2_000)
    ]
    found = messages(write_data_dir(tmp_path / "d", rows))
    assert len(found) == 21
    assert found[0].startswith("events.csv, line 2, field place: unknown place 'Qzxv0000' and")
    assert found[-1] == (
        "events.csv, line 22, field place: … and 1,980 more rows with an unknown place, "
        "from here on"
    )
    assert len(searched) == 20  # each search scans every known name: only for rows shown
