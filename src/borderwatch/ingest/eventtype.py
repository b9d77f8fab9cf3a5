"""What a sentence says happened at a place: an event type from its clause.

The clause is the nearest verb above the place (or, for a dated candidate, above its
date) in spaCy's dependency parse, with its dependents (other verbs' clauses left out).
The verb is read first, then the clause's other words by distance, then the rest of the
sentence. A verb's meaning depends on what it acts on (`noun_class`): closing or
stopping a crossing, traffic or a place is a closure, but detaining people is `other`
and shutting a road is no border crossing; opening a railway is infrastructure, opening
an embassy diplomacy, "opened a thaw" nothing; lorries crossing mean an open crossing,
refugees crossing a movement of people, a minister flying somewhere a visit. A negated
closure ("did not close", "never shut") and "kept / stayed / remained open" mean the
crossing was open; any other negated cue is skipped ("said its forces had not
crossed": a statement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# (pattern on one lower-case word, event type); the first matching pattern of a word wins.
WORD_CUES: tuple[tuple[str, str], ...] = (
    (r"reopen\w*|unblock\w*|open(?:ed|s|ing)", "crossing_reopened"),
    (
        r"clos(?:e|ed|es|ing|ure|ures)|shut\w*|seal\w*|suspen(?:d|ds|ded|ding|sion)|"
        r"block(?:ed|s|ing|ade)?|blockaded?|halt\w*|stopp(?:ed|ing)|stops?|barr(?:ed|ing)|bars?|"
        r"bann(?:ed|ing)|bans?|restrict\w*|tighten\w*|curbs?|curbed|cut|sever\w*",
        "crossing_closed",
    ),
    (r"threat\w*|menac\w*|endanger\w*", "crossing_threatened"),
    (
        r"drills?|exercises?|exercised|manoeuvr\w*|maneuver\w*|trained|training|rehears\w*|"
        r"war-?games",
        "military_exercise",
    ),
    (
        r"captur\w*|recaptur\w*|seiz\w*|overr[au]n\w*|retak\w*|retook|fell|fall(?:s|en)?|"
        r"took|taken|takeover|entered|occup\w*|annex\w*|liberat\w*|surrender\w*|regain\w*",
        "territorial_control",
    ),
    (
        r"fight\w*|clash\w*|fire|fired|firing|shell\w*|siege|besieg\w*|attack\w*|offensive|"
        r"battle\w*|killed|bomb\w*|strikes?|airstrikes?|stones|hit|struck|shot|shooting|gunfire|"
        r"raid(?:s|ed)?|skirmish\w*|ambush\w*|explosions?|blasts?|war|violence|"
        r"gunm[ae]n|assailants|attackers|wounded|injured|casualties|gunfight|firefight|mortars?|"
        r"artillery",
        "clash",
    ),
    (
        r"deploy\w*|reservists?|mobili[sz]\w*|reinforc\w*|troops|paratroopers|withdraw\w*|"
        r"withdrew|redeploy\w*|tanks|guarded|operations?|call-up|disengag\w*|stationed|"
        r"patrol\w*|garrison\w*|massed",
        "military_deployment",
    ),
    (
        r"refugees?|fled|flee\w*|evacuat\w*|crossed|displaced|influx|deport\w*|expel\w*|"
        r"returnees?|migrants?|exodus|asylum|refuge|repatriat\w*",
        "refugee_movement",
    ),
    (
        r"met|meet\w*|talks|visit\w*|delegations?|summit|negotiat\w*|envoys?|recogni[sz]\w*|"
        r"consult\w*|agree(?:d|s|ment|ments)?|treat(?:y|ies)|signed|signing|ambassadors?|"
        r"recall(?:ed|s)?|ceasefire|truce|accords?|ratif\w*|acced\w*|accession|normali[sz]\w*|"
        r"protocols?|joined|joins|hosted|memorand\w*|phoned|summon\w*",
        "diplomatic_contact",
    ),
    (
        r"built|build\w*|construct\w*|inaugurat\w*|commissioned|laid|upgrad\w*|paved|electrif\w*",
        "infrastructure",
    ),
    (r"jihadists?|militants?|insurgents?", "militant_presence"),
    (
        r"protest\w*|riot\w*|stormed|demonstrat\w*|rall(?:y|ied|ies)|detain\w*|detention|"
        r"arrest\w*|jail\w*|imprison\w*|kidnap\w*|abduct\w*|earthquakes?|quakes?|floods?|"
        r"flooded|flooding|collaps\w*|landslides?|avalanches?|burst|breach\w*|outbreak|epidemic|"
        r"infections|exploded|smuggl\w*",
        "other",
    ),
    (
        r"said|says|say|declared?|announc\w*|stated|warn\w*|promised|ordered|urged|told|"
        r"blamed|claimed|denied|accused|reported|complain\w*|pledged|vowed|condemn\w*|"
        r"criti[cs]i[sz]\w*|demand\w*|insist\w*|reject\w*|welcom\w*",
        "statement",
    ),
)
_CUES = tuple((re.compile(rf"(?:{rx})$"), t) for rx, t in WORD_CUES)

# What a verb acts on decides what happened: "closed the crossing" is a closure, "closed
# the road" is not one of a border crossing, "detained activists" no closure at all.
_NOUN_CLASSES: tuple[tuple[str, str], ...] = (
    ("abstract", r"thaw|chapters?|era|way|door|investigation|inquiry|case|debate|page|path|window"),
    (
        "diplomatic",
        r"diplomats?|ambassadors?|envoys?|commissioners?|consuls?|embass(?:y|ies)|"
        r"consulates?|missions?|relations|ties|talks|negotiations|dialogue|attach[eé]s?|"
        r"staff|protocols?",
    ),
    (
        "union",
        r"unions?|alliances?|organi[sz]ations?|blocs?|pacts?|treat(?:y|ies)|conventions?|"
        r"community|council|federation|partnership|agreements?|wto|nato|eaeu|sco|csto",
    ),
    (
        "infrastructure",
        r"railways?|railroad|rail|lines?|pipelines?|roads?|highways?|motorways?|"
        r"tunnels?|dams?|canals?|reservoirs?|plants?|stations?|cables?|grids?|networks?|tracks?|"
        r"fences?|walls?",
    ),
    (
        "crossing",
        r"crossings?|borders?|frontiers?|checkpoints?|gates?|posts?|pass(?:es)?|"
        r"bridges?|corridors?|terminals?|transit|ports?|checks|controls|inspections|"
        r"restrictions|curbs|quarantine|visas?",
    ),
    (
        "traffic",
        r"traffic|travel|trade|freight|cargo|goods|passengers?|pilgrim\w*|flights?|"
        r"services?|movement|exports?|imports?|visitors?|tourists?|trains?|lorries|trucks?|"
        r"convoys?|buses|vehicles|cars|aid|shipments?|wagons|containers|caravans?|aircraft|"
        r"airliners?|planes?",
    ),
    (
        "people",
        r"people|persons|residents|villagers|civilians|families|traders|drivers|migrants?|"
        r"refugees|protesters|activists|opponents|journalists|students|workers|farmers|"
        r"shepherds|men|women|children|crowds|nationals|citizens|locals|travell?ers",
    ),
    ("contraband", r"drugs|heroin|opium|methamphetamine|weapons|arms|contraband|fuel|smugglers"),
    (
        "armed",
        r"troops|forces|soldiers|fighters|militants|army|armies|guards|units|tanks|"
        r"police|militias?|insurgents|rebels|paratroopers|battalions?|brigades?",
    ),
    (
        "official",
        r"ministers?|presidents?|premiers?|leaders?|envoys?|delegations?|"
        r"secretary|chancellor|king|emir|ambassadors?|officials?|governors?|diplomats?",
    ),
    (
        "disaster",
        r"earthquakes?|quakes?|floods?|storms?|landslides?|avalanches?|mudflows?|"
        r"fires?|winds?|rains?|snow",
    ),
    ("weapon", r"bombs?|mines?|devices?|ieds?|shells?|rockets?|missiles?|grenades?|drones?"),
)
_CLASS_RX = tuple((name, re.compile(rf"(?:{rx})$")) for name, rx in _NOUN_CLASSES)
_IRREGULAR = re.compile(r"(?:fighters|militants|insurgents|rebels|militias?)$")
"""Armed men who are no state's forces: what they do is no deployment."""
_CLOSURE_NOUNS = re.compile(
    r"(?:bans?|suspension|closures?|blockades?|restrictions|curbs|quarantine|lockdown|siege)$"
)
_WH = ("that", "which", "who", "whom")
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
    r"\b(?:kept|stay(?:ed|s)?|remain(?:ed|s)?)\b[^.;:]{0,40}?\b(?:closed|shut|sealed)\b",
    re.IGNORECASE,
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
    own = verb_cue(verb)
    if own.event_type:
        return own
    # A subordinate clause ("as it flew towards X") is about the act of the clause it
    # modifies before any other word of the sentence ("… shot down a drone as it flew
    # towards X; officials said …": the shooting, not the saying).
    above = [a for a in verb.ancestors if a.pos_ == "VERB"][:1] if verb.dep_ == "advcl" else []
    rest = above + [t for t in rest if t not in above]
    for strength, tokens in ((0.8, ordered[1:]), (0.6, rest)):
        for tok in tokens:
            cue = _word_cue(tok)
            if cue:
                return TypeCue(cue[0], cue[1], strength)
    return NO_CUE


def _kept_cue(clause: list[Any]) -> TypeCue:
    """ "kept the crossing open", "stayed closed", "trade resumed" in the clause's text."""
    # Only the clause's own words: a reported clause ("said … would stay open") is not it.
    text = "".join(t.text_with_ws for t in clause)
    for rx, etype, strength in ((_STILL_CLOSED, "crossing_closed", 0.9), (_KEPT_OPEN, _OPEN, 0.8)):
        found = rx.search(text)
        if found:
            return TypeCue(etype, found.group(0), strength)
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
    own = _word_cue(verb)
    if own and own[0] != "statement":
        return TypeCue(own[0], own[1], 1.0)
    if own and _COMMENT.match(verb.lower_):
        return TypeCue(own[0], own[1], 1.0)  # "condemned the raid" is the condemnation
    for noun in _objects(verb, reported=own is None):
        cue = _word_cue(noun)
        if cue and cue[0] != "statement":
            return TypeCue(cue[0], f"{verb.text} … {cue[1]}", 1.0)
    for sub in verb.children:
        # "began blocking the corridor", "decided to open an embassy", "said units had begun
        # withdrawing": the verb it governs says what happened.
        follows = sub.dep_ == "xcomp" or (
            sub.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in sub.children)
        )
        starts = sub.pos_ == "VERB" and own is None and follows
        reports = sub.dep_ == "ccomp" and own is not None and _stated_as_fact(sub)
        if not (starts or reports):
            continue
        deeper = verb_cue(sub)
        if deeper.event_type and deeper.event_type != "statement":
            return TypeCue(deeper.event_type, f"{verb.text} … {deeper.cue}", 1.0)
    return TypeCue(own[0], own[1], 1.0) if own else NO_CUE


_COMMENT = re.compile(
    r"(?:condemn\w*|criti[cs]i[sz]\w*|denied|deny|denies|reject\w*|blamed|accused|"
    r"complain\w*|warn\w*|urged|demand\w*|insist\w*|welcom\w*)$"
)
"""Statement verbs that judge an event rather than make it: "condemned the raid", "denied
that troops had crossed" are statements, unlike "announced a mobilisation"."""
_MODALS = ("will", "would", "could", "can", "may", "might", "should", "must", "shall", "'ll")


def _stated_as_fact(verb: Any) -> bool:
    """A reported clause that says, undated, that something happened.

    Not one with a modal, a negation or a question ("would stay open", "had not
    crossed"), one that reports another statement ("said he had ordered"), one with a
    date of its own (the reporting date dates the report: "reported on Tuesday that
    200,000 had entered since the call-up") or one that counts ("said 300 vehicles had
    crossed": a figure reported is the report).
    """
    if cue_of(verb.text) == "statement":
        return False
    for tok in verb.subtree:
        if tok.lower_ in _MODALS or tok.dep_ == "neg" or tok.lower_ in ("if", "whether"):
            return False
        if tok.ent_type_ == "DATE" or tok.lower_ == "since":
            return False
        if tok.dep_ == "nummod" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            return False
    return True


def _objects(verb: Any, reported: bool) -> list[Any]:
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
    return sorted(nouns, key=lambda t: abs(t.i - verb.i))


def noun_class(tok: Any) -> str:
    """What kind of thing a noun is ('crossing', 'traffic', 'diplomatic', 'armed', …), or ''.

    A place name is a 'place', a nationality in the plural ("Russians") 'people'; the
    head word decides, then its possessor ("the embassy's work"), then its compounds
    ("the railway crossing" is a crossing).
    """
    if tok.lower_ in _WH and tok.dep_ != "ROOT":
        tok = _antecedent(tok)
    if tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.pos_ == "PROPN":
        return "place"
    if tok.ent_type_ == "NORP" and tok.lower_.endswith("s"):
        return "people"
    own = _class_of(tok.lower_)
    if own:
        return own
    for dep in ("poss", "compound"):
        for c in tok.children:
            if c.dep_ == dep and _class_of(c.lower_):
                return _class_of(c.lower_)
    return ""


def _class_of(word: str) -> str:
    return next((name for name, rx in _CLASS_RX if rx.match(word)), "")


def _antecedent(tok: Any) -> Any:
    """The noun "that" / "which" stands for in a relative clause ("the line that reached X")."""
    verb = tok.head
    return verb.head if verb.dep_ == "relcl" else tok


def _infra_compound(tok: Any) -> bool:
    return any(
        c.dep_ in ("compound", "amod") and _class_of(c.lower_) == "infrastructure"
        for c in tok.children
    )


def _infra_work(tok: Any) -> bool:
    """A line, or the work on one: "work on the pipeline's Afghan section was launched"."""
    if _infra_compound(tok):
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
    if noun_class(tok) == "infrastructure" or _infra_compound(tok):
        return True
    return tok.lower_ in ("section", "stretch") and _infra_work(tok)


def _into_place(verb: Any) -> bool:
    """ "moved into Kirkuk", "rolled into the city": the movers now hold the place (not
    "moved into parts of the valley": a push forward, not a town taken)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "into"
        and any(
            o.dep_ == "pobj" and (o.pos_ == "PROPN" or _TOWN.match(o.lower_)) for o in c.children
        )
        for c in verb.children
    )


_TOWN = re.compile(r"(?:city|cities|towns?|villages?|capital|port|airport|airbase)$")


def _arguments(verb: Any) -> tuple[Any, Any]:
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
        # "lorries began moving", "troops tried to cross": the subject of the verb above
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in _WH:
        subj = _antecedent(subj)
    if obj is not None and obj.lower_ in _WH:
        obj = _antecedent(obj)
    return subj, obj if obj is not None else passive


# Verb forms by what they do; the words they act on say to what.
_BREAK = re.compile(r"(?:br(?:oke|eak|eaks|eaking|oken))$")
_SHUT = re.compile(r"(?:clos(?:e|ed|es|ing)|shut\w*|seal\w*|reclos\w*)$")
_STOP = re.compile(
    r"(?:block(?:s|ed|ing)?|blockaded?|suspend\w*|halt\w*|stop(?:s|ped|ping)?|barr(?:ed|ing)|"
    r"bars?|bann?(?:ed|ing)|bans?|restrict\w*|tighten\w*|cut(?:s|ting)?|sever\w*|curb(?:s|ed)?|"
    r"limit(?:s|ed|ing)?|install\w*|impos\w*|introduc\w*)$"
)
_OPEN_V = re.compile(
    r"(?:open(?:s|ed|ing)?|reopen\w*|unblock\w*|resum\w*|restor\w*|restart\w*|re-?establish\w*)$"
)
_LIFT = re.compile(r"(?:lift\w*|eas(?:e|ed|es|ing)|relax\w*|scrap\w*|remov\w*|cancel\w*)$")
_BUILD = re.compile(
    r"(?:link(?:s|ed|ing)?|connect\w*|join(?:s|ed|ing)?|extend\w*|reach(?:es|ed|ing)?|"
    r"complet\w*|launch\w*|finish\w*|open(?:s|ed|ing)?)$"
)
_RELOCATE = re.compile(r"(?:evacuat\w*|expel\w*|deport\w*|withdr[ae]w\w*)$")
_MOVE = re.compile(
    r"(?:left|leav(?:e|es|ing)|cross(?:es|ed|ing)?|enter(?:s|ed|ing)?|pass(?:es|ed|ing)|dr[io]ve|driven|walk\w*|"
    r"travell?\w*|flew|fl(?:y|ies|ying|own)|arriv\w*|went|came|return\w*|headed|"
    r"mov(?:e|es|ed|ing)|flow(?:s|ed|ing)?|roll(?:s|ed|ing)?|reach(?:es|ed|ing)?)$"
)
_ERGATIVE = re.compile(
    r"(?:clos(?:e|ed|es|ing)|shut\w*|reopen\w*|open(?:s|ed|ing)?|resum\w*|restart\w*|"
    r"stop(?:s|ped|ping)?|halt\w*|collaps\w*|burst|explod\w*)$"
)
_ADMIT = re.compile(
    r"(?:allow(?:s|ed|ing)?|let(?:s|ting)?|permit\w*|admit\w*|refus\w*|denied|deny|denies)$"
)
_PASSAGE = re.compile(r"(?:entry|passage|access|transit|crossing)$")
_SEIZE = re.compile(r"(?:seiz\w*|captur\w*|confiscat\w*|intercept\w*)$")
_FIELD = re.compile(r"(?:(?:oil|gas)?fields?|wells?|deposits?|mines?)$")
_AIR = re.compile(r"(?:flights?|airspace|air-?links?|air)$")
_HOUSEHOLDS = re.compile(r"(?:families|civilians|residents|villagers|inhabitants|refugees)$")
"""People who leave a place only when driven from it; drivers or traders leave daily."""
_GIVE = re.compile(r"(?:gave|give|gives|giving|given)$")
_EXPLODE = re.compile(r"(?:explod\w*|struck|strikes?|hit|hits)$")


def _sense(tok: Any) -> tuple[str, str] | None:
    """What a verb says given what it acts on, None when the word decides alone.

    ("", "") means the verb says nothing here ("opened a thaw").
    """
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ != "ROOT":
        return None
    w = tok.lower_
    agent, patient = _arguments(tok)
    what = noun_class(patient) if patient is not None else ""
    who = noun_class(agent) if agent is not None else ""
    if patient is None and agent is not None and _ERGATIVE.match(w):
        patient, what = agent, who  # "the crossing closed", "flights resumed", "a line opened"
    cue = f"{tok.text} … {patient.text}" if patient is not None else tok.text
    patient_word = patient.lower_ if patient is not None else ""
    after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), after)
    if _GIVE.match(w) and after == "way":
        return "other", f"{tok.text} way"  # a dam or a bridge that gave way
    if _EXPLODE.match(w) and "disaster" in (who, what):
        return "other", cue  # "the earthquake that struck": no clash
    if _EXPLODE.match(w) and w.startswith("explod"):
        return ("clash", cue) if who == "weapon" else ("other", tok.text)
    if _ADMIT.match(w) and (what in ("traffic", "people") or _PASSAGE.match(patient_word)):
        refused = w.startswith(("refus", "den")) or _negated(tok)
        return ("crossing_closed" if refused else "crossing_reopened"), cue
    if w.startswith("turn") and particle == "back" and what in ("traffic", "people", "official"):
        return "crossing_closed", cue  # pilgrims or lorries turned back at a crossing
    if w in ("meet", "meets", "met", "meeting") and who in ("crossing", "infrastructure", "place"):
        return "", ""  # "where the borders meet", "where two rivers met": no meeting
    if _SEIZE.match(w) and what in ("contraband", "traffic"):
        return "other", cue  # goods or drugs seized: no territory taken
    if _BREAK.match(w) and patient_word == "ground":
        return "infrastructure", cue  # "broke ground on its stretch of the pipeline"
    if (
        w.startswith("produc")
        and agent is not None
        and any(_FIELD.match(t.lower_) for t in agent.subtree)
    ):
        return "infrastructure", cue  # a gas field brought into production
    returned = next((c.lower_ for c in tok.children if c.lower_ in ("back", "over")), "")
    town = patient is not None and (
        what == "place"
        or (patient.pos_ == "PROPN" and patient.ent_type_ not in ("PERSON", "NORP", "ORG"))
        or bool(_TOWN.match(patient_word))
    )
    if w.startswith("hand") and returned and town:
        return "territorial_control", f"{tok.text} {returned}"  # "handed the town back"
    if _BREAK.match(w) and particle == "off":
        return "diplomatic_contact", f"{tok.text} off"  # "broke off relations / talks"
    if (
        (_SHUT.match(w) or _STOP.match(w))
        and agent is not None
        and cue_of(agent.text)
        in (
            "clash",
            "militant_presence",
        )
    ):
        return "", ""  # gunmen who stopped buses: an attack, not a closure
    if _SHUT.match(w) or _STOP.match(w):
        if what in ("diplomatic", "union"):
            return "diplomatic_contact", cue  # "suspended the embassy's work", "cut ties"
        if what in ("official", "abstract"):
            return "other", cue
        if what == "infrastructure" and _class_of(patient.lower_) in ("infrastructure",):
            return "other", cue  # a road or a line shut is not a border crossing
        if patient is not None and _AIR.match(patient_word):
            return "other", cue  # flights suspended, airspace closed: no border crossing
        if what in ("crossing", "traffic", "place", "people") or _SHUT.match(w):
            if w.startswith(("install", "impos", "introduc")) and what not in ("crossing",):
                return None
            return "crossing_closed", cue
        return ("other", cue) if patient is not None else None
    if _LIFT.match(w):
        if patient is not None and (_CLOSURE_NOUNS.match(patient.lower_) or what == "crossing"):
            return "crossing_reopened", cue  # "lifted its suspension of travel"
        return None
    if _OPEN_V.match(w):
        if after == "fire" or (patient is not None and patient.lower_ == "fire"):
            return "clash", f"{tok.text} fire"  # "opened fire" is shooting, not a crossing
        if what == "abstract":
            return "", ""  # "opened a thaw": nothing was opened at the place
        if what in ("diplomatic", "union"):
            return "diplomatic_contact", cue  # "opened an embassy", "resumed talks"
        built = what == "infrastructure" or (patient is not None and _infra_compound(patient))
        if built and not w.startswith(("reopen", "resum", "restor", "restart")):
            return "infrastructure", cue  # a railway, road or line opened: not a crossing
        if w.startswith(("resum", "restor", "restart", "re-", "reestab")):
            named = cue_of(patient.text) if patient is not None else ""
            if named and named not in ("crossing_closed", _OPEN, "statement"):
                return named, cue  # "fighting resumed" is fighting
            if what in ("", "crossing", "traffic", "place"):
                return "crossing_reopened", cue
            return None
        return None
    if _BUILD.match(w):
        if what == "union" or (w.startswith("join") and what in ("place", "diplomatic")):
            return "diplomatic_contact", cue  # "joined the Eurasian Economic Union"
        if "infrastructure" in (what, who) or (patient is not None and _infra_work(patient)):
            return "infrastructure", cue  # "the line was joined to the network", "reached X"
        if not _MOVE.match(w):
            return None
    if _RELOCATE.match(w):
        if (
            what in ("diplomatic", "union")
            or who == "diplomatic"
            or (patient is not None and patient.lower_ in ("signature", "recognition"))
        ):
            return "diplomatic_contact", cue  # "evacuated its diplomats", "expelled the envoy"
        if (
            w.startswith("withdr")
            and what == ""
            and any(
                c.dep_ == "prep"
                and c.lower_ == "from"
                and any(noun_class(o) in ("union", "diplomatic") for o in c.children)
                for c in tok.children
            )
        ):
            return "diplomatic_contact", cue  # "withdrew from the protocols"
        return None
    if _MOVE.match(w):
        if w.startswith(("left", "leav")):
            gone = patient is not None and patient.lower_ in ("country", "homeland", "home")
            if gone:
                return "refugee_movement", f"{tok.text} the {patient.lower_}"
            leaver = agent if agent is not None else patient
            if leaver is not None and _HOUSEHOLDS.match(leaver.lower_):
                return "refugee_movement", f"{leaver.text} {tok.text}"  # "families leaving"
            return None
        mover = agent if agent is not None else patient
        kind = noun_class(mover) if mover is not None else ""
        moving = ("cross", "pass", "enter", "mov", "flow", "roll", "reach", "arriv")
        if kind == "armed" and w.startswith(("mov", "roll")) and _into_place(tok):
            return "territorial_control", f"{mover.text} {tok.text} into"  # forces moved into X
        if kind == "traffic" and w.startswith(moving):
            return "crossing_reopened", f"{mover.text} {tok.text}"  # lorries crossed: open
        if kind == "official" and not w.startswith(("cross", "enter")):
            return "diplomatic_contact", f"{mover.text} {tok.text}"  # a minister flew to X
        if kind == "people" and w.startswith(("cross", "enter", "arriv")):
            return "refugee_movement", f"{mover.text} {tok.text}"
        return None
    return None


def _word_cue(tok: Any) -> tuple[str, str] | None:
    sense = _sense(tok)
    if sense is not None:
        if not sense[0]:
            return None
        if _negated(tok) and not _ADMIT.match(tok.lower_):  # "not let through" is read above
            if sense[0] == "crossing_closed":
                return "crossing_reopened", f"not {tok.text}"
            return None
        return sense
    etype = cue_of(tok.text)
    if not etype:
        return None
    named = tok.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "ORG", "LAW", "WORK_OF_ART")
    if named and (tok.pos_ == "PROPN" or tok.ent_iob_ == "I"):
        return None  # "Friendship Bridge", "Islamic State", "… Co-operation" are names
    if tok.lower_ == "reported" and not any(c.dep_ == "nsubj" for c in tok.children):
        return None  # "fighting was reported", "clashes reported near X": the clash is the news
    if _negated(tok):
        if etype == "crossing_closed":
            return "crossing_reopened", f"not {tok.text}"
        return None
    return etype, tok.text


def clause_cue(verb: Any, anchor: set[int]) -> TypeCue:
    """What the clause of `verb` says happened, read from the words `anchor` (a date's
    tokens) belong to: the verb and what it acts on first; a to-infinitive defers to the
    verb above it ("signed the agreement to build it on 6 June" is the signing); then
    the participle describing its subject ("Afghans fleeing the fighting have gathered");
    an armed force as its subject ("border guards watched the river") is a deployment;
    then the clause's other words, verbs first, nearest first.
    """
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
    kept = _kept_cue(_clause(top, anchor))
    if kept.event_type:
        return kept
    own = verb_cue(verb)
    if own.event_type:
        return own
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        for part in (c for c in subject.children if c.dep_ == "acl" and c.pos_ == "VERB"):
            cue = _word_cue(part)
            if cue:
                return TypeCue(cue[0], f"{subject.text} {cue[1]}", 0.8)
    # Verbs first, then the words the verb governs directly, then its circumstances
    # ("watched the river through the civil war": the war is the setting, not the act).
    words = sorted(
        (t for t in _clause(verb, anchor) if t.i != verb.i),
        key=lambda t: (t.pos_ != "VERB", _adjunct(t, verb), min(abs(t.i - a) for a in anchor)),
    )
    for core in (False, True):
        for tok in (w for w in words if _adjunct(w, verb) == core or w.pos_ == "VERB"):
            cue = _word_cue(tok)
            if cue:
                return TypeCue(cue[0], cue[1], 0.8)
        if core:
            break
        # State forces doing, or being given, anything else are a deployment.
        for who in (c for c in verb.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")):
            if noun_class(who) == "armed" and not _IRREGULAR.match(who.lower_):
                return TypeCue("military_deployment", f"{who.text} {verb.text}", 0.6)
    return NO_CUE


def _adjunct(tok: Any, verb: Any) -> bool:
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


NOTHING_SAID = TypeCue("other", "no event word in the dated clause", 0.3)
"""A dated happening whose clause names nothing the types know ("drivers waited at X on
5 May"): `other`, the vocabulary's type for what no other type fits, trusted little."""
