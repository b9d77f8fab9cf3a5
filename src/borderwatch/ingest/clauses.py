"""Reading spaCy's dependency parse for event typing.

The verb above a word, the words of its own clause (other verbs' clauses left out), who
acted on what, whether a word is negated, and whether it sits in the clause's
circumstances rather than its core.
"""

from __future__ import annotations

from typing import Any

from borderwatch.data.gazetteer import normalize
from borderwatch.ingest.countries import countries_by_name
from borderwatch.ingest.cuewords import TOWN, WATERWAYS, WH

_CLAUSE_DEPS = ("conj", "advcl", "ccomp", "parataxis", "relcl", "xcomp", "acl")


def governing_verb(tok: Any) -> Any:
    """The nearest verb above `tok` in the parse (the sentence's root if there is none)."""
    for _ in range(500):  # a parse is a tree; the bound only guards against a bad one
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT" or tok.head.i == tok.i:
            break
        tok = tok.head
    return _finite_verb_of(tok)


def _finite_verb_of(root: Any) -> Any:
    """The sentence's own verb where spaCy made a noun its root and hung that verb off it as a
    reduced relative ("Two days later the Kyzyl-Bel crossing reopened to lorries": 'crossing'
    the root, 'reopened' its acl): a past tense (VBD) is finite, and a sentence needs a finite
    verb, while a reduced relative takes a participle ("the crossing reopened by the army",
    VBN). Else `root` itself."""
    if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN"):
        return root
    finite = [c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBD"]
    return finite[0] if len(finite) == 1 else root


def clause_words(verb: Any, place_tokens: set[int]) -> list[Any]:
    """The verb's own words: its subtree without other clauses that miss the place."""
    skip: set[int] = set()
    for tok in verb.subtree:
        # a noun parsed as a complement ("began surprise drills": 'surprise' as xcomp) is
        # no clause of its own
        if tok.i != verb.i and tok.dep_ in _CLAUSE_DEPS and tok.pos_ != "NOUN":
            sub = {t.i for t in tok.subtree}
            if not sub & place_tokens:
                skip |= sub
    return [t for t in verb.subtree if t.i not in skip]


def negated(tok: Any) -> bool:
    """Whether `tok` is denied: "did not close", "left without a fight", "never shut"."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return True  # "left without a fight"
    head = tok.head
    return tok.dep_ in ("xcomp", "acomp", "oprd") and any(c.dep_ == "neg" for c in head.children)


def antecedent(tok: Any) -> Any:
    """The noun "that" / "which" stands for in a relative clause ("the line that reached X")."""
    verb = tok.head
    return verb.head if verb.dep_ == "relcl" else tok


def arguments(verb: Any) -> tuple[Any, Any]:
    """(who acted, what was acted on) for a verb, either one possibly None.

    The acted-on is the direct object, else the passive subject, else the noun a
    participle describes; "that" / "which" stand for the noun they refer to.
    """
    kids = list(verb.children)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if obj is None and passive is None and verb.dep_ == "acl":
        passive = verb.head
    if obj is None and passive is None:
        # "opened, by video link, a railway": the object set off as an apposition
        obj = next(
            (
                t
                for t in verb.subtree
                if t.dep_ == "appos" and t.pos_ == "NOUN" and governing_verb(t).i == verb.i
            ),
            None,
        )
    if subj is None and verb.dep_ == "xcomp":
        # "lorries began moving", "troops tried to cross": the subject of the verb above,
        # or its passive subject ("the garrison was allowed to march out")
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None) or next(
            (c for c in verb.head.children if c.dep_ == "nsubjpass"), None
        )
    if subj is not None and subj.lower_ in WH:
        subj = antecedent(subj)
    if obj is not None and obj.lower_ in WH:
        obj = antecedent(obj)
    return subj, obj if obj is not None else passive


def objects(verb: Any, reported: bool) -> list[Any]:
    """Nouns of what the verb acts on, nearest first: its direct object, the subject of a
    passive ("a mobilisation was announced"), the noun a participle describes ("the
    mobilisation announced on 21 September"); with `reported`, also the object of a
    clause it governs ("launched what X called an operation")."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if reported:
        heads += [o for c in verb.children if c.dep_ == "ccomp" for o in c.children]
        heads = [h for h in heads if h.dep_ in ("dobj", "nsubjpass")]
    nouns = [t for h in heads for t in h.subtree if t.pos_ in ("NOUN", "PROPN")]
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(verb.head)
    elif verb.dep_ == "relcl" and verb.head.pos_ == "NOUN":
        own = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in WH]
        if not own:  # "the truce the rebels had declared": what it declared is the noun
            nouns.append(verb.head)
    return sorted(nouns, key=lambda t: abs(t.i - verb.i))


def is_adjunct(tok: Any, verb: Any) -> bool:
    """Whether `tok` sits in a prepositional phrase on its way up to `verb`: the clause's
    circumstances ("through a war", "after the talks"). "In" or "during" an event is the
    event itself ("died in a firefight")."""
    for _ in range(50):
        if tok.i == verb.i or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("prep", "agent"):
            return tok.lower_ not in ("in", "during")
        tok = tok.head
    return False


def into_place(verb: Any) -> bool:
    """ "moved into Kirkuk", "rolled into the city": the movers now hold the place (not
    "moved into parts of the valley": a push forward, not a town taken; nor "moved into
    Bulgaria", "rolled into northern Jordan": a country entered, where forces are
    deployed, as the keys read it, a town of it being what is taken). Also "moved into it"
    (the place just named, which the clause goes on about) and "into the centre of the
    town" (the heart of a town is the town held; not its outskirts, which forces reach
    before they take it)."""
    # "moved back into the town": the parse may hang "into" off "back"
    back = [c for c in verb.children if c.dep_ in ("advmod", "prt") and c.lower_ == "back"]
    return any(
        c.dep_ == "prep"
        and c.lower_ == "into"
        and any(o.dep_ == "pobj" and _a_town_entered(o) for o in c.children)
        for c in (*verb.children, *(t for b in back for t in b.children))
    )


_TOWN_PARTS = ("centre", "center", "heart")
"""The part of a town that stands for the whole when forces move into it."""


def _a_town_entered(o: Any) -> bool:
    """What "into" names, read as a town held once forces are in it (`into_place`)."""
    if o.lower_ in ("it", "them"):
        return True
    if o.lower_ in _TOWN_PARTS:
        of = [t for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.children]
        return any(
            t.dep_ == "pobj" and _a_town_entered(t) and t.lower_ not in ("it", "them") for t in of
        )
    return (
        (o.pos_ == "PROPN" or bool(TOWN.match(o.lower_))) and not a_country(o) and not a_waterway(o)
    )


def a_waterway(tok: Any) -> bool:
    """A sea, a strait, a gulf or a mountain pass ("the Black Sea", "the Strait of Hormuz",
    "the Khyber Pass"): forces that move into one pass through it, holding no town."""
    return bool(WATERWAYS.match(tok.lower_))


def a_country(tok: Any) -> bool:
    """A country's name ("Iran", "Saudi Arabia"), its compounds read with it."""
    if tok.pos_ != "PROPN":
        return False
    words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok]
    name = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    return normalize(name) in countries_by_name()


def out_of_town(verb: Any) -> bool:
    """ "drove out of the besieged town": the movers gave the town up. Not out of a place
    named ("pulled out of Almaty"): a force may leave a town it held as a guest, a
    withdrawal (KEY_GUIDE.md)."""
    for out in (c for c in verb.children if c.lower_ == "out"):
        for of in (t for t in out.subtree if t.lower_ == "of" and t.dep_ == "prep"):
            if any(o.dep_ == "pobj" and TOWN.match(o.lower_) for o in of.children):
                return True
    return False


def clause_of(doc: Any, pos: int) -> int:
    """Index of the verb whose clause holds the character at `pos` (-1 if none)."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return -1
    return int(governing_verb(span[0]).i)
