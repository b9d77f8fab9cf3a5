"""Date expressions in a briefing resolve against its publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from borderwatch.ingest.dates import find_dates

PUBLISHED = dt.date(2021, 7, 13)  # a Tuesday
D = dt.date


def resolve(text: str, published: dt.date = PUBLISHED) -> list[tuple]:
    return [(r.text, r.start, r.end, r.precision) for r in find_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A delegation visited Moscow on July 9.", ("July 9", D(2021, 7, 9), D(2021, 7, 9), "day")),
        (
            "Talks were held on 25 August 2021.",
            ("25 August 2021", D(2021, 8, 25), D(2021, 8, 25), "day"),
        ),
        (
            "The post fell on June 23, 2021.",
            ("June 23, 2021", D(2021, 6, 23), D(2021, 6, 23), "day"),
        ),
        ("Since May the Taliban advanced.", ("Since May", D(2021, 5, 1), PUBLISHED, "month")),
        (
            "Exercises ran in August and September.",
            ("in August and September", D(2020, 8, 1), D(2020, 9, 30), "month"),
        ),
        ("Fighting went on last week.", ("last week", D(2021, 7, 5), D(2021, 7, 11), "week")),
        ("Trade fell in June.", ("in June", D(2021, 6, 1), D(2021, 6, 30), "month")),
        (
            "Talks in February 2020 set terms.",
            ("February 2020", D(2020, 2, 1), D(2020, 2, 29), "month"),
        ),
        (
            "Cited in a note dated 27.09.2021.",
            ("27.09.2021", D(2021, 9, 27), D(2021, 9, 27), "day"),
        ),
        ("The Taliban first ruled in 1996.", ("in 1996", D(1996, 1, 1), D(1996, 12, 31), "year")),
        ("Yesterday the bridge was shut.", ("Yesterday", D(2021, 7, 12), D(2021, 7, 12), "day")),
    ],
)
def test_each_expression_resolves_to_its_span(text, expected):
    assert resolve(text) == [expected]


def test_a_date_without_a_year_is_the_latest_one_not_after_publication():
    # Published in July 2021: "December 20" is last December, not this one.
    assert resolve("IS set up a base on December 20.") == [
        ("December 20", D(2020, 12, 20), D(2020, 12, 20), "day")
    ]


def test_months_after_publication_month_fall_in_the_previous_year_but_not_before():
    published = D(2021, 9, 30)
    assert resolve("in August and September", published) == [
        ("in August and September", D(2021, 8, 1), D(2021, 9, 30), "month")
    ]


def test_two_days_later_counts_from_the_last_explicit_day():
    text = "Putin phoned Dushanbe on July 5, and Lavrov promised help two days later."
    assert resolve(text) == [
        ("July 5", D(2021, 7, 5), D(2021, 7, 5), "day"),
        ("two days later", D(2021, 7, 7), D(2021, 7, 7), "day"),
    ]


def test_a_relative_date_with_nothing_to_count_from_is_left_out():
    assert resolve("Two days later the crossing reopened.") == []


def test_impossible_dates_are_not_dates():
    assert resolve("A report dated 31 June claimed otherwise.") == []


def test_offsets_point_at_the_expression_in_the_text():
    text = "Uzbekistan closed Hairatan on July 9; Tajikistan followed on 10 July."
    for r in find_dates(text, PUBLISHED):
        assert text[r.begin : r.stop] == r.text
    assert [r.explicit for r in find_dates(text + " Last week, calm.", PUBLISHED)] == [
        True,
        True,
        False,
    ]


def test_since_the_event_counts_from_the_day_the_event_was_dated():
    text = "Uzbekistan closed the crossing on 3 July. Lorries have queued since the closure."
    assert resolve(text)[-1] == ("since the closure", D(2021, 7, 3), PUBLISHED, "day")


def test_since_the_event_finds_the_day_of_an_event_of_the_same_type_named_otherwise():
    # "call-up" is never dated; the mobilisation is. The heading's "call-up" shares its
    # line with the dateline only, which dates no call-up.
    text = (
        "Tajikistan after the call-up\n"
        "Published 13 July 2021\n\n"
        "Tajikistan announced a mobilisation of reservists on 2 July. "
        "Families have left Khorog since the call-up."
    )
    assert resolve(text)[-1] == ("since the call-up", D(2021, 7, 2), PUBLISHED, "day")
    # Nothing dated before: no date at all rather than a guess.
    assert resolve("Families have left since the call-up.") == []


def test_since_in_what_someone_reported_on_a_day_ends_on_that_day():
    text = (
        "Tajikistan announced a mobilisation on 2 July. Officials said on Friday that "
        "3,000 families had left since the call-up."
    )
    assert resolve(text)[-1] == ("since the call-up", D(2021, 7, 2), D(2021, 7, 9), "day")
    # A date of another clause, or no one reporting, leaves it running to publication.
    text = "Kabul fell on Friday; guards have stood at the bridge since early July."
    assert resolve(text)[-1] == ("since early July", D(2021, 7, 1), PUBLISHED, "month")


def test_the_week_that_followed_and_the_same_week_count_from_the_last_date():
    text = (
        "Guards shut the post on 2 June. In the week that followed, lorries queued. "
        "In the last week of June the road reopened; in the same week traders came back."
    )
    assert resolve(text) == [
        ("2 June", D(2021, 6, 2), D(2021, 6, 2), "day"),
        ("the week that followed", D(2021, 6, 3), D(2021, 6, 9), "week"),
        ("In the last week of June", D(2021, 6, 24), D(2021, 6, 30), "week"),
        ("the same week", D(2021, 6, 24), D(2021, 6, 30), "week"),
    ]


def test_parts_of_a_year_are_its_thirds_as_parts_of_a_month_are():
    text = "Engineers surveyed the pass in early 2019, dug in mid-2020 and paved it in late 2020."
    assert resolve(text) == [
        ("in early 2019", D(2019, 1, 1), D(2019, 4, 30), "year"),
        ("in mid-2020", D(2020, 5, 1), D(2020, 8, 31), "year"),
        ("in late 2020", D(2020, 9, 1), D(2020, 12, 31), "year"),
    ]
    assert resolve("Guards have patrolled the ridge since early 2019.") == [
        ("since early 2019", D(2019, 1, 1), PUBLISHED, "year")
    ]


def test_a_span_between_parts_of_two_months_runs_from_the_first_part_to_the_last():
    text = "Herders were kept off the pastures from late May to early July."
    assert resolve(text) == [
        ("from late May to early July", D(2021, 5, 21), D(2021, 7, 10), "month")
    ]
    text = "The ferry ran only in the second half of June."
    assert resolve(text) == [
        ("in the second half of June", D(2021, 6, 16), D(2021, 6, 30), "month")
    ]


def test_seasons_and_decades_span_their_months_and_years():
    text = "Smugglers crossed the ice in the winter of 2019; the post was built in the 1990s."
    assert resolve(text) == [
        ("in the winter of 2019", D(2019, 12, 1), D(2020, 2, 29), "month"),
        ("in the 1990s", D(1990, 1, 1), D(1999, 12, 31), "year"),
    ]
    # A yearless season is the latest one begun by publication (Tuesday 13 July 2021);
    # "last summer" is the one before, already over.
    assert resolve("Floods cut the road in the summer and last summer.") == [
        ("in the summer", D(2021, 6, 1), D(2021, 8, 31), "month"),
        ("last summer", D(2020, 6, 1), D(2020, 8, 31), "month"),
    ]
    # A season's word inside a name or an event is no date.
    assert resolve("Since the fall of the town, the Arab Spring is a memory.") == []


def test_that_month_and_the_following_year_count_from_the_last_date_or_year_written():
    text = (
        "Older villagers remember 1969, when the river flooded the valley that April. "
        "The dam was finished in 2004; the following year the reservoir filled, "
        "and two years later the first turbines ran."
    )
    assert resolve(text) == [
        ("that April", D(1969, 4, 1), D(1969, 4, 30), "month"),
        ("in 2004", D(2004, 1, 1), D(2004, 12, 31), "year"),
        ("the following year", D(2005, 1, 1), D(2005, 12, 31), "year"),
        ("two years later", D(2007, 1, 1), D(2007, 12, 31), "year"),
    ]
    text = "The border post opened in March 2015 and closed the following month."
    assert resolve(text)[-1] == ("the following month", D(2015, 4, 1), D(2015, 4, 30), "month")
    # With no year written before, "that May" has nothing to count from: no guess.
    assert resolve("Officials said that May brings floods; that December is cold.") == []


def test_a_part_of_a_day_counts_as_its_day_from_the_last_day_mentioned():
    text = (
        "Rockets struck the customs yard at Sarakhs on 9 March. The following morning "
        "the gate stayed shut, and that evening the governor visited the queue. "
        "Later that night the firing stopped; the previous afternoon had been quiet."
    )
    got = [(d.text, d.start, d.end, d.precision) for d in find_dates(text, dt.date(2022, 3, 14))]
    assert got == [
        ("9 March", dt.date(2022, 3, 9), dt.date(2022, 3, 9), "day"),
        ("The following morning", dt.date(2022, 3, 10), dt.date(2022, 3, 10), "day"),
        ("that evening", dt.date(2022, 3, 10), dt.date(2022, 3, 10), "day"),
        ("Later that night", dt.date(2022, 3, 10), dt.date(2022, 3, 10), "day"),
        ("the previous afternoon", dt.date(2022, 3, 9), dt.date(2022, 3, 9), "day"),
    ]


def test_a_season_after_of_starts_at_its_own_word():
    text = "The fighting of autumn 2020 ended at the gate."
    (d,) = find_dates(text, dt.date(2022, 9, 21))
    assert (d.text, d.begin, d.start, d.end) == (
        "autumn 2020",
        text.index("autumn"),
        dt.date(2020, 9, 1),
        dt.date(2020, 11, 30),
    )


def test_the_eve_of_an_event_is_the_day_before_the_day_the_text_dated_it():
    text = (
        "The province voted on 12 March in a referendum on independence. A week before "
        "the vote, on 5 March, troops massed at the gate. Flights had stopped on the eve "
        "of the vote, and the border shut two days after the vote."
    )
    got = [(d.text, d.start) for d in find_dates(text, dt.date(2022, 3, 20))]
    assert got == [
        ("12 March", dt.date(2022, 3, 12)),
        ("5 March", dt.date(2022, 3, 5)),
        ("the eve of the vote", dt.date(2022, 3, 11)),
        ("two days after the vote", dt.date(2022, 3, 14)),
    ]


def test_since_a_weekday_runs_from_that_day_to_publication():
    # Published on Thursday 17 March 2022.
    (d,) = find_dates("Since Monday some 4,000 lorries have queued.", dt.date(2022, 3, 17))
    assert (d.text, d.start, d.end, d.precision) == (
        "Since Monday",
        dt.date(2022, 3, 14),
        dt.date(2022, 3, 17),
        "day",
    )


def test_days_after_an_event_named_in_words_count_from_the_day_its_clause_was_dated():
    text = (
        "Border guards fought at Vorukh on 3 May. Ministers met in Khujand on 9 May and signed "
        "a protocol; the fight was the worst in years. Two days after the clash the leaders "
        "spoke by telephone."
    )
    # "fought" (3 May) is a clash; the 9 May clause's date is not the fight's, which only
    # its own clause after the semicolon names.
    assert resolve(text, D(2021, 5, 20))[-1] == (
        "Two days after the clash",
        D(2021, 5, 5),
        D(2021, 5, 5),
        "day",
    )


def test_an_event_named_in_another_form_or_by_its_type_dates_what_counts_from_it():
    listing = (
        "UNESCO listed the fort on 7 July. Rain fell on 9 July. "
        "Eight days after the listing, troops arrived."
    )
    assert resolve(listing, D(2021, 8, 1))[-1] == (
        "Eight days after the listing",
        D(2021, 7, 15),
        D(2021, 7, 15),
        "day",
    )
    taking = (
        "Rebels took the town on 10 June. Aid came on 14 June. "
        "Eleven days after the town fell, the post was lost."
    )
    assert resolve(taking, D(2021, 8, 1))[-1][1] == D(2021, 6, 21)


def test_the_day_a_named_event_happened_is_that_day():
    text = (
        "The posts in the south closed on 18 November. Talks failed on 20 November. "
        "The day the southern crossings shut, people began to arrive in the north."
    )
    assert resolve(text, D(2023, 12, 1))[-1] == (
        "The day the southern",
        D(2023, 11, 18),
        D(2023, 11, 18),
        "day",
    )


def test_weeks_after_an_event_count_seven_days_each_and_say_so():
    text = "The president took office on 7 August. Three weeks after his inauguration, envoys met."
    assert resolve(text, D(2022, 10, 1))[-1] == (
        "Three weeks after his inauguration",
        D(2022, 8, 28),
        D(2022, 8, 28),
        "week",
    )


def test_a_week_before_an_event_the_text_has_not_dated_yet_is_no_date():
    text = "The road reopened on 6 July 2006. The deal came a week before the summit in Xiamen."
    assert [r[0] for r in resolve(text, D(2017, 9, 6))] == ["6 July 2006"]


def test_an_event_named_with_its_year_spans_that_year():
    text = "China took the plateau in the war of 1962."
    assert resolve(text, D(2013, 5, 24)) == [
        ("the war of 1962", D(1962, 1, 1), D(1962, 12, 31), "year")
    ]


def test_the_nth_weekday_of_a_month_is_that_day():
    assert resolve("Lorries crossed on the last Monday of September.", D(2022, 10, 3)) == [
        ("on the last Monday of September", D(2022, 9, 26), D(2022, 9, 26), "day")
    ]
    assert resolve("Talks opened on the first Tuesday of March 2021.", D(2021, 5, 1)) == [
        ("on the first Tuesday of March 2021", D(2021, 3, 2), D(2021, 3, 2), "day")
    ]


def test_an_event_named_with_a_possessive_is_read_whole_and_found_by_its_owner():
    text = "Belgrade raised the alert on Monday. A day after Belgrade's alert, Merdare shut."
    assert resolve(text, D(2022, 12, 30))[-1] == (
        "A day after Belgrade's alert",
        D(2022, 12, 27),
        D(2022, 12, 27),
        "day",
    )


def test_since_an_event_named_in_words_runs_from_the_day_its_words_were_dated():
    text = (
        "The southern posts closed on 18 November. Talks failed on 20 November. "
        "Since the southern crossings shut, arrivals have moved north."
    )
    assert resolve(text, D(2023, 12, 1))[-1] == (
        "Since the southern",
        D(2023, 11, 18),
        D(2023, 12, 1),
        "day",
    )


def test_an_event_found_after_publication_is_not_the_one_counted_from():
    # The bridge inaugurated on 26 September would put the date after publication: the
    # inauguration meant is the last day told (7 August).
    text = (
        "A bridge was inaugurated on 26 September. The new president took office on "
        "7 August. Three weeks after his inauguration, envoys had met."
    )
    assert resolve(text, D(2022, 10, 3))[-1] == (
        "Three weeks after his inauguration",
        D(2022, 8, 28),
        D(2022, 8, 28),
        "week",
    )


def test_a_day_without_a_year_in_the_month_just_named_takes_that_months_year():
    text = "The worst came in February 2019. Guards stopped the lorries on 23 February."
    assert resolve(text, D(2022, 10, 3))[-1] == (
        "23 February",
        D(2019, 2, 23),
        D(2019, 2, 23),
        "day",
    )
    # a new paragraph starts a new story: the latest such day before publication
    text = "The worst came in February 2019.\n\nGuards stopped the lorries on 23 February."
    assert resolve(text, D(2022, 10, 3))[-1][1] == D(2022, 2, 23)


def test_a_day_without_a_year_in_the_month_of_the_day_just_told_takes_its_year():
    text = (
        "The raids began on the night of 4–5 March 1971, when a patrol crossed the river. "
        "On 19 March a customs post was burned, and two days later the bridge was blown."
    )
    dates = resolve(text, D(1975, 6, 1))
    assert dates[1] == ("19 March", D(1971, 3, 19), D(1971, 3, 19), "day")
    # the story goes on from that day, not from the same day of the publication's year
    assert dates[2][1] == D(1971, 3, 21)


def test_years_before_1900_are_dates_too():
    text = (
        "The boundary was first drawn in 1842, surveyed from 1871 and confirmed "
        "on 3 March 1878; settlers held the valley through 1885."
    )
    assert resolve(text, D(2020, 5, 4)) == [
        ("in 1842", D(1842, 1, 1), D(1842, 12, 31), "year"),
        ("from 1871", D(1871, 1, 1), D(1871, 12, 31), "year"),
        ("3 March 1878", D(1878, 3, 3), D(1878, 3, 3), "day"),
        ("through 1885", D(1885, 1, 1), D(1885, 12, 31), "year"),
    ]


def test_a_named_agreement_of_a_year_spans_that_year_but_a_total_of_a_number_does_not():
    text = "Under the Boundary Protocol of 1911 a total of 2000 guards were posted."
    assert resolve(text, D(2020, 5, 4)) == [
        ("Protocol of 1911", D(1911, 1, 1), D(1911, 12, 31), "year")
    ]


def test_a_winter_across_two_years_is_that_winter_not_both_years():
    text = "The pass stayed shut in the winter of 1941–42."
    assert resolve(text, D(1950, 1, 1)) == [
        ("in the winter of 1941–42", D(1941, 12, 1), D(1942, 2, 28), "month")
    ]


def test_the_first_day_of_a_year_is_that_day():
    text = "The new tariff took effect on the first day of 2024."
    assert resolve(text, D(2024, 3, 1)) == [
        ("on the first day of 2024", D(2024, 1, 1), D(2024, 1, 1), "day")
    ]


def test_a_span_of_months_runs_from_the_first_month_to_the_end_of_the_last():
    assert resolve("From February to April the herders stayed on the plateau.") == [
        ("From February to April", D(2021, 2, 1), D(2021, 4, 30), "month")
    ]
    assert resolve("Patrols were doubled between October and December 1987.") == [
        ("between October and December 1987", D(1987, 10, 1), D(1987, 12, 31), "month")
    ]
    # a dash alone joins the two months; the year written last is the second month's
    assert resolve("The November–January closure cost the traders dearly.", D(2019, 6, 1)) == [
        ("November–January", D(2018, 11, 1), D(2019, 1, 31), "month")
    ]
    assert resolve("The road was cut from November until February 2003.") == [
        ("from November until February 2003", D(2002, 11, 1), D(2003, 2, 28), "month")
    ]
    assert resolve("Inspectors stayed from September 2016 to March 2017.") == [
        ("from September 2016 to March 2017", D(2016, 9, 1), D(2017, 3, 31), "month")
    ]


def test_a_span_from_a_part_of_a_month_to_a_whole_one_ends_with_that_month():
    assert resolve("The ferry was idle from mid-April to June.") == [
        ("from mid-April to June", D(2021, 4, 11), D(2021, 6, 30), "month")
    ]


def test_a_span_of_days_with_between_or_ordinals_is_a_span_of_days():
    assert resolve("Shells fell on the depot between 4 and 6 June.") == [
        ("between 4 and 6 June", D(2021, 6, 4), D(2021, 6, 6), "day")
    ]
    assert resolve("The envoys talked from the 9th to the 11th of March.") == [
        ("from the 9th to the 11th of March", D(2021, 3, 9), D(2021, 3, 11), "day")
    ]
    assert resolve("Convoys were held back between April 28 and May 2.") == [
        ("between April 28 and May 2", D(2021, 4, 28), D(2021, 5, 2), "day")
    ]
    assert resolve("Ice closed the strait from 29 December 2008 to 3 January 2009.") == [
        ("from 29 December 2008 to 3 January 2009", D(2008, 12, 29), D(2009, 1, 3), "day")
    ]


def test_the_eve_of_an_event_dated_in_its_own_phrase_is_the_day_before_that_date():
    # the event's date stays a date of its own: the event may be keyed on it
    text = "Gunboats shelled the harbour on the eve of the landing on 21 August."
    assert resolve(text) == [
        ("the eve of the landing", D(2020, 8, 20), D(2020, 8, 20), "day"),
        ("21 August", D(2020, 8, 21), D(2020, 8, 21), "day"),
    ]
    text = "On the eve of the 9 May parade, police sealed the square."
    assert [(t, s) for t, s, _, _ in resolve(text)] == [
        ("the eve of the", D(2021, 5, 8)),
        ("9 May", D(2021, 5, 9)),
    ]


def test_the_eve_of_landings_finds_the_landing_dated_before():
    text = "Marines landed at the cove on 3 May. On the eve of the landings, frigates shelled it."
    assert [(t, s) for t, s, _, _ in resolve(text)] == [
        ("3 May", D(2021, 5, 3)),
        ("the eve of the landings", D(2021, 5, 2)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Guards closed the Termez crossing on 7 July, a Wednesday. Two days later it reopened.",
        "Guards closed the Termez crossing on 7 July, Eid Wednesday. Two days later it reopened.",
        "Guards closed the Termez crossing on 7 July 2021 (Wednesday). Two days later it reopened.",
    ],
)
def test_a_weekday_set_after_a_day_names_that_day_again_not_another(text):
    # One day, 7 July: "two days later" counts from it, not from a Wednesday of its own.
    assert [r[1] for r in resolve(text)] == [D(2021, 7, 7), D(2021, 7, 9)]


def test_a_weekday_in_a_clause_of_its_own_after_a_day_is_still_its_own_date():
    text = "Guards closed the crossing on 7 July, and on Friday it reopened."
    assert [r[0] for r in resolve(text)] == ["7 July", "on Friday"]


def test_the_same_week_after_last_week_is_that_week():
    text = (
        "Guards shut the post on 2 June. "
        "Last week the road reopened, while traders came back the same week."
    )
    last_week, same_week = resolve(text)[1:]
    assert last_week[0] == "Last week" and last_week[3] == "week"
    assert same_week == ("the same week", last_week[1], last_week[2], "week")


def test_a_month_of_last_year_or_this_year_is_that_month_of_that_year():
    # Published 10 May 2021: "of last year" puts March in 2020, not in this year's March.
    text = (
        "In March of last year the two governments agreed to reopen the bridge, "
        "and in April of this year the first lorries crossed."
    )
    assert resolve(text, D(2021, 5, 10)) == [
        ("In March of last year", D(2020, 3, 1), D(2020, 3, 31), "month"),
        ("in April of this year", D(2021, 4, 1), D(2021, 4, 30), "month"),
    ]


def test_the_fall_of_a_place_is_an_event_to_count_from_and_the_fall_of_a_year_a_season():
    text = (
        "Guerrillas took the fort above the pass on 3 May 2019. Since the fall of the fort, "
        "traders have kept away, as they did in the fall of 2018."
    )
    assert resolve(text, D(2019, 6, 10)) == [
        ("3 May 2019", D(2019, 5, 3), D(2019, 5, 3), "day"),
        ("Since the fall", D(2019, 5, 3), D(2019, 6, 10), "day"),
        ("in the fall of 2018", D(2018, 9, 1), D(2018, 11, 30), "month"),
    ]


def test_the_same_day_as_an_event_is_the_day_that_event_was_dated():
    text = (
        "Police raided a depot outside Kuldzha on 2 July. The crossing at Nur was shut on "
        "6 July. The same day as the raid, the governor flew to the capital, and he "
        "condemned the smugglers the same day as an affront to the law."
    )
    assert resolve(text) == [
        ("2 July", D(2021, 7, 2), D(2021, 7, 2), "day"),
        ("6 July", D(2021, 7, 6), D(2021, 7, 6), "day"),
        ("The same day as the raid", D(2021, 7, 2), D(2021, 7, 2), "day"),
        # "as an affront" names no event: the day last told
        ("the same day", D(2021, 7, 2), D(2021, 7, 2), "day"),
    ]


def test_an_hour_or_a_time_of_day_with_no_day_of_its_own_is_the_day_last_told():
    text = (
        "Gunmen attacked the post at Sary-Tash on 4 July. Within the hour helicopters "
        "brought in troops. About two hours later the road was closed, and in the evening "
        "the governor declared a curfew. Artillery opened fire at dawn on 7 July and again "
        "at noon the next day."
    )
    assert resolve(text) == [
        ("4 July", D(2021, 7, 4), D(2021, 7, 4), "day"),
        ("Within the hour", D(2021, 7, 4), D(2021, 7, 4), "day"),
        ("About two hours later", D(2021, 7, 4), D(2021, 7, 4), "day"),
        ("in the evening", D(2021, 7, 4), D(2021, 7, 4), "day"),
        # a time of day that names its own day is not another date
        ("7 July", D(2021, 7, 7), D(2021, 7, 7), "day"),
        ("the next day", D(2021, 7, 8), D(2021, 7, 8), "day"),
    ]


def test_a_count_grouped_in_thousands_after_a_month_is_not_its_day():
    assert resolve("In June 1,138 herders crossed the pass into Kyrgyzstan.") == [
        ("In June", D(2021, 6, 1), D(2021, 6, 30), "month")
    ]
    assert resolve("Since May 3,000 lorries have waited at the bridge.") == [
        ("Since May", D(2021, 5, 1), PUBLISHED, "month")
    ]
    assert resolve("The post fell on June 23,2021.") == [
        ("June 23", D(2021, 6, 23), D(2021, 6, 23), "day")
    ]
