"""The shared store on a real PostgreSQL 15 + PostGIS cluster (the `postgres` fixture)."""

from __future__ import annotations

import datetime as dt
import shutil
import threading

import pandas as pd
import pytest
from sample_data import BUNDLED, event, new_event, write_data_dir

from borderwatch.analysis.filters import Filters, apply_filters
from borderwatch.analysis.sqlfilters import POSTGRES, Box, where_clause
from borderwatch.cli import main
from borderwatch.data.convert import convert_to_parquet
from borderwatch.data.duckstore import DuckStore
from borderwatch.data.loader import load_dataset
from borderwatch.data.problems import DataError
from borderwatch.data.store import FrameStore, box_mask
from borderwatch.db import DATABASE_ENV
from borderwatch.db.reads import (
    data_version,
    filtered_events,
    history,
    last_change_time,
    load_store,
)
from borderwatch.db.schema import connect, init
from borderwatch.db.transfer import dump_folder, load_folder
from borderwatch.db.writes import save_events
from borderwatch.ingest.tidy import tidy_frame

DATA_FILES = ("events.csv", "places.csv", "sources.csv", "crossings.csv")


@pytest.fixture
def db(database_url):
    """A connection to a new database holding the bundled data."""
    with connect(database_url) as conn:
        init(conn)
        load_folder(conn, BUNDLED, "loader@example.org")
        yield conn


def rows(*events: dict[str, str]) -> pd.DataFrame:
    return tidy_frame(events, range(2, len(events) + 2))


def test_load_then_dump_gives_the_bundled_files_back_byte_for_byte(db, tmp_path):
    counts = dump_folder(db, tmp_path / "out")
    for name in DATA_FILES:
        assert (tmp_path / "out" / name).read_bytes() == (BUNDLED / name).read_bytes(), name
    assert counts.rows["events"] == len(load_dataset(BUNDLED).events)


def test_dump_backs_up_a_file_it_replaces(db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.csv").write_text("mine\n")
    dump_folder(db, out)
    [kept] = (out / "backups").glob("events-*.csv")
    assert kept.read_text() == "mine\n"


def test_load_reports_every_problem_of_the_folder_as_the_app_does(database_url, tmp_path):
    bad = new_event(102, confidence="rumour", place="Nowhere-on-earth", latitude="", longitude="")
    folder = write_data_dir(tmp_path / "data", events=[event(), bad])
    with pytest.raises(DataError) as folder_error:
        load_dataset(folder)
    with connect(database_url) as conn:
        init(conn)
        with pytest.raises(DataError) as db_error:
            load_folder(conn, folder, "loader")
        assert db_error.value.problems == folder_error.value.problems
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (0,)


def test_load_refuses_to_overwrite_data_unless_told_to_replace(db, data_dir):
    with pytest.raises(DataError, match="already holds data"):
        load_folder(db, data_dir, "loader")
    counts = load_folder(db, data_dir, "loader", replace=True)
    assert counts.rows["events"] == 7
    assert db.execute("SELECT count(*) FROM events").fetchone() == (7,)
    deleted = db.execute(
        "SELECT count(*) FROM changes WHERE action = 'delete' AND table_name = 'events'"
    ).fetchone()
    assert deleted == (len(load_dataset(BUNDLED).events),)


def test_the_store_holds_the_same_data_set_as_the_folder(db, tmp_path):
    folder = load_dataset(BUNDLED)
    stored = load_store(db, BUNDLED).dataset
    pd.testing.assert_frame_equal(
        stored.events.drop(columns="geometry"),
        folder.events.drop(columns="geometry"),
        check_like=True,
    )
    assert stored.events.geometry.equals(folder.events.geometry)
    for name in ("places", "crossings", "sources"):
        pd.testing.assert_frame_equal(getattr(stored, name), getattr(folder, name), check_like=True)


FILTERS = [
    Filters(),
    Filters(start=dt.date(2021, 7, 1), end=dt.date(2021, 7, 31)),
    Filters(countries=("UZB",)),
    Filters(countries=("TKM", "TJK"), types=("crossing_closed", "crossing_reopened")),
    Filters(q="taliban"),
    Filters(q="Hairatan bridge"),
    Filters(start=dt.date(2021, 8, 15), q="BW-2021"),
    Filters(q="100%_"),
    Filters(q="Hayratan"),
]


@pytest.mark.parametrize("f", FILTERS, ids=[repr(f) for f in FILTERS])
def test_filters_run_in_sql_select_what_pandas_selects(db, f):
    store = load_store(db, BUNDLED)
    folder = load_dataset(BUNDLED)
    expected = apply_filters(folder.events, f, folder.places)
    got = filtered_events(db, store, f)
    assert got["event_id"].tolist() == expected["event_id"].tolist()


OTHER_SPELLINGS = {
    # The gazetteer's other names of Hairatan, Turghundi, Serhetabat, Termez, Sher Khan Bandar.
    "Hayratan": ["BW-2021-0010", "BW-2021-0013", "BW-2021-0075"],
    "torghundi": ["BW-2021-0034", "BW-2021-0078"],
    "Kushka": ["BW-2021-0036"],
    "Termiz": ["BW-2018-0003"],
    "Shir Khan": ["BW-2021-0005", "BW-2021-0006", "BW-2021-0007", "BW-2021-0079"],
}


def test_another_spelling_of_a_place_finds_the_same_events_in_pandas_duckdb_and_postgresql(
    db, tmp_path
):
    frames = FrameStore(load_dataset(BUNDLED))
    converted = shutil.copytree(BUNDLED, tmp_path / "converted")
    convert_to_parquet(converted)
    duck = DuckStore(converted)
    store = load_store(db, BUNDLED)
    for q, expected in OTHER_SPELLINGS.items():
        f = Filters(q=q)
        assert frames.rows(f)["event_id"].tolist() == expected, q
        assert duck.rows(f)["event_id"].tolist() == expected, q
        assert filtered_events(db, store, f)["event_id"].tolist() == expected, q
        assert duck.count(f) == len(expected), q


def test_the_filters_reach_postgresql_through_the_one_sql_compiler(db):
    where, params = where_clause(
        Filters(start=dt.date(2021, 7, 1), countries=("UZB",), q="bridge"), dialect=POSTGRES
    )
    assert where.startswith(
        "day_end >= %s AND (country IN (%s) OR counterpart_country IN (%s)) AND (summary ILIKE %s"
    )
    assert params[:3] == [dt.date(2021, 7, 1), "UZB", "UZB"]


def test_the_map_box_selects_in_postgis_what_pandas_selects(db):
    box = Box(south=37.0, west=67.0, north=37.5, east=68.0)
    where, params = where_clause(Filters(countries=("UZB",)), box, dialect=POSTGRES)
    got = db.execute(f"SELECT event_id FROM events WHERE {where} ORDER BY seq", params).fetchall()
    events = apply_filters(load_dataset(BUNDLED).events, Filters(countries=("UZB",)))
    expected = events[box_mask(events, box)]["event_id"].tolist()
    assert expected  # Termez and Hairatan lie in the box
    assert [r[0] for r in got] == expected


def test_a_save_is_recorded_in_the_history_with_the_editor(db):
    result = save_events(db, rows(new_event(1)), "upload.csv", "gina@example.org")
    assert result.added == 1
    shown = history(db, "events", "BW-2022-0001")
    assert shown[["Editor", "Change", "Note"]].values.tolist() == [
        ["gina@example.org", "added", "Add events: upload.csv"]
    ]
    stored = load_store(db, BUNDLED).dataset.events
    assert stored["event_id"].iloc[-1] == "BW-2022-0001"


def test_a_save_moves_the_version_and_the_last_change_time_a_screen_watches(db):
    before, loaded_at = data_version(db), last_change_time(db)
    save_events(db, rows(new_event(1)), "upload.csv", "gina@example.org")
    after, saved_at = data_version(db), last_change_time(db)
    assert after != before
    assert loaded_at is not None and saved_at is not None and saved_at >= loaded_at
    assert saved_at.utcoffset() is not None  # a point in time, shown in UTC


def test_an_edit_made_in_sql_is_recorded_with_before_and_after(db):
    db.execute("UPDATE events SET confidence = 'confirmed' WHERE event_id = 'BW-2021-0007'")
    last = history(db, "events", "BW-2021-0007").iloc[-1]
    assert last["Change"] == "changed confidence: 'reported' → 'confirmed'"
    assert last["Editor"].startswith("database user ")


def test_a_bad_row_saves_nothing_and_names_row_and_field(db):
    before = db.execute("SELECT count(*) FROM changes").fetchone()
    with pytest.raises(DataError) as e:
        save_events(db, rows(new_event(1), new_event(2, confidence="rumour")), "new.csv", "g")
    assert [(p.file, p.line, p.field) for p in e.value.problems] == [("new.csv", 3, "confidence")]
    assert db.execute("SELECT count(*) FROM changes").fetchone() == before


def test_an_id_already_in_the_store_is_refused(db):
    save_events(db, rows(new_event(1)), "a.csv", "gina@example.org")
    with pytest.raises(DataError, match="'BW-2022-0001' is already in the database"):
        save_events(db, rows(new_event(1)), "b.csv", "omar@example.org")


def test_a_new_source_is_saved_with_the_events_that_cite_it(db):
    source = {
        "source_id": "UCDP-test-20220301",
        "title": "UCDP export",
        "author": "",
        "publisher": "UCDP",
        "published": "2022-03-01",
        "url": "",
    }
    result = save_events(
        db,
        rows(new_event(1, source_id=source["source_id"])),
        "ged.csv",
        "gina@example.org",
        [source],
    )
    assert result.sources_added == 1
    assert history(db, "sources", "UCDP-test-20220301")["Editor"].tolist() == ["gina@example.org"]


def test_two_editors_saving_fifty_rows_each_at_once_keep_all_hundred(db, database_url):
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def editor(name: str, first: int) -> None:
        try:
            with connect(database_url) as conn:
                batch = rows(*(new_event(n) for n in range(first, first + 50)))
                start.wait()
                save_events(conn, batch, f"{name}.csv", f"{name}@example.org")
        except BaseException as e:  # reported below, in the test's thread
            errors.append(e)

    threads = [threading.Thread(target=editor, args=a) for a in (("gina", 1), ("omar", 51))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    saved = db.execute(
        "SELECT editor, count(*) FROM changes WHERE table_name = 'events' "
        "AND action = 'insert' AND editor <> 'loader@example.org' "
        "GROUP BY editor ORDER BY editor"
    ).fetchall()
    assert saved == [("gina@example.org", 50), ("omar@example.org", 50)]
    ids = set(load_store(db, BUNDLED).dataset.events["event_id"])
    assert {f"BW-2022-{n:04d}" for n in range(1, 101)} <= ids


def test_two_editors_saving_rows_without_ids_at_once_get_distinct_next_ids(db, database_url):
    # Each editor saves five batches of ten new rows (blank ids), all at once.
    start = threading.Barrier(2)
    errors: list[BaseException] = []
    given: dict[str, list[str]] = {"gina": [], "omar": []}

    def editor(name: str) -> None:
        try:
            with connect(database_url) as conn:
                start.wait()
                for b in range(5):
                    batch = rows(
                        *(
                            event(
                                event_id="",
                                date_start="2022-03-01",
                                date_end="2022-03-01",
                                date_precision="day",
                                summary=f"{name} batch {b} row {i} at Hairatan.",
                            )
                            for i in range(10)
                        )
                    )
                    result = save_events(conn, batch, f"{name}.csv", f"{name}@example.org")
                    given[name] += result.event_ids
        except BaseException as e:  # reported below, in the test's thread
            errors.append(e)

    threads = [threading.Thread(target=editor, args=(n,)) for n in given]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=180)
    assert errors == []
    expected = [f"BW-2022-{n:04d}" for n in range(1, 101)]
    assert sorted(given["gina"] + given["omar"]) == expected
    stored = dict(
        db.execute(
            "SELECT event_id, split_part(summary, ' ', 1) FROM events "
            "WHERE event_id LIKE 'BW-2022-%'"
        ).fetchall()
    )
    assert sorted(stored) == expected
    assert {i: stored[i] for i in given["gina"]} == {i: "gina" for i in given["gina"]}
    assert {i: stored[i] for i in given["omar"]} == {i: "omar" for i in given["omar"]}


def test_the_command_line_inits_loads_and_dumps(database_url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(DATABASE_ENV, database_url)
    assert main(["db", "init"]) == 0
    assert main(["db", "load", str(BUNDLED)]) == 0
    assert main(["db", "load", str(BUNDLED)]) == 1
    out = capsys.readouterr().out
    assert "FAILED: 1 problem(s); nothing was changed" in out
    assert "use --replace" in out
    assert main(["db", "dump", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "events.csv").read_bytes() == (BUNDLED / "events.csv").read_bytes()


def test_a_database_without_the_tables_says_to_run_db_init(database_url, tmp_path):
    with connect(database_url) as conn, pytest.raises(DataError, match="borderwatch db init"):
        dump_folder(conn, tmp_path)


def test_an_unreachable_database_is_a_clear_error_without_the_password():
    with pytest.raises(DataError) as e:
        connect("postgresql://bw:s3cret@127.0.0.1:1/nowhere")
    assert "cannot connect to the database on 127.0.0.1" in e.value.report()
    assert "s3cret" not in e.value.report()
