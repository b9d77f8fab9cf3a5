"""The words and the record every date reading shares: month names, numbers in
words, the days and months that parts of a month or year, seasons and holidays name,
and a resolved date expression (`DateRef`)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(calendar.month_abbr) if name},
    **{name.lower(): i for i, name in enumerate(calendar.month_name) if name},
    "sept": 9,
}
"""Month names and three-letter abbreviations ('sept' too) -> month number."""

NUMBERS: dict[str, int] = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
}


# Parts of a month: "early July" is 1-10 July, "mid-July" 11-20, "late July" 21-end.
PART_DAYS: dict[str, tuple[int, int]] = {
    "early": (1, 10),
    "start": (1, 10),
    "beginning": (1, 10),
    "mid": (11, 20),
    "middle": (11, 20),
    "late": (21, 31),
    "end": (21, 31),
}


HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "new year s eve": (12, 31),
    "new year s day": (1, 1),
}
"""Days named by a holiday: (month, day)."""

YEAR_PARTS: dict[str, tuple[int, int]] = {
    "early": (1, 4),
    "start": (1, 4),
    "beginning": (1, 4),
    "mid": (5, 8),
    "middle": (5, 8),
    "late": (9, 12),
    "end": (9, 12),
}
"""Thirds of a year, as "early / mid / late July" are thirds of a month: "early 2017" is
January-April 2017, "mid-2016" May-August, "late 2015" September-December."""

DECADE_PARTS: dict[str, tuple[int, int]] = {
    "": (0, 9),
    "early": (0, 3),
    "mid": (4, 6),
    "late": (7, 9),
}
"""Years of a decade: "the 1990s" are 1990-1999, "the late 1990s" 1997-1999."""

SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 14),
}
"""The months of each season (northern hemisphere, the region's): winter runs from
December into February of the next year."""


@dataclass(frozen=True)
class DateRef:
    """A date expression found in a text and the span it stands for."""

    start: dt.date
    end: dt.date
    precision: str
    """day / week / month / year, as in vocab.DATE_PRECISIONS."""
    text: str
    """The expression exactly as written."""
    begin: int
    stop: int
    """Character offsets of the expression in the text (text[begin:stop] == text)."""
    explicit: bool
    """True when the text names the date itself (not 'two days later', 'last week')."""
    restates: int = -1
    """Offset of the date this one counts back from ("on 24 February, ten days after
    shelling closed it" dates the closure from 24 February), else -1."""


def month_number(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


Resolved = tuple[dt.date, dt.date, str, bool]
"""(start, end, precision, explicit) of one date expression."""


def sentence_start(text: str, pos: int) -> int:
    cut = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    return cut + 1
