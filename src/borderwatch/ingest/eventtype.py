"""What a sentence says happened at a place: an event type from its clause.

The clause is the nearest verb above the place in spaCy's dependency parse,
with its dependents (other verbs' clauses left out). The verb governing the
place is read first, then the clause's other words by distance from the place,
then the rest of the sentence. A negated closure ("did not close", "never shut")
and "kept / stayed / remained open" mean the crossing was open; any other
negated cue is skipped ("said its forces had not crossed": a statement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# (pattern on one lower-case word, event type); the first matching pattern of a word wins.
WORD_CUES: tuple[tuple[str, str], ...] = (
    (r"reopen\w*|unblock\w*|open(?:ed|s|ing)", "crossing_reopened"),
    (
        r"clos(?:e|ed|es|ing|ure|ures)|shut\w*|seal\w*|suspend\w*|block(?:ed|s|ade)?",
        "crossing_closed",
    ),
    (r"threat\w*|menac\w*|endanger\w*", "crossing_threatened"),
    (r"drills?|exercises?|exercised|manoeuvr\w*|maneuver\w*|trained|training", "military_exercise"),
    (
        r"captur\w*|recaptur\w*|seiz\w*|overr[au]n\w*|retak\w*|retook|fell|fall(?:s|en)?|"
        r"took|taken|takeover|entered",
        "territorial_control",
    ),
    (
        r"fight\w*|clash\w*|fire|fired|firing|shell\w*|siege|besieg\w*|attack\w*|offensive|"
        r"battle\w*|killed|bomb\w*|strikes?|airstrikes?|stones|hit|struck|shot|shooting|gunfire|"
        r"raid(?:s|ed)?|skirmish\w*|ambush\w*|explosions?|blasts?|war|violence",
        "clash",
    ),
    (
        r"deploy\w*|reservists?|mobili[sz]\w*|reinforc\w*|troops|paratroopers|withdraw\w*|"
        r"withdrew|redeploy\w*|tanks|guarded|operations?|call-up",
        "military_deployment",
    ),
    (
        r"refugees?|fled|flee\w*|evacuat\w*|crossed|displaced|influx|deport\w*|expel\w*|"
        r"returnees?|migrants?|exodus",
        "refugee_movement",
    ),
    (
        r"met|meet\w*|talks|visit\w*|delegations?|summit|negotiat\w*|envoys?|recogni[sz]\w*|"
        r"consult\w*|agree(?:d|s|ment|ments)?|treat(?:y|ies)|signed|signing|ambassadors?|"
        r"recall(?:ed|s)?|ceasefire|truce|accords?",
        "diplomatic_contact",
    ),
    (
        r"built|build\w*|construct\w*|inaugurat\w*|railways?|railroad|pipelines?|wall|tunnel",
        "infrastructure",
    ),
    (r"jihadists?|militants?|insurgents?", "militant_presence"),
    (r"protest\w*|riot\w*|stormed|demonstrat\w*|rall(?:y|ied|ies)", "other"),
    (
        r"said|says|say|declared?|announc\w*|stated|warn\w*|promised|ordered|urged|told|"
        r"blamed|claimed|denied|accused|reported",
        "statement",
    ),
)
_CUES = tuple((re.compile(rf"(?:{rx})$"), t) for rx, t in WORD_CUES)
_INFRA_OBJECT = re.compile(r"lines?|cables?|roads?|highways?|plants?|stations?|dams?|canals?")
"""What is opened when a railway, road or power line is, not a crossing: infrastructure."""

# "kept the crossing open", "stayed open", "remained open for trade", "open for trade",
# "trade through Milak resumed"
_KEPT_OPEN = re.compile(
    r"\b(?:kept|keeps?|keeping|stay(?:ed|s)?|remain(?:ed|s)?|left|was|were|is|are)\b"
    r"[^.;:]{0,40}?\bopen\b|\bopen\s+(?:for|to)\s+(?:trade|traffic|lorries|trucks|cargo)\b"
    r"|\bmoving\s+again\b|\bresumed\s+(?:trade|traffic)\b"
    r"|\b(?:trade|traffic|crossings|freight|exports|imports)\b[^.;:]{0,40}?\bresumed\b",
    re.IGNORECASE,
)
_STILL_CLOSED = re.compile(
    r"\b(?:kept|stay(?:ed|s)?|remain(?:ed|s)?)\b[^.;:]{0,40}?\bclosed\b", re.IGNORECASE
)
_OPEN = "crossing_reopened"
"""An open crossing: the vocabulary's type for a crossing whose state becomes 'open'."""
_CLAUSE_DEPS = ("conj", "advcl", "ccomp", "parataxis", "relcl", "xcomp", "acl")


@dataclass(frozen=True)
class TypeCue:
    """A proposed event type and the words that suggested it."""

    event_type: str
    cue: str
    strength: float
    """1.0 the verb governing the place; 0.8 its clause; 0.6 elsewhere in the sentence."""


NO_CUE = TypeCue("", "", 0.0)


def cue_of(word: str) -> str:
    """The event type one word suggests, or ''."""
    w = word.lower()
    return next((t for rx, t in _CUES if rx.match(w)), "")


def _negated(tok: Any) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return True  # "left without a fight"
    head = tok.head
    return tok.dep_ in ("xcomp", "acomp", "oprd") and any(c.dep_ == "neg" for c in head.children)


def governing_verb(tok: Any) -> Any:
    """The nearest verb above `tok` in the parse (the sentence's root if there is none)."""
    for _ in range(500):  # a parse is a tree; the bound only guards against a bad one
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _clause(verb: Any, place_tokens: set[int]) -> list[Any]:
    """The verb's own words: its subtree without other clauses that miss the place."""
    skip: set[int] = set()
    for tok in verb.subtree:
        if tok.i != verb.i and tok.dep_ in _CLAUSE_DEPS:
            sub = {t.i for t in tok.subtree}
            if not sub & place_tokens:
                skip |= sub
    return [t for t in verb.subtree if t.i not in skip]


def propose(sent: Any, start: int, end: int) -> TypeCue:
    """The event type the sentence `sent` (a spaCy Span) gives the place at chars [start, end)."""
    doc = sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return NO_CUE
    verb = governing_verb(span.root)
    clause = _clause(verb, {t.i for t in span})
    # The sentence's own text: doc.text rebuilds the whole document on every call.
    base = sent.start_char
    text = ""
    if clause:
        text = sent.text[clause[0].idx - base : clause[-1].idx + len(clause[-1]) - base]
    for rx, etype, strength in ((_STILL_CLOSED, "crossing_closed", 0.9), (_KEPT_OPEN, _OPEN, 0.8)):
        found = rx.search(text)
        if found:
            return TypeCue(etype, found.group(0), strength)
    # Verbs carry what happened ("Afghans fleeing the fighting gathered at X"): they come first.
    others = sorted(
        (t for t in clause if t is not verb),
        key=lambda t: (t.pos_ != "VERB", abs(t.i - span.root.i)),
    )
    ordered = [verb, *others]
    in_clause = {t.i for t in clause}
    rest = sorted((t for t in sent if t.i not in in_clause), key=lambda t: abs(t.i - span.root.i))
    own = verb_cue(verb)
    if own.event_type:
        return own
    for strength, tokens in ((0.8, ordered[1:]), (0.6, rest)):
        for tok in tokens:
            cue = _word_cue(tok)
            if cue:
                return TypeCue(cue[0], cue[1], strength)
    return NO_CUE


def verb_cue(verb: Any) -> TypeCue:
    """What the verb itself says, or what it announces or starts: "announced a partial
    mobilisation" is a deployment, "launched what Dushanbe called an operation" too.

    A statement verb ("announced", "declared", "ordered") or one with no cue of its own
    ("launched", "began") takes the type of the event its object names; what a
    statement reports in a clause of its own ("said troops had crossed") is left to
    that clause.
    """
    own = _word_cue(verb)
    if own and own[0] != "statement":
        return TypeCue(own[0], own[1], 1.0)
    for noun in _objects(verb, reported=own is None):
        cue = _word_cue(noun)
        if cue and cue[0] != "statement":
            return TypeCue(cue[0], f"{verb.text} … {cue[1]}", 1.0)
    return TypeCue(own[0], own[1], 1.0) if own else NO_CUE


def _objects(verb: Any, reported: bool) -> list[Any]:
    """Nouns of the verb's direct object, nearest first; with `reported`, also those of
    the object of a clause it governs ("launched what X called an operation")."""
    heads = [c for c in verb.children if c.dep_ == "dobj"]
    if reported:
        heads += [o for c in verb.children if c.dep_ == "ccomp" for o in c.children]
        heads = [h for h in heads if h.dep_ == "dobj"]
    nouns = [t for h in heads for t in h.subtree if t.pos_ in ("NOUN", "PROPN")]
    return sorted(nouns, key=lambda t: abs(t.i - verb.i))


def _word_cue(tok: Any) -> tuple[str, str] | None:
    etype = cue_of(tok.text)
    if not etype:
        return None
    if tok.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "ORG") and tok.pos_ == "PROPN":
        return None  # "Friendship Bridge", "Islamic State" as names are not cues
    after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    if etype == "crossing_reopened" and after == "fire":
        return "clash", f"{tok.text} fire"  # "opened fire" is shooting, not a crossing
    if etype == "crossing_reopened":
        # What was opened, as object, subject or apposition of this verb ("opened, by
        # video link, a railway", "the road was opened"): a railway or road, not a crossing.
        opened = [
            t
            for t in tok.subtree
            if t.dep_ in ("dobj", "nsubj", "nsubjpass", "appos") and governing_verb(t).i == tok.i
        ]
        built = [
            t
            for t in opened
            if cue_of(t.text) == "infrastructure" or _INFRA_OBJECT.fullmatch(t.lower_)
        ]
        if built:
            return "infrastructure", f"{tok.text} … {built[0].text}"
    if tok.lower_ == "reported" and not any(c.dep_ == "nsubj" for c in tok.children):
        return None  # "fighting was reported", "clashes reported near X": the clash is the news
    if _negated(tok):
        if etype == "crossing_closed":
            return "crossing_reopened", f"not {tok.text}"
        return None
    return etype, tok.text
