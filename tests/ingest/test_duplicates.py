"""Duplicate detection: new rows that repeat an event already in the table are flagged."""

from __future__ import annotations

import pandas as pd
from sample_data import EVENTS, PASTED_BRIEFING, event, places_frame

from borderwatch.data.gazetteer import Gazetteer
from borderwatch.data.loader import load_dataset
from borderwatch.ingest.duplicates import DUPLICATE_COLUMN, find_duplicates
from borderwatch.ingest.review import (
    duplicate_table,
    existing_events,
    flag_duplicates,
    review_briefing,
)

GAZ = Gazetteer(places_frame(), use_geonames=False)
EXISTING = pd.DataFrame(EVENTS)


def rows(*records: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(list(records), index=pd.RangeIndex(1, len(records) + 1))


def test_same_place_in_another_spelling_same_type_overlapping_dates_similar_summary_is_flagged():
    new = event(
        event_id="ACLED-1",
        place="Hayratan",
        date_start="2021-07-01",
        date_end="2021-07-01",
        summary="Uzbekistan shut the Hairatan crossing to traffic.",
    )
    assert find_duplicates(rows(new), EXISTING, GAZ).tolist() == ["BW-2021-0001"]


def test_each_differing_criterion_clears_the_flag():
    base = dict(event_id="NEW-1", summary="Uzbekistan shut the Hairatan crossing.")
    different = rows(
        event(**base, place="Termez"),  # another place
        event(**base, event_type="crossing_reopened"),  # another type
        event(**base, date_start="2021-08-01", date_end="2021-08-31"),  # later
        event(event_id="NEW-4", summary="Refugees gathered on the bridge asking for shelter."),
    )
    assert find_duplicates(different, EXISTING, GAZ).tolist() == ["", "", "", ""]


def test_a_candidate_without_a_summary_yet_is_flagged_on_place_type_and_dates():
    candidate = event(event_id="CAND-1", place="Shir Khan Bandar", summary="", confidence="")
    flags = find_duplicates(rows(candidate), EXISTING, GAZ)
    assert flags.tolist() == ["BW-2021-0003"]


def test_several_matches_are_listed_in_table_order_and_the_index_is_kept():
    older = event(event_id="BW-2021-0900", date_start="2021-06-01", date_end="2021-06-30")
    existing = pd.concat([EXISTING, pd.DataFrame([older])], ignore_index=True)
    new = pd.DataFrame([event(event_id="NEW")], index=[7])
    flags = find_duplicates(new, existing, GAZ)
    assert flags.to_dict() == {7: "BW-2021-0001; BW-2021-0900"}


def test_impossible_dates_and_blank_places_are_never_flagged():
    odd = rows(
        event(event_id="N1", date_start="2021-02-30"),
        event(event_id="N2", place=""),
        event(event_id="N3", date_start="0000-01-01"),
    )
    assert find_duplicates(odd, EXISTING, GAZ).tolist() == ["", "", ""]


def test_typed_dates_of_a_loaded_dataset_compare_like_text(data_dir):
    loaded = load_dataset(data_dir).events
    new = rows(event(event_id="NEW", place="Hairaton"))
    assert find_duplicates(new, loaded, GAZ).tolist() == ["BW-2021-0001"]


def test_a_pasted_briefing_row_repeating_an_event_shows_the_id_in_the_review_table(data_dir):
    review = review_briefing(*PASTED_BRIEFING, places_frame())
    flagged = flag_duplicates(review, existing_events(data_dir), GAZ)
    assert list(flagged.rows.columns[:2]) == ["status", DUPLICATE_COLUMN]
    # Hairatan repeats the event; Uzbekistan's own act (a country-level row) does not.
    assert flagged.rows[DUPLICATE_COLUMN].tolist() == ["BW-2021-0001", ""]
    table = duplicate_table(flagged.rows, existing_events(data_dir), GAZ)
    # Candidates have no id yet: it is assigned when the row is saved.
    assert table.values.tolist() == [[1, "", "BW-2021-0001"]]


# --- within one batch -----------------------------------------------------------------------

TERMEZ = dict(
    place="Termez",
    country="UZB",
    date_start="2021-08-02",
    date_end="2021-08-02",
    summary="Uzbek guards shut the Termez bridge to all traffic.",
)


def test_two_rows_of_one_batch_that_repeat_each_other_flag_the_later_with_the_earlier_row():
    batch = rows(
        event(event_id="N1", **TERMEZ),
        event(event_id="N2", **{**TERMEZ, "summary": "Guards shut the Termez bridge, Uzbek side."}),
        event(event_id="N3", **{**TERMEZ, "date_start": "2021-09-05", "date_end": "2021-09-05"}),
        event(
            event_id="N4",
            **{**TERMEZ, "date_start": "2021-08-01", "date_end": "2021-08-31"},
            date_precision="month",
        ),
    )
    assert find_duplicates(batch, EXISTING, GAZ).tolist() == ["", "row 1", "", "row 1; row 2"]


def test_a_row_repeating_both_an_existing_event_and_an_earlier_row_names_the_id_first():
    batch = rows(event(event_id="N1"), event(event_id="N2"))
    assert find_duplicates(batch, EXISTING, GAZ).tolist() == ["BW-2021-0001", "BW-2021-0001; row 1"]


def test_an_import_names_the_earlier_row_by_its_line_in_the_file():
    batch = pd.DataFrame([event(event_id="A", **TERMEZ), event(event_id="B", **TERMEZ)])
    batch["__line__"] = [2, 5]
    assert find_duplicates(batch, EXISTING.iloc[:0], GAZ, "line").tolist() == ["", "line 2"]


def test_fifty_thousand_copies_of_one_row_are_flagged_quickly_naming_five_earlier_rows():
    batch = pd.DataFrame([event(event_id=f"X{i}", **TERMEZ) for i in range(50_000)])
    flags = find_duplicates(batch, EXISTING, GAZ)
    assert flags.iloc[0] == ""
    assert flags.iloc[1] == "row 0"
    assert flags.iloc[-1] == "row 49993; row 49994; row 49995; row 49996; row 49997; …"
    assert (flags.iloc[1:] != "").all()


def test_the_review_table_lists_a_row_repeating_an_earlier_row_of_the_upload(data_dir):
    edited = rows(event(event_id="N1", **TERMEZ), event(event_id="N2", **TERMEZ))
    table = duplicate_table(edited, existing_events(data_dir), GAZ)
    assert table.values.tolist() == [[2, "N2", "row 1"]]


def test_a_new_row_against_a_hundred_thousand_copies_names_five_of_the_nearest_then_more():
    copies = pd.DataFrame([event(event_id="BW-0", **TERMEZ)] * 100_000)
    copies["event_id"] = [f"BW-{i}" for i in range(len(copies))]
    flags = find_duplicates(rows(event(event_id="NEW", **TERMEZ)), copies, GAZ)
    # The 20 nearest by start date are compared (the last 20 in table order, all alike).
    assert flags.tolist() == ["BW-99980; BW-99981; BW-99982; BW-99983; BW-99984; …"]


def test_an_existing_event_outside_the_window_of_nearer_starts_is_not_compared():
    # An old month-long closure overlaps the new row, but twenty other events of the
    # place and type start between them: only the nearest twenty are compared.
    month = event(event_id="BW-MONTH", **{**TERMEZ, "date_start": "2021-07-01",
                  "date_end": "2021-08-31"}, date_precision="month")  # fmt: skip
    days = [
        event(event_id=f"BW-DAY{d}", **{**TERMEZ, "date_start": f"2021-07-{d:02d}",
              "date_end": f"2021-07-{d:02d}", "summary": "Refugees queued at the bridge."})
        for d in range(2, 22)
    ]  # fmt: skip
    existing = pd.DataFrame([month, *days])
    new = rows(event(event_id="NEW", **TERMEZ))
    assert find_duplicates(new, existing, GAZ).tolist() == [""]
    assert find_duplicates(new, existing.iloc[:-1], GAZ).tolist() == ["BW-MONTH"]
