"""Places beyond the region's gazetteer: towns of any size in a country the text names, and
a crossing named after its town kept apart from the town.

Each text below was written for its test; none appears in the evaluation set or the seeds.
"""

from __future__ import annotations

import datetime as dt

from briefing_rows import rows_published

PUBLISHED = dt.date(2024, 5, 20)
rows = rows_published(PUBLISHED)


def test_a_small_town_abroad_is_found_where_the_text_names_its_country():
    # Tessalit and Gao are far below the size of a world city; the model calls such names
    # people or peoples, but the country the text names makes them towns, with a point.
    text = (
        "Mali's army pulled its last company out of Tessalit on 12 May, "
        "and the convoy reached Gao two days later."
    )
    got = rows(text)[["place", "country", "evidence_place_source", "date_start"]]
    assert got.values.tolist()[:2] == [
        ["Tessalit", "MLI", "geonames:2449893", "2024-05-12"],
        ["Gao", "MLI", "geonames:2457163", "2024-05-14"],
    ]


def test_a_small_town_abroad_gets_no_point_where_the_text_never_names_its_country():
    got = rows("Aid workers said the road past Tessalit was quiet on 12 May.")
    assert got["evidence_place_source"].tolist() == ["entity"]


def test_a_town_abroad_that_is_only_a_part_of_a_longer_name_is_not_that_town():
    # GeoNames has a San Antonio and a Simón Bolívar in both countries; here one is a
    # part of a longer town's name and the other names a bridge.
    text = (
        "Colombia and Venezuela reopened the Simón Bolívar bridge on 3 May, "
        "and lorries queued in San Antonio del Táchira."
    )
    got = rows(text)[["place", "evidence_place_text"]].values.tolist()
    assert ["Simón Bolívar bridge", "Simón Bolívar"] in got
    assert ["San Antonio del Táchira", "San Antonio del Táchira"] in got
    assert "San Antonio" not in [p for p, _ in got]


def test_a_crossing_named_after_a_town_the_text_also_names_keeps_rows_of_its_own():
    # both at GeoNames' Rafah, in the country the text names
    text = (
        "Egypt and Israel traded blame after Israel shut the Rafah crossing on 6 May. "
        "On 7 May families fled Rafah for the coast."
    )
    got = rows(text)[["place", "date_start"]].values.tolist()
    assert ["Rafah crossing", "2024-05-06"] in got
    assert ["Rafaḩ", "2024-05-07"] in got


def test_a_crossing_whose_name_no_gazetteer_holds_stays_one_place_with_its_bare_name():
    # "the crossing" later stands for the place named most: the crossing, not the capital
    text = (
        "The Upper Lars crossing lies in a gorge. On 21 September queues formed at Upper "
        "Lars. Tbilisi did not close the crossing in October."
    )
    got = rows(text)[["place", "evidence_place_text", "date_start"]].values.tolist()
    assert ["Upper Lars", "the crossing", "2023-10-01"] in got


def test_a_crossing_gazetteer_spells_otherwise_is_named_as_written_with_its_word():
    # GeoNames knows the town as Al Qunayţirah; the crossing is the text's "Quneitra crossing".
    text = "Syria and Israel both reported that rebels overran the Quneitra crossing on 27 August."
    got = rows(text)[["place", "country", "evidence_place_text"]].values.tolist()
    assert ["Quneitra crossing", "SYR", "Quneitra"] in got


def test_a_province_named_by_a_compass_word_alone_is_not_one_of_a_country_never_named():
    # Natural Earth gives Afghanistan's Nangarhar the other name "Eastern"; Zambia, which
    # the text names, has an Eastern province too: Zambia's, named as written.
    text = "On 3 May floods cut the roads of Zambia's Eastern province."
    got = rows(text)[["place", "country"]].values.tolist()
    assert ["Eastern province", "ZMB"] in got
    assert "AFG" not in [c for _, c in got]


def test_a_town_abroad_by_an_old_name_is_found_where_the_words_say_it_was_taken():
    # Lemberg and Agram are GeoNames' other names of Lviv and Zagreb; the text names
    # neither country, but an army entering a town and a siege say towns are meant.
    text = "On 2 May the cavalry entered Lemberg. The siege of Agram was lifted on 9 May."
    got = rows(text)[["place", "country", "evidence_place_text", "evidence_place_source"]]
    found = {r[0]: r for r in got.values.tolist()}
    assert found["Lviv"][1:3] == ["UKR", "Lemberg"]
    assert found["Zagreb"][1:3] == ["HRV", "Agram"]
    assert all(r[3].startswith("geonames:") for r in found.values())


def test_a_town_abroad_falls_and_the_largest_of_its_namesakes_is_meant():
    # Stanleyville is Kisangani's old name; "fell" says a town is meant, and no country is
    # named to choose among namesakes, so the largest town of the name is taken
    got = rows("Stanleyville fell to the rebels on 4 May.")[["place", "country"]]
    assert ["Kisangani", "COD"] in got.values.tolist()


def test_a_name_after_the_or_a_persons_first_name_is_no_town_abroad():
    # GeoNames gives Benguela the other name "Bug" and a Florida town the name "Lee"
    text = (
        "Lee Jae-myung flew to Seoul on 2 May. Barges moved along the Bug on 3 May, "
        "and on 4 May officials wrote to Lee."
    )
    got = rows(text)["place"].tolist()
    assert "Benguela" not in got
    assert "Leesburg" not in got


def test_a_capital_abroad_wins_over_a_region_village_that_has_its_name_only_as_another():
    # Afghanistan's Āsmār has "Asmara" among its other names; Eritrea's capital owns it
    got = rows("On 3 May Asmara denied the report.")[["place", "country"]].values.tolist()
    assert ["Asmara", "ERI"] in got


def test_a_persons_first_name_alone_is_the_person_though_a_town_has_the_name():
    # "Kim" is a village in GeoNames; after "Kim Jong Un" it is the man, even where a date
    # the model ran on into the name stands before it
    text = "Kim Jong Un crossed the line on 2 May. In late May Kim took a train north."
    assert "Kim" not in rows(text)["place"].tolist()
