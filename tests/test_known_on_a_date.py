"""The bundled data read as known on the issue's three dates (board, control, CLI agree)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sample_data import BUNDLED

from borderwatch.analysis.asof import picture_as_of
from borderwatch.analysis.briefing_screen import control_summary, status_board
from borderwatch.cli import main
from borderwatch.data.loader import load_dataset

FARYAB = [
    "Almar", "Andkhoy", "Bilchiragh", "Dawlatabad", "Gurziwan", "Khani Char Bagh",
    "Khwaja Sabz Posh", "Kohistan", "Maymana", "Pashtun Kot", "Qaisar", "Qaramqol",
    "Qurghan", "Shirin Tagab",
]  # fmt: skip
CROSSINGS = ["hairatan-termez", "sher-khan-bandar-panji-poyon", "aqina-imamnazar",
             "turghundi-serhetabat"]  # fmt: skip


@pytest.fixture(scope="module")
def ds():
    return load_dataset(BUNDLED)


def crossings(ds, day: str) -> pd.DataFrame:
    p = picture_as_of(ds.events, ds.crossings, ds.places, dt.date.fromisoformat(day))
    return p.crossings.set_index("crossing_id")


def control(ds, day: str) -> pd.DataFrame:
    p = picture_as_of(ds.events, ds.crossings, ds.places, dt.date.fromisoformat(day))
    return p.control.set_index("place")


def test_on_1_june_2021_no_crossing_has_a_report_yet(ds):
    c = crossings(ds, "2021-06-01")
    assert c["status"].to_dict() == dict.fromkeys(CROSSINGS, "no report")
    assert c["last_report"].isna().all()


def test_on_13_july_2021_the_four_statuses_are_bounded_by_the_briefing(ds):
    c = crossings(ds, "2021-07-13")
    rows = c[["status", "began_earliest", "began_latest", "last_report", "age_days",
              "confidence", "event_id"]].astype(str)  # fmt: skip
    assert rows.loc[CROSSINGS].values.tolist() == [
        ["closed", "2021-05-01", "2021-07-13", "2021-07-13", "0", "reported", "BW-2021-0011"],
        ["open", "2021-05-01", "2021-07-13", "2021-07-13", "0", "reported", "BW-2021-0007"],
        ["closed", "2021-05-01", "2021-07-13", "2021-07-13", "0", "reported", "BW-2021-0033"],
        ["threatened", "2021-05-01", "2021-07-13", "2021-07-13", "0", "reported", "BW-2021-0034"],
    ]


def test_sher_khan_bandar_reads_open_after_its_closure_by_the_data_sequence(ds):
    ev = ds.events.set_index("event_id")
    capture, closure, reopening = (ev.loc[f"BW-2021-000{n}"] for n in (5, 6, 7))
    assert {(e["date_start"], e["date_end"]) for e in (capture, closure, reopening)} == {
        (pd.Timestamp("2021-05-01"), pd.Timestamp("2021-07-13"))
    }
    assert [capture["sequence"], closure["sequence"], reopening["sequence"]] == [1, 2, 3]
    assert crossings(ds, "2021-07-13").loc["sher-khan-bandar-panji-poyon", "status"] == "open"


def test_on_30_september_2021_the_july_statuses_are_unconfirmed_and_79_days_old(ds):
    c = crossings(ds, "2021-09-30")
    assert c.loc[CROSSINGS, ["status", "age_days"]].astype(str).values.tolist() == [
        ["unconfirmed-closed", "79"],
        ["unconfirmed-open", "79"],
        ["unconfirmed-closed", "79"],
        ["unconfirmed-threatened", "79"],
    ]


def test_after_the_august_takeover_no_crossing_town_reads_government_held(ds):
    c = crossings(ds, "2021-09-30")
    assert c["afghan_control"].str.removeprefix("unconfirmed-").tolist() == ["taliban"] * 4
    hairatan = c.loc["hairatan-termez"]
    assert hairatan["afghan_control_event_id"] == "BW-2021-0075"
    kabul = control(ds, "2021-09-30").loc["Kabul"]
    # taken between 1 and 25 Aug; the provisional government (by 8 Sep) is the last report
    assert [str(kabul[k].date()) for k in ("began_earliest", "began_latest", "last_report")] == [
        "2021-08-01",
        "2021-08-25",
        "2021-09-08",
    ]
    assert (kabul["control"], kabul["age_days"], kabul["event_id"]) == (
        "taliban",
        22,
        "BW-2021-0074",
    )


def test_the_board_gives_the_takeover_as_the_afghan_side_of_each_crossing(ds):
    p = picture_as_of(ds.events, ds.crossings, ds.places, dt.date(2021, 9, 30))
    board = status_board(p).set_index("Crossing")
    assert board.loc["Hairatan–Termez (Friendship Bridge)"].to_dict() == {
        "Status": "UNCONFIRMED-CLOSED",
        "Began": "began between 1 May and 13 Jul 2021",
        "Last report": "13 Jul 2021 (79 days old) · BW-2021-0011",
        "Afghan side": "Hairatan: unconfirmed-taliban, began between 1 and 25 Aug 2021 "
        "(the editors' inference) · BW-2021-0075",
    }


def test_on_13_july_2021_faryab_has_13_taliban_districts_and_one_government_all_inferred(ds):
    c = control(ds, "2021-07-13").loc[FARYAB]
    assert c["control"].value_counts().to_dict() == {"taliban": 13, "government": 1}
    assert c.loc["Maymana", "control"] == "government"
    # the briefing gives only the count: which district is which is the editors' reading
    assert set(c["confidence"]) == {"inferred"}


def test_the_briefing_screen_line_on_faryab_says_the_split_is_an_inference(ds):
    p = picture_as_of(ds.events, ds.crossings, ds.places, dt.date(2021, 7, 13))
    assert control_summary(p) == (
        "Faryab districts as known on 13 Jul 2021: 13 taliban, 1 government "
        "(the editors' inference for 14 of 14; last report 13 Jul 2021)."
    )


def test_after_the_takeover_maymana_too_is_taliban_held(ds):
    c = control(ds, "2021-09-30").loc[FARYAB]
    assert set(c["control"]) == {"unconfirmed-taliban"}


def test_panjshir_keeps_the_claimed_label(ds):
    panjshir = control(ds, "2021-09-30").loc["Panjshir"]
    assert (panjshir["control"], panjshir["confidence"]) == ("taliban", "claimed")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (
            "2021-06-01",
            [
                "crossing,status,began_earliest,began_latest,last_report,age_days,confidence,event_id",
                "hairatan-termez,no report,,,,,,",
                "sher-khan-bandar-panji-poyon,no report,,,,,,",
                "aqina-imamnazar,no report,,,,,,",
                "turghundi-serhetabat,no report,,,,,,",
            ],
        ),
        (
            "2021-09-30",
            [
                "crossing,status,began_earliest,began_latest,last_report,age_days,confidence,event_id",
                "hairatan-termez,unconfirmed-closed,2021-05-01,2021-07-13,2021-07-13,79,reported,BW-2021-0011",
                "sher-khan-bandar-panji-poyon,unconfirmed-open,2021-05-01,2021-07-13,2021-07-13,79,reported,BW-2021-0007",
                "aqina-imamnazar,unconfirmed-closed,2021-05-01,2021-07-13,2021-07-13,79,reported,BW-2021-0033",
                "turghundi-serhetabat,unconfirmed-threatened,2021-05-01,2021-07-13,2021-07-13,79,reported,BW-2021-0034",
            ],
        ),
    ],
)
def test_the_status_command_prints_the_same_picture_as_csv(capsys, day, expected):
    assert main(["status", "--as-of", day, str(BUNDLED)]) == 0
    assert capsys.readouterr().out.splitlines() == expected


def test_the_status_command_takes_the_stale_threshold(capsys):
    assert main(["status", "--as-of", "2021-09-30", "--stale-days", "100", str(BUNDLED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(",")[1] for line in lines[1:]] == ["closed", "open", "closed", "threatened"]


def test_the_control_command_lists_districts_with_their_inferred_control(capsys):
    assert main(["control", "--as-of", "2021-07-13", str(BUNDLED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "district,control,began_earliest,began_latest,last_report,age_days,confidence,event_id"
    )
    assert "Maymana,government,2021-05-01,2021-07-13,2021-07-13,0,inferred,BW-2021-0026" in lines
    assert "Almar,taliban,2021-05-01,2021-07-13,2021-07-13,0,inferred,BW-2021-0018" in lines
    assert "Jurm,no report,,,,,," in lines


def test_the_control_command_lists_provinces_with_panjshir_claimed(capsys):
    assert main(["control", "--as-of", "2021-09-30", "--kind", "province", str(BUNDLED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("province,control,")
    assert "Panjshir,taliban,2021-09-01,2021-09-30,2021-09-30,0,claimed,BW-2021-0069" in lines


def test_the_status_command_as_a_table_aligns_its_columns(capsys):
    assert main(["status", "--as-of", "2021-07-13", "--format", "table", str(BUNDLED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["crossing", "status", "began_earliest", "began_latest",
                                "last_report", "age_days", "confidence", "event_id"]  # fmt: skip
    assert lines[1].split() == ["hairatan-termez", "closed", "2021-05-01", "2021-07-13",
                                "2021-07-13", "0", "reported", "BW-2021-0011"]  # fmt: skip
    assert lines[1].index("closed") == lines[0].index("status")


def test_a_bad_as_of_date_is_a_clear_usage_error(capsys):
    with pytest.raises(SystemExit) as e:
        main(["status", "--as-of", "2021-13-01", str(BUNDLED)])
    assert e.value.code == 2
    assert "'2021-13-01' is not a date YYYY-MM-DD" in capsys.readouterr().err
