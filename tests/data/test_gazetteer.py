"""The gazetteer resolves names whatever their case, accents or transliteration."""

from __future__ import annotations

import pandas as pd
import pytest
from sample_data import PLACES

from borderwatch.data import vocab
from borderwatch.data.gazetteer import Gazetteer, normalize, skeleton


@pytest.fixture(scope="module")
def curated() -> Gazetteer:
    return Gazetteer(pd.DataFrame(PLACES, columns=vocab.PLACE_COLUMNS), use_geonames=False)


def test_normalize_drops_case_accents_and_punctuation():
    assert normalize("  Mazār-i-Sharīf ") == "mazar i sharif"
    assert normalize("Shir Khan Bandar") == "shir khan bandar"
    assert normalize("Qal'a-ye Now") == "qala ye now"


def test_transliterations_share_a_skeleton():
    assert skeleton("Hairatan") == skeleton("Hayratan") == "hrtn"
    assert skeleton("Turghundi") == skeleton("Towraghondi") == skeleton("Torghundi")
    assert skeleton("Mazar-e Sharif") == skeleton("Mazar-i-Sharif") == skeleton("Mazari Sharif")


@pytest.mark.parametrize("query", ["Hairatan", "HAIRATAN", "hayratan", "Hairaton", "Hayratān"])
def test_every_spelling_of_hairatan_resolves_to_the_curated_post(curated, query):
    match = curated.lookup(query)
    assert (match.name, match.country, match.latitude, match.longitude, match.source) == (
        "Hairatan",
        "AFG",
        37.2167,
        67.4333,
        "curated",
    )


def test_alternative_name_is_an_exact_match(curated):
    assert curated.lookup("Shir Khan Bandar").method == "exact"
    assert curated.lookup("Sherkhan Bandar").method == "spelling"
    assert curated.lookup("Sherkhan Bandar").name == "Sher Khan Bandar"


def test_country_restricts_the_match(curated):
    assert curated.lookup("Termez", country="UZB").name == "Termez"
    assert curated.lookup("Termez", country="TJK") is None


def test_unknown_name_without_geonames_is_none_with_suggestions(curated):
    assert curated.lookup("Hairatam") is None
    assert curated.suggest("Hairatam") == ["Hairatan"]
    assert curated.suggest("Maymanah") == ["Maymana"]


def test_names_missing_from_the_curated_list_fall_back_to_geonames():
    gaz = Gazetteer(pd.DataFrame(PLACES, columns=vocab.PLACE_COLUMNS))
    kunduz = gaz.lookup("Kunduz")
    assert (kunduz.name, kunduz.country, kunduz.source) == ("Kunduz", "AFG", "geonames")
    assert kunduz.coord_source == "geonames:1135689"
    assert (round(kunduz.latitude, 2), round(kunduz.longitude, 2)) == (36.73, 68.86)
    # GeoNames' alternate names are searched too
    assert gaz.lookup("Mazari Sharif").name == "Mazār-e Sharīf"


def test_geocode_frame_resolves_each_row_and_leaves_unknowns_blank(curated):
    out = curated.geocode_frame(["Hayratan", "Nowhere-abad", "Maimana"], ["AFG", "AFG", None])
    assert out["place_name"].fillna("?").tolist() == ["Hairatan", "?", "Maymana"]
    assert out["latitude"].isna().tolist() == [False, True, False]
