"""The language pipeline on texts nobody tuned it for: weekdays, spans, kept open, GeoNames towns.

Each text below was written for its test; none appears in the evaluation set or the seeds.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sample_data import places_frame

from borderwatch.ingest import nlp
from borderwatch.ingest.dates import find_dates
from borderwatch.ingest.extract import extract_candidates

PLACES_DF = places_frame()
D = dt.date


def rows(text: str, published: dt.date) -> pd.DataFrame:
    return extract_candidates(text, published, "TEST-BRIEF", PLACES_DF)


def fields(text: str, published: dt.date, columns: list[str], **where: str) -> list[list]:
    """`columns` of the rows extracted from `text` whose fields equal `where`, in order."""
    df = rows(text, published)
    for column, value in where.items():
        df = df[df[column] == value]
    return df[columns].values.tolist()


def spans(text: str, published: dt.date) -> list[tuple[str, dt.date, dt.date, str]]:
    return [(d.text, d.start, d.end, d.precision) for d in find_dates(text, published)]


def test_a_weekday_is_the_last_such_day_before_publication_not_the_publication_day():
    # Published on Wednesday 11 August 2021.
    text = "On Monday, as fighters reached the river, Tajikistan shut Panji Poyon."
    got = fields(
        text, D(2021, 8, 11), ["date_start", "date_end", "date_precision"], place="Panji Poyon"
    )
    assert got == [["2021-08-09", "2021-08-09", "day"]]


def test_the_publication_weekday_itself_means_the_week_before():
    # Published on a Monday: "on Monday" is the Monday before, not the publication day.
    assert spans("Talks resumed on Monday.", D(2022, 3, 14)) == [
        ("on Monday", D(2022, 3, 7), D(2022, 3, 7), "day")
    ]


def test_a_span_of_days_is_one_event_from_the_first_to_the_last_day():
    text = "Tajik and Russian units trained near Panji Poyon from 22 to 26 October."
    got = fields(
        text, D(2021, 11, 2), ["place", "date_start", "date_end", "date_precision", "event_type"]
    )
    assert got == [["Panji Poyon", "2021-10-22", "2021-10-26", "day", "military_exercise"]]


def test_other_spans_keep_their_honest_precision():
    published = D(2021, 9, 30)
    assert spans("Turkmenistan traded with Kabul in 1998–2001.", published) == [
        ("1998–2001", D(1998, 1, 1), D(2001, 12, 31), "year")
    ]
    assert spans("Convoys stopped in mid-August.", published) == [
        ("in mid-August", D(2021, 8, 11), D(2021, 8, 20), "month")
    ]
    assert spans("The post has been shelled since early September.", published) == [
        ("since early September", D(2021, 9, 1), published, "month")
    ]


def test_a_crossing_kept_open_is_not_a_closure():
    text = (
        "Although it sealed its border to travellers on 3 August, Uzbekistan kept the "
        "Hairatan crossing open for lorries on 4 August."
    )
    got = fields(text, D(2021, 8, 10), ["event_type", "date_start"], place="Hairatan")
    assert got == [["crossing_reopened", "2021-08-04"]]


def test_a_closure_that_did_not_happen_is_not_a_closure():
    df = rows(
        "Despite the fighting, Tajikistan did not close Panji Poyon on 12 July.", D(2021, 7, 13)
    )
    assert df[df["place"] == "Panji Poyon"]["event_type"].tolist() == ["crossing_reopened"]


def test_a_geonames_town_missing_from_the_curated_list_is_found_with_its_coordinates():
    text = "Government troops withdrew from Kulob on 2 March after a week of protests."
    df = rows(text, D(2022, 3, 10))
    assert "Kulob" not in set(PLACES_DF["name"])
    row = df[df["evidence_place_text"] == "Kulob"].iloc[0]
    assert (row["place"], row["country"], row["date_start"]) == ("Kŭlob", "TJK", "2022-03-02")
    assert row["evidence_place_source"].startswith("geonames:")
    assert abs(float(row["latitude"]) - 37.91) < 0.05
    assert abs(float(row["longitude"]) - 69.78) < 0.05


def test_a_name_the_model_calls_a_person_or_a_common_word_is_not_a_town():
    text = "President Rahmon said on Friday that talks would go on."
    df = rows(text, D(2021, 7, 30))
    assert df.empty


def test_the_language_model_is_loaded_once_per_process():
    assert nlp.pipeline() is nlp.pipeline()
    assert "ner" in nlp.pipeline().pipe_names


def test_a_province_is_found_with_natural_earths_coordinates_even_as_a_possessive():
    text = "Khatlon's governor ordered the markets shut on 3 May."
    got = fields(
        text,
        D(2021, 5, 10),
        ["place", "country", "geo_precision", "date_start", "evidence_place_source"],
    )
    assert got == [
        ["Khatlon", "TJK", "province", "2021-05-03", "naturalearth:admin1:1159308471 label point"]
    ]


def test_a_town_named_with_a_province_word_is_the_province():
    text = "Fighting spread across Kunduz province on 2 July."
    assert fields(text, D(2021, 7, 5), ["place", "geo_precision", "latitude"]) == [
        ["Kunduz", "province", "36.9043"]
    ]


def test_another_romanisation_of_a_town_is_found_in_a_country_the_text_names():
    # GeoNames spells it Shibirghān; the text writes Sheberghan.
    df = rows("In Afghanistan, fighters took Sheberghan on 6 August.", D(2021, 8, 17))
    assert "Shibirghān" in df["place"].tolist()
    # Tuva's Tora-Khem shares Torkham's consonants, but the text names no Russia.
    df = rows("Pakistan closed Torkham on 6 September.", D(2023, 9, 16))
    assert "Toora-Khem" not in df["place"].tolist()


def test_a_nationality_in_the_plural_is_not_a_place():
    text = "Pakistan reopened Taftan on 2 March so that Pakistanis could return."
    df = rows(text, D(2020, 3, 12))
    assert "Pakistanis" not in df["place"].tolist()


def test_the_crossing_after_a_country_is_the_crossing_named_before():
    text = (
        "Pakistan sealed the Taftan crossing on 23 February. "
        "Pakistan briefly reopened the crossing from 2 to 4 March."
    )
    got = fields(text, D(2020, 3, 12), ["place", "date_end", "event_type"], date_start="2020-03-02")
    # Pakistan's own act is proposed too, trusted less (see the acting-country test).
    assert got == [
        ["Taftan", "2020-03-04", "crossing_reopened"],
        ["Pakistan", "2020-03-04", "crossing_reopened"],
    ]


def test_a_week_of_a_month_is_a_week():
    assert spans("In the first week of February Tajik units held drills.", D(2022, 3, 11)) == [
        ("In the first week of February", D(2022, 2, 1), D(2022, 2, 7), "week")
    ]


def test_opened_fire_is_a_clash_and_left_without_a_fight_is_no_clash():
    df = rows("Guards opened fire at Panji Poyon on 4 June.", D(2021, 6, 10))
    assert df["event_type"].tolist() == ["clash"]
    df = rows("The garrison left Panji Poyon without a fight on 4 June.", D(2021, 6, 10))
    assert "clash" not in df["event_type"].tolist()


def test_days_earlier_the_previous_day_the_weekend_and_a_bare_day_of_the_month():
    published = D(2014, 1, 16)  # a Thursday
    text = "Guards fired on 11 January. Three days earlier, villagers blocked a road."
    assert spans(text, published)[1] == ("Three days earlier", D(2014, 1, 8), D(2014, 1, 8), "day")
    assert spans("Bishkek shut the crossings over the weekend.", published) == [
        ("over the weekend", D(2014, 1, 11), D(2014, 1, 12), "day")
    ]
    text = "Fighters entered Zaranj on 6 August. Guards had shut Milak the previous day."
    assert spans(text, D(2021, 8, 25))[1] == (
        "the previous day",
        D(2021, 8, 5),
        D(2021, 8, 5),
        "day",
    )
    assert spans("The ministry said on the 23rd that talks go on.", D(2021, 8, 25)) == [
        ("on the 23rd", D(2021, 8, 23), D(2021, 8, 23), "day")
    ]
    # A day after the publication day is in the month before.
    assert spans("Talks ended on the 28th.", D(2021, 8, 25))[0][1] == D(2021, 7, 28)


def test_a_crossing_the_text_names_is_proposed_even_when_the_model_misses_it():
    text = "Iranian guards closed the Milak crossing on 5 August."
    assert fields(text, D(2021, 8, 25), ["place", "geo_precision", "date_start", "event_type"]) == [
        ["Milak", "site", "2021-08-05", "crossing_closed"]
    ]


def test_a_crossing_named_like_a_nationality_is_still_a_crossing():
    # A two-word name ending in -an and a one-word name ending in -i are crossings;
    # a nationality's adjective before "crossing" says whose, not which.
    df = rows(
        "Pakistan closed the Ghulam Khan crossing on 3 May and the Kharlachi crossing "
        "on 5 May; traffic at the Iranian crossing went on.",
        D(2023, 5, 10),
    )
    places = df["place"].tolist()
    assert "Ghulam Khan" in places and "Kharlachi" in places
    assert "Iranian" not in places


def test_a_country_acting_where_a_finer_place_is_named_is_proposed_but_trusted_less():
    df = rows("Uzbekistan closed the crossing at Termez on 5 June.", D(2021, 6, 9))
    by_place = df.set_index("place")
    assert by_place.loc["Termez", "date_start"] == by_place.loc["Uzbekistan", "date_start"]
    assert by_place.loc["Uzbekistan", "geo_precision"] == "country"
    # A country is trusted 0.8 as a place; acting, half that.
    assert by_place.loc["Termez", "candidate_confidence"] == "1.00"
    assert by_place.loc["Uzbekistan", "candidate_confidence"] == "0.40"


def test_the_places_of_a_heading_are_proposed_even_without_a_date_or_an_event_word():
    text = "Kunduz and Tajikistan: the river trade\nPublished 3 June 2021\n\nBarges carry flour."
    assert fields(text, D(2021, 6, 3), ["place", "date_start", "event_type"]) == [
        ["Kunduz", "", ""],
        ["Tajikistan", "", ""],
    ]


def test_a_compass_word_stays_in_a_name_that_is_not_a_country():
    df = rows("Militants shelled a post in South Waziristan on 9 May.", D(2023, 5, 12))
    assert df["place"].tolist() == ["South Waziristan"]


def test_a_name_only_a_place_can_be_is_proposed_after_at_to_or_before_districts():
    text = (
        "On 2 May guards waved lorries through at Korday, and refugees walked to Dogharoun. "
        "Officials moved families out of Kadamjay and Leilek districts on 4 May."
    )
    places = set(rows(text, D(2021, 5, 7))["place"])
    # a name no list holds before a plural kind word is the unit, named with its word
    assert {"Korday", "Dogharoun", "Leilek district"} <= places
    # A month, an organisation or a nationality after the same words is not a place.
    df = rows(
        "Traders said in May that talks at the Shanghai Cooperation Organisation and "
        "visits to Chinese ports would resume on 3 June.",
        D(2021, 6, 9),
    )
    assert not {"May", "Chinese"} & set(df["place"])


def test_a_name_taken_fallen_or_assaulted_is_a_place_where_no_list_holds_it():
    text = (
        "On 4 May militia fighters took Quorvane, and after Meltashi fell on 6 May the "
        "assault on Darbek Khel began on 9 May. Dusk fell early."
    )
    got = fields(text, D(2021, 5, 12), ["place", "date_start"])
    assert ["Quorvane", "2021-05-04"] in got
    assert ["Meltashi", "2021-05-06"] in got
    assert ["Darbek Khel", "2021-05-09"] in got
    # A common word first in its sentence is no place, nor a man the text gives a title.
    df = rows(
        "President Harlan Vosk resigned on 2 May. Dusk fell, and the fall of Vosk was "
        "cheered in the streets.",
        D(2021, 5, 7),
    )
    assert not {"Dusk", "Vosk"} & set(df["place"])


def test_a_clause_counting_back_from_a_date_dates_the_earlier_event_there():
    text = (
        "Kazakhstan reopened the Nur Zholy crossing on 20 March, twelve days after a "
        "storm closed it. Drivers crossed the following day."
    )
    got = fields(text, D(2023, 3, 25), ["date_start", "event_type"], place="Nur Zholy")
    assert ["2023-03-20", "crossing_reopened"] in got
    assert ["2023-03-08", "crossing_closed"] in got
    # The story goes on from 20 March, not from the day counted back to.
    assert spans(text, D(2023, 3, 25))[-1][1] == D(2023, 3, 21)


def test_what_a_sentence_says_happened_covers_strikes_protests_agreements_and_railways():
    published = D(2021, 5, 20)
    cases = {
        "Guards shot dead two smugglers near Termez on 3 May.": "clash",
        "Rockets hit a depot at Termez on 4 May.": "clash",
        "Residents rallied in Termez on 5 May.": "other",
        "Envoys agreed in Termez on 6 May to share the river.": "diplomatic_contact",
        "Tashkent recalled its ambassador from Kabul on 7 May.": "diplomatic_contact",
        "On 8 May the presidents opened a railway from Termez to Mazar-e Sharif.": "infrastructure",
        "Kabul blamed Tashkent for the shooting on 9 May.": "statement",
        # A crossing that opens is still a crossing.
        "Uzbekistan reopened the Termez crossing on 10 May.": "crossing_reopened",
    }
    for text, expected in cases.items():
        got = set(rows(text, published)["event_type"])
        assert got == {expected}, text


def test_both_of_two_crossings_named_together_are_crossings():
    text = "Kazakhstan shut the Nur Zholy and Kalzhat crossings on 3 May."
    got = fields(text, D(2021, 5, 9), ["place", "event_type"], geo_precision="site")
    assert got == [["Nur Zholy", "crossing_closed"], ["Kalzhat", "crossing_closed"]]


def test_the_bridge_stands_for_the_place_named_before():
    text = "Floods reached Termez on 1 May. The bridge closed on 3 May."
    got = fields(text, D(2021, 5, 9), ["place", "event_type"], date_start="2021-05-03")
    assert got == [["Termez", "crossing_closed"]]


def test_every_name_of_a_list_after_a_place_word_is_a_place():
    # Three districts no list holds, the first of two words the model splits in two.
    text = "Shelling was reported on 3 June near Dara Adam, Sheroi and Tangwal."
    assert rows(text, D(2024, 6, 8))["place"].tolist() == ["Dara Adam", "Sheroi", "Tangwal"]


def test_a_word_sharing_a_country_names_first_letters_is_not_its_adjective():
    # "Angol..." is not "Angolan"; "Iranian" and "Chinese" still are.
    text = "Fighting was reported on 3 June near Angolo Kach."
    assert rows(text, D(2024, 6, 8))["place"].tolist() == ["Angolo Kach"]
    df = rows("Traders waited on 3 June at the Iranian checkpoint.", D(2024, 6, 8))
    assert not {"Iranian", "Iranian checkpoint"} & set(df["place"])


def test_a_group_named_before_militants_or_fighters_is_not_a_place():
    text = "On 4 March Kabul said its raid was aimed at Lashkar al-Harb militants."
    assert "Lashkar" not in set(rows(text, D(2024, 3, 9))["place"])


def test_a_security_operation_launched_is_typed_by_what_was_launched():
    text = "Police launched what officials called a security operation in Hairatan on 9 May."
    assert fields(text, D(2023, 5, 12), ["event_type"], place="Hairatan") == [
        ["military_deployment"]
    ]


def test_an_announced_or_launched_event_is_typed_by_what_was_announced():
    text = "On 2 April Tajikistan announced a mobilisation of reservists at Panji Poyon."
    assert fields(text, D(2023, 4, 6), ["event_type"], place="Panji Poyon") == [
        ["military_deployment"]
    ]
    # A plain statement stays one.
    text = "On 2 April Uzbekistan announced that traders at Hairatan would pay less duty."
    assert fields(text, D(2023, 4, 6), ["event_type"], place="Hairatan") == [["statement"]]


def test_the_verb_a_date_belongs_to_types_the_dated_event():
    # The date dates the statement, not the open crossing it speaks of.
    text = "Uzbek officials said on 4 May that the Hairatan crossing would stay open."
    assert fields(text, D(2023, 5, 9), ["date_start", "event_type"], place="Hairatan") == [
        ["2023-05-04", "statement"]
    ]
    # The place's clause has no date of its own: the dated clause says what happened there.
    text = "Traders blocked the road at Hairatan, and on 9 May guards closed the crossing there."
    assert fields(text, D(2023, 5, 12), ["event_type"], place="Hairatan") == [["crossing_closed"]]
    # A clause joined on after the dated one is its own event on that day.
    text = "Uzbekistan opened its border on 12 June, and refugees crossed at Panji Poyon."
    assert fields(text, D(2023, 6, 15), ["event_type"], place="Panji Poyon") == [
        ["refugee_movement"]
    ]


def test_the_region_or_the_country_stands_for_the_last_named_place_of_that_kind():
    text = (
        "Tajikistan: a blackout in Badakhshan\n"
        "Residents of Panji Poyon protested on 3 May, and on 5 May the crossing at Panji "
        "Poyon was shut. Phone lines in the region, down since April, are still cut. "
        "Officials reported on Tuesday that fuel had run short in the country."
    )
    got = fields(text, D(2023, 5, 12), ["place", "date_start", "date_end"])
    assert ["Badakhshan", "2023-04-01", "2023-05-12"] in got
    assert ["Tajikistan", "2023-05-09", "2023-05-09"] in got


def test_someone_reporting_is_a_statement_but_fighting_reported_is_the_fighting():
    text = "Uzbek officials reported on 6 May that traders had left Hairatan."
    assert fields(text, D(2023, 5, 9), ["event_type"], place="Hairatan") == [["statement"]]
    text = "Heavy fighting was reported near Hairatan on 6 May."
    assert fields(text, D(2023, 5, 9), ["event_type"], place="Hairatan") == [["clash"]]


def test_a_railway_or_road_opened_is_infrastructure_however_the_sentence_runs():
    text = "On 3 March the two presidents opened, by video link, a railway to Hairatan."
    assert fields(text, D(2023, 3, 8), ["event_type"], place="Hairatan") == [["infrastructure"]]
    text = "A new road to Hairatan was opened on 3 March."
    assert fields(text, D(2023, 3, 8), ["event_type"], place="Hairatan") == [["infrastructure"]]
    text = "Uzbekistan opened the Hairatan crossing on 3 March."
    assert fields(text, D(2023, 3, 8), ["event_type"], place="Hairatan") == [["crossing_reopened"]]


def test_the_verb_of_a_counted_back_clause_types_it_not_a_gerund_before_it():
    text = (
        "Kazakhstan reopened the Nur Zholy crossing on 20 March, twelve days after "
        "shelling from the hills closed it."
    )
    got = fields(text, D(2023, 3, 25), ["date_start", "event_type"], place="Nur Zholy")
    assert got == [["2023-03-20", "crossing_reopened"], ["2023-03-08", "crossing_closed"]]


def test_trade_resuming_through_a_crossing_means_it_is_open():
    text = "Trade through Hairatan resumed on 14 August after a week's pause."
    assert fields(text, D(2021, 8, 20), ["event_type"], place="Hairatan") == [["crossing_reopened"]]


def test_a_town_someone_visited_is_a_place_whatever_the_model_calls_it():
    # The small model takes both names for people; GeoNames has both towns.
    text = "On Tuesday Tajik officials visited Murghob. The governor of Lebap visited Farap."
    assert {"Murghob", "Farap"} <= set(rows(text, D(2023, 5, 9))["place"])


def test_a_place_inside_the_name_of_a_body_is_not_a_place_of_the_event():
    text = "Ministers met at the Dushanbe Water Council summit in Termez on 4 May."
    assert rows(text, D(2023, 5, 9))["place"].tolist() == ["Termez"]
    text = "The Shanghai Cooperation Organisation sent observers to Termez on 4 May."
    assert rows(text, D(2023, 5, 9))["place"].tolist() == ["Termez"]


def test_a_heading_place_the_text_goes_on_to_date_is_not_proposed_undated_again():
    text = (
        "Kunduz and Tajikistan: the river trade\nPublished 3 June 2021\n\n"
        "Fighters entered Kunduz on 1 June."
    )
    assert fields(text, D(2021, 6, 3), ["place", "date_start"]) == [
        ["Tajikistan", ""],
        ["Kunduz", "2021-06-01"],
    ]


def test_a_big_city_abroad_is_not_geocoded_to_a_region_village_sharing_its_name():
    # GeoNames lists "Doha" as another name of an Iranian village; Qatar's capital owns it.
    text = "Afghan talks in Doha\nPublished 5 May 2023\n\nEnvoys met in Doha on 3 May."
    df = rows(text, D(2023, 5, 5))
    assert df[["place", "country", "date_start"]].values.tolist() == [["Doha", "QAT", "2023-05-03"]]


def test_names_in_another_script_are_passed_over_not_a_crash():
    # A briefing's reference list may cite Russian sources in Cyrillic; the model tags
    # "Эмомали" a place and "чувствует угрозу" a facility, neither with a Latin letter.
    text = (
        "Uzbekistan closed Hairatan on 9 July.\n"
        "11. V. Petrova, ‘Эмомали Рахмон чувствует угрозу с берега‘, (27.09.2021)."
    )
    assert rows(text, D(2021, 7, 13))["place"].tolist()[0] == "Hairatan"


def test_a_name_after_a_place_word_and_the_is_a_place_too():
    text = "Guards exchanged fire on 3 May at the Tamchybulak water intake."
    assert rows(text, D(2023, 5, 9))["place"].tolist() == ["Tamchybulak"]


def test_a_country_owning_a_named_body_is_still_a_place_of_the_event():
    text = "A truce was announced by the secretary of Tajikistan's Security Council on 14 June."
    assert fields(text, D(2022, 6, 20), ["place", "date_start"]) == [["Tajikistan", "2022-06-14"]]


@pytest.mark.parametrize(
    "dateline",
    [
        "Published Thursday, 3 June 2021",
        "Published on Thursday 3 June 2021",
        "3 June 2021 (Thursday)",
    ],
)
def test_a_dateline_with_its_weekday_dates_the_briefing_not_an_event(dateline):
    text = f"Kunduz and Tajikistan: the river trade\n{dateline}\n\nBarges carry flour."
    assert fields(text, D(2021, 6, 3), ["place", "date_start"]) == [
        ["Kunduz", ""],
        ["Tajikistan", ""],
    ]


def test_the_candidates_are_the_same_whether_the_encoder_reads_the_clauses_ahead_or_one_by_one(
    monkeypatch: pytest.MonkeyPatch,
):
    from borderwatch.ingest import encoder, typemodel

    text = (
        "Kyrgyzstan - Tajikistan: shooting on the Batken border\n"
        "On Tuesday Kyrgyz and Tajik guards exchanged fire near Vorukh, and the road to "
        "Isfara was shut the same evening. Two days later the Kyzyl-Bel crossing reopened "
        "to lorries, while talks in Batken on 28 April ended without a deal. Officials in "
        "Dushanbe said on 29 April that troops had been sent to the Sughd border."
    )
    encoder.forget()
    ahead = rows(text, D(2021, 5, 3))
    encoder.forget()
    monkeypatch.setattr(typemodel, "prefetch", lambda doc, dated: None)
    one_by_one = rows(text, D(2021, 5, 3))
    assert len(ahead) >= 5
    pd.testing.assert_frame_equal(ahead, one_by_one)
