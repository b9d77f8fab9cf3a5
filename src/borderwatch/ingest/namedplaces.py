"""Places the words around a name say are places, whatever the model tagged them: a
crossing's name ("the Milak crossing"), both ends of a dashed pair ("the Polan–Gabd line"),
a name after a place word ("fled to Dogharoun"), and every later use of a name taken."""

from __future__ import annotations

import re
from typing import Any

from borderwatch.data.gazetteer import normalize
from borderwatch.ingest.bodies import titled_names, titled_person, vessel_names
from borderwatch.ingest.countries import countries_by_name
from borderwatch.ingest.placemention import PlaceMention
from borderwatch.ingest.placewords import (
    BODY_WORDS,
    COMPASS,
    DATE_WORD,
    LEADING_WORDS,
    LISTED_NAME,
    NAME,
    NOT_PLACES,
    PAIR_NAME,
    TITLES,
    UPPER,
    country_adjective,
    demonym,
    names_of,
    without_possessive,
)

_NAMED_CROSSING = re.compile(
    rf"(?<![\w’'-])(?P<name>[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+)?)\s+"
    r"(?:border\s+)?(?:crossing|checkpoint|crossing\s+point|border\s+post|post|gate)s?\b"
)


_FIRST_OF_TWO_CROSSINGS = re.compile(
    rf"(?<![\w’'-])(?P<name>[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+)?)\s+and\s+(?:the\s+)?"
    rf"[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+)?\s+(?:border\s+)?(?:crossings|checkpoints|border\s+posts)\b"
)


def named_crossings(text: str) -> list[PlaceMention]:
    """ "the Milak crossing", "the Karamyk checkpoint", both of "the Torkham and Chaman
    crossings": a crossing the text names, whatever the model tagged it (proposed
    without coordinates, as an entity is)."""
    out = []
    found = [*_NAMED_CROSSING.finditer(text), *_FIRST_OF_TWO_CROSSINGS.finditer(text)]
    for m in found:
        name, start = m.group("name"), m.start("name")
        kind = "crossing"
        if re.search(r"['’]s?$", name):
            # "fired on Dalkhan's posts": the place the posts belong to, not their name
            name, kind = re.sub(r"['’]s?$", "", name), "town"
        if name.split()[0] == "The" and " " in name:
            name, start = name.split(None, 1)[1], start + len(name) - len(name.split(None, 1)[1])
        key = normalize(name)
        if (
            key in NOT_PLACES
            or demonym(name)
            or key in countries_by_name()
            or country_adjective(key)
            or key.split()[-1] in BODY_WORDS
        ):
            continue  # "the Afghan crossing", "a Frontier Corps post": whose, not which
        out.append(PlaceMention(name, "", kind, name, start, start + len(name), "entity"))
    return out


_DASHED_PAIR = re.compile(
    rf"(?<![\w’'-])(?P<a>{PAIR_NAME})[ \t]?[–—][ \t]?(?P<b>{PAIR_NAME})(?![\w’'-])"
    r"(?P<route>\s+(?:[a-z]+\s+)?(?:crossings?|border|line|road|railway|rail|highway|routes?"
    r"|pipeline|corridor|bridge|link|checkpoint|motorway|canal|transmission)\b)?"
)
_BRACKETED = re.compile(
    rf"(?<![\w’'-])(?P<a>{PAIR_NAME})\s+\((?:also\s+(?:spelt|spelled|written|called|known\s+as)\s+)?"
    rf"(?P<b>{PAIR_NAME})(?P<whose>\s+(?:to|for|in)\s+(?:the\s+)?[\w ]{{1,25}})?\)"
)
_TO_A_PEOPLE = re.compile(rf"\s+(?:to|for)\s+(?:the\s+|most\s+|many\s+)?[{UPPER}]\w+s$")
"""The people who call a place by the bracket's name: "(Davit Gareji to most Georgians)"."""
"""Another name in brackets: "Taraz (Zhambyl)", "Chazabeh (also spelt Chazzabeh)",
"Vaalimaa (Torfyanovka to the Russians)"."""


def pairs_in(text: str) -> list[tuple[tuple[int, int], tuple[int, int], bool]]:
    """(first name's span, second name's span, named as a route's ends) of each dashed
    pair ("Polan–Gabd transmission line") and each "name (other name)"."""
    out = []
    for rx in (_DASHED_PAIR, _BRACKETED):
        for m in rx.finditer(text):
            a0, a1 = m.span("a")
            words = text[a0:a1].split()
            if len(words) > 1 and (words[0] in LEADING_WORDS or re.search(r"['’]s$", words[0])):
                a0 = a1 - len(words[-1])  # "the Polan–", "Iran's Mand–": the name is the last word
            # a place's other name among a people says both names are a place's
            whose = m.groupdict().get("whose")
            routed = bool(m.groupdict().get("route")) or bool(whose and _TO_A_PEOPLE.match(whose))
            out.append(((a0, a1), m.span("b"), routed))
    return out


_GOING = ("bound", "leave", "left", "leaving", "head", "headed", "heading", "departed", "fled")
_AFTER_PLACE_WORD = re.compile(
    # a sentence may begin with the word ("At Sugauli in 1816 …")
    r"\b(?P<word>(?i:at|near|in|into|(?<!according\s)(?<!due\s)to|from|via|through|over"
    r"|towards|outside|inside|opposite|around|between|beyond|along|past)"
    + "".join(rf"|(?<={w}\s)for" for w in _GOING)
    + r"|faces|facing|below|above)"
    rf"\s+(?:the\s+)?(?P<name>{NAME})"
    rf"(?P<more>(?:,\s+{NAME})*,?\s+(?:and|or)\s+{NAME})?"
)
"""A name after a place word, and the names coordinated with it ("near Angoor Adda,
Bajaur and Kurram"): a list closed by "and" / "or" names places of one kind."""
_TAKEN = re.compile(
    r"\b(?P<word>(?:re)?(?:took|captured|seized|stormed)|overran|(?i:the\s+)(?:fall|capture"
    r"|recapture|siege|surrender|evacuation|loss)\s+of|(?i:the\s+)(?:assault|attack|advance"
    r"|march|drive)\s+on)"
    rf"\s+(?:the\s+)?(?P<name>{NAME})"
    rf"(?P<more>(?:,\s+{NAME})*,?\s+(?:and|or)\s+{NAME})?"
    rf"|(?<![\w’'-])(?P<fallen>{NAME})\s+(?:had\s+|has\s+)?(?:fell|fallen)\b"
    # "fell on the post" is an attack; "fell on 10 December" a fall
    r"(?!\s+(?:on|upon)\s+(?!\d|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug"
    r"|Sep|Oct|Nov|Dec)))"
)
"""A name a force takes, whose fall or capture is told, or that an assault is on ("took
Anéfis", "overran Tumpo", "the fall of Baga", "the assault on Kidal", "Plevna fell"):
only a place can be taken or fall. Not one who "fell on" a post (an attack), nor a man's fall
from power ("the fall of Ben Ali"), nor a people taken ("took Europeans")."""
_POWER = re.compile(r"(?i:the\s+)(?:fall|surrender|loss)\s+of")
"""What a ruler's fall may be said with as well as a town's."""
_WHERE_WORDS = frozenset(
    {
        "near",
        "in",
        "around",
        "outside",
        "inside",
        "opposite",
        "towards",
        "beyond",
        "along",
        "through",
        "via",
        "for",
    }
)
"""Words after which only a place stands: a name the model calls an organisation is still a
place there ("traders in Ureña and Villa del Rosario", "freight through Vainikkala", "told to
leave for al-Mawasi": "for" only after a verb of going), but
not after "to", "from" or "at"
("according to Reuters", "officials at Gazprom")."""
_NOT_HERE = ("ORG", "NORP", "EVENT", "LAW")
_PEOPLE_AFTER = re.compile(
    r"(?:\s+(?:al|ul|el|bin|ibn)-?[\w’'-]*)*\s+(?:militants|fighters|forces|troops|guards"
    r"|officials|rebels|insurgents|police|soldiers|commanders|leaders?|members|supporters"
    r"|militias?|party|spokesman|spokeswoman|chief|government)\b"
)
"""After a name, people: "aiming at Jaish al-Adl militants" names who, not where."""


def named_by_preposition(text: str, doc: Any) -> list[PlaceMention]:
    """ "fled to Dogharoun", "at Korday": a name no list holds, where only a place can stand.

    Proposed without coordinates, as an entity is. Not a name the model calls an
    organisation, nationality or date, nor a nationality's adjective.
    """
    out = []
    found: list[tuple[str, int, int, bool]] = []
    first: set[int] = set()
    titled = titled_names(text)  # "President Johnson": "in Washington Johnson went" is two
    for m in _AFTER_PLACE_WORD.finditer(text):
        where = m.group("word").lower() in _WHERE_WORDS
        found += [(*without_possessive(n), where) for n in _before_a_title(names_of(m))]
        first.add(m.start("name"))
    taken: set[int] = set()
    ships = vessel_names(text)  # "patrol boats took the USS Pueblo": a ship, not a place
    for m in _TAKEN.finditer(text):
        names = (
            [(m.group("fallen"), m.start("fallen"), m.end("fallen"))]
            if m.group("fallen")
            else _before_a_title(names_of(m))
        )
        for n in names:
            name, start, end = without_possessive(n)
            span = doc.char_span(start, end, alignment_mode="expand")
            while span is not None and len(span) > 1 and span[0].pos_ != "PROPN":
                span = span[1:]  # "After Plevna fell": the name after the sentence's first word
                name, start = span.text, span.start_char
            # a proper name, not a sentence's first word named nowhere else ("Dusk fell")
            # nor a man the text gives a title ("the fall of Suharto" after "President Suharto")
            if (
                span is None
                or any(t.pos_ != "PROPN" or t.tag_ == "NNPS" for t in span)
                or (
                    _POWER.match(m.group("word") or "")
                    and len(span) > 1
                    and span.root.ent_type_ == "PERSON"
                )
                or {normalize(name), normalize(name.split()[-1])} & (titled | ships)
                or (span[0].is_sent_start and len(re.findall(rf"\b{re.escape(name)}\b", text)) < 2)
            ):
                continue
            found.append((name, start, end, False))
            taken.add(start)
    for name, start, end, where in found:
        owner = re.match(r"\S+['’]s\s+", name)
        if owner:
            # "opposite China's Ganqimaodu": the owner is a place of its own, the name after it
            name, start = name[owner.end() :], start + owner.end()
        if titled_person(name.split()):
            continue  # "fell to General Skobelev's column": to a man, not a place
        span = doc.char_span(start, end, alignment_mode="expand")
        person = next((t for t in list(span or ())[1:] if normalize(t.text) in titled), None)
        if person is not None:
            # "Late that evening in Washington Johnson went on television": the man, after it
            name = text[start : person.idx].rstrip()
            end = start + len(name)
            span = doc.char_span(start, end, alignment_mode="expand")
        not_here = ("NORP", "EVENT", "LAW") if where and not name.isupper() else _NOT_HERE
        if start in taken:
            not_here = ("ORG", "EVENT", "LAW")  # the model calls many a town taken a people
        if span is None or any(
            t.ent_type_ in not_here
            and not (t.ent_type_ == "NORP" and start in first and _named_not_described(span))
            for t in span
        ):
            continue
        if _PEOPLE_AFTER.match(text, end):
            continue
        if _names_no_place(name):
            continue
        out.append(PlaceMention(name, "", "town", name, start, end, "entity"))
    return out


def _named_not_described(span: Any) -> bool:
    """ "sail from Odesa", "to Alican in Iğdır province": a proper noun the model calls a
    people, standing as a name and not describing a noun after it ("from Russian
    defence ministers", "in Soviet times") nor a people in the plural ("to Kurds"), is the
    place the word before says; only right after the word ("between Israel and Hezbollah"
    joins a group to a country)."""
    return (
        all(t.pos_ == "PROPN" and t.tag_ != "NNPS" for t in span)  # not "to Kurds"
        and span.root.dep_ != "amod"
    )


def _before_a_title(names: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The names of a list up to one with a title: "at Sochi, Presidents Erdoğan and Putin"
    names one place and two people."""
    for i, (name, _, _) in enumerate(names):
        if any(w in TITLES for w in normalize(name).split()):
            return names[:i]
    return names


def every_occurrence(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """Once a name is taken for a place, each of its uses is ("On Friday Torkham reopened")."""
    out = list(found)
    for name in {m.text: m for m in found}.values():
        for occ in re.finditer(rf"(?<![\w-]){re.escape(name.text)}(?![\w-])", text):
            if not any(m.start == occ.start() for m in found):
                out.append(
                    PlaceMention(
                        name.name,
                        name.country,
                        name.kind,
                        occ.group(0),
                        occ.start(),
                        occ.end(),
                        "entity",
                    )
                )
    return out


_ASIDE = r"(?:[ \t]*\([^()\n]{1,60}\))?"
_SERIES = re.compile(
    rf"(?<![\w’'-])(?P<first>{NAME}){_ASIDE}(?P<more>(?:,[ \t]+{NAME}{_ASIDE})*,?[ \t]+"
    rf"(?:and|or)[ \t]+{NAME}){_ASIDE}"
)
"""A series of names closed by "and" / "or", each name perhaps followed by an aside in
brackets: "Vaalimaa (Torfyanovka to the Russians), Nuijamaa, Imatra and Niirala"."""
_OPEN_SERIES = re.compile(
    rf"(?<![\w’'-])(?P<first>{NAME}){_ASIDE}(?P<more>(?:,[ \t]+{NAME}{_ASIDE})+),?[ \t]+"
    r"and[ \t]+(?:the[ \t]+|many[ \t]+|several[ \t]+)?other[ \t]+[a-z]"
)
"""A series of names left open by "and other …": "struck Kyiv, Lviv, Dnipro and other
cities", "shut Karni, Sufa and the other crossings"."""


def series_names(text: str) -> list[list[tuple[str, int, int]]]:
    """The names of each series in `text`, as (name, start, end), brackets left out."""
    out = []
    for m in [*_SERIES.finditer(text), *_OPEN_SERIES.finditer(text)]:
        names = [(m.group("first"), m.start("first"), m.end("first"))]
        more, base = m.group("more"), m.start("more")
        unbracketed = re.sub(r"\([^()\n]*\)", lambda b: " " * len(b.group(0)), more)
        names += [
            (n.group(0), base + n.start(), base + n.end())
            for n in LISTED_NAME.finditer(unbracketed)
        ]
        out.append([without_possessive(n) for n in names])
    return out


def listed_with_places(text: str, doc: Any, found: list[PlaceMention]) -> list[PlaceMention]:
    """ "Vaalimaa, Nuijamaa, Imatra and Niirala" where Niirala is a place: the names listed
    in one series with a place (not a country: "Russia, Belarus and Wagner" mixes kinds)
    are places of its kind. Not a name that says whose or what (a nationality, a month,
    a body, an acronym), nor one after a title ("Presidents Erdoğan and Putin")."""
    spans: dict[tuple[int, int], list[PlaceMention]] = {}
    for m in found:
        spans.setdefault((m.start, m.end), []).append(m)
    out = []
    for names in map(_before_a_title, series_names(text)):
        anchors = [
            spans[(s, e)][0]
            for _, s, e in names
            if (s, e) in spans and all(m.kind != "country" for m in spans[(s, e)])
        ]
        if not anchors:
            continue
        for name, start, end in names:
            if (start, end) in spans or any(m.start < end and start < m.end for m in found):
                continue
            words = name.split()
            key = normalize(name)
            if (
                name.isupper()
                or not key
                or any(w in NOT_PLACES for w in key.split())
                or key.split()[-1] in BODY_WORDS
                or DATE_WORD.search(name)
                or demonym(name)
                or country_adjective(key.split()[0])
                or key.split()[0] in COMPASS
                or words[0] in LEADING_WORDS
            ):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or any(t.ent_type_ in ("NORP", "DATE", "EVENT", "LAW") for t in span):
                continue
            out.append(PlaceMention(name, "", anchors[0].kind, name, start, end, "entity"))
    return out


_LOCATED = re.compile(
    rf"(?<![\w’'-])(?P<name>{NAME}),[ \t]+"
    r"(?:(?:far|further|just|up|down|north|south|east|west|deep|high)[ \t]+){0,2}"
    r"(?:in|near|facing|opposite|on|outside|across[ \t]+from)[ \t]+(?:the[ \t]+)?"
    rf"(?P<where>[{UPPER}][\w’'-]+)"
)


def located_names(text: str) -> list[PlaceMention]:
    """ "Raja-Jooseppi, far up in Lapland", "Shiveekhüren, facing Ceke", "Bhimber, on the
    Pakistani side": a name followed by an aside that says where it lies is a place (not a
    month or a time: "March, in Baghdad", "Then, on Thursday")."""
    out = []
    for m in _LOCATED.finditer(text):
        name, start, end = without_possessive((m.group("name"), m.start("name"), m.end("name")))
        words = name.split()
        if words[0] in LEADING_WORDS and len(words) > 1:
            name, start = " ".join(words[1:]), start + len(words[0]) + 1
        if (
            name.isupper()
            or _names_no_place(name)
            or DATE_WORD.search(m.group("where"))
            or normalize(name) in countries_by_name()
        ):
            continue
        out.append(PlaceMention(name, "", "town", name, start, end, "entity"))
    return out


_NAMED_EVENT = re.compile(
    rf"\b[Tt]he\s+(?P<name>{NAME})\s+(?:war|earthquake|conflict|floods?|offensive|uprising"
    r"|massacre|siege|blockade)\b"
)


def named_by_event(text: str) -> list[PlaceMention]:
    """ "the Karabakh war", "the Spitak earthquake": an event named after where it happened
    names that place (not a nationality's: "the Afghan war")."""
    out = []
    for m in _NAMED_EVENT.finditer(text):
        name, start, end = without_possessive((m.group("name"), m.start("name"), m.end("name")))
        if name.isupper() or _names_no_place(name):
            continue
        out.append(PlaceMention(name, "", "region", name, start, end, "entity"))
    return out


def _names_no_place(name: str) -> bool:
    """A word no place has, a body's or a date's word, a people, a country's adjective or a
    compass point: what a capitalised phrase is when it is no place."""
    key = normalize(name)
    return (
        any(w in NOT_PLACES for w in key.split())
        or key.split()[-1] in BODY_WORDS
        or bool(DATE_WORD.search(name))
        or demonym(name)
        or country_adjective(key.split()[0])
        or key.split()[0] in COMPASS
    )
