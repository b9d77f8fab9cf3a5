import pandas as pd
import pytest
from sample_data import write_data_dir

from borderwatch.loader import load_dataset
from borderwatch.timeline import week_start, weekly_counts


@pytest.fixture
def events(tmp_path):
    return load_dataset(write_data_dir(tmp_path / "data")).events


def test_weeks_start_on_monday():
    days = pd.Series(pd.to_datetime(["2021-06-22", "2021-06-27", "2021-06-28"]))
    assert week_start(days).dt.strftime("%Y-%m-%d").tolist() == [
        "2021-06-21",
        "2021-06-21",
        "2021-06-28",
    ]


def test_weekly_counts_by_type_with_empty_weeks_kept(events):
    counts = weekly_counts(events)
    assert counts.index[0] == pd.Timestamp("2021-04-26")  # Andkhoy and Maymana, 1 May
    assert counts.index[-1] == pd.Timestamp("2021-07-05")  # Moscow talks, 9 July
    assert len(counts) == 11
    assert counts.loc["2021-04-26"].to_dict() == {
        "Crossing closed": 0,
        "Crossing reopened": 0,
        "Diplomatic contact": 0,
        "Territorial control": 2,
    }
    assert counts.loc["2021-06-21"].to_dict() == {
        "Crossing closed": 2,
        "Crossing reopened": 0,
        "Diplomatic contact": 0,
        "Territorial control": 1,
    }
    assert counts.loc["2021-05-31"].sum() == 0
    assert int(counts.to_numpy().sum()) == len(events)


def test_no_events_give_an_empty_timeline(events):
    assert weekly_counts(events.iloc[0:0]).empty
