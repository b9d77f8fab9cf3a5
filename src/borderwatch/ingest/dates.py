"""Date expressions in briefing text, resolved against the publication date.

A briefing says "on July 9", "On Sunday", "two days later", "since May",
"early July", "from 5 to 10 August", "1996–2001" or "last week"; each becomes a
span [start, end] with a precision (day / week / month / year), so that an event
known only as "in August" spans the month. Single days and weekdays are read by
`dateparser` with the publication date as its relative base; spans and the
parts of a month are this module's own rules. A date without a year is the
latest such date not after publication (briefings report the past), unless its
sentence speaks of the future ("will hold drills in early August"); a weekday is
the last such day before publication. Relative dates ("two days later", "the same
day", "the day before Kabul fell") are counted from their anchors by
`relative_dates`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache

from borderwatch.ingest.datewords import (
    DECADE_PARTS,
    HOLIDAYS,
    NUMBERS,
    PART_DAYS,
    SEASONS,
    YEAR_PARTS,
    DateRef,
    Resolved,
    month_end,
    month_number,
    sentence_start,
)
from borderwatch.ingest.relative_dates import (
    FROM_LAST,
    apposition,
    counted_back,
    counted_from,
    days_after,
    from_last,
    mentions_before,
    reported_on,
    resolve_relative,
    week_from,
)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]|20)\d\d"  # 1600-2099: treaties of 1858 are dates too
_NUM = r"(?:\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
"""A weekday's name, for every pattern that reads one."""
# A part of a day counts as its day: "that evening", "the following morning".
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
_UNIT = r"(?:days?|nights?|weeks?|fortnights?)"
"""What a count of days is written in ("two nights later" counts days, "a fortnight" 14)."""
_PART = r"(?:(?i:early|mid|late)|the\s+(?:start|beginning|middle|end)\s+of)"
_TO = r"\s*(?:-|–|—|to|and|until|till)\s*"
# A number grouped in thousands after a month is a count, not a day: "In August 1,138 people".
_NOT_GROUPED = r"(?!\d{1,3},\d{3}(?!\d))"
_DAY_END = r"(?!\d|,\d{3}(?!\d))"
# What follows "before" when it names no event: "the day before near Termez", "four days
# before, the envoys had met".
_BEFORE_NOTHING = r"before(?=\s*[,;.)]|\s+(?:near|at|in|on|outside|inside|when|and|but)\b)"
# Words before "of" that count rather than name an event: "a total of 2000".
_QUANTITY = (
    r"total|population|crowd|force|number|sum|budget|figure|height|altitude|length|depth"
    r"|distance|tally|toll|average|maximum|minimum|group|column|convoy|fleet|wave|influx"
    r"|estimate|count|capacity|strength|contingent"
)
# A time of day: "since eight on Monday", "since 6 a.m. on Sunday".
_CLOCK = (
    r"(?:(?:[01]?\d(?:[:.][0-5]\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve)(?:\s*(?:[ap]\.?m\.?|o['’]clock))?|noon|midnight|dawn)"
)

_PLAN_NOUN = "".join(
    rf"(?<!\b{w}\s)" for w in ("a", "the", "any", "its", "their", "his", "her", "new")
)
"""Not after these words: a plan as a noun ("approved a plan to double the settlers, and on
Tuesday …") is no future tense (one lookbehind each: Python's must be of fixed width)."""

# A sentence that speaks of the future puts a yearless date after publication. "next"
# only before a unit of time not led by "the": "the next day" and "the next round" are
# told of the past, "next week" is ahead.
_FUTURE = re.compile(
    rf"\b(?:will|shall|is to|are to|{_PLAN_NOUN}plans? to|planned|scheduled"
    rf"|(?<!the\s)next\s+(?:week|month|year|spring|summer|autumn|winter|{WEEKDAY}|{_MONTH}))\b",
    re.I,
)

# Order matters: earlier patterns win where matches overlap.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rx, re.IGNORECASE if kind.startswith("rel") else 0))
    for kind, rx in (
        (
            "day_month_span",
            rf"\b(?i:from|between)\s+(?P<d1>{_DAY})\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?"
            rf"{_TO}(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            # "from May 3 to June 5", "between March 30, 2019 and April 2"
            "day_month_span",
            rf"\b(?i:from|between)\s+(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?"
            rf"{_TO}(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})(?!\d)(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            # "between 1 and 2 May", "from the 3rd to the 5th of May"
            "day_span",
            rf"\b(?:(?i:from|between|on)\s+)?(?:the\s+)?(?P<d1>{_DAY}){_TO}(?:the\s+)?"
            rf"(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            "month_day_span",
            rf"\b(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})(?!\d)(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            # "on 10 October last year", "June 30 this year": the day of the year told
            "day_of_year_told",
            rf"\b(?:(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}))"
            rf"\s+(?P<which>last|this)\s+year\b",
        ),
        (
            # "in February last year", "since March this year", "at the end of April this year",
            # "in July of last year"
            "month_of_year_told",
            # (not "on 26 March this year", a day)
            rf"\b(?<!\d\s)(?:(?P<since>[Ss]ince)\s+|(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil)\s+)?"
            rf"(?:(?P<part>{_PART})[\s-]+)?(?P<m>{_MONTH})\s+(?:of\s+)?(?P<which>last|this)\s+year\b",
        ),
        # "in March of that year": the month of the year just told
        (
            "rel_that_month",
            rf"\b(?:(?:in|during|by|since)\s+)?(?-i:(?P<m>{_MONTH}))\s+of\s+(?:that|the\s+same)\s+year\b",
        ),
        (
            "year_span",
            # not "the winter of 1986–87": one winter, read as a season
            rf"\b(?<![Ww]inter\sof\s)(?:(?:from|between)\s+)?(?P<y1>{_YEAR})\s*"
            rf"(?:-|–|—|to|and|until)\s*(?P<y2>{_YEAR}|\d\d)\b",
        ),
        (
            "week_of_month",
            rf"\b(?:(?P<since>[Ss]ince)\s+|(?:[Ii]n|[Dd]uring|[Bb]y)\s+)?the\s+"
            rf"(?P<nth>first|second|third|fourth|last)\s+week\s+of\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            "day_of_month",
            rf"\b(?:[Oo]n\s+)?the\s+(?P<nth>first|last)\s+day\s+of\s+"
            rf"(?:(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?|(?P<year>{_YEAR})\b)",
        ),
        (
            "holiday",
            r"\b(?:[Oo]n\s+)?(?P<hol>Christmas\s+(?:Eve|Day)|New\s+Year['’]s\s+(?:Eve|Day))"
            rf"(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            "nth_weekday",
            rf"\b(?:[Oo]n\s+)?the\s+(?P<nth>first|second|third|fourth|last)\s+(?P<wd>{WEEKDAY})"
            rf"\s+(?:of|in)\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            "part_span",
            # "from late May to early July", "from late January to March"
            rf"\b(?i:from|between)\s+(?:(?P<p1>early|mid|late)[\s-]+)?(?P<m1>{_MONTH})"
            rf"(?:\s+(?P<y1>{_YEAR}))?\s+(?:to|and|until|till)\s+(?:(?P<p2>early|mid|late)[\s-]+)?"
            rf"(?P<m2>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?(?<=\w)(?(p1)|(?(p2)|(?!)))",
        ),
        (
            "half_month",
            rf"\b(?:(?:[Ii]n|[Dd]uring)\s+)?the\s+(?P<half>first|second)\s+half\s+of\s+"
            rf"(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            "part_year",
            rf"\b(?:(?P<since>[Ss]ince)\s+|(?:[Ii]n|[Bb]y|[Uu]ntil|[Dd]uring)\s+)?"
            rf"(?P<part>early|mid|late|the\s+(?:start|beginning|middle|end)\s+of)[\s-]+"
            rf"(?P<y>{_YEAR})\b(?!\s*[-–]\s*\d)",
        ),
        (
            "decade",
            r"\b(?:(?P<since>[Ss]ince)\s+|(?:[Ii]n|[Dd]uring|[Tt]hrough)\s+)?the\s+"
            r"(?:(?P<part>early|mid|late)[\s-]+)?(?P<dec>(?:19|20)\d0)s\b",
        ),
        (
            "season",
            rf"\b(?:(?P<rel>[Ii]n|[Dd]uring|[Tt]hat|[Ll]ast|[Tt]his|[Ss]ince|[Bb]y)\s+)?(?:the\s+)?"
            rf"(?:(?P<part>early|late)[\s-]+)?(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter"
            # "fall" only before its year: "since the fall of Kabul" names an event
            rf"|[Ff]all(?=(?:\s+of)?\s+{_YEAR}))"
            # "in the autumn of that year" is the season of the year just told
            rf"(?:\s+of\s+(?:that|the\s+same)\s+year(?P<that>)"
            rf"|(?:\s+of)?(?:\s+(?P<y>{_YEAR})(?:[-–/](?:{_YEAR}|\d\d)\b)?)?)\b",
        ),
        (
            "since_part",
            rf"\b[Ss]ince\s+(?P<part>{_PART})[\s-]+(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?",
        ),
        (
            "part_month",
            rf"\b(?:(?:[Ii]n|[Bb]y|[Uu]ntil|[Dd]uring)\s+)?(?P<part>{_PART})(?:[\s-]+|\s+in\s+)"
            rf"(?P<m>{_MONTH})"
            rf"(?:\s+(?P<y>{_YEAR}))?\b",
        ),
        (
            # "from January to March", "between March and May 1990", "from May 2019 until
            # March 2020", and without a preposition only with a dash: "January–March"
            "month_pair",
            rf"\b(?:(?:(?i:in|during|between|from)\s+(?:the\s+)?(?P<m1>{_MONTH})"
            rf"(?:,?\s+(?P<y1>{_YEAR}))?\s+(?:and|to|until|till|through|-|–|—)\s+)"
            rf"|(?P<m1b>{_MONTH})\s*[-–—]\s*)"
            rf"(?P<m2>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            "since",
            rf"\b[Ss]ince\s+(?:(?P<d>{_DAY})\s+)?(?P<m>{_MONTH})(?:\s+(?P<d2>{_DAY}){_DAY_END})?"
            rf"(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            "day_month",
            rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        ("month_day", rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY}){_DAY_END}(?:,?\s+(?P<y>{_YEAR}))?"),
        ("numeric", r"\b(?P<d>[0-3]?\d)[./-](?P<mn>[01]?\d)[./-](?P<y>(?:19|20)\d\d)\b"),
        ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>[01]\d)-(?P<d>[0-3]\d)\b"),
        ("month_year", rf"\b(?:(?:early|mid|late)[\s-]+)?(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b"),
        ("last_month_name", rf"\b(?:[Ll]ast|[Tt]his|[Pp]ast)\s+(?P<m>{_MONTH})\b"),
        (
            "in_month",
            r"\b(?:[Ii]n|[Dd]uring|[Oo]f|[Bb]y|[Uu]ntil|[Ff]rom|[Tt]hrough|[Ee]arly|[Ll]ate|[Mm]id-?)\s+"
            rf"(?:(?:early|mid|late)[\s-]+)?(?P<m>{_MONTH})\b(?!\s+{_NOT_GROUPED}\d)",
        ),
        (
            "weekday",
            rf"\b(?:(?:[Oo]n|[Ll]ast|[Tt]his|[Bb]y|[Ss]ince(?:\s+last|\s+(?:{_CLOCK}|early|late)\s+on)?)\s+)?"
            rf"(?P<wd>{WEEKDAY})\b"
            # not "Thursday 14 March" (a day_month) but "On Thursday the 330 were taken"
            # ("On Wednesday Mariusz Błaszczak asked" is a weekday: a month is a whole word)
            rf"(?!,?\s+(?:the\s+)?{_DAY}(?!\d)|,?\s+{_MONTH}\b)",
        ),
        # "it has stayed closed ever since": "ever since" closing its clause is "since then"
        # ("ever since the war", "ever since Kabul fell" name what it runs from)
        ("rel_since_then", r"\bsince\s+then\b|\bever\s+since(?=\s*(?:[.,;:!?)\n—–]|$))"),
        ("rel_that_month", rf"\b(?:that|the\s+same)\s+(?-i:(?P<m>{_MONTH}))\b"),
        # "restored in May 1988, and the following February": the first such month after
        # the last date told (not "next March", which is ahead of publication)
        (
            "rel_following_month",
            rf"\bthe\s+(?:following|next)\s+(?-i:(?P<m>{_MONTH}))\b(?!\s*\d)",
        ),
        (
            # "late that month", "at the end of the same month": a part of it
            "rel_same_month",
            rf"\b(?:(?:later|earlier)\s+|(?P<part>{_PART})(?:\s+in)?\s+)?"
            r"(?:that|the\s+same)\s+month\b",
        ),
        ("rel_that_year", r"\b(?:in\s+)?(?:that|the\s+same)\s+year\b"),
        (
            "rel_next_unit",
            r"\b(?:(?:the\s+)?(?:following|next)\s+(?P<unit1>month|year)"
            r"|(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
            r"(?P<unit2>months?|years?)\s+(?P<dir>later|earlier))\b",
        ),
        ("rel_since_event", r"\bsince\s+the\s+(?P<ref>[A-Za-z][\w-]+)"),
        (
            "rel_same_day",
            # (not "the same day as the flight", which names the day it shares: `rel_around`)
            rf"\b(?:the\s+)?same\s+(?:day|{_PART_OF_DAY})\b(?!\s+as\s+(?:the|his|her|its|their)\s)"
            rf"|\b(?:later\s+|since\s+)?that\s+(?:same\s+)?(?:day|{_PART_OF_DAY})\b"
            r"|\bby\s+(?:nightfall|dusk|sunset|sundown|(?:the\s+)?evening|midday|noon)\b(?!\s+of\b)"
            # an hour or a time of the day last told: "Within the hour", "About an hour later",
            # "In the evening", "At midday", "At the same hour" (not "at dawn on 6 April",
            # "in the evening of 14 September", "at noon the next day": a day of their own)
            rf"|\b(?:within\s+(?:the\s+|an\s+|a\s+few\s+)?hours?"
            rf"|(?:(?:about|some|barely|only|just)\s+)?(?:an|one|two|three|four|five|six|a\s+few"
            rf"|several|[1-9])\s+hours?\s+later|hours\s+later"
            rf"|in\s+the\s+(?:{_PART_OF_DAY}|(?:early|small)\s+hours)"
            rf"|at\s+(?:midday|noon|midnight|dawn|dusk|nightfall|first\s+light|the\s+same\s+hour)"
            rf"|shortly\s+(?:before|after)\s+(?:midnight|noon|dawn))\b"
            rf"(?!\s+(?:on|of|the\s+(?:next|following|same|previous|day)|that|this|last|next"
            rf"|yesterday|today|{WEEKDAY})\b|,?\s+(?:on\s+)?\d)",
        ),
        ("rel_same_weekend", r"\b(?:the\s+same|that)\s+weekend\b"),
        ("rel_same_week", r"\b(?:(?:the\s+)?same|that)\s+week\b"),
        ("rel_week_after", r"\bthe\s+(?:week|days)\s+that\s+followed\b"),
        ("rel_following_week", r"\bthe\s+(?:following|next)\s+week\b"),
        (
            "rel_around",
            rf"\b(?:(?:(?P<n>{_NUM})\s+(?P<unit>{_UNIT})|(?<!of\s)the\s+(?:day|night))\s+"
            rf"(?P<dir>(?!{_BEFORE_NOTHING})before|after)"
            r"|the\s+eve\s+of|(?P<on>the\s+(?:very\s+)?day(?:\s+of|\s+that|\s+when)?"
            r"(?=\s+(?:the|his|her|its|their|[A-Z])\b)"
            # "the same day as the first arrests": the day of the arrests, not the day last
            # told ("condemned it the same day as an act of piracy" names no event)
            rf"|(?:the\s+)?same\s+(?:day|{_PART_OF_DAY})\s+as(?=\s+(?:the|his|her|its|their)\s)))"
            r"(?:\s+(?P<ref>(?:(?:the|his|her|its|their)\s+)?[A-Za-z][\w-]*(?:['’]s\s+[\w-]+)?)"
            # "the eve of the 6 June landing": the event's own day follows (`_dated_in_phrase`)
            r"|(?:\s+the)?(?=\s+\d))",
        ),
        (
            # "two nights later" counts days; "four days before," with nothing after it
            # is "four days earlier"; "three days afterwards", "two days after,", "Two
            # weeks on," and "a fortnight later" are later
            "rel_later",
            rf"\b(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+"
            rf"(?P<dir>later|earlier|afterwards?|after(?=\s*[,;.)])|on(?=\s*,)|{_BEFORE_NOTHING})\b",
        ),
        # "The day after, the post shut": "the day after" with nothing after it
        (
            "rel_next_day",
            rf"\b(?:the\s+)?(?:next|following)\s+(?:day|{_PART_OF_DAY})\b"
            r"|\b(?<!of\s)the\s+day\s+after(?=\s*[,;.)])",
        ),
        (
            "rel_previous_day",
            rf"\bthe\s+(?:previous|preceding)\s+(?:day|{_PART_OF_DAY})\b"
            rf"|\b(?<!of\s)the\s+(?:day|{_PART_OF_DAY})\s+before\b",
        ),
        ("rel_weekend", r"\b(?:over|at|during)\s+the\s+weekend\b|\blast\s+weekend\b"),
        ("day_only", r"\b[Oo]n\s+the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s+of\b)"),
        ("rel_yesterday", r"\byesterday\b"),
        ("rel_today", r"\btoday\b"),
        ("rel_last_week", r"\b(?:last|past)\s+week\b"),
        ("rel_this_week", r"\bthis\s+week\b"),
        ("rel_part_month", rf"\b(?P<part>{_PART})[\s-]+(?P<which>this|last)\s+month\b"),
        ("rel_last_month", r"\blast\s+month\b"),
        ("rel_this_month", r"\bthis\s+month\b"),
        ("rel_last_year", r"\blast\s+year\b"),
        ("rel_this_year", r"\bthis\s+year\b"),
        (
            "year",
            rf"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Tt]hrough(?:out)?|[Ff]rom)\s+(?P<y>{_YEAR})\b(?!\s*[-–]\d)",
        ),
        # an older year only where no noun follows it ("was built in 1566 and", "the order
        # founded in 1410."; not "in 1500 households")
        (
            "year",
            r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Ff]rom)\s+(?P<y>1[0-5]\d\d)"
            r"(?=\s*[,.;:)]|\s+(?:(?:and|when|but|to|the)\b|[A-Z]))",
        ),
        # "the war of 1962", "the agreement of 1913": an event named by its year (not "a
        # total of 2000", a number)
        (
            "year",
            rf"\b(?:the\s+)?(?!(?:{_QUANTITY})\b)[A-Za-z][a-z]+\s+of\s+(?P<y>{_YEAR})\b"
            r"(?!\s*[-–]\s*\d)",
        ),
    )
)


def _day(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def _year_for(month: int, day: int, published: dt.date, future: bool = False) -> int:
    """The year that puts month/day at or before publication.

    In a sentence about the future, the first such date after publication instead,
    if that is within half a year ("will meet on 27 July", published on 30 July,
    is last 27 July: the verb was about something else).
    """
    year = published.year
    try:
        if dt.date(year, month, day) > published:
            if future and (dt.date(year, month, day) - published).days <= 183:
                return year
            year -= 1
        elif future and (dt.date(year + 1, month, day) - published).days <= 183:
            year += 1
    except ValueError:  # 29 February
        pass
    return year


@cache
def _dateparser_settings(published: dt.date, future: bool) -> dict[str, object]:
    return {
        "RELATIVE_BASE": dt.datetime.combine(published, dt.time()),
        "PREFER_DATES_FROM": "future" if future else "past",
    }


def parse_day(expression: str, published: dt.date, future: bool = False) -> dt.date | None:
    """One day ("14 July", "July 14, 2021", "27.09.2021", "Sunday") by dateparser.

    Relative to publication: a weekday is the last such day before it (the next
    one if `future`); a day without a year is not after publication.
    """
    import dateparser  # imported here: the map pages never need it

    parsed = dateparser.parse(
        expression,
        languages=["en"],
        settings=_dateparser_settings(published, future),  # type: ignore[arg-type]
    )
    return parsed.date() if parsed else None


def _part_span(part: str, year: int, month: int) -> tuple[dt.date, dt.date]:
    first, last = PART_DAYS[part.split()[-2] if " of" in part else part.lower()]
    end = min(last, calendar.monthrange(year, month)[1])
    return dt.date(year, month, first), dt.date(year, month, end)


def _resolve(
    kind: str,
    m: re.Match[str],
    published: dt.date,
    anchor: tuple[dt.date, str] | None,
    future: bool,
    lookup: dict[str, tuple[dt.date, str]],
    anchor_year: int | None = None,
) -> Resolved | None:
    """(start, end, precision, explicit) for one match, or None if it is not a real date.

    `anchor_year` is the year of the last date the text gave ("that spring")."""
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else None
    if kind == "day_month_span":
        m1, m2 = month_number(g["m1"]), month_number(g["m2"])
        year = y or _year_for(m2, _day(g["d2"]), published, future)
        first_year = int(g["y1"]) if g.get("y1") else year if m1 <= m2 else year - 1
        return dt.date(first_year, m1, _day(g["d1"])), dt.date(year, m2, _day(g["d2"])), "day", True
    if kind in ("day_span", "month_day_span"):
        mo, d1, d2 = month_number(g["m"]), _day(g["d1"]), _day(g["d2"])
        if d2 <= d1:
            return None
        year = y or _year_for(mo, d2, published, future)
        return dt.date(year, mo, d1), dt.date(year, mo, d2), "day", True
    if kind == "year_span":
        y1, y2 = int(g["y1"]), g["y2"]
        y2i = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if y2i <= y1:
            return None
        return dt.date(y1, 1, 1), dt.date(y2i, 12, 31), "year", True
    if kind == "week_of_month":
        mo = month_number(g["m"])
        year = y or _year_for(mo, 1, published, future)
        last = calendar.monthrange(year, mo)[1]
        nth = ("first", "second", "third", "fourth").index(g["nth"]) if g["nth"] != "last" else -1
        day1 = last - 6 if nth < 0 else 1 + 7 * nth
        end = published if g.get("since") else dt.date(year, mo, day1 + 6)
        return dt.date(year, mo, day1), end, "week", True
    if kind == "day_of_month":
        mo = month_number(g["m"]) if g["m"] else (12 if g["nth"] == "last" else 1)
        year = int(g["year"]) if g["year"] else y or _year_for(mo, 1, published, future)
        that_day = month_end(year, mo) if g["nth"] == "last" else dt.date(year, mo, 1)
        return that_day, that_day, "day", True
    if kind == "holiday":
        mo, day_no = HOLIDAYS[re.sub(r"\W+", " ", g["hol"].lower())]
        d = dt.date(y or _year_for(mo, day_no, published, future), mo, day_no)
        return d, d, "day", True
    if kind == "nth_weekday":
        mo = month_number(g["m"])
        year = y or _year_for(mo, 1, published, future)
        weekday = list(calendar.day_name).index(g["wd"])
        if g["nth"] == "last":
            month_last = month_end(year, mo)
            that_day = month_last - dt.timedelta(days=(month_last.weekday() - weekday) % 7)
        else:
            month_first = dt.date(year, mo, 1)
            weeks = ("first", "second", "third", "fourth").index(g["nth"])
            that_day = month_first + dt.timedelta(
                days=(weekday - month_first.weekday()) % 7 + 7 * weeks
            )
        return that_day, that_day, "day", True
    if kind == "part_span":
        m1, m2 = month_number(g["m1"]), month_number(g["m2"])
        year = y or _year_for(m2, 1, published, future)
        y1 = int(g["y1"]) if g.get("y1") else (year if m1 <= m2 else year - 1)
        start = _part_span(g["p1"], y1, m1)[0] if g["p1"] else dt.date(y1, m1, 1)
        end = _part_span(g["p2"], year, m2)[1] if g["p2"] else month_end(year, m2)
        return start, end, "month", True
    if kind == "half_month":
        mo = month_number(g["m"])
        year = y or _year_for(mo, 1, published, future)
        first = g["half"] == "first"
        start = dt.date(year, mo, 1 if first else 16)
        return start, (dt.date(year, mo, 15) if first else month_end(year, mo)), "month", True
    if kind == "part_year":
        assert y is not None
        part = g["part"].split()[-2] if " of" in g["part"] else g["part"].lower()
        first, last = YEAR_PARTS[part]
        end = published if g.get("since") else month_end(y, last)
        return dt.date(y, first, 1), end, "year", True
    if kind == "decade":
        dec = int(g["dec"])
        first, last = DECADE_PARTS[(g.get("part") or "").lower()]
        end = published if g.get("since") else dt.date(dec + last, 12, 31)
        return dt.date(dec + first, 1, 1), end, "year", True
    if kind == "season":
        return _season(g, y, published, anchor_year)
    if kind in ("since_part", "part_month"):
        mo = month_number(g["m"])
        part = re.sub(r"\s+", " ", g["part"].lower())
        year = y or _year_for(mo, 1, published, future)
        start, end = _part_span(part, year, mo)
        return start, (published if kind == "since_part" else end), "month", True
    if kind == "month_pair":
        m1, m2 = month_number(g["m1"] or g["m1b"]), month_number(g["m2"])
        if g.get("y1"):  # "from May 2019 to March 2020"
            year = int(g["y1"])
            end_year = y or (year if m2 >= m1 else year + 1)
        elif y is not None:  # the year written last is the second month's
            end_year, year = y, y if m2 >= m1 else y - 1
        else:
            year = _year_for(m1, 1, published, future)
            end_year = year if m2 >= m1 else year + 1
        if end_year < year:
            return None
        return dt.date(year, m1, 1), month_end(end_year, m2), "month", True
    if kind == "since":
        mo = month_number(g["m"])
        day_txt = g.get("d") or g.get("d2")
        day = _day(day_txt) if day_txt else 1
        year = y or _year_for(mo, day, published)
        return dt.date(year, mo, day), published, "day" if day_txt else "month", True
    if kind in ("day_month", "month_day", "numeric", "iso"):
        mo = int(g["mn"]) if g.get("mn") else month_number(g["m"])
        day = _day(g["d"])
        year = y or _year_for(mo, day, published, future)
        d = dt.date(year, mo, day)  # ValueError for "31 June": not a date
        if y is None and not future:
            # dateparser picks the year from the publication date (the past preferred).
            d = parse_day(f"{day} {calendar.month_name[mo]}", published) or d
        return d, d, "day", True
    if kind == "weekday":
        wd = parse_day(g["wd"], published, future)
        if wd is None:
            return None
        # "since Sunday" runs from that Sunday to publication, as "since May" does.
        return wd, (published if m.group(0).lower().startswith("since") else wd), "day", True
    if kind == "day_of_year_told":
        mo = month_number(g["m"] or g["m2"])
        year = published.year - (g["which"].lower() == "last")
        d = dt.date(year, mo, _day(g["d"] or g["d2"]))  # ValueError for "31 June": not a date
        if d > published and not future:
            return None
        return d, d, "day", True
    if kind == "month_of_year_told":
        mo = month_number(g["m"])
        year = published.year - (g["which"].lower() == "last")
        start, end = dt.date(year, mo, 1), month_end(year, mo)
        if g.get("part"):
            start, end = _part_span(g["part"].lower(), year, mo)
        if start > published:
            return None
        return start, (published if g.get("since") else min(end, published)), "month", True
    if kind == "month_year":
        mo = month_number(g["m"])
        assert y is not None
        return dt.date(y, mo, 1), month_end(y, mo), "month", True
    if kind in ("last_month_name", "in_month"):
        mo = month_number(g["m"])
        year = _year_for(mo, 1, published, future and kind == "in_month")
        if (
            kind == "last_month_name"
            and m.group(0).lower().startswith("last")
            and (year == published.year and mo == published.month)
        ):
            year -= 1
        return dt.date(year, mo, 1), month_end(year, mo), "month", True
    if kind == "year":
        assert y is not None
        end = published if m.group(0).lower().startswith("since") else dt.date(y, 12, 31)
        return dt.date(y, 1, 1), end, "year", True
    if kind == "day_only":
        # "on the 23rd": that day of the publication month, else of the month before.
        day = _day(g["d"])
        d = published.replace(day=1)
        if day > published.day:
            d = (d - dt.timedelta(days=1)).replace(day=1)
        d = d.replace(day=day)  # ValueError for "the 31st" of a 30-day month: not a date
        return d, d, "day", True
    if kind == "rel_part_month":
        # "early this month", "late last month": a part of the publication month or the one
        # before, no later than publication.
        first = published.replace(day=1)
        if g["which"].lower() == "last":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        start, end = _part_span(re.sub(r"\s+", " ", g["part"].lower()), first.year, first.month)
        return start, min(end, published), "month", False
    return resolve_relative(kind, m, published, anchor, lookup)


def _season(
    g: dict[str, str | None], y: int | None, published: dt.date, that_year: int | None
) -> Resolved | None:
    """ "in the summer of 2019", "last winter", "that spring": the season's months."""
    name = str(g["season"]).lower()
    rel = (g.get("rel") or "").lower()
    if y is None and not rel and g.get("that") is None:
        return None  # "the Arab Spring": a name, not a time
    first, last = SEASONS[name]

    def span(year: int) -> tuple[dt.date, dt.date]:
        end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
        return dt.date(year, first, 1), month_end(end_year, end_month)

    if y is not None:
        year = y
    elif rel == "that" or g.get("that") is not None:
        if that_year is None:
            return None
        year = that_year
    else:
        # The latest such season begun by publication; "last summer" one that has ended.
        year = published.year
        while span(year)[0] > published or (rel == "last" and span(year)[1] >= published):
            year -= 1
    start, end = span(year)
    if rel == "since":
        end = published
    part = (g.get("part") or "").lower()
    if part == "early":
        end = min(end, month_end(start.year, start.month))
    elif part == "late":
        start = end.replace(day=1) if end != published else start
    return start, end, "month", True


def find_dates(text: str, published: dt.date) -> list[DateRef]:
    """Every date expression in `text`, in order, resolved against `published`."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            b, e = m.span()
            if any(b < te and tb < e for tb, te in taken):
                continue
            taken.append((b, e))
            found.append((b, e, kind, m))
    found.sort(key=lambda f: f[0])
    found = [f for i, f in enumerate(found) if not (i and _weekday_of_day(text, found[i - 1], f))]
    out: list[DateRef] = []
    anchor: tuple[dt.date, str] | None = None
    anchor_at = -1  # where the date the anchor came from was written
    # The last day or week dated: "in the same week" / "the week that followed" count from it.
    last: tuple[dt.date, dt.date, str] | None = None
    # The last date of any kind: "that December", "the same year" count from it.
    last_any: tuple[dt.date, dt.date, str] | None = None
    # The last date written out, or day told, that is not itself a span "since" something:
    # "since then" runs from its start.
    last_told: tuple[dt.date, dt.date, str] | None = None
    for b, e, kind, m in found:
        # the clause's own words: "X will serve as president; Y resigned on Sunday" is past
        clause_start = max(sentence_start(text, b), text.rfind(";", 0, b) + 1)
        future = _speaks_of_future(text, clause_start, b)
        lookup = mentions_before(text, b, out) if kind in ("rel_around", "rel_since_event") else {}
        named = apposition(text, b, out) if kind == "rel_around" else None
        ahead = _dated_in_phrase(text, m, found) if kind == "rel_around" else None
        resolved: Resolved | None
        try:
            if named is not None:
                resolved = counted_back(m, named)
            elif ahead is not None:
                # "on the eve of the landing on 15 September": the phrase dates the event
                written = _year_written_before(text, b, out)
                year = written[0].year if written else last_any[0].year if last_any else None
                day = _resolve(ahead[0], ahead[1], published, anchor, future, {}, year)
                resolved = counted_from(m, day[0]) if day else None
            elif kind in ("rel_same_week", "rel_week_after", "rel_following_week") and last:
                resolved = week_from(kind, last)
            elif kind == "rel_since_then" and last_told:
                # "drove them out in March 2016. Since then …": from the start of the last
                # date written out, whatever its precision, to publication
                resolved = last_told[0], published, last_told[2], False
            elif kind in FROM_LAST:
                by_year = kind not in ("rel_next_unit", "rel_same_month", "rel_following_month")
                base = _year_written_before(text, b, out) if by_year else None
                base = base or last_any
                resolved = from_last(m, kind, base) if base else None
            else:
                written = _year_written_before(text, b, out)
                year = written[0].year if written else last_any[0].year if last_any else None
                resolved = _resolve(kind, m, published, anchor, future, lookup, year)
        except ValueError:  # "31 June", "30 February": not a date
            continue
        if resolved is None:
            continue
        start, end, precision, explicit = resolved
        if kind == "rel_around" and end > published and not future:
            # "three weeks after his inauguration" found an event too late to be it: a
            # briefing reports the past, so the event is the last day told instead.
            if anchor is None or anchor[0] + dt.timedelta(days=days_after(m)) > published:
                continue
            start = end = anchor[0] + dt.timedelta(days=days_after(m))
        if kind in ("rel_same_day", "rel_that_month") and _since(m):
            end = published  # "since that morning", "since June of that year": to publication
        if kind in _DAY_NO_YEAR and not m.groupdict().get("y") and out:
            start, end = _in_month_just_named(text, out[-1], b, start, end)
        if _since(m) and end == published and precision == "day":
            # "said on Tuesday that 200,000 had crossed since the call-up" ends on Tuesday;
            # "said on 5 March that dozens had been held since 2017" is a span of years,
            # no more precise for ending on the day said: it runs to publication.
            told = reported_on(text, b, out)
            end = told if told is not None and told >= start else end
        restates = out[-1].begin if named is not None else -1
        out.append(DateRef(start, end, precision, m.group(0), b, e, explicit, restates))
        last_any = (start, end, precision)
        if (explicit or (precision == "day" and start == end)) and not _since(m):
            last_told = (start, end, precision)
        if _background(text, b, start, anchor, anchor_at):
            continue
        if precision == "day" and named is None and (start == end or _since(m)):
            # "Since 24 February …; the same day …": a span from a day starts on that day.
            anchor, anchor_at = (start, precision), b
        elif kind in ("rel_later", "rel_around") and named is None and start == end:
            # "A week later the bridge shut; the next day …": a count of weeks is a day
            # too, which the story's next count starts from
            anchor, anchor_at = (start, "day"), b
        elif precision == "day" and named is None and explicit and start < end:
            # "shut the posts from 15 to 21 February, and traffic was back the next day":
            # after a span of days written out, "the next day" and "three days later"
            # count from its last day.
            anchor, anchor_at = (end, precision), b
        # "Last week Kenyan units moved up, while Ugandan troops massed the same week": a
        # week told from publication is as plain a week to count from as one written out
        if named is None and (
            (precision == "day" and start == end)
            or (precision == "week" and (explicit or kind in ("rel_last_week", "rel_this_week")))
        ):
            last = (start, end, precision)
        elif named is None and precision == "day" and _since(m):
            # "Since 15 December troops have sealed the border. In the week that followed
            # …": the span's first day is the day just told, as for "the same day"
            last = (start, start, precision)
    return _without_restatements(text, out)


def _speaks_of_future(text: str, clause_start: int, pos: int) -> bool:
    """Whether the clause before the date at `pos` speaks of the future: a future word
    with no verb in the past tense between it and the date. "The row will matter soon,
    because the militia, who drove them out of Tarn in January, is back": January is
    dated by "drove", not by "will"."""
    ahead = [m.end() for m in _FUTURE.finditer(text, clause_start, pos)]
    if not ahead:
        return False
    return not _past_verb_in(text[clause_start:pos], ahead[-1] - clause_start)


@cache
def _past_verb_in(clause: str, after: int) -> bool:
    """A verb in the past tense ("drove", "was") in `clause` after offset `after`."""
    from borderwatch.ingest.nlp import parse  # only for the few clauses with a future word

    return any(t.tag_ == "VBD" and t.idx >= after for t in parse(clause))


_PHRASE_DAYS = ("day_month", "month_day", "numeric", "iso")

_APPOSED_WEEKDAY = re.compile(r"\s*(?:,|\()\s*(?:a\s+|[A-Z][a-z]+\s+)?")
"""What stands between a day and the weekday that names it again: "on 7 April, a Friday",
"on 9 May, Easter Sunday", "29 December 2008 (Monday)"."""


def _weekday_of_day(
    text: str, before: tuple[int, int, str, re.Match[str]], f: tuple[int, int, str, re.Match[str]]
) -> bool:
    """A weekday written right after a day, set off by a comma or a bracket, is that day's
    weekday, not another day: "landed on 7 April, Good Friday" is one date, 7 April."""
    return (
        f[2] == "weekday"
        and f[3].group(0) == f[3]["wd"]
        and before[2] in _PHRASE_DAYS
        and _APPOSED_WEEKDAY.fullmatch(text, before[1], f[0]) is not None
    )


def _dated_in_phrase(
    text: str, m: re.Match[str], found: list[tuple[int, int, str, re.Match[str]]]
) -> tuple[str, re.Match[str]] | None:
    """The day written inside the event phrase of "the eve of the landing on 15 September",
    "the day after the 6 June vote" (a few words on, no comma between): the event's own
    day, which the relative date counts from (not for a count of days or weeks, which
    mostly restates a day told before: "reopened two days later, five weeks after the
    flood of 2 May"). After a comma ("the eve of the vote, on 5
    March") the day restates the relative date instead (`_without_restatements`)."""
    if m["n"] is not None:
        return None  # "five weeks after the flood of 2 May" restates a day told before
    for b, _, kind, dm in found:
        if b < m.end():
            continue
        between = text[m.end() : b]
        if kind in _PHRASE_DAYS and re.fullmatch(r"(?:\s+[\w'’-]+){0,4}?\s+(?:on|of)?\s*", between):
            return kind, dm
        return None
    return None


def _since(m: re.Match[str]) -> bool:
    return m.group(0).lower().startswith(("since", "ever since"))


def _background(
    text: str, pos: int, start: dt.date, anchor: tuple[dt.date, str] | None, anchor_at: int
) -> bool:
    """A date that goes back before the day its own sentence has already told is the
    background of that day ("Two days later flights left, after the earthquake of 14
    August"), not where the story's next "the same weekend" counts from."""
    return anchor is not None and start < anchor[0] and anchor_at >= sentence_start(text, pos)


def _without_restatements(text: str, dates: list[DateRef]) -> list[DateRef]:
    """Drops a relative date that the explicit date right after it restates: "a week before
    the vote, on 5 March" is one date, 5 March, as the keys count it."""
    out: list[DateRef] = []
    for i, d in enumerate(dates):
        after = dates[i + 1] if i + 1 < len(dates) else None
        if (
            after is not None
            and not d.explicit
            and after.explicit
            and re.fullmatch(r"\s*,\s*(?:on\s+)?", text[d.stop : after.begin])
        ):
            continue
        out.append(d)
    return out


_DAY_NO_YEAR = ("day_month", "month_day", "day_span", "month_day_span", "day_month_span")


def _in_month_just_named(
    text: str, before: DateRef, pos: int, start: dt.date, end: dt.date
) -> tuple[dt.date, dt.date]:
    """ "The worst came in February 2019 … on 23 February": a day without a year inside the
    month the paragraph has just named is in that month's year, not the latest one. So is
    one in the month of the day just told ("on 11 December 1956 … On 30 December"): a
    story told years later goes on in the year it has given, not the year of publication."""
    if (
        before.precision not in ("month", "day")
        or (before.start.year, before.start.month) != (before.end.year, before.end.month)
        or before.start.month != start.month
        or before.start.year == start.year
        or "\n\n" in text[before.stop : pos]
    ):
        return start, end
    shift = before.start.year - start.year
    return start.replace(year=start.year + shift), end.replace(year=end.year + shift)


_WRITTEN_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _year_written_before(
    text: str, pos: int, dates: list[DateRef]
) -> tuple[dt.date, dt.date, str] | None:
    """The year last written before `pos` when no date read since names a later place in
    the text: "memories of 1988 … wrecked that December" is December 1988."""
    years = list(_WRITTEN_YEAR.finditer(text, 0, pos))
    if not years or (dates and dates[-1].begin > years[-1].start()):
        return None
    y = int(years[-1].group(0))
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
