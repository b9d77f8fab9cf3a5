"""The review table: row numbers as the editor shows them, drop-downs that hide nothing."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sample_data import PASTED_BRIEFING, places_frame

from borderwatch.data import vocab
from borderwatch.data.tables import LINE
from borderwatch.ingest import decisions
from borderwatch.ingest.extract import extract_candidates
from borderwatch.ingest.review import (
    choices,
    dropdown_options,
    numbered,
    review_key,
    review_upload,
    rows_to_save,
    table_problems,
)
from borderwatch.ingest.tidy import context_for
from borderwatch.ingest.upload import read_upload


def test_rows_keep_their_numbers_after_a_deletion_and_added_rows_come_last():
    edited = pd.DataFrame(
        {"event_id": ["BW-1", "BW-3", "BW-NEW"]}, index=pd.Index([1, 3, None], dtype=object)
    )
    assert numbered(edited)[LINE].tolist() == [1, 3, 4]


def test_blank_cells_of_added_rows_become_empty_text():
    edited = pd.DataFrame({"summary": ["Hairatan shut.", None]}, index=[1, 2])
    assert numbered(edited)["summary"].tolist() == ["Hairatan shut.", ""]


def test_a_wrong_value_stays_visible_as_an_option():
    rows = pd.DataFrame({"confidence": ["reported", "rumour", ""]})
    assert choices(rows, "confidence", vocab.CONFIDENCES) == [
        "confirmed",
        "reported",
        "claimed",
        "inferred",
        "rumour",
    ]


def test_every_drop_down_column_lists_the_allowed_values_then_the_wrong_ones_present():
    rows = pd.DataFrame({"event_type": ["clash", "skirmish"], "confidence": ["reported"] * 2})
    options = dropdown_options(rows)
    assert options["event_type"] == [*vocab.EVENT_TYPES, "skirmish"]
    assert options["confidence"] == list(vocab.CONFIDENCES)
    assert set(options) == {
        "event_type", "date_precision", "geo_precision", "confidence", "control", "status"
    }  # fmt: skip


def test_the_same_input_gets_the_same_review_key_and_any_change_a_new_one():
    day, source = dt.date(2021, 7, 13), "OXAN-2021-07-13"
    key = review_key("file", "new.csv", b"event_id\n", day, source)
    assert key == review_key("file", "new.csv", b"event_id\n", day, source)
    assert key.startswith("file-") and len(key) == len("file-") + 12
    assert key != review_key("file", "new.csv", b"event_id\n", day, "UN-2021-07-01")
    assert key != review_key("file", "new.csv", b"event_id\n", None, source)
    assert key != review_key("file", "old.csv", b"event_id\n", day, source)


def test_review_only_columns_are_not_saved():
    edited = pd.DataFrame(
        {"status": ["checked"], "event_id": ["BW-1"], "evidence_place_text": ["Hayratan"]},
        index=[1],
    )
    assert list(rows_to_save(edited).columns) == ["event_id", LINE]


def test_an_uploaded_candidates_csv_keeps_its_status_so_candidates_stay_unsaveable(data_dir):
    candidates = extract_candidates(*PASTED_BRIEFING, places_frame())
    up = read_upload("cands.csv", candidates.to_csv(index=False).encode())
    review = review_upload(up, dt.date(2021, 7, 20))
    # Hairatan, and Uzbekistan's own act.
    assert review.rows["status"].tolist() == ["candidate", "candidate"]
    problems = table_problems(review.rows, review, context_for(data_dir))
    assert "status" in {p.field for p in problems}


def test_only_a_candidate_starting_after_publication_gets_a_date_note():
    published = dt.date(2021, 8, 23)
    starts = ("2021-08-22", "2021-08-23", "2021-08-24", "", "late August")
    notes = {d: decisions.date_note(pd.Series({"date_start": d}), published) for d in starts}
    assert notes == {
        "2021-08-22": "",
        "2021-08-23": "",
        "2021-08-24": "Dated after the briefing was published (2021-08-23): check the date "
        "against the sentence before accepting it.",
        "": "",
        "late August": "",  # not a date: the table's own check reports it
    }
    # an upload that is not a briefing has no publication date to check against
    assert decisions.date_note(pd.Series({"date_start": "2021-08-24"}), None) == ""
