"""The place "it" stands for when a dated clause takes, holds or leaves it.

"Rebels seized the village of Tamar in March. On 4 May the army took it back": the
second sentence names no place, and its date belongs to Tamar. Only "it" as what a
verb of taking, holding, leaving or shutting acts on is read ("took it", "moved into
it"), never "it said" or "it was"; and only when one place is meant without doubt.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from borderwatch.ingest.clauses import clause_of
from borderwatch.ingest.dates import DateRef
from borderwatch.ingest.placecues import locating
from borderwatch.ingest.placemention import PlaceMention

ACTED_ON = re.compile(
    r"(?:re)?(?:take[ns]?|took|taking|captur\w+|seiz\w+|h[eo]ld\w*|hand(?:s|ed|ing)?|enter\w*"
    r"|occup\w+|shell\w*|bomb\w*|attack\w*|storm\w*|overr[au]n\w*|besieg\w+|surround\w*"
    r"|encircl\w+|raid\w*|defend\w*|abandon\w*|evacuat\w+|left|leav\w+|lost|los(?:e|es|ing)"
    r"|surrender\w*|ced(?:e|ed|es|ing)|annex\w*|liberat\w+|clos\w+|open\w*|shut\w*|block\w*"
    r"|cross\w*|control\w*)",
    re.IGNORECASE,
)
"""Verbs whose object is a place the clause happened at ("handed it over", "left it");
word forms, as the parser gives no lemmas."""

INTO = frozenset(("into", "through", "on", "towards", "toward", "across", "over"))
"""A movement into or through a place: "moved into it", "walked through it"."""


def _acted_on(tok: Any) -> bool:
    """ "it" as the object of a verb of `ACTED_ON`, or of "into" / "through" after a
    verb ("pushed into it")."""
    if tok.lower_ != "it":
        return False
    if tok.dep_ == "dobj":
        return ACTED_ON.fullmatch(tok.head.text) is not None
    if tok.dep_ == "pobj" and tok.head.lower_ in INTO:
        return tok.head.head.pos_ in ("VERB", "AUX")
    return False


def _subject_places(sent: Any, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places a sentence's main verb has as its subject ("Kessab, a town near
    Latakia, was the first target": Kessab, not Latakia)."""
    heads = [t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    return [m for m in places if any(m.start <= t.idx < m.end for t in heads)]


def _in_subject(doc: Any, m: PlaceMention) -> bool:
    """The place is named inside a subject ("the ministry in Moscow conceded"): it says
    who acted, not a place acted on."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in (root, *root.ancestors))


def _heads(doc: Any, places: list[PlaceMention]) -> list[PlaceMention]:
    """`places` without those named only to say where another of them lies."""
    located = locating(doc, doc.text, places)
    return [m for m in places if m.start not in located]


def _one(places: list[PlaceMention]) -> PlaceMention | None:
    return places[0] if len({m.name for m in places}) == 1 else None


def meant_by_it(
    doc: Any,
    sent: Any,
    in_sentence: list[PlaceMention],
    dates: list[DateRef],
    before: list[PlaceMention],
    before_sent: Any,
) -> list[PlaceMention]:
    """Places "it" stands for in the dated clauses of `sent`, as referred mentions at "it".

    "it" is the one finer place an earlier clause of the sentence names; without one,
    the one the sentence before named (`before`), else the one named in that sentence's
    subject ("Kessab, a town on the coast, was the first target. Rebels took it on 21
    March"). Several places there, or none, and "it" stands for nothing."""
    dated = {clause_of(doc, d.begin) for d in dates}
    out: list[PlaceMention] = []
    for tok in sent:
        if not _acted_on(tok):
            continue
        own = clause_of(doc, tok.idx)
        # its own clause dated, or one it depends on ("admitted by May that they had left it")
        if own < 0 or not dated & {own, *(t.i for t in doc[own].ancestors)}:
            continue
        earlier = [
            m
            for m in in_sentence
            if m.start < tok.idx
            and m.kind != "country"
            and m.source not in ("referred", "guessed")
            and clause_of(doc, m.start) != own
            and not _in_subject(doc, m)
        ]
        finer = [m for m in before if m.kind != "country" and m.source != "guessed"]
        # "Rebels took Menaka, on the Niger across from Tillaberi, ... retook it": not the
        # places named only to say where Menaka lies
        earlier = _heads(doc, earlier)
        finer = _heads(doc, finer)
        if earlier:
            place = _one(earlier)
        else:
            place = _one(finer)
            if place is None and before_sent is not None:
                place = _one(_subject_places(before_sent, finer))
        if place is not None:
            end = tok.idx + len(tok)
            out.append(replace(place, text=tok.text, start=tok.idx, end=end, source="referred"))
    return out
