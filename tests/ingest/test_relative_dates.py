"""Relative dates count from their anchors: the last day the text told, the last date it
gave, or the publication date."""

from __future__ import annotations

import datetime as dt

from borderwatch.ingest.dates import find_dates

D = dt.date


def resolve(text: str, published: dt.date) -> list[tuple]:
    return [(r.text, r.start, r.end, r.precision) for r in find_dates(text, published)]


def test_the_next_day_in_a_sentence_does_not_put_its_weekday_in_the_future():
    # Published on Thursday 14 March 2024: "the next day" tells of the past, so the
    # Friday of the same sentence is the last one before publication, not the next one.
    text = (
        "Rebels took the customs post on 5 March. The next day troops shelled the road, "
        "and on Friday the army retook the post."
    )
    assert resolve(text, D(2024, 3, 14)) == [
        ("5 March", D(2024, 3, 5), D(2024, 3, 5), "day"),
        ("The next day", D(2024, 3, 6), D(2024, 3, 6), "day"),
        ("on Friday", D(2024, 3, 8), D(2024, 3, 8), "day"),
    ]


def test_next_week_still_speaks_of_the_future():
    # Published on Thursday 14 March 2024: talks "next week" on Monday are ahead.
    text = "The ministers meet again next week, on Monday."
    assert resolve(text, D(2024, 3, 14))[-1] == ("on Monday", D(2024, 3, 18), D(2024, 3, 18), "day")


def test_later_that_month_is_the_month_of_the_last_date_given():
    text = "Militia raided a depot in March 2016, and later that month the army sealed the pass."
    assert resolve(text, D(2016, 9, 1)) == [
        ("March 2016", D(2016, 3, 1), D(2016, 3, 31), "month"),
        ("later that month", D(2016, 3, 1), D(2016, 3, 31), "month"),
    ]


def test_that_month_after_a_year_alone_names_no_month():
    text = "The treaty was signed in 2015, and that month the border commission met."
    assert resolve(text, D(2016, 9, 1)) == [("in 2015", D(2015, 1, 1), D(2015, 12, 31), "year")]


def test_that_week_and_the_same_weekend_are_those_of_the_last_day_told():
    text = (
        "Guards shut the crossing on 9 May 2024. Lorries queued there through that week, "
        "and the same weekend traders blocked the road."
    )
    assert resolve(text, D(2024, 5, 20)) == [
        ("9 May 2024", D(2024, 5, 9), D(2024, 5, 9), "day"),
        ("that week", D(2024, 5, 6), D(2024, 5, 12), "week"),
        ("the same weekend", D(2024, 5, 11), D(2024, 5, 12), "day"),
    ]


def test_by_nightfall_is_the_day_just_told():
    text = "Gunmen attacked the post on 3 June 2022, and by nightfall the road was closed."
    assert resolve(text, D(2022, 6, 10)) == [
        ("3 June 2022", D(2022, 6, 3), D(2022, 6, 3), "day"),
        ("by nightfall", D(2022, 6, 3), D(2022, 6, 3), "day"),
    ]


def test_since_a_time_on_a_weekday_runs_from_that_day_to_publication():
    # Published on Thursday 14 March 2024.
    text = "The guns have been silent since 6 a.m. on Monday."
    assert resolve(text, D(2024, 3, 14)) == [
        ("since 6 a.m. on Monday", D(2024, 3, 11), D(2024, 3, 14), "day")
    ]


def test_a_part_of_this_or_last_month_counts_from_publication():
    text = "Talks stalled late last month, and early this month the crossing closed."
    assert resolve(text, D(2024, 3, 14)) == [
        ("late last month", D(2024, 2, 21), D(2024, 2, 29), "month"),
        ("early this month", D(2024, 3, 1), D(2024, 3, 10), "month"),
    ]


def test_the_first_or_last_day_of_a_month_is_that_day():
    text = (
        "The permits ran out on the last day of February 2024 "
        "and were renewed on the first day of April."
    )
    assert resolve(text, D(2024, 5, 2)) == [
        ("on the last day of February 2024", D(2024, 2, 29), D(2024, 2, 29), "day"),
        ("on the first day of April", D(2024, 4, 1), D(2024, 4, 1), "day"),
    ]


def test_christmas_and_new_year_are_their_days_before_publication():
    text = "The post was shelled on Christmas Day and again on New Year's Eve."
    assert resolve(text, D(2023, 1, 10)) == [
        ("on Christmas Day", D(2022, 12, 25), D(2022, 12, 25), "day"),
        ("on New Year's Eve", D(2022, 12, 31), D(2022, 12, 31), "day"),
    ]


def test_an_earlier_date_in_the_sentence_that_told_a_day_does_not_move_the_anchor():
    # Two days after Wednesday 7 June is Friday 9 June; the flood of 2 May is background,
    # so "the same weekend" is 10-11 June, not the weekend after 2 May.
    text = (
        "Troops crossed the river on 7 June 2023. Two days later the bridge reopened, "
        "five weeks after the flood of 2 May had shut it. The same weekend traders came back."
    )
    assert resolve(text, D(2023, 6, 20)) == [
        ("7 June 2023", D(2023, 6, 7), D(2023, 6, 7), "day"),
        ("Two days later", D(2023, 6, 9), D(2023, 6, 9), "day"),
        ("2 May", D(2023, 5, 2), D(2023, 5, 2), "day"),
        ("The same weekend", D(2023, 6, 10), D(2023, 6, 11), "day"),
    ]


def test_a_span_since_a_day_is_where_that_evening_counts_from():
    text = (
        "Since 1 March 2022 more than 5,000 people have crossed. "
        "Officials opened a camp that evening."
    )
    assert resolve(text, D(2022, 3, 8)) == [
        ("Since 1 March 2022", D(2022, 3, 1), D(2022, 3, 8), "day"),
        ("that evening", D(2022, 3, 1), D(2022, 3, 1), "day"),
    ]


def test_since_a_week_of_a_month_runs_to_publication():
    text = "Refugees have crossed at the bridge since the second week of November."
    assert resolve(text, D(2023, 11, 27)) == [
        ("since the second week of November", D(2023, 11, 8), D(2023, 11, 27), "week")
    ]


def test_the_evening_before_is_the_day_before_the_last_day_told():
    text = "The pipeline was cut on 3 February 2024; talks had failed the evening before."
    assert resolve(text, D(2024, 2, 10)) == [
        ("3 February 2024", D(2024, 2, 3), D(2024, 2, 3), "day"),
        ("the evening before", D(2024, 2, 2), D(2024, 2, 2), "day"),
    ]


def test_a_span_of_years_told_on_a_day_still_runs_to_publication():
    # The day it was said ends a "since" counted in days, not one counted in years.
    text = "On 4 March 2019 the minister said that traders had been held there since 2016."
    assert resolve(text, D(2019, 9, 2)) == [
        ("4 March 2019", D(2019, 3, 4), D(2019, 3, 4), "day"),
        ("since 2016", D(2016, 1, 1), D(2019, 9, 2), "year"),
    ]


def test_the_following_week_is_the_calendar_week_after_the_last_days_week():
    # Wednesday 8 March 2023: the following week runs Monday 13 to Sunday 19 March, while
    # "the week that followed" is the seven days after that day.
    text = "Talks broke down on 8 March 2023. The following week both sides shelled the bridge."
    assert resolve(text, D(2023, 4, 3))[-1] == (
        "The following week",
        D(2023, 3, 13),
        D(2023, 3, 19),
        "week",
    )
    text = "Talks broke down on 8 March 2023. In the week that followed, the bridge was shelled."
    assert resolve(text, D(2023, 4, 3))[-1] == (
        "the week that followed",
        D(2023, 3, 9),
        D(2023, 3, 15),
        "week",
    )


def test_since_last_tuesday_runs_from_that_tuesday_to_publication():
    text = "Since last Tuesday the crossing has been closed to lorries."
    assert resolve(text, D(2024, 3, 14)) == [
        ("Since last Tuesday", D(2024, 3, 12), D(2024, 3, 14), "day")
    ]


def test_early_in_a_month_and_through_a_month_are_read_as_their_parts_of_it():
    text = "Early in May the convoys resumed; through June they ran every week."
    assert resolve(text, D(2024, 8, 1)) == [
        ("Early in May", D(2024, 5, 1), D(2024, 5, 10), "month"),
        ("through June", D(2024, 6, 1), D(2024, 6, 30), "month"),
    ]


def test_a_future_word_in_another_clause_does_not_put_a_weekday_ahead():
    # Published on Thursday 14 March 2024: the envoy resigned last Sunday.
    text = "A general will serve as interim head; the envoy resigned on Sunday."
    assert resolve(text, D(2024, 3, 14)) == [("on Sunday", D(2024, 3, 10), D(2024, 3, 10), "day")]


def test_a_weekday_before_a_count_of_people_is_still_a_weekday():
    # "the 240" is a number of people, not "Thursday the 24th".
    text = "On Thursday the 240 detainees were handed over at the bridge."
    assert resolve(text, D(2024, 3, 16)) == [("On Thursday", D(2024, 3, 14), D(2024, 3, 14), "day")]


def test_since_an_event_takes_the_day_its_own_word_was_dated_before_one_of_its_type():
    # "the raid" is the day "raided" was told, not the later day of the shelling, an
    # event of the same kind.
    text = (
        "On 3 May gunmen raided the customs post at the pass. "
        "The next day the army shelled their camps. "
        "Since the raid the post has stayed shut."
    )
    assert resolve(text, D(2024, 5, 20))[-1] == (
        "Since the raid",
        D(2024, 5, 3),
        D(2024, 5, 20),
        "day",
    )


def test_since_then_runs_from_the_start_of_the_last_date_told():
    # "Since then" counts from the start of the part of the month just told, not from the
    # last single day, nor from a span that itself runs "since" something.
    text = (
        "Guards were posted at Hairatan on 2 May. In mid-June the traders, who have worked "
        "the bridge since 2015, were turned back. Since then lorries have waited at Termez."
    )
    assert resolve(text, D(2024, 7, 4))[-1] == (
        "Since then",
        D(2024, 6, 11),
        D(2024, 7, 4),
        "month",
    )


def test_since_then_after_a_day_told_runs_from_that_day():
    text = (
        "Rebels shelled Termez on 3 March. The next day the bridge was shut, and since then "
        "no lorry has crossed."
    )
    assert resolve(text, D(2024, 3, 20))[-1] == ("since then", D(2024, 3, 4), D(2024, 3, 20), "day")


def test_nights_count_as_days_and_a_bare_before_counts_back():
    text = (
        "Fighting broke out at Termez on 29 July. Two nights later the brigade stormed the "
        "ridge. It followed a skirmish the day before near Hairatan. Four days before, "
        "envoys had met at Termez."
    )
    assert resolve(text, D(1990, 8, 20)) == [
        ("29 July", D(1990, 7, 29), D(1990, 7, 29), "day"),
        ("Two nights later", D(1990, 7, 31), D(1990, 7, 31), "day"),
        ("the day before", D(1990, 7, 30), D(1990, 7, 30), "day"),
        ("Four days before", D(1990, 7, 26), D(1990, 7, 26), "day"),
    ]


def test_a_month_or_season_of_that_year_is_in_the_year_just_told():
    text = (
        "Rockets fell on Termez on 4 May 2019, and in the autumn of that year drones struck "
        "camps near Hairatan. Traders have left since 2015, when the market closed in March "
        "of that year."
    )
    assert resolve(text, D(2021, 2, 1))[1:] == [
        ("in the autumn of that year", D(2019, 9, 1), D(2019, 11, 30), "month"),
        ("since 2015", D(2015, 1, 1), D(2021, 2, 1), "year"),
        ("in March of that year", D(2015, 3, 1), D(2015, 3, 31), "month"),
    ]


def test_a_month_last_year_and_a_part_of_that_month():
    text = (
        "A ferry opened at Termez in February last year. In April the rebels gathered at "
        "Hairatan. Late that month the envoys met. On 26 March this year a barge sank."
    )
    assert resolve(text, D(2007, 5, 2)) == [
        ("in February last year", D(2006, 2, 1), D(2006, 2, 28), "month"),
        ("In April", D(2007, 4, 1), D(2007, 4, 30), "month"),
        ("Late that month", D(2007, 4, 21), D(2007, 4, 30), "month"),
        ("26 March this year", D(2007, 3, 26), D(2007, 3, 26), "day"),
    ]


def test_a_day_last_year_is_that_day_of_the_year_before_publication():
    # One expression, one date at the precision it gives (KEY_GUIDE: "Record the precision the
    # text gives"): not the day of the publication's year and a separate year.
    text = (
        "The revolt that broke out at Termez on 10 October last year spread south, and the "
        "envoys met at Hairatan on June 30 this year."
    )
    assert resolve(text, D(1912, 11, 9)) == [
        ("10 October last year", D(1911, 10, 10), D(1911, 10, 10), "day"),
        ("June 30 this year", D(1912, 6, 30), D(1912, 6, 30), "day"),
    ]


def test_since_that_morning_and_since_early_on_a_weekday_run_to_publication():
    text = (
        "Gunmen came ashore near Termez on 18 September. Since that morning soldiers have "
        "combed the hills. The guns at Hairatan have been quiet since early on Saturday."
    )
    assert resolve(text, D(1996, 9, 24))[1:] == [
        ("Since that morning", D(1996, 9, 18), D(1996, 9, 24), "day"),
        ("since early on Saturday", D(1996, 9, 21), D(1996, 9, 24), "day"),
    ]


def test_a_since_told_on_a_day_before_it_still_runs_to_publication():
    text = "The envoy said on 8 August that the truce has held since 20 August."
    assert resolve(text, D(1988, 8, 27))[-1] == (
        "since 20 August",
        D(1988, 8, 20),
        D(1988, 8, 27),
        "day",
    )


def test_throughout_a_year_is_that_year():
    text = "Kabul pressed Tashkent throughout 1984 to sign a pact."
    assert resolve(text, D(1985, 6, 15)) == [
        ("throughout 1984", D(1984, 1, 1), D(1984, 12, 31), "year"),
    ]


def test_ever_since_closing_its_clause_runs_from_the_last_date_told():
    text = (
        "Rebels took Hairatan on 3 March, and the bridge has been shut ever since. "
        "Traders have waited at Termez ever since the rebels came."
    )
    got = resolve(text, D(2024, 3, 20))
    assert ("ever since", D(2024, 3, 3), D(2024, 3, 20), "day") in got
    assert not any(g[0].startswith("ever since the") for g in got)


def test_the_following_month_named_is_the_first_such_month_after_the_last_date():
    text = (
        "Talks resumed in June 1983, and the following February the envoys met in Kabul. "
        "Guards shut the gate on 2 January 1990; the following March it reopened."
    )
    assert resolve(text, D(1991, 5, 1)) == [
        ("June 1983", D(1983, 6, 1), D(1983, 6, 30), "month"),
        ("the following February", D(1984, 2, 1), D(1984, 2, 29), "month"),
        ("2 January 1990", D(1990, 1, 2), D(1990, 1, 2), "day"),
        ("the following March", D(1990, 3, 1), D(1990, 3, 31), "month"),
    ]


def test_a_weekday_before_a_name_that_begins_like_a_month_is_still_a_weekday():
    # "Mar…", "May…", "Jun…": a month is a whole word ("On Sunday Mayor Ortiz", "On
    # Wednesday Marisol Díaz")
    text = "On Wednesday Marisol Quispe asked for talks. On Sunday Mayor Ortiz said no."
    assert resolve(text, D(2022, 11, 25)) == [
        ("On Wednesday", D(2022, 11, 23), D(2022, 11, 23), "day"),
        ("On Sunday", D(2022, 11, 20), D(2022, 11, 20), "day"),
    ]


def test_the_week_that_followed_a_since_day_counts_from_that_day():
    text = (
        "Rebels shelled the post on Saturday. Since 3 March guards have sealed the gate at "
        "Kolvar. In the week that followed, the traders turned back."
    )
    got = resolve(text, D(2024, 3, 20))
    assert ("the week that followed", D(2024, 3, 4), D(2024, 3, 10), "week") in got


def test_a_plan_as_a_noun_does_not_put_a_weekday_ahead():
    # Published on Wednesday 18 December 2024: "a plan to" names a plan, not a future act
    text = "The council approved a plan to widen the road, and on Tuesday the mayor opened it."
    assert resolve(text, D(2024, 12, 18)) == [
        ("on Tuesday", D(2024, 12, 17), D(2024, 12, 17), "day"),
    ]
    # the verb still speaks of the future
    text = "The army plans to open the road on Tuesday."
    assert resolve(text, D(2024, 12, 18)) == [
        ("on Tuesday", D(2024, 12, 24), D(2024, 12, 24), "day"),
    ]


def test_a_year_before_1600_is_read_only_where_no_noun_follows_it():
    text = (
        "The fort was built in 1566 and held by the emirs; a monk wrote of it in 1420. "
        "Aid came in 1500 sacks."
    )
    assert resolve(text, D(1993, 11, 10)) == [
        ("in 1566", D(1566, 1, 1), D(1566, 12, 31), "year"),
        ("in 1420", D(1420, 1, 1), D(1420, 12, 31), "year"),
    ]


def test_a_past_verb_after_the_future_word_dates_the_clause_of_the_past():
    # Published on 10 December 2024: "will" speaks of what is ahead, but the militia drove
    # the herders out last January, and the envoys meet next February.
    text = (
        "The quarrel will flare again, because the militia, who drove the herders out of "
        "the valley in January, is back; the envoys will meet in February."
    )
    assert resolve(text, D(2024, 12, 10)) == [
        ("in January", D(2024, 1, 1), D(2024, 1, 31), "month"),
        ("in February", D(2025, 2, 1), D(2025, 2, 28), "month"),
    ]


def test_the_next_day_after_a_span_of_days_counts_from_its_last_day():
    text = (
        "Floods shut the pass from 3 to 9 April 2019. The next day the first lorries crossed; "
        "four days later the customs hall reopened."
    )
    assert resolve(text, D(2019, 6, 1)) == [
        ("from 3 to 9 April 2019", D(2019, 4, 3), D(2019, 4, 9), "day"),
        ("The next day", D(2019, 4, 10), D(2019, 4, 10), "day"),
        ("four days later", D(2019, 4, 14), D(2019, 4, 14), "day"),
    ]


def test_the_end_of_a_month_this_year_is_the_month_s_last_days():
    text = "At the end of May this year smugglers burned the customs shed."
    assert resolve(text, D(2020, 9, 1)) == [
        ("the end of May this year", D(2020, 5, 21), D(2020, 5, 31), "month"),
    ]


def test_an_event_word_is_dated_by_the_day_of_its_own_clause():
    # The firefight is told with "the next day" (12 May), not with the day before the comma.
    text = (
        "Police moved up the valley on 11 May, and a firefight followed the next day. "
        "A day after the firefight the minister came to the village."
    )
    assert resolve(text, D(2012, 6, 1)) == [
        ("11 May", D(2012, 5, 11), D(2012, 5, 11), "day"),
        ("the next day", D(2012, 5, 12), D(2012, 5, 12), "day"),
        ("A day after the firefight", D(2012, 5, 13), D(2012, 5, 13), "day"),
    ]


def test_much_of_the_day_before_is_no_date():
    # "lasted much of the day before the police took the grounds" counts no day back: the
    # same day is still the day written out.
    text = (
        "On 3 June gunmen seized the mill, and the siege lasted much of the day before the "
        "police took it back. The same day the crossing was shut."
    )
    assert resolve(text, D(2023, 6, 10)) == [
        ("3 June", D(2023, 6, 3), D(2023, 6, 3), "day"),
        ("The same day", D(2023, 6, 3), D(2023, 6, 3), "day"),
    ]


def test_days_after_the_first_event_count_from_the_earliest_of_its_kind():
    # Two attacks are dated; "the first attack" is the drone strike of 3 March (an
    # attack by its type), not the second attack of 10 March that the text names last.
    text = (
        "Drones struck a fuel depot near the border on 3 March. Missiles hit the airport "
        "on 10 March, the second attack in a week. Five days after the first attack, "
        "the crossing at Nura was shut."
    )
    assert resolve(text, D(2023, 3, 20))[-1] == (
        "Five days after the first",
        D(2023, 3, 8),
        D(2023, 3, 8),
        "day",
    )


def test_seven_and_eleven_days_after_an_event_not_found_count_from_the_last_day_told():
    # "eleven" and "seven" hold the letters of "eve" but are no eve: an event not found
    # is the last day told, as for "two days after"
    for n, words in ((7, "Seven"), (11, "Eleven")):
        text = f"Troops crossed on 3 March. {words} days after the raid, the post was shut."
        assert resolve(text, D(2021, 8, 23))[-1][1:] == (
            D(2021, 3, 3 + n),
            D(2021, 3, 3 + n),
            "day",
        )


def test_a_count_of_days_after_that_counts_from_the_count_before_it():
    # "nine days later" is a day, which "eleven days after that" counts on from
    text = (
        "Protests began on 3 November; nine days later the governor resigned, and eleven "
        "days after that the president himself was forced out."
    )
    assert resolve(text, D(1891, 12, 30))[1:] == [
        ("nine days later", D(1891, 11, 12), D(1891, 11, 12), "day"),
        ("eleven days after that", D(1891, 11, 23), D(1891, 11, 23), "day"),
    ]


def test_days_on_afterwards_a_fortnight_and_the_day_after_count_from_the_last_day():
    for words, days in (
        ("Two weeks on,", 14),
        ("Five days on,", 5),
        ("Three days afterwards", 3),
        ("Two days after,", 2),
        ("The day after,", 1),
        ("A fortnight later", 14),
    ):
        text = f"Troops crossed on 3 March. {words} the post was shut."
        got = resolve(text, D(2021, 8, 23))
        assert got[-1][1:3] == (D(2021, 3, 3 + days),) * 2, words
    # not a date: days spent somewhere
    assert resolve("They arrived after two days on foot.", D(2021, 8, 23)) == []


def test_the_next_day_after_a_week_later_counts_from_that_week_later():
    text = "Troops crossed on 3 March. A week later the post was shut. The next day rebels came."
    assert resolve(text, D(2021, 8, 23))[-1] == (
        "The next day",
        D(2021, 3, 11),
        D(2021, 3, 11),
        "day",
    )
