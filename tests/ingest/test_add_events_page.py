"""The "Add events" page: upload, per-row messages, save refused until fixed, save appends."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sample_data import event
from streamlit.testing.v1 import AppTest

from borderwatch.data import vocab
from borderwatch.data.loader import ENV_VAR, load_dataset
from borderwatch.ingest import store

PAGE = Path(__file__).resolve().parents[2] / "dashboard" / "pages" / "1_Add_events.py"
FIXTURES = Path(__file__).parent / "fixtures"


def tidy_csv(*rows: dict[str, str]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, vocab.EVENT_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode()


GOOD = event(event_id="BW-2021-0101", summary="Uzbekistan kept Hairatan shut to traffic.")
BAD = event(event_id="BW-2021-0102", confidence="rumour")


@pytest.fixture
def page(data_dir, monkeypatch) -> AppTest:
    monkeypatch.setenv(ENV_VAR, str(data_dir))
    monkeypatch.delenv(store.READ_ONLY_ENV, raising=False)
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.run()
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="upload").set_value((name, data, "text/csv"))
    return at.run()


def problems_shown(at: AppTest) -> list[list]:
    tables = [d for d in at.dataframe if d.editing_mode == "read_only"]
    return tables[0].value.values.tolist() if tables else []


def test_bad_row_is_reported_and_save_is_refused(page):
    at = upload(page, "new.csv", tidy_csv(GOOD, BAD))
    assert not at.exception
    assert at.error[0].value == "1 problem(s): fix or delete these rows before saving."
    assert problems_shown(at) == [
        [2, "confidence", "'rumour' must be one of: confirmed, reported, claimed, inferred"]
    ]
    assert at.button(key="save").disabled


def test_fixing_the_row_enables_save_which_appends_and_keeps_a_backup(page, data_dir):
    before = (data_dir / "events.csv").read_bytes()
    at = upload(page, "new.csv", tidy_csv(GOOD, BAD))
    editor_key = at.data_editor[0].key
    at.session_state[editor_key] = {
        "edited_rows": {1: {"confidence": "reported"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.error
    assert at.success[0].value == "All 2 rows are valid."
    save = at.button(key="save")
    assert not save.disabled
    save.click()
    at.run()
    assert not at.exception
    ids = load_dataset(data_dir).events["event_id"].tolist()
    assert ids[-2:] == ["BW-2021-0101", "BW-2021-0102"]
    [backup] = (data_dir / "backups").glob("events-*.csv")
    assert backup.read_bytes() == before
    assert at.success[0].value == "Saved 2 events. Backups of the previous tables:"


def test_an_acled_export_is_converted_for_review(page):
    at = upload(page, "acled_afg_2021.csv", (FIXTURES / "acled_afg_2021.csv").read_bytes())
    assert not at.exception
    shown = at.data_editor[0].value
    assert shown["event_id"].tolist()[:2] == ["ACLED-AFG51234", "ACLED-AFG51301"]
    assert at.success[0].value == "All 5 rows are valid."


def test_a_wrong_file_gets_one_clear_message(page):
    at = upload(page, "events.csv", b"\xff\xfee\x00v\x00")
    assert at.error[0].value == "This file cannot be used:"
    assert at.code[0].value == "events.csv: file is UTF-16; save it as UTF-8 and try again"


def test_a_pasted_briefing_gives_unchecked_candidates_that_cannot_be_saved(page):
    page.text_area(key="pasted").input("Uzbekistan closed the Hairatan crossing on July 9.")
    page.selectbox(key="source_id").select("OXAN-2021-07-13")
    page.button(key="extract").click()
    at = page.run()
    rows = at.data_editor[0].value
    assert rows[["status", "place", "event_type"]].values.tolist() == [
        ["candidate", "Hairatan", "crossing_closed"]
    ]
    fields = [r[1] for r in problems_shown(at)]
    assert fields == ["confidence", "status", "summary"]
    assert at.button(key="save").disabled


def test_read_only_deployment_offers_downloads_instead_of_saving(page, data_dir, monkeypatch):
    monkeypatch.setenv(store.READ_ONLY_ENV, "1")
    before = (data_dir / "events.csv").read_bytes()
    at = upload(page, "new.csv", tidy_csv(GOOD))
    assert [b.label for b in at.get("download_button")] == ["Download events.csv"]
    assert not [b for b in at.button if b.key == "save"]
    assert (data_dir / "events.csv").read_bytes() == before


def test_a_row_repeating_an_existing_event_is_flagged_and_the_editor_may_still_save(page):
    # GOOD is the sample folder's Hairatan closure (BW-2021-0001) in other words.
    at = upload(page, "new.csv", tidy_csv(GOOD))
    assert at.data_editor[0].value["possible_duplicate_of"].tolist() == ["BW-2021-0001"]
    assert at.warning[0].value.startswith("1 row(s) may repeat events already in the table")
    [dupes] = [d for d in at.dataframe if d.value.columns[0] == "row"]
    assert dupes.value.values.tolist() == [[1, "BW-2021-0101", "BW-2021-0001"]]
    assert not at.button(key="save").disabled
