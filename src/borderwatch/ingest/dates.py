"""Date expressions in briefing text, resolved against the publication date.

A briefing says "on July 9", "two days later", "since May", "in August and
September" or "last week"; each becomes a span [start, end] with a precision
(day / week / month / year), so that an event known only as "in August" spans
the month. A date without a year is the latest such date not after publication
(briefings report the past); "N days later" counts from the last explicit day
mentioned before it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
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
}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_NUM = r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)"

# Order matters: earlier patterns win where matches overlap.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rx, re.IGNORECASE if kind.startswith("rel") else 0))
    for kind, rx in (
        (
            "month_pair",
            rf"\b(?:in|during|between|from)\s+(?P<m1>{_MONTH})\s+(?:and|to|-|–)\s+"
            rf"(?P<m2>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            "since",
            rf"\b[Ss]ince\s+(?:(?P<d>{_DAY})\s+)?(?P<m>{_MONTH})(?:\s+(?P<d2>{_DAY})(?!\d))?"
            rf"(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            "day_month",
            rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        ("month_day", rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?!\d)(?:,?\s+(?P<y>{_YEAR}))?"),
        ("numeric", r"\b(?P<d>[0-3]?\d)[./-](?P<mn>[01]?\d)[./-](?P<y>(?:19|20)\d\d)\b"),
        ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>[01]\d)-(?P<d>[0-3]\d)\b"),
        ("month_year", rf"\b(?:(?:early|mid|late)[\s-]+)?(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b"),
        ("last_month_name", rf"\b(?:[Ll]ast|[Tt]his|[Pp]ast)\s+(?P<m>{_MONTH})\b"),
        (
            "in_month",
            r"\b(?:[Ii]n|[Dd]uring|[Oo]f|[Bb]y|[Uu]ntil|[Ff]rom|[Ee]arly|[Ll]ate|[Mm]id-?)\s+"
            rf"(?:(?:early|mid|late)[\s-]+)?(?P<m>{_MONTH})\b(?!\s+\d)",
        ),
        ("rel_later", rf"\b(?P<n>{_NUM})\s+(?P<unit>days?|weeks?)\s+later\b"),
        ("rel_next_day", r"\b(?:the\s+)?(?:next|following)\s+day\b"),
        ("rel_yesterday", r"\byesterday\b"),
        ("rel_today", r"\btoday\b"),
        ("rel_last_week", r"\b(?:last|past)\s+week\b"),
        ("rel_this_week", r"\bthis\s+week\b"),
        ("rel_last_month", r"\blast\s+month\b"),
        ("rel_this_month", r"\bthis\s+month\b"),
        ("rel_last_year", r"\blast\s+year\b"),
        ("rel_this_year", r"\bthis\s+year\b"),
        ("year", rf"\b(?:[Ii]n|[Ss]ince|[Dd]uring)\s+(?P<y>{_YEAR})\b(?!\s*[-–]\d)"),
    )
)


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


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_for(month: int, day: int, published: dt.date) -> int:
    """The year that puts month/day at or before publication (at most a year earlier)."""
    year = published.year
    try:
        if dt.date(year, month, day) > published:
            year -= 1
    except ValueError:  # 29 February
        pass
    return year


def _resolve(kind: str, m: re.Match[str], published: dt.date, anchor: dt.date | None):
    """(start, end, precision, explicit) for one match, or None if it is not a real date."""
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else None
    if kind == "month_pair":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        year = y or _year_for(m1, 1, published)
        end_year = year if m2 >= m1 else year + 1
        return dt.date(year, m1, 1), _month_end(end_year, m2), "month", True
    if kind == "since":
        mo = _month(g["m"])
        day_txt = g.get("d") or g.get("d2")
        day = int(re.sub(r"\D", "", day_txt)) if day_txt else 1
        year = y or _year_for(mo, day, published)
        return dt.date(year, mo, day), published, "day" if day_txt else "month", True
    if kind in ("day_month", "month_day", "numeric", "iso"):
        mo = int(g["mn"]) if g.get("mn") else _month(g["m"])
        day = int(re.sub(r"\D", "", g["d"]))
        year = y or _year_for(mo, day, published)
        d = dt.date(year, mo, day)
        return d, d, "day", True
    if kind == "month_year":
        mo = _month(g["m"])
        return dt.date(y, mo, 1), _month_end(y, mo), "month", True
    if kind in ("last_month_name", "in_month"):
        mo = _month(g["m"])
        year = _year_for(mo, 1, published)
        if (
            kind == "last_month_name"
            and m.group(0).lower().startswith("last")
            and (year == published.year and mo == published.month)
        ):
            year -= 1
        return dt.date(year, mo, 1), _month_end(year, mo), "month", True
    if kind == "year":
        end = published if m.group(0).lower().startswith("since") else dt.date(y, 12, 31)
        return dt.date(y, 1, 1), end, "year", True
    if kind == "rel_later":
        if anchor is None:
            return None
        n = NUMBERS.get(g["n"].lower()) or int(g["n"])
        days = n * (7 if g["unit"].lower().startswith("week") else 1)
        d = anchor + dt.timedelta(days=days)
        return d, d, "day" if days < 7 else "week", False
    if kind == "rel_next_day":
        if anchor is None:
            return None
        d = anchor + dt.timedelta(days=1)
        return d, d, "day", False
    p = published
    monday = p - dt.timedelta(days=p.weekday())
    first = p.replace(day=1)
    prev_month_end = first - dt.timedelta(days=1)
    return {
        "rel_yesterday": (p - dt.timedelta(days=1), p - dt.timedelta(days=1), "day", False),
        "rel_today": (p, p, "day", False),
        "rel_last_week": (
            monday - dt.timedelta(days=7),
            monday - dt.timedelta(days=1),
            "week",
            False,
        ),
        "rel_this_week": (monday, p, "week", False),
        "rel_last_month": (prev_month_end.replace(day=1), prev_month_end, "month", False),
        "rel_this_month": (first, p, "month", False),
        "rel_last_year": (dt.date(p.year - 1, 1, 1), dt.date(p.year - 1, 12, 31), "year", False),
        "rel_this_year": (dt.date(p.year, 1, 1), p, "year", False),
    }[kind]


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
    out: list[DateRef] = []
    anchor: dt.date | None = None
    for b, e, kind, m in found:
        try:
            resolved = _resolve(kind, m, published, anchor)
        except ValueError:  # "31 June", "30 February": not a date
            continue
        if resolved is None:
            continue
        start, end, precision, explicit = resolved
        out.append(DateRef(start, end, precision, m.group(0), b, e, explicit))
        if precision == "day":
            anchor = start
    return out
