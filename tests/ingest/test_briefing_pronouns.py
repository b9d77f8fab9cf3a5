"""Spec: "it", as what a dated clause takes, holds or leaves, is the one place meant."""

from __future__ import annotations

import datetime as dt

from sample_data import places_frame

from borderwatch.ingest.extract import extract_candidates

PLACES_DF = places_frame()
PUBLISHED = dt.date(2022, 6, 10)


def _dated_at(text: str, place: str) -> list[tuple[str, str]]:
    df = extract_candidates(text, PUBLISHED, "TEST-BRIEF", PLACES_DF)
    rows = df[(df["place"] == place) & (df["date_start"] != "")]
    return [(r.date_start, r.evidence_place_text) for r in rows.itertuples()]


def test_it_taken_is_the_one_place_the_sentence_before_named():
    text = (
        "Militia fighters dug in around Termez during the spring. "
        "A brigade from the south stormed it on 14 May with armour."
    )
    assert ("2022-05-14", "it") in _dated_at(text, "Termez")


def test_it_left_is_the_place_the_sentence_before_made_its_subject():
    text = (
        "Termez, a river port facing Hairatan, was the garrison's last foothold. "
        "By 20 May the ministry in Moscow conceded that its soldiers had left it."
    )
    assert ("2022-05-20", "it") in _dated_at(text, "Termez")
    assert ("2022-05-20", "it") not in _dated_at(text, "Hairatan") + _dated_at(text, "Moscow")


def test_it_is_nothing_when_the_sentence_before_named_two_places():
    text = (
        "Convoys shuttled between Termez and Maymana all winter. On 3 May rebel units captured it."
    )
    texts = [t for p in ("Termez", "Maymana") for _, t in _dated_at(text, p)]
    assert "it" not in texts


def test_it_lost_is_the_place_an_earlier_clause_took():
    text = "Rebels took Termez in March, and on 5 May they lost it to the army."
    assert ("2022-05-05", "it") in _dated_at(text, "Termez")


def test_it_that_speaks_or_is_stands_for_no_place():
    text = (
        "Guards reinforced Termez in April. "
        "On 9 May it was calm, and the governor said it would stay open to traders."
    )
    assert all(t != "it" for _, t in _dated_at(text, "Termez"))
