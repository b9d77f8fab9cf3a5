"""Whose a nationality adjective says: "Afghan", "Iranian", "Chinese", "Greek", "North
Korean" → the countries (and continents) it belongs to.

The one reader of country adjectives: the place finder asks whether a word is one (so
that "Spanish" is whose, not a place) and the date pairing asks which named country it
stands for ("the Greek coastguard said on Monday": Greece acted). Most adjectives are
the name with an ending, derived here; the ones no ending makes ("Greek", "Dutch",
"Philippine", "Argentine") are listed.
"""

from __future__ import annotations

from functools import cache

from borderwatch.data.gazetteer import normalize
from borderwatch.ingest.countries import countries_by_name

CONTINENTS = ("africa", "europe", "asia", "america", "eurasia", "oceania")
"""Whose adjectives ("African", "European") say whose as a country's do."""

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "greek": ("greece",),
    "spanish": ("spain",),
    "french": ("france",),
    "british": ("united kingdom",),
    "english": ("united kingdom",),
    "scottish": ("united kingdom",),
    "welsh": ("united kingdom",),
    "dutch": ("the netherlands",),
    "swiss": ("switzerland",),
    "danish": ("denmark",),
    "swedish": ("sweden",),
    "norwegian": ("norway",),
    "portuguese": ("portugal",),
    "belgian": ("belgium",),
    "cypriot": ("cyprus",),
    "slovene": ("slovenia",),
    "montenegrin": ("montenegro",),
    "macedonian": ("north macedonia",),
    "kosovar": ("kosovo",),
    "azeri": ("azerbaijan",),
    "american": ("united states",),
    "peruvian": ("peru",),
    "argentine": ("argentina",),
    "paraguayan": ("paraguay",),
    "uruguayan": ("uruguay",),
    "panamanian": ("panama",),
    "honduran": ("honduras",),
    "philippine": ("philippines",),
    "filipino": ("philippines",),
    "burmese": ("myanmar",),
    "lao": ("laos",),
    "laotian": ("laos",),
    "khmer": ("cambodia",),
    "timorese": ("timor leste",),
    "maldivian": ("maldives",),
    "emirati": ("united arab emirates",),
    "sahrawi": ("western sahara",),
    "palestinian": ("palestinian territory",),
    "saudi": ("saudi arabia",),
    "dominican": ("dominican republic",),
    "ghanaian": ("ghana",),
    "togolese": ("togo",),
    "ivorian": ("ivory coast",),
    "burkinabe": ("burkina faso",),
    "nigerien": ("niger",),
    "congolese": ("democratic republic of the congo", "republic of the congo"),
    "mozambican": ("mozambique",),
    "malagasy": ("madagascar",),
    "swazi": ("eswatini",),
}
"""Adjectives no ending of the name makes."""

_GENERIC = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
    | {"central", "united", "saint", "democratic", "republic", "equatorial"}
)
"""First words of a country's name that are no adjective of it ("Western", "United")."""

_COMPASS = frozenset({"north", "south", "east", "west"})

_ENDINGS = ("", "n", "an", "ian", "i", "ese", "ish", "ic", "ean", "ern")


def _forms(word: str) -> set[str]:
    """The adjectives one word of a country's name makes: its stem with an adjective's
    ending, less its final vowels ("iranian", "pakistani", "chinese"), less "-on"
    ("lebanese"), less "-ey" ("turkish"), less "-land" or "-and" ("finnish", "polish",
    "thai"). A form of fewer than four letters is none ("Angoor" only shares Angola's
    first letters; "Moldo" and "Polan" are towns)."""
    stem = word.rstrip("aeiouy")
    # a bare name is no adjective of itself ("Bosnia", "Timor"): only a changed one is
    out = {stem + end for end in _ENDINGS if stem + end != word} if len(stem) >= 3 else set()
    for stem, endings in (
        (word.removesuffix("on"), ("ese",)),
        (word.removesuffix("ey"), ("n", "an", "ian", "i", "ese", "ish")),
        (word.removesuffix("land"), ("", "nish", "ish")),
        (word.removesuffix("and"), ("ish",)),
    ):
        if stem != word and len(stem) >= 3:
            out |= {stem + end for end in endings}
    return {f for f in out if len(f) >= 4}


@cache
def _adjectives() -> dict[str, frozenset[str]]:
    """normalized adjective -> the countries (countries_by_name keys) or continents."""
    found: dict[str, set[str]] = {}

    def add(form: str, country: str) -> None:
        found.setdefault(form, set()).add(country)

    for country in [*countries_by_name(), *CONTINENTS]:
        words = country.split()
        if len(words) == 1:
            # the name less a country's ending: "tajik", "mongol", "thai"
            for end in ("", "istan", "stan", "ia", "land"):
                if country.endswith(end) and len(country) - len(end) >= 4:
                    add(country[: len(country) - len(end)], country)
        if words[0] not in _GENERIC:
            # "Saudi", "Dominican", "French" of French Guiana: a name's first word
            for form in _forms(words[0]):
                add(form, country)
        if len(words) > 1:
            # "North Korean", "Sri Lankan", "South Sudanese"; after a compass word, the
            # adjective alone too: "Korean" of both Koreas
            for form in _forms(words[-1]) - {words[-1]}:
                add(" ".join([*words[:-1], form]), country)
                if words[0] in _COMPASS:
                    add(form, country)
    for adjective, countries in _IRREGULAR.items():
        for country in countries:
            add(adjective, country)
    return {form: frozenset(c) for form, c in found.items()}


def adjective_countries(word: str) -> frozenset[str]:
    """The countries (normalized names, as `countries_by_name` keys) and continents whose
    adjective `word` is ("Indian": India; "Korean": both Koreas; "North Korean": North
    Korea; "Greek": Greece); empty when it is none."""
    return _adjectives().get(normalize(word), frozenset())


def country_adjective(key: str) -> bool:
    """ "afghan", "iranian", "chinese", "greek", "north korean" (normalized): a country's or
    a continent's adjective, so whose, not where; so are the words that qualify a
    country's name, no place alone ("North", "United", "Central"). "Ghulam Khan" or
    "Islam Qala" name a crossing, whatever their endings."""
    return key in _qualifiers() or bool(_adjectives().get(key))


@cache
def _qualifiers() -> frozenset[str]:
    """The qualifying words countries' names begin with ("north", "united", "western"),
    not the others of `_GENERIC` ("Eastern province" is a place's name)."""
    return frozenset(c.split()[0] for c in countries_by_name()) & _GENERIC
