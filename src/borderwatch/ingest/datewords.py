"""The words and the record every date reading shares: month names, numbers in
words, and a resolved date expression (`DateRef`)."""

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
