"""Crossing status and control as known on a date (`asof.picture_as_of`), on small data."""

from __future__ import annotations

import datetime as dt

import pytest
from sample_data import EVENTS, event, write_data_dir

from borderwatch.analysis.asof import STALE_DAYS, began_words, picture_as_of, reading
from borderwatch.data.loader import load_dataset


@pytest.fixture
def ds(data_dir):
    return load_dataset(data_dir)


def picture(ds, day, stale_days=STALE_DAYS):
    return picture_as_of(ds.events, ds.crossings, ds.places, day, stale_days)


def status(ds, day, stale_days=STALE_DAYS):
    p = picture(ds, day, stale_days)
    return {r.crossing_id: r for r in p.crossings.itertuples()}


def test_an_event_counts_only_once_its_span_has_ended(ds):
    # The Hairatan closure spans 23 Jun - 13 Jul: on 1 Jul it may not have happened yet.
    assert status(ds, dt.date(2021, 7, 1))["hairatan-termez"].status == "no report"
    assert status(ds, dt.date(2021, 7, 13))["hairatan-termez"].status == "closed"


def test_before_the_first_report_every_field_is_blank(ds):
    r = status(ds, dt.date(2021, 6, 1))["hairatan-termez"]
    assert (r.status, r.state, r.confidence, r.event_id) == ("no report", "", "", "")
    assert pd_isna_all(r.began_earliest, r.began_latest, r.last_report, r.age_days)
    assert reading(r) == "no report yet"


def pd_isna_all(*values):
    import pandas as pd

    return all(pd.isna(v) for v in values)


def test_a_span_gives_both_bounds_and_never_a_day(ds):
    r = status(ds, dt.date(2021, 7, 13))["hairatan-termez"]
    assert (r.began_earliest.date(), r.began_latest.date()) == (
        dt.date(2021, 6, 23),
        dt.date(2021, 7, 13),
    )
    assert began_words(r) == "began between 23 Jun and 13 Jul 2021"


def test_only_a_one_day_report_gives_since(ds):
    control = picture(ds, dt.date(2021, 6, 30)).control.set_index("place")
    assert began_words(control.loc["Sher Khan Bandar"]) == "since 22 Jun 2021"


def test_the_state_carries_its_last_report_and_its_age(ds):
    r = status(ds, dt.date(2021, 8, 2))["sher-khan-bandar-panji-poyon"]
    assert (r.status, r.last_report.date(), r.age_days) == ("open", dt.date(2021, 7, 13), 20)
    assert reading(r) == (
        "open — began between 1 and 13 Jul 2021; last report 13 Jul 2021 (20 days old)"
    )


def test_past_the_threshold_a_state_reads_unconfirmed(ds):
    assert status(ds, dt.date(2021, 8, 12))["hairatan-termez"].status == "closed"  # 30 days
    r = status(ds, dt.date(2021, 8, 13))["hairatan-termez"]  # 31 days
    assert (r.status, r.state, r.age_days, r.stale) == ("unconfirmed-closed", "closed", 31, True)
    assert reading(r).endswith("last report 13 Jul 2021 (31 days old, unconfirmed)")


def test_the_threshold_is_a_parameter(ds):
    assert status(ds, dt.date(2021, 7, 20), stale_days=5)["hairatan-termez"].status == (
        "unconfirmed-closed"
    )
    assert status(ds, dt.date(2021, 9, 30), stale_days=90)["hairatan-termez"].status == "closed"


def test_order_within_one_span_comes_from_sequence_not_from_ids(tmp_path):
    same_span = dict(date_start="2021-05-01", date_end="2021-07-13", place="Sher Khan Bandar",
                     latitude="", longitude="", counterpart_country="TJK")  # fmt: skip
    rows = [
        # ids in the opposite order to what happened: the reopening has the lowest id
        event(event_id="BW-2021-0001", event_type="crossing_reopened", sequence="2", **same_span),
        event(event_id="BW-2021-0002", event_type="crossing_closed", sequence="1", **same_span),
    ]
    ds = load_dataset(write_data_dir(tmp_path / "d", rows))
    r = status(ds, dt.date(2021, 7, 13))["sher-khan-bandar-panji-poyon"]
    assert (r.status, r.event_id) == ("open", "BW-2021-0001")
    rows[0]["sequence"], rows[1]["sequence"] = "1", "2"
    ds = load_dataset(write_data_dir(tmp_path / "e", rows))
    r = status(ds, dt.date(2021, 7, 13))["sher-khan-bandar-panji-poyon"]
    assert (r.status, r.event_id) == ("closed", "BW-2021-0002")


def test_a_later_report_of_the_same_state_keeps_when_it_began(tmp_path):
    rows = [
        *EVENTS,
        event(
            event_id="BW-2021-0008",
            date_start="2021-08-01",
            date_end="2021-08-20",
            summary="Still closed.",
        ),
    ]
    ds = load_dataset(write_data_dir(tmp_path / "d", rows))
    r = status(ds, dt.date(2021, 8, 25))["hairatan-termez"]
    assert (r.status, r.began_earliest.date(), r.began_latest.date()) == (
        "closed",
        dt.date(2021, 6, 23),
        dt.date(2021, 7, 13),
    )
    assert (r.last_report.date(), r.age_days, r.event_id) == (
        dt.date(2021, 8, 20),
        5,
        "BW-2021-0008",
    )


def test_a_claimed_or_inferred_state_says_so(tmp_path):
    rows = [
        *EVENTS[:5],
        event(event_id="BW-2021-0006", date_start="2021-05-01", date_end="2021-07-13",
              event_type="territorial_control", place="Andkhoy", counterpart_country="",
              latitude="", longitude="", geo_precision="district", control="taliban",
              confidence="inferred", summary="Counted among the Taliban-held districts."),
        event(event_id="BW-2021-0007", date_start="2021-07-10", date_end="2021-07-10",
              date_precision="day", event_type="crossing_reopened", confidence="claimed",
              summary="The Taliban said the bridge was open again."),
    ]  # fmt: skip
    ds = load_dataset(write_data_dir(tmp_path / "d", rows))
    p = picture(ds, dt.date(2021, 7, 13))
    hairatan = p.crossings.set_index("crossing_id").loc["hairatan-termez"]
    # the closure's span ends on 13 Jul, after the claimed 10 Jul reopening: it is the latest
    assert (hairatan["status"], hairatan["confidence"]) == ("closed", "reported")
    p = picture(ds, dt.date(2021, 7, 11))
    hairatan = p.crossings.set_index("crossing_id").loc["hairatan-termez"]
    assert (hairatan["status"], hairatan["confidence"]) == ("open", "claimed")
    assert reading(hairatan).endswith("; a party's claim")
    andkhoy = picture(ds, dt.date(2021, 7, 13)).control.set_index("place").loc["Andkhoy"]
    assert (andkhoy["control"], andkhoy["confidence"]) == ("taliban", "inferred")
    assert reading(andkhoy, "control").endswith("; the editors' inference")


def test_control_lists_every_district_and_each_reported_place(ds):
    control = picture(ds, dt.date(2021, 7, 13)).control
    assert control[["place", "control", "event_id"]].values.tolist() == [
        ["Andkhoy", "taliban", "BW-2021-0006"],
        ["Maymana", "government", "BW-2021-0007"],
        ["Sher Khan Bandar", "taliban", "BW-2021-0002"],
    ]
    before = picture(ds, dt.date(2021, 4, 30)).control
    assert before[["place", "control"]].values.tolist() == [
        ["Andkhoy", "no report"],
        ["Maymana", "no report"],
    ]


def test_each_crossing_says_who_holds_its_afghan_side(ds):
    s = status(ds, dt.date(2021, 7, 13))
    assert s["sher-khan-bandar-panji-poyon"].afghan_control == "taliban"
    assert s["sher-khan-bandar-panji-poyon"].afghan_control_event_id == "BW-2021-0002"
    assert s["hairatan-termez"].afghan_control == "no report"
