"""Spec: a place named once is still that place when the text names it again or says
"there", and a man's Ottoman title does not make his name a place."""

from __future__ import annotations

import datetime as dt

from sample_data import places_frame

from borderwatch.ingest import nlp
from borderwatch.ingest.extract import extract_candidates
from borderwatch.ingest.places import PlaceFinder

PLACES_DF = places_frame()
PUBLISHED = dt.date(2022, 6, 20)


def _rows(text: str):
    return extract_candidates(text, PUBLISHED, "TEST-BRIEF", PLACES_DF)


def _dated_at(text: str, place: str) -> list[str]:
    df = _rows(text)
    return list(df[(df["place"] == place) & (df["date_start"] != "")]["date_start"])


def test_a_name_a_preposition_made_a_place_is_that_place_where_it_is_written_again():
    text = (
        "The mission's flag is still raised each morning at Meshra. "
        "Months after leaving the coast, the steamer had reached Meshra on 10 June."
    )
    found = [m.start for m in PlaceFinder(PLACES_DF).find(text, nlp.parse(text))]
    assert [text.find("Meshra"), text.rfind("Meshra")] == found


def test_there_in_a_dated_sentence_is_the_place_the_sentence_before_named():
    text = (
        "Termez has been the garrison town of the south since the war began. "
        "Termez took in the wounded again in May. "
        "The envoys were sent on to Qarabel, a market town up the valley. "
        "Talks opened there on 9 June between the two delegations."
    )
    assert "2022-06-09" in _dated_at(text, "Qarabel")


def test_there_is_still_the_place_named_most_when_the_sentence_before_named_it():
    text = (
        "Fighting around Termez has lasted a month. "
        "Guards at Termez turned back traders from Hairatan. "
        "Snipers fired there on 4 June."
    )
    assert "2022-06-04" in _dated_at(text, "Termez")


def test_a_name_with_a_pasha_or_bey_after_it_is_a_man_not_a_place():
    text = (
        "On 3 June the governor met the delegates at Termez. "
        "Talks between Kazim Pasha and the governor went on for a week, "
        "and an aide to Rauf Bey carried the draft back."
    )
    places = set(_rows(text)["place"])
    assert "Termez" in places
    assert not places & {"Rauf Bey", "Kazim Pasha", "Rauf", "Kazim"}


def test_the_base_is_the_place_the_text_introduced_as_its_base_or_station():
    text = (
        "The navy keeps a small air station at Qarabel, beside the old harbour. "
        "Its supplies come by road from Termez and its fuel by barge from Hairatan. "
        "On 5 June the base was closed to visitors."
    )
    assert "2022-06-05" in _dated_at(text, "Qarabel")


def test_the_town_is_first_the_town_the_text_introduced_so():
    text = (
        "Rebels hold the town of Qarabel, in the hills above the river. "
        "Aid reached them from Termez and from Hairatan by the old road. "
        "The army shelled the town on 7 June."
    )
    assert "2022-06-07" in _dated_at(text, "Qarabel")


def test_there_is_not_the_place_named_only_to_say_where_another_lies():
    text = (
        "Hairatan has been closed to lorries all spring. Hairatan's traders have gone home. "
        "Talks opened in Termez, the main town of Surxondaryo, on 2 June, "
        "and a truce was signed there on 9 June."
    )
    assert "2022-06-09" in _dated_at(text, "Termez")


def test_a_dated_clause_naming_no_place_is_also_about_the_place_named_most():
    text = (
        "Rebels have held Hairatan since the spring. Hairatan's market is shut. "
        "The army's assault opened on 6 June, with shelling of the hills, "
        "and on 9 June Termez announced that Hairatan had fallen."
    )
    assert "2022-06-06" in _dated_at(text, "Hairatan")
