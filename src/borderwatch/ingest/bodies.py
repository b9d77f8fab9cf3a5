"""Names of people and bodies that hold a place's name ("President Dmitry Medvedev", "the
Shanghai Cooperation Organisation"): a place inside one is not where something happened."""

from __future__ import annotations

import re
from typing import Any

from borderwatch.data.gazetteer import normalize
from borderwatch.ingest.placemention import PlaceMention
from borderwatch.ingest.placewords import (
    UPPER,
    agency_of_a_place,
    bank_of_land_or_sea,
    body_words,
    capitalised_runs,
)


def surnames_in(doc: Any) -> set[str]:
    """The last words of the people's full names the model found in the text ("Dmitry
    Medvedev", "Ursula von der Leyen"): alone elsewhere they are the person, not a village
    GeoNames lists under that word."""
    found = {
        normalize(ent[-1].text)
        for ent in getattr(doc, "ents", ())
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text[:1].isupper()
    }
    # "President Medvedev announced …; on 12 August Medvedev and Sarkozy agreed": a name
    # the text gives a title is the person wherever it stands alone
    return found | titled_names(getattr(doc, "text", ""))


def titled_names(text: str) -> set[str]:
    """Names the text gives a title alone ("President Johnson", "General Giap"): the
    person, wherever the name stands alone."""
    return {
        normalize(re.sub(r"['’]s?$", "", m.group(1)))
        for m in _TITLE_THEN_NAME.finditer(text)
        # "General Skobelev's Transcaspian column": the possessive ends the name
        if re.search(r"['’]s?$", m.group(1))
        or not re.match(rf"\s+[{UPPER}]", text[m.end() : m.end() + 3])
    }


def body_names(text: str, doc: Any = None) -> list[tuple[int, int]]:
    """Spans of names of bodies ("the Shanghai Cooperation Organisation", "the Pakistan
    Army", "the Organization for Security and Co-operation in Europe"): a place inside
    one names the body, not where something happened."""
    spans = [
        r.span()
        for r in capitalised_runs(text)
        if " " in r.group(0) and _a_body(text, r.start(), r.end())
    ]
    for ent in getattr(doc, "ents", ()):
        if ent.label_ == "ORG" and len(ent) > 1 and _a_body(text, ent.start_char, ent.end_char):
            spans.append((ent.start_char, ent.end_char))
    spans += [m.span() for m in _OPERATION.finditer(text)]
    return [_after_owner(text, b, e) for b, e in spans]


def _a_body(text: str, start: int, end: int) -> bool:
    words = normalize(re.sub(r"^[Tt]he\s+", "", text[start:end])).split()
    before = text[max(0, start - 20) : start]
    if re.match(r"[Tt]he\s", text[start:end]):
        before += "the "
    return (
        body_words(words)
        and not bank_of_land_or_sea(words, before)
        # "the Gilgit Agency", capitalised; "the official Xinhua agency" is a body
        and not (text[start:end].endswith("Agency") and agency_of_a_place(words))
    )


_OPERATION = re.compile(rf"\bOperation(?:[ \t]+[{UPPER}][\w’'-]*){{1,3}}")
"""An operation's name ("Operation Anaconda", "Operation Olive Branch"): what an army
called its campaign, not where it fought."""


_OWNER = re.compile(r".*['’]s\s+")


def _after_owner(text: str, begin: int, end: int) -> tuple[int, int]:
    """ "Armenia's Security Council": the place owning the body stands before it, outside
    the body's name, so it is still the country the body belongs to."""
    m = _OWNER.match(text, begin, end)
    return (m.end(), end) if m else (begin, end)


_OFFICES = r"President|Minister|Premier|General|Mr|Mrs|Ms|Dr|Chairman|Governor"
"""Offices and forms of address before a surname; each pattern below adds its own few."""

_RANKS = (
    r"Colonel|Lieutenant|Brigadier|Captain|Admiral|Marshal|Commander|Emperor|Empress|Tsar"
    r"|Czar|Kaiser|Sultan|Khedive|Maharaja|Maharajah|Viceroy|Chancellor|Lord|Baron|Archduke"
)
"""Ranks and titles of office or birth that stand before a man's surname ("Colonel Lomakin",
"Lord Kimberley", "Emperor Franz Joseph"), as "President" and "General" do."""


_TITLED_PERSON = re.compile(rf"(?:{_OFFICES}|King|Leader|{_RANKS})\.?\s+$")


_TITLE_THEN_NAME = re.compile(
    rf"\b(?:{_OFFICES}|{_RANKS})\.?\s+"
    rf"([{UPPER}][\w’'-]+)\b"
)


_OPENING_TITLE = re.compile(
    rf"(?:{_OFFICES}|King|Queen|Prince|Princess|Sheikh|Emir|Shah|Sir|Count|Duke|Senator"
    rf"|{_RANKS})\.?"
)
_FEATURE_LAST = re.compile(
    r"(?:Bridge|Causeway|Island|Islands|Land|Port|Airport|Bay|Sound|Strait|Canal|Dam|Station"
    r"|Street|Square|Gate|Line|Range|Mountains?|Pass|Lake|River|Falls|Fort|Town|City|Road"
    r"|Highway|Valley|Cape|Point|Peak|Glacier|Sea|Gulf)"
)


RULERS = frozenset(
    {"sultan", "tsar", "czar", "emperor", "empress", "kaiser", "khedive", "maharaja"}
    | {"maharajah", "viceroy"}
)
"""A ruler's title alone is the ruler ("the Sultan refused", "the Tsar ordered"), though the
model tags some as places (a place's name may hold one: "Tal al-Sultan")."""


def titled_person(words: list[str]) -> bool:
    """ "General Skobelev", "Lord Kimberley", "Maharaja Surchandra": a title and a capitalised
    name are a person, unless the last word names a place's kind ("King Fahd Causeway",
    "Prince Edward Island", "Queen Maud Land")."""
    return (
        len(words) > 1
        and bool(_OPENING_TITLE.fullmatch(words[0]))
        and words[1][:1].isupper()
        and not _FEATURE_LAST.fullmatch(words[-1])
    )


def first_name(text: str, m: PlaceMention) -> bool:
    """ "President Vladimir Putin": a title, then the name, then a capitalised word is a
    person, not the town GeoNames lists under that name."""
    return bool(
        _TITLED_PERSON.search(text[max(0, m.start - 20) : m.start])
        and re.match(rf"\s+[{UPPER}]", text[m.end : m.end + 3])
    )


_VESSEL = re.compile(
    r"\b(?:(?:aircraft\s+)?carrier|destroyer|cruiser|frigate|corvette|battleship|warship"
    r"|gunboat|submarine|minesweeper|icebreaker|tanker|freighter|trawler|steamer|liner|ferry"
    r"|sloop|ship|vessel|yacht|USS|HMS|HMAS|HMCS|INS|PNS|ARA|SS|MV)"
    rf"\s+(?:the\s+)?([{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+)?)"
)


def vessel_names(text: str) -> set[str]:
    """Names the text gives a ship ("the destroyer Maddox", "the cruiser Natori", "USS
    Pueblo"): alone elsewhere ("torpedo boats ran at the Maddox") the name is the ship,
    not a place of that name."""
    return {normalize(m.group(1)) for m in _VESSEL.finditer(text)}


_PEOPLE_NOUNS = frozenset(
    {"exiles", "civilians", "politicians", "refugees", "rebels", "fighters", "tribesmen"}
    | {"families", "leaders", "elders", "notables", "chiefs", "chieftains", "bands"}
    | {"militia", "militias", "militiamen", "guerrillas", "settlers", "herders", "nomads"}
    | {"villagers", "clans", "separatists", "nationalists", "insurgents", "warriors"}
    | {"horsemen", "gunmen", "raiders", "volunteers", "minority", "majority", "community"}
    | {"communities", "population", "clergy"}
)
"""People, as a group: what a people's name stands before ("Tuareg rebels", "Tutsi
exiles"). Not the arms a state or a town keeps ("the Loodiana garrison", "Manchukuo
cavalry", "Kabul's troops"): those are a place's."""
_GROUP_NOUNS = frozenset(
    {"thousands", "hundreds", "dozens", "scores", "tens", "millions", "party", "band"}
    | {"group", "handful", "crowd", "crowds", "number", "numbers"}
)
"""How many people, before "of": "thousands of Tutsi", "a party of Dogras"."""


def peoples_in(doc: Any) -> set[str]:
    """Names the text uses for a people (normalized): before a word for people as a group
    ("armed Tutsi exiles", "the Basmachi bands", "Tuareg rebels") or counted
    as people ("thousands of Tutsi", "a party of Dogras and Gurkhas"). Such a name is no
    place where a list does not hold it."""
    out = set()
    for tok in doc if doc is not None else ():
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        counted = tok.dep_ in ("pobj", "conj") and _counted(tok)
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        before_people = (
            tok.dep_ in ("compound", "amod", "nmod")
            and after is not None
            and after.lower_ in _PEOPLE_NOUNS
        )
        if counted or before_people:
            out.add(normalize(tok.text))
    return out


def _counted(tok: Any) -> bool:
    """ "thousands of Tutsi", "a party of Dogras and Gurkhas": `tok` (or the first of a
    list it closes) is the object of "of" after a word that counts people."""
    while tok.dep_ == "conj":
        tok = tok.head
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lower_ in _GROUP_NOUNS
        and tok.i == tok.head.i + 1
    )
