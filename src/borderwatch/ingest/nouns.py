"""What kind of thing a noun names in a parsed sentence, and whether it is a line
(railway, road, pipeline) or the work on one."""

from __future__ import annotations

from typing import Any

from borderwatch.ingest.clauses import antecedent
from borderwatch.ingest.cuewords import PARTITIVE, QUANTITY, WH, class_of


def noun_class(tok: Any) -> str:
    """What kind of thing a noun is ('crossing', 'traffic', 'diplomatic', 'armed', …), or ''.

    A place name is a 'place', a nationality in the plural ("Russians") 'people'; the
    head word decides, then its possessor ("the embassy's work"), then its compounds
    ("the railway crossing" is a crossing).
    """
    if tok.lower_ in WH and tok.dep_ != "ROOT":
        tok = antecedent(tok)
    if tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.pos_ == "PROPN":
        return "place"
    if tok.ent_type_ == "NORP" and tok.lower_.endswith("s") and class_of(tok.lower_) != "armed":
        return "people"  # "Russians"; not "400 Marines", a force spaCy may tag as a nationality
    if QUANTITY.match(tok.lower_):
        # "thousands of lorries" are traffic, "thousands" alone are people
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for o in (c for c in prep.children if c.dep_ == "pobj"):
                return noun_class(o)
    own = class_of(tok.lower_)
    if tok.lower_ in PARTITIVE and own in ("", "people"):
        # "men of the Third Army", "the first companies of the Legion": the force they are of
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for o in (c for c in prep.children if c.dep_ == "pobj"):
                if noun_class(o) == "armed":
                    return "armed"
    if tok.lower_ == "men" and any(_armed_beside(c) for c in tok.children if c.dep_ == "appos"):
        return "armed"  # "a thousand men, Gurkhas, infantry and two guns": a force
    if own:
        return own
    for dep in ("poss", "compound"):
        for c in tok.children:
            if c.dep_ == dep and class_of(c.lower_):
                return class_of(c.lower_)
    return ""


def _armed_beside(tok: Any) -> bool:
    """A noun set beside "men" that names a force, or a list of them ("Gurkhas, infantry
    and two guns")."""
    listed = [tok, *(t for t in tok.subtree if t.dep_ == "conj")]
    return any(class_of(t.lower_) == "armed" for t in listed)


def infra_compound(tok: Any) -> bool:
    """A noun qualified as a line: "the railway crossing", "rail link"."""
    return any(
        c.dep_ in ("compound", "amod") and class_of(c.lower_) == "infrastructure"
        for c in tok.children
    )


def infra_work(tok: Any) -> bool:
    """A line, or the work on one: "work on the pipeline's Afghan section was launched"."""
    if infra_compound(tok):
        return True
    if tok.lower_ not in ("work", "works", "construction", "building", "section", "stretch"):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("on", "of", "for")
        and any(o.dep_ == "pobj" and _infra_noun(o) for o in c.children)
        for c in tok.children
    )


def _infra_noun(tok: Any) -> bool:
    if noun_class(tok) == "infrastructure" or infra_compound(tok):
        return True
    return tok.lower_ in ("section", "stretch") and infra_work(tok)
