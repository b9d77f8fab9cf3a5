"""Places beyond the region named by a list or by grammar: the world's provinces (Natural
Earth admin-1) where their country is named, rivers by the words around them, a country
owning a place ("Mozambique's Tete province") and a state named by a compass word.

Each text below was written for its test; none appears in the evaluation set or the seeds.
"""

from __future__ import annotations

import datetime as dt

from briefing_rows import rows_published

PUBLISHED = dt.date(2024, 5, 20)
rows = rows_published(PUBLISHED)


def test_a_province_abroad_is_found_with_its_point_where_the_text_names_its_country():
    text = "Myanmar's army shelled villages across Rakhine on 3 May."
    got = rows(text)
    found = got[got["place"] == "Rakhine"]
    assert found["country"].tolist() == ["MMR"]
    assert found["evidence_place_source"].str.startswith("naturalearth:admin1:").all()


def test_a_province_abroad_is_not_read_where_its_country_goes_unnamed():
    # the world's provinces hold many a common word and surname: only in their country
    got = rows("Reporters reached Rakhine on 3 May.")
    assert "MMR" not in got["country"].tolist()


def test_a_province_abroad_with_its_word_is_named_as_written_beside_its_owner():
    text = "On 21 April fighters who had come in from Mozambique's Tete province attacked a farm."
    got = rows(text)[["place", "country", "evidence_place_text"]].values.tolist()
    assert ["Tete province", "MOZ", "Tete"] in got
    assert "Mozambique" in [p for p, _, _ in got]


def test_a_province_abroad_inside_a_longer_name_is_not_that_province():
    # Colombia has a Santander department and a Norte de Santander one
    text = "On 3 May Colombia's Norte de Santander opened shelters for families."
    got = rows(text)
    assert "Santander" not in got["place"].tolist()


def test_a_river_named_like_a_country_the_text_names_is_the_river_with_its_word():
    text = (
        "Gambia closed its border on 3 May. On 4 May ferries stopped crossing the "
        "Gambia River at Farafenni."
    )
    got = rows(text)[["place", "evidence_place_text"]].values.tolist()
    assert ["Gambia River", "Gambia River"] in got
    assert "Gambia" in [p for p, _ in got]


def test_a_bare_name_crossed_is_a_place_of_its_own():
    # no list holds the Rovuma, and the model may call it a town; "crossed the" finds it
    got = rows("On 3 May the column crossed the Rovuma into Tanzania.")
    found = got[got["place"] == "Rovuma"]
    assert found["date_start"].tolist() == ["2024-05-03"]


def test_a_bare_name_crossed_that_the_model_misses_is_a_river():
    got = rows("On 3 May the column crossed the Ubangi, and on 4 May it reached Zongo.")
    found = got[got["place"] == "Ubangi"]
    assert found["geo_precision"].tolist() == ["province"]


def test_a_sea_owned_by_a_country_is_the_sea_and_the_country():
    text = "On 3 May gunmen seized a ferry in Turkey's Black Sea port of Trabzon."
    places = rows(text)["place"].tolist()
    assert "Black Sea" in places
    assert "Turkey" in places


def test_a_state_named_by_a_bare_compass_word_heading_a_text_is_named_as_written():
    text = "East Germany: the Wall opens\n\nOn 9 May the guards opened the gates."
    got = rows(text)
    assert "East Germany" in got["evidence_place_text"].tolist()


def test_a_country_whose_list_name_holds_the_is_found_without_it():
    # GeoNames calls it "The Netherlands"
    got = rows("On 3 May the Netherlands recalled its ambassador.")
    assert "NLD" in got["country"].tolist()


def test_a_strait_or_channel_named_with_its_word_is_a_place():
    text = (
        "On 3 May a destroyer sailed through the Taiwan Strait. On 4 May two trawlers "
        "collided in the Beagle Channel."
    )
    places = rows(text)["place"].tolist()
    assert "Taiwan Strait" in places
    assert "Beagle Channel" in places


def test_lakes_named_in_the_plural_keep_their_word():
    got = rows("On 3 May the guerrillas fell back to the Prespa lakes.")
    assert "Prespa lakes" in got["evidence_place_text"].tolist()


def test_a_province_whose_name_holds_a_romance_small_word_is_found_whole():
    # "do", "de", "del" join the words of a Romance name: the state, with its point
    text = (
        "On 3 May Brazil sent troops into Mato Grosso do Sul and Colombia into Norte de Santander."
    )
    got = rows(text)
    found = got[got["place"].isin(["Mato Grosso do Sul", "Norte de Santander"])]
    assert set(found["place"]) == {"Mato Grosso do Sul", "Norte de Santander"}
    assert found["evidence_place_source"].str.startswith("naturalearth:admin1:").all()


def test_a_state_by_its_own_name_is_not_the_town_that_has_it_as_another_name():
    # Rio Grande do Sul is the state; Rio Grande, its port, has the name only as another one
    text = "On 3 May Brazil closed the border crossings of Rio Grande do Sul to lorries."
    got = rows(text)
    found = got[got["evidence_place_text"] == "Rio Grande do Sul"]
    assert found["place"].tolist() == ["Rio Grande do Sul"]
    assert found["evidence_place_source"].str.startswith("naturalearth:admin1:").all()


def test_a_town_whose_name_holds_a_romance_small_word_is_found_whole():
    text = "On 3 May Brazil reopened the bridge at Foz do Iguaçu to traffic from Paraguay."
    got = rows(text)
    found = got[got["place"] == "Foz do Iguaçu"]
    # the GeoNames town, with its point, not a name the model ran on
    assert len(found) and found["evidence_place_source"].str.startswith("geonames:").all()


def test_a_name_that_begins_with_a_capitalised_romance_word_is_found():
    # "La", "Las", "Da" begin these names as their own word, not as a connector
    text = "On 3 May rebels took La Victoria, Las Margaritas and Da Nang, and troops left La Paz."
    got = rows(text)["evidence_place_text"].tolist()
    assert {"La Victoria", "Da Nang", "La Paz"} <= set(got)


def test_a_town_whose_name_holds_an_elided_article_is_found_whole():
    # "d'" is glued to the word it goes with: the whole name is GeoNames' town
    got = rows("On 3 May Spanish police in Spain shut the road into La Seu d'Urgell.")
    found = got[got["evidence_place_text"] == "La Seu d'Urgell"]
    assert found["country"].tolist() == ["ESP"]


def test_the_word_after_an_elided_article_is_no_name_of_its_own():
    # "d'Aran" is part of "Val d'Aran", not a village that GeoNames spells "Daran"
    got = rows("On 3 May Spain shut the valley of Val d'Aran to lorries.")
    assert "Dārān" not in got["place"].tolist()
    assert "IRN" not in got["country"].tolist()


def test_a_continent_named_alone_is_a_place():
    # the key guide keys every place a text names: "the rest of Europe" names Europe
    got = rows("On 3 May the line linking Albania with the rest of Europe reopened.")
    found = got[got["place"] == "Europe"]
    assert len(found) > 0
    assert found["country"].eq("").all()


def test_a_continent_inside_a_longer_name_is_no_place_of_its_own():
    # a country, a region and a body hold the name; none of them is the continent
    text = (
        "On 3 May South Africa closed its border, Central Asia stayed calm and the Council "
        "of Europe met in Strasbourg."
    )
    assert "Europe" not in rows(text)["place"].tolist()
    assert "Africa" not in rows(text)["place"].tolist()
    assert "Asia" not in rows(text)["place"].tolist()


def test_a_compass_word_written_small_makes_a_region_of_a_continent():
    text = "On 3 May lorries bound for central Europe and convoys for southern Africa were halted."
    got = rows(text)["place"].tolist()
    assert "central Europe" in got and "southern Africa" in got
    assert "Europe" not in got and "Africa" not in got


def test_a_countrys_long_or_former_name_is_that_country():
    # GeoNames gives a country one name; a text may use its long, official or former one
    text = (
        "On 3 May the Czech Republic shut its crossings, Côte d’Ivoire closed its border "
        "with Liberia and Abyssinia mobilised."
    )
    got = rows(text)
    by_text = dict(zip(got["evidence_place_text"], got["country"], strict=True))
    assert by_text["Czech Republic"] == "CZE"
    assert by_text["Côte d’Ivoire"] == "CIV"
    assert by_text["Abyssinia"] == "ETH"


def test_a_small_town_is_found_in_a_country_named_by_its_long_name():
    # a town below the size known worldwide is read only in a country the text names
    text = "The Czech Republic shut its crossings on 3 May, when floods hit Krnov and Jeseník."
    got = rows(text)
    assert "CZE" in got[got["evidence_place_text"] == "Jeseník"]["country"].tolist()


def test_small_words_written_small_inside_a_name_keep_the_name_whole():
    # a French word between hyphens, a Czech or German one between capitalised words
    text = (
        "On 3 May France held the ferries at Boulogne-sur-Mer, Austria sent troops to Bruck "
        "an der Leitha and the Czech Republic shut the crossing at Hrádek nad Nisou."
    )
    got = rows(text)
    found = set(got["evidence_place_text"])
    assert {"Boulogne-sur-Mer", "Bruck an der Leitha", "Hrádek nad Nisou"} <= found
    assert not {"Bruck", "Hrádek", "Mer"} & found
    assert "DEU" not in got["country"].tolist()  # no Fürstenfeldbruck


def test_an_arabic_article_written_small_begins_a_name():
    got = rows("On 3 May Egypt shut the road from el-Arish to the coast.")
    assert got[got["evidence_place_text"] == "el-Arish"]["country"].tolist()[:1] == ["EGY"]


def test_a_feature_named_with_its_capitalised_word_is_a_place():
    text = "On 3 May a trawler ran aground on Scott Reef and tourists left Iguazu Falls."
    found = set(rows(text)["evidence_place_text"])
    assert {"Scott Reef", "Iguazu Falls"} <= found


def test_a_month_the_model_runs_into_a_name_is_no_part_of_it():
    # the small model reads "May Zambia" as one place; the month dates the clause
    got = rows("On 3 May Zambia shut its border with Malawi.")
    assert "May Zambia" not in got["evidence_place_text"].tolist()
    assert "ZMB" in got["country"].tolist()


def test_a_former_country_name_keeps_the_texts_spelling_with_todays_country():
    # a text of its time names Zaire, never "the Democratic Republic of the Congo"
    text = (
        "On 8 March rebels crossed from Angola into Zaire. On 10 March the Gold Coast "
        "closed its frontier, and the country's governor called up reserves."
    )
    got = rows(text)
    places = dict(zip(got["place"], got["country"], strict=False))
    assert places["Zaire"] == "COD"
    assert places["Gold Coast"] == "GHA"
    assert "Democratic Republic of the Congo" not in places
    assert "Ghana" not in places


def test_a_long_official_name_is_still_todays_country():
    got = rows("On 3 May the Czech Republic shut its crossings.")
    assert "Czechia" in got["place"].tolist()


def test_an_old_name_of_a_city_abroad_is_read_where_the_words_say_a_town_is_meant():
    # GeoNames lists the old names as other names of Istanbul, Liepāja, Wrocław and Bender
    text = (
        "On 3 March the army halted before the walls of Constantinople. The squadron left "
        "Libau on 15 October. News of the battle came by way of Breslau on 4 July. On 15 "
        "September a band that had crossed the river attacked Bender."
    )
    got = rows(text)
    by_text = dict(zip(got["evidence_place_text"], got["country"], strict=False))
    assert by_text["Constantinople"] == "TUR"
    assert by_text["Libau"] == "LVA"
    assert by_text["Breslau"] == "POL"
    assert by_text["Bender"] == "MDA"


def test_another_name_of_a_city_abroad_alone_is_no_place():
    # "Khan" is one of Wuhan's other names: a surname, where no word says a town is meant
    got = rows("On 3 May Khan spoke to the press about the border.")
    assert "CHN" not in got["country"].tolist()
