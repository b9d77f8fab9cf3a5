"""Saving never loses data: validated, locked, backed up, atomic; read-only folders refuse."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from sample_data import EVENTS, event

from borderwatch.data.loader import load_dataset
from borderwatch.data.problems import DataError
from borderwatch.data.tables import read_table
from borderwatch.ingest import store
from borderwatch.ingest.tidy import tidy_frame


def rows(*events: dict[str, str]) -> pd.DataFrame:
    """Tidy rows as an upload would give them (lines 2, 3, ...)."""
    return tidy_frame(events, range(2, len(events) + 2))


def termez_closure(n: int = 8) -> dict[str, str]:
    return event(
        event_id=f"BW-2021-{n:04d}",
        place="Termez",
        country="UZB",
        counterpart_country="AFG",
        latitude="",
        longitude="",
        geo_precision="town",
        summary="Uzbek border guards stopped traffic on the Termez side of the bridge.",
    )


def test_append_adds_rows_after_the_existing_ones(data_dir):
    result = store.append_events(data_dir, rows(termez_closure()), "upload.csv")
    ids = load_dataset(data_dir).events["event_id"].tolist()
    assert ids == [e["event_id"] for e in EVENTS] + ["BW-2021-0008"]
    assert result.added == 1
    assert result.events_file == data_dir / "events.csv"


def test_append_keeps_a_timestamped_backup_of_the_previous_table(data_dir):
    before = (data_dir / "events.csv").read_bytes()
    result = store.append_events(data_dir, rows(termez_closure()), "upload.csv")
    [backup] = result.backups
    assert backup.parent == data_dir / "backups"
    assert backup.name.startswith("events-") and backup.suffix == ".csv"
    assert backup.read_bytes() == before


def test_two_saves_in_a_row_keep_two_backups(data_dir):
    store.append_events(data_dir, rows(termez_closure(8)), "a.csv")
    store.append_events(data_dir, rows(termez_closure(9)), "b.csv")
    assert len(list((data_dir / "backups").glob("events-*.csv"))) == 2


def test_a_row_that_fails_validation_changes_nothing(data_dir):
    before = (data_dir / "events.csv").read_bytes()
    bad = rows(termez_closure(8), event(event_id="BW-2021-0009", confidence="rumour"))
    with pytest.raises(DataError) as err:
        store.append_events(data_dir, bad, "upload.csv")
    assert [str(p) for p in err.value.problems] == [
        "upload.csv, line 3, field confidence: "
        "'rumour' must be one of: confirmed, reported, claimed, inferred"
    ]
    assert (data_dir / "events.csv").read_bytes() == before
    assert not list((data_dir / "backups").glob("events-*"))


def test_an_id_already_in_the_table_is_refused_naming_both_lines(data_dir):
    with pytest.raises(DataError) as err:
        store.append_events(data_dir, rows(event()), "upload.csv")
    assert [str(p) for p in err.value.problems] == [
        "upload.csv, line 2, field event_id: 'BW-2021-0001' is already in events.csv (line 2)"
    ]


def test_optional_columns_are_added_only_when_used(data_dir):
    store.append_events(data_dir, rows(termez_closure()), "a.csv")
    header = (data_dir / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith(",source_id,confidence")
    imported = event(
        event_id="ACLED-AFG1", event_type="other", original_type="Protests / Peaceful protest"
    )
    store.append_events(data_dir, rows(imported), "b.csv")
    table = read_table(data_dir / "events.csv")
    # original_source stays out: no row uses it.
    assert list(table.columns)[-3:] == ["confidence", "original_type", "__line__"]
    assert table["original_type"].tolist()[-2:] == ["", "Protests / Peaceful protest"]


def test_new_source_rows_are_added_once(data_dir):
    source = store.import_source("ACLED", "afg 2021.csv", pd.Timestamp("2021-07-20").date())
    assert source["source_id"] == "ACLED-afg-2021-20210720"
    imported = event(event_id="ACLED-AFG1", source_id=source["source_id"])
    result = store.append_events(data_dir, rows(imported), "afg 2021.csv", [source])
    assert result.source_added
    again = event(event_id="ACLED-AFG2", source_id=source["source_id"])
    assert not store.append_events(data_dir, rows(again), "afg 2021.csv", [source]).source_added
    ids = read_table(data_dir / "sources.csv")["source_id"].tolist()
    assert ids.count("ACLED-afg-2021-20210720") == 1


def test_read_only_deployment_refuses_and_offers_the_updated_tables(data_dir, monkeypatch):
    monkeypatch.setenv(store.READ_ONLY_ENV, "1")
    before = (data_dir / "events.csv").read_bytes()
    with pytest.raises(store.ReadOnlyData, match="download the updated table"):
        store.append_events(data_dir, rows(termez_closure()), "upload.csv")
    assert (data_dir / "events.csv").read_bytes() == before
    tables = store.updated_tables(data_dir, rows(termez_closure()), "upload.csv")
    assert list(tables) == ["events.csv"]
    assert tables["events.csv"].startswith(before)
    assert tables["events.csv"].decode().splitlines()[-1].startswith("BW-2021-0008,")


def test_a_folder_the_process_cannot_write_is_read_only(data_dir, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store.tempfile, "mkstemp", refuse)
    assert store.read_only_reason(data_dir) == (
        f"the data folder {data_dir} is not writable (Permission denied)"
    )
    with pytest.raises(store.ReadOnlyData):
        store.append_events(data_dir, rows(termez_closure()), "upload.csv")


def test_a_failed_write_leaves_the_old_table_and_no_temporary_file(data_dir, monkeypatch):
    before = (data_dir / "events.csv").read_bytes()

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", crash)
    with pytest.raises(OSError, match="No space left"):
        store.append_events(data_dir, rows(termez_closure()), "upload.csv")
    assert (data_dir / "events.csv").read_bytes() == before
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]


# Each worker is a fresh interpreter (not multiprocessing, which re-runs whatever
# __main__ the test runner has) that saves one row at a time, as a page would.
WORKER = """
import json, sys
from pathlib import Path
from borderwatch.ingest import store
from borderwatch.ingest.tidy import tidy_frame
data_dir, prefix, row = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
for i in range(10):
    one = dict(row, event_id=f"{prefix}-{i:03d}")
    store.append_events(Path(data_dir), tidy_frame([one], [2]), f"{prefix}.csv")
"""


def test_two_processes_saving_at_once_keep_every_row(data_dir):
    row = json.dumps(termez_closure())
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(data_dir), p, row]) for p in "AB"
    ]
    assert [w.wait(timeout=120) for w in workers] == [0, 0]
    ids = load_dataset(data_dir).events["event_id"].tolist()
    assert len(ids) == len(EVENTS) + 20
    assert sorted(i for i in ids if i[:2] in ("A-", "B-")) == sorted(
        [f"A-{i:03d}" for i in range(10)] + [f"B-{i:03d}" for i in range(10)]
    )
    assert len(list((data_dir / "backups").glob("events-*.csv"))) == 20
    assert not [p for p in os.listdir(data_dir) if p.endswith(".tmp")]


# Two editors saving new rows (no id yet) at once: each save is given its ids
# under the lock, so the second numbers after the first one's rows.
ID_WORKER = """
import json, sys, time
from pathlib import Path
from borderwatch.ingest import store
from borderwatch.ingest.tidy import tidy_frame
data_dir, editor, row = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
Path(data_dir, f"{editor}.ready").touch()
while not Path(data_dir, "go").exists():
    time.sleep(0.001)
given = []
for i in range(10):
    one = dict(row, event_id="", summary=f"{editor} saw traffic stopped at Termez ({i}).")
    given += store.append_events(Path(data_dir), tidy_frame([one], [2]), f"{editor}.csv").event_ids
print(json.dumps(given))
"""


def test_two_editors_saving_rows_without_ids_at_once_get_distinct_next_ids(data_dir):
    row = json.dumps(termez_closure())
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", ID_WORKER, str(data_dir), name, row],
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("gina", "omar")
    ]
    deadline = time.monotonic() + 120
    while not all((data_dir / f"{n}.ready").exists() for n in ("gina", "omar")):
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.05)
    (data_dir / "go").touch()  # both start saving at the same moment
    out = [w.communicate(timeout=180) for w in workers]
    assert [w.returncode for w in workers] == [0, 0], out
    given = [json.loads(stdout) for stdout, _ in out]
    highest = max(int(e["event_id"][-4:]) for e in EVENTS if e["event_id"].startswith("BW-2021-"))
    expected = [f"BW-2021-{n:04d}" for n in range(highest + 1, highest + 21)]
    assert sorted(given[0] + given[1]) == expected
    saved = load_dataset(data_dir).events
    assert sorted(saved["event_id"].tail(20)) == expected
    by_editor = saved.tail(20).groupby(saved["summary"].str.split().str[0])["event_id"].count()
    assert by_editor.to_dict() == {"gina": 10, "omar": 10}


def test_a_community_cloud_checkout_counts_as_read_only_unless_told_otherwise(
    data_dir, monkeypatch
):
    monkeypatch.delenv(store.READ_ONLY_ENV, raising=False)
    monkeypatch.setattr(store, "CLOUD_ROOT", data_dir.parent)
    assert store.read_only_reason(data_dir).startswith(
        f"the data folder is under {data_dir.parent} (Streamlit Community Cloud)"
    )
    monkeypatch.setenv(store.READ_ONLY_ENV, "0")
    assert store.read_only_reason(data_dir) is None


def test_a_save_flushes_the_new_table_and_then_its_folder_to_disk(data_dir, monkeypatch):
    synced: list[str] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(store.os, "fsync", spy)
    store.atomic_write(data_dir / "events.csv", b"new content\n")
    assert [Path(p).parent for p in synced] == [data_dir, data_dir.parent]
    assert Path(synced[0]).name.startswith(".events.csv.")  # the temporary file, before the rename
    assert synced[1] == str(data_dir)  # then the folder holding the rename
    assert (data_dir / "events.csv").read_bytes() == b"new content\n"
