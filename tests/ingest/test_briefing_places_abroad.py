"""Places beyond the region's gazetteer: towns of any size in a country the text names, and
a crossing named after its town kept apart from the town.

Each text below was written for its test; none appears in the evaluation set or the seeds.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sample_data import places_frame

from borderwatch.ingest.extract import extract_candidates

PLACES_DF = places_frame()
PUBLISHED = dt.date(2024, 5, 20)


def rows(text: str) -> pd.DataFrame:
    return extract_candidates(text, PUBLISHED, "TEST-BRIEF", PLACES_DF)


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
    # Natural Earth gives Afghanistan's Nangarhar the other name "Eastern"; Zambia has an
    # Eastern province too, and no list of ours holds it: unplaced.
    text = "On 3 May floods cut the roads of Zambia's Eastern province."
    got = rows(text)[["place", "country"]].values.tolist()
    assert ["Eastern", ""] in got
    assert "AFG" not in [c for _, c in got]
