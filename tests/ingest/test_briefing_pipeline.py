"""The language pipeline on texts nobody tuned it for: weekdays, spans, kept open, GeoNames towns.

Each text below was written for its test; none appears in the evaluation set or the seeds.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sample_data import PLACES

from borderwatch.data import vocab
from borderwatch.ingest import nlp
from borderwatch.ingest.dates import find_dates
from borderwatch.ingest.extract import extract_candidates

PLACES_DF = pd.DataFrame(PLACES, columns=list(vocab.PLACE_COLUMNS))
D = dt.date


def rows(text: str, published: dt.date) -> pd.DataFrame:
    return extract_candidates(text, published, "TEST-BRIEF", PLACES_DF)


def spans(text: str, published: dt.date) -> list[tuple[str, dt.date, dt.date, str]]:
    return [(d.text, d.start, d.end, d.precision) for d in find_dates(text, published)]


def test_a_weekday_is_the_last_such_day_before_publication_not_the_publication_day():
    # Published on Wednesday 11 August 2021.
    text = "On Monday, as fighters reached the river, Tajikistan shut Panji Poyon."
    df = rows(text, D(2021, 8, 11))
    got = df[df["place"] == "Panji Poyon"][["date_start", "date_end", "date_precision"]]
    assert got.values.tolist() == [["2021-08-09", "2021-08-09", "day"]]


def test_the_publication_weekday_itself_means_the_week_before():
    # Published on a Monday: "on Monday" is the Monday before, not the publication day.
    assert spans("Talks resumed on Monday.", D(2022, 3, 14)) == [
        ("on Monday", D(2022, 3, 7), D(2022, 3, 7), "day")
    ]


def test_a_span_of_days_is_one_event_from_the_first_to_the_last_day():
    text = "Tajik and Russian units trained near Panji Poyon from 22 to 26 October."
    df = rows(text, D(2021, 11, 2))
    got = df[["place", "date_start", "date_end", "date_precision", "event_type"]]
    assert got.values.tolist() == [
        ["Panji Poyon", "2021-10-22", "2021-10-26", "day", "military_exercise"]
    ]


def test_other_spans_keep_their_honest_precision():
    published = D(2021, 9, 30)
    assert spans("Turkmenistan traded with Kabul in 1998–2001.", published) == [
        ("1998–2001", D(1998, 1, 1), D(2001, 12, 31), "year")
    ]
    assert spans("Convoys stopped in mid-August.", published) == [
        ("in mid-August", D(2021, 8, 11), D(2021, 8, 20), "month")
    ]
    assert spans("The post has been shelled since early September.", published) == [
        ("since early September", D(2021, 9, 1), published, "month")
    ]


def test_a_crossing_kept_open_is_not_a_closure():
    text = (
        "Although it sealed its border to travellers on 3 August, Uzbekistan kept the "
        "Hairatan crossing open for lorries on 4 August."
    )
    df = rows(text, D(2021, 8, 10))
    hairatan = df[df["place"] == "Hairatan"]
    assert hairatan["event_type"].tolist() == ["crossing_reopened"]
    assert hairatan["date_start"].tolist() == ["2021-08-04"]


def test_a_closure_that_did_not_happen_is_not_a_closure():
    df = rows(
        "Despite the fighting, Tajikistan did not close Panji Poyon on 12 July.", D(2021, 7, 13)
    )
    assert df[df["place"] == "Panji Poyon"]["event_type"].tolist() == ["crossing_reopened"]


def test_a_geonames_town_missing_from_the_curated_list_is_found_with_its_coordinates():
    text = "Government troops withdrew from Kulob on 2 March after a week of protests."
    df = rows(text, D(2022, 3, 10))
    assert "Kulob" not in set(PLACES_DF["name"])
    row = df[df["evidence_place_text"] == "Kulob"].iloc[0]
    assert (row["place"], row["country"], row["date_start"]) == ("Kŭlob", "TJK", "2022-03-02")
    assert row["evidence_place_source"].startswith("geonames:")
    assert abs(float(row["latitude"]) - 37.91) < 0.05
    assert abs(float(row["longitude"]) - 69.78) < 0.05


def test_a_name_the_model_calls_a_person_or_a_common_word_is_not_a_town():
    text = "President Rahmon said on Friday that talks would go on."
    df = rows(text, D(2021, 7, 30))
    assert df.empty


def test_the_language_model_is_loaded_once_per_process():
    assert nlp.pipeline() is nlp.pipeline()
    assert "ner" in nlp.pipeline().pipe_names
