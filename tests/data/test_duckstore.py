"""A converted Parquet folder queried with DuckDB answers exactly as the pandas store does."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow.parquet as pq
import pytest
from sample_data import EVENTS, event, write_data_dir

from borderwatch import cli
from borderwatch.analysis.asof import picture_as_of
from borderwatch.analysis.filters import Filters
from borderwatch.analysis.sqlfilters import Box
from borderwatch.analysis.timeline import timeline
from borderwatch.data import snapshot
from borderwatch.data.convert import convert_to_parquet
from borderwatch.data.duckstore import DuckStore, is_converted
from borderwatch.data.problems import DataError
from borderwatch.data.store import FrameStore, open_store

ROWS = [
    *EVENTS,
    event(event_id="BW-2021-0008", summary="Rate up 50% at the bridge_gate, per officials.",
          date_start="2021-08-02", date_end="2021-08-02", date_precision="day",
          counterpart_country="", country="UZB", place="Termez",
          latitude="37.22417", longitude="67.27833", event_type="clash"),
]  # fmt: skip
FILTERS = [
    Filters(),
    Filters(start=dt.date(2021, 7, 1)),
    Filters(end=dt.date(2021, 6, 22)),
    Filters(start=dt.date(2021, 7, 10), end=dt.date(2021, 7, 12)),
    Filters(countries=("UZB",)),
    Filters(countries=("TJK", "RUS")),
    Filters(types=("crossing_closed", "clash")),
    Filters(q="taliban"),
    Filters(q="TALIBAN sher"),
    Filters(q="50%"),
    Filters(q="bridge_gate"),
    Filters(q="%"),
    Filters(q="BW-2021-0005"),
    Filters(q="Hayratan"),  # other spellings of places, from the gazetteer
    Filters(q="termiz"),
    Filters(q="Shir Khan"),
]
HAIRATAN_BOX = Box(37.0, 67.0, 37.5, 68.0)


@pytest.fixture
def folders(tmp_path):
    """The same rows as a CSV folder (pandas) and as a converted folder (DuckDB)."""
    csv_dir = write_data_dir(tmp_path / "csv", ROWS)
    parquet_dir = write_data_dir(tmp_path / "parquet", ROWS)
    convert_to_parquet(parquet_dir)
    return FrameStore(snapshot.load(csv_dir)), DuckStore(parquet_dir)


def ids(frame: pd.DataFrame) -> list[str]:
    return frame["event_id"].astype(str).tolist()


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_every_filter_selects_the_same_events_in_the_same_order(folders, f):
    frames, duck = folders
    assert duck.count(f) == frames.count(f)
    assert ids(duck.rows(f)) == ids(frames.rows(f))
    assert ids(duck.rows(f, order="latest")) == ids(frames.rows(f, order="latest"))
    assert duck.count(f, HAIRATAN_BOX) == frames.count(f, HAIRATAN_BOX)
    assert ids(duck.rows(f, HAIRATAN_BOX)) == ids(frames.rows(f, HAIRATAN_BOX))
    assert duck.located(f) == frames.located(f)
    assert duck.extent(f) == frames.extent(f)


def test_the_extent_is_the_located_events_own_and_none_without_one(folders):
    frames, duck = folders
    located = frames.rows(Filters(countries=("UZB",))).dropna(subset=["latitude", "longitude"])
    assert duck.extent(Filters(countries=("UZB",))) == (
        located["latitude"].min(), located["longitude"].min(),
        located["latitude"].max(), located["longitude"].max(),
    )  # fmt: skip
    assert duck.extent(Filters(q="no such words anywhere")) is None
    assert frames.extent(Filters(q="no such words anywhere")) is None


def test_the_wildcards_of_like_are_searched_as_plain_text(folders):
    frames, duck = folders
    assert ids(duck.rows(Filters(q="50%"))) == ["BW-2021-0008"]
    assert ids(duck.rows(Filters(q="%"))) == ["BW-2021-0008"]
    assert duck.count(Filters(q="bridge_gate")) == 1 == frames.count(Filters(q="bridge_gate"))


def test_pages_of_rows_follow_the_file_order(folders):
    frames, duck = folders
    assert ids(duck.rows(Filters(), limit=3, offset=2)) == ids(frames.rows(Filters()))[2:5]
    assert ids(duck.rows(Filters(), limit=3, offset=2)) == [r["event_id"] for r in ROWS[2:5]]


def test_grid_cells_count_the_same_events_per_cell(folders):
    frames, duck = folders
    for size in (0.25, 1.0, 2.0):
        a = duck.cells(Filters(), None, size).sort_values(["south", "west"], ignore_index=True)
        b = frames.cells(Filters(), None, size).sort_values(["south", "west"], ignore_index=True)
        pd.testing.assert_frame_equal(a, b, check_dtype=False)
    assert duck.cells(Filters(), HAIRATAN_BOX, 0.25)["count"].sum() == frames.count(
        Filters(), HAIRATAN_BOX
    )


NEAR_TERMEZ = event(event_id="BW-2021-0009", summary="A second report near Termez.",
                   date_start="2021-08-03", date_end="2021-08-03", date_precision="day",
                   counterpart_country="", country="UZB", place="Termez",
                   latitude="37.23", longitude="67.278", event_type="clash")  # fmt: skip
"""In the same fine cell (see `duckstore.FINE_CELL_DEG`) as Termez's 37.22417, 67.27833."""


@pytest.fixture(scope="module")
def with_near_termez(tmp_path_factory):
    root = tmp_path_factory.mktemp("near")
    csv_dir = write_data_dir(root / "csv", [*ROWS, NEAR_TERMEZ])
    parquet_dir = write_data_dir(root / "parquet", [*ROWS, NEAR_TERMEZ])
    convert_to_parquet(parquet_dir)
    return FrameStore(snapshot.load(csv_dir)), DuckStore(parquet_dir)


@pytest.mark.parametrize(
    "box",
    [None, HAIRATAN_BOX, Box(37.2, 67.2, 37.225, 67.28), Box(-90.0, -180.0, 90.0, 180.0)],
    ids=["no box", "Hairatan", "cuts a fine cell", "the world"],
)
@pytest.mark.parametrize(
    "f", [Filters(), Filters(countries=("UZB",)), Filters(q="taliban")], ids=str
)
def test_grid_cells_agree_for_any_box_size_and_filter_however_they_are_worked_out(
    with_near_termez, box, f
):
    # pans and zooms add up the fine cells kept for the filters; a box that cuts through
    # a fine cell (north 37.225 splits Termez from the report near it), or a size that
    # is no power of two times the fine one, asks DuckDB again
    frames, duck = with_near_termez
    for size in (2.0**-6, 2.0**-3, 0.25, 0.1, 2.0):
        a = duck.cells(f, box, size).sort_values(["south", "west"], ignore_index=True)
        b = frames.cells(f, box, size).sort_values(["south", "west"], ignore_index=True)
        pd.testing.assert_frame_equal(a, b, check_dtype=False)
    assert duck.located(f) == frames.located(f) and duck.count(f) == frames.count(f)
    assert duck.extent(f) == frames.extent(f)


def test_the_timeline_counts_agree(folders):
    frames, duck = folders
    f = Filters(start=dt.date(2021, 6, 1), end=dt.date(2021, 8, 31))
    a = timeline(duck.span_counts(f), f.start, f.end)
    b = timeline(frames.rows(f), f.start, f.end)
    pd.testing.assert_frame_equal(
        a.counts.sort_index(axis=1), b.counts.sort_index(axis=1), check_dtype=False
    )
    assert (a.spread, a.outside) == (b.spread, b.outside)
    assert a.spread > 0


@pytest.mark.parametrize(
    "as_of", [dt.date(2021, 6, 22), dt.date(2021, 7, 1), dt.date(2021, 9, 1)], ids=str
)
def test_the_picture_of_crossings_and_control_on_a_date_agrees(folders, as_of):
    frames, duck = folders
    a = picture_as_of(duck.state_events(as_of), duck.crossings, duck.places, as_of)
    b = picture_as_of(frames.state_events(as_of), frames.crossings, frames.places, as_of)
    pd.testing.assert_frame_equal(a.crossings, b.crossings, check_dtype=False)
    pd.testing.assert_frame_equal(a.control, b.control, check_dtype=False)


def test_state_events_keep_only_the_bounds_of_each_current_run(tmp_path):
    # Hairatan: closed, closed again, reopened, closed, closed: the current run is the
    # last two closures; the picture needs only its first and last report
    runs = [
        event(event_id=f"BW-R{i}", date_start=day, date_end=day, date_precision="day",
              event_type=kind)
        for i, (day, kind) in enumerate([
            ("2021-06-01", "crossing_closed"), ("2021-06-05", "crossing_closed"),
            ("2021-06-10", "crossing_reopened"), ("2021-06-20", "crossing_closed"),
            ("2021-06-25", "crossing_closed"), ("2021-06-30", "crossing_closed"),
        ])
    ]  # fmt: skip
    d = write_data_dir(tmp_path / "data", runs)
    frames = FrameStore(snapshot.load(d))
    convert_to_parquet(d)
    duck = DuckStore(d)
    on = dt.date(2021, 7, 1)
    assert ids(duck.state_events(on)) == ["BW-R3", "BW-R5"]
    a = picture_as_of(duck.state_events(on), duck.crossings, duck.places, on)
    b = picture_as_of(frames.state_events(on), frames.crossings, frames.places, on)
    pd.testing.assert_frame_equal(a.crossings, b.crossings, check_dtype=False)
    assert ids(duck.state_events(dt.date(2021, 6, 12))) == ["BW-R2"]


def test_a_record_batches_span_and_countries(folders):
    frames, duck = folders
    pd.testing.assert_series_equal(duck.record("BW-2021-0005"), frames.record("BW-2021-0005"))
    assert duck.record("BW-2021-0005")["date_start"] == "2021-07-09"
    assert duck.record("no-such-id") is None
    assert duck.source("OXAN-2021-07-13")["publisher"] == "Oxford Analytica"
    batches = list(duck.batches(Filters(countries=("TJK",)), size=2))
    assert [len(b) for b in batches] == [2, 1]
    assert ids(pd.concat(batches)) == ids(frames.rows(Filters(countries=("TJK",))))
    assert [len(b) for b in duck.batches(Filters(q="nothing like this"))] == [0]
    assert duck.span() == frames.span() == (dt.date(2021, 5, 1), dt.date(2021, 8, 2))
    assert duck.countries() == frames.countries() == ["AFG", "RUS", "TJK", "UZB"]
    assert duck.total == frames.total == len(ROWS)


def test_convert_fills_coordinates_from_the_gazetteer_and_marks_the_file(tmp_path):
    d = write_data_dir(tmp_path / "data", ROWS)
    path = convert_to_parquet(d)
    table = pq.read_table(path).to_pandas()
    assert is_converted(d)
    shir_khan = table[table["event_id"] == "BW-2021-0004"].iloc[0]
    assert shir_khan["place"] == "Shir Khan Bandar"  # the spelling as written is kept
    assert (shir_khan["latitude"], shir_khan["longitude"]) == (37.04, 68.24)
    assert table["date_start"].iloc[0] == dt.date(2021, 6, 23)
    assert isinstance(open_store(d), DuckStore)


def test_converting_again_keeps_the_previous_parquet_in_backups(tmp_path):
    d = write_data_dir(tmp_path / "data", ROWS)
    first = convert_to_parquet(d).read_bytes()
    convert_to_parquet(d)
    backups = list((d / "backups").glob("events.*.parquet"))
    assert [b.read_bytes() for b in backups] == [first]


def test_convert_on_the_command_line_refuses_an_invalid_folder_and_writes_nothing(tmp_path, capsys):
    d = write_data_dir(tmp_path / "data", [*ROWS, event(event_id="BW-X", country="XXX")])
    assert cli.main(["convert", str(d), "--to", "parquet"]) == 1
    err = capsys.readouterr().err
    assert "nothing was written" in err
    assert "events.csv" in err and "line 10" in err and "country" in err
    assert not (d / "events.parquet").exists()


def test_convert_on_the_command_line_reports_the_file_written(tmp_path, capsys):
    d = write_data_dir(tmp_path / "data", ROWS)
    assert cli.main(["convert", str(d), "--to", "parquet"]) == 0
    assert f"({len(ROWS)} events)" in capsys.readouterr().out


def test_a_plain_parquet_folder_is_validated_and_held_in_pandas(tmp_path):
    d = write_data_dir(tmp_path / "data", ROWS)
    pd.read_csv(d / "events.csv", dtype=str, keep_default_na=False).to_parquet(
        d / "events.parquet", index=False
    )
    assert not is_converted(d)
    assert isinstance(open_store(d), FrameStore)


def test_a_converted_file_whose_columns_were_retyped_is_a_clear_error(tmp_path):
    d = write_data_dir(tmp_path / "data", ROWS)
    path = convert_to_parquet(d)
    table = pq.read_table(path)
    retyped = table.set_column(
        table.schema.get_field_index("latitude"), "latitude", table["latitude"].cast("string")
    )
    pq.write_table(retyped, path)  # keeps the schema's metadata
    with pytest.raises(DataError) as e:
        DuckStore(d)
    assert "latitude" in e.value.report() and "expected double" in e.value.report()
