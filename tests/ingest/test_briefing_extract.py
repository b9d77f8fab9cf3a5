"""A briefing's text becomes unchecked candidate rows with evidence, never a summary."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sample_data import places_frame

from borderwatch.data import vocab
from borderwatch.ingest.extract import (
    CANDIDATE_COLUMNS,
    PlaceFinder,
    extract_candidates,
    propose_type,
    sentences,
)

PLACES_DF = places_frame()
PUBLISHED = dt.date(2021, 7, 13)

BRIEFING = (
    "Border update\n\n"
    "Uzbekistan closed the Termez/Hayratan crossing on July 9 after clashes on the Afghan side. "
    "Two days later Taliban fighters captured Shir Khan Bandar "
    "(see TAJIKISTAN: Border - June 2, 2021). "
    "In Moscow, officials said they were watching. "
    "Traders in Maimana, Faryab, complained about prices.\n"
    "Andkhoi has been quiet since May."
)


def test_every_spelling_of_a_gazetteer_place_is_found_with_offsets():
    found = PlaceFinder(PLACES_DF, use_geonames=False).find(BRIEFING)
    assert [(m.name, m.text) for m in found] == [
        ("Termez", "Termez"),
        ("Hairatan", "Hayratan"),
        ("Sher Khan Bandar", "Shir Khan Bandar"),
        ("Moscow", "Moscow"),
        ("Maymana", "Maimana"),
        ("Andkhoy", "Andkhoi"),
    ]
    for m in found:
        assert BRIEFING[m.start : m.end] == m.text


def test_names_are_found_across_case_accents_and_dashes():
    text = "TERMEZ, Mazār and Sher-Khan Bandar; also Panji  Poyon."
    assert [m.name for m in PlaceFinder(PLACES_DF, use_geonames=False).find(text)] == [
        "Termez",
        "Sher Khan Bandar",
        "Panji Poyon",
    ]


def test_a_name_inside_a_longer_word_is_not_a_place():
    assert PlaceFinder(PLACES_DF).find("Moscowitz and Termezian traders") == []


def test_sentences_split_on_full_stops_and_line_breaks():
    text = "Border update\n\n20 July 2021\nThe first one is here. Is this the second? Third."
    assert [text[a:b].strip() for a, b in sentences(text)] == [
        "Border update",
        "20 July 2021",
        "The first one is here.",
        "Is this the second?",
        "Third.",
    ]


def test_event_type_is_proposed_from_the_wording():
    assert propose_type("The crossing was shut for days.") == ("crossing_closed", "shut … crossing")
    assert propose_type("It then reopened.") == ("crossing_reopened", "reopened")
    assert propose_type("Fighters captured the post.") == ("territorial_control", "captured")
    assert propose_type("A delegation visited Ashgabat.") == ("diplomatic_contact", "visited")
    assert propose_type("The weather was fine.") == ("", "")


def candidates() -> pd.DataFrame:
    return extract_candidates(BRIEFING, PUBLISHED, "TEST-BRIEF", PLACES_DF)


def test_candidates_have_the_candidate_columns_and_are_marked_unchecked():
    df = candidates()
    assert tuple(df.columns) == CANDIDATE_COLUMNS
    assert set(df["status"]) == {"candidate"}
    assert set(df["summary"]) == {""}
    assert set(df["confidence"]) == {""}
    # Ids come from the data's own scheme when rows are saved, never from the extractor.
    assert set(df["event_id"]) == {""}


def test_candidates_carry_place_date_and_type_of_their_sentence():
    df = candidates()
    got = df[["place", "country", "date_start", "date_end", "date_precision", "event_type"]]
    # Faryab after Maymana is the province, which GeoNames takes for a village in Iran
    # (a known miss in docs/ingest.md): left out of the exact list.
    assert [r for r in got.values.tolist() if r[0] != "Fāryāb"] == [
        ["Termez", "UZB", "2021-07-09", "2021-07-09", "day", "crossing_closed"],
        ["Hairatan", "AFG", "2021-07-09", "2021-07-09", "day", "crossing_closed"],
        ["Sher Khan Bandar", "AFG", "2021-07-11", "2021-07-11", "day", "territorial_control"],
        ["Moscow", "RUS", "", "", "", "statement"],
        # Traders complaining are heard: a statement.
        ["Maymana", "AFG", "", "", "", "statement"],
        # Dated, but nothing its clause says has a type of its own: `other`, trusted little.
        ["Andkhoy", "AFG", "2021-05-01", "2021-07-13", "month", "other"],
        # The country that closed it: its own act, last and with half the trust.
        ["Uzbekistan", "UZB", "2021-07-09", "2021-07-09", "day", "crossing_closed"],
    ]


def test_a_place_named_only_as_the_setting_is_proposed_once_undated_with_low_trust():
    text = (
        "Shepherds from Murghob graze their flocks near Khorog every summer. "
        "Murghob's traders sell wool at Khorog market too. "
        "Tajikistan closed the Kulma pass on 4 May."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    setting = df[df["evidence_type_cue"] == "named only as the setting"]
    assert setting["place"].tolist() == ["Murghob", "Khorugh"]
    assert set(setting["date_start"]) == {""} and set(setting["event_type"]) == {""}
    assert all(float(c) <= 0.1 for c in setting["candidate_confidence"])
    # The events come first; the mere mentions do not push them down the review.
    assert df["place"].tolist()[-2:] == ["Murghob", "Khorugh"]
    assert df["date_start"].iloc[0] == "2022-05-04"


def test_cross_references_to_other_briefings_are_not_dates_of_events():
    assert "2021-06-02" not in set(candidates()["date_start"])


def test_evidence_points_at_the_sentence_and_the_spelling_found():
    row = candidates().iloc[2]
    start, end = int(row["evidence_sentence_start"]), int(row["evidence_sentence_end"])
    assert BRIEFING[start:end].startswith("Two days later Taliban fighters captured")
    place_at = int(row["evidence_place_start"])
    assert BRIEFING[place_at : place_at + len(row["evidence_place_text"])] == "Shir Khan Bandar"
    assert (row["evidence_date_text"], row["evidence_type_cue"]) == ("Two days later", "captured")
    assert row["evidence_sentence"].startswith("Two days later Taliban fighters captured")
    assert 0 < float(row["candidate_confidence"]) <= 1


def test_no_candidate_copies_a_sentence_of_the_briefing():
    df = candidates()
    for col in vocab.EVENT_COLUMNS:
        for value in df[col]:
            assert len(value) < 40, (col, value)


def test_two_dates_in_one_sentence_keep_both_events():
    text = "Putin phoned Termez and Dushanbe on July 5, and Moscow promised help two days later."
    df = extract_candidates(text, PUBLISHED, "TEST-BRIEF", PLACES_DF)
    pairs = df[["place", "date_start"]].values.tolist()
    assert ["Termez", "2021-07-05"] in pairs
    # "Moscow promised": the capital acting is its government, Russia.
    assert ["Russia", "2021-07-07"] in pairs
    # Each date goes to the places of its own clause: no Russia on July 5.
    assert ["Russia", "2021-07-05"] not in pairs


def test_a_town_of_a_neighbouring_country_is_found_in_geonames():
    text = "Lorries queued at Akhaltsikhe on 3 May, and Kapan closed its market on 4 May."
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    assert df[["place", "country", "date_start"]].values.tolist() == [
        ["Akhaltsikhe", "GEO", "2022-05-03"],
        ["Kapan", "ARM", "2022-05-04"],
    ]


def test_a_first_name_a_pronoun_word_a_body_and_a_people_are_not_places():
    text = (
        "President Vladimir Putin spoke to Dushanbe on 3 May. "
        "Both crossings near Termez were shut on 4 May. "
        "The crossing stayed shut. "
        "The Karachi Port Authority said on 5 May that Baloch traders had left."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    places = set(df["place"])
    assert {"Dushanbe", "Termez"} <= places
    assert not places & {"Vladimir", "Both", "The", "Karachi Port Authority", "Balkh"}


def test_a_name_after_through_is_a_place():
    text = "Convoys ran through Zorabad Kalay to the border on 3 May."
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    assert df[["place", "date_start"]].values.tolist() == [["Zorabad Kalay", "2022-05-03"]]


def test_it_and_there_stand_for_the_place_named_before():
    text = (
        "Traders gathered at Zorabad Kalay on 2 May. Pakistan closed it on 6 May. "
        "Since 2013 Pakistan has built a port there."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    at_place = df[df["place"] == "Zorabad Kalay"]
    assert at_place["date_start"].tolist() == ["2022-05-02", "2022-05-06", "2013-01-01"]


def test_a_dated_sentence_naming_no_place_goes_on_about_the_subject_of_the_one_before():
    text = (
        "The long standoff at Zorabad Kalay, where Afghanistan, Pakistan and Iran meet, is over. "
        "On 6 May both governments announced that their troops were pulling back."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] != ""]
    assert dated[["place", "date_start"]].values.tolist() == [["Zorabad Kalay", "2022-05-06"]]


def test_a_dated_sentence_after_one_about_two_places_goes_to_the_place_named_most():
    # The date is not dropped: it goes to the place the text is about, trusted as a guess.
    text = (
        "Termez is Uzbekistan's gate to Afghanistan. Lorries queue at Termez for days. "
        "Guards at Termez and Hairatan, where Uzbekistan and Afghanistan meet, were reinforced. "
        "On 6 May both governments announced that their troops were pulling back."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] != ""]
    # "both governments" are also the two countries named last, in the dated clause
    assert dated[["place", "date_start", "evidence_place_text"]].values.tolist() == [
        ["Termez", "2022-05-06", ""],
        ["Uzbekistan", "2022-05-06", "both governments"],
        ["Afghanistan", "2022-05-06", "both governments"],
    ]
    assert float(dated["candidate_confidence"].iloc[0]) < 0.5


def test_a_dated_sentence_naming_no_place_keeps_the_country_its_adjective_names():
    text = (
        "Uzbekistan and Afghanistan argued over Hairatan. "
        "On 6 May the Uzbek government stopped all lorries."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert dated[["place", "evidence_place_text"]].values.tolist() == [
        ["Hairatan", ""],
        ["Uzbekistan", "Uzbek"],
    ]


def test_the_pass_in_a_dated_clause_is_the_pass_named_before_not_another_clause_place():
    text = (
        "Lorries crossed the Kulma pass again on 3 May. "
        "The road to Termez was finished in 1979; the pass itself was opened to travellers in 1986."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    at_pass = df[df["place"] == "Kulma pass"]
    assert at_pass[["date_start", "evidence_place_text"]].values.tolist() == [
        ["2022-05-03", "Kulma"],
        ["1986-01-01", "the pass"],
    ]


def test_a_season_date_after_of_is_read_without_failing():
    # The date's span begins on the space before the season; the clause lookup must cope.
    text = "The talks at Termez followed the war of autumn 2020, which left the border closed."
    df = extract_candidates(text, PUBLISHED, "TEST-BRIEF", PLACES_DF)
    dated = df[(df["place"] == "Termez") & (df["date_start"] != "")]
    assert dated["date_start"].tolist() == ["2020-09-01"]


def test_a_dated_clause_naming_no_place_is_also_proposed_at_the_place_the_text_is_about():
    text = (
        "Troops camped at Zorabad Kalay for weeks. Traders at Zorabad Kalay complained. "
        "The standoff ended on 5 May, when both sides withdrew; Pakistan later rebuilt "
        "a post near Termez."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    may5 = df[df["date_start"] == "2022-05-05"]
    assert may5[["place", "evidence_place_source"]].values.tolist() == [
        ["Termez", "geonames:1215957"],
        ["Zorabad Kalay", "guessed"],
        ["Pakistan", "country"],
    ]


def test_adjectives_not_built_on_the_country_name_stem_still_name_the_country():
    text = (
        "Thailand and Afghanistan argued over Hairatan. "
        "On 6 May the Thai government recalled its envoy."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert ["Thailand", "Thai"] in dated[["place", "evidence_place_text"]].values.tolist()


def test_a_country_whose_adjective_or_people_is_a_dated_clauses_subject_acted_that_day():
    # "Uzbek guards" and "Tajiks" act for their countries as "Uzbekistan's guards" would,
    # on their own clause's date and at half the trust (a finer place is named); an
    # adjective outside the subject ("told Afghan officials") names no actor.
    text = (
        "Uzbekistan, Tajikistan and Afghanistan share the river at Termez. "
        "Since 3 May Uzbek guards have turned back lorries at Termez, and on 6 May a trader "
        "told Afghan officials in Hairatan that food was short. "
        "On Sunday Tajiks voted in a referendum, and lorries queued at Termez."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] != ""]
    assert dated[["place", "date_start", "date_end", "evidence_place_text"]].values.tolist() == [
        ["Termez", "2022-05-03", "2022-05-10", "Termez"],
        ["Hairatan", "2022-05-06", "2022-05-06", "Hairatan"],
        ["Termez", "2022-05-08", "2022-05-08", "Termez"],
        ["Uzbekistan", "2022-05-03", "2022-05-10", "Uzbek"],
        ["Tajikistan", "2022-05-08", "2022-05-08", "Tajiks"],
    ]
    uzbek = dated[dated["place"] == "Uzbekistan"]
    assert uzbek["candidate_confidence"].tolist() == ["0.30"]


def test_the_two_governments_in_a_dated_sentence_are_the_two_countries_named_last():
    # "the two governments", "both sides", "the two communist neighbours" stand for the two
    # countries named last, in a dated clause only: undated ("Both sides blamed each
    # other") they name no event of their own. The placeless sentence still goes on about
    # the place named most, as a guess. After a sentence naming three countries at once
    # "both governments" says not which two (the Zorabad Kalay test above).
    text = (
        "Uzbekistan and Afghanistan argued over the bridge at Termez. "
        "Guards at Termez and Hairatan exchanged fire on 2 May. Both sides blamed each other. "
        "On 6 May the two governments agreed to pull their troops back from the river."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] != ""]
    assert dated[["place", "date_start", "evidence_place_text"]].values.tolist() == [
        ["Termez", "2022-05-02", "Termez"],
        ["Hairatan", "2022-05-02", "Hairatan"],
        ["Termez", "2022-05-06", ""],
        ["Uzbekistan", "2022-05-06", "the two governments"],
        ["Afghanistan", "2022-05-06", "the two governments"],
    ]
    assert "Both sides" not in df["evidence_place_text"].tolist()


def test_a_placeless_dated_sentence_goes_to_the_country_named_most_when_no_place_leads():
    # Termez and Hairatan are named once each, so neither is what the text is about; the
    # country it names most is, as a guess, and so are the later of the two places and the
    # first place of the last sentence that named any, rather than the date being lost.
    text = (
        "Uzbekistan shut Termez and opened Hairatan. Uzbekistan blamed Afghanistan for the "
        "queues. On 6 May the cabinet approved a new tariff."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] != ""]
    assert dated[
        ["place", "date_start", "evidence_place_source", "candidate_confidence"]
    ].values.tolist() == [
        ["Termez", "2022-05-06", "geonames:1215957", "0.30"],
        ["Hairatan", "2022-05-06", "curated", "0.30"],
        ["Uzbekistan", "2022-05-06", "guessed", "0.15"],  # beside a finer place: halved
    ]


def test_a_government_acting_on_a_date_with_no_site_acts_for_the_country_named_most():
    # KEY_GUIDE files an act of state with no site under its country. The words do not say
    # which country "parliament" or "the prime minister" belongs to, so the guess is the one
    # the text names most, trusted as a guess; a date whose subject is no body of state
    # ("lorries queued") is no act of state, only the guess that a sentence naming no place
    # happened in that country (no words of its own).
    text = (
        "Uzbekistan shut the Termez crossing, and Uzbekistan's guards turned back lorries "
        "from Afghanistan. "
        "On 6 May the parliament approved a fence along the river. "
        "Prime Minister Karimov resigned on 8 May. "
        "On 9 May lorries queued again."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    acts = df[df["place"] == "Uzbekistan"]
    dated = acts[acts["date_start"] != ""]
    assert dated[["date_start", "evidence_place_text"]].values.tolist() == [
        ["2022-05-06", "parliament"],
        ["2022-05-08", "Karimov"],
        ["2022-05-09", ""],
    ]
    assert all(float(c) <= 0.3 for c in dated["candidate_confidence"])


def test_a_government_is_guessed_to_be_the_later_named_of_two_countries_named_equally():
    # a guess either way, but the act's date is kept for the editor to re-file
    text = (
        "Uzbekistan and Afghanistan argued over Hairatan. "
        "On 6 May the cabinet met in emergency session."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert dated[["place", "evidence_place_text"]].values.tolist() == [
        ["Hairatan", ""],
        ["Afghanistan", "cabinet"],
    ]


def test_a_government_made_the_subject_just_before_is_who_its_minister_acts_for():
    # "Kabul hesitated." introduces the actor; the minister of the next, dated sentence
    # acts for Kabul's government, though the text names Uzbekistan more
    text = (
        "Uzbekistan shut Termez, and Uzbekistan's guards turned back lorries. "
        "Kabul hesitated for a week. "
        "On 6 May the foreign minister wrote to protest against the closure of Termez."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert ["Afghanistan", "Kabul"] in dated[["place", "evidence_place_text"]].values.tolist()


def test_a_government_named_two_sentences_back_is_not_carried_on():
    text = (
        "Kabul hesitated for a week. Lorries queued at Termez. "
        "On 6 May the foreign minister wrote to protest against the closure of Termez."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert "Kabul" not in dated["evidence_place_text"].tolist()


def test_a_relative_clause_dates_the_place_of_the_noun_it_hangs_on():
    # the talks took place in Termez; Hairatan, nearer the date, belongs to another clause
    text = (
        "Delegations reached Termez on 2 May for a long-planned round of border talks, "
        "which ran from 3 to 6 May, and traders at Hairatan waited for news."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    spans = df[df["date_start"] == "2022-05-03"]
    assert "Termez" in spans["place"].tolist()


def test_the_city_in_a_dated_clause_is_first_the_one_its_sentence_just_named():
    # Termez is the town named most, but "the city" follows Tashkent in its own sentence
    text = (
        "Fighting flared near Termez. Termez's traders fled. Envoys met in Tashkent on "
        "2 May, where the council, sitting in the city in mid-May, found the bridge safe."
    )
    df = extract_candidates(text, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    mid_may = df[df["date_start"] == "2022-05-11"]
    assert ["Tashkent", "the city"] in mid_may[["place", "evidence_place_text"]].values.tolist()


def test_a_government_whose_own_words_name_its_country_gets_no_guess():
    text = (
        "Uzbekistan shut Termez. Uzbekistan blamed Afghanistan for the queues. "
        "On 6 May the Afghan cabinet protested."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert "Uzbekistan" not in dated["place"].tolist()
    assert ["Afghanistan", "Afghan"] in dated[["place", "evidence_place_text"]].values.tolist()


def test_a_placeless_dated_sentence_goes_to_the_later_of_places_named_equally_often():
    # Termez and Hairatan are named twice each and the two countries once each: nothing
    # leads, so the guesses are the place named later and the first place of the sentence
    # before, rather than the date being lost, and the later named country.
    text = (
        "Lorries queued at Termez for Uzbekistan. Traders in Hairatan complained to Afghanistan. "
        "Termez and Hairatan are quiet now. "
        "The first convoy left on 6 May."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert dated[["place", "evidence_place_text"]].values.tolist() == [
        ["Termez", ""],
        ["Hairatan", ""],
        ["Afghanistan", ""],
    ]
    assert all(float(c) <= 0.3 for c in dated["candidate_confidence"])


def test_the_capital_stands_for_the_capital_city_named_before():
    text = (
        "Talks in Tashkent went on for weeks while lorries queued at Termez. "
        "Termez stayed shut. "
        "On 6 May protesters marched through the capital."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert dated[["place", "evidence_place_text"]].values.tolist() == [["Tashkent", "the capital"]]


def test_the_capital_with_no_capital_named_stands_for_nothing():
    # no capital city was named: the placeless sentence goes to the place named most instead
    text = (
        "Lorries queued at Termez. Termez stayed shut. On 6 May protesters marched in the capital."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert dated[["place", "evidence_place_text"]].values.tolist() == [["Termez", ""]]


def test_the_district_is_also_the_one_the_sentence_before_named_beside_the_one_named_most():
    # Andkhoy is named most, but "the district" follows a sentence about Maimana: either
    # may be meant, so both are proposed, the one just named first.
    text = (
        "Andkhoy is the first stop on the road north. Traders in Andkhoy expect little. "
        "Andkhoy's council met in March. Herders were stopped on the way to Maimana. "
        "On 6 May gunmen burned the market of the district."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert dated[["place", "evidence_place_text"]].values.tolist() == [
        ["Maymana", "the district"],
        ["Andkhoy", "the district"],
    ]


def test_a_placeless_dated_sentence_after_one_naming_two_places_is_guessed_at_the_first():
    # The sentence before names Hairatan and Termez and neither leads it; the first named
    # is where the next sentence is most likely set, beside the place the text names most.
    # ("at Hairatan, opposite Termez" would be about Hairatan: Termez only says where it
    # lies, test_briefing_place_of_event.)
    text = (
        "Moscow warned Kabul in April. Moscow sent envoys in June. "
        "Traders crossed at Hairatan and at Termez all winter. "
        "On 6 May a fire destroyed forty lorries."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert dated["place"].tolist()[:2] == ["Hairatan", "Termez"]
    assert all(float(c) <= 0.3 for c in dated["candidate_confidence"])  # guesses


def test_a_placeless_dated_sentence_is_also_guessed_at_the_place_the_text_names_most():
    # The sentence before was about Maimana, a passing mention; the briefing is about
    # Termez, and "the garrison surrendered" may well have been there: both are proposed.
    text = (
        "Fighting reached Termez in April. Termez was shelled again in May. "
        "Aid lorries drove on to Maimana. "
        "On 6 June the garrison surrendered."
    )
    df = extract_candidates(text, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-06-06"]
    assert dated["place"].tolist() == ["Maymana", "Termez"]
    carried, guessed = (float(c) for c in dated["candidate_confidence"])
    assert guessed < carried  # the place named most is only a guess


def test_the_place_a_headline_names_is_what_a_placeless_dated_sentence_is_guessed_about():
    # The body names Hairatan twice and Termez only once, but the headline names Termez:
    # the briefing is about Termez, so the garrison that surrendered is guessed there,
    # beside Maimana, which the sentence before was about (and in the country it names).
    text = (
        "Uzbekistan: Termez holds out on the river\n\n"
        "Traders crossed at Hairatan in March. Hairatan was quiet in April. "
        "Aid lorries drove on to Maimana. "
        "On 6 June the garrison surrendered."
    )
    df = extract_candidates(text, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-06-06"]
    assert dated["place"].tolist() == ["Maymana", "Termez", "Uzbekistan"]
    assert dated["evidence_place_text"].tolist() == ["", "", ""]  # spelt in none
    # without the headline, the place the body names most
    body = text.split("\n\n", 1)[1]
    df = extract_candidates(body, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    assert df[df["date_start"] == "2022-06-06"]["place"].tolist() == ["Maymana", "Hairatan"]


def test_a_government_acting_with_no_site_is_guessed_to_be_the_headlines_country():
    # The body names Afghanistan twice and Uzbekistan not at all, but the headline is about
    # Uzbekistan: the parliament that acts with no country named is guessed to be its, and also
    # Afghanistan's, the country that holds Hairatan (home_country), after it.
    text = (
        "Uzbekistan: the Hairatan trade resumes\n\n"
        "Traders from Afghanistan crossed at Hairatan in March. "
        "Afghanistan's markets were empty in April. "
        "On 6 June parliament approved a new customs post at Hairatan."
    )
    df = extract_candidates(text, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-06-06"]
    assert dated[["place", "evidence_place_text"]].values.tolist() == [
        ["Hairatan", "Hairatan"],
        ["Uzbekistan", "parliament"],
        ["Afghanistan", "parliament"],
    ]
    body = text.split("\n\n", 1)[1]
    df = extract_candidates(body, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    assert df[df["date_start"] == "2022-06-06"]["place"].tolist() == ["Hairatan", "Afghanistan"]


def test_a_dated_clause_naming_no_place_is_also_guessed_where_the_sentence_before_was():
    # The text names Hairatan most, but the sentence before was about Termez: the garrison
    # that surrendered two days later is as likely Termez's as anywhere's.
    text = (
        "Fighting reached Hairatan. Hairatan was shelled. Rebels besieged Termez in April. "
        "On 6 May their leader flew to Kabul, and two days later the garrison surrendered."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    at_termez = df[(df["place"] == "Termez") & (df["date_start"] == "2022-05-08")]
    assert at_termez["evidence_place_text"].tolist() == [""]  # a guess, spelled nowhere
    assert float(at_termez["candidate_confidence"].iloc[0]) <= 0.3


def test_a_dated_clause_naming_a_place_only_as_where_movers_came_from_is_guessed_too():
    # Hairatan is only where the fresh troops marched in from, not where they arrived: the
    # clause is also guessed at the place the text is about, Termez. The row that spells
    # Hairatan stays.
    text = (
        "Rebels besieged Termez in April. Termez was shelled again in May. "
        "On 6 June fresh troops marched in from Hairatan."
    )
    df = extract_candidates(text, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-06-06"]
    assert dated[["place", "evidence_place_text"]].values.tolist() == [
        ["Hairatan", "Hairatan"],
        ["Termez", ""],
    ]
    assert float(dated["candidate_confidence"].iloc[1]) <= 0.3  # only a guess


def test_people_said_to_be_from_a_place_are_not_a_movement_from_it():
    # "fishermen from Hairatan" says whose fishermen: they stayed home at Hairatan
    text = (
        "Rebels besieged Termez in April. Termez was shelled again in May. "
        "On 6 June fishermen from Hairatan stayed home."
    )
    df = extract_candidates(text, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    assert df[df["date_start"] == "2022-06-06"]["place"].tolist() == ["Hairatan"]


def test_a_dated_clause_naming_a_place_only_as_where_movers_went_is_guessed_too():
    # Kabul is where the wounded were flown to: the clause is also guessed at Termez.
    text = (
        "Rebels besieged Termez in April. Termez was shelled again in May. "
        "On 6 June the wounded were flown out to Kabul."
    )
    df = extract_candidates(text, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-06-06"]
    assert dated[["place", "evidence_place_text"]].values.tolist() == [
        ["Kabul", "Kabul"],
        ["Termez", ""],
    ]


def test_a_dated_clause_naming_where_its_act_happened_is_not_guessed_elsewhere():
    # Hairatan is what the jets struck: no guess at Termez beside it.
    text = (
        "Rebels besieged Termez in April. Termez was shelled again in May. "
        "On 6 June jets struck Hairatan."
    )
    df = extract_candidates(text, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    assert df[df["date_start"] == "2022-06-06"]["place"].tolist() == ["Hairatan"]


def test_a_place_proposed_only_by_guesses_keeps_the_row_that_spells_it():
    # Maimana is named once, as a setting; the next sentence's clause that names no place
    # is guessed there. The row naming it stays, so the editor sees the words.
    text = (
        "The road runs north to the villages around Maimana. "
        "Jets struck Termez on 6 May, and on 8 May the garrison surrendered."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    at = df[df["place"] == "Maymana"]
    assert at[["evidence_place_text", "date_start"]].values.tolist() == [
        ["", "2022-05-08"],
        ["Maimana", ""],
    ]


def test_a_verb_joined_on_without_a_subject_dates_the_first_verbs_subject():
    # "was closed" shares the subject of "came": the post, not Osh, named in a phrase nearer
    text = (
        "The Dostuk post came under the command of the Osh garrison on 3 May "
        "and was closed to traders on 10 May."
    )
    df = extract_candidates(text, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    closed = df[df["date_start"] == "2022-05-10"]
    assert "Dostuk" in closed["place"].tolist()


def test_a_verb_joined_on_without_a_subject_dates_the_first_verbs_subject_not_its_object():
    # "shut" shares the subject of "bought": Termez shut its market, though Hairatan is nearer
    text = (
        "Termez, short of fuel, bought diesel from Hairatan on 3 May, "
        "and a week later shut its market."
    )
    df = extract_candidates(text, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    later = df[df["date_start"] == "2022-05-10"]
    assert "Termez" in later["place"].tolist()


def test_a_date_read_as_the_subject_of_a_verb_joined_on_leaves_it_the_first_verbs_subject():
    # the parse may make "the following month" the subject of "shut"; Termez shut the bridge
    text = (
        "Termez cut its trade with Hairatan in April, "
        "and the following month shut its bridge to lorries."
    )
    df = extract_candidates(text, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    may = df[df["date_start"] == "2022-05-01"]
    assert "Termez" in may["place"].tolist()


def test_a_country_acting_is_not_the_subject_a_verb_joined_on_tells_more_of():
    # Uzbekistan acts; what it did next happened at the crossing it shut, Termez
    text = "Uzbekistan shut Termez on 3 May and reopened it to lorries on 5 May."
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    fifth = df[df["date_start"] == "2022-05-05"]
    assert "Termez" in fifth["place"].tolist()


def test_a_dated_sentence_naming_no_place_is_also_guessed_at_the_country_named_most():
    # The sentence before was about Termez, so the vote is carried there; but a sentence
    # naming no place at all is as often the act or the event of the country the text is
    # about (an election, a law, a war), so it is guessed there too, trusted as a guess;
    # "both governments" is two countries acting, not a guess at one.
    text = (
        "Uzbekistan has guarded its southern border for years. "
        "Traders crowded Termez on Monday. "
        "On 3 June the opposition boycotted the vote."
    )
    df = extract_candidates(text, dt.date(2022, 6, 20), "TEST-BRIEF", PLACES_DF)
    june = df[df["date_start"] == "2022-06-03"]
    assert june[["place", "evidence_place_text", "evidence_place_source"]].values.tolist() == [
        ["Termez", "", "geonames:1215957"],
        ["Uzbekistan", "", "guessed"],
    ]
    assert float(june["candidate_confidence"].iloc[1]) <= 0.3
    both = text.replace("the opposition boycotted the vote", "both governments closed the road")
    df = extract_candidates(both, dt.date(2022, 6, 20), "TEST-BRIEF", PLACES_DF)
    assert "Uzbekistan" not in df[df["date_start"] == "2022-06-03"]["place"].tolist()


def test_a_government_acting_with_no_site_is_also_guessed_where_the_texts_towns_lie():
    # Two countries named once each: the guess by name alone is the later named
    # (Afghanistan), but every town the text names lies in Uzbekistan, so the cabinet that
    # meets with no site of its own is as likely Uzbekistan's, and is guessed there too.
    text = (
        "Uzbekistan and Afghanistan argued over the river. "
        "Termez was quiet, and traders in Termez waited. "
        "On 6 May the cabinet met in emergency session."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert dated[["place", "evidence_place_text"]].values.tolist() == [
        ["Termez", ""],
        ["Afghanistan", "cabinet"],
        ["Uzbekistan", "cabinet"],
    ]
    acts = dated[dated["evidence_place_text"] == "cabinet"]
    assert all(float(c) <= 0.3 for c in acts["candidate_confidence"])
    # with the towns on neither side, only the guess by name is left
    text = "Uzbekistan and Afghanistan argued. On 6 May the cabinet met in emergency session."
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    assert df[df["date_start"] == "2022-05-06"]["place"].tolist() == ["Afghanistan"]


def test_a_person_the_text_titles_a_minister_acts_for_the_government_by_surname_alone():
    # "Interior Minister Aziz Karimov" early on makes a later "Karimov resigned" an act of
    # state with no site, guessed at the countries as a minister's would be; the same
    # surname given no governing title (a trader) is only a dated sentence naming no place.
    titled = (
        "Uzbekistan shut the Termez crossing to lorries from Afghanistan in March. "
        "Interior Minister Aziz Karimov toured the river at Termez with officials. "
        "On 6 May Karimov resigned."
    )
    df = extract_candidates(titled, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    acts = df[(df["date_start"] == "2022-05-06") & (df["evidence_place_text"] == "Karimov")]
    assert acts["place"].tolist() == ["Afghanistan", "Uzbekistan"]
    assert all(float(c) <= 0.3 for c in acts["candidate_confidence"])
    apposed = titled.replace(
        "Interior Minister Aziz Karimov toured", "Aziz Karimov, the interior minister, toured"
    )
    df = extract_candidates(apposed, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    acts = df[(df["date_start"] == "2022-05-06") & (df["evidence_place_text"] == "Karimov")]
    assert acts["place"].tolist() == ["Afghanistan", "Uzbekistan"]
    trader = titled.replace("Interior Minister Aziz Karimov", "Aziz Karimov, a trader,")
    df = extract_candidates(trader, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    assert (df["evidence_place_text"] == "Karimov").sum() == 0


def test_a_minister_who_acted_on_a_date_in_a_relative_clause_acts_for_the_government():
    # "who took office on 6 May" has the relative pronoun as its subject: the act is the
    # prime minister's, an act of state with no site, guessed at the countries; travellers
    # who left on a date are no body of state and take no such guess.
    text = (
        "Uzbekistan shut the Termez crossing to lorries from Afghanistan in March. "
        "The new prime minister, who took office on 6 May, has not reopened it."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    acts = df[(df["date_start"] == "2022-05-06") & (df["evidence_place_text"] == "minister")]
    assert acts["place"].tolist() == ["Afghanistan", "Uzbekistan"]
    text = text.replace("The new prime minister, who took office", "The traders, who left")
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    assert (df["evidence_place_text"] == "traders").sum() == 0
    assert (df["evidence_place_text"] == "minister").sum() == 0


def test_a_placeless_dated_clause_is_also_guessed_at_the_country_whose_towns_are_named():
    # The arrest on 3 May names no place: it is guessed at the country named most (the later
    # of two named once, Afghanistan) and, since the only town the text names lies in
    # Uzbekistan, at Uzbekistan too; both as guesses with no words of their own.
    text = (
        "Uzbekistan and Afghanistan argued over the river. "
        "Lorries queued at Termez on 2 May, and on 3 May the opposition leader was arrested."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    countries = df[(df["date_start"] == "2022-05-03") & (df["place"] != "Termez")]
    assert countries[["place", "evidence_place_text"]].values.tolist() == [
        ["Afghanistan", ""],
        ["Uzbekistan", ""],
    ]
    assert all(float(c) <= 0.3 for c in countries["candidate_confidence"])


def test_a_government_acting_with_no_site_is_guessed_at_the_capital_when_its_country_goes_unnamed():
    # Afghanistan is the only country named, but the towns the text names lie in
    # Uzbekistan, which it never names itself: the capital it names (Tashkent) stands for
    # the government whose cabinet meets with no site of its own, beside the guess by name.
    text = (
        "Afghanistan protested about the river. "
        "Lorries from Tashkent queued at Termez. "
        "Traders in Termez waited. "
        "On 6 May the cabinet met in emergency session."
    )
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    acts = df[(df["date_start"] == "2022-05-06") & (df["evidence_place_text"] == "cabinet")]
    assert sorted(acts["place"]) == ["Afghanistan", "Tashkent"]
    assert all(float(c) <= 0.3 for c in acts["candidate_confidence"])
    # a capital the sentence already dates is no guess: the minister flew there
    went = text.replace("the cabinet met in emergency session", "the minister flew to Tashkent")
    df = extract_candidates(went, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    dated = df[df["date_start"] == "2022-05-06"]
    assert dated[dated["place"] == "Tashkent"]["evidence_place_text"].tolist() == ["Tashkent"]
    # no capital of the towns' country named: only the guess by name is left
    text = text.replace("Lorries from Tashkent queued", "Lorries queued")
    df = extract_candidates(text, dt.date(2022, 5, 10), "TEST-BRIEF", PLACES_DF)
    acts = df[(df["date_start"] == "2022-05-06") & (df["evidence_place_text"] == "cabinet")]
    assert acts["place"].tolist() == ["Afghanistan"]


def test_an_undated_sentence_of_events_takes_the_day_of_the_placeless_sentence_before():
    # "On 3 May" names no place; the next sentence, undated, tells what happened at Termez
    # that day, so Termez is dated 3 May rather than proposed undated
    text = (
        "Uzbekistan has guarded its southern border for years.\n\n"
        "On 3 May the search turned costly again. Guards were taken to Termez, and the "
        "party came under fire."
    )
    df = extract_candidates(text, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    termez = df[df["place"] == "Termez"]
    assert termez["date_start"].tolist() == ["2022-05-03"]
    # a new paragraph does not go on with the day: the place stays undated
    apart = text.replace("again. Guards", "again.\n\nGuards")
    df = extract_candidates(apart, dt.date(2022, 6, 10), "TEST-BRIEF", PLACES_DF)
    assert "2022-05-03" not in df[df["place"] == "Termez"]["date_start"].tolist()
