"""Places a kind word names, whether or not a list holds them: units ("Kech district",
"the Vayots Dzor, Syunik and Gegharkunik provinces"), features of the land ("the Doklam
plateau", "the Roki Tunnel", "Mount Ararat") and names a kind noun introduces or describes
("enclaves such as Sokh", "Aksai Chin, the high desert"). Each is proposed unplaced."""

from __future__ import annotations

import re
from dataclasses import replace

from borderwatch.data.gazetteer import normalize
from borderwatch.ingest.countries import countries_by_name
from borderwatch.ingest.placecues import KIND_WORD
from borderwatch.ingest.placemention import PlaceMention
from borderwatch.ingest.placewords import (
    COMPASS,
    LEADING_WORDS,
    LISTED_NAME,
    NAME,
    NOT_PLACES,
    UPPER,
    WORD,
    agency_of_a_place,
    country_adjective,
    demonym,
    names_of,
    not_a_name,
    whose_word,
    without_possessive,
)

_NAMED_UNIT = re.compile(
    rf"(?<![\w’'-])(?P<name>[{UPPER}][\w’'-]+(?:[ \t]+[{UPPER}][\w’'-]+)?)\s+"
    r"(?P<word>province|region|district|oblast|prefecture|county)\b"
)
_UNIT_KIND = {"district": "district", "county": "district", "agency": "district"}
_NOT_UNIT_NAMES = frozenset(
    {"autonomous", "administrative", "special", "military", "economic", "capital", "federal"}
)


def named_units(text: str) -> list[PlaceMention]:
    """ "the Alakol district", "Kech district", "Turkistan region": a province or district
    the text names with its kind word, whether or not a list holds the name. Proposed
    without coordinates, as an entity is, under the name as written with its word
    ("Alakol district"); a listed name there wins (longer or more trusted)."""
    out = []
    found = [
        (m.group("name"), m.start("name"), m.group("word")) for m in _NAMED_UNIT.finditer(text)
    ]
    for m in _UNITS_LISTED.finditer(text):
        # "the Vayots Dzor, Syunik and Gegharkunik provinces": each name of the list
        word = m.group("word")[:-3] + "y" if m.group("word").endswith("ies") else m.group("word")
        found += [
            (n.group(0), m.start("list") + n.start(), word.rstrip("s"))
            for n in LISTED_NAME.finditer(m.group("list"))
        ]
    for name, start, word in found:
        end = start + len(name)
        if re.search(r"['’]s$", name.split()[0]) or name.split()[0] in LEADING_WORDS:
            if " " not in name:
                continue
            rest = name.split(None, 1)[1]
            name, start = rest, end - len(rest)
        key = normalize(name)
        if (
            not key
            or re.search(r"-[a-z]+$", name)  # "the Pashtun-majority district": which kind
            or any(w in NOT_PLACES or w in _NOT_UNIT_NAMES for w in key.split())
            or demonym(name)
            or key in countries_by_name()
            or country_adjective(key)
            or key.split()[0] in COMPASS
        ):
            continue  # "the Afghan province", "the Autonomous Region": whose or what kind
        kind = _UNIT_KIND.get(word, "province")
        full = f"{name} {word}"
        out.append(PlaceMention(full, "", kind, name, start, start + len(name), "entity"))
    return out


_NAMED_FEATURE = re.compile(
    rf"(?<![\w’'-])(?P<name>{NAME})\s+"
    r"(?P<word>pass|valley|plateau|range|mountains|hills?|heights|plains?|desert|steppe"
    r"|glacier|gorge|peninsula|island|strait|tunnel|bridge|enclave|air[ \t]+base|airbase"
    r"|base|corridor|gap|reserve|salient|bulge|strip|ridge|bay|channel|islands|islets)\b"
)
_FEATURE_KIND = {"pass": "crossing", "tunnel": "site", "air base": "base", "airbase": "base"}
_FEATURE_KIND["bridge"] = "site"
_FEATURE_KIND["base"] = "base"
_FEATURE_KIND.update(bay="sea", channel="sea")


def named_features(text: str) -> list[PlaceMention]:
    """ "the Doklam plateau", "the Galwan valley", "the Torugart pass": a feature of the
    land the text names with its word (a capitalised "Pass" is part of a name the other
    sources read). A pass is a way across, so a crossing; the others
    are areas, placed no finer than a district. Unplaced, named as written with the word
    ("Doklam plateau"); a listed name there wins."""
    out = []
    for m in _NAMED_FEATURE.finditer(text):
        name, start = m.group("name"), m.start("name")
        words = name.split()
        if re.search(r"['’]s$", words[0]) or words[0] in LEADING_WORDS:
            if len(words) == 1:
                continue
            name, start = words[-1], m.end("name") - len(words[-1])
        key = normalize(name)
        if (
            not key
            or re.search(r"-[a-z]+$", name)
            or not_a_name(name, key)
            or key in countries_by_name()
            or country_adjective(key)
            or name.isupper()
        ):
            continue  # "the Afghan valley", "the Uzbek-speaking valley", "a US base"
        word = " ".join(m.group("word").lower().split())
        kind = _FEATURE_KIND.get(word, "district")
        full = f"{name} {word}"
        out.append(PlaceMention(full, "", kind, name, start, start + len(name), "entity"))
    return out


_PART_OF_HIGHLANDS = re.compile(
    r"\b(?:passes|foothills|slopes|forests|crests?|ridges|peaks|spurs|highlands|heights)"
    rf"\s+of\s+the\s+(?P<name>{NAME})(?![\w’'-])"
)


def highlands_by_their_parts(text: str) -> list[PlaceMention]:
    """ "the passes of the Carpathians", "the forests of the Aberdares": what has passes,
    foothills, slopes or peaks is a range of mountains or hills, an area placed no finer than
    a district, unplaced and named as written; not a people or a country ("the slopes of the
    Afghans' hills" is whose)."""
    out = []
    for m in _PART_OF_HIGHLANDS.finditer(text):
        name, start = m.group("name"), m.start("name")
        key = normalize(name)
        if (
            not key
            or re.search(r"['’]s?$", name)
            or text[m.end("name") : m.end("name") + 1] in ("'", "’")
            or not_a_name(name, key)
            or key in countries_by_name()
            or country_adjective(key)
            or whose_word(name)
            or name.isupper()
        ):
            continue
        out.append(PlaceMention(name, "", "district", name, start, m.end("name"), "entity"))
    return out


_CROSSING_WORD = re.compile(r"[ \t]+(?:border[ \t]+)?crossing(?![\w’'-])", re.IGNORECASE)


def units_apart_from_namesakes(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """ "Osh region" in a text that names the town of Osh too: the region is called
    "Osh Region", so that its rows stay apart from the town's. So is "the Rafah
    crossing" named after a GeoNames town the text names too ("Rafah crossing"), and a
    crossing named after a GeoNames town of another spelling ("the Quneitra crossing":
    not "Al Qunayţirah"), named as written with its word; it keeps the town's point. A
    listed crossing keeps its listed name, and a name only the crossing makes a place
    ("the Upper Lars crossing", unplaced) stays one place with its bare mentions."""
    towns = {
        normalize(n)
        for m in found
        if m.kind not in ("province", "district")
        and not (m.source != "curated" and _CROSSING_WORD.match(text, m.end))
        for n in (m.name, m.text)
    }
    out = []
    for m in found:
        kw = KIND_WORD.match(text, m.end)
        crossing = _CROSSING_WORD.match(text, m.end)
        if m.kind in ("province", "district") and kw and normalize(m.name) in towns:
            word = str(kw.group(str(kw.lastgroup))).rstrip("s").title()
            m = replace(m, name=f"{m.name} {word}")
        elif (
            crossing
            and m.source == "geonames"
            and m.kind in ("town", "site", "crossing")
            and (normalize(m.name) in towns or normalize(m.name) != normalize(m.text))
        ):
            m = replace(m, name=f"{m.text} crossing", kind="crossing")
        out.append(m)
    return out


_UNITS_LISTED = re.compile(
    rf"(?<![\w’'-])(?P<list>{NAME}(?:,\s+{NAME})*,?\s+and\s+{NAME})\s+"
    r"(?P<word>provinces|regions|districts|oblasts|counties|agencies)\b"
)
"""Names listed before a plural kind word: "the Vayots Dzor, Syunik and Gegharkunik provinces"."""


_FEATURE_NOUN = {
    **dict.fromkeys(("Tunnel", "Bridge", "Gate", "Dam", "Airport"), "site"),
    **dict.fromkeys(("Base", "Airbase"), "base"),
    "Pass": "crossing",
    # "Shan State", "the Kurdistan Region", "Cross River State": an administrative unit
    # whose own capitalised word is part of its name (not "the Islamic State": a whose word)
    **dict.fromkeys(
        ("State", "Region", "Province", "Territory", "Governorate", "Krai", "Agency"), "province"
    ),
    **dict.fromkeys(
        (
            "Road", "Highway", "Line", "Corridor", "Canal", "Valley", "Plateau", "Plain",
            "Plains", "Desert", "Mountains", "Hills", "Hill", "Heights", "Glacier", "Gorge",
            "Strait", "Peninsula", "Island", "Islands", "Falls", "Reef", "Reefs", "Shoal",
            "Atoll",
        ),
        "district",
    ),
    **dict.fromkeys(("Channel", "Straits"), "sea"),
}  # fmt: skip
"""The capitalised last word of a feature's name ("the Roki Tunnel") and the kind it makes."""
_NATURAL_NOUNS = frozenset({"Strait", "Straits", "Channel", "Peninsula", "Island", "Islands"})
"""Features a country's own name may name ("the Taiwan Strait"), though it is whose elsewhere
("the Taiwan government")."""
_TITLED_FEATURE = re.compile(
    # a leading "The" is no word of the name: "The Line of Actual Control" is the Line of …
    rf"(?<![\w’'-])(?P<name>(?!The\b)(?:{WORD}[ \t]+){{1,3}}(?P<noun>{'|'.join(_FEATURE_NOUN)})"
    rf"|(?P<head>Line|Bridge|Gulf|Strait|Valley|Gate)[ \t]+of[ \t]+(?:the[ \t]+)?"
    rf"{WORD}(?:[ \t]+{WORD}){{0,2}}|(?P<mount>Mount|Mt\.?)[ \t]+{WORD}(?:[ \t]+{WORD})?)"
    r"(?=['’]s\b|(?![\w’'-]))"  # "the Kurdistan Region's capital": the name before the 's
)


def titled_features(text: str) -> list[PlaceMention]:
    """ "the Roki Tunnel", "the Georgian Military Road", "the Line of Actual Control", "the
    Bridge of Hope", "Mount Ararat": a name whose own capitalised word says it is a feature
    of the land or a work on it. Unplaced, named as written; one made only of whose words
    ("the Iranian Plateau", "the Afghan Border") names no particular place."""
    out = []
    for m in _TITLED_FEATURE.finditer(text):
        start, end = m.span("name")
        words = text[start:end].split()
        while len(words) > 2 and (words[0] in LEADING_WORDS or re.search(r"['’]s$", words[0])):
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        owner = [i for i, w in enumerate(words[:-1]) if re.search(r"['’]s$", w)]
        if owner and m.group("noun"):
            # "Chou En-lai's State Council": whose, then what; the name is after the owner
            words = words[owner[-1] + 1 :]
            start = text.index(words[0], start) if len(words) > 1 else start
            if len(words) < 2:
                continue
        if m.group("mount"):
            own = words[1:]
        else:
            own = words[:-1] if m.group("noun") else [w for w in words[2:] if w != "the"]
        countries = countries_by_name()
        if all(whose_word(w) for w in own) and not (
            m.group("noun") in _NATURAL_NOUNS
            and normalize(" ".join(own)) in countries
            and not demonym(own[-1])
        ):
            continue
        if m.group("noun") == "Agency" and not agency_of_a_place(
            normalize(" ".join(words)).split()
        ):
            continue  # "the International Atomic Energy Agency": a body
        if m.group("noun"):
            kind = _FEATURE_NOUN[m.group("noun")]
        else:
            kind = "site" if m.group("head") in ("Bridge", "Gate") else "district"
        if re.search(r"['’]s$", text[start:end]):
            end -= 2  # "Mount Hermon's upper slopes": the name is Mount Hermon
        name = text[start:end]
        out.append(PlaceMention(name, "", kind, name, start, end, "entity"))
    return out


_KIND_NOUN = {
    **dict.fromkeys(
        ("town", "towns", "city", "cities", "village", "villages", "township", "townships",
         "settlement", "settlements", "capital", "port", "ports"),
        "town",
    ),
    **dict.fromkeys(
        ("district", "districts", "county", "enclave", "enclaves", "desert", "plateau",
         "valley", "hill", "mountain", "glacier", "island", "islands"),
        "district",
    ),
    **dict.fromkeys(("province", "provinces", "region", "regions", "oblast"), "province"),
    **dict.fromkeys(("crossing", "crossings", "pass"), "crossing"),
    **dict.fromkeys(("bridge", "bridges", "tunnel"), "site"),
    "base": "base",
    "lake": "lake",
}  # fmt: skip
"""Words for a kind of place, singular and plural, and the kind each gives a name."""
_KIND_NOUNS = "|".join(sorted(_KIND_NOUN, key=len, reverse=True))
_KIND_OF_NAMES = re.compile(
    rf"\b(?P<word>{_KIND_NOUNS})\s+(?P<link>such\s+as|like|including|of)\s+"
    rf"(?P<name>{NAME})(?P<more>(?:,\s+{NAME})*,?\s+(?:and|or)\s+{NAME})?"
)
_AND_OTHER_KIND = re.compile(
    rf"(?<![\w’'-])(?P<name>{NAME})(?P<more>(?:,\s+{NAME})+),?\s+and\s+"
    rf"(?:the\s+|many\s+|several\s+)?other\s+(?:[a-z][\w’'-]*\s+)?(?P<word>{_KIND_NOUNS})\b"
)
"""A series left open by its kind noun: "Karni, Sufa, Kerem Shalom and the other crossings",
"Kyiv, Lviv, Dnipro and other cities"."""
_AMONG_THEM = re.compile(
    rf"\b(?P<word>{_KIND_NOUNS}),\s+(?P<name>{NAME})(?P<more>(?:,\s+{NAME})*,?\s+and\s+{NAME})?"
    r"\s+among\s+them\b"
)
"""Names a plural kind noun holds: "shut its crossings, Gürbulak among them"."""
_APPOSED_KIND = re.compile(
    rf"(?<![\w’'-])(?P<name>{NAME}),\s+(?:the|a|an|its|their)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?P<word>{_KIND_NOUNS})(?![’'\w-])"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|where|of|in|on|near|at|and|whose|with|from|to"
    r"|into|across|along|between|by|held|run|controlled|claimed)\b)"
)
_KIND_THEN_NAME = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\w’'-]+\s+){{0,2}}?(?P<word>{_KIND_NOUNS})"
    r"(?:\s+(?:between|on|in|at|of|across|along|from|into|to)\s+[a-z][a-z ]{0,30}?)?,\s+"
    rf"(?P<name>{NAME})(?=\s*[,(])"
)
"""A name in apposition after its kind noun: "The third bridge, Tienditas, finished ...",
"The only legal crossing between the two countries, Upper Lars (Verkhny Lars), ..." """
_KIND_NAMED = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Ww]hose|[Tt]heir)\s+(?:[a-z][\w’'-]*\s+){{0,2}}?"
    rf"(?P<word>capital|town|city|port|village)\s+(?P<name>{NAME})"
)
"""A name right after its singular kind noun: "whose capital Tskhinvali", "the port city
Gwadar" (a capitalised word there names, as "the town of" does)."""


def named_by_kind_noun(text: str) -> list[PlaceMention]:
    """ "enclaves such as Sokh and Shakhimardan", "the townships of Maungdaw and Buthidaung",
    "Aksai Chin, the high desert that China holds", "Kurram, a district of Khyber
    Pakhtunkhwa": names the words around call towns, districts, enclaves, deserts or lakes.
    Unplaced, of the kind the word gives."""
    out = []
    for rx in (
        _KIND_OF_NAMES,
        _AND_OTHER_KIND,
        _APPOSED_KIND,
        _KIND_THEN_NAME,
        _KIND_NAMED,
        _AMONG_THEM,
    ):
        for m in rx.finditer(text):
            kind = _KIND_NOUN[m.group("word")]
            if m.groupdict().get("link") == "of" and not (
                m.group("word").endswith("s")
                or re.search(
                    r"\bthe\s+(?:[a-z]+[ \t]+){0,2}$", text[max(0, m.start() - 40) : m.start()]
                )
            ):
                continue  # "the town of Jermuk", "townships of Maungdaw"; not "a district of X"
            for name, start, end in map(without_possessive, names_of(m)):
                words = name.split()
                if words[0] in LEADING_WORDS:
                    if len(words) == 1:
                        continue
                    start += len(name) - len(name.split(None, 1)[1])
                    name = name.split(None, 1)[1]
                while (
                    " " in name
                    and whose_word(name.rsplit(None, 1)[1])
                    and re.match(r"[ \t]+[a-z]", text[end:])
                ):
                    # "capital Tskhinvali Russian troops entered": an adjective before its noun
                    name = name.rsplit(None, 1)[0]
                    end = start + len(name)
                if name.isupper() or whose_word(name) or normalize(name) in countries_by_name():
                    continue
                out.append(PlaceMention(name, "", kind, name, start, end, "entity"))
    return out
