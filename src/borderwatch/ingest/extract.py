"""From a briefing's text to candidate event rows for an editor to check.

Every gazetteer spelling is searched for (accent- and case-insensitively, with
any dash or space between words); each sentence that names a place gives one
candidate per place, with the nearest date expression of that sentence
resolved against the publication date and an event type proposed from the
sentence's wording. Candidates are marked `status=candidate`, with confidence
and summary blank: the editor writes the summary in their own words and sets
the status to `checked`. The briefing's sentences are never copied into a row;
the evidence is their character offsets and the spellings found.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from borderwatch.data import vocab
from borderwatch.data.gazetteer import normalize
from borderwatch.ingest.dates import DateRef, find_dates

STATUS_CANDIDATE = "candidate"
STATUS_CHECKED = "checked"
STATUSES: tuple[str, ...] = (STATUS_CANDIDATE, STATUS_CHECKED)

EVIDENCE_COLUMNS: tuple[str, ...] = (
    "evidence_sentence_start",
    "evidence_sentence_end",
    "evidence_place_text",
    "evidence_place_start",
    "evidence_date_text",
    "evidence_type_cue",
)
"""Where in the briefing each candidate comes from (offsets into the text)."""

CANDIDATE_COLUMNS: tuple[str, ...] = ("status", *vocab.EVENT_COLUMNS, *EVIDENCE_COLUMNS)

GEO_PRECISION_BY_KIND: dict[str, str] = {
    "crossing": "site",
    "base": "site",
    "town": "town",
    "city": "town",
    "capital": "town",
    "district": "district",
    "province": "province",
    "region": "province",
    "country": "country",
}

# Wording -> proposed event type, first match wins (more specific cues first).
TYPE_CUES: tuple[tuple[str, str], ...] = (
    (r"\breopen", "crossing_reopened"),
    (r"\b(?:clos(?:ed|ing|ure)|shut)\b", "crossing_closed"),
    (r"\b(?:under threat|threatened)\b", "crossing_threatened"),
    (r"\b(?:exercises?|drills?|military trainings?)\b", "military_exercise"),
    (
        r"\b(?:captured|recaptured|took control|taken control|seized|takeover|overran|"
        r"control \d+ of|fell to)\b",
        "territorial_control",
    ),
    (r"\b(?:fighting|clash(?:es|ed)?|siege|offensives?|attack(?:s|ed)?)\b", "clash"),
    (
        r"\b(?:delegation|visited|talks|summit|met with|meeting|consulted|negotiations)\b",
        "diplomatic_contact",
    ),
    (
        r"\b(?:deploy(?:ed|ment)?|moved tanks|reservists|mobilis|mobiliz|troops|"
        r"military presence|base)\b",
        "military_deployment",
    ),
    (r"\b(?:refugees?|fled|fleeing|influx|deported)\b", "refugee_movement"),
    (r"\b(?:railway|pipeline|wall|bridge|rail route)\b", "infrastructure"),
    (r"\b(?:jihadists?|militants?|Islamic State|IS-K|headquarters)\b", "militant_presence"),
    (r"\b(?:said|says|stated|promised|declared|warn(?:s|ed|ing))\b", "statement"),
)
_TYPE_RX = tuple((re.compile(rx, re.IGNORECASE), t) for rx, t in TYPE_CUES)

_SENTENCE_END = re.compile(r"(?<=[.!?;])[\"'”’)]*\s+|\n\s*\n|\n\s*(?:\d+\.|•)\s+")
_SEE_ALSO = re.compile(r"\((?:see|cf\.?)\s[^)]*\)", re.IGNORECASE)
_DASHES = re.escape("-–—‐‑/")


@dataclass(frozen=True)
class PlaceMention:
    """A gazetteer place found in a text."""

    name: str
    """Canonical name in places.csv."""
    country: str
    kind: str
    text: str
    """The spelling as written in the text."""
    start: int
    end: int


def fold(text: str) -> str:
    """Lower-case text with accents removed, one character per input character.

    Keeping the length lets offsets found in the folded text point into the original.
    """
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)
        kept = next((c for c in base if not unicodedata.combining(c)), ch)
        out.append(kept.lower()[:1] or ch)
    return "".join(out)


def _spelling_pattern(spelling: str) -> str | None:
    words = normalize(spelling).split()
    if not words:
        return None
    # Any run of spaces, dashes or slashes may separate the words of a name.
    sep = rf"[\s{_DASHES}]+" if len(words) > 1 else ""
    return r"(?<![0-9a-z])" + sep.join(map(re.escape, words)) + r"(?![0-9a-z])"


class PlaceFinder:
    """Finds every spelling of every gazetteer place in a text."""

    def __init__(self, places: pd.DataFrame):
        """`places` has the columns of places.csv (vocab.PLACE_COLUMNS)."""
        self._rx: list[tuple[re.Pattern[str], pd.Series]] = []
        seen: set[tuple[str, str]] = set()
        for _, row in places.iterrows():
            alts = str(row.get("alt_names", "") or "").split(";")
            for spelling in [str(row["name"]), *alts]:
                pattern = _spelling_pattern(spelling.strip())
                if pattern and (pattern, row["name"]) not in seen:
                    seen.add((pattern, row["name"]))
                    self._rx.append((re.compile(pattern), row))

    def find(self, text: str) -> list[PlaceMention]:
        """Mentions in text order; where spellings overlap the longest wins."""
        folded = fold(text)
        hits = []
        for rx, row in self._rx:
            for m in rx.finditer(folded):
                hits.append((m.start(), -(m.end() - m.start()), m.end(), row))
        hits.sort(key=lambda h: (h[0], h[1]))
        out: list[PlaceMention] = []
        last_end = -1
        for start, _, end, row in hits:
            if start < last_end:
                continue
            out.append(
                PlaceMention(
                    str(row["name"]),
                    str(row["country"]),
                    str(row["kind"]),
                    text[start:end],
                    start,
                    end,
                )
            )
            last_end = end
        return out


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence (headings and list items count as sentences)."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def propose_type(sentence: str) -> tuple[str, str]:
    """(event type, the word that suggested it) from a sentence; ('', '') if nothing fits."""
    for rx, etype in _TYPE_RX:
        m = rx.search(sentence)
        if m:
            return etype, m.group(0)
    return "", ""


def cross_references(text: str) -> list[tuple[int, int]]:
    """Spans of "(see OTHER BRIEFING - July 5, 2021)": their places and dates are not events."""
    return [m.span() for m in _SEE_ALSO.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _nearest(dates: Iterable[DateRef], pos: int) -> DateRef | None:
    return min(dates, key=lambda d: abs(d.begin - pos), default=None)


def _pairs(
    mentions: list[PlaceMention], dates: list[DateRef]
) -> list[tuple[PlaceMention, DateRef | None]]:
    """(place, date) pairs of one sentence, in text order, each place once per date.

    Each place gets its nearest date, and each date its nearest place, so that
    "X met Y on July 5, and Moscow answered two days later" keeps both events.
    Countries are left out where the sentence names a finer place ("Uzbekistan
    closed the crossing at Termez": the event is at Termez), unless a date is
    nearest to the country.
    """
    finer = [m for m in mentions if m.kind != "country"] or mentions
    pairs: dict[tuple[str, int], tuple[PlaceMention, DateRef | None]] = {}
    for m in finer:
        d = _nearest(dates, m.start)
        pairs.setdefault((m.name, d.begin if d else -1), (m, d))
    for d in dates:
        m = min(mentions, key=lambda m: abs(m.start - d.begin))
        pairs.setdefault((m.name, d.begin), (m, d))
    return sorted(pairs.values(), key=lambda p: p[0].start)


def extract_candidates(
    text: str, published: dt.date, source_id: str, places: pd.DataFrame, id_prefix: str = "CAND"
) -> pd.DataFrame:
    """Candidate rows (CANDIDATE_COLUMNS, all text) for every place each sentence names."""
    skip = cross_references(text)
    dates = [d for d in find_dates(text, published) if not _inside(d.begin, skip)]
    mentions = [m for m in PlaceFinder(places).find(text) if not _inside(m.start, skip)]
    rows = []
    for s_start, s_end in sentences(text):
        in_sentence = [m for m in mentions if s_start <= m.start < s_end]
        sentence_dates = [d for d in dates if s_start <= d.begin < s_end]
        etype, cue = propose_type(text[s_start:s_end])
        if not in_sentence or not (etype or sentence_dates):
            continue  # no place, or nothing that happened: not an event
        for m, d in _pairs(in_sentence, sentence_dates):
            rows.append(
                {
                    "status": STATUS_CANDIDATE,
                    "event_id": f"{id_prefix}-{len(rows) + 1:04d}",
                    "date_start": d.start.isoformat() if d else "",
                    "date_end": d.end.isoformat() if d else "",
                    "date_precision": d.precision if d else "",
                    "event_type": etype,
                    "place": m.name,
                    "country": m.country,
                    "geo_precision": GEO_PRECISION_BY_KIND.get(m.kind, ""),
                    "source_id": source_id,
                    "evidence_sentence_start": str(s_start),
                    "evidence_sentence_end": str(s_end),
                    "evidence_place_text": m.text,
                    "evidence_place_start": str(m.start),
                    "evidence_date_text": d.text if d else "",
                    "evidence_type_cue": cue,
                }
            )
    full = [{c: r.get(c, "") for c in CANDIDATE_COLUMNS} for r in rows]
    # Numbered from 1, as the editor and its messages show them.
    return pd.DataFrame(
        full, columns=list(CANDIDATE_COLUMNS), dtype=str, index=pd.RangeIndex(1, len(full) + 1)
    )
