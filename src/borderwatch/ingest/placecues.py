"""What the words around a name say about it: a place word before or a kind word after
("at Torkham", "Herat province"), and whether the parse lets it be a place at all."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Any

from borderwatch.data.gazetteer import normalize
from borderwatch.ingest.placemention import PlaceMention
from borderwatch.ingest.placewords import CONNECTORS, DATE_WORD, NAME_SMALL_WORDS, UPPER

# A word after the name that says what kind of place is meant ("Herat province").
KIND_WORD = re.compile(
    # "Syrdarya (Sirdaryo) region": another name in brackets may stand before the word
    r"\)?\s*(?:\([^()\n]{1,40}\)\s*)?"
    r"(?:(?P<province>provinces?|regions?|oblasts?)|(?P<district>districts?)"
    r"|(?P<site>(?:border\s+)?crossings?|airport|air\s+base|base|checkpoint|gate)"
    r"|(?P<river>river)|(?P<reservoir>reservoir|dam))\b",
    re.IGNORECASE,
)

PLACE_ENTITIES = ("GPE", "LOC", "FAC")
_NOT_PLACE_ENTITIES = ("PERSON", "NORP", "ORG", "DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT")


_PLACE_BEFORE = re.compile(
    # "according to Reuters", "due to Gazprom": a source or a cause, not a destination
    r"\b(?:in|at|near|outside|into|across|over|from|(?<!according\s)(?<!due\s)to|towards|inside"
    # "marched out of Gilgit", "flights out of Osh", "news came by way of Breslau"
    r"|via|by\s+way\s+of|opposite|faces|facing|out\s+of"
    r"|visit(?:ed|s|ing)?)"
    r"\s+(?:the\s+)?$"
)
_PLACE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:crossing|border|frontier|province|region|district|valley|gate|airport)s?\b"
)
_HEADING_LEAD = re.compile(r"(?:['’]s\s+\w+)?\s*:")
"""After the name that opens a heading line: "Batken: shots ...", "Badakhshan's frontier: ..."."""


def placed_by_context(text: str, start: int, end: int) -> bool:
    """ "at Torkham", "the Balochistan frontier", a heading's "Batken:": said to be a place."""
    return bool(
        _PLACE_BEFORE.search(text[max(0, start - 20) : start])
        or _PLACE_AFTER.match(text, end)
        or (text[max(0, start - 1) : start] in ("", "\n") and _HEADING_LEAD.match(text, end))
    )


_TAKEN_BEFORE = re.compile(
    r"\b(?:(?:re)?(?:took|taken|capture[ds]?|capturing|seize[ds]?|seizing|occupied|occupying"
    r"|entered|entering|reached|reaching|besieged|besieging|bombarded|bombarding|shelled"
    r"|shelling|stormed|storming|evacuated|evacuating|overran|overrun|overrunning|relieved"
    r"|garrisoned|fortified|attacked|attacking|bypassed|bypassing|left|leaving)"
    r"|(?:siege|fall|capture|outskirts|occupation|evacuation|relief|garrison|surrender|ruins"
    r"|streets|walls|gates)\s+of"
    r"|(?:march(?:ed|ing)?|advanc(?:e|ed|ing)|assaults?|attacks?|raids?|closed\s+in)\s+on"
    r"|\boff)"
    r"\s+(?:the\s+)?$"
)
"""What armies do to a town, and where a ship lies: "occupied Eupatoria", "the siege of
Silistra", "marching on Bukavu", "attacked Bender", "the islands off Incheon"; and what a
force or a fleet leaves ("the squadron left Libau")."""


_TAKEN_AFTER = re.compile(
    r"\s+(?:fell|falls|had\s+fallen|(?:was|had\s+been)\s+(?:re)?(?:taken|captured|occupied"
    r"|stormed|shelled|bombarded|evacuated|abandoned|besieged|surrounded|encircled|overrun))\b"
)
"""What befalls a town: "Aghdam fell", "Kars was taken"."""


def taken_as_a_place(text: str, start: int, end: int) -> bool:
    """The words around the name say a town is meant: it is taken, entered, besieged or
    marched on, falls, or lies off a coast (`placed_by_context` and these)."""
    return (
        placed_by_context(text, start, end)
        or bool(_TAKEN_BEFORE.search(text[max(0, start - 30) : start]))
        or bool(_TAKEN_AFTER.match(text, end))
    )


def looks_like_a_place(doc: Any, text: str, start: int, end: int, big: bool) -> bool:
    """spaCy tags the words as proper nouns, in no entity or a place entity, or the words
    around say it is a place ("at Mirjaveh", "Herat province").

    The small model often calls an unfamiliar town an organisation ("Chaman"), a
    person ("Kunduz") or a nationality; a person needs a town of some size, or a
    place's context, to be believed.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if placed_by_context(text, start, end):
        # The small model calls some towns dates ("at Korday"); a real date has a date word.
        return not (
            any(t.ent_type_ in ("DATE", "TIME") for t in span) and DATE_WORD.search(span.text)
        )
    for ent in doc.ents:
        if ent.start_char < end and start < ent.end_char:
            if (
                ent.label_ in ("DATE", "TIME")
                and ent.start_char < start
                and not DATE_WORD.search(span.text)
            ):
                continue  # "On 3 May Asmara denied": the date ran on into the name after it
            if ent.label_ == "PERSON" and (ent.start_char < start or ent.end_char > end):
                return False  # "Hamid" of "Hamid Karzai": a part of a person's name
            if ent.label_ in ("PERSON", "NORP"):
                # The model calls some cities a people ("Lahore"); nationality adjectives
                # never get here (`country_adjective`), so a big town is still a town.
                return big
            return ent.label_ not in _NOT_PLACE_ENTITIES or ent.label_ == "ORG"
    return all(
        t.pos_ == "PROPN" or t.lower_ in CONNECTORS or t.text in NAME_SMALL_WORDS for t in span
    )


def with_kind_word(text: str, m: PlaceMention) -> PlaceMention:
    """ "Herat province", "Batken region", "Leilek districts": the kind the text says."""
    kw = KIND_WORD.match(text, m.end)
    if not kw or m.kind in ("crossing", "base", "country"):
        return m
    kind = next(k for k, v in kw.groupdict().items() if v)
    if kind == "river" or (kind == "reservoir" and m.kind != "town"):
        return m  # "the Sardoba reservoir": a town's name, the town's point, a reservoir
    return replace(m, kind=kind)


_WRITTEN_KIND_WORD = re.compile(
    r"[ \t]+(?:province|region|oblast|krai|state|territory|governorate"
    r"|(?:border[ \t]+)?crossing|river|dam)(?![\w’'-])",
    re.IGNORECASE,
)


def as_written_with_kind_word(text: str, m: PlaceMention) -> PlaceMention:
    """ "Kursk region", "Kassala state", "the Rafah crossing", "the Mosul dam", "the Fly
    River": a place named as written, with the word that says which of its namesakes is
    meant, is found with that word (the row keeps the place's name, so either reading
    names it). Not where the place's name is spelt otherwise ("Herat province" is Hirat)
    or already holds the word, nor for words that name one thing with a town ("the Narva
    bridge", "the Gwadar district")."""
    kw = _WRITTEN_KIND_WORD.match(text, m.end)
    if (
        kw is None
        or m.kind == "country"
        or m.text != text[m.start : m.end]
        or normalize(m.name) != normalize(m.text)
    ):
        return m
    return replace(m, text=text[m.start : kw.end()])


_COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
_LOCATING_STEP = (
    # an apposition that says what the place is: "Kurmuk, a town in ...", "Gimpo, the port on ..."
    r"(?:(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,4}?)?"
    # a distance before a compass word: "a few miles south of", "20 km west of"
    r"(?:(?:(?:some|about|only|just|a|\d[\d,.]*)\s+)?(?:few\s+)?(?:[a-z]+\s+)?"
    r"(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:in|on|near|across\s+from|opposite|beside|along|outside|upstream\s+of|downstream\s+of"
    rf"|{_COMPASS}\s+of|on\s+the\s+(?:{_COMPASS}\s+)?(?:bank|shore|side|coast)\s+of)"
    r"\s+(?:the\s+)?"
)
_LOCATING_GAP = re.compile(
    rf"\s*,?\s*(?:{_LOCATING_STEP}[{UPPER}][\w’'-]*(?:\s+[{UPPER}][\w’'-]*)?\s*,?\s*)?"
    rf"{_LOCATING_STEP}"
)
"""The words between a place and a name that only says where it lies: "Menaka, on the",
"Kurmuk, a town in", "Eijsden, a Limburg village on the", "Bidart, a few kilometres south
of", "the Tisza near", "Zvornik, on the Drina across from" (a name no list holds between)."""


def locating(doc: Any, text: str, mentions: list[PlaceMention]) -> set[int]:
    """Starts of the mentions named only to say where another of `mentions` lies: "Menaka,
    on the Niger across from Tillaberi, in Niger" (the Niger, Tillaberi and Niger locate
    Menaka), "Kurmuk, a town in Blue Nile state", "the Tisza near Szolnok". The place they
    locate is what the clause is about; they are still places the text names.

    Read from the words between a place and the next one (`_LOCATING_GAP`), and from the
    parse where it hangs a name off another's noun by a preposition or an apposition
    (never through a verb, nor "and": "Benkovac and Knin" are two places alike)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: set[int] = set()
    for a, b in itertools.pairwise(ordered):
        if (
            a.name != b.name
            and 0 <= b.start - a.end <= 80
            and _LOCATING_GAP.fullmatch(text, a.end, b.start)
        ):
            out.add(b.start)
    roots: dict[int, Any] = {}
    for m in ordered:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            roots[m.start] = span
    for m in ordered:
        span = roots.get(m.start)
        if span is None or m.start in out:
            continue
        tok = span.root
        for _ in range(50):
            if tok.dep_ in ("conj", "cc") or tok.head.i == tok.i:
                break
            if tok.head.pos_ in ("VERB", "AUX"):
                break
            tok = tok.head
            owner = next(
                (
                    o
                    for o in ordered
                    if o.name != m.name
                    and o.start in roots
                    and roots[o.start].start <= tok.i < roots[o.start].end
                ),
                None,
            )
            if owner is not None:
                out.add(m.start)
                break
    return out
