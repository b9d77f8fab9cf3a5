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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from borderwatch.data import vocab
from borderwatch.data.gazetteer import normalize
from borderwatch.data.problems import DataError, Problem
from borderwatch.ingest import nlp, pronouns, standins, typemodel
from borderwatch.ingest.clauses import clause_of
from borderwatch.ingest.countries import capital_countries
from borderwatch.ingest.dates import WEEKDAY, DateRef, find_dates
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
from borderwatch.ingest.placecues import locating, placed_by_context
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

HEADLINE_WEIGHT = 3
"""How many namings a place in the text's headline counts for ("Syria–Turkey: Afrin falls to
Olive Branch"): the headline says what the briefing is about, so where a dated sentence names
no place, or a government acts with no site, the guess of the place (or country) the text names
most leans to the headline's, which the body may name less often than a place in passing."""


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


_WEEKDAY_NAME = re.compile(rf"\(?\b{WEEKDAY}\b\)?")


def _dateline(text: str, d: DateRef) -> bool:
    """The date is a line of its own ("Published 20 July 2021", "Published on Saturday,
    8 August 1964"): the briefing's, not an event's. Its weekday only names the same day."""
    line_start = text.rfind("\n", 0, d.begin) + 1
    line_end = text.find("\n", d.stop)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    rest = _WEEKDAY_NAME.sub(" ", line.replace(d.text, ""))
    rest = " ".join(rest.split()).strip(" \t,.:-–")
    return rest.lower() in ("", "published", "updated", "dated", "as of", "published on")


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
    clause = {m.start: clause_of(doc, m.start) for m in mentions}
    # "the garrison of Menaka, on the Niger across from Tillaberi": a date whose clause names
    # no place goes to the place the others only locate
    located = locating(doc, text, mentions)
    dclause = {d.begin: clause_of(doc, d.begin) for d in dates}

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
        host, at = _antecedent_clause(doc, dclause[d.begin], d.begin)
        shared = host != dclause[d.begin] and doc[dclause[d.begin]].dep_ == "conj"
        m = min(
            mentions,
            key=lambda m: (
                dclause[d.begin] != clause[m.start],
                clause[m.start] != host,
                m.start in located,
                shared and _aside(doc, text, m, host),
                shared and not _subject_of(doc, text, m, host),
                abs(m.start - at),
            ),
        )
        pairs.setdefault((m.name, d.begin), (m, d))
    for m in mentions:
        if m.name not in {p[0].name for p in pairs.values()}:
            own_date = date_for(m)
            pairs.setdefault((m.name, own_date.begin if own_date else -1), (m, own_date))
    return sorted(pairs.values(), key=lambda p: p[0].start)


def _antecedent_clause(doc: Any, verb_at: int, pos: int) -> tuple[int, int]:
    """(clause, position) a date's place is sought from when its own clause names none.

    A relative clause tells about the noun it hangs on ("the drills, which ran from 10 to
    20 February, ..."): its date goes to the place of that noun's clause, the nearest to
    the noun, not to whatever place comes nearest after it. A verb joined on to another
    without a subject of its own ("... in 1926 and was absorbed outright in 1930") tells
    more of the first verb's subject: the first verb's clause, from that verb (where `_pairs`
    puts its subject or object before a name in a phrase or a country acting). Any other
    clause: its own clause and the date's position."""
    verb = doc[verb_at] if verb_at >= 0 else None
    if verb is None or verb.head.i == verb.i:
        return verb_at, pos
    if (
        verb.dep_ == "conj"
        and verb.head.pos_ in ("VERB", "AUX")
        # the date read as the subject ("and the following month closed its airspace") is
        # none: the verb still tells more of the first verb's subject
        and not any(c.dep_ in _SUBJECTS and c.left_edge.idx != pos for c in verb.children)
    ):
        # "Asir put itself under Saudi protection by the Treaty of Mecca in 1926 and was
        # absorbed outright in 1930": the date goes to Asir, not to Mecca, nearer
        return int(verb.head.i), int(verb.head.idx)
    if verb.dep_ not in ("relcl", "acl"):
        return verb_at, pos
    noun = verb.head
    return int(governing_verb(noun).i), int(noun.idx)


def _subject_of(doc: Any, text: str, m: PlaceMention, verb_at: int) -> bool:
    """Whether `m` is the subject of the verb at `verb_at`, so that a verb joined on to it
    without a subject of its own tells more of `m` ("Algiers cut its ties with Rabat in
    August, and the following month closed its airspace": Algiers closed it, not Rabat,
    though Rabat is named nearer). A country acting beside a finer place is not meant."""
    tok = _place_root(doc, text, m)
    return tok is not None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == verb_at


def _place_root(doc: Any, text: str, m: PlaceMention) -> Any:
    """The parse token heading the mention `m`; None for a country acting beside a finer place
    ("Pakistan closed Torkham") or a mention the parse cannot span."""
    if m.kind == "country" and not placed_by_context(text, m.start, m.end):
        return None
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return None if span is None else span.root


_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
_CORE = ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative")


def _aside(doc: Any, text: str, m: PlaceMention, verb_at: int) -> bool:
    """Whether a place of the verb's clause is not what the verb is about: a country acting
    beside a finer place ("Pakistan closed Torkham"), or a name inside a phrase of
    circumstance ("by the Treaty of Mecca") rather than in the subject or the object."""
    root = tok = _place_root(doc, text, m)
    if tok is None:
        return True
    for _ in range(50):
        if tok.head.i == verb_at:
            # "shut the crossing at Dostuk": the phrase's own name is where it happened
            return tok.dep_ not in _CORE and not (tok.dep_ == "prep" and root.head == tok)
        if tok.head.i == tok.i:
            return True
        tok = tok.head
    return True


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


@dataclass(frozen=True)
class _Found:
    """A place the walk over the sentences paired with a date (or with none), and the rules'
    cue for it, kept until the learned model types it (`extract_candidates`)."""

    mention: PlaceMention
    date: DateRef | None
    cue: TypeCue
    heading: bool
    in_sentence: list[PlaceMention]
    start: int
    end: int
    carried: bool = False
    """Dated by the placeless sentence just before (`_carried_date`), typed as that date's
    clause reports (fifty-first round, f2: on all of dev, on the retirement commit's
    model, dates 13620 → 13641/14781 and types 11486 → 11494/14589 with the date
    readings of the same round; places and precision unchanged)."""

    @property
    def spellings(self) -> tuple[str, str]:
        """The place as the text spells it and its name, as the encoder reads them marked."""
        return (self.mention.text, self.mention.name)


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
    # the finer places the sentence before named, in order: "the town" is the one just named
    recent: list[PlaceMention] = []
    # the government an undated sentence made its subject ("Washington moved late."): who
    # the next sentence's president or ministry act for
    government: PlaceMention | None = None
    # the sentence just before and the finer places it named: what "took it" may stand for
    last_sent: Any = None
    last_named: list[PlaceMention] = []
    # the places a candidate row spells (not a stand-in's)
    spelt: set[str] = set()
    # each place paired with its date (or none), in the text's order, before the model types it
    found: list[_Found] = []
    # the text's headline: the heading lines it opens with (HEADLINE_WEIGHT)
    headline = True
    # the last date of the sentence just before when it named no place of its own
    placeless_date: DateRef | None = None
    for sent in doc.sents:
        headline = headline and _heading(text, sent.start_char, sent.end_char)
        weight = HEADLINE_WEIGHT if headline else 1
        before = recent
        about_before = previous
        s_start, s_end = sent.start_char, sent.end_char
        in_sentence = [m for m in mentions if s_start <= m.start < s_end]
        sentence_dates = [d for d in dates if s_start <= d.begin < s_end]
        carried = None if sentence_dates else _carried_date(text, placeless_date, s_start)
        placeless_date = sentence_dates[-1] if sentence_dates and not in_sentence else None
        government_before = government
        government = None if sentence_dates else standins.government_subject(sent, in_sentence)
        if last_place is not None and all(
            m.kind == "country" or not _place(m) for m in in_sentence
        ):
            # "Pakistan reopened the crossing": a country is not the crossing meant
            referred = standins.referred(
                sent, named + countries, last_place, before, bool(sentence_dates)
            )
            in_sentence = sorted(in_sentence + referred, key=lambda m: m.start)
        if not in_sentence and sentence_dates:
            in_sentence = standins.standing_in(
                sent, sentence_dates[0], previous, named, countries, before
            )
        previous = standins.topic(
            sent, text, [m for m in in_sentence if m.source != "referred" and _place(m)]
        )
        # what "the city" stood for counts, a guess does not; a sentence naming no place
        # leaves the last one that did
        recent = [
            m for m in in_sentence if m.kind != "country" and m.source != "guessed" and _place(m)
        ] or recent
        named += weight * [
            m
            for m in in_sentence
            if m.kind != "country" and m.source not in _STAND_INS and _place(m)
        ]
        countries += weight * [
            m for m in in_sentence if m.kind == "country" and m.source not in _STAND_INS
        ]
        last_place = standins.subject(named) or last_place
        sent_before, named_before = last_sent, last_named
        last_sent, last_named = sent, [m for m in in_sentence if m.kind != "country" and _place(m)]
        if not in_sentence:
            continue
        if sentence_dates and last_place is not None:
            in_sentence = sorted(
                in_sentence
                + standins.referred_in_dated_clauses(
                    doc, sent, in_sentence, sentence_dates, named + countries, last_place, before
                ),
                key=lambda m: m.start,
            )
        if sentence_dates:
            it = pronouns.meant_by_it(
                doc, sent, in_sentence, sentence_dates, named_before, sent_before
            )
            in_sentence = sorted(in_sentence + it, key=lambda m: m.start)
        cues = {m.start: propose(sent, m.start, m.end) for m in in_sentence}
        heading = _heading(text, s_start, s_end)
        if not sentence_dates and not any(c.event_type for c in cues.values()) and not heading:
            # nothing that happened: the places are only the setting, kept once each
            for m in in_sentence:
                if m.source != "referred":
                    settings.setdefault(m.name, _setting_row(m, source_id, text, s_start, s_end))
            continue
        carried_at: set[tuple[int, str]] = set()
        if carried is not None and not heading:
            # "On Sunday the search turned costly again. … was taken to Bhata Durian …; the
            # party came under fire": what happened at the places of an undated sentence
            # happened on the day the placeless sentence just before told
            for m in in_sentence:
                cue = cues[m.start]
                # (not a capital acting as its government: no place the text is about)
                if (
                    m.kind != "country"
                    and m.source not in _STAND_INS
                    and _place(m)
                    and cue.event_type
                ):
                    carried_at.add((m.start, m.name))
                    cue = _dated_cue(doc, carried, m) or cue
                    found.append(
                        _Found(m, carried, cue, heading, in_sentence, s_start, s_end, True)
                    )
        pairs = _pairs(doc, text, in_sentence, sentence_dates)
        pairs += standins.unplaced_clauses(doc, in_sentence, sentence_dates, pairs, named)
        pairs += standins.countries_acting(doc, sentence_dates, pairs, countries)
        home = standins.home_country(named, countries)
        pairs += standins.governments_acting(doc, sentence_dates, pairs, countries, home)
        pairs += standins.governments_named_before(doc, sentence_dates, pairs, government_before)
        if about_before:
            # last, so that no stand-in above is kept out by it
            pairs += standins.unplaced_clauses(
                doc, in_sentence, sentence_dates, pairs, named, about_before[0]
            )
        # a dated clause that names no place at all, not even a country ("…, and on 3 May
        # the opposition leader was arrested"), beside a clause that names one: most often
        # an act of the country the text is about, so it is also guessed there, and at the
        # country whose towns the text names most when that is another (home_country)
        country = standins.subject(countries)
        if country is not None and sentence_dates:
            guesses = standins.unplaced_clauses(
                doc, in_sentence, sentence_dates, pairs, named, country, placeless=True
            )
            if home is not None and home.name != country.name:
                guesses += standins.unplaced_clauses(
                    doc, in_sentence, sentence_dates, pairs, named, home, placeless=True
                )
            pairs += guesses
        for m, d in pairs:
            if d is None and (m.start, m.name) in carried_at:
                continue  # dated by the sentence before
            cue = cues.get(m.start, NO_CUE)
            if d is not None and d.restates >= 0:
                # the event "after X" refers to is read on purpose (TypeCue.explicit)
                cue = replace(_restated_cue(sent, d) or NOTHING_SAID, explicit=True)
            elif d is not None:
                cue = _dated_cue(doc, d, m) or cue
            found.append(_Found(m, d, cue, heading, in_sentence, s_start, s_end))
    # The learned model, weighed against the rules' type (typemodel), types the dated
    # pairs once the whole text is read: the encoder can then run their clauses two at a time.
    typemodel.prefetch(
        doc,
        [
            (f.date.begin, f.date.stop, f.spellings)
            for f in found
            if f.date is not None and f.date.restates < 0
        ],
    )
    for f in found:
        m, d, cue = f.mention, f.date, f.cue
        if d is not None and d.restates < 0:
            cue = typemodel.type_dated(doc, d.begin, d.stop, cue, places=f.spellings)
        row = _row(m, d, cue, source_id, text, f.start, f.end)
        if m.source not in _STAND_INS and not (f.heading and d is None):
            spelt.add(m.name)
        if f.heading and d is None:
            headed.append(row)
        elif _acting_country(text, m, f.in_sentence):
            row["candidate_confidence"] = f"{_confidence(m, d, cue) / 2:.2f}"
            actors.append(row)
        else:
            rows.append(row)
    # A heading's place that the text goes on to propose says nothing more undated; one
    # proposed only where "there" or "the town" stands for it keeps the heading's spelling.
    rows = [r for r in headed if r["place"] not in spelt] + rows
    # A place named only as the setting: one undated row per place, last of all.
    # A place proposed only by guesses (rows that do not spell it) keeps the row that does.
    spelled = {r["place"] for r in rows + actors if r["evidence_place_text"]}
    mentioned = [r for p, r in settings.items() if p not in spelled]
    # The countries' own acts after the events at places, the mere mentions last.
    full = [{c: r.get(c, "") for c in CANDIDATE_COLUMNS} for r in rows + actors + mentioned]
    full = _carried_capitals_to_countries(full)
    # Numbered from 1, as the editor and its messages show them.
    return pd.DataFrame(
        full, columns=list(CANDIDATE_COLUMNS), dtype=str, index=pd.RangeIndex(1, len(full) + 1)
    )


_COUNTRY_FIELDS = (
    "place",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "evidence_place_source",
)


def _carried_date(text: str, before: DateRef | None, s_start: int) -> DateRef | None:
    """The date an undated sentence takes from the sentence just before: its last date
    when that sentence named no place of its own, in the same paragraph."""
    if before is None or "\n" in text[before.stop : s_start]:
        return None
    return before


def _carried_capitals_to_countries(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """A row at a capital its sentence does not name (carried from an earlier sentence, or
    guessed: no words of its own) is filed under the capital's country when the text names
    that country: a sentence that names no place and goes on about a capital tells what its
    government did ("Dhaka" for Bangladesh, then "that afternoon the army chief told the
    nation ..."), and an act by a government with no site is filed under its country, and
    under its capital only when named (KEY_GUIDE, "Where an event is filed")."""
    by_place = {r["place"]: r for r in rows}
    capitals = capital_countries()
    for r in rows:
        country = capitals.get(normalize(r["place"])) if not r["evidence_place_text"] else None
        own = by_place.get(country["name"]) if country is not None else None
        if own is not None and own is not r:
            r.update({f: own[f] for f in _COUNTRY_FIELDS})
    return rows


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
