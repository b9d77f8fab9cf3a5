"""From a briefing's text to candidate event rows for an editor to check.

spaCy (`nlp.parse`) splits the text into sentences and finds entities and the
grammar of each clause; `places.PlaceFinder` finds the places (curated, GeoNames,
countries, unplaced entities); `dates.find_dates` resolves the date expressions
against the publication date; `eventtype.propose` reads what the clause says
happened at each place. A sentence gives one candidate per (place, date) pair,
each date going to the place of its own clause, else the nearest. Candidates are
marked `status=candidate` with `event_id`, `summary` and `confidence` blank:
the editor writes the summary in their own words, and ids are assigned when
rows are saved. The sentence is shown for review (`evidence_sentence`) and
never saved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from borderwatch.data import vocab
from borderwatch.data.problems import DataError, Problem
from borderwatch.ingest import nlp, typemodel
from borderwatch.ingest.dates import DateRef, find_dates
from borderwatch.ingest.eventtype import (
    NO_CUE,
    NOTHING_SAID,
    TypeCue,
    clause_cue,
    cue_of,
    governing_verb,
    propose,
)
from borderwatch.ingest.fold import fold
from borderwatch.ingest.placecues import placed_by_context
from borderwatch.ingest.placemention import GEO_PRECISION_BY_KIND, PlaceMention
from borderwatch.ingest.places import PlaceFinder

__all__ = ["GEO_PRECISION_BY_KIND", "PlaceFinder", "PlaceMention", "fold"]

MAX_BRIEFING_CHARS = 50_000
"""Longest text read as one briefing: about 8,000 words, some fifteen pages (the two
source briefings are 10,000 and 19,000 characters). Extraction takes about a second a
page, so a longer text, or a padded one, would hold the page for minutes."""

STATUS_CANDIDATE = "candidate"
STATUS_CHECKED = "checked"
STATUSES: tuple[str, ...] = (STATUS_CANDIDATE, STATUS_CHECKED)

REVIEW_COLUMNS: tuple[str, ...] = ("candidate_confidence", "evidence_sentence")
"""Shown to the editor beside each candidate: how sure the extractor is (0-1: the
place's source x an explicit or relative date x how directly the wording types
it) and the sentence it comes from."""

EVIDENCE_COLUMNS: tuple[str, ...] = (
    "evidence_sentence_start",
    "evidence_sentence_end",
    "evidence_place_text",
    "evidence_place_start",
    "evidence_place_source",
    "evidence_date_text",
    "evidence_type_cue",
)
"""Where in the briefing each candidate comes from (offsets into the text)."""

CANDIDATE_COLUMNS: tuple[str, ...] = (
    "status",
    *vocab.EVENT_COLUMNS,
    *REVIEW_COLUMNS,
    *EVIDENCE_COLUMNS,
)

_SEE_ALSO = re.compile(r"\((?:see|cf\.?)\s[^)]*\)", re.IGNORECASE)

PLACE_TRUST = {
    "curated": 1.0,
    "water": 0.8,
    "geonames": 0.8,
    "country": 0.8,
    "province": 0.8,
    "entity": 0.5,
    "referred": 0.6,
    "guessed": 0.3,
}
"""How much each place source is trusted; "guessed" is the place the text has named most,
given to a dated sentence that names none after one about several places."""

_STAND_INS = ("referred", "guessed")
"""Sources of mentions that stand for a place named elsewhere, not a naming of it."""


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence, as spaCy splits them."""
    return [(s.start_char, s.end_char) for s in nlp.parse(text).sents if s.text.strip()]


def propose_type(sentence: str) -> tuple[str, str]:
    """(event type, the word that suggested it) from a sentence; ('', '') if nothing fits.

    Reads the whole sentence with spaCy; `eventtype.propose` gives a place's own clause.
    """
    doc = nlp.parse(sentence)
    for tok in doc:
        if cue_of(tok.text):
            cue = propose(doc[:], tok.idx, tok.idx + len(tok))
            if cue.event_type:
                return cue.event_type, cue.cue
    return "", ""


def cross_references(text: str) -> list[tuple[int, int]]:
    """Spans of "(see OTHER BRIEFING - July 5, 2021)": their places and dates are not events."""
    return [m.span() for m in _SEE_ALSO.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


_BACK_REFERENCE = re.compile(
    r"\bthe\s+(?P<word>crossing|border\s+post|post|gate|town|city|base|checkpoint|bridge"
    r"|region|province|district|country|reservoir|dam|river|lake|port|village|pass|tunnel"
    r"|state|exclave|enclave)\b"
    r"|\b(?:closed|shut|reopened|opened|crossed|blocked)\s+it\b|\bthere\b",
    re.IGNORECASE,
)
_REFERRED_KINDS: dict[str, tuple[str, ...]] = {
    "region": ("province", "region"),
    "state": ("province", "region"),
    "pass": ("crossing",),
    "tunnel": ("crossing", "site"),
    "exclave": ("province", "region", "district"),
    "enclave": ("province", "region", "district", "town"),
    "province": ("province", "region"),
    "district": ("district",),
    "town": ("town", "city", "capital", "district"),
    "city": ("town", "city", "capital"),
    "country": ("country",),
    "village": ("town",),
    "port": ("town", "city", "site"),
    "reservoir": ("reservoir",),
    "dam": ("reservoir",),
    "river": ("river",),
    "lake": ("lake",),
}
"""What "the region", "the town", "the country" stand for: the place of that kind named
most often so far; any other word ("the crossing", "the bridge") the place named most.
"The country", "the river" and "the lake" stand for nothing when no place of their kind
was named; the others then stand for the place named most."""
_ONLY_OF_KIND = ("country", "river", "lake")


def _subject(named: list[PlaceMention]) -> PlaceMention | None:
    """The place named most often so far (the later on a tie): what "the crossing" means."""
    if not named:
        return None
    counts: dict[str, int] = {}
    for m in named:
        counts[m.name] = counts.get(m.name, 0) + 1
    return max(reversed(named), key=lambda m: counts[m.name])


_BOTH = re.compile(
    r"\b(?:both|the\s+two)\s+(?P<word>towns|cities|villages|ports|crossings|posts|bridges"
    r"|provinces|regions|districts|countries)\b",
    re.IGNORECASE,
)
"""A plural back-reference: "shelling on both towns", "the two crossings"."""


def _both(m: re.Match[str], start: int, named: list[PlaceMention]) -> list[PlaceMention]:
    """ "both towns": the last two places of that kind named before (for a crossing, a post or
    a bridge, the last two places), or nothing when fewer were named."""
    word = m.group("word").lower()
    singular = {"countries": "country", "cities": "city"}.get(word, word[:-1])
    kinds = _REFERRED_KINDS.get(singular)
    latest: dict[str, PlaceMention] = {}
    for n in named:
        if kinds is None or n.kind in kinds:
            latest.pop(n.name, None)
            latest[n.name] = n
    two = list(latest.values())[-2:]
    if len(two) < 2:
        return []
    end = start + len(m.group(0))
    return [replace(n, text=m.group(0), start=start, end=end, source="referred") for n in two]


def _referred(sent: Any, named: list[PlaceMention], last: PlaceMention) -> list[PlaceMention]:
    """ "the crossing", "the region", "the country" in a sentence naming no place: the place
    of that kind named most often before (`last`, the subject, for a crossing or a bridge);
    "both towns", the two named last."""
    both = _BOTH.search(sent.text)
    if both:
        found = _both(both, sent.start_char + both.start(), named)
        if found:
            return found
    m = _BACK_REFERENCE.search(sent.text)
    if not m:
        return []
    return _referred_at(m, sent.start_char + m.start(), named, last)


def _referred_at(
    m: re.Match[str], start: int, named: list[PlaceMention], last: PlaceMention
) -> list[PlaceMention]:
    """The place one back-reference (`m`, at `start` in the text) stands for."""
    # "closed it", "there": the place named most, as "the crossing" is
    kinds = _REFERRED_KINDS.get((m.group("word") or "").lower())
    if kinds is not None:
        of_kind = _subject([n for n in named if n.kind in kinds])
        if of_kind is None and kinds[0] in _ONLY_OF_KIND:
            return []  # "the country" with no country named: nothing to stand for
        last = of_kind or last
    return [
        replace(last, text=m.group(0), start=start, end=start + len(m.group(0)), source="referred")
    ]


def _referred_in_dated_clauses(
    doc: Any,
    sent: Any,
    in_sentence: list[PlaceMention],
    dates: list[DateRef],
    named: list[PlaceMention],
    last: PlaceMention,
) -> list[PlaceMention]:
    """ "the pass", "the region", "the tunnel" in a dated clause that names no place of its
    own, though other clauses of the sentence do: "The highway was completed in 1979; the
    pass itself was opened to travellers in 1986" dates the pass the text is about, not
    the highway. Without this the date went to the nearest place of another clause."""
    own = {_clause_of(doc, m.start) for m in in_sentence if m.kind != "country"}
    dated = {_clause_of(doc, d.begin) for d in dates} - own
    out: list[PlaceMention] = []
    for m in _BACK_REFERENCE.finditer(sent.text):
        start = sent.start_char + m.start()
        if _clause_of(doc, start) in dated and not any(
            p.start <= start < p.end for p in in_sentence
        ):
            out += _referred_at(m, start, named, last)
    return out


def _carried(m: PlaceMention, d: DateRef) -> PlaceMention:
    """ "The handover was unpopular in Kyrgyzstan. In October the security service detained
    twenty activists": a dated sentence that names no place goes on about the one place
    the sentence before named. Nothing in it spells the place, so the mention has no text;
    it stands at the date, whose clause types it."""
    return replace(m, text="", start=d.begin, end=d.stop, source="referred")


def _standing_in(
    sent: Any,
    d: DateRef,
    previous: list[PlaceMention],
    named: list[PlaceMention],
    countries: list[PlaceMention],
) -> list[PlaceMention]:
    """The places a dated sentence that names none is about, so that its date is not lost.

    The one place the sentence before was about, else the place the text has named
    most, trusted as a guess ("The attackers slipped into the brigade headquarters before dawn on 18
    September": the base the briefing is about); and a country named before whose
    adjective says who acted ("On Friday the Indian prime minister told ...": India),
    which `_acting_country` then trusts half as much as the place.
    """
    out = [_carried(previous[0], d)] if previous else []
    subject = _named_most(named) if not previous else None
    if subject is not None:
        out = [replace(_carried(subject, d), source="guessed")]
    for tok in sent:
        adjective = tok.pos_ == "ADJ" or tok.ent_type_ == "NORP"
        country = _country_by_adjective(tok.text, countries) if adjective else None
        if country is not None and country.name not in {m.name for m in out}:
            out.append(
                replace(
                    country, text=tok.text, start=tok.idx, end=tok.idx + len(tok), source="referred"
                )
            )
    return out


def _named_most(named: list[PlaceMention]) -> PlaceMention | None:
    """The place named more often than any other so far; None on a tie."""
    counts: dict[str, int] = {}
    for m in named:
        counts[m.name] = counts.get(m.name, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return _subject(named)


def _unplaced_clauses(
    doc: Any,
    in_sentence: list[PlaceMention],
    dates: list[DateRef],
    pairs: list[tuple[PlaceMention, DateRef | None]],
    named: list[PlaceMention],
) -> list[tuple[PlaceMention, DateRef | None]]:
    """A dated clause that names no place of its own, in a sentence whose places belong to
    its other clauses ("The standoff ended on 5 May, when ...; India agreed to dismantle
    bunkers near Chumar"), is also proposed at the place the text has named most, as a
    guess, when the sentence does not name that place: the nearest place of another
    clause is often not where it happened."""
    subject = _named_most(named)
    if subject is None or subject.name in {m.name for m in in_sentence}:
        return []  # a place of the sentence itself was weighed by the clause rule
    own = {_clause_of(doc, m.start) for m in in_sentence if m.kind != "country"}
    out: list[tuple[PlaceMention, DateRef | None]] = []
    for d in dates:
        if d.restates >= 0 or _clause_of(doc, d.begin) in own:
            continue
        if any(p is not None and p.begin == d.begin and m.name == subject.name for m, p in pairs):
            continue
        out.append((replace(_carried(subject, d), source="guessed"), d))
    return out


def _country_by_adjective(word: str, countries: list[PlaceMention]) -> PlaceMention | None:
    """The country named before whose adjective `word` is ("Indian" of India, "Tajik" of
    Tajikistan, "Chinese" of China, "Thai" of Thailand, "Finnish" of Finland): the
    country's name less an ending, or its stem (less its final vowels, or less "-ey",
    "-land", "-on") with an adjective's ending."""
    key = fold(word)
    if len(key) < 4:
        return None
    for c in reversed(countries):
        name = fold(c.name).split()[0]
        if name.startswith(key) and name[len(key) :] in ("", "istan", "stan", "ia", "land"):
            return c
        stems = {name.rstrip("aeiouy"), name.removesuffix("ey"), name.removesuffix("on")}
        stems |= {name.removesuffix("land"), name.removesuffix("and")} - {name}
        if any(
            len(stem) >= 3
            and key.startswith(stem)
            and key[len(stem) :] in ("n", "an", "ian", "i", "ese", "ish", "nish")
            for stem in stems
        ):
            return c
    return None


def _topic(sent: Any, named: list[PlaceMention]) -> list[PlaceMention]:
    """The places a sentence is about: all it names when that is one place, else the
    finer places inside the subject of its main verb, outside its relative clauses ("The
    standoff on the Kalo pass, where A, B and C meet, is over": the Kalo pass), when they
    are one place."""
    if len({m.name for m in named}) <= 1:
        return named
    subjects = [t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    # a relative clause in the subject ("where A, B and C meet") says where, not what
    asides = {t.i for s in subjects for r in s.subtree if r.dep_ == "relcl" for t in r.subtree}
    words = [t for s in subjects for t in s.subtree if t.i not in asides]
    spans = [(t.idx, t.idx + len(t)) for t in words]
    about = [m for m in named if m.kind != "country" and _inside(m.start, spans)]
    return about if len({m.name for m in about}) == 1 else []


def _heading(text: str, start: int, end: int) -> bool:
    """A line of its own without a full stop ("Batken: shots on the Tajik frontier").

    A heading names what the briefing is about, so its places are proposed (undated,
    and trusted little for want of a date) even where it says nothing that happened.
    """
    sentence = text[start:end].strip()
    if not sentence:
        return False
    start = text.index(sentence, start)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start + len(sentence))
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    return line == sentence and line[-1] not in ".!?;"


def _dateline(text: str, d: DateRef) -> bool:
    """The date is a line of its own ("Published 20 July 2021"): the briefing's, not an event's."""
    line_start = text.rfind("\n", 0, d.begin) + 1
    line_end = text.find("\n", d.stop)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    rest = line.replace(d.text, "").strip(" \t,.:-–")
    return rest.lower() in ("", "published", "updated", "dated", "as of")


def _clause_of(doc: Any, pos: int) -> int:
    """Index of the verb whose clause holds the character at `pos` (-1 if none)."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return -1
    return int(governing_verb(span[0]).i)


def _pairs(
    doc: Any, text: str, mentions: list[PlaceMention], dates: list[DateRef]
) -> list[tuple[PlaceMention, DateRef | None]]:
    """(place, date) pairs of one sentence, in text order, each place once per date.

    Each place gets the nearest date of its own clause (else of the sentence),
    and each date the nearest place of its clause, so that "X met Y on July 5,
    and Moscow answered two days later" keeps both events. A country that acts
    where the sentence names a finer place ("Uzbekistan closed the crossing at
    Termez") is paired last, with its clause's date: its row (`_acting_country`)
    is the country's own act, trusted less. A date that counts back from another
    ("on 24 February, ten days after shelling closed it") goes to the place its
    clause names, else to the places of the date it restates.
    """
    clause = {m.start: _clause_of(doc, m.start) for m in mentions}
    dclause = {d.begin: _clause_of(doc, d.begin) for d in dates}

    def date_for(m: PlaceMention) -> DateRef | None:
        return min(
            dates,
            key=lambda d: (dclause[d.begin] != clause[m.start], abs(d.begin - m.start)),
            default=None,
        )

    # A country where something happened ("crossed into Uzbekistan") is a place of
    # the event; one that acts ("Uzbekistan closed ...") is not.
    finer = [m for m in mentions if m.kind != "country" or placed_by_context(text, m.start, m.end)]
    finer = finer if any(m.kind != "country" for m in finer) else mentions
    pairs: dict[tuple[str, int], tuple[PlaceMention, DateRef | None]] = {}
    for m in finer:
        d = date_for(m)
        pairs.setdefault((m.name, d.begin if d else -1), (m, d))
    for d in dates:
        if d.restates >= 0:
            # What the clause counts back to happened at the place it names ("the day
            # before Kabul fell"), else where the restated date's event did.
            own = [m for m in mentions if m.start >= d.begin and m.kind != "country"]
            if not own:
                restated = [
                    p for p in pairs.values() if p[1] is not None and p[1].begin == d.restates
                ]
                own = [m for m, _ in restated if m.kind != "country"]
            for m in own:
                pairs.setdefault((m.name, d.begin), (m, d))
            if own:
                continue
        m = min(
            mentions,
            key=lambda m: (dclause[d.begin] != clause[m.start], abs(m.start - d.begin)),
        )
        pairs.setdefault((m.name, d.begin), (m, d))
    for m in mentions:
        if m.name not in {p[0].name for p in pairs.values()}:
            own_date = date_for(m)
            pairs.setdefault((m.name, own_date.begin if own_date else -1), (m, own_date))
    return sorted(pairs.values(), key=lambda p: p[0].start)


_NOUN_DEPS = ("nsubj", "nsubjpass", "csubj", "dobj", "pobj", "pcomp", "compound", "amod")
"""Where a verb form stands as a noun ("after shelling ..."): not what the clause says happened."""


def _restated_cue(sent: Any, d: DateRef) -> TypeCue | None:
    """What happened on the earlier day of "ten days after shelling closed it": the
    clause's first verb with an event word ("closed"), else its first event word; what
    "after" / "before" governs first ("two days after the ceasefire, guards opened fire":
    the ceasefire)."""
    words = [t for t in sent if t.idx >= d.begin and cue_of(t.text)]
    link = next(
        (t for t in sent if t.idx >= d.begin and t.lower_ in ("after", "before", "since")),
        None,
    )
    inside: set[int] = set()
    for tok in sent[link.i - sent.start :] if link is not None else ():
        if tok.text in (",", ";", ":") and inside:
            break  # the phrase "after …" ends where the clause resumes
        inside.add(tok.i)
    # What the link governs, then a verb heading its clause: in "after shelling closed it"
    # the gerund is not one.
    for tok in sorted(
        words, key=lambda t: (t.i not in inside, t.pos_ != "VERB", t.dep_ in _NOUN_DEPS)
    ):
        if tok.i in inside and tok.pos_ != "VERB":
            return TypeCue(cue_of(tok.text), tok.text, 0.8)  # "after the ceasefire"
        cue = propose(sent, tok.idx, tok.idx + len(tok))
        if cue.event_type:
            return cue
    return None


def _dated_cue(doc: Any, d: DateRef, m: PlaceMention) -> TypeCue | None:
    """What the verb the date belongs to says: the date says when *that* happened.

    "Iran's foreign ministry said on the 23rd that its consulate in Herat would stay
    open" dates the statement, not the consulate; "protesters blocked the road in
    Rushan, and on 18 May troops launched an operation there" dates the operation.
    A clause joined on after the date's ("opened its border on 12 June, and refugees
    crossed at Dostuk") is an event of its own on that day: its verb types it.
    """
    span = doc.char_span(d.begin, d.stop, alignment_mode="expand")
    place = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or place is None:
        return None
    verb, own = governing_verb(span.root), governing_verb(place.root)
    if own.i > verb.i and own.dep_ == "conj" and verb in own.ancestors:
        return None
    cue = clause_cue(verb, {t.i for t in span})
    return cue if cue.event_type else None


def _acting_country(text: str, m: PlaceMention, in_sentence: list[PlaceMention]) -> bool:
    """ "Pakistan reopened the Ghulam Khan crossing": a country acting where a finer place is named.

    Still a candidate (the country's own act, and the editor may want it), but the
    event is at the finer place, so the row is trusted half as much.
    """
    return (
        m.kind == "country"
        and not placed_by_context(text, m.start, m.end)
        and any(o.kind != "country" for o in in_sentence)
    )


def _confidence(m: PlaceMention, d: DateRef | None, cue: TypeCue) -> float:
    """How much the extractor trusts a candidate, 0-1: place source x date x type cue."""
    date = 0.5 if d is None else (1.0 if d.explicit else 0.8)
    kind = cue.strength if cue.event_type else 0.4
    return round(PLACE_TRUST[m.source] * date * kind, 2)


def _coord(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}".rstrip("0").rstrip(".")


def check_briefing_length(text: str, name: str) -> None:
    """DataError when `text` is too long to read as one briefing, naming the line where
    the limit falls (where to split it)."""
    if len(text) > MAX_BRIEFING_CHARS:
        line = text.count("\n", 0, MAX_BRIEFING_CHARS) + 1
        message = (
            f"the briefing is {len(text):,} characters long and passes the limit of "
            f"{MAX_BRIEFING_CHARS:,} (about fifteen pages) on this line; split it and add "
            "each part on its own"
        )
        raise DataError([Problem(name, line, None, message)])


def extract_candidates(
    text: str,
    published: dt.date,
    source_id: str,
    places: pd.DataFrame,
    outlines: Path | None = None,
    finder: PlaceFinder | None = None,
    name: str = "briefing text",
) -> pd.DataFrame:
    """Candidate rows (CANDIDATE_COLUMNS, all text) for the places each sentence names.

    `outlines` (the data folder's borders.geojson) places countries places.csv
    lacks; pass a ready `finder` to reuse one across texts. A text longer than
    `MAX_BRIEFING_CHARS` raises DataError naming `name` and the line the limit falls on.
    """
    check_briefing_length(text, name)
    finder = finder or PlaceFinder(places, outlines=outlines)
    doc = nlp.parse(text)
    skip = cross_references(text)
    dates = [
        d
        for d in find_dates(text, published)
        if not _inside(d.begin, skip) and not _dateline(text, d)
    ]
    mentions = [m for m in finder.find(text, doc) if not _inside(m.start, skip)]
    # A capital acting as its government ("Tbilisi did not close the crossing") is named
    # together with its country at the same words; it is no place the text is about, so
    # "the crossing" and the dated sentences that name no place never stand for it.
    governing = {m.start for m in mentions if m.kind == "country"}

    def _place(m: PlaceMention) -> bool:
        return m.kind == "country" or m.start not in governing

    rows: list[dict[str, str]] = []
    actors: list[dict[str, str]] = []
    last_place: PlaceMention | None = None
    named: list[PlaceMention] = []
    countries: list[PlaceMention] = []
    headed: list[dict[str, str]] = []
    settings: dict[str, dict[str, str]] = {}
    previous: list[PlaceMention] = []
    for sent in doc.sents:
        s_start, s_end = sent.start_char, sent.end_char
        in_sentence = [m for m in mentions if s_start <= m.start < s_end]
        sentence_dates = [d for d in dates if s_start <= d.begin < s_end]
        if last_place is not None and all(
            m.kind == "country" or not _place(m) for m in in_sentence
        ):
            # "Pakistan reopened the crossing": a country is not the crossing meant
            referred = _referred(sent, named + countries, last_place)
            in_sentence = sorted(in_sentence + referred, key=lambda m: m.start)
        if not in_sentence and sentence_dates:
            in_sentence = _standing_in(sent, sentence_dates[0], previous, named, countries)
        previous = _topic(sent, [m for m in in_sentence if m.source != "referred" and _place(m)])
        named += [
            m
            for m in in_sentence
            if m.kind != "country" and m.source not in _STAND_INS and _place(m)
        ]
        countries += [m for m in in_sentence if m.kind == "country" and m.source not in _STAND_INS]
        last_place = _subject(named) or last_place
        if not in_sentence:
            continue
        if sentence_dates and last_place is not None:
            in_sentence = sorted(
                in_sentence
                + _referred_in_dated_clauses(
                    doc, sent, in_sentence, sentence_dates, named + countries, last_place
                ),
                key=lambda m: m.start,
            )
        cues = {m.start: propose(sent, m.start, m.end) for m in in_sentence}
        heading = _heading(text, s_start, s_end)
        if not sentence_dates and not any(c.event_type for c in cues.values()) and not heading:
            # nothing that happened: the places are only the setting, kept once each
            for m in in_sentence:
                if m.source != "referred":
                    settings.setdefault(m.name, _setting_row(m, source_id, text, s_start, s_end))
            continue
        pairs = _pairs(doc, text, in_sentence, sentence_dates)
        pairs += _unplaced_clauses(doc, in_sentence, sentence_dates, pairs, named)
        for m, d in pairs:
            cue = cues.get(m.start, NO_CUE)
            if d is not None and d.restates >= 0:
                # the event "after X" refers to is read on purpose (TypeCue.explicit)
                cue = replace(_restated_cue(sent, d) or NOTHING_SAID, explicit=True)
            elif d is not None:
                cue = _dated_cue(doc, d, m) or cue
            if d is not None:
                # the learned model speaks where the rules found nothing (typemodel)
                cue = typemodel.type_dated(doc, d.begin, d.stop, cue)
            row = _row(m, d, cue, source_id, text, s_start, s_end)
            if heading and d is None:
                headed.append(row)
            elif _acting_country(text, m, in_sentence):
                row["candidate_confidence"] = f"{_confidence(m, d, cue) / 2:.2f}"
                actors.append(row)
            else:
                rows.append(row)
    # A heading's place that the text goes on to propose says nothing more undated.
    proposed = {r["place"] for r in rows + actors}
    rows = [r for r in headed if r["place"] not in proposed] + rows
    # A place named only as the setting: one undated row per place, last of all.
    proposed |= {r["place"] for r in rows}
    mentioned = [r for p, r in settings.items() if p not in proposed]
    # The countries' own acts after the events at places, the mere mentions last.
    full = [{c: r.get(c, "") for c in CANDIDATE_COLUMNS} for r in rows + actors + mentioned]
    # Numbered from 1, as the editor and its messages show them.
    return pd.DataFrame(
        full, columns=list(CANDIDATE_COLUMNS), dtype=str, index=pd.RangeIndex(1, len(full) + 1)
    )


MENTIONED_CUE = "named only as the setting"
"""`evidence_type_cue` of a place no sentence gives an event or a date: proposed once,
undated and untyped, at a tenth of the trust, so the editor can keep or drop it."""


def _setting_row(
    m: PlaceMention, source_id: str, text: str, s_start: int, s_end: int
) -> dict[str, str]:
    row = _row(m, None, NO_CUE, source_id, text, s_start, s_end)
    row["candidate_confidence"] = f"{PLACE_TRUST[m.source] * 0.1:.2f}"
    row["evidence_type_cue"] = MENTIONED_CUE
    return row


def _row(
    m: PlaceMention,
    d: DateRef | None,
    cue: TypeCue,
    source_id: str,
    text: str,
    s_start: int,
    s_end: int,
) -> dict[str, str]:
    return {
        "status": STATUS_CANDIDATE,
        "date_start": d.start.isoformat() if d else "",
        "date_end": d.end.isoformat() if d else "",
        "date_precision": d.precision if d else "",
        "event_type": cue.event_type,
        "place": m.name,
        "country": m.country,
        "latitude": "" if m.source == "curated" else _coord(m.latitude),  # curated: places.csv
        "longitude": "" if m.source == "curated" else _coord(m.longitude),
        "geo_precision": m.geo_precision,
        "source_id": source_id,
        "candidate_confidence": f"{_confidence(m, d, cue):.2f}",
        "evidence_sentence": " ".join(text[s_start:s_end].split()),
        "evidence_sentence_start": str(s_start),
        "evidence_sentence_end": str(s_end),
        "evidence_place_text": m.text,
        "evidence_place_start": str(m.start),
        "evidence_place_source": m.coord_source or m.source,
        "evidence_date_text": d.text if d else "",
        "evidence_type_cue": cue.cue,
    }
