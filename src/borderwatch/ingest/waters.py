"""Rivers, lakes and seas a briefing names: a short list of the region's waters, and the
words that say a name is one ("the Kunar river", "Lake Sarez", "the Sea of Azov").

GeoNames' populated places have no rivers, so the region's main waters are listed in
`waters.csv`, each with a point and where that point comes from. A list name that is
also a town's or a province's ("Panj", "Helmand", "Kabul") is taken for the water only
where the words say so: *river* / *lake* next to it, or *the* before it with no noun
after ("watched the Panj for years", "the Helmand's water"). A water no list holds is
still proposed where those words name it, without coordinates, for the editor to place.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from borderwatch.data.gazetteer import normalize
from borderwatch.ingest.countries import countries_by_name
from borderwatch.ingest.fold import fold
from borderwatch.ingest.placewords import UPPER, whose_word

WATERS_CSV = Path(__file__).with_name("waters.csv")

_WATER_WORDS = ("river", "lake", "sea", "gulf", "reservoir")

_NAME = r"[A-Z][\w’'‘ʻ]*(?:[-‐‑][A-Z][\w’'‘ʻ]*)*(?:\s+[A-Z][\w’'‘ʻ]*(?:[-‐‑][A-Z][\w’'‘ʻ]*)*)?"
# The words that say a capitalised name is a water, and which group holds the name.
_NAMED_WATER = re.compile(
    rf"(?<![\w’'-])(?:(?P<lake>Lake\s+(?P<lake_name>{_NAME}))"
    rf"|(?P<sea_of>(?:[Tt]he\s+)?(?:Sea|Bay)\s+of\s+(?P<sea_of_name>{_NAME}))"
    # "the river Loo", "the little river Loo"
    rf"|(?P<river_before>\b[Tt]he\s+(?:[a-z]+\s+)?[Rr]iver\s+(?P<river_before_name>{_NAME}))"
    # "the Rio Grande", "the Río Bravo": a river by the Spanish word (a town takes no "the")
    rf"|(?P<rio>\b[Tt]he\s+(?P<rio_name>R[ií]o\s+{_NAME}))"
    rf"|(?P<after>(?P<after_name>{_NAME})\s+(?P<word>[Rr]iver|[Ll]ake|Sea|[Rr]eservoir)s?\b))"
)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# After "the X": what may follow a river's bare name, not a noun that X qualifies
# ("the Kabul government", "the Naryn region").
_BARE_AFTER = re.compile(
    r"(?:['’]s\b|\s*(?:[,.;:)]|$)|[ \t]*\n"
    r"|\s+(?:and|or|at|in|on|from|to|near|into|between|where|which|that|back"
    r"|joins?|flows?|runs?|rises?|forms?|meets?|divides?|separates?|marks?|valley|basin"
    r"|delta|banks?|waters?|itself|upstream|downstream"
    # "on the Yarmuk south-east of Lake Tiberias"
    r"|(?:north|south|east|west)(?:[-‐‑]?(?:east|west))?\s+of)\b)"
)


_ON_THE = re.compile(
    r"\b(?:on|along|beside|up|down|across|cross(?:es|ed|ing)?"
    r"|(?P<part>(?:(?:left|right|north|south|east|west)(?:ern)?\s+)?(?:banks?|valleys?|sources?"
    r"|mouths?|headwaters|upper\s+course|lower\s+course|course|basin|delta|confluence|estuary)"
    r"\s+of))"
    rf"\s+the\s+(?P<name>[{UPPER}][\w’'‘ʻ]*(?:-[{UPPER}][\w’'‘ʻ]*)*)"
    r"(?![\w’'‘ʻ-])"
)
"""A bare name after "on the", "along the" ("the divided town on the Ibar", "the bridge on the
Khrami between …"): with no noun after it (`_BARE_AFTER`), what runs past a town is a river;
so is what one crosses ("brought across the Ubangi", "crossing the Cunene back into Namibia"),
and what has banks, a valley, sources or a mouth ("both banks of the Drava", "near the sources
of the Lim", "the wide valley of the Drava (Drau)"), whatever follows the name but a possessive."""

_LISTED_AFTER = re.compile(
    rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)the\s+(?P<name>[{UPPER}][\w’'‘ʻ]*(?:-[{UPPER}][\w’'‘ʻ]*)*)"
    r"(?![\w’'‘ʻ-])"
)
"""A bare name listed after such a river is one too: "along the Moselle, the Sauer and the Our"."""


@dataclass(frozen=True)
class Water:
    """A water named at text[start:end]: `row` of waters.csv, or None for one no list holds."""

    start: int
    end: int
    kind: str
    row: dict[str, str] | None
    word_end: int = -1
    """Where the word after the name ends ("the Gambia River"), for one no list holds."""


@cache
def _listed() -> tuple[tuple[re.Pattern[str], bool, dict[str, str]], ...]:
    """(pattern over folded text, needs a water word, row) for every spelling of waters.csv."""
    out = []
    with WATERS_CSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for spelling in [row["name"], *filter(None, row["alt_names"].split(";"))]:
                words = normalize(spelling).split()
                named_as_water = any(w in _WATER_WORDS for w in words)
                needs_cue = row["needs_cue"] == "yes" and not named_as_water
                rx = r"(?<![0-9a-z])" + r"[\s\-–—‐‑]+".join(map(re.escape, words)) + r"(?![0-9a-z])"
                out.append((re.compile(rx), needs_cue, row))
    return tuple(out)


def _said_to_be_water(text: str, start: int, end: int) -> bool:
    """ "the Panj river", "the river Panj", "Lake Sarez", or "the Panj" with no noun after."""
    before, after = text[max(0, start - 12) : start], text[end : end + 40]
    if re.match(r"\s+(?:[Rr]iver|[Ll]ake|Sea)s?\b", after) or re.search(
        r"(?:\b[Rr]iver|\bLake)\s+$", before
    ):
        return True
    return bool(_THE_BEFORE.search(before) and _BARE_AFTER.match(after))


def find_waters(text: str) -> list[Water]:
    """Waters named in `text`: listed ones (with a point) and ones the words call a water."""
    folded = fold(text)
    out: list[Water] = []
    for rx, needs_cue, row in _listed():
        for m in rx.finditer(folded):
            if needs_cue and not _said_to_be_water(text, m.start(), m.end()):
                continue
            out.append(Water(m.start(), m.end(), row["kind"], row))
    listed = {(w.start, w.end) for w in out}
    for m in _NAMED_WATER.finditer(text):
        for group, kind in (
            ("lake", "lake"),
            ("sea_of", "sea"),
            ("river_before_name", "river"),
            ("rio_name", "river"),
            ("after_name", ""),
        ):
            if m.group(group) is None:
                continue
            start, end = m.span(group)
            lead = re.match(r"(?:[Tt]he|[Ss]ea\s+of)\s+", text[start:end])
            if re.search(r"['’]s$", text[start:end]):
                end -= 2  # "Lake Sevan's eastern hills": the lake is Lake Sevan
            owner = re.match(r"\S+['’]s\s+", text[start:end])
            if group == "after_name" and owner:
                start += owner.end()  # "Turkey's Black Sea port": the sea is the Black Sea
            if group != "sea_of" and lead:
                start += lead.end()  # "The Kempir-Abad reservoir": the name is Kempir-Abad
            elif group == "sea_of" and text[start:end].lower().startswith("the "):
                start += 4
            word = (m.group("word") or "").lower()
            kind = kind or {"sea": "sea", "lake": "lake", "reservoir": "reservoir"}.get(
                word, "river"
            )
            if group == "after_name" and kind in ("sea", "lake"):
                # "the Caspian Sea", "Alakol Lake", "the Prespa lakes": the word is the name's
                end = m.end("after")
            word_end = m.end("word") if group == "after_name" and kind == "river" else end
            if start < end and (start, end) not in listed and not _not_a_name(text[start:end]):
                out.append(Water(start, end, kind, None, word_end))
            break
    taken = [(w.start, w.end) for w in out]
    for m in _ON_THE.finditer(text):
        spans = [m.span("name")]
        while listed_after := _LISTED_AFTER.match(text, spans[-1][1]):
            spans.append(listed_after.span("name"))
        for i, (start, end) in enumerate(spans):
            name = text[start:end]
            # not "pressure on the Kremlin's envoy": a possessive owns something else; a name
            # listed after the first is of its kind whatever follows ("… and the Our is open")
            own = text[end : end + 1] in ("'", "’")
            told = i > 0 or m.group("part") is not None
            bare = (told or _BARE_AFTER.match(text, end)) and not own
            if not bare:
                break
            if (
                not any(a < end and start < b for a, b in taken)
                and not whose_word(name)
                and normalize(name) not in countries_by_name()
            ):
                out.append(Water(start, end, "river", None))
    unique = {(w.start, w.end): w for w in reversed(out)}  # one per span, the first spelling's
    return sorted(unique.values(), key=lambda w: w.start)


_NOT_NAMES = frozenset({"the", "a", "this", "that", "each", "every", "both", "one"})


def _not_a_name(name: str) -> bool:
    return normalize(name).split()[0] in _NOT_NAMES if normalize(name) else True
