"""What a sentence says happened at a place: an event type from its clause.

The clause is the nearest verb above the place (or, for a dated candidate, above its
date) in spaCy's dependency parse, with its dependents (other verbs' clauses left out:
`clauses`). The verb is read first, then the clause's other words by distance, then the
rest of the sentence. What each word means, given what its verb acts on, is `senses`;
the word lists are `cuewords`. "kept / stayed / remained open" means the crossing was
open; a negated cue other than a closure is skipped ("said its forces had not crossed":
a statement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from borderwatch.ingest.clauses import (
    antecedent,
    clause_words,
    governing_verb,
    is_adjunct,
    negated,
    objects,
)
from borderwatch.ingest.cuewords import (
    ADMIT,
    ADVANCE,
    AVOW,
    COMMENT,
    COURTS,
    DECIDE,
    FIGHTING,
    HALTS,
    HOLD,
    IRREGULAR,
    KEPT_OPEN,
    MODALS,
    OPEN,
    ORDER,
    PACTS,
    POLITICAL_EVENTS,
    QUANTITY,
    SEAWAYS,
    SHUT,
    STILL_CLOSED,
    STOP,
    TELL,
    TRY,
    URGE,
    VOTE,
    WH,
    cue_of,
)
from borderwatch.ingest.nouns import noun_class
from borderwatch.ingest.senses import said_for_certain, to_an_audience, word_cue

ELSEWHERE = 0.6
"""The strength of a type read from the rest of the sentence, outside the clause of the
place and of the date (`typemodel.overrules` lets the model overrule it more readily)."""


@dataclass(frozen=True)
class TypeCue:
    """A proposed event type and the words that suggested it."""

    event_type: str
    cue: str
    strength: float
    """1.0 the verb governing the place; 0.8 its clause; 0.6 elsewhere in the sentence."""
    explicit: bool = False
    """Read from a construction the rules decode on purpose (kept open / still closed, the
    verb's own non-statement cue or what it acts on, a first opening, an armed subject,
    a subject that names the event, a participle describing the subject, the event
    "after X" refers to). Extraction lets the learned model overrule no reading of the
    rules (`typemodel.type_dated`); this mark is what `scripts/cross_validate_type_model.py`
    measures a model that would overrule the others against."""


NO_CUE = TypeCue("", "", 0.0)


FIRST = "(first)"
"""The mark on the cue of a crossing or road opened for the first time ("opened (first)"):
built, not reopened."""


NOTHING_SAID = TypeCue("other", "no event word in the dated clause", 0.3)
"""A dated happening whose clause names nothing the types know ("drivers waited at X on
5 May"): `other`, the vocabulary's type for what no other type fits, trusted little."""


def propose(sent: Any, start: int, end: int) -> TypeCue:
    """The event type the sentence `sent` (a spaCy Span) gives the place at chars [start, end)."""
    doc = sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return NO_CUE
    verb = governing_verb(span.root)
    clause = clause_words(verb, {t.i for t in span})
    kept = _kept_cue(clause)
    if kept.event_type:
        return kept
    # Verbs carry what happened ("Afghans fleeing the fighting gathered at X"): they come first.
    others = sorted(
        (t for t in clause if t is not verb),
        key=lambda t: (t.pos_ != "VERB", abs(t.i - span.root.i)),
    )
    ordered = [verb, *others]
    in_clause = {t.i for t in clause}
    rest = sorted((t for t in sent if t.i not in in_clause), key=lambda t: abs(t.i - span.root.i))
    own = _and_fought(verb, verb_cue(verb))
    if own.event_type:
        return own
    # A subordinate clause ("as it flew towards X") is about the act of the clause it
    # modifies before any other word of the sentence ("… shot down a drone as it flew
    # towards X; officials said …": the shooting, not the saying).
    above = [a for a in verb.ancestors if a.pos_ == "VERB"][:1] if verb.dep_ == "advcl" else []
    rest = above + [t for t in rest if t not in above]
    for strength, tokens in ((0.8, ordered[1:]), (ELSEWHERE, rest)):
        cue = _first_cue(tokens)
        if cue:
            return TypeCue(cue[0], cue[1], strength)
    return NO_CUE


def _first_cue(tokens: Any) -> tuple[str, str] | None:
    """The first cue of `tokens`, except that a town taken outranks the fighting or the
    troops that took it ("troops captured the town after heavy fighting")."""
    found = [c for c in (word_cue(t) for t in tokens) if c]
    if not found:
        return None
    if found[0][0] in ("clash", "military_deployment"):
        taken = next((c for c in found if c[0] == "territorial_control"), None)
        if taken is not None:
            return taken
    return found[0]


def _kept_cue(clause: list[Any]) -> TypeCue:
    """ "kept the crossing open", "stayed closed", "trade resumed" in the clause's text."""
    # Only the clause's own words: a reported clause ("said … would stay open") is not it.
    text = "".join(t.text_with_ws for t in clause)
    # a canal or a strait that stayed shut is no land crossing (`cuewords.SEAWAYS`): `other`
    by_water = any(t.dep_ in ("nsubj", "nsubjpass") and SEAWAYS.match(t.lower_) for t in clause)
    for rx, etype, strength in ((STILL_CLOSED, "crossing_closed", 0.9), (KEPT_OPEN, OPEN, 0.8)):
        found = rx.search(text)
        if found:
            return TypeCue("other" if by_water else etype, found.group(0), strength, explicit=True)
    return NO_CUE


def verb_cue(verb: Any) -> TypeCue:
    """What the verb itself says, or what it announces, starts or reports: "announced a
    partial mobilisation" is a deployment, "launched what Dushanbe called an operation"
    too, "the mobilisation announced on 21 September" as well.

    A statement verb ("announced", "declared", "ordered") or one with no cue of its own
    ("launched", "began", "decided to") takes the type of the event its object (or the
    noun it describes, or the verb it governs) names. What a statement reports in a
    clause of its own is that event when the clause states it as a fact ("announced
    that units had begun withdrawing"); a statement of what will, would or did not
    happen stays a statement ("said the crossing would stay open").
    """
    own = word_cue(verb)
    tried = verb.dep_ == "xcomp" and TRY.match(verb.head.lower_)
    if own and own[0] == "territorial_control" and tried:
        # "tried to seize the town": an attack on it, which did not (yet) take it
        return TypeCue("clash", f"{verb.head.text} … {own[1]}", 1.0, explicit=True)
    if own and own[0] != "statement":
        return TypeCue(own[0], own[1], 1.0, explicit=True)
    if own and own[0] == "statement" and said_for_certain(verb):
        # "handed the envoy an ultimatum", "called off the visit": the words are the event
        return TypeCue(own[0], own[1], 1.0, explicit=True)
    if own and (own[0] == "statement" or verb.lower_.startswith("protest")):
        joined = _and_contacted(verb)
        if joined.event_type:
            return joined
    if own and (COMMENT.match(verb.lower_) or AVOW.match(verb.lower_)):
        return TypeCue(own[0], own[1], 1.0)  # "condemned the raid" is the condemnation
    if own and own[0] == "statement" and to_an_audience(verb):
        return TypeCue(own[0], own[1], 1.0)  # "told a rally": the speech, not the rally
    if own and own[0] == "statement" and TELL.match(verb.lower_) and " … " in own[1]:
        return TypeCue(own[0], own[1], 1.0)  # "told foreign ambassadors": a briefing, no envoy
    if own and ORDER.match(verb.lower_):
        ordered = _ordered_act(verb)
        if ordered.event_type:
            return ordered
    if own is None and ADMIT.match(verb.lower_):
        # "the garrison was allowed to march out", "let the battalion leave": what was let
        for sub in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            let = verb_cue(sub)
            if let.event_type and let.event_type != "statement" and not negated(verb):
                return TypeCue(let.event_type, f"{verb.text} … {let.cue}", 1.0, explicit=True)
    for noun in objects(verb, reported=own is None):
        cue = word_cue(noun)
        if cue and cue[0] != "statement":
            return TypeCue(cue[0], f"{verb.text} … {cue[1]}", 1.0, explicit=True)
    for sub in verb.children:
        # "began blocking the corridor", "decided to open an embassy", "said units had begun
        # withdrawing": the verb it governs says what happened.
        follows = sub.dep_ == "xcomp" or (
            sub.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in sub.children)
        )
        if sub.pos_ == "VERB" and own is None and follows and _urged(verb, sub):
            return TypeCue("statement", f"{verb.text} … to {sub.text}", 1.0)
        starts = sub.pos_ == "VERB" and own is None and follows
        reports = (
            _reported(verb, sub)
            and own is not None
            and (
                _stated_as_fact(sub)
                or (verb.lower_.startswith(("announc", "declar")) and _truce(sub))
            )
        )
        agreed = _agreed_as_reported(sub) if _reported(verb, sub) and own is not None else NO_CUE
        if agreed.event_type:
            return TypeCue(agreed.event_type, f"{verb.text} … {agreed.cue}", 1.0, explicit=True)
        if not (starts or reports):
            continue
        deeper = verb_cue(sub)
        if deeper.event_type == "territorial_control" and starts and TRY.match(verb.lower_):
            # "tried to seize the town": an attack on it, which did not (yet) take it
            return TypeCue("clash", f"{verb.text} … {deeper.cue}", 1.0, explicit=True)
        if deeper.event_type and deeper.event_type != "statement":
            return TypeCue(deeper.event_type, f"{verb.text} … {deeper.cue}", 1.0, explicit=True)
    if own is None and _says_that(verb):
        court = _court(verb)
        if court is not None:
            # "the Court found that the title belongs to X", "the Supreme Court held that the
            # understanding was a treaty": a ruling (KEY_GUIDE.md: `other`, 24 of 24)
            return TypeCue("other", f"{court.text} {verb.text} that", 1.0)
        return TypeCue("statement", f"{verb.text} that", 1.0)  # "answered that X was theirs"
    return TypeCue(own[0], own[1], 1.0) if own else NO_CUE


def _reported(verb: Any, sub: Any) -> bool:
    """Whether `sub`, a clause under `verb`, is what the verb reports: its complement
    (ccomp), but not a clause before it across a semicolon, which spaCy may hang there ("The
    centre was built for a few hundred; on Wednesday the ministry said …"): a sentence of its
    own, which no saying after it reports."""
    if sub.dep_ != "ccomp":
        return False
    if sub.i > verb.i:
        return True
    doc = verb.doc
    return not any(t.text == ";" for t in doc[sub.right_edge.i + 1 : verb.i])


def _and_contacted(verb: Any) -> TypeCue:
    """A statement joined by "and" to a contact between governments by the same subject
    ("protested the same day and summoned the ambassador", "condemned the raid and recalled
    its envoy"): the contact is what was done."""
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if negated(conj) or any(
            c.dep_ in ("nsubj", "nsubjpass") or c.lower_ in WH for c in conj.children
        ):
            continue  # another's act ("which Baghdad accepted")
        done = verb_cue(conj)
        if done.event_type == "diplomatic_contact":
            return TypeCue(done.event_type, f"{verb.text} and … {done.cue}", 1.0, explicit=True)
    return NO_CUE


def _agreed_as_reported(verb: Any) -> TypeCue:
    """A reported clause that says governments agreed, spoke or broke off relations, as done
    ("said that both sides had agreed to withdraw by 30 September", "announced that their
    commanders had spoken over the hotline and agreed to hold fire", "announced that
    relations were broken"): the contact reported is the event (KEY_GUIDE.md: an
    announcement that reports an act is typed as the act), even with a date of its own in
    the clause, which is the act's deadline or its terms' (a figure or a move reported
    with a date of its own stays the report: `_stated_as_fact`). Not one of what would or
    might happen, nor one denied or under a condition ("said talks would follow"), nor one
    that counts (a figure reported is the report, as in `_stated_as_fact`)."""
    if any(
        t.lower_ in MODALS or t.dep_ == "neg" or t.lower_ in ("if", "whether", "unless")
        for t in _own_clause(verb)
    ):
        return NO_CUE
    if any(t.dep_ == "nummod" and t.head.dep_ in ("nsubj", "nsubjpass") for t in verb.subtree):
        return NO_CUE  # "said nine tenths had been agreed", "a hundred had asked for protection"
    joined = (
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
    )
    for act in (verb, *joined):
        done = verb_cue(act)
        if done.event_type == "diplomatic_contact":
            return done
    return NO_CUE


def _own_clause(verb: Any) -> list[Any]:
    """The words of a reported clause without the clauses that describe its nouns ("a
    quarrel that has since uprooted thousands"): what they say does not qualify it."""
    skip: set[int] = set()
    for tok in verb.subtree:
        if tok.i != verb.i and tok.dep_ in ("relcl", "acl", "advcl") and tok.i not in skip:
            # a condition's own mark stays ("if they withdraw"); what the clause says does not
            marks = {c.i for c in tok.children if c.dep_ == "mark"}
            skip |= {t.i for t in tok.subtree} - marks
    return [t for t in verb.subtree if t.i not in skip]


def _attribution(verb: Any) -> bool:
    """A saying set off in the present tense inside the sentence it attributes ("since
    August, officials say, tens of thousands have crossed"): a source, not a dated act."""
    said = cue_of(verb.text) == "statement" or verb.lemma_ in ("say", "report", "estimate")
    return verb.dep_ == "parataxis" and verb.tag_ in ("VBP", "VBZ") and said


def _court(verb: Any) -> Any:
    """The court, tribunal or judges who are the subject of `verb` (`cuewords.COURTS`), or None:
    what they find or hold is a ruling, not a government's statement."""
    return next((c for c in verb.children if c.dep_ == "nsubj" and COURTS.match(c.lower_)), None)


def _says_that(verb: Any) -> bool:
    """A verb with no cue of its own that governs a clause "that …" ("answered that the
    village was theirs", "repeated that the people would decide", "the report found that
    most were herders"): what is said or found is the event, a statement."""
    return any(
        sub.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in sub.children)
        for sub in verb.children
    )


FOUGHT_OVER = ("military_deployment", "crossing_closed")
"""What a verb says that the fight joined on to it outranks: troops that crossed and
attacked the posts, gunmen who stopped a bus (or blocked a road: `other`) and killed its
passengers. Not a rally that the police fired on: the protest is the event."""


def _and_fought(verb: Any, own: TypeCue) -> TypeCue:
    """The verb's own reading (`own`), unless it is a movement, a stop or an `other` that a
    verb joined on after it with "and" turns into a fight ("crossed into the strip and
    attacked the posts", "stopped a bus and killed 28 passengers", "landed at X and were
    thrown back"): that fight is what happened; or a movement (or a verb that says
    nothing) that one turns into a capture ("pushed across the bridge and drove the
    militants out of Gamboru"). A verb joined on with a subject of its own is another's act."""
    stopped = own.event_type == "other" and bool(SHUT.match(verb.lower_) or STOP.match(verb.lower_))
    moved = own.event_type in ("", "military_deployment")
    if own.event_type not in FOUGHT_OVER and not stopped and not moved:
        return own
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        fought = verb_cue(conj)
        if negated(conj) or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue  # another subject's act ("crossed the Pruth, and Constantinople declared war")
        if fought.event_type == "clash" and own.event_type:
            return TypeCue("clash", f"{verb.text} … {fought.cue}", own.strength, explicit=True)
        if moved and own.event_type and _held_it(conj):
            # "crossed into Kuwait and held it for seven months": the place moved into held
            return TypeCue(
                "territorial_control", f"{verb.text} … {conj.text} it", 1.0, explicit=True
            )
        if fought.event_type == "territorial_control" and moved and not _elsewhere(conj):
            # "crossed into Kuwait and held it": the place moved into taken ("crossed the
            # pass and took the fort at Phari" took another place, whose own clause says so)
            return TypeCue(fought.event_type, f"{verb.text} … {fought.cue}", 1.0, explicit=True)
    return own


def _held_it(verb: Any) -> bool:
    """ "held it", "have held them since", "occupied it": the place just named, held."""
    holds = verb.lower_ in HOLD or verb.lower_.startswith("occup")
    return holds and any(c.dep_ == "dobj" and c.lower_ in ("it", "them") for c in verb.children)


def _elsewhere(taking: Any) -> bool:
    """A verb of taking whose place is a name of its own ("took the fort at Phari", "drove
    the militants out of Gamboru"): another place than the one moved to or across."""
    return any(
        t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "DATE", "TIME")
        for c in taking.children
        if c.dep_ in ("dobj", "prep", "prt", "advmod")
        for t in c.subtree
    )


BEGIN = re.compile(r"(?:beg[ia]n|begun|begins?|start(?:s|ed)?|opened|resumed)$")
"""Verbs of a start: what started is what happened."""


def _began(verb: Any, subject: Any) -> TypeCue:
    """What began, when the verb of beginning says nothing itself: an advance, a push or
    an assault as its subject ("the push began in late May", "the push on X, which began
    on 10 May") is a fight, and so is fighting, a war or violence that began ("the war
    began on 4 November, when troops were ordered in": the war, not the order); else the
    clause "when" tells what it was ("the trouble began on 19 October, when a crowd set
    upon five monks")."""
    if not BEGIN.match(verb.lower_):
        return NO_CUE
    if subject is not None and subject.lower_ in WH:
        subject = antecedent(subject)
    fight = subject is not None and (FIGHTING.match(subject.lower_) or subject.lower_ == "violence")
    if subject is not None and (ADVANCE.match(subject.lower_) or fight):
        return TypeCue("clash", f"{subject.text} {verb.text}", 0.8, explicit=True)
    # the "when" clause hangs off the verb, or off its date ("on 3 May, when …")
    for sub in verb.subtree:
        if sub.pos_ != "VERB" or sub.dep_ not in ("advcl", "relcl"):
            continue
        if governing_verb(sub.head).i != verb.i or not any(
            t.lower_ == "when" for t in sub.children
        ):
            continue
        told = _and_fought(sub, verb_cue(sub))
        if told.event_type and told.event_type != "statement":
            return TypeCue(told.event_type, f"{verb.text} … when … {told.cue}", 0.8)
    return NO_CUE


ARMED_ACTS = ("military_deployment", "clash", "territorial_control")
"""What forces do: a vote or a decision for one decides it and does not do it (`VOTE`,
`DECIDE`)."""


def _urged(verb: Any, act: Any) -> bool:
    """ "called on Hanoi to withdraw", "authorised the army to strike": an act called for,
    which has not happened; "voted to send troops", "decided to send troops": an armed act
    decided (`VOTE`, `DECIDE`). Not
    "called up reservists" or "called in the ambassador" (a call-up, a summons), nor a call
    to stop fighting (a truce sought is diplomacy)."""
    if VOTE.match(verb.lower_) or DECIDE.match(verb.lower_):
        return verb_cue(act).event_type in ARMED_ACTS
    if not URGE.match(verb.lower_):
        return False
    doc = verb.doc
    after = doc[verb.i + 1].lower_ if verb.i + 1 < len(doc) else ""
    if any(c.dep_ == "prt" for c in verb.children) or after in ("in", "up", "off", "out"):
        return False
    return verb_cue(act).event_type != "diplomatic_contact"


def _ordered_act(verb: Any) -> TypeCue:
    """What an order orders: the verb it governs ("ordered the brigade to attack", "ordered
    the border closed"), else who it sends out ("ordered residents out" is an evacuation,
    "the battalion was ordered out" a withdrawal, "ordered the regulars up the river" a
    deployment)."""
    for sub in verb.children:
        if sub.dep_ in ("xcomp", "ccomp", "oprd") and sub.pos_ == "VERB":
            act = verb_cue(sub)
            if act.event_type and act.event_type != "statement":
                return TypeCue(act.event_type, f"{verb.text} … {act.cue}", 1.0, explicit=True)
    way = next((c.lower_ for c in verb.children if c.lower_ in _SENT_WAYS), "")
    if way:
        sent = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        moved = {"people": "refugee_movement", "armed": "military_deployment"}.get(
            noun_class(sent) if sent is not None else ""
        )
        if moved == "refugee_movement" and way != "out":
            moved = None  # "ordered residents home" is no flight
        if moved and sent is not None:
            return TypeCue(moved, f"{verb.text} {sent.text} {way}", 1.0, explicit=True)
    return NO_CUE


_SENT_WAYS = ("out", "up", "in", "back", "home", "forward", "away")
"""Where an order sends men: "ordered the regulars up the river", "the battalion was
ordered home" (state forces moved: a deployment); "ordered residents out" (an evacuation)."""


def _first_opening(verb: Any, anchor: set[int]) -> bool:
    """A crossing "opened" (not reopened) "first", or in a year given alone ("opened in
    1992"): a history of how it was built, not a reopening after a closure.

    "First" counts where it says the opening was the first: on the verb ("first opened",
    "opened for the first time") or on what was opened ("the first road bridge opened",
    "opened the first crossing"). On anything else it qualifies that alone and not the
    act: the date's ("in the first minutes of Monday"), the traffic's ("opened to the first
    lorries", "thousands went through in the first hours") or "at first" (initially)."""
    if not verb.lower_.startswith("open"):
        return False
    opened = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")}
    for t in verb.subtree:
        if t.lower_ not in ("first", "originally") or t.i in anchor or t.head.lower_ == "at":
            continue
        if t.head.i == verb.i or t.head.i in opened or t.head.lower_ == "time":
            return True
    doc = verb.doc
    numbers = [doc[i] for i in anchor if doc[i].like_num]
    words = [doc[i] for i in anchor if doc[i].is_alpha and doc[i].pos_ != "ADP"]
    return bool(numbers) and not words and all(len(t.text) == 4 for t in numbers)


def _truce(verb: Any) -> bool:
    """A clause announced that stops the fighting ("announced that its troops would cease
    fire", "announced it was halting its offensive"): a ceasefire announced is one agreed,
    even as a promise (not a conditional one, "if", nor a refusal). A leader telling his
    people the war will end is a statement (dev keys)."""
    if any(t.dep_ == "neg" or t.lower_ in ("if", "whether", "unless") for t in _own_clause(verb)):
        return False
    cue = word_cue(verb)
    return (
        cue is not None and cue[0] == "diplomatic_contact" and HALTS.match(verb.lower_) is not None
    )


def _stated_as_fact(verb: Any) -> bool:
    """A reported clause that says, undated, that something happened.

    Not one with a modal, a negation or a question ("would stay open", "had not
    crossed"), one that reports another statement ("said he had ordered"), one with a
    date of its own (the reporting date dates the report: "reported on Tuesday that
    200,000 had entered since the call-up") or one that counts ("said 300 vehicles had
    crossed", "said tens of thousands had crossed": a figure reported is the report).
    """
    if cue_of(verb.text) == "statement":
        return False
    for tok in verb.subtree:
        if tok.lower_ in MODALS or tok.dep_ == "neg" or tok.lower_ in ("if", "whether"):
            return False
        if tok.ent_type_ == "DATE" or tok.lower_ == "since":
            return False
        if tok.dep_ == "nummod" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            return False
        if tok.dep_ in ("nsubj", "nsubjpass") and (QUANTITY.match(tok.lower_) or tok.like_num):
            return False  # "said tens of thousands had crossed": the figure, as above
    return True


def _noun_dated(doc: Any, anchor: set[int]) -> TypeCue:
    """The event a date names by modifying its noun, whatever the verb of the clause says:
    a pact ("the peace treaty of 1947 confirmed the line", "under the Luanda agreement of
    September 2002 Uganda had promised", "the Treaty of Riga of 11 August 1920") is the
    agreement, a contact between governments, dated by its signing; an election, a
    referendum or a coup ("the coup of 25 May 1997", "since the election of 9 August") is
    `other` (KEY_GUIDE.md). The date is the noun's: "of" it, or a word of its name ("the
    Treaty of London of April 1915"). Not a date of the clause that only mentions a pact
    ("signed the treaty on 3 May" dates the signing: the verb's reading)."""
    roots = [doc[i] for i in sorted(anchor) if doc[i].head.i not in anchor or doc[i].head.i == i]
    if not roots:
        return NO_CUE
    root = roots[0]
    noun = root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        noun = root.head.head
        # "the Treaty of London of April 1915": the date may hang off the name's last word
        while noun.pos_ == "PROPN" and noun.dep_ == "pobj" and noun.head.lower_ == "of":
            if PACTS.match(noun.lower_) or POLITICAL_EVENTS.match(noun.lower_):
                break
            noun = noun.head.head
    elif root.dep_ in ("compound", "nummod", "npadvmod", "nmod", "poss"):
        noun = root.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return NO_CUE
    cue = f"{noun.text} … {doc[max(anchor)].text}"  # "treaty … 1947", "coup … 1997"
    if PACTS.match(noun.lower_):
        return TypeCue("diplomatic_contact", cue, 1.0, explicit=True)
    if POLITICAL_EVENTS.match(noun.lower_):
        return TypeCue("other", cue, 1.0, explicit=True)
    return NO_CUE


def clause_cue(verb: Any, anchor: set[int]) -> TypeCue:
    """What the clause of `verb` says happened, read from the words `anchor` (a date's
    tokens) belong to: the verb and what it acts on first; a to-infinitive defers to the
    verb above it ("signed the agreement to build it on 6 June" is the signing); then
    the participle describing its subject ("Afghans fleeing the fighting have gathered");
    an armed force as its subject ("border guards watched the river") is a deployment;
    then the clause's other words, verbs first, nearest first.
    """
    if _attribution(verb):
        # "Since January, UN agencies say, tens of thousands have crossed": the saying is
        # now; the date is the reported act's
        return clause_cue(verb.head, anchor)
    dated_noun = _noun_dated(verb.doc, anchor)
    if dated_noun.event_type:
        return dated_noun
    to_infinitive = verb.dep_ in ("acl", "xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )
    if to_infinitive:
        above = verb_cue(governing_verb(verb.head))
        if above.event_type and above.event_type != "statement":
            return above
    top = verb
    for _ in range(10):  # "remained shut", "kept it closed": the verb that keeps the state
        if top.dep_ not in ("acomp", "xcomp", "oprd") or top.head.i == top.i:
            break
        top = top.head
    kept = _kept_cue(clause_words(top, anchor))
    if kept.event_type:
        return kept
    own = _and_fought(verb, verb_cue(verb))
    if own.event_type == OPEN and _first_opening(verb, anchor):
        return TypeCue("infrastructure", f"{own.cue} {FIRST}", own.strength, explicit=True)
    if own.event_type:
        return own
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    began = _began(verb, subject)
    if began.event_type:
        return began
    if subject is not None:
        for part in (c for c in subject.children if c.dep_ == "acl" and c.pos_ == "VERB"):
            cue = word_cue(part)
            if cue:
                return TypeCue(cue[0], f"{subject.text} {cue[1]}", 0.8, explicit=True)
    # Verbs first, then the words the verb governs directly, then its circumstances
    # ("watched the river through the civil war": the war is the setting, not the act).
    words = sorted(
        (t for t in clause_words(verb, anchor) if t.i != verb.i),
        key=lambda t: (t.pos_ != "VERB", is_adjunct(t, verb), min(abs(t.i - a) for a in anchor)),
    )
    # The subject itself naming the event ("militants were active", "clashes erupted") is
    # read on purpose; a word elsewhere in the clause is a guess.
    named = word_cue(subject) if subject is not None and subject.pos_ != "VERB" else None
    for core in (False, True):
        cue = _first_cue(w for w in words if is_adjunct(w, verb) == core or w.pos_ == "VERB")
        if cue:
            return TypeCue(cue[0], cue[1], 0.8, explicit=cue == named)
        if core:
            break
        # State forces doing, or being given, anything else are a deployment.
        for who in (c for c in verb.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")):
            if noun_class(who) == "armed" and not IRREGULAR.match(who.lower_):
                return TypeCue("military_deployment", f"{who.text} {verb.text}", 0.6, explicit=True)
    return NO_CUE
