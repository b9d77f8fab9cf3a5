"""Words in and around names: capitalised runs, the patterns of a name, and the words
that are no place's name (months, titles, nationalities and their adjectives, bodies)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from borderwatch.data.gazetteer import REGION_COUNTRIES, geonames_places, normalize
from borderwatch.ingest.adjectives import country_adjective
from borderwatch.ingest.countries import countries_by_name

DASHES = re.escape("-–—‐‑/")
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
"""Capital letters a name may begin with: ASCII and Latin letters with accents ("Şırnak")."""

ROMANCE_CONNECTORS = frozenset(
    {"de", "do", "da", "del", "dos", "das", "della", "di", "du", "des", "la", "las", "los"}
)
"""Small words inside a Romance place's name: Rio Grande do Sul, Santiago del Estero."""
_ROMANCE = "(?:" + "|".join(sorted(ROMANCE_CONNECTORS)) + ")"
_ELIDED = r"(?:d|l|dell|dall|all|sull)['’]"
_STARTS_ELIDED = re.compile(_ELIDED)
HYPHENED_SMALL_WORDS = (
    "au", "aux", "sur", "sous", "en", "lès", "les", "le", "la", "de", "du", "des", "on", "upon",
    "na", "am",
)  # fmt: skip
"""Small words between hyphens inside a name: "Port-au-Prince", "Boulogne-sur-Mer",
"Rostov-on-Don"."""
SPACED_SMALL_WORDS = ("nad", "pod", "am", "im", "upon", "an der", "ob der", "in der")
"""Slav and German small words inside a name: "Ústí nad Labem", "Bruck an der Leitha",
"Frankfurt am Main"."""
NAME_SMALL_WORDS = (
    frozenset(w for p in HYPHENED_SMALL_WORDS + SPACED_SMALL_WORDS for w in p.split())
    - ROMANCE_CONNECTORS
)
"""The small words above that are not Romance ones: written small inside a name, they begin
or end no name of their own."""
ARABIC_ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul")
"""An Arabic article that may begin a name ("al-Ghaydah", "Al Qaim", "ad-Dali")."""
_HYPHENED = "(?:" + "|".join(HYPHENED_SMALL_WORDS) + ")"
_SPACED = "(?:" + "|".join(w.replace(" ", r"\s+") for w in SPACED_SMALL_WORDS) + ")"
_LEADING_ARTICLE = "(?:" + "|".join(ARABIC_ARTICLES) + ")-"
# Capitalised runs of words: candidates for GeoNames names ("Landi Kotal", "Ak-Sai").
_CAPITALISED = re.compile(
    # "al-Ghaydah", "el-Arish": a name may begin with an Arabic article written small
    rf"(?<![\w’'-])(?:{_LEADING_ARTICLE}(?=[{UPPER}]))?"
    rf"[{UPPER}][\w’'‘ʻ]*(?:(?:\s+|-)(?:[{UPPER}][\w’'‘ʻ]*|e|i|ul|al|el|i-|e-|and|va"
    # "Rio Grande do Sul", "Norte de Santander", "Andorra la Vella": a Romance name's small
    # word, only between capitalised words
    rf"|{_ROMANCE}(?=\s+[{UPPER}])"
    # "Port-au-Prince", "Boulogne-sur-Mer", "Rostov-on-Don": a small word between hyphens;
    # "Hrádek nad Nisou", "Bruck an der Leitha", "Weil am Rhein": a Slav or German one
    rf"|{_HYPHENED}(?=-[{UPPER}])|{_SPACED}(?=\s+[{UPPER}])"
    # "La Seu d'Urgell", "Val d'Aran", "Côte d'Ivoire": an elided Romance article glued to
    # the capitalised word it goes with
    rf"|{_ELIDED}[{UPPER}][\w’'‘ʻ]*))*"
)
CONNECTORS = frozenset({"e", "i", "ye", "ul", "al", "el", "and", "va", "-"})
"""Small words inside a place's name: Sar-e Pul, Mazar-i-Sharif, Sistan and Baluchestan."""

NOT_PLACES = frozenset(
    normalize(w)
    for w in [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "President",
        "Minister",
        "Presidents",
        "Officials",
        "Taliban",
        "Afghan",
        "Afghans",
        "Tajik",
        "Kyrgyz",
        "Uzbek",
        "Kazakh",
        "Turkmen",
        "Russian",
        "Iranian",
        "Pakistani",
        "Islamic",
        "State",
        "Republic",
        "Government",
        "Border",
        "Friendship",
        "Bridge",
        "North",
        "South",
        "East",
        "West",
        "Central",
        "Asia",
        "The",
        "Both",
        "Neither",
        "Either",
        "Each",
        "Every",
        "Another",
        "This",
        "That",
        "These",
        "Those",
        "Baloch",
        "Balochi",
        # Ottoman titles follow a person's name ("talks between İsmet Pasha and the
        # generals"): a man, not a place
        "Pasha",
        "Bey",
        "Effendi",
        # Observances and feasts name days, as months do ("after Ashura", "the Arbaeen
        # crossings"), though GeoNames lists some spellings as villages.
        "Arbaeen",
        "Arbain",
        "Ashura",
        "Muharram",
        "Ramadan",
        "Eid",
        "Nowruz",
        "Navruz",
        "Christmas",
        "Easter",
        # Continents and world regions are not places an event happens at on this map.
        "Europe",
        "Africa",
        "America",
        "Americas",
        "Eurasia",
        "Oceania",
        "Antarctica",
    ]
)
"""Capitalised words GeoNames happens to list as villages but briefings use otherwise."""


TITLES = frozenset(
    {
        "president",
        "presidents",
        "minister",
        "ministers",
        "prime",
        "general",
        "generals",
        "king",
        "emir",
        "sheikh",
        "mr",
        "mrs",
        "ms",
        "dr",
    }
)
"""Words before people's names: in a list, "Presidents Erdoğan and Putin" are people."""


COMPASS = frozenset(
    f"{side}{suffix}"
    for side in ("north", "south", "east", "west", "central")
    for suffix in ("", "ern", "-east", "-west", "east", "west")
)


BODY_WORDS = frozenset(
    {
        "organisation",
        "organization",
        "council",
        "committee",
        "ministry",
        "agency",
        "commission",
        "alliance",
        "movement",
        "party",
        "bank",
        "fund",
        "programme",
        "program",
        "office",
        "service",
        "forces",
        "army",
        "court",
        "parliament",
        "assembly",
        "authority",
        "network",
        "foundation",
        "institute",
        "company",
        "corporation",
        "association",
        "corps",
        "guards",
        "police",
        "nations",
    }
)
"""A name's last word that makes it an organisation or body, never a place."""
_BODY_CUES = frozenset({"economic", "customs", "development", "security", "cooperation"})
"""Words inside a name that make it a body's ("the Eurasian Economic Union", "the
Organization for Security and Co-operation in Europe"): a union of two words may be a
country ("the Soviet Union"), one with these words is an organisation."""


def body_words(words: list[str]) -> bool:
    return bool(words) and (
        words[-1] in BODY_WORDS
        or words[0] in ("organisation", "organization")
        or any(w in _BODY_CUES for w in words)
    )


_SIDES = frozenset({"west", "east", "north", "south", "left", "right"})
_MONEY_WORDS = frozenset(
    {"world", "central", "national", "development", "investment", "reserve", "commercial"}
    | {"savings", "state", "export", "import", "islamic", "agricultural", "merchant", "people"}
    | {"international", "federal", "popular", "postal", "trade", "credit", "industrial"}
)
_AT_SEA_BEFORE = re.compile(r"\b(?:off|near|on|over|across|around|at)\s+(?:the\s+)?$")


def bank_of_land_or_sea(words: list[str], before: str) -> bool:
    """ "the West Bank", "off the Dogger Bank", "at Reed Bank": a bank that is a side of a
    river or a shoal at sea, not a body that lends. A side ("West", "Left") names land; a
    name where a ship lies or a boat is met names a shoal, unless a word of it says money
    or whose ("the World Bank", "at the Central Bank", "the Asian Development Bank").
    `words` are the name's normalized words, `before` the text before it."""
    if len(words) < 2 or words[-1] != "bank":
        return False
    if len(words) == 2 and words[0] in _SIDES:
        return True
    return bool(_AT_SEA_BEFORE.search(before[-20:])) and not any(
        w in _MONEY_WORDS or country_adjective(w) for w in words[:-1]
    )


def agency_of_a_place(words: list[str]) -> bool:
    """ "the Gilgit Agency", "the North-East Frontier Agency": an agency named after a town
    of the region or a frontier is a unit of land a political agent ran, not a body ("the
    International Atomic Energy Agency", "Xinhua News Agency"). `words` are normalized."""
    return (
        len(words) >= 2
        and words[-1] == "agency"
        and (
            words[-2] in ("frontier", "tribal")
            or bool(geonames_places(words[-2], REGION_COUNTRIES))
        )
        and not any(
            w in _MONEY_WORDS or (country_adjective(w) and w not in COMPASS) for w in words[:-1]
        )
    )


def demonym(name: str) -> bool:
    """ "Pakistanis", "Afghans", "Iranians": a country's people (its name + -is, -s, -ians)."""
    key = normalize(name)
    for suffix in ("is", "ians", "ans", "s"):
        stem = key.removesuffix(suffix)
        if stem != key and len(stem) >= 4 and any(c.startswith(stem) for c in countries_by_name()):
            return True
    return False


PAIR_NAME = rf"[{UPPER}][\w’'‘ʻ-]*(?:[ \t]+[{UPPER}][\w’'‘ʻ-]*)?"


def not_a_name(name: str, key: str) -> bool:
    """A word that is no place's name wherever it stands: a month, a people, a body.

    A word that only begins like a country ("Polan") may still be a town: the pair's
    two ends are adjectives together or not at all ("the Kyrgyz–Uzbek border")."""
    return (
        any(w in NOT_PLACES for w in key.split())
        or key.split()[-1] in BODY_WORDS
        or demonym(name)
        or key.split()[0] in COMPASS
        or bool(DATE_WORD.search(name))
    )


ARABIC_ARTICLE = re.compile("|".join(ARABIC_ARTICLES))


LEADING_WORDS = frozenset({"The", "In", "On", "At", "Both", "Each", "From", "To", "Near"})
"""A capitalised first word that is not part of the unit's name ("In Kech district")."""


_ARTICLES = r"(?:de|del|della|da|do|dos|das|di|du|des|la|le|los|las)"
ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ul)-"
"""A lowercase Arabic article a name may begin with ("al-Mawasi", "el-Arish")."""
NAME = (
    rf"(?:{ARTICLE})?[{UPPER}][\w’'-]+(?:[ \t]+(?:{_ARTICLES}[ \t]+){{0,2}}"
    rf"(?:[{UPPER}]|{ARTICLE}[{UPPER}])[\w’'-]+){{0,2}}(?![\w’'-])"
)
"""One to three capitalised words, the first perhaps after an Arabic article ("al-Arish");
a later one may follow an Arabic article ("Bab al-Hawa")
or a Romance one ("Villa del Rosario", "San Antonio del Táchira")."""
LISTED_NAME = re.compile(NAME)
WORD = rf"[{UPPER}][\w’'-]+"


def whose_word(word: str) -> bool:
    """A word that says whose or what kind, not which: a nationality, a month, a body's word."""
    key = normalize(word)
    return (
        not key
        or key in NOT_PLACES
        or key in BODY_WORDS
        or country_adjective(key)
        or demonym(word)
        or bool(DATE_WORD.search(word))
    )


def names_of(m: re.Match[str]) -> list[tuple[str, int, int]]:
    """(name, start, end) of a match's "name" group and of each name in its "more" group,
    a list closed by "and" / "or" ("near Angoor Adda, Bajaur and Kurram")."""
    found = [(m.group("name"), m.start("name"), m.end("name"))]
    if m.groupdict().get("more"):
        base = m.start("more")
        found += [
            (n.group(0), base + n.start(), base + n.end())
            for n in LISTED_NAME.finditer(m.group("more"))
        ]
    return found


def without_possessive(found: tuple[str, int, int]) -> tuple[str, int, int]:
    """ "near Lake Sevan's eastern hills": the place is Lake Sevan."""
    name, start, end = found
    if re.search(r"['’]s$", name) and len(name) > 3:
        return name[:-2], start, end - 2
    return name, start, end


def capitalised_runs(text: str) -> Iterable[re.Match[str]]:
    return _CAPITALISED.finditer(text)


def name_ngrams(text: str, run: re.Match[str]) -> Iterable[tuple[int, int, str]]:
    """(start, end, normalized) of every sub-run of 1-4 words, longest first.

    A possessive's 's is not part of the name ("Balochistan's government"), and
    no sub-run starts or ends with a connector ("and Kabul").
    """
    words = []
    for m in re.finditer(r"[^\s-]+", run.group(0)):
        a, b = m.start() + run.start(), m.end() + run.start()
        if text[b - 2 : b] in ("'s", "’s") and b - a > 2:
            b -= 2
        words.append((a, b))
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            start, end = words[i][0], words[i + n - 1][1]
            first, last = text[start : words[i][1]], text[words[i + n - 1][0] : end]
            # a Romance small word is a connector only in lowercase: "La Paz", "Da Nang" and
            # "Las Margaritas" begin with one as their own word
            if n > 1 and ARABIC_ARTICLE.fullmatch(first.lower()) and (i == 0 or first[0].isupper()):
                # "al-Ghaydah", "Al Qaim", "El Salvador": an article that begins a run, or
                # written capitalised, is a part of the name (GeoNames lists "Al Qa'im"); the
                # name without it is tried too. Not "al" of "Bab al-Hawa", inside a name.
                first = ""
            if any(
                w.lower() in CONNECTORS or w in ROMANCE_CONNECTORS or w in NAME_SMALL_WORDS
                for w in (first, last)
            ):
                continue
            if _STARTS_ELIDED.match(first):
                continue  # "d'Aran" is part of "Val d'Aran", no name of its own
            yield start, end, normalize(text[start:end])


DATE_WORD = re.compile(
    r"\d|\b(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester)day|week|month|year"
    r"|tonight|morning|evening|night)s?\b",
    re.IGNORECASE,
)
