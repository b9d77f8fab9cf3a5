"""Whose a nationality adjective says: one reader for the place finder (is it a place?) and
the date pairing (which named country acted?).

Each text below was written for its test; none appears in the evaluation set or the seeds.
"""

from __future__ import annotations

import datetime as dt

from sample_data import places_frame

from borderwatch.ingest.adjectives import adjective_countries, country_adjective
from borderwatch.ingest.extract import extract_candidates

PLACES_DF = places_frame()


def test_an_adjective_made_by_an_ending_names_its_country():
    assert adjective_countries("Iranian") == {"iran"}
    assert adjective_countries("Tajik") == {"tajikistan"}
    assert adjective_countries("Lebanese") == {"lebanon"}
    assert adjective_countries("Turkish") == {"turkey"}
    assert adjective_countries("Thai") == {"thailand"}
    assert adjective_countries("Polish") == {"poland"}


def test_an_adjective_no_ending_makes_is_listed():
    assert adjective_countries("Greek") == {"greece"}
    assert adjective_countries("Spanish") == {"spain"}
    assert adjective_countries("Philippine") == {"philippines"}
    assert adjective_countries("Argentine") == {"argentina"}
    assert adjective_countries("Dutch") == {"the netherlands"}


def test_a_two_word_countrys_adjective_keeps_its_first_word_and_alone_names_both():
    assert adjective_countries("North Korean") == {"north korea"}
    assert adjective_countries("Sri Lankan") == {"sri lanka"}
    assert adjective_countries("South Sudanese") == {"south sudan"}
    assert adjective_countries("Korean") == {"north korea", "south korea"}


def test_a_bare_name_or_a_town_sharing_a_countrys_first_letters_is_no_adjective():
    for word in ("Bosnia", "Timor", "Angoor", "Moldo", "Polan", "Kidal"):
        assert adjective_countries(word) == frozenset(), word
    assert country_adjective("north") and country_adjective("european")
    # "North Korea" makes "North" a qualifier; no country's name begins "Eastern"
    assert not country_adjective("eastern")


def test_an_irregular_adjective_in_a_dated_clause_names_the_country_that_acted():
    text = (
        "Greece and Turkey argued again over the islets off Termez. "
        "On 6 May the Greek coastguard turned back two boats."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert ["Greece", "Greek"] in dated[["place", "evidence_place_text"]].values.tolist()


def test_a_two_word_adjective_names_its_own_country_not_the_one_named_last():
    text = (
        "North Korea and South Korea traded threats over the border at Panmunjom. "
        "On 6 May North Korean guards fired across the line."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    got = dated[["place", "evidence_place_text"]].values.tolist()
    assert ["North Korea", "North Korean"] in got
    assert "South Korea" not in [p for p, _ in got]
