"""Spec: an act by a government with no site is filed under its country, and under its
capital only when the sentence names it (KEY_GUIDE, "Where an event is filed")."""

from __future__ import annotations

import datetime as dt

from sample_data import places_frame

from borderwatch.ingest.extract import extract_candidates

PLACES_DF = places_frame()
PUBLISHED = dt.date(2022, 6, 20)


def _dated(text: str) -> list[tuple[str, str, str]]:
    df = extract_candidates(text, PUBLISHED, "TEST-BRIEF", PLACES_DF)
    df = df[df["date_start"] != ""]
    return list(zip(df["place"], df["date_start"], df["evidence_place_text"], strict=True))


def test_a_capital_carried_to_a_sentence_naming_no_place_is_its_country():
    text = (
        "Thousands rallied in Dushanbe on 3 May, demanding that Tajikistan reopen the "
        "border. On 5 May the curfew was lifted."
    )
    dated = _dated(text)
    assert ("Tajikistan", "2022-05-05", "") in dated
    assert not [p for p, d, _ in dated if p == "Dushanbe" and d == "2022-05-05"]
    # the capital the sentence names stays where it is named
    assert ("Dushanbe", "2022-05-03", "Dushanbe") in dated


def test_a_carried_capital_stays_when_the_text_never_names_its_country():
    text = "Thousands rallied in Dushanbe on 3 May. On 5 May the curfew was lifted."
    assert ("Dushanbe", "2022-05-05", "") in _dated(text)


def test_a_dated_clause_naming_no_place_at_all_is_also_guessed_at_the_country_named_most():
    text = (
        "Kyrgyzstan has argued with Tajikistan over water for years. Kyrgyzstan says the "
        "canal is its own. Herders from Batken and Isfara share the pastures. Herders still "
        "graze their flocks near Batken, but on 3 May the opposition leader was arrested."
    )
    dated = _dated(text)
    assert ("Kyrgyzstan", "2022-05-03", "") in dated
    assert ("Batken", "2022-05-03", "Batken") in dated
    # not the country named less
    assert not [p for p, d, _ in dated if p == "Tajikistan"]


def test_a_dated_clause_that_names_a_place_is_not_guessed_at_the_country():
    text = (
        "Kyrgyzstan has argued with Tajikistan over water for years. Kyrgyzstan says the "
        "canal is its own. Herders from Batken and Isfara share the pastures. On 3 May "
        "guards arrested two herders near Batken."
    )
    assert [(p, d) for p, d, _ in _dated(text)] == [("Batken", "2022-05-03")]
