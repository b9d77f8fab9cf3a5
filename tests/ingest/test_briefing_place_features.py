"""Places named by a feature word after a namesake's name, banks of land and sea, and
operations' names that are no place.

Each text below was written for its test; none appears in the evaluation set or the seeds.
"""

from __future__ import annotations

import datetime as dt

from briefing_rows import rows_published

PUBLISHED = dt.date(2024, 5, 15)
rows = rows_published(PUBLISHED)


def places(text: str) -> list[str]:
    """Distinct place names proposed, in order."""
    return list(dict.fromkeys(rows(text)["place"]))


def test_a_towns_name_with_valley_after_it_is_the_valley_beside_the_town():
    # "the Khorog valley" names the valley; "the village of Khorog" the town, apart
    text = "On 6 May rebels held the Khorog valley, and on 9 May they burnt the village of Khorog."
    got = rows(text)[["place", "evidence_place_text", "date_start"]].values.tolist()
    assert ["Khorog valley", "Khorog", "2024-05-06"] in got
    assert ["Khorugh", "Khorog", "2024-05-09"] in got


def test_a_rivers_name_with_valley_after_it_is_the_valley():
    got = rows("On 7 May herders crossed the Vakhsh valley.")
    assert got["place"].tolist() == ["Vakhsh valley"]
    assert got["geo_precision"].tolist() == ["district"]


def test_a_west_bank_and_a_shoal_at_sea_are_places_a_lending_bank_is_not():
    text = (
        "On 4 May shepherds from the West Bank crossed at Hairatan, and on 6 May a trawler "
        "sank off the Tuzla Bank. On 8 May the World Bank lent Kabul money, and talks at "
        "the Central Bank ended."
    )
    got = places(text)
    assert "West Bank" in got and "Tuzla Bank" in got
    assert not any(p in got for p in ("World Bank", "Central Bank", "Bank"))


def test_an_operations_name_is_no_place_though_a_place_is_in_it():
    assert places("On 5 May Operation Hairatan Shield began near Termez.") == ["Termez"]


def test_a_peoples_name_before_a_word_for_people_or_counted_as_people_is_no_place():
    text = (
        "On 4 May armed Zarafshani exiles crossed near Termez, and on 6 May thousands of "
        "Zarafshani fled to Hairatan."
    )
    assert places(text) == ["Termez", "Hairatan"]


def test_a_town_before_a_word_for_people_is_still_the_town():
    assert "Kunduz" in places("On 4 May Kunduz rebels crossed at Hairatan.")


def test_a_name_a_plural_kind_noun_holds_among_them_is_a_place():
    text = "On 6 May Uzbekistan shut its crossings, Ayritom and Sariosiyo among them."
    got = places(text)
    assert "Ayritom" in got


def test_a_name_an_army_marched_out_of_is_a_place():
    got = places("On 4 May the column marched out of Zarafkent towards Hairatan.")
    assert got == ["Zarafkent", "Hairatan"]


def test_an_agency_named_after_a_town_or_a_frontier_is_a_unit_of_land_not_a_body():
    text = (
        "On 4 May troops moved toward the Kurram and Khyber agencies, and on 6 May the "
        "Gilgit Agency was revived. On 8 May the International Atomic Energy Agency "
        "reported from Kabul. On 9 May the official Xinhua agency announced that troops "
        "had left."
    )
    got = places(text)
    assert {"Kurram agency", "Khyber agency", "Gilgit Agency"} <= set(got)
    assert not any("Atomic" in p or "Energy" in p or "Xinhua" in p for p in got)


def test_a_name_whose_passes_forests_or_slopes_are_told_is_a_range_unplaced():
    text = (
        "On 3 May the army moved through the passes of the Vlasics into the plain. On 5 May "
        "the rebels held out in the forests of the Tarcus."
    )
    got = rows(text)
    ranges = got[got["place"].isin(["Vlasics", "Tarcus"])]
    assert sorted(set(ranges["place"])) == ["Tarcus", "Vlasics"]
    assert set(ranges["geo_precision"]) == {"district"}
    assert set(ranges["latitude"]) == {""}


def test_the_slopes_of_a_country_or_a_people_are_no_range():
    text = (
        "On 3 May shells fell on the slopes of the Ossetians' hills and the heights of the "
        "Tajik side."
    )
    got = set(rows(text)["place"])
    assert "Ossetians" not in got and "Tajik" not in got
