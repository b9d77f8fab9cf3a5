"""Relative dates and their anchors.

"the next day", "two days later", "the same week" count from the last day the text
told; "that December", "the following year" from the last date or year it gave;
"the day before Kabul fell", "two days after the ceasefire", "since the call-up" from
the day of the earlier sentence that names that event; "yesterday", "last week",
"over the weekend" from the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from borderwatch.ingest.datewords import (
    NUMBERS,
    PART_DAYS,
    DateRef,
    Resolved,
    month_end,
    month_number,
    sentence_start,
)


def resolve_relative(
    kind: str,
    m: re.Match[str],
    published: dt.date,
    anchor: tuple[dt.date, str] | None,
    lookup: dict[str, tuple[dt.date, str]],
) -> Resolved | None:
    """(start, end, precision, explicit) of a relative date (its kind starts "rel_"),
    or None where what it counts from is unknown."""
    g = m.groupdict()
    if kind == "rel_weekend":
        # The last Saturday and Sunday before publication (a Sunday's own weekend is past too).
        sunday = published - dt.timedelta(days=(published.weekday() + 1) % 7 or 7)
        if published.weekday() == 6:
            sunday = published
        return sunday - dt.timedelta(days=1), sunday, "day", False
    if kind == "rel_around":
        # An event not found is taken to be the last day told only when the date comes
        # after it: "a week before the summit" may name a summit the text dates later.
        # ("eve" as a word: "eleven days after" and "seven days after" count forward too)
        counts_forward = (g.get("dir") or "after").lower() == "after" and not re.search(
            r"\beve\b", m[0], re.I
        )
        base = _event_named(lookup, m) or (anchor if counts_forward else None)
        if base is None:
            return None
        days = days_after(m)
        d = base[0] + dt.timedelta(days=days)
        return d, d, "week" if _in_weeks(g.get("unit")) else "day", False
    if kind == "rel_since_event":
        # "since the call-up": from the day of the call-up (or of the mobilisation the
        # text dated before it, an event of the same type) to publication.
        base = _event_named(lookup, m)
        if base is None:
            return None
        return base[0], published, "day", False
    if kind.startswith("rel_") and kind in _ANCHORED:
        if anchor is None:
            return None
        return _ANCHORED[kind](m, anchor, published)
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


def from_last(m: re.Match[str], kind: str, last: tuple[dt.date, dt.date, str]) -> Resolved | None:
    """ "that December", "the same year", "the following month", "two years later": counted
    from the last date the text gave, whatever its precision; "later that month" from the
    last one that named a month or a day; "the following March" is the first March after
    the end of the last date."""
    start, end, precision = last
    g = m.groupdict()
    if kind == "rel_same_month":
        if precision == "year":
            return None
        first, last_day = dt.date(start.year, start.month, 1), month_end(start.year, start.month)
        if g.get("part"):  # "late that month", "the end of the same month"
            words = g["part"].lower().split()
            lo, hi = PART_DAYS[words[-2] if words[-1] == "of" else words[0]]
            first, last_day = first.replace(day=lo), last_day.replace(day=min(hi, last_day.day))
        return first, last_day, "month", False
    if kind == "rel_that_month":
        mo = month_number(g["m"])
        return dt.date(start.year, mo, 1), month_end(start.year, mo), "month", False
    if kind == "rel_following_month":
        mo = month_number(g["m"])
        year = end.year if mo > end.month else end.year + 1
        return dt.date(year, mo, 1), month_end(year, mo), "month", False
    if kind == "rel_that_year":
        return dt.date(start.year, 1, 1), dt.date(start.year, 12, 31), "year", False
    unit = (g.get("unit1") or g.get("unit2") or "").lower().rstrip("s")
    n = 1 if g.get("unit1") else NUMBERS.get(str(g["n"]).lower()) or int(str(g["n"]))
    if (g.get("dir") or "").lower() == "earlier":
        n = -n
    if unit == "year":
        year = start.year + n
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", False
    index = start.year * 12 + start.month - 1 + n
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1), month_end(year, month + 1), "month", False


FROM_LAST = (
    "rel_that_month",
    "rel_same_month",
    "rel_that_year",
    "rel_next_unit",
    "rel_following_month",
)


def _later(m: re.Match[str], anchor: tuple[dt.date, str], _: dt.date) -> Resolved:
    n = NUMBERS.get(m["n"].lower()) or int(m["n"])
    days = n * _unit_days(m["unit"])
    if m["dir"].lower() in ("earlier", "before"):
        days = -days
    d = anchor[0] + dt.timedelta(days=days)
    # "nine days later" is a day, as the story's next "eleven days after that" counts from
    # it; "a week later" a week
    return d, d, "week" if _in_weeks(m["unit"]) else "day", False


def _unit_days(unit: str | None) -> int:
    """Days in one unit a count is written in: "days" / "nights" 1, "weeks" 7, "a
    fortnight" 14."""
    unit = (unit or "").lower()
    return 14 if unit.startswith("fortnight") else 7 if unit.startswith("week") else 1


def _in_weeks(unit: str | None) -> bool:
    return _unit_days(unit) >= 7


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _weekend_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Saturday and Sunday of the week (Monday to Sunday) that holds `day`."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


_ANCHORED = {
    "rel_later": _later,
    "rel_next_day": lambda m, a, p: (a[0] + dt.timedelta(days=1),) * 2 + ("day", False),
    "rel_previous_day": lambda m, a, p: (a[0] - dt.timedelta(days=1),) * 2 + ("day", False),
    "rel_same_day": lambda m, a, p: (a[0], a[0], "day", False),
    "rel_same_week": lambda m, a, p: (*_week_of(a[0]), "week", False),
    "rel_same_weekend": lambda m, a, p: (*_weekend_of(a[0]), "day", False),
    "rel_since_then": lambda m, a, p: (a[0], p, a[1], False),
}


def week_from(kind: str, last: tuple[dt.date, dt.date, str]) -> Resolved:
    start, end, precision = last
    if kind == "rel_week_after" or (kind == "rel_following_week" and precision == "week"):
        return end + dt.timedelta(days=1), end + dt.timedelta(days=7), "week", False
    if kind == "rel_following_week":  # "the following week": Monday to Sunday after that day's
        monday = _week_of(start)[0] + dt.timedelta(days=7)
        return monday, monday + dt.timedelta(days=6), "week", False
    if precision == "week":  # "in the last week of September … in the same week"
        return start, end, "week", False
    return (*_week_of(start), "week", False)


def reported_on(text: str, pos: int, dates: list[DateRef]) -> dt.date | None:
    """The day a "since ..." is told on: "officials reported on Tuesday that 200,000 had
    entered since the call-up" counts to Tuesday, not to publication."""
    s0 = max(sentence_start(text, pos), text.rfind(";", 0, pos) + 1)
    told = [d for d in dates if s0 <= d.begin < pos and d.precision == "day" and d.start == d.end]
    if not told or not _REPORTING.search(text, s0, pos):
        return None
    return told[-1].start


_REPORTING = re.compile(
    r"\b(?:said|says|reported|told|announced|stated|claimed|estimated|confirmed)\b", re.I
)


def apposition(text: str, pos: int, dates: list[DateRef]) -> dt.date | None:
    """The day just before "..., ten days after shelling closed it" that the clause restates.

    "reopened on 24 February, ten days after shelling closed it": the relative
    clause describes 24 February, so what it names (the closure) is ten days
    *before*; it is not where the story's next "the following day" counts from.
    """
    if not dates:
        return None
    last = dates[-1]
    between = text[last.stop : pos]
    if (
        last.start != last.end
        or last.precision != "day"
        or not re.fullmatch(r"\s*[,–—-]\s*", between)
    ):
        return None
    return last.start


def days_after(m: re.Match[str]) -> int:
    """Days from the event named to the date: "two days after" +2, "three weeks after"
    +21, "the eve of" -1, "the day the talks opened" 0."""
    if m.groupdict().get("on"):
        return 0
    n = 1 if m["n"] is None else NUMBERS.get(m["n"].lower()) or int(m["n"])
    n *= _unit_days(m["unit"])
    return n if (m["dir"] or "").lower() == "after" else -n


IRREGULAR_PAST: dict[str, str] = {
    "fought": "fight",
    "fled": "flee",
    "struck": "strike",
    "shot": "shoot",
    "began": "begin",
    "broke": "break",
    "met": "meet",
    "held": "hold",
    "sent": "send",
    "left": "leave",
    "won": "win",
    "lost": "lose",
    "overran": "overrun",
    "withdrew": "withdraw",
}
"""Past forms of irregular verbs -> the form the event-word cues know ("fought" is a
clash as "fight" is); the spaCy pipeline runs without its lemmatizer."""

_ORDINALS = ("first", "earliest", "second", "third", "last", "latest")

FIRST = "first "
"""In `mentions_before`'s answer, a word after this prefix maps to the earliest day its
dated sentences or those of an event of its type gave (the plain word to its nearest
sentence's): "the first attack" is the earliest attack."""

_EVENT_PHRASE_WORDS = 6
"""How many words after "two days after" / "the day" name the event counted from."""


def _event_named(
    lookup: dict[str, tuple[dt.date, str]], m: re.Match[str]
) -> tuple[dt.date, str] | None:
    """The day of the event that "two days after the clash", "the day the southern crossings
    shut" or "eleven days after the city fell" names: the first word of the phrase (up to
    the clause's end) that an earlier dated sentence used, as written or in another form
    ("the listing" / "listed"), or that names an event of a type dated before ("fell" /
    "took"). An ordinal only says which one: "the first attack" is the earliest dated."""
    if m["ref"] is None:
        return None  # "the eve of the 6 June landing": dated by its own phrase
    rest = m.string[m.start("ref") :]
    phrase = re.split(r"[,.;:!?()\n]", rest, maxsplit=1)[0]
    words = re.findall(r"[A-Za-z][\w-]+", phrase)[:_EVENT_PHRASE_WORDS]
    words = [w.lower() for w in words if w.lower() not in ("the", "his", "her", "its", "their")]
    if words and words[0] in ("first", "earliest"):
        # "a week after the first attack": the earliest attack dated, not the latest
        lookup = {w[len(FIRST) :]: d for w, d in lookup.items() if w.startswith(FIRST)}
    for word in words:
        if word in _ORDINALS:
            continue  # "the first", "the second": which one, not what happened
        found = _named(lookup, word)
        if found is not None:
            return found
    return None


def counted_from(m: re.Match[str], event: dt.date) -> Resolved:
    """ "the eve of the landing on 15 September": the day `m` counts from the event's."""
    d = event + dt.timedelta(days=days_after(m))
    return d, d, "week" if _in_weeks(m["unit"]) else "day", False


def counted_back(m: re.Match[str], named: dt.date) -> Resolved:
    d = named - dt.timedelta(days=days_after(m))
    return d, d, "day", False


def _named(lookup: dict[str, tuple[dt.date, str]], ref: str) -> tuple[dt.date, str] | None:
    """The day of the event `ref` names, also when it was dated in another form ("voted"
    for "vote", "listed" for "listing")."""
    if ref in lookup:
        return lookup[ref]
    forms = [w for w in lookup if w.startswith(ref) and len(w) - len(ref) <= 2]
    forms = forms or [w for w in lookup if len(ref) >= 5 and _stem(w) == _stem(ref)]
    return lookup[forms[-1]] if forms else None


def _stem(word: str) -> str:
    """A word less an ending of its forms: "listing", "listed", "lists" -> "list"."""
    for ending in ("ation", "ing", "ion", "ed", "es", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            # a plural of a verbal noun too: "landings" -> "landing" -> "land"
            return _stem(word[: -len(ending)]) if ending in ("es", "s") else word[: -len(ending)]
    return word


_REFERS_BACK = re.compile(r"\b(?:before|after|since|eve\s+of)\s+(?:the\s+)?$", re.I)


def _comma_between(text: str, d: DateRef, w: re.Match[str]) -> bool:
    a, b = (d.stop, w.start()) if d.stop <= w.start() else (w.end(), d.begin)
    return "," in text[a:b]


def mentions_before(text: str, pos: int, dates: list[DateRef]) -> dict[str, tuple[dt.date, str]]:
    """word -> the day of the nearest single-day date in the sentence where the word was used.

    "two days after the ceasefire" counts from the sentence that dated the ceasefire.
    A word of an event type ("call-up") also stands for the last word of that type
    dated before ("announced a partial mobilisation on 21 September"). Under `FIRST` +
    word, the earliest such day: "the first attack" is the earliest attack dated.
    """
    from borderwatch.ingest.eventtype import cue_of

    out: dict[str, tuple[dt.date, str]] = {}
    by_type: dict[str, tuple[dt.date, str]] = {}
    first: dict[str, tuple[dt.date, str]] = {}  # the same, from each word's earliest use
    first_of_type: dict[str, tuple[dt.date, str]] = {}
    days = [d for d in dates if d.precision == "day" and d.start == d.end and d.stop <= pos]
    if not days:
        return out
    for w in re.finditer(r"[A-Za-z][\w-]{3,}", text[:pos]):
        if _REFERS_BACK.search(text, max(0, w.start() - 20), w.start()):
            continue  # "a week before the vote, on 18 September" does not date the vote
        # The sentence ends at a full stop or a line's end (a heading is one of its own);
        # a semicolon starts another clause, whose date is not this word's ("met on 6 June
        # and agreed ...; the fight broke out as ..." does not date the fight).
        s0 = max(sentence_start(text, w.start()), text.rfind(";", 0, w.start()) + 1)
        ends = [
            i
            for i in (text.find(". ", w.end()), text.find("\n", w.end()), text.find(";", w.end()))
            if i >= 0
        ]
        s1 = min([*ends, pos])
        near = [d for d in days if s0 <= d.begin < s1]
        if near:
            # the date of the word's own clause first: "moved up on 28 August, and a
            # firefight followed the next day" dates the firefight by "the next day"
            best = min(near, key=lambda d: (_comma_between(text, d, w), abs(d.begin - w.start())))
            day = (best.start, best.precision)
            out[w.group(0).lower()] = day
            first[w.group(0).lower()] = min(first.get(w.group(0).lower(), day), day)
            etype = cue_of(w.group(0)) or cue_of(IRREGULAR_PAST.get(w.group(0).lower(), ""))
            if etype and etype != "statement":
                by_type[etype] = (best.start, best.precision)
                first_of_type[etype] = min(first_of_type.get(etype, day), day)
    for w in re.finditer(r"[A-Za-z][\w-]{3,}", text[pos : pos + 80]):
        word = w.group(0).lower()
        # the word's own form dated before ("attacked" for "the attack") beats the last
        # event of its type
        if _named(out, word) is None and by_type.get(cue_of(word)):
            out[word] = by_type[cue_of(word)]
        # "the first attack" is the earliest dated of its form and of its type
        if first_of_type.get(cue_of(word)):
            own = _named(first, word)
            first[word] = (
                min(own, first_of_type[cue_of(word)]) if own else first_of_type[cue_of(word)]
            )
    return out | {FIRST + w: d for w, d in first.items()}
