"""Spec: a place named once is still that place when the text names it again or says
"there", and a man's Ottoman title does not make his name a place."""

from __future__ import annotations

import datetime as dt

from briefing_rows import PLACES_DF, rows_published

from borderwatch.ingest import nlp
from borderwatch.ingest.places import PlaceFinder

PUBLISHED = dt.date(2022, 6, 20)
_rows = rows_published(PUBLISHED)


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


def _stand_ins(text: str) -> list[tuple[str, str, str]]:
    df = _rows(text)
    df = df[df["evidence_place_source"] == "referred"]
    return list(zip(df["place"], df["date_start"], df["evidence_place_text"], strict=True))


def test_the_mountain_is_the_place_named_as_a_mountain():
    text = (
        "Thousands fled up Mount Qarabel when the gunmen reached Termez. "
        "Aid lorries waited at Hairatan for a week. "
        "On 7 June soldiers flew onto the mountain to count who was left."
    )
    assert ("Mount Qarabel", "2022-06-07", "the mountain") in _stand_ins(text)


def test_the_gorge_is_the_gorge_whose_short_name_the_text_uses_most():
    text = (
        "Refugees have sheltered in the Qarabel Gorge, above Termez, since the spring. "
        "Smugglers once used the Kodori gorge too. "
        "Guards at Qarabel turned back traders. "
        "On 5 June soldiers went into the gorge to search the houses."
    )
    assert ("Qarabel Gorge", "2022-06-05", "the gorge") in _stand_ins(text)
    assert not [r for r in _stand_ins(text) if r[0] == "Kodori gorge"]


def test_a_feature_word_before_a_noun_stands_for_no_place():
    text = (
        "Thousands fled up Mount Qarabel when the gunmen reached Termez. "
        "On 7 June the mountain road was cut by a landslide."
    )
    assert not [r for r in _stand_ins(text) if r[2].startswith("the mountain")]


def test_a_feature_named_in_an_undated_sentence_does_not_become_the_village_meant_next():
    text = (
        "Rebels hold the village of Qarabel, near the airfield at Termez. "
        "Their commander threatened to shell the airfield. "
        "On 8 June the army attacked the village."
    )
    assert not [r for r in _stand_ins(text) if r[2] == "the airfield"]
    assert "2022-06-08" in _dated_at(text, "Qarabel")


def test_the_town_in_a_dated_clause_that_names_another_place_is_the_town_named_before():
    text = (
        "Termez has been the garrison town of the south since the war began. "
        "Rebels camped outside Termez in March. "
        "On 4 May troops from Hairatan drove them back into the town."
    )
    assert "2022-05-04" in _dated_at(text, "Termez")


def test_the_town_of_a_name_in_a_dated_clause_stands_for_no_other_town():
    text = (
        "Termez has been the garrison town of the south since the war began. "
        "Rebels camped outside Termez in March. "
        "On 4 May troops from Hairatan drove them into the town of Qarabel."
    )
    assert "2022-05-04" not in _dated_at(text, "Termez")


def test_a_heading_place_proposed_only_where_the_district_stands_for_it_keeps_its_spelling():
    df = _rows("Shelling in Qarabel district\nOn 3 May guards from Termez fired into the district.")
    at = df[df["place"] == "Qarabel district"]
    assert "2022-05-03" in set(at["date_start"])
    assert "Qarabel" in set(at["evidence_place_text"])


def test_that_town_in_a_dated_clause_is_the_town_named_before_it():
    text = (
        "The truce was signed at Termez on 4 May, after rebel columns had stormed that town "
        "in early April, and Hairatan was spared."
    )
    df = _rows(text)
    april = df[df["evidence_date_text"] == "in early April"]
    assert list(zip(april["place"], april["evidence_place_text"], strict=True)) == [
        ("Termez", "that town"),
        ("Hairatan", "Hairatan"),
    ]


def test_that_crossing_in_a_sentence_naming_no_place_is_the_crossing_just_named():
    text = "Trucks from Hairatan queued at Termez on Monday. Guards shut that crossing on 2 June."
    df = _rows(text)
    june = df[df["date_start"] == "2022-06-02"]
    assert list(zip(june["place"], june["evidence_place_text"], strict=True)) == [
        ("Termez", "that crossing")
    ]


def test_that_as_a_conjunction_before_a_place_word_points_at_no_place():
    text = (
        "Guards at Termez turned back traders on Monday. "
        "On 3 June officials said that town councils would be dissolved."
    )
    df = _rows(text)
    assert "that town" not in set(df["evidence_place_text"])
