"""What words that name no place stand for, so that a sentence's date is not lost.

"the crossing", "the region", "both towns", "closed it", "there" stand for places named
before; a dated sentence that names no place goes on about the place the sentence before
was about, or, as a guess, the place the text names most; a country's adjective names the
country acting ("the Indian prime minister").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from borderwatch.data.gazetteer import normalize
from borderwatch.ingest.adjectives import adjective_countries
from borderwatch.ingest.clauses import clause_of, governing_verb
from borderwatch.ingest.countries import capital_countries
from borderwatch.ingest.dates import DateRef
from borderwatch.ingest.placecues import locating
from borderwatch.ingest.placemention import PlaceMention

_BACK_REFERENCE = re.compile(
    r"\b(?P<det>the|that|this)\s+(?P<word>crossing|border\s+post|post|gate|town|city|base|checkpoint|bridge"
    r"|region|province|district|country|reservoir|dam|river|lake|port|village|pass|tunnel"
    r"|state|exclave|enclave|capital|mountain|island|peninsula|heights|ridge|hill|valley"
    r"|gorge|plateau|airport|airfield)\b"
    r"|\b(?:closed|shut|reopened|opened|crossed|blocked)\s+it\b|\bthere\b",
    re.IGNORECASE,
)
_FEATURES: dict[str, str] = {
    "mountain": r"mount|mountains?|jebel|jabal|dagh?",
    "island": r"islands?|isle|islets?",
    "peninsula": r"peninsula",
    "heights": r"heights",
    "ridge": r"ridge",
    "hill": r"hill",
    "valley": r"valley|gorge",
    "gorge": r"gorge|valley",
    "plateau": r"plateau",
    "airport": r"airport|airfield|air\s*base",
    "airfield": r"airport|airfield|air\s*base",
}
"""What "the mountain", "the island", "the airfield" stand for: a place named before whose
name says it is one ("Mount Sinjar", "Vamizi Island", "Hostomel airfield"), or that the text
introduced so ("the island of Lampedusa"); nothing else (not the place named most: "flew onto
the mountain" is no town's event)."""
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


def subject(named: list[PlaceMention]) -> PlaceMention | None:
    """The place named most often so far (the later on a tie): what "the crossing" means."""
    if not named:
        return None
    counts: dict[str, int] = {}
    for m in named:
        counts[m.name] = counts.get(m.name, 0) + 1
    return max(reversed(named), key=lambda m: counts[m.name])


_BOTH = re.compile(
    r"\b(?i:both|the\s+two)\s+(?:[a-z]+\s+)?(?P<word>towns|cities|villages|ports|crossings"
    r"|posts|bridges|provinces|regions|districts|countries|governments|sides|armies|navies"
    r"|neighbou?rs|leaders|presidents|nations)\b",
)
"""A plural back-reference: "shelling on both towns", "the two crossings", "the two
governments", "both armies", "the two communist neighbours" (a lowercase word may come
between)."""
_OF_COUNTRIES = frozenset(
    ("governments", "sides", "armies", "navies", "neighbours", "neighbors", "leaders")
) | {"presidents", "nations"}
"""Who stand for their countries: "the two governments agreed" is the two countries named
last."""


def _three_at_once(doc: Any, latest: list[PlaceMention]) -> bool:
    """The third country from last was named in the same sentence as the second: "where
    Afghanistan, Pakistan and Iran meet ... both governments" says not which two."""
    if len(latest) < 3:
        return False
    third, second = (doc.char_span(m.start, m.end, alignment_mode="expand") for m in latest[-3:-1])
    return third is not None and second is not None and third.sent.start == second.sent.start


def _both(m: re.Match[str], start: int, named: list[PlaceMention], doc: Any) -> list[PlaceMention]:
    """ "both towns": the last two places of that kind named before (for a crossing, a post or
    a bridge, the last two places), or nothing when fewer were named."""
    word = m.group("word").lower()
    singular = {"countries": "country", "cities": "city"}.get(word, word[:-1])
    kinds = ("country",) if word in _OF_COUNTRIES else _REFERRED_KINDS.get(singular)
    latest: dict[str, PlaceMention] = {}
    for n in named:
        if kinds is None or n.kind in kinds:
            latest.pop(n.name, None)
            latest[n.name] = n
    two = list(latest.values())[-2:]
    if len(two) < 2 or (word in _OF_COUNTRIES and _three_at_once(doc, list(latest.values()))):
        return []
    end = start + len(m.group(0))
    return [replace(n, text=m.group(0), start=start, end=end, source="referred") for n in two]


def referred(
    sent: Any,
    named: list[PlaceMention],
    last: PlaceMention,
    recent: list[PlaceMention],
    dated: bool = True,
) -> list[PlaceMention]:
    """ "the crossing", "the region", "the country" in a sentence naming no place: the place
    of that kind the sentence before named (`recent`), else the one named most often
    before (`last`, the subject, for a crossing or a bridge); "both towns", the two named
    last ("both sides", "the two governments" only in a dated clause:
    `referred_in_dated_clauses`). A feature's word ("the mountain", "the airport") only
    when the sentence is `dated`: "threatened to shell the airport" is no event there, and
    the place it stands for would become the one the next sentence's "the village" means."""
    both = next((b for b in _BOTH.finditer(sent.text) if b["word"] not in _OF_COUNTRIES), None)
    if both:
        found = _both(both, sent.start_char + both.start(), named, sent.doc)
        if found:
            return found
    m = next(
        (
            b
            for b in _BACK_REFERENCE.finditer(sent.text)
            if not _modifier(sent.doc, sent, b)
            and (dated or (b.group("word") or "").lower() not in _FEATURES)
        ),
        None,
    )
    if not m:
        return []
    return _referred_at(m, sent.start_char + m.start(), named, last, recent, sent.doc.text)


def _modifier(doc: Any, sent: Any, m: re.Match[str]) -> bool:
    """A feature's word (`_FEATURES`) that only qualifies the noun after it: "the mountain
    road", "the island ferry", "the hill peoples" stand for no mountain, island or hill;
    and "that" or "this" that does not point at the noun ("said that town councils",
    "this gate" does: `_pointing`)."""
    if not _pointing(doc, sent, m):
        return True
    word = m.group("word")
    if not word or word.lower() not in _FEATURES:
        return False
    span = doc.char_span(
        sent.start_char + m.start("word"), sent.start_char + m.end("word"), alignment_mode="expand"
    )
    return span is not None and span.root.dep_ in ("compound", "amod", "nmod")


def _pointing(doc: Any, sent: Any, m: re.Match[str]) -> bool:
    """Whether a back-reference's first word points at its noun: always "the"; "that" and
    "this" only as its determiner ("had taken that town in 1860", "left that base"), not as a
    conjunction or a pronoun ("said that town councils would meet")."""
    det = m.group("det")
    if not det or det.lower() == "the":
        return True
    at = sent.start_char + m.start("det")
    span = doc.char_span(at, at + len(det), alignment_mode="expand")
    return span is not None and span.root.dep_ == "det"


def _referred_at(
    m: re.Match[str],
    start: int,
    named: list[PlaceMention],
    last: PlaceMention,
    recent: list[PlaceMention],
    text: str,
) -> list[PlaceMention]:
    """The place one back-reference (`m`, at `start` in `text`) stands for: "the town"
    after "gunmen seized Bor, north of Juba" is the town named most (Juba) and also Bor,
    the first town the last sentence naming places named: either may be meant ("bombed
    the town" after a sentence naming the village the attackers came from). The place
    the text introduced with the same word ("its naval base at Souda Bay ... the base")
    is meant as well."""
    word = (m.group("word") or "").lower()
    found = _referred_by_kind(m, word, start, named, last, recent)
    introduced = _introduced_as(word, text, start, named)
    if introduced is None:
        return found
    return [_standing_for(introduced, m, start)] + [f for f in found if f.name != introduced.name]


def _named_most_with_short_forms(
    candidates: list[PlaceMention], named: list[PlaceMention]
) -> PlaceMention | None:
    """Of `candidates`, the one named most often, counting its short forms ("Pankisi" for
    "the Pankisi Gorge", "Sinjar" for "Mount Sinjar"); the later named on a tie."""
    if not candidates:
        return None

    def words(name: str) -> list[str]:
        return normalize(name).split()

    def count(c: PlaceMention) -> int:
        full = set(words(c.name))
        return sum(1 for n in named if n.name == c.name or set(words(n.name) or [""]) < full)

    return max(reversed(candidates), key=count)


def _referred_by_kind(
    m: re.Match[str],
    word: str,
    start: int,
    named: list[PlaceMention],
    last: PlaceMention,
    recent: list[PlaceMention],
) -> list[PlaceMention]:
    """What "the town" (`word`) stands for by its kind alone: the place of that kind just
    named and the one named most; "closed it", "there", "the crossing" the place named
    most (and "there" the place just named)."""
    if word in _FEATURES:
        feature = re.compile(rf"\b(?:{_FEATURES[word]})\b", re.IGNORECASE)
        so_named = _named_most_with_short_forms(
            [n for n in named if feature.search(f"{n.name} {n.text}")], named
        )
        return [] if so_named is None else [_standing_for(so_named, m, start)]
    if word == "capital":
        # "the capital": the capital city named most, nothing when none was named
        capitals = capital_countries()
        city = subject([n for n in named if n.kind != "country" and normalize(n.name) in capitals])
        return [] if city is None else [_standing_for(city, m, start)]
    kinds = _REFERRED_KINDS.get(word)
    if kinds is not None:
        of_kind = subject([n for n in named if n.kind in kinds])
        if of_kind is None and kinds[0] in _ONLY_OF_KIND:
            return []  # "the country" with no country named: nothing to stand for
        last = of_kind or last
        # the one just named is as likely as the one named most: both are proposed
        just_named = [n for n in recent if n.kind in kinds and n.name != last.name]
        if just_named:
            return [_standing_for(just_named[0], m, start), _standing_for(last, m, start)]
    elif m.group(0).lower() == "there" and recent and recent[0].name != last.name:
        # "The talks were held at Mudanya. They opened there on 3 October": the place just
        # named is as likely as the one named most
        return [_standing_for(recent[0], m, start), _standing_for(last, m, start)]
    return [_standing_for(last, m, start)]


_INTRODUCING = {
    "base": r"base|station|garrison",
    "town": r"town|city",
    "city": r"city|town",
    "port": r"port|harbour|harbor",
    "island": r"island|isle",
    "mountain": r"mountain|peak",
    "airport": r"airport|airfield|air\s+base",
    "airfield": r"airport|airfield|air\s+base",
}
"""The words that introduce a place a back-reference word may later stand for ("the naval
station at Guantanamo Bay ... the base"); any other word only itself."""


def _introduced_as(
    word: str, text: str, start: int, named: list[PlaceMention]
) -> PlaceMention | None:
    """The place named first before `start` right after the back-reference's own word and a
    preposition ("the naval station at Guantanamo Bay", "the town of Bor"): what "the
    station", "the town" later stand for. None for "there" and "it", or when no name was
    introduced so."""
    if not word or word == "capital":
        return None  # "the capital of Ghana" introduces no capital
    words = _INTRODUCING.get(word, r"\s+".join(map(re.escape, word.split())))
    lead = re.compile(rf"\b(?:{words})\s+(?:at|in|on|of|near)\s+(?:the\s+)?$", re.I)
    # "a base in Tajikistan", "a town in Bihar" say where it lies, not what it is
    kinds = _REFERRED_KINDS.get(word)
    before = [
        n
        for n in named
        if n.text
        and n.start < start
        and (n.kind in kinds if kinds else n.kind != "country")
        and lead.search(text[max(0, n.start - 60) : n.start])
    ]
    # the first so introduced: a story's own base or town is introduced early, and later
    # ones ("the pumping station on the river") are its surroundings
    return min(before, key=lambda n: n.start, default=None)


def _standing_for(place: PlaceMention, m: re.Match[str], start: int) -> PlaceMention:
    """`place` as the back-reference `m` at `start` writes it ("the town")."""
    end = start + len(m.group(0))
    return replace(place, text=m.group(0), start=start, end=end, source="referred")


def referred_in_dated_clauses(
    doc: Any,
    sent: Any,
    in_sentence: list[PlaceMention],
    dates: list[DateRef],
    named: list[PlaceMention],
    last: PlaceMention,
    recent: list[PlaceMention],
) -> list[PlaceMention]:
    """ "the pass", "the region", "the tunnel" in a dated clause that names no place of its
    own, though other clauses of the sentence do: "The highway was completed in 1979; the
    pass itself was opened to travellers in 1986" dates the pass the text is about, not
    the highway. Without this the date went to the nearest place of another clause.
    A dated clause that names a place of its own may still mean another by "the town" or
    "there" ("On Sunday troops from Hairatan entered the city"): both are proposed, unless
    the word names or qualifies what is beside it (`_names_another`: "the town of Bor").
    "Both sides", "the two governments" there are the two countries named last."""
    own = {clause_of(doc, m.start) for m in in_sentence if m.kind != "country"}
    dated = {clause_of(doc, d.begin) for d in dates} - own
    out: list[PlaceMention] = []
    # "On 6 May the two governments agreed ...": the two countries named last, beside the
    # place a placeless sentence was carried to (which stands at the date)
    spelt = {clause_of(doc, m.start) for m in in_sentence if m.kind != "country" and m.text}
    for m in _BOTH.finditer(sent.text):
        start = sent.start_char + m.start()
        if (
            m["word"] in _OF_COUNTRIES
            and clause_of(doc, start) in {clause_of(doc, d.begin) for d in dates} - spelt
        ):
            out += _both(m, start, named, doc)
    placed = {clause_of(doc, d.begin) for d in dates} & own
    for m in _BACK_REFERENCE.finditer(sent.text):
        start = sent.start_char + m.start()
        if _modifier(doc, sent, m):
            continue
        if clause_of(doc, start) in placed and _names_another(doc, sent, m, in_sentence):
            continue
        if clause_of(doc, start) in dated | placed and not any(
            p.start <= start < p.end for p in in_sentence
        ):
            # "in London, where the council, sitting in the city in March": the city the
            # sentence has just named comes before those of the sentence before
            here = [p for p in in_sentence if p.start < start and p.kind != "country"]
            here = [p for p in here if not _described(doc, p, here)]
            out += _referred_at(m, start, named, last, here[::-1] + recent, doc.text)
    return out


_NAMING_NEXT = re.compile(r"\s*,\s*|\s+(?:of|at|in|on|near|called|named)\s+(?:the\s+)?", re.I)


def _names_another(doc: Any, sent: Any, m: re.Match[str], in_sentence: list[PlaceMention]) -> bool:
    """A back-reference in a clause that names a place of its own which is not one: it is a
    name's own word ("the Bridge of Unity"), names what follows or precedes it ("the town of
    Baga", "Zvecan, the town"), or qualifies the noun after it ("the town hall")."""
    begin, end = sent.start_char + m.start(), sent.start_char + m.end()
    word = m.group("word")
    if word:
        span = doc.char_span(sent.start_char + m.start("word"), end, alignment_mode="expand")
        if span is None or span.root.dep_ in ("compound", "amod", "nmod", "poss"):
            return True
    text = doc.text
    for p in in_sentence:
        if p.start < end and begin < p.end:
            return True  # a name's own word: "the Bridge of Unity"
        if p.start >= end and _NAMING_NEXT.fullmatch(text[end : p.start]):
            return True
        if p.end <= begin and begin - p.end < 4 and text[p.end : begin].strip() in (",", ""):
            return True
    return False


def _described(doc: Any, place: PlaceMention, others: list[PlaceMention]) -> bool:
    """`place` is named in what another of `others` is said to be ("Juba, the capital of
    Southern Sudan"): it says where that one lies, and "there" after it is the other."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    apposed = next((a for a in span.root.ancestors if a.dep_ == "appos"), None)
    if apposed is None:
        return False
    head = apposed.head.idx
    return any(o.start <= head < o.end and o.name != place.name for o in others)


def carried(m: PlaceMention, d: DateRef) -> PlaceMention:
    """ "The handover was unpopular in Kyrgyzstan. In October the security service detained
    twenty activists": a dated sentence that names no place goes on about the one place
    the sentence before named. Nothing in it spells the place, so the mention has no text;
    it stands at the date, whose clause types it."""
    return replace(m, text="", start=d.begin, end=d.stop, source="referred")


def standing_in(
    sent: Any,
    d: DateRef,
    previous: list[PlaceMention],
    named: list[PlaceMention],
    countries: list[PlaceMention],
    recent: list[PlaceMention],
) -> list[PlaceMention]:
    """The places a dated sentence that names none is about, so that its date is not lost.

    When the sentence before named several places and none leads it, the first it named
    is a guess too ("The chain began in Akçakale, the border town facing Tal Abyad. On 3
    October a mortar round landed in a street": Akçakale).

    The one place the sentence before was about, and beside it, as a guess, the place the
    text has named more than any other ("Aid lorries drove on to Maimana. On 6 June the
    garrison surrendered": the garrison of the town the briefing is about, as likely as
    not); when the sentence before was about none, the place the text has named most (when
    no finer place leads, the country named most and the later named of the leading
    places), trusted as a guess ("The attackers slipped into the brigade headquarters
    before dawn on 18 September": the base the briefing is about); and a country named before whose
    adjective says who acted ("On Friday the Indian prime minister told ...": India),
    which `_acting_country` then trusts half as much as the place.
    """
    out = [carried(previous[0], d)] if previous else []
    if previous:
        leader = named_most(named)
        if leader is not None and leader.name != previous[0].name:
            out.append(replace(carried(leader, d), source="guessed"))
    if not previous:
        # when no place leads, the country named most and the later named of the leading
        # places, both guesses: the date is kept for the editor to file
        leader = named_most(named)
        guesses = [leader] if leader else [named_most(countries), subject(named)]
        found = [g for g in guesses if g is not None]
        country = subject(countries)
        if not found and country is not None:
            found = [country]  # only countries named, none leading: the later
        if recent:
            found = [recent[0], *(g for g in found if g.name != recent[0].name)]
        out = [replace(carried(g, d), source="guessed") for g in found]
    for tok in sent:
        if tok.pos_ != "ADJ" and tok.ent_type_ != "NORP":
            continue
        words = adjective_words(tok)
        country = country_by_adjective(words.text, countries)
        if country is not None and country.name not in {m.name for m in out}:
            start, end = words.start_char, words.end_char
            out.append(replace(country, text=words.text, start=start, end=end, source="referred"))
    return out


def named_most(named: list[PlaceMention]) -> PlaceMention | None:
    """The place named more often than any other so far; None on a tie."""
    counts: dict[str, int] = {}
    for m in named:
        counts[m.name] = counts.get(m.name, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return subject(named)


def unplaced_clauses(
    doc: Any,
    in_sentence: list[PlaceMention],
    dates: list[DateRef],
    pairs: list[tuple[PlaceMention, DateRef | None]],
    named: list[PlaceMention],
    about: PlaceMention | None = None,
    placeless: bool = False,
) -> list[tuple[PlaceMention, DateRef | None]]:
    """A dated clause that names no place of its own, in a sentence whose places belong to
    its other clauses ("The standoff ended on 5 May, when ...; India agreed to dismantle
    bunkers near Chumar"), is also proposed at the place the text has named most (the
    later named on a tie), as a guess, even when another clause of the sentence names it
    ("The assault opened on 6 August, and on Tuesday Moscow said Zaozyornaya had fallen"):
    the nearest place of another clause is often not where it happened. So is a sentence that
    names no place, beside the place the sentence before was about (`standing_in`).

    Given `about` (the place the sentence before was about), the clause is guessed there
    instead: the story goes on where it was ("Rebels took Termez. On 6 May their leader
    flew to Kabul, and two days later the garrison surrendered").

    `placeless`: only a clause that names no place at all, not even a country, and whose
    date no country already holds (by its people or adjective: "Tajiks voted"), is guessed
    at `about` (the country the text names most: "Lorries queue at Termez, and the
    opposition boycotted the election held on 12 June" is the country's election).
    Dev keys file many such clauses under a country (an election, a government's or a
    leader's act, a war), which the nearest place of another clause is not. A sentence
    that names no place at all counts as such a clause, beside the places `standing_in`
    carried or guessed to its date (which no word of it spells), unless "both governments"
    or "the two sides" act in it."""
    about = about or subject(named)
    if about is None:
        return []
    # a place named only as where a mover came from or went to ("flew in from Split", "the
    # road to Dakar") is not where the clause's act happened: the clause is still unplaced
    own = {
        clause_of(doc, m.start)
        for m in in_sentence
        if m.kind != "country" and not origin_or_destination(doc, m) and (m.text or not placeless)
    }
    # when the sentence names it: not a clause naming a country of its own ("clashes broke
    # out in northern Afghanistan"), nor one leaning on the clause naming it ("Although it
    # sealed its border on 3 August, Uzbekistan kept the Hairatan crossing open")
    told = about.name in {m.name for m in in_sentence}
    # a place carried to the date from the sentence before, or guessed there, is not named by
    # the clause: "On 3 May parliament passed the law" after a sentence about a town still
    # names no place, and is also guessed at the country
    named_in = {clause_of(doc, m.start) for m in in_sentence if m.text or not placeless}
    naming = {clause_of(doc, m.start) for m in in_sentence if m.name == about.name}
    out: list[tuple[PlaceMention, DateRef | None]] = []
    for d in dates:
        at = clause_of(doc, d.begin)
        if d.restates >= 0 or at in own:
            continue
        if placeless and (
            at in named_in
            # a country already acts on that date ("Tajiks voted"): its act, not the guess's
            or any(p is not None and p.begin == d.begin and m.kind == "country" for m, p in pairs)
            # "both governments announced": two countries act, not the one the text is about
            or _two_countries_act(doc, d, at)
        ):
            continue
        if told and (
            at in named_in
            or (at >= 0 and doc[at].dep_ == "advcl" and clause_of(doc, doc[at].head.idx) in naming)
        ):
            continue
        if any(p is not None and p.begin == d.begin and m.name == about.name for m, p in pairs):
            continue
        out.append((replace(carried(about, d), source="guessed"), d))
    return out


def _two_countries_act(doc: Any, d: DateRef, at: int) -> bool:
    """Whether the clause `at` of the date `d` says "both governments", "the two sides"."""
    span = doc.char_span(d.begin, d.stop, alignment_mode="expand")
    if span is None:
        return False
    sent = span.sent
    return any(
        b["word"] in _OF_COUNTRIES and clause_of(doc, sent.start_char + b.start()) == at
        for b in _BOTH.finditer(sent.text)
    )


_ENDS = frozenset(("from", "to", "towards", "toward"))
"""Prepositions that name where a movement began or ended, not where the act took place."""
_ON_THE_WAY = frozenset(("pobj", "prep", "compound", "appos", "conj", "amod", "nmod", "poss"))
"""The links up from a name to the preposition whose phrase holds it ("from bases in
Thailand", "from Bukit Chagar in Johor Bahru")."""


def origin_or_destination(doc: Any, m: PlaceMention) -> bool:
    """Whether the place `m` is named only as where someone or something came from or went
    to, or as a point to reckon from: inside a phrase of "from", "to" or "towards" ("flew in
    by helicopter from Split", "fell to Kathmandu", "came back from leave in England", "took
    Batugade, the post on the road from Atambua"). A reader looks for the act's own place
    elsewhere. Not such a phrase on a noun before the clause's verb, where the subject stands:
    it says whose people act, and they may act there ("fishermen from Masinloc stayed home":
    at Masinloc). Nor a mention the parse cannot span."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(50):
        if tok.dep_ not in _ON_THE_WAY or tok.head.i == tok.i:
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ in _ENDS:
            # "fishermen from Masinloc stayed home": a phrase of the subject says whose
            # people act; "the road to the capital" after the verb only says which way
            return not _before_its_verb(tok.head.head)
        tok = tok.head
    return False


def _before_its_verb(tok: Any) -> bool:
    """Whether `tok` is a noun standing before the verb of its clause, where the subject
    stands ("fishermen from Masinloc stayed home"); a verb itself is not."""
    if tok.pos_ in ("VERB", "AUX"):
        return False
    return bool(governing_verb(tok).i > tok.i)


def country_by_adjective(word: str, countries: list[PlaceMention]) -> PlaceMention | None:
    """The country named last among `countries` whose adjective `word` is ("Indian" of
    India, "Tajik" of Tajikistan, "Greek" of Greece, "Korean" of the Korea named last,
    "North Korean" of North Korea): `adjectives.adjective_countries`."""
    whose = adjective_countries(word)
    return next((c for c in reversed(countries) if normalize(c.name) in whose), None)


def adjective_words(tok: Any) -> Any:
    """ "North Korean", "Sri Lankan": the words of the adjective a token ends (a spaCy
    span), with the capitalised word before it when the two make one; else the token."""
    if tok.i > 0:
        pair = tok.doc[tok.i - 1 : tok.i + 1]
        if pair.text[:1].isupper() and adjective_countries(pair.text.removesuffix("s")):
            return pair
    return tok.doc[tok.i : tok.i + 1]


def _subjects_of(doc: Any, d: DateRef) -> list[Any]:
    """The subjects of the verb the date belongs to: who acted on that date. A relative
    pronoun is the noun its clause hangs on ("President X, who took office on 2 May": X)."""
    span = doc.char_span(d.begin, d.stop, alignment_mode="expand")
    if span is None or not len(span):
        return []
    verb = governing_verb(span.root)
    subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
        subjects = [verb.head if t.lower_ in _RELATIVE else t for t in subjects]
    return subjects


_RELATIVE = frozenset(("who", "which", "that"))


def countries_acting(
    doc: Any,
    dates: list[DateRef],
    pairs: list[tuple[PlaceMention, DateRef | None]],
    countries: list[PlaceMention],
) -> list[tuple[PlaceMention, DateRef]]:
    """A country named before whose adjective or people is the subject of a dated clause
    acted on that date, as its name would ("Turkey's parliament voted"): "On 2 October the
    Turkish parliament voted ...", "Pakistani officials have been turning back travellers
    since 1 June", "the Lebanese and Israeli cabinets accepted it over the weekend",
    "Jordanians voted on Tuesday". Only the subject's own words count (not "a village on
    the Afghan side", nor "told Afghan officials"), and only a date of that clause."""
    out: list[tuple[PlaceMention, DateRef]] = []
    for d in dates:
        subjects = _subjects_of(doc, d)
        words = [w for s in subjects for w in (s, *(t for left in s.lefts for t in left.subtree))]
        for tok in words:
            if not tok.text[:1].isupper():
                continue
            # the model tags a people ("Tajiks", "Jordanians") as anything from a person
            # to a plural noun: a capitalised subject is read as the people's adjective
            words = adjective_words(tok)
            word = words.text.removesuffix("s") if tok in subjects else words.text
            country = country_by_adjective(word, countries)
            if country is None or any(
                m.name == country.name and p is not None and p.begin == d.begin for m, p in pairs
            ):
                continue
            start, end = words.start_char, words.end_char
            found = replace(country, text=words.text, start=start, end=end, source="referred")
            if not any(m.name == found.name and p is d for m, p in out):
                out.append((found, d))
    return out


def topic(sent: Any, text: str, named: list[PlaceMention]) -> list[PlaceMention]:
    """The places a sentence of `text` is about: all it names when that is one place, else the
    finer places inside the subject of its main verb, outside its relative clauses ("The
    standoff on the Kalo pass, where A, B and C meet, is over": the Kalo pass), when they
    are one place."""
    if len({m.name for m in named}) <= 1:
        return named
    # "Menaka, on the Niger across from Tillaberi": the places that only say where another
    # lies are not what the sentence is about
    # `text`, not `sent.doc.text`: spaCy rebuilds a Doc's text from every token on each call
    located = locating(sent.doc, text, named)
    named = [m for m in named if m.start not in located]
    if len({m.name for m in named}) == 1:
        return named
    subjects = [t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    # a relative clause in the subject ("where A, B and C meet") says where, not what
    asides = {t.i for s in subjects for r in s.subtree if r.dep_ == "relcl" for t in r.subtree}
    words = [t for s in subjects for t in s.subtree if t.i not in asides]
    spans = [(t.idx, t.idx + len(t)) for t in words]
    about = [m for m in named if m.kind != "country" and any(a <= m.start < b for a, b in spans)]
    return about if len({m.name for m in about}) == 1 else []


GOVERNING = frozenset(
    {
        "government",
        "cabinet",
        "parliament",
        "legislature",
        "congress",
        "senate",
        "assembly",
        "president",
        "premier",
        "minister",
        "ministry",
        "chancellor",
        "king",
        "emir",
        "junta",
        "authorities",
        "administration",
        "court",
        "pentagon",
        "kremlin",
    }
)
"""Who act for a whole country when they are a clause's subject: "parliament approved",
"the defence minister resigned", "Prime Minister X named", "the Supreme Court ruled"."""


def titled_people(doc: Any) -> frozenset[str]:
    """The surnames of the people the text gives a governing title somewhere (`GOVERNING`
    among the words just before the name, "Interior Minister Anna Berg", "President Ruiz",
    or as the head of its apposition, "Anna Berg, the interior minister"): who the text
    later calls by surname alone still acts for the government ("Berg said on Monday")."""
    cached = doc.user_data.get("titled_people")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    names: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        before = doc[max(ent.start - 3, 0) : ent.start]
        apposed = [t for t in ent.root.children if t.dep_ == "appos"]
        if any(t.lower_ in GOVERNING for t in before) or any(
            t.lower_ in GOVERNING for a in apposed for t in [a, *a.lefts]
        ):
            names.add(ent[-1].text)
    found = frozenset(names)
    doc.user_data["titled_people"] = found
    return found


def _governing_subject(words: list[Any]) -> bool:
    """A subject that is a government, its head or a body of state: its head noun, or a
    title among its own words ("Prime Minister Erna Solberg", "the president they
    installed, Myint Swe"), is one of `GOVERNING`; or a person the text titles so
    elsewhere (`titled_people`), called by name alone."""
    if any(t.lower_ in GOVERNING for t in words):
        return True
    titled = titled_people(words[0].doc) if words else frozenset()
    return any(t.ent_type_ == "PERSON" and t.text in titled for t in words)


def _own_words(subject: Any) -> list[Any]:
    """A subject's own words: it, the words before it and its apposition ("Prime Minister
    X", "the president they installed, Myint Swe"), not a clause inside it ("the court
    that X set up")."""
    words = [subject, *(t for left in subject.lefts for t in left.subtree)]
    return words + [t for r in subject.rights if r.dep_ == "appos" for t in r.subtree]


def _unplaced_government(doc: Any, d: DateRef, named: list[PlaceMention]) -> Any | None:
    """The first subject acting on `d` that is a government, its head or a body of state
    (`_governing_subject`), unless a subject before it says whose it is by naming one of
    `named` in its own words ("Uzbek ministers", "Tehran")."""
    for s in _subjects_of(doc, d):
        words = _own_words(s)
        spans = [(t.idx, t.idx + len(t)) for t in words]
        if any(a <= m.start < b for m in named for a, b in spans):
            return None
        if _governing_subject(words):
            return s
    return None


def home_country(named: list[PlaceMention], countries: list[PlaceMention]) -> PlaceMention | None:
    """The named country that holds more of the finer places the text has named so far than
    any other (None on a tie, or when neither it nor its capital is named): where the story
    happens, so whose government a leader or a ministry acting with no site most likely is
    ("Poland–Belarus: … near Dubicze, in Hajnówka county … The next day the prime minister
    went to the border": Poland, though both countries are named as often). When the text
    never names that country itself but names its capital, the capital stands for it: the
    seat of the government that acts ("… near Tetovo … Skopje … Four days earlier the
    government gave the rebels a day to leave": Skopje; KEY_GUIDE files a government's act
    with no site under its country and, when named, its capital)."""
    counts: dict[str, int] = {}
    for m in named:
        if m.kind != "country" and m.country:
            counts[m.country] = counts.get(m.country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    code = ranked[0][0]
    own = [c for c in countries if c.country == code]
    if own:
        return own[-1]
    capitals = capital_countries()
    seat = [
        m
        for m in named
        if m.kind != "country"
        and m.country == code
        and capitals.get(normalize(m.name), {}).get("iso3") == code
    ]
    return seat[-1] if seat else None


def governments_acting(
    doc: Any,
    dates: list[DateRef],
    pairs: list[tuple[PlaceMention, DateRef | None]],
    countries: list[PlaceMention],
    home: PlaceMention | None = None,
) -> list[tuple[PlaceMention, DateRef]]:
    """A government, a head of state or a body of state that acts on a date with no site
    ("On 6 May parliament passed the amendment", "Prime Minister X resigned on Thursday")
    acts for its country (KEY_GUIDE: such an act is filed under the country). Which country
    the words do not say, so it is the country the text has named most (the later named
    on a tie), as a guess; none when the subject's own words name a country ("Uzbek
    ministers", a capital), which is the actor instead. When the country that holds most of
    the finer places named (`home`) is another, it is guessed too: the act is as likely its
    government's."""
    guesses = [c for c in (subject(countries), home) if c is not None]
    guesses = [c for i, c in enumerate(guesses) if c.name not in {g.name for g in guesses[:i]}]
    out: list[tuple[PlaceMention, DateRef]] = []
    for d in dates:
        at_date = [m for m, p in pairs if p is not None and p.begin == d.begin]
        dated = [m for m in at_date if m.kind == "country"]
        if guesses and guesses[0].name in {m.name for m in dated}:
            continue
        s = _unplaced_government(doc, d, dated)
        if s is None:
            continue
        for country in guesses:
            # a capital standing for its country (`home_country`) that the sentence already
            # dates ("flew to Moscow on 5 May") is no site-less act's guess
            if country.name in {m.name for m in at_date}:
                continue
            found = replace(country, text=s.text, start=s.idx, end=s.idx + len(s), source="guessed")
            out.append((found, d))
    return out


def government_subject(sent: Any, in_sentence: list[PlaceMention]) -> PlaceMention | None:
    """The country or capital a sentence makes the subject of its main verb, as the
    government that acts ("Washington moved late.", "Pretoria mixed force with diplomacy.")."""
    heads = [t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    spans = [(h.left_edge.idx, h.right_edge.idx + len(h.right_edge)) for h in heads]
    acting = [
        m
        for m in in_sentence
        if m.kind == "country"
        and m.source not in ("referred", "guessed")
        and any(a <= m.start < b for a, b in spans)
    ]
    # "Uzbekistan and Afghanistan argued": two governments, neither the one meant next
    return acting[0] if len({m.name for m in acting}) == 1 else None


def governments_named_before(
    doc: Any,
    dates: list[DateRef],
    pairs: list[tuple[PlaceMention, DateRef | None]],
    government: PlaceMention | None,
) -> list[tuple[PlaceMention, DateRef]]:
    """A government, its head or a body of state acting on a date in the sentence right
    after one whose subject was a government (`government_subject`) acts for that one:
    "Moscow hesitated. On 3 May the foreign minister flew to Ankara" is Moscow's act,
    beside the country the text names most (`governments_acting`'s guess). Not when the
    subject's own words name a place ("the Turkish minister"), nor when the country is
    already dated by words of its own or by that guess."""
    if government is None:
        return []
    out: list[tuple[PlaceMention, DateRef]] = []
    for d in dates:
        dated = [m for m, p in pairs if p is not None and p.begin == d.begin]
        # a stand-in without words of its own ("" carried from before) lacks the capital's
        # spelling ("Washington" for the United States), which is added
        same = [m for m in dated if m.name == government.name]
        if any(m.text or government.text == m.name for m in same):
            continue
        named = [m for m in dated if m.source != "guessed"]  # the guess sits on them
        if _unplaced_government(doc, d, named) is not None:
            out.append((replace(government, source="referred"), d))
    return out
