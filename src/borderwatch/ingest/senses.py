"""What one word says happened, given what its verb acts on.

Closing or stopping a crossing, traffic or a place is a closure, but detaining people is
`other` and shutting a road is no border crossing; opening a railway is infrastructure,
opening an embassy diplomacy, "opened a thaw" nothing; lorries crossing mean an open
crossing, refugees crossing a movement of people, a minister flying somewhere a visit. A
negated closure ("did not close", "never shut") means the crossing was open; any other
negated cue is skipped.
"""

from __future__ import annotations

from typing import Any

from borderwatch.data.gazetteer import normalize
from borderwatch.ingest.adjectives import CONTINENTS, adjective_countries
from borderwatch.ingest.clauses import (
    a_country,
    a_waterway,
    arguments,
    governing_verb,
    into_place,
    negated,
    out_of_town,
)
from borderwatch.ingest.countries import countries_by_name
from borderwatch.ingest.cuewords import (
    ADMIT,
    ADVANCE,
    AID,
    AIR,
    AIRBORNE,
    AIRCRAFT,
    ANCHOR,
    AUDIENCE,
    BARRIERS,
    BECAME,
    BODIES,
    BREAK,
    BROADCAST,
    BROKEN,
    BUILD,
    CALL_OFF,
    CALL_WAYS,
    CAPTIVE,
    CATCH,
    CHIEFS,
    CLOSURE_NOUNS,
    COURTS,
    CRASH,
    DAYS,
    DEALS,
    DECREES,
    DEFEAT,
    DELIVER,
    DIE,
    DISMISS,
    DOMAINS,
    DOMESTIC,
    DWELLINGS,
    ENTHRONE,
    ERGATIVE,
    EXPLODE,
    FACILITY,
    FALL,
    FIELD,
    FIGHTING,
    FLAG,
    FLED,
    FLY,
    FORCED,
    FREE,
    GATHER,
    GIVE,
    GIVEN_BACK,
    GOVERN,
    HALTS,
    HEIGHTS,
    HOLD,
    HOSTS,
    HOUSEHOLDS,
    IRREGULAR,
    KILL_V,
    LAND,
    LEGISLATURES,
    LIFT,
    LOSE,
    MADE_KNOWN,
    MADE_PACTS,
    MODALS,
    MOVE,
    NAVAL,
    OPEN,
    OPEN_V,
    ORDER,
    PACTS,
    PAPERS,
    PARTS,
    PASSAGE,
    PLACE_V,
    POST,
    POWER,
    POWERS,
    PREMISES,
    PRISONERS,
    PRIVATE,
    PUT,
    QUANTITY,
    RAIL_WORDS,
    RAILS,
    RALLY,
    RAZE,
    RECEIVE,
    RELOCATE,
    REPULSE,
    REQUEST,
    RISINGS,
    ROADS,
    ROUTINE,
    RULE,
    RULINGS,
    SEAWAYS,
    SEIZE,
    SELF,
    SENTENCED,
    SHUT,
    SIGNED,
    SIGNED_WITH,
    SKY,
    SPEAK,
    SPOKEN,
    STOP,
    STRONGHOLD,
    SURROUND,
    TAKE,
    TELL,
    THE_LINE,
    TITLES,
    TOWN,
    TRADE,
    TRUCES,
    ULTIMATUM,
    UNTAKEN,
    VESSEL,
    WARS,
    WH,
    WRECKED,
    WRITE,
    WRITINGS,
    class_of,
    cue_of,
)
from borderwatch.ingest.nouns import infra_compound, infra_work, noun_class
from borderwatch.ingest.standins import GOVERNING

IN_FLIGHT = "(in flight)"
"""The mark on the cue of soldiers who crossed fleeing a defeat (`_in_flight`): too few
keyed examples for the learned model to weigh it against "soldiers crossed" read as a
deployment, so it stands (`typemodel.certain`)."""


ACCIDENT = "(accident)"
"""The mark on the cue of an accident the rules read (an aircraft that crashed or came down,
ships that collided, a boat of people that capsized or sank, a depot that blew up): the
guide's air crashes and other dated happenings no armed act caused, `other`. The encoder reads
any such sentence with its dead as a fight, so the reading stands (`typemodel.pinned`); a
clause that names the fight itself ("came down after being hit") is no accident (`_hit`)."""


def verb_sense(tok: Any) -> tuple[str, str] | None:
    """What a verb says given what it acts on, None when the word decides alone.

    ("", "") means the verb says nothing here ("opened a thaw").
    """
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ != "ROOT":
        return None
    w = tok.lower_
    agent, patient = arguments(tok)
    what = noun_class(patient) if patient is not None else ""
    who = noun_class(agent) if agent is not None else ""
    if patient is None and agent is not None and ERGATIVE.match(w):
        patient, what = agent, who  # "the crossing closed", "flights resumed", "a line opened"
    cue = f"{tok.text} … {patient.text}" if patient is not None else tok.text
    patient_word = patient.lower_ if patient is not None else ""
    after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), after)
    if GIVE.match(w) and after == "way":
        return "other", f"{tok.text} way"  # a dam or a bridge that gave way
    if _warships_anchored(tok, w, agent, patient):
        # "the gunboat Panther dropped anchor off Agadir", "a squadron anchored off the port":
        # warships standing off a place are forces stationed there (KEY_GUIDE.md)
        return "military_deployment", tok.text if ANCHOR.match(w) else f"{tok.text} … anchor"
    if PUT.match(w) and _at_a_figure(tok):
        return "statement", f"{tok.text} … at"  # "put the toll at 138 dead": an estimate
    signed = _signed(tok, patient) if PUT.match(w) or w in ("set", "sets", "setting") else None
    if signed is not None and (PACTS.match(signed.lower_) or SIGNED.match(signed.lower_)):
        # "put their names to a peace", "put his seal to the convention", "set their seals to
        # a treaty": the agreement
        # signed, a contact between governments (KEY_GUIDE.md: agreements signed)
        return "diplomatic_contact", f"{tok.text} … {patient.text} to {signed.text}"
    if signed is not None:
        return "", ""  # "put his seal to a decree": a signing at home, no crossing sealed
    if w in ("was", "were") and who == "armed" and _in_a_town(tok):
        # "by that afternoon German troops were in Caporetto", "troops were back in X"
        return "territorial_control", f"{agent.text} {tok.text} in"
    ruler = _made_ruler(tok)
    if ruler is not None:
        # "declared himself head of state", "proclaimed him khan", "named his son president":
        # power taken or handed on, a coup or a succession, not a statement
        return "other", f"{tok.text} … {ruler.text}"
    if PUT.match(w) and particle == "down" and patient is not None and RISINGS.match(patient_word):
        # "put down an attempted coup", "a rising … was put down within hours": crushed by force
        return "clash", f"{tok.text} down … {patient.text}"
    stormed = w in ("storm", "storms", "stormed", "storming") and patient is not None
    if stormed and _a_town_stormed(patient) and not negated(tok):
        # "stormed Erzurum", "Ardahan was stormed": a town named taken by assault (dev keys
        # 15 of 23 for places named); a fort, a hill, a post, a building or "the town"
        # stormed stays the attack (KEY_GUIDE.md: forts stormed with no word that they were
        # taken are left as keyed)
        return "territorial_control", cue
    put_to_death = _put_to_death(tok, agent, patient) if KILL_V.match(w) else ""
    if put_to_death:
        # "shot himself", "shot by a firing squad", "five men condemned by military courts were
        # shot": a suicide or an execution, a death (`other`), not a fight
        return "other", f"{tok.text} … {put_to_death}"
    ruled = cue_of(w) == "statement" and not ORDER.match(w)
    if ruled and agent is not None and COURTS.match(agent.lower_):
        # "the Constitutional Court rejected the complaint", "the judges said the election was
        # valid": a ruling, not a government's statement (what a court orders done is read as
        # any order is: `eventtype._ordered_act`)
        return "other", f"{agent.text} {tok.text}"
    pact = _pact_made(tok, patient) if MADE_KNOWN.match(w) else None
    if pact is not None:
        # "he and Trudeau announced the deal", "the deal was struck and announced on 12 June",
        # "the Senate approved it" (a treaty): the agreement made public or assented to is the
        # agreement, a contact between governments (KEY_GUIDE.md)
        return "diplomatic_contact", f"{tok.text} … {pact.text}"
    heard = (TELL.match(w) or SPEAK.match(w)) and to_an_audience(tok)
    if heard and not (cue_of(w) == "statement" and _between_governments(tok)):
        # "told a rally in X"; "told reporters that ..." is the telling too, but only the
        # verb's own word as before, which the models may overrule (the act reported may be
        # what a nearby date dates); not "told reporters during a state visit" (the visit)
        return "statement", f"{tok.text} … {heard}" if RALLY.match(heard.lower()) else tok.text
    barred = _barriers_put(tok, agent, patient)
    if barred:
        return "crossing_closed", f"{barred} {tok.text}"  # "barriers placed on the crossings"
    settled = said_for_certain(tok)
    if settled:
        return "statement", settled  # "handed the envoy an ultimatum", "called off the visit"
    if DELIVER.match(w) and patient is not None and _a_protest(patient):
        return "diplomatic_contact", cue  # "handed Kuala Lumpur a note of protest"
    spoken = cue_of(w) == "statement" and tok.pos_ == "VERB"
    said_how = _between_governments(tok) if spoken else ""
    if said_how:
        # "told the president by telephone", "told reporters during a state visit": the
        # words were said in a call or on a visit between governments, which is the event
        return "diplomatic_contact", f"{tok.text} … {said_how}"
    if SPEAK.match(w) and _to_a_leader(tok):
        return "diplomatic_contact", f"{tok.text} to"  # "spoke to the Uzbek president"
    called = _by_call(tok) if SPEAK.match(w) else ""
    if called:
        # "the two presidents spoke by telephone", "spoke over the phone with his Afghan
        # counterpart": a call (KEY_GUIDE.md: calls are contacts), not a speech
        return "diplomatic_contact", f"{tok.text} {called}"
    told = _government_told(tok) if TELL.match(w) and not w.startswith("address") else None
    if told is not None:
        # "Washington told Ottawa that the ship would sail", "told his hosts in Beijing",
        # "told the British ambassador of the decision": words passed to another government
        return "diplomatic_contact", f"{tok.text} … {told.text}"
    briefed = _envoys_briefed(tok) if TELL.match(w) else None
    if briefed is not None:
        # "told foreign ambassadors in Yerevan that ...": a briefing of the envoys posted
        # there, one government's words, not one passed to another (`_government_told`)
        return "statement", f"{tok.text} … {briefed.text}"
    sent_to = _government_addressed(tok) if WRITE.match(w) else None
    if sent_to is not None:
        # "wrote to President Kennedy asking for fighters", "telegraphed Kruger", "informed the
        # government in Paris": words sent to another government, a contact like a note
        return "diplomatic_contact", f"{tok.text} … {sent_to.text}"
    note = next(
        (c for c in tok.children if c.dep_ == "dobj" and WRITINGS.match(c.lower_)), None
    )  # "sent Santiago a note" parses Santiago as an object too
    sent = DELIVER.match(w) and note is not None and not _demanding(note)
    sent_to = _government_addressed(tok) if sent else None
    if sent_to is not None and note is not None:
        # "sent Stockholm a note asking for the internees", "handed the king a message": a
        # note passed to another government (KEY_GUIDE.md), not only one of protest
        return "diplomatic_contact", f"{tok.text} … {sent_to.text} … {note.text}"
    if w in ("met", "meet", "meets") and _met_no_government(tok):
        return "", ""  # "the pope met indigenous families": no contact between governments
    posted = POST.match(w) and what == "armed" and not IRREGULAR.match(patient_word)
    if posted and not _against(tok):  # "sent the fleet against the Narrows" is the attack
        return "military_deployment", cue  # "peacekeepers, posted around the town"
    if RECEIVE.match(w) and patient is not None and _a_leader(patient):
        return "diplomatic_contact", cue  # "the king received the envoy"
    if w.startswith("call") and _judged(tok):
        return "statement", cue  # "called the raid an act of war": a judgement, not the raid
    if w in ("struck", "strike", "strikes") and DEALS.match(patient_word):
        return "diplomatic_contact", cue  # "the deal it struck with the EU"
    if w.startswith(("enter", "join")) and WARS.match(patient_word):
        # "Italy entered the war in May 1915", "armour joined the battle": the state or force
        # fights from then on; no town is entered, no bloc joined
        return "clash", cue
    if TAKE.match(w) and (particle == "up" or patient_word in ("position", "positions")):
        return "military_deployment", cue  # "took up positions near the hill"
    if w.startswith("buil") and particle == "up" and what in ("armed", "weapon"):
        return "military_deployment", f"{tok.text} up"  # "built up its forces": massed
    if TAKE.match(w) and patient_word in ("office", "oath"):
        return "other", cue  # a leader taking office: no town taken
    if TAKE.match(w) and patient_word in ("part", "place", "note", "care", "effect"):
        return "", ""  # "took part", "took place", "took effect": the words around say what
    if TAKE.match(w) and patient_word in ("life", "lives"):
        return "other", cue  # "took his own life": a death, no place taken
    if TAKE.match(w) and (taken_to := _to_court_or_hospital(tok)):
        return "other", f"{tok.text} … to {taken_to}"  # "took X to court"
    if TAKE.match(w) and (UNTAKEN.match(patient_word) or _to_do(tok)):
        return "", ""  # "took the news hard", "took the army until spring to crush": no capture
    if TAKE.match(w) and particle == "off":
        # "the troops were taken off again" (shipped away); "took off from Agra" (a flight)
        return ("military_deployment", cue) if what == "armed" else ("", "")
    held_people = _held(tok)
    if held_people is not None:
        return "other", held_people  # captives taken, seized, freed: no place changed hands
    if TAKE.match(w) and particle == "in" and what == "people":
        return "refugee_movement", f"{tok.text} in"  # "took in tens of thousands of refugees"
    if TAKE.match(w) and what == "weapon":
        return "", ""  # "took his guns": booty of a fight, no place taken
    if TAKE.match(w) and what == "armed" and not IRREGULAR.match(patient_word):
        return "military_deployment", cue  # "took five gunboats and a force upstream"
    if (TAKE.match(w) or SEIZE.match(w)) and POWER.match(patient_word):
        return "other", cue  # "seized power", "took over the government": a coup or a succession
    if DISMISS.match(w) and patient is not None and _a_person(patient):
        return "other", cue  # "dismissed his prime minister"
    if GOVERN.match(w) and tok.dep_ != "amod" and particle != "out":
        ruled = patient if patient is not None or tok.dep_ != "relcl" else tok.head
        if _a_land(ruled) and _a_state(_doer(tok, agent), tok):
            # "Britain has ruled the country since 1891", "the coast France administers",
            # "Turkey annexed Hatay in 1939": the land is the state's (a man who ruled, and a
            # court that ruled, are left to the words below)
            return "territorial_control", cue
    if RULE.match(w):
        # "the court ruled on 10 October", "has ruled since 1970"; "ruled out talks" is no ruling
        return ("", "") if particle == "out" else ("other", tok.text)
    if DIE.match(w):
        # a death; "died in a firefight", "died when the post was shelled": the fighting says
        fought = any(
            cue_of(t.text) == "clash"
            for c in tok.children
            if c.dep_ in ("prep", "advcl")
            for t in c.subtree
        )
        return ("", "") if fought or _unreal(tok) else ("other", tok.text)
    came_down = w in ("came", "come", "comes", "coming") and particle == "down"
    if came_down and agent is not None and AIRBORNE.match(agent.lower_) and not _hit(tok):
        return "other", f"{agent.text} {tok.text} down {ACCIDENT}"  # "a helicopter came down"
    if CRASH.match(w) and tok.pos_ == "VERB" and not _hit(tok):
        return "other", f"{tok.text} {ACCIDENT}"  # "the helicopter crashed, killing five"
    wrecked = _wrecked(tok, particle, patient_word, after)
    boat = agent if agent is not None and VESSEL.match(agent.lower_) else None
    if wrecked and boat is None:
        boat = _vessel_before(tok)
    if wrecked and boat is not None and _boat_of_people(boat, tok) and not _hit(tok):
        # "a boat carrying migrants capsized", "a ferry went down with 300 aboard": KEY_GUIDE.md's
        # accidents and deaths, `other` (as dev keys type such wrecks), not the people's
        # movement nor a fight; a boat sunk by someone, rammed or hit, is a clash (`_hit`)
        return "other", f"{boat.text} {wrecked} {ACCIDENT}"
    if _through_the_air(tok):
        return "other", f"{tok.text} … air"
    if TAKE.match(w) and patient is not None and cue_of(patient.text) == "clash":
        return "clash", cue  # "the city took the worst shelling of the war": it was hit
    attacked = _fell_upon(tok) if FALL.match(w) and who != "disaster" else None
    if attacked is not None:
        return "clash", f"{tok.text} on … {attacked.text}"  # "the cavalry fell on the posts"
    if FALL.match(w) and particle == "back":
        # "the brigade fell back on the passes": a retreat, no town lost; "numbers fell back"
        return ("military_deployment", f"{tok.text} back") if who == "armed" else ("", "")
    if FALL.match(w) and (
        after in ("silent", "quiet", "apart", "out")
        or who in ("traffic", "people")
        or (agent is not None and (agent.ent_type_ in ("DATE", "TIME") or DAYS.match(agent.lower_)))
    ):
        return "", ""  # "the guns fell silent", "the revolt fell apart", "trade fell": no capture
    if w.startswith("protest") and tok.pos_ == "VERB" and _to_a_government(tok):
        return "diplomatic_contact", f"{tok.text} to"  # "Tunis protested to Tripoli": a note
    named = agent is not None and agent.pos_ == "PROPN" and noun_class(agent) != "people"
    if w.startswith("protest") and tok.pos_ == "VERB" and (_government(agent) or named):
        return "statement", cue  # "Jakarta protested", "the ministry protested": a note
    if REQUEST.match(w) and tok.dep_ != "ccomp":
        asked = _asked_for(tok)
        if asked is not None:
            return "diplomatic_contact", f"{tok.text} … for {asked.text}"
        state = _state_asked(tok)
        if state is not None:
            return "diplomatic_contact", f"{tok.text} … {state.text}"  # "appealed to the OAS"
    downed = w.startswith(("brought", "bring")) and particle == "down"
    if (
        downed
        and patient is not None
        and (AIRBORNE.match(patient_word) or what == "weapon" or _aircraft(patient))
    ):
        return "clash", f"{tok.text} down … {patient.text}"  # a drone brought down
    if _left_to(tok) and (MOVE.match(w) or w.startswith(("pull", "withdr", "abandon"))):
        # "pulled out of Sinjar, leaving it to Iraqi troops": the place handed over
        return "territorial_control", f"{tok.text} … leaving … to"
    if w.startswith("pull") and particle in ("back", "out", "away"):
        if agent is not None and out_of_town(tok):
            return "territorial_control", f"{tok.text} out"  # "pulled out of the town"
        if particle == "out" and agent is not None and _garrison_of(agent):
            # "the garrison of Termez pulled out": the force that held the town gave it up
            return "territorial_control", f"{agent.text} of … {tok.text} out"
        return "military_deployment", f"{tok.text} {particle}"  # "troops pulling back"
    if EXPLODE.match(w) and "disaster" in (who, what):
        return "other", cue  # "the earthquake that struck": no clash
    if EXPLODE.match(w) and w.startswith("explod"):
        # a depot or a tanker that blew up is an accident; pagers or a car that exploded an attack
        accident = agent is not None and (who == "disaster" or FACILITY.match(agent.lower_))
        return ("other", f"{tok.text} {ACCIDENT}") if accident else ("clash", cue)
    if who == "weapon" and not w.startswith(("fall", "fell", "land")):
        return "clash", cue  # "bombs flattened a block", "rockets hit the town"
    if w.startswith("overr") and class_of(patient_word) == "armed" and patient_word != "garrison":
        return "clash", cue  # "overran a cavalry regiment": a force beaten, no town taken
    if w.startswith("overr") and patient is not None and _a_post(patient):
        # KEY_GUIDE.md: "a post, outpost or fort overrun … territorial_control"; an attack
        # that does not take it is a clash, and a force overrun is beaten (above)
        return "territorial_control", cue
    if (REPULSE.match(w) or w.startswith(("turn", "push", "forc"))) and _out_of_a_place(tok):
        # "drove the militants out of Gamboru", "were turned out of Pharsala": the town taken
        return "territorial_control", f"{tok.text} … out of"
    back = next((c.lower_ for c in tok.children if c.lower_ in ("back", "off")), "")
    # "crossed and were driven back": a passive joined on to a verb with the subject
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if REPULSE.match(w) and back and (patient is not None or passive) and not out_of_town(tok):
        return "clash", f"{tok.text} … {back}"  # "drove them back", "were thrown back"
    if w.startswith("cut") and particle == "off" and what == "armed":
        return "clash", f"{tok.text} off"  # "whole battalions were cut off": encircled
    if BREAK.match(w) and "out" in (particle, after) and who == "armed":
        return "clash", f"{tok.text} out"  # "the corps broke out of the pocket"
    besieged = SURROUND.match(w) and tok.dep_ != "amod" and what != "diplomatic"
    if besieged and _besieged(tok, agent, who):
        # "the fort was surrounded", "troops surrounded the post"; not embassies surrounded
        return "clash", cue
    beaten = (
        what == "armed"
        or (patient is not None and BROKEN.match(patient_word) is not None)
        or _an_enemy(patient, w)
    )
    if (DEFEAT.match(w) or BREAK.match(w)) and beaten and particle not in ("off", "up", "down"):
        return "clash", cue  # "overwhelmed the column", "broke the line", "battered the fort"
    if RAZE.match(w) and DWELLINGS.match(patient_word) and who != "disaster":
        return "clash", cue  # "burnt the village", "a crowd sacked the embassy", "homes torched"
    forced = FORCED.match(w) and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
    if forced and patient is not None and (what == "crossing" or patient.pos_ == "PROPN"):
        return "clash", cue  # "forced the pass", "forced a crossing", "forced the Litani"
    if w in ("sank", "sunk", "sink", "sinks", "sinking") and patient is None and agent is not None:
        return "", ""  # "a boat sank on the lake": no one sank it (what else the clause says)
    if (
        w.startswith("cut")
        and (particle == "down" or _to_pieces(tok))
        and what in ("armed", "people")
    ):
        return "clash", f"{tok.text} {particle if particle == 'down' else 'to pieces'}"
    if (
        OPEN_V.match(w)
        and particle == "up"
        and any(c.dep_ == "prep" and c.lower_ == "on" for c in tok.children)
    ):
        return "clash", f"{tok.text} up on"  # "the howitzers opened up on the positions"
    if (BREAK.match(w) or w.startswith("violat")) and TRUCES.match(patient_word):
        return "clash", cue  # "broke the ceasefire": fire exchanged again
    if CATCH.match(w) and what == "armed" and not IRREGULAR.match(patient_word):
        return "clash", cue  # "the brigade was caught before the trenches"
    if BREAK.match(w) and "through" in (particle, after) and who in ("armed", ""):
        return "clash", f"{tok.text} through"  # "the brigades broke through the lines"
    charge = agent is not None and (who == "weapon" or agent.lower_ in ("charge", "charges"))
    if w in ("went", "go", "goes", "gone") and particle == "off" and charge:
        return "clash", f"{tok.text} off"  # "a charge went off by the line"
    if w in ("set", "sets", "setting") and _set_on(tok):
        return "clash", f"{tok.text} {_set_on(tok)}"  # "set upon the monks", "set it ablaze"
    turned = w.startswith("turn") and (what == "weapon" or who == "armed") and particle != "back"
    if turned and any(
        c.dep_ == "prep"
        and c.lower_ == "on"
        and any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children)
        for c in tok.children
    ):
        return "clash", f"{tok.text} on"  # "turned their guns on each other", not "on 9 May"
    moves = MOVE.match(w) or POST.match(w) or w.startswith(("threw", "throw", "hurl", "ran"))
    onto = (_against(tok) or _into_battle(tok)) if moves else ""
    if onto:
        return "clash", f"{tok.text} {onto}"  # "sent the fleet against", "went on the offensive"
    if ADMIT.match(w) and (what in ("traffic", "people") or PASSAGE.match(patient_word)):
        nobody = patient is not None and any(
            c.dep_ == "det" and c.lower_ == "no" for c in patient.children
        )  # "let no pilgrims in"
        # "refused to let the lorries through": the letting is refused too
        refusing = tok.dep_ == "xcomp" and tok.head.lower_.startswith(("refus", "den"))
        refused = w.startswith(("refus", "den")) or negated(tok) or nobody or refusing
        return ("crossing_closed" if refused else "crossing_reopened"), cue
    if w.startswith("refus") and _government(agent) and not _acts_named(tok):
        return "statement", tok.text  # "Brussels refused", "the cabinet refused to postpone"
    if w.startswith("turn") and particle == "back" and what in ("traffic", "people", "official"):
        return "crossing_closed", cue  # pilgrims or lorries turned back at a crossing
    meets = w in ("meet", "meets", "met", "meeting")
    if meets and who in ("crossing", "infrastructure", "place"):
        return "", ""  # "where the borders meet", "where two rivers met": no meeting
    if meets and tok.dep_ == "acl" and BODIES.match(tok.head.lower_):
        # "the Council, meeting in Lugano, reminded …": what it did says
        said = word_cue(tok.head.head) if tok.head.dep_ == "nsubj" else None
        return (
            ("statement", f"{tok.text} … {tok.head.head.text}")
            if said and said[0] == "statement"
            else ("", "")
        )
    if meets and agent is not None and _domestic(agent):
        return "statement", cue  # "the cabinet met": one government's own body
    if meets and "armed" in (who, what) and not {who, what} & {"official", "diplomatic"}:
        return "clash", cue  # an army that met the enemy's columns fought them
    if w.startswith("accept") and what == "people":
        return "refugee_movement", cue  # "accepted 3,000 refugees": people taken in
    signs = w in ("sign", "signs", "signed", "signing")
    if signs and patient is not None and _a_decree(patient):
        return "other", cue  # a decree, a law or an abdication signed: no agreement between states
    if signs and agent is not None and COURTS.match(agent.lower_):
        return "other", f"{agent.text} {tok.text}"  # "the tribunal signed an award": a ruling
    if w.startswith("adopt") and patient_word in ("resolution", "resolutions", "report", "plan"):
        return "diplomatic_contact", cue  # a council adopting a resolution: an act between states
    if w.startswith("exercis") and POWERS.match(patient_word):
        return "", ""  # "exercised its veto": no military exercise
    ended = patient if patient is not None else agent
    stopped = ended is not None and (
        bool(FIGHTING.match(ended.lower_))
        or (w.startswith("ceas") and ended.lower_ == "fire")  # "would cease fire"
        or (ADVANCE.match(ended.lower_) is not None and _its_own(ended))  # "halted its offensive"
    )
    if HALTS.match(w) and (
        stopped or any(FIGHTING.match(c.lower_) for c in tok.children if c.dep_ == "xcomp")
    ):
        # "the fighting stopped", "ended the war", "ordered it to stop fighting": a truce
        return "diplomatic_contact", f"{tok.text} … {ended.text if stopped else 'fighting'}"
    halted = (SHUT.match(w) or STOP.match(w)) and not w.startswith("suspend")
    if halted and ADVANCE.match(patient_word) and who in ("", "armed"):
        # "the advance was halted at X": fought off (attacks "suspended" are the attackers' own)
        return "clash", cue
    if SEIZE.match(w) and what in ("contraband", "traffic"):
        return "other", cue  # goods or drugs seized: no territory taken
    if SEIZE.match(w) and _a_vessel(patient):
        # "seized the steamer", "the trawler was captured": a ship taken is no ground taken
        # (KEY_GUIDE.md: ships seized, boarded or stopped at sea are `other`, 13 of 14)
        return "other", cue
    if BREAK.match(w) and patient_word == "ground":
        return "infrastructure", cue  # "broke ground on its stretch of the pipeline"
    if (
        w.startswith("produc")
        and agent is not None
        and any(FIELD.match(t.lower_) for t in agent.subtree)
    ):
        return "infrastructure", cue  # a gas field brought into production
    returned = next((c.lower_ for c in tok.children if c.lower_ in ("back", "over")), "")
    town = patient is not None and (
        what == "place"
        or (patient.pos_ == "PROPN" and patient.ent_type_ not in ("PERSON", "NORP", "ORG"))
        or bool(TOWN.match(patient_word))
        or bool(STRONGHOLD.match(patient_word))
    )
    land = town or bool(LAND.match(patient_word))
    held = patient is not None and (
        land
        or (
            patient_word in PARTS
            and any(
                noun_class(t) == "place" or TOWN.match(t.lower_) or LAND.match(t.lower_)
                for t in patient.subtree
            )
        )
    )  # "held the town's centre", "the rest of the peninsula", not "held talks with Turkey"
    if w in HOLD and _against_a_force(tok):
        return "clash", f"{tok.text} … against"  # "held the ridge against the regiments"
    if (w in HOLD or w in ("controlled", "controls")) and held:
        return "territorial_control", cue  # "its allies held the town's centre"
    if _flag_raised(tok, agent, patient):
        return "territorial_control", cue  # "raised its flag on the hill": the place is theirs
    if w.startswith("hand") and returned and held:
        return "territorial_control", f"{tok.text} {returned}"  # "handed the town back"
    if (w.startswith("abandon") or (GIVE.match(w) and particle == "up")) and town:
        return "territorial_control", cue  # "abandoned the town to the militia", "gave up X"
    if LOSE.match(w) and land:
        return "territorial_control", cue  # "lost the province", "the port was lost"
    lost_to = any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
    named = patient is not None and patient.pos_ == "PROPN"
    if LOSE.match(w) and lost_to and named and patient.ent_type_ not in ("PERSON", "NORP"):
        return "territorial_control", f"{tok.text} … to"  # "lost Hairatan to the rebels"
    if LOSE.match(w) and (what in ("armed", "people") or CHIEFS.match(patient_word)):
        return "clash", cue  # "lost thirteen soldiers", "lost 250 tanks", "lost its general"
    if w.startswith(("hand", "pass")) and _to_another(tok, patient if land else agent):
        return "territorial_control", f"{tok.text} … to"  # "the island was handed to X"
    if _went_back(tok, agent, patient):
        return "territorial_control", f"{tok.text} back to"  # "the town went back to Egypt"
    if SHUT.match(w) and after in ("on", "upon") and who == "armed":
        return "clash", f"{tok.text} {after}"  # "its fighters closed on the camps": an attack
    if BREAK.match(w) and particle == "off":
        return "diplomatic_contact", f"{tok.text} off"  # "broke off relations / talks"
    if BREAK.match(w) and patient_word in ("relations", "ties"):
        return "diplomatic_contact", cue  # "relations were broken": broken off between them
    if _stopped_by_force(tok, w, agent, patient, what):
        return "clash", cue  # "they were stopped at the bridge by guardsmen": fought off
    if (
        (SHUT.match(w) or STOP.match(w))
        and agent is not None
        and cue_of(agent.text)
        in (
            "clash",
            "militant_presence",
        )
    ):
        return "", ""  # gunmen who stopped buses: an attack, not a closure
    if SHUT.match(w) or STOP.match(w):
        if patient is not None and SEAWAYS.match(patient.lower_):
            return "other", cue  # "the canal was blocked", "closed the strait": no land crossing
        if what in ("diplomatic", "union") or _work_of(patient) in ("diplomatic", "union"):
            return "diplomatic_contact", cue  # "suspended the embassy's work", "cut ties"
        if what in ("official", "abstract"):
            return "other", cue
        if what == "infrastructure" and _road_to_the_border(tok, patient):
            # "blocked the approach road", "the road east to the frontier was cut", "cut the
            # highway to Desaguadero, the main crossing": a cross-border road (KEY_GUIDE.md)
            return "crossing_closed", cue
        if what == "infrastructure" and class_of(patient.lower_) in ("infrastructure",):
            return "other", cue  # a road or a line shut is not a border crossing
        if patient is not None and (_by_air(patient) or _aircraft(patient)):
            return "other", cue  # flights suspended, airspace closed: no border crossing
        if patient is not None and _by_policy(tok, patient):
            return "other", cue  # "halted imports of citrus from Taiwan": trade by decree
        if SHUT.match(w) and PREMISES.match(patient_word):
            return "other", cue  # "shut the pit", "closed its fishery": no crossing
        if what in ("crossing", "traffic", "place", "people") or SHUT.match(w):
            if w.startswith(("install", "impos", "introduc")) and what not in ("crossing",):
                return None
            return "crossing_closed", cue
        return ("other", cue) if patient is not None else None
    if LIFT.match(w):
        if patient is not None and (CLOSURE_NOUNS.match(patient.lower_) or what == "crossing"):
            return "crossing_reopened", cue  # "lifted its suspension of travel"
        return None
    if OPEN_V.match(w):
        if after == "fire" or (patient is not None and patient.lower_ == "fire"):
            return "clash", f"{tok.text} fire"  # "opened fire" is shooting, not a crossing
        if patient is not None and (cue_of(patient.text) == "clash" or patient_word == "front"):
            return "clash", cue  # "opened an assault", "opened a second front"
        if patient is not None and (_by_air(patient) or _aircraft(patient)):
            return "other", cue  # flights resumed: the crossing types are for land crossings
        if what == "abstract":
            return "", ""  # "opened a thaw": nothing was opened at the place
        if what in ("diplomatic", "union"):
            return "diplomatic_contact", cue  # "opened an embassy", "resumed talks"
        built = what == "infrastructure" or (patient is not None and infra_compound(patient))
        if built and not w.startswith(("reopen", "resum", "restor", "restart")):
            return "infrastructure", cue  # a railway, road or line opened: not a crossing
        if w.startswith(("resum", "restor", "restart", "re-", "reestab")):
            named = cue_of(patient.text) if patient is not None else ""
            if named and named not in ("crossing_closed", OPEN, "statement"):
                return named, cue  # "fighting resumed" is fighting
            if what in ("", "crossing", "traffic", "place"):
                return "crossing_reopened", cue
            return None
        return None
    if BUILD.match(w):
        if what == "union" or (w.startswith("join") and what in ("place", "diplomatic")):
            return "diplomatic_contact", cue  # "joined the Eurasian Economic Union"
        if "infrastructure" in (what, who) or (patient is not None and infra_work(patient)):
            return "infrastructure", cue  # "the line was joined to the network", "reached X"
        if not MOVE.match(w):
            return None
    if RELOCATE.match(w):
        if (
            what in ("diplomatic", "union")
            or who == "diplomatic"
            or (patient is not None and patient.lower_ in ("signature", "recognition"))
        ):
            return "diplomatic_contact", cue  # "evacuated its diplomats", "expelled the envoy"
        if w.startswith("withdr") and what == "" and _from_a_union(tok):
            return "diplomatic_contact", cue  # "withdrew from the protocols"
        return None
    if GATHER.match(w) and (not w.startswith("turn") or particle == "up"):
        return _gathered(tok, agent if agent is not None else patient)
    if MOVE.match(w):
        if w.startswith(("left", "leav")):
            gone = patient is not None and patient.lower_ in ("country", "homeland", "home")
            if gone:
                return "refugee_movement", f"{tok.text} the {patient.lower_}"
            leaver = agent if agent is not None else patient
            if leaver is not None and HOUSEHOLDS.match(leaver.lower_):
                return "refugee_movement", f"{leaver.text} {tok.text}"  # "families leaving"
            armed = leaver is not None and noun_class(leaver) == "armed"
            if armed and not IRREGULAR.match(leaver.lower_):
                return "military_deployment", f"{leaver.text} {tok.text}"  # "the battalion left X"
            if _with_a_force(tok):  # "left Herat with six thousand regulars"
                return "military_deployment", f"{tok.text} with … {_with_a_force(tok)}"
            if leaver is not None and ROUTINE.match(leaver.lower_) and tok.dep_ != "ccomp":
                # drivers or traders leave about their work; reported, the report stands
                return "other", f"{leaver.text} {tok.text}"
            return None
        mover = agent if agent is not None else patient
        kind = noun_class(mover) if mover is not None else ""
        if kind in ("", "people") and _with_a_force(tok):
            # "crossed the Rio Grande with several thousand men": a leader and his force
            kind, mover = "armed", next(c for c in tok.doc if c.text == _with_a_force(tok))
        moving = ("cross", "pass", "enter", "mov", "flow", "roll", "reach", "arriv")
        if (
            (kind == "armed" or _a_movement(mover))
            and w.startswith(("mov", "roll", "rode", "rid", "dr", "walk"))
            and into_place(tok)
        ):
            # forces (or a named movement: "the Northern Alliance rode into Kabul") that
            # moved, rolled, rode, drove or walked into a town now hold it
            return "territorial_control", f"{mover.text} {tok.text} into"
        if kind == "armed" and out_of_town(tok):
            return "territorial_control", f"{mover.text} {tok.text} out"  # a town given up
        entered = patient is not None and (a_country(patient) or a_waterway(patient))
        if kind == "armed" and w.startswith("enter") and entered:
            # "troops entered Iran": a country entered, forces deployed in it (its towns taken);
            # "the fleet entered the Black Sea", "the column entered the Khyber Pass": a sea, a
            # strait or a pass is passed through, not held
            return "military_deployment", f"{tok.text} … {patient.text}"
        if kind == "armed" and not w.startswith("enter") and _in_flight(tok, mover):
            return "refugee_movement", f"{mover.text} {tok.text} {IN_FLIGHT}"
        if kind == "armed" and not w.startswith("enter"):
            # columns that moved, came up to a line or crossed a border (troops who crossed
            # are typed a deployment, clash or capture in nineteen keys of twenty, seldom
            # refugees); "entered" is left to say a town was taken
            return "military_deployment", f"{mover.text} {tok.text}"
        if mover is not None and _aircraft(mover):
            return "other", f"{mover.text} {tok.text}"  # airliners flying: no land crossing
        if kind == "traffic" and w.startswith(moving):
            return "crossing_reopened", f"{mover.text} {tok.text}"  # lorries crossed: open
        if kind == "official" and not w.startswith(("cross", "enter")):
            return "diplomatic_contact", f"{mover.text} {tok.text}"  # a minister flew to X
        if kind == "people" and w.startswith(("cross", "enter", "arriv")):
            return "refugee_movement", f"{mover.text} {tok.text}"
        return None
    return None


_PRONOUNS = ("him", "her", "them", "he", "she", "they")


def _warships_anchored(tok: Any, w: str, agent: Any, patient: Any) -> bool:
    """Ships of war that anchored, moored, "dropped anchor" or "came to anchor": not fishing
    boats or a terminal moored, nor a force that "anchored its hold" (a figure of speech,
    with an object of its own)."""
    if ANCHOR.match(w):
        if any(c.dep_ == "dobj" for c in tok.children) or tok.dep_ in ("amod", "acl", "relcl"):
            return False
    elif patient is None or patient.lower_ != "anchor":
        return False
    who = agent
    if who is None and tok.dep_ in ("advcl", "xcomp"):  # "came to anchor"
        who = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if who is None:
        return False
    return any(
        (class_of(t.lower_) == "armed" and not IRREGULAR.match(t.lower_)) or NAVAL.match(t.lower_)
        for t in who.subtree
    )


def _a_land(tok: Any) -> bool:
    """A land a state may rule: a country, a place named, a town, a territory or a colony
    ("ruled Kashmir", "the coast", "the islands"); not "the streets", not "the army"."""
    if tok is None:
        return False
    if a_country(tok) or noun_class(tok) == "place":
        return True
    if tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "NORP", "DATE"):
        return True  # the model calls many a town an organisation ("ruled Termez")
    w = tok.lower_
    return bool(TOWN.match(w) or LAND.match(w) or STRONGHOLD.match(w) or DOMAINS.match(w))


def _a_state(who: Any, verb: Any) -> bool:
    """A state or a power that rules a land: a country or its capital, a people as a power,
    an armed movement ("the Taliban"), or "it" / "they" standing for one; not a man ("the
    warlord who ruled here", "Marshal Graziani governed Cyrenaica"), nor a government, which
    rules its own country in office ("Obote's government, which has ruled Uganda since
    1962"). With no one named, a passive ("is governed as a colony") says the land is held."""
    if who is None:
        return any(c.dep_ == "auxpass" for c in verb.children)
    if who.ent_type_ == "PERSON" or noun_class(who) in ("official", "people"):
        return False
    if who.lower_ in GOVERNING or who.head.lower_ in GOVERNING:
        return False
    return (
        a_country(who)
        or who.ent_type_ in ("GPE", "NORP")
        or who.lower_ in ("it", "they")
        or _a_movement(who)
        or noun_class(who) == "armed"
    )


_POSTS = ("post", "posts", "camp", "camps", "positions", "strongpoint", "strongpoints", "barracks")


def _a_post(tok: Any) -> bool:
    """A post, camp, base, fort or town that a force holds ("the army post at X", "the
    National Guard camp", "the airbase at Merowe", "Muzaffarabad")."""
    w = tok.lower_
    place = tok.pos_ == "PROPN" and noun_class(tok) == "place" and not a_country(tok)
    return w in _POSTS or bool(STRONGHOLD.match(w) or TOWN.match(w)) or place


def _a_movement(tok: Any) -> bool:
    """A named armed movement or alliance as a whole ("the Northern Alliance", "M23", "the
    Taliban"): an organisation's name, not a government's, a person's or a people's."""
    if tok is None or tok.pos_ != "PROPN" or a_country(tok):
        return False
    return tok.ent_type_ == "ORG" or class_of(tok.lower_) == "union"


def _a_town_named(tok: Any) -> bool:
    """A town or a place named that is no country ("Caporetto", "the town")."""
    named = tok.pos_ == "PROPN" and tok.ent_type_ not in ("NORP", "ORG", "DATE", "TIME")
    return (named and not a_country(tok)) or bool(TOWN.match(tok.lower_))


def _in_a_town(verb: Any) -> bool:
    """ "were in Caporetto", "were back in Bukavu": a force in a town (not "in position",
    "in Iran", nor "have been in Lebanon since 1978": a presence, not an entry)."""
    if any(c.dep_ == "aux" for c in verb.children):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "inside")
        and any(o.dep_ == "pobj" and _a_town_named(o) for o in c.children)
        for c in (
            *verb.children,
            *(g for b in verb.children if b.lower_ == "back" for g in b.children),
        )
    )


def _left_to(verb: Any) -> bool:
    """ "…, leaving it to Iraqi troops", "leaving the territory to Morocco": a place, or
    "it", left to another holder by the force or the government that went."""
    for sub in (c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj")):
        if not sub.lower_.startswith("leav"):
            continue
        given = next((c for c in sub.children if c.dep_ == "dobj"), None)
        if given is None:
            continue
        land = given.lower_ in ("it", "them") or _a_town_named(given) or LAND.match(given.lower_)
        if land and any(c.dep_ == "prep" and c.lower_ == "to" for c in sub.children):
            return True
    return False


def _an_enemy(patient: Any, w: str) -> bool:
    """A people named as an army, or "them", beaten or checked: "checked the Austrians",
    "beat them at the river" (not "checked them", which customs do)."""
    if patient is None:
        return False
    if patient.ent_type_ == "NORP" and patient.lower_.endswith("s"):
        return True  # "the Austrians", "the Afghans"
    return patient.lower_ == "them" and not w.startswith("check")


def _doer(verb: Any, agent: Any) -> Any:
    """Who did it: the subject, else the agent of a passive ("stopped by the police")."""
    if agent is not None:
        return agent
    for c in verb.children:
        if c.dep_ == "agent":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def _stopped_by_force(verb: Any, w: str, agent: Any, patient: Any, what: str) -> bool:
    """Men or a ship stopped or halted by an armed force ("they were stopped at the bridge
    by guardsmen", "the Guards stopped them at the pass"): a fight, not a closure."""
    if not w.startswith(("stop", "halt")) or patient is None:
        return False
    doer = _doer(verb, agent)
    if doer is None or noun_class(doer) != "armed":
        return False
    if patient.lower_ in _PRONOUNS:
        return True
    # a force, not "a column of marchers" halted by the police: what it is of decides
    of = [
        noun_class(o)
        for c in patient.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return what == "armed" and (not of or "armed" in of)


def _against_a_force(verb: Any) -> bool:
    """Held "against" an armed force or its attacks: a place defended in a fight."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "against"
        and any(
            o.dep_ == "pobj" and (noun_class(o) == "armed" or cue_of(o.text) == "clash")
            for o in c.children
        )
        for c in verb.children
    )


def _with_a_force(verb: Any) -> str:
    """The force a leader moves with ("left Herat with six thousand regulars", "crossed the
    Rio Grande with several thousand men"): state forces, or men counted; else ''."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            kind = noun_class(obj)
            counted = obj.lower_ == "men" and any(
                c.dep_ == "nummod" or c.like_num for c in obj.children
            )
            if (kind == "armed" and not IRREGULAR.match(obj.lower_)) or counted:
                return obj.text
    return ""


def _garrison_of(force: Any) -> bool:
    """ "the garrison of Termez", "the Termez garrison": the force that holds a named place
    or a town (its own place, which it gives up when it pulls out)."""
    if force.lower_ not in ("garrison", "garrisons"):
        return False
    for c in force.children:
        if c.dep_ == "compound" and c.pos_ == "PROPN" and not a_country(c):
            return True
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in (g for g in c.children if g.dep_ == "pobj"):
                if (o.pos_ == "PROPN" and not a_country(o)) or TOWN.match(o.lower_):
                    return True
    return False


def _out_of_a_place(verb: Any) -> bool:
    """ "out of Gamboru", "out of the town": a named place (not a country) or a town the
    verb drove someone from."""
    for out in (c for c in verb.children if c.lower_ == "out"):
        for of in (t for t in out.subtree if t.lower_ == "of" and t.dep_ == "prep"):
            for o in (c for c in of.children if c.dep_ == "pobj"):
                # a name driven out of is a place, whatever spaCy tags it ("Gamboru": PERSON)
                named = o.pos_ == "PROPN" and o.ent_type_ != "NORP"
                if (named and not a_country(o)) or TOWN.match(o.lower_):
                    return True
    return False


def _to_do(verb: Any) -> bool:
    """ "took the army until spring to crush": the time or the means an act took, told by
    the to-infinitive it governs."""
    return any(
        c.dep_ in ("xcomp", "advcl")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _unreal(verb: Any) -> bool:
    """ "might have died", "no soldier had died": what did not, or may not, happen."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children) or any(
        c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "no" for d in c.children)
        for c in verb.children
    )


def _against(verb: Any) -> str:
    """ "moved against the university halls", "sent the fleet against the Narrows", "ran
    into the Cantonese troops", "threw its divisions at the positions":
    a force moved on its enemy ('against …'), else ''."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            kind = noun_class(obj)
            went = verb.lower_ in ("went", "go", "goes", "gone", "came", "come", "comes")
            if prep.lower_ == "against" and not went and kind not in ("abstract", "diplomatic"):
                return f"against {obj.text}"
            if prep.lower_ == "into" and verb.lower_.startswith("ran") and kind == "armed":
                return f"into {obj.text}"
            thrown = verb.lower_.startswith(("threw", "throw", "hurl", "flung"))
            if prep.lower_ == "at" and thrown and (kind == "armed" or BROKEN.match(obj.lower_)):
                return f"at {obj.text}"  # "threw two divisions at the positions"
    return ""


def _besieged(verb: Any, agent: Any, who: str) -> bool:
    """ "troops surrounded the post", "the fort was surrounded": a force besieged it. Not
    "surrounded by mountains" (no force), nor what surrounds in the present tense."""
    if who == "armed":
        return True
    by = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if by:
        return noun_class(by[0]) == "armed"
    return agent is None and verb.tag_ == "VBN"


def _into_battle(verb: Any) -> str:
    """ "went on the offensive", "came under fire", "went into action": a movement into a
    fight, else ''."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        if prep.lower_ not in ("on", "into", "under"):
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if cue_of(obj.text) == "clash" or obj.lower_ in ("action", "battle"):
                return f"{prep.text} … {obj.text}"
    return ""


def _to_pieces(verb: Any) -> bool:
    """ "was cut to pieces": a force destroyed in a fight."""
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "pieces" for o in c.children)
        for c in verb.children
    )


def _a_vessel(tok: Any) -> bool:
    """A ship or boat: "the steamer", "two barges", "the steamer Marquês de Olinda" (a name
    the vessel's word qualifies)."""
    if tok is None:
        return False
    if VESSEL.match(tok.lower_):
        return True
    # "the boat station" is no boat: only a name takes the vessel's word before it
    return tok.pos_ == "PROPN" and any(
        c.dep_ in ("compound", "nmod", "appos") and VESSEL.match(c.lower_) for c in tok.children
    )


def _a_person(tok: Any) -> bool:
    """Someone who can be held, freed or turned out of office: a person named, an official,
    people, captives or a crew, a number of them ("the three were seized")."""
    return (
        (tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN")
        or noun_class(tok) in ("people", "official")
        or CAPTIVE.match(tok.lower_) is not None
        or (tok.like_num and tok.dep_ == "nsubjpass")
    )


def _held(tok: Any) -> str | None:
    """The cue of people taken or let go, or None: "seized the consul", "the sailors were
    captured", "took 45 soldiers captive", "took the captain into custody", "the hostages
    were freed", "they were released". Not "seized the town", "released a video"."""
    w = tok.lower_
    patient = arguments(tok)[1]
    if TAKE.match(w) or SEIZE.match(w):
        for c in tok.children:
            if c.lower_ in ("captive", "prisoner", "hostage", "captives", "prisoners", "hostages"):
                return f"{tok.text} … {c.text}"
            held = any(o.lower_ in ("custody", "captivity") for o in c.children)
            if c.dep_ == "prep" and c.lower_ == "into" and held:
                return f"{tok.text} … custody"
    if patient is None:
        return None
    if (TAKE.match(w) or SEIZE.match(w)) and patient.lower_ in ("him", "he"):
        return f"{tok.text} … {patient.text}"  # "soldiers seized him", "he was taken": a man
    if SEIZE.match(w) and patient.pos_ != "PROPN" and _a_person(patient):
        # a name seized is more often a town than a man ("seized Bor")
        return f"{tok.text} … {patient.text}"
    if FREE.match(w) and (_a_person(patient) or patient.lower_ in _PRONOUNS):
        return f"{tok.text} … {patient.text}"
    back = GIVEN_BACK.match(w) and (not w.startswith("return") or PRISONERS.match(patient.lower_))
    if back and _captives(patient):
        # "the captives were handed over at the bridge", "exchanged 40 prisoners of war",
        # "repatriated the prisoners", "handed back the bodies": KEY_GUIDE.md types the
        # people held and let go as `other`, as it does detentions (dev keys: prisoners handed
        # over at a border post, an exchange's last flights); the deal to exchange them that
        # governments strike is the agreement (`diplomatic_contact`), read where it is said
        return f"{tok.text} … {patient.text}"
    return None


def _made_ruler(verb: Any) -> Any:
    """The title a verb of proclaiming or naming makes someone ("declared himself head of
    state", "had the boy proclaimed king", "named his son president"), or None: the title
    among what the verb acts on or says, not a state proclaimed ("proclaimed a republic")."""
    if not ENTHRONE.match(verb.lower_):
        return None
    for c in verb.children:
        if c.dep_ not in ("dobj", "oprd", "ccomp", "xcomp", "attr", "npadvmod"):
            continue
        if TITLES.match(c.lower_):
            return c
        of_state = any(
            p.lower_ == "of" and any(o.lower_ == "state" for o in p.children) for p in c.children
        )
        if c.lower_ == "head" and of_state:
            return c
    return None


def _captives(tok: Any) -> bool:
    """People held or the dead given back: captives, prisoners, hostages, detainees, bodies;
    soldiers or a crew handed over or exchanged, who were held; a person named. Not refugees
    or nationals repatriated (people driven from home), nor a town or a post handed over."""
    w = tok.lower_
    if PRISONERS.match(w) or (tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN"):
        return True
    if QUANTITY.match(w) or w in ("men", "soldiers"):
        of = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
        if any(PRISONERS.match(o.lower_) for o in of):
            return True  # "hundreds of prisoners"
    armed = noun_class(tok) == "armed" and not IRREGULAR.match(w)
    return armed and w not in ("forces", "force", "army", "garrison", "garrisons")


def _to_court_or_hospital(tok: Any) -> str:
    """ "took Uruguay to the International Court", "was taken to hospital": the word for
    the court or the hospital a case or a person was taken to, or ''."""
    for c in tok.subtree:
        if c.dep_ != "prep" or c.lower_ != "to" or governing_verb(c).i != tok.i:
            continue
        for o in c.children:
            if o.dep_ == "pobj" and o.lower_ in ("court", "hospital", "tribunal", "arbitration"):
                return str(o.text)
    return ""


def _through_the_air(tok: Any) -> bool:
    """ "entered American airspace", "crossed into Polish skies", "flew over Israel": a flight
    over or into a country, which the crossing types (land crossings) do not take."""
    w = tok.lower_
    if not (MOVE.match(w) or FLY.match(w)):
        return False
    if any(c.dep_ == "dobj" and SKY.match(c.lower_) for c in tok.children):
        return True
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        objs = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ in ("into", "in", "through") and any(SKY.match(o.lower_) for o in objs):
            return True
        if prep.lower_ == "over" and FLY.match(w) and objs and _airborne(tok):
            return True  # "flew his aircraft over Israel", "the balloon drifted over Montana"
    return False


def _airborne(verb: Any) -> bool:
    """What flies is an aircraft, a balloon or a drone (not a flag that "flies over" a town)."""
    return any(c.dep_ in ("nsubj", "dobj") and AIRBORNE.match(c.lower_) for c in verb.children)


def _set_on(verb: Any) -> str:
    """ "set upon the monks" (attacked them), "set the depot ablaze / alight / on fire"
    (burnt on purpose), else ''."""
    doc = verb.doc
    after = doc[verb.i + 1].lower_ if verb.i + 1 < len(doc) else ""
    if after == "upon":
        return "upon"
    for t in verb.subtree:
        if t.lower_ in ("ablaze", "alight", "afire") and governing_verb(t).i == verb.i:
            return t.text
        if t.lower_ == "fire" and t.head.lower_ == "on" and t.head.head.i == verb.i:
            return "on fire"
    return ""


def _government(who: Any) -> bool:
    """A state acting: a capital or country named, an official, or a body of state."""
    if who is None:
        return False
    return (
        who.ent_type_ == "GPE"
        or noun_class(who) in ("official", "diplomatic")
        or who.lower_ in GOVERNING
    )


def _to_a_government(tok: Any) -> bool:
    """ "protested to Tripoli", "to the Security Council", "protested in writing to the
    British minister": to a state or a body of states."""
    preps = [c for c in tok.children if c.dep_ == "prep"]
    # a "to" that hangs off the manner of the protest ("in writing to", "by note to")
    preps += [
        g
        for c in preps
        if c.lower_ in ("in", "by")
        for o in c.children
        if o.dep_ == "pobj"
        for g in o.children
        if g.dep_ == "prep"
    ]
    return any(
        c.lower_ == "to"
        and any(
            o.dep_ == "pobj" and (_government(o) or noun_class(o) == "union") for o in c.children
        )
        for c in preps
    )


def to_an_audience(tok: Any) -> str:
    """The rally or crowd a leader told or spoke to ("told a rally in X", "spoke to a crowd
    of thousands"), or ''."""
    heard = [c for c in tok.children if c.dep_ in ("dobj", "dative")] + [
        o for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
    ]
    return next((h.text for h in heard if AUDIENCE.match(h.lower_)), "")


def _a_protest(tok: Any) -> bool:
    """ "a protest", "a note of protest", "a protest note": what one government sends another."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return False  # "lodged no formal protest"
    if tok.lower_ in ("protest", "protests"):
        return True
    if tok.lower_ not in ("note", "notes"):
        return False
    return any(c.lower_.startswith("protest") for c in tok.subtree if c.i != tok.i)


def _work_of(tok: Any) -> str:
    """The kind of body whose work "the work of its embassy" is, or ''."""
    if tok is None or not PAPERS.match(tok.lower_):
        return ""
    return next(
        (
            noun_class(o)
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
        ),
        "",
    )


def _fell_upon(tok: Any) -> Any:
    """What "fell on" attacked ("fell on the garrison", "shells fell upon the town"), or
    None: not "fell on Monday" (a date), "fell back, on the road to X" nor "fell on hard
    times"."""
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if following is None or following.lower_ not in ("on", "upon"):
        return None
    for prep in (c for c in tok.children if c.i == following.i and c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.ent_type_ in ("DATE", "TIME") or obj.like_num or noun_class(obj) == "abstract":
                continue
            if obj.lower_ in ("times", "deaf", "ears", "shoulders"):
                continue
            return obj
    return None


def _asked_for(tok: Any) -> Any:
    """What a government asked another for ("asked Washington for troops", "appealed to
    the UN for help"): troops or help, from someone not its own legislature; else None."""
    asked = [c for c in tok.children if c.dep_ == "dobj"] + [
        o for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
    ]
    if any(LEGISLATURES.match(a.lower_) for a in asked):
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if AID.match(obj.lower_) or noun_class(obj) == "armed":
                return obj
    return None


def _went_back(verb: Any, agent: Any, patient: Any) -> bool:
    """A town or land that "went back", "returned" or "reverted" to a country ("El Arish went
    back to Egypt"): it changed hands. Not people or troops who went back home."""
    w = verb.lower_
    back = any(c.lower_ == "back" for c in verb.children)
    if not ((w in ("went", "go", "goes", "gone") and back) or w.startswith(("return", "revert"))):
        return False
    if agent is None or patient is not None:
        return False
    named = agent.pos_ == "PROPN" and agent.ent_type_ not in ("PERSON", "NORP", "ORG")
    if not (named or TOWN.match(agent.lower_) or LAND.match(agent.lower_)):
        return False
    heads = [verb, *(c for c in verb.children if c.lower_ == "back")]
    return any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(o.dep_ == "pobj" and o.ent_type_ == "GPE" for o in c.children)
        for h in heads
        for c in h.children
    )


def _state_asked(tok: Any) -> Any:
    """The state or body of states asked or appealed to ("appealed to Russia and to the
    CSTO", "asked NATO to station batteries"), not its own legislature; else None."""
    asked = [c for c in tok.children if c.dep_ == "dobj"] + [
        o for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
    ]
    if any(LEGISLATURES.match(a.lower_) for a in asked):
        return None  # "asked Congress for aid to Greece": a request at home
    for a in asked:
        if a.lower_ in ("people", "nation", "voters"):
            continue
        if a.ent_type_ == "GPE" or noun_class(a) in ("union", "diplomatic"):
            return a
    return None


def _acts_named(tok: Any) -> bool:
    """A refusal whose object or the verb it governs names an act of its own ("refused to
    let the lorries through", "refused the ceasefire")."""
    named = [c for c in tok.children if c.dep_ in ("xcomp", "dobj")]
    return any(word_cue(c) for c in named)


def _from_a_union(tok: Any) -> bool:
    """ "withdrew from the protocols", "its withdrawal from the League": leaving a body."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "from"
        and any(noun_class(o) in ("union", "diplomatic") for o in c.children)
        for c in tok.children
    )


def _government_told(verb: Any) -> Any:
    """Another government that `verb` ("told") tells something, or None: a country or
    capital named ("told Ottawa"; not one told to do something, "told Egypt to stop
    fighting", a demand, nor one told by radio, a leader's own nation), one's hosts or
    counterpart ("told his hosts"), an envoy ("told the British ambassador", "told Peter
    Weiss, Slovakia's ambassador"; not "told foreign ambassadors", a briefing)."""
    told = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
    demand = _to_do(verb)  # "told Egypt and Israel to stop fighting"
    aired = any(
        BROADCAST.match(t.lower_) for c in verb.children if c.dep_ == "prep" for t in c.subtree
    )  # "told France by radio": a leader speaking to his own nation
    for who in told:
        envoys = [who, *(c for c in who.children if c.dep_ == "appos")]
        if any(noun_class(e) == "diplomatic" and e.tag_ in ("NN", "NNP") for e in envoys):
            return who
        if HOSTS.match(who.lower_):
            return who
        if who.ent_type_ == "GPE" and who.pos_ == "PROPN" and not (demand or aired):
            return who
    return None


def _government_addressed(verb: Any) -> Any:
    """Another government that words were written, sent or wired to, or None: a country or
    capital named ("wrote to Moscow", "sent Stockholm a note"), a leader named ("telegraphed
    Kruger", "wrote to President Kennedy"), an envoy (not "foreign ambassadors", a
    briefing), one's hosts or counterpart, or a government or official of a country named
    ("informed the government in Paris", "the Afghan president"). Not a body at home ("wrote to
    parliament", "informed the cabinet")."""
    # what one writes is what is written ("write Iran rather than Persia"): to whom, "to"
    direct = not verb.lower_.startswith("wr")
    sent_to = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "dative")
        and c.lower_ != "to"
        and direct
        and not WRITINGS.match(c.lower_)
    ] + [
        o
        for c in verb.children
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    for who in sent_to:
        if who.pos_ == "PROPN" and who.ent_type_ in ("GPE", "PERSON"):
            return who
        if noun_class(who) == "diplomatic" and who.tag_ in ("NN", "NNP"):
            return who
        if HOSTS.match(who.lower_):
            return who
        named = any(t.ent_type_ in ("GPE", "NORP") for t in who.subtree if t.i != who.i)
        if named and (who.lower_ == "government" or noun_class(who) == "official"):
            return who  # "the government in Paris", "the Afghan president"
    return None


def _envoys_briefed(verb: Any) -> Any:
    """The envoys, in the plural, that a leader told something ("told foreign ambassadors",
    "told the diplomats gathered in Kabul"), or None."""
    told = (c for c in verb.children if c.dep_ in ("dobj", "dative"))
    return next((c for c in told if c.lower_ in ("ambassadors", "diplomats", "envoys")), None)


def _demanding(note: Any) -> bool:
    """ "a note demanding that the prisoners be freed": a demand, the guide's ultimatum."""
    return any(c.lower_.startswith("demand") for c in note.children)


def _met_no_government(verb: Any) -> bool:
    """ "met the family", "met with indigenous people", "met survivors": a leader meeting
    people who are no government, which is no contact between governments."""
    met = [c for c in verb.children if c.dep_ == "dobj"] + [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return bool(met) and all(PRIVATE.match(m.lower_) for m in met)


def _its_own(tok: Any) -> bool:
    """ "its offensive", "their attacks": what the subject itself was doing."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his") for c in tok.children)


def _to_a_leader(tok: Any) -> bool:
    """ "spoke to the president", "talked with Rahmon": a leader or envoy spoken with (not
    reporters or the nation)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("to", "with")
        and any(_a_leader(o) for o in c.children if o.dep_ == "pobj")
        for c in tok.children
    )


def _domestic(tok: Any) -> bool:
    """A government's own body ("the cabinet", "a party congress", "the assembly")."""
    return any(
        DOMESTIC.match(t.lower_) for t in (tok, *(c for c in tok.children if c.dep_ != "prep"))
    ) or any(
        DOMESTIC.match(o.lower_)
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.subtree
    )


def _at_a_figure(tok: Any) -> bool:
    """ "put the toll at 138", "put the figure at close to that number": a count given."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "at"
        and any(t.like_num or t.lower_ in ("number", "figure") for t in c.subtree)
        for c in tok.children
    )


def _a_leader(tok: Any) -> bool:
    """A person named, an official or an envoy: someone received or spoken with (not
    refugees, aid, reports or reporters)."""
    named = tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON"
    return named or noun_class(tok) in ("official", "diplomatic")


def _flag_raised(verb: Any, agent: Any, patient: Any) -> bool:
    """A flag raised, hoisted, planted or put up on or over a place, or flags that "went up"
    there, mark the place taken ("raised its flag on the hill", "flags went up over the
    station"); a flag raised in a town at a rally does not."""
    w = verb.lower_
    up = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    if FLAG.match(patient.lower_ if patient is not None else ""):
        raised = w.startswith(("rais", "hoist", "plant")) or (w.startswith(("put", "ran")) and up)
    else:
        raised = agent is not None and FLAG.match(agent.lower_) and w == "went" and up
    over = any(
        c.dep_ == "prep"
        and c.lower_ in ("on", "over", "above")
        and any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children)
        for c in verb.children
    )  # "on the hill", not "on 3 May"
    return bool(raised) and over


def _to_another(verb: Any, given: Any) -> bool:
    """Land, or sovereignty over it, handed or passed "to" another holder ("the island was
    handed to the Soviet Union", "sovereignty passed to Copenhagen"), not a matter passed
    to a court or a convoy passing to the north."""
    if given is None:
        return False
    by = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
    if by is not None and by.dep_ == "agent":
        by = next((c for c in by.children if c.dep_ == "pobj"), None)
    if (by is not None and PACTS.match(by.lower_)) or (
        verb.dep_ in ("relcl", "acl") and PACTS.match(verb.head.lower_)
    ):
        return False  # "the treaties by which Italy handed the islands to Greece"
    land = bool(LAND.match(given.lower_)) or noun_class(given) == "place"
    held = land or given.lower_ in ("sovereignty", "control", "jurisdiction")
    return held and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _judged(call: Any) -> bool:
    """ "called the strikes an act of war", "calls the base illegal": a verdict on something
    named, not a name given ("what Peking calls the Volunteers", "the line called X") nor an
    envoy called home."""
    named = next((c for c in call.children if c.dep_ == "dobj"), None)
    return (
        named is not None
        and named.lower_ not in ("what", *WH)
        and call.dep_ != "acl"
        and noun_class(named) != "diplomatic"
        and any(c.dep_ == "oprd" for c in call.children)
    )


def _changed_hands(tok: Any) -> bool:
    """ "back in Ukrainian hands", "passed into Turkish hands", "came under Azerbaijani
    control": who holds a place, said with a noun."""
    if tok.lower_ == "hands":
        return tok.head.lower_ in ("in", "into") or tok.head.lower_.startswith("chang")
    return tok.lower_ == "control" and tok.head.lower_ == "under"


def _in_flight(verb: Any, mover: Any) -> bool:
    """Soldiers who crossed fleeing a defeat, which the keys type as people fleeing: with
    civilians ("soldiers and civilians crossed"), routed or fleeing themselves, as the other
    side took ground ("crossed … as the rebels took the district", the clause on this verb
    or on the one it is joined to), or named fleeing with them in the next sentence ("The
    governor fled with them")."""
    if any(c.dep_ == "conj" and HOUSEHOLDS.match(c.lower_) for c in mover.children):
        return True
    own = [*mover.children, *verb.children, *([verb.head] if verb.dep_ == "conj" else [])]
    if any(
        t.dep_ in ("acl", "relcl", "conj", "advcl", "xcomp", "ROOT") and FLED.match(t.lower_)
        for t in own
    ):
        return True
    joined = verb.head.children if verb.dep_ == "conj" else ()
    for c in (*verb.children, *joined):
        since = any(m.dep_ == "mark" and m.lower_ in ("as", "after") for m in c.children)
        if c.dep_ != "advcl" or not since or cue_of(c.text) != "territorial_control":
            continue
        taker = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        if taker is None or taker.lower_ != mover.lower_:
            return True  # the other side took ground: these soldiers lost it
    doc, end = verb.doc, verb.sent.end
    after = doc[end].sent if end < len(doc) else ()
    return any(
        FLED.match(t.lower_)
        and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(o.lower_ == "them" for o in c.children)
            for c in t.children
        )
        for t in after
    )


def _wrecked(verb: Any, particle: str, patient_word: str, after: str) -> str:
    """The words of a vessel lost by itself ("capsized", "sank", "went down", "caught
    fire"), or '': said with no one who sank it (a boat "was sunk" had an attacker)."""
    w = verb.lower_
    if any(c.dep_ == "auxpass" for c in verb.children):
        return ""
    if WRECKED.match(w) and not any(c.dep_ == "dobj" for c in verb.children):
        return verb.text  # "sank", not "sank the gunboats" (a fight)
    if w in ("went", "go", "goes", "gone", "going") and particle == "down":
        return f"{verb.text} down"
    if w in ("caught", "catch", "catches") and "fire" in (patient_word, after):
        return f"{verb.text} fire"
    return ""


def _vessel_before(verb: Any) -> Any:
    """The nearest boat or ship named before a verb whose subject the parse lost ("a boat
    carrying migrants capsized", read as a participle of "migrants"), or None."""
    return next(
        (t for t in reversed(verb.doc[verb.sent.start : verb.i]) if VESSEL.match(t.lower_)),
        None,
    )


def _boat_of_people(vessel: Any, verb: Any) -> bool:
    """A boat, ferry or raft carrying people who are no force ("a boat carrying migrants",
    "a fishing boat with 500 people aboard", "a ferry of passengers", or people who drowned
    in the sentence), not a warship with its sailors ("the corvette, with 104 sailors on
    board, sank")."""
    if not VESSEL.match(vessel.lower_):
        return False
    aboard = [t for t in vessel.subtree if t.i != vessel.i]
    if any(noun_class(t) == "armed" for t in [vessel, *aboard]):
        return False
    people = ("people", "traffic")
    if any(noun_class(t) in people and t.pos_ in ("NOUN", "PROPN") for t in aboard):
        return True
    return any(t.lower_.startswith("drown") for t in verb.sent)


def _aircraft(tok: Any) -> bool:
    return bool(AIRCRAFT.match(tok.lower_))


def _gathered(verb: Any, who: Any) -> tuple[str, str] | None:
    """People waiting, gathering, streaming or turning up somewhere in numbers: a movement
    of people (not drivers or traders about their work); state forces massing are a
    deployment, armed groups gathering a militant presence. "Gathered to protest" is the
    protest: a purpose with its own cue decides."""
    purpose = any(
        c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children)
        for c in verb.children
    )
    march = verb.lower_.startswith("march")
    if who is None and march and verb.dep_ == "conj":
        # "the force crossed the river and marched into Lhasa": the first verb's subject
        who = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if who is None or purpose:
        return None
    kind = noun_class(who)
    cue = f"{who.text} {verb.text}"
    led = march and kind in ("", "place") and _led_march(verb, who)
    marched_out = any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    given_up = who.lower_.startswith("garrison") or out_of_town(verb)
    if march and kind == "armed" and marched_out and given_up:
        # "the garrison was allowed to march out with its arms": the place given up
        return "territorial_control", f"{cue} out"
    if march and (kind == "armed" or led) and into_place(verb):
        # "the brigade marched into Kassala": like forces that moved or rolled into a town,
        # they hold it now (crowds marching into a square are a protest: people)
        return "territorial_control", f"{cue} into"
    if kind == "armed":
        return ("militant_presence" if IRREGULAR.match(who.lower_) else "military_deployment"), cue
    if led:
        # "he marched into Bolivia", "M23 marched out of the hills": a leader or a movement
        # on the road with a force, not people marching through a town in protest
        return "military_deployment", cue
    if march:
        return ("other", cue) if kind == "people" else None  # a march is a protest
    if kind == "people" and not ROUTINE.match(who.lower_):
        return "refugee_movement", cue
    if kind == "traffic" and who.lower_.startswith("pilgrim"):
        return "refugee_movement", cue  # pilgrims crowding a crossing
    return None


_MARCHED_TO = ("into", "from", "across", "towards", "toward")
_MARCHED_WAY = ("in", "out", "off", "back", "south", "north", "east", "west", "inland")


def _led_march(verb: Any, who: Any) -> bool:
    """A march by someone who is not a crowd ("he marched into Bolivia", "Kolesov marched
    from Tashkent", "they marched out"): one who leads or is a force, on the way somewhere.
    Not one carried off ("the prisoners were marched out"), nor numbers of people ("tens
    of thousands marched through the capital"), nor a march through a town (a protest)."""
    if who.dep_ != "nsubj" or who.like_num or QUANTITY.match(who.lower_):
        return False
    if CAPTIVE.match(who.lower_) or who.lower_ in ("we", "i", "you"):
        return False
    return any(
        (c.dep_ == "prep" and c.lower_ in _MARCHED_TO)
        or (c.dep_ in ("prt", "advmod") and c.lower_ in _MARCHED_WAY)
        for c in verb.children
    )


def close_to_a_number(tok: Any) -> bool:
    """ "close to a thousand people": 'close' as 'nearly', however it is parsed."""
    doc = tok.doc
    if tok.lower_ != "close" or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return False
    after = doc[tok.i + 2]
    return after.like_num or after.lower_ in ("a", "an", "half", "one")


def _a_town_stormed(place: Any) -> bool:
    """A town named bare as what was stormed ("stormed Erzurum", "stormed Médina, the
    fortified town"): a name with no article ("the Malakoff", "the Golan Heights", "the
    Alamo" name a work, a height or a building) and not set off as a fort or a height
    ("Nilt, the fort that barred the road", "Green Island, the small fortress")."""
    if place.pos_ != "PROPN" or not _a_town_named(place):
        return False
    if any(c.dep_ == "det" for c in place.children):
        return False
    return not any(
        c.dep_ == "appos" and (STRONGHOLD.match(c.lower_) or HEIGHTS.match(c.lower_))
        for c in place.children
    )


def _a_decree(paper: Any) -> bool:
    """A paper one government signs at home (`DECREES`): a decree, a law, an act, a
    constitution; not the General or Final Act of a conference, which powers sign together."""
    if not DECREES.match(paper.lower_):
        return False
    if any(c.lower_ in ("general", "final") for c in paper.children):
        return False
    # "the Act of Algeciras": named for the town where a conference of powers signed it (an
    # act of a body, "an act of the Althing", is the body's)
    return not any(
        c.dep_ == "prep" and c.lower_ == "of" and any(_a_town_named(o) for o in c.children)
        for c in paper.children
        if paper.pos_ == "PROPN"
    )


def _put_to_death(verb: Any, agent: Any, patient: Any) -> str:
    """The word that makes a killing verb ("shot", "killed", "hanged") a suicide or an
    execution, or '': "himself" as what it acts on; a firing squad that did it; a sentence or
    a court in the clause ("five men condemned by military courts", "after a military court had
    condemned them"). Not denied ("was not shot")."""
    if negated(verb):
        return ""
    if patient is not None and patient.lower_ in SELF:
        return patient.text
    doers = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    for t in (t for d in doers for t in d.subtree):
        if t.lower_ in ("squad", "squads") and any(c.lower_ == "firing" for c in t.children):
            return t.text  # "a firing squad", "firing squads" (not "death squads")
    # the clause's own words, not a clause joined on with "and" ("was shot, and a court …")
    joined = {t.i for c in verb.children if c.dep_ == "conj" for t in c.subtree}
    for t in verb.subtree:
        if t.i != verb.i and t.i not in joined and SENTENCED.match(t.lower_):
            return t.text
    return ""


def _pact_made(verb: Any, patient: Any) -> Any:
    """The agreement (`MADE_PACTS`) a verb of announcing or approving (`MADE_KNOWN`) acts on,
    or None: its object or passive subject, the noun it describes ("the rapprochement
    Washington and Havana announced"), the passive subject of the verb it is joined to with no
    subject of its own ("the deal was struck by telephone and announced on 12 June"), or "it"
    for an agreement named before it in the sentence ("signed a treaty …, and the Senate
    approved it"). Not denied, nor a wish ("would announce")."""
    if negated(verb) or any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return None
    heads = [patient] if patient is not None else []
    own = {c.dep_ for c in verb.children}
    if patient is None and verb.dep_ == "relcl" and verb.head.pos_ == "NOUN":
        heads.append(verb.head)
    if patient is None and verb.dep_ == "conj" and not own & {"nsubj", "nsubjpass", "dobj"}:
        heads += [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    for noun in heads:
        if noun.lower_ in ("it", "them"):
            named = [t for t in noun.sent if t.i < noun.i and t.pos_ == "NOUN"]
            noun = next((t for t in reversed(named) if MADE_PACTS.match(t.lower_)), noun)
        if noun.pos_ == "NOUN" and MADE_PACTS.match(noun.lower_):
            return noun
    return None


def _signed(verb: Any, patient: Any) -> Any:
    """What `verb` ("put") signs when it puts a name, signature or seal to it ("put their
    names to a treaty", "put his name to it", "put his seal to a decree"), else None. Only
    an agreement (`PACTS`, `SIGNED`) is a contact between governments; an appeal, a letter
    or a decree signed is not, and no seal put to a paper shuts a crossing."""
    if patient is None or not SIGNED_WITH.match(patient.lower_) or negated(verb):
        return None
    for head in (verb, patient):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "to"):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def word_cue(tok: Any) -> tuple[str, str] | None:
    """(event type, the words that show it) for one parsed word, or None: a verb read with
    what it acts on, a negated closure read as an open crossing, names and other negated
    cues skipped; what leaders of several governments did at their meeting (`_met_abroad`)
    is that meeting."""
    cue = _word_cue(tok)
    if cue is not None and cue[0] not in ("statement", "other"):
        return cue
    met = _met_abroad(tok)
    return ("diplomatic_contact", f"{met} meeting … {tok.text}") if met else cue


def _met_abroad(verb: Any) -> str:
    """The subject of `verb` when it is ministers, leaders or envoys of more than one
    government "meeting in" a place ("foreign ministers meeting in Brussels approved its
    entry", "the leaders of the region's states, meeting again in Kampala, demanded",
    "diplomats of the two countries, meeting in Bern, promised"), else '': what they said,
    decided or failed to agree at it is the meeting between governments (KEY_GUIDE.md:
    meetings and talks are `diplomatic_contact`). Not one government's ministers ("Israeli
    ministers meeting in Jerusalem", "party leaders"), nor a body of members speaking with
    one voice (`_body_spoke`), nor a word that is no verb or is denied."""
    if verb.pos_ != "VERB" or negated(verb):
        return ""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":  # "… approved the force and warned …"
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return ""
    if subject.lower_ == "meeting":  # "EU interior ministers meeting in Brussels" as one noun
        meeting: Any = subject
        who = next(
            (c for c in subject.children if c.dep_ == "compound" and c.tag_ in ("NNS", "NNPS")),
            None,
        )
    else:
        who = subject
        meeting = next(
            (c for c in subject.children if c.dep_ == "acl" and c.lower_ == "meeting"), None
        )
    if who is None or meeting is None or who.tag_ not in ("NNS", "NNPS"):
        return ""
    if class_of(who.lower_) != "official" or who.lower_ in ("officials", "governors"):
        return ""
    if not any(p.dep_ == "prep" and p.lower_ in ("in", "at") for p in meeting.children):
        return ""
    if _domestic(who) or _domestic(meeting):
        return ""
    group = meeting if meeting.i > who.i else who
    whose = [t for t in group.subtree if t.i < who.i and _country_or_its_adjective(t)]
    return "" if len(whose) == 1 else who.text  # "Pakistani ministers": one government


def _country_or_its_adjective(tok: Any) -> bool:
    """A country's name or its adjective ("Pakistan", "Pakistani"), not a continent's."""
    if normalize(tok.text) in countries_by_name():
        return True
    return len(adjective_countries(tok.text) - frozenset(CONTINENTS)) == 1


def _word_cue(tok: Any) -> tuple[str, str] | None:
    """`word_cue` without the meeting it may have been said at."""
    if close_to_a_number(tok):
        return None
    sense = verb_sense(tok)
    if sense is not None:
        if not sense[0]:
            return None
        if negated(tok) and not ADMIT.match(tok.lower_):  # "not let through" is read above
            if sense[0] == "crossing_closed":
                return "crossing_reopened", f"not {tok.text}"
            return None
        return sense
    if tok.lower_ in ("meeting", "meetings") and tok.dep_ == "compound":
        return None  # "the meeting point of three borders": no meeting
    if tok.lower_ in ("meeting", "meetings", "session", "sessions") and _domestic(tok):
        return "statement", tok.text  # "a cabinet meeting": no contact between governments
    if tok.lower_.startswith("withdrawal") and _from_a_union(tok):
        return "diplomatic_contact", f"{tok.text} from"  # leaving a league, not troops moving
    if _changed_hands(tok):
        return "territorial_control", f"{tok.head.text} … {tok.text}"
    massed = _build_up(tok)
    if massed:
        return "military_deployment", massed
    etype = cue_of(tok.text)
    if not etype:
        return None
    if etype == "clash" and _figure_of_speech(tok):
        return None  # "a political fight", "a legal battle", "a war of words"
    if etype == "clash" and _prisoners_of(tok):
        return None  # "prisoners of war" are captives, no fight on the date
    if PUT.match(tok.head.lower_) and _signed(tok.head, tok) is not None:
        return None  # "put his seal to a decree": the paper signed, nothing sealed
    if tok.pos_ != "VERB" and tok.lower_ in ("close", "block", "blocks", "cut", "stop", "bar"):
        return None  # "close to a thousand", "a block of flats", "a bus stop"
    if etype == "clash" and tok.pos_ == "ADJ" and not BECAME.match(tok.head.lower_):
        return (
            None  # "the deadly clash of 2020", "called it deadly" describe; "turned lethal" reports
        )
    named = tok.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "ORG", "LAW", "WORK_OF_ART")
    if named and (tok.pos_ == "PROPN" or tok.ent_iob_ == "I"):
        return None  # "Friendship Bridge", "Islamic State", "… Co-operation" are names
    if tok.lower_ == "reported" and not any(c.dep_ == "nsubj" for c in tok.children):
        return None  # "fighting was reported", "clashes reported near X": the clash is the news
    if negated(tok):
        if etype == "crossing_closed":
            return "crossing_reopened", f"not {tok.text}"
        return None
    return etype, tok.text


_MASSING = ("buildup", "buildups", "massing", "concentration", "concentrations")


def _build_up(tok: Any) -> str:
    """The cue of forces built up or massed, said with a noun ("the build-up began in late
    March", "a build-up of artillery along the boundary", "the massing of troops", "heavy
    concentrations of troops near the border"), or '': KEY_GUIDE.md's forces moved or
    stationed, `military_deployment`, not the construction that "build" names elsewhere.
    Not a build-up or a massing of what no force is ("a build-up of lorries", "the massing
    of refugees"); a concentration only of forces ("a concentration camp" is none)."""
    w, doc = tok.lower_, tok.doc
    if tok.pos_ == "VERB":
        return ""
    if w == "build":
        hyphen = tok.i + 2 < len(doc) and doc[tok.i + 1].text in ("-", "–")
        if not hyphen or doc[tok.i + 2].lower_ not in ("up", "ups"):
            return ""
        head = doc[tok.i + 2]
    elif w in _MASSING:
        head = tok
    else:
        return ""
    of = [
        o
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    kinds = {noun_class(o) for o in of}
    if w.startswith("concentration") and not kinds & {"armed", "weapon"}:
        return ""
    if of and not kinds & {"armed", "weapon", ""}:
        return ""  # "a build-up of lorries at the gate", "the massing of refugees"
    return "build-up" if w == "build" else tok.text


def _prisoners_of(tok: Any) -> bool:
    """The "war" of "prisoners of war" or "a prisoner-of-war camp"."""
    before = [t.lower_ for t in tok.doc[max(0, tok.i - 4) : tok.i] if t.text not in ("-", "–")]
    return tok.lower_ == "war" and before[-2:] in (["prisoner", "of"], ["prisoners", "of"])


def _figure_of_speech(tok: Any) -> bool:
    """A fight, a battle or a war of words, of politics or of trade: no armed violence."""
    if tok.lower_ not in ("fight", "fights", "battle", "battles", "war", "wars", "fighting"):
        return False
    if any(c.dep_ in ("amod", "compound") and SPOKEN.match(c.lower_) for c in tok.children):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ == "words" for o in c.children)
        for c in tok.children
    )


def _hit(verb: Any) -> bool:
    """An aircraft that came down after being hit or shot: its clause names a fight other
    than the deaths of those aboard ("came down, killing its crew" is a crash) or the fire
    a boat caught."""
    doc = verb.doc
    caught = verb.lower_.startswith(("caught", "catch")) and verb.i + 1 < len(doc)
    fire = verb.i + 1 if caught and doc[verb.i + 1].lower_ == "fire" else -1
    return any(
        cue_of(t.text) == "clash" and not t.lower_.startswith("kill")
        for t in verb.subtree
        if t.i not in (verb.i, fire)
    )


def said_for_certain(verb: Any) -> str:
    """The cue of words that are themselves the event, whatever they name, or '': an
    ultimatum or demands delivered ("handed the envoy an ultimatum", "presented an
    ultimatum demanding the evacuation of X"); a contact between governments called off,
    put off, brushed aside or blocked ("called off the visit", "brushed aside the
    truce"), and an armed act or a drill called off, put off or cancelled ("called off the
    strikes"); a war or an operation declared over; a ruling or an award accepted; a body
    that met and then said something ("the Security Council met and urged restraint")."""
    w = verb.lower_
    if verb.pos_ not in ("VERB", "AUX"):
        return ""
    kids = list(verb.children)
    put_to = [c for c in kids if c.dep_ in ("dobj", "dative", "nsubjpass")]
    demand = next((c for c in put_to if ULTIMATUM.match(c.lower_)), None)
    if demand is not None and (demand.lower_ != "demands" or _owned(demand)):
        return f"{verb.text} … {demand.text}"
    after = verb.doc[verb.i + 1].lower_ if verb.i + 1 < len(verb.doc) else ""
    particle = next((c.lower_ for c in kids if c.dep_ == "prt"), after)
    patient = arguments(verb)[1]
    # a contact called off, or an armed act or a drill ("called off retaliatory strikes",
    # "cancelled the drills"): the decision, taken before the act, which never happened (as
    # troops promised are a statement, KEY_GUIDE.md); an armed act is not "blocked" or
    # "brushed aside" by the side that would have done it
    undone = patient is not None and (
        _a_contact(patient) or (_an_armed_act(patient) and not w.startswith(("block", "brush")))
    )
    if CALL_OFF.match(w) and undone:
        needs = next((p for stem, p in _UNDONE_WITH if w.startswith(stem)), "")
        if not needs or particle == needs:
            return f"{verb.text} {needs} … {patient.text}".replace("  ", " ")
    if w.startswith("declar") and any(
        c.lower_ in ("over", "ended", "finished") and c.dep_ in _STATE_DEPS for c in kids
    ):
        return f"{verb.text} … over"  # "declared the operation over"
    if w.startswith("accept") and patient is not None and RULINGS.match(patient.lower_):
        return f"{verb.text} … {patient.text}"  # "accepted the ruling"
    spoke = _body_spoke(verb) if w in ("met", "meet", "meets") else ""
    if spoke:
        return f"{verb.text} … {spoke}"
    return ""


_STATE_DEPS = ("acomp", "oprd", "advmod", "prt", "ccomp", "xcomp")
"""How a state declared hangs off "declared" ("declared the war over")."""

_UNDONE_WITH = (("call", "off"), ("put", "off"), ("brush", "aside"))
"""The particle some `CALL_OFF` verbs need to undo a contact ("called off", not "called")."""


def _owned(tok: Any) -> bool:
    """ "its demands", "London's demands", "the demands of X": someone's stated demands."""
    return any(c.dep_ == "poss" for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
    )


def _a_contact(tok: Any) -> bool:
    """A contact between governments, or a trip or truce: "the visit", "talks", "the truce",
    "his foreign trips"."""
    return (
        cue_of(tok.text) == "diplomatic_contact"
        or noun_class(tok) == "diplomatic"
        or tok.lower_ in ("trip", "trips", "tour", "tours", "visit", "visits", "summit")
    )


def _an_armed_act(tok: Any) -> bool:
    """An armed act or a drill named by a noun: "the strikes", "the offensive", "the exercises"."""
    return tok.pos_ == "NOUN" and cue_of(tok.text) in ("clash", "military_exercise")


def _body_spoke(verb: Any) -> str:
    """A body of members that met, no one else, and then said something: "the Security
    Council met behind closed doors and urged restraint", "the diet met in Khust and
    proclaimed independence" (the saying is the event); else ''."""
    body = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if body is None or not BODIES.match(body.lower_) or body.tag_ in ("NNS", "NNPS"):
        return ""
    if any(c.dep_ == "dobj" for c in verb.children):
        return ""  # "met the envoy"
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return ""  # "met with the envoys"
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        said = word_cue(conj)
        if said is not None and said[0] == "statement":
            return conj.text
    return ""


def _between_governments(verb: Any) -> str:
    """How words were said between governments: "by telephone", "in a call", "during a
    state visit", "after talks", "at the summit" (not at a cabinet meeting), else ''."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if prep.lower_ in ("by", "over", "in") and CALL_WAYS.match(obj.lower_):
                return f"{prep.text} {obj.text}"
            if prep.lower_ not in ("during", "at", "on"):
                continue
            if obj.lower_.startswith("visit") and not _abroad(obj):
                continue  # "on his first visit to Calais": a leader at home
            contact = cue_of(obj.text) == "diplomatic_contact" or obj.lower_ in (
                "conference",
                "summit",
            )
            press = any(c.lower_ in ("press", "news") for c in obj.children)
            if contact and not press and not _domestic(obj) and obj.lower_ != "statement":
                return f"{prep.text} … {obj.text}"
    return ""


def _by_call(verb: Any) -> str:
    """ "by telephone", "over the phone", "by video link" when `verb` (a verb of speaking)
    was done in a call, else ''. Not a witness "speaking by telephone" to the paper (a
    participle), nor a call denied."""
    if verb.lower_.endswith("ing") or negated(verb):
        return ""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("by", "over")):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if CALL_WAYS.match(obj.lower_) and obj.lower_ not in ("call", "calls"):
                return f"{prep.text} {obj.text}"
    return ""


def _abroad(visit: Any) -> bool:
    """A visit to another country ("a state visit", "a visit to China"), not one at home."""
    if any(c.lower_ in ("state", "official", "foreign") for c in visit.children):
        return True
    return any(a_country(t) for t in visit.subtree)


def _by_air(tok: Any) -> bool:
    """Flights, airspace, "air traffic", "air links": no land crossing."""
    return bool(AIR.match(tok.lower_)) or any(
        c.dep_ in ("compound", "amod") and c.lower_ in ("air", "airline") for c in tok.children
    )


def _by_policy(verb: Any, patient: Any) -> bool:
    """Trade stopped by a government's decision rather than at a crossing: exports,
    imports, trade or sales to, with or from a country ("stopped most exports to the
    island", "barred all trade with Iraq", "halted imports of citrus from Taiwan"), with no
    crossing named it passed through."""
    if not TRADE.match(patient.lower_):
        return False
    preps = [c for h in (verb, patient) for c in h.children if c.dep_ == "prep"]
    if any(p.lower_ in ("through", "at", "across", "via", "over") for p in preps):
        return False
    for p in preps:
        for o in (g for g in p.subtree if g.dep_ == "pobj"):
            if noun_class(o) == "crossing" or o.ent_type_ == "FAC":
                return False
    countries = [
        o
        for p in preps
        if p.lower_ in ("to", "with", "from", "of", "into")
        for o in p.subtree
        if o.dep_ == "pobj"
    ]
    return any(
        a_country(o)
        or o.ent_type_ == "GPE"
        or TOWN.match(o.lower_)
        or o.lower_ in ("island", "islands", "country", "kingdom", "republic")
        for o in countries
    ) or any(p.lower_ == "of" for p in preps)


def _road_to_the_border(verb: Any, road: Any) -> bool:
    """A road or a railway (`_railway`) that leads to a border crossing, the frontier or
    another country, runs between two countries or crosses the line, by the words that
    describe it (or the way the verb that shut it names, where
    the parse hangs it there): "the approach road", "the road east to Torkham and the
    frontier", "the highway that runs along the lake to Desaguadero, the main crossing",
    "blocked the road to the crossing", "closed the side roads across the line", "cut the old
    road to China". Shutting one shuts a way across the border (KEY_GUIDE.md: a
    "cross-border road shut" is `crossing_closed`); a road to a town or along the border is an
    inland road ("the road to Termez", "the road along the border": `other`)."""
    if not (ROADS.match(road.lower_) or _railway(road)):
        return False
    if any(c.dep_ in ("amod", "compound") and c.lower_ == "approach" for c in road.children):
        return True
    ways = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in (*_TOWARDS, *_OVER)]
    for tok in (*road.subtree, *(t for w in ways for t in w.subtree)):
        if tok.i == road.i or tok.dep_ not in ("pobj", "appos", "conj"):
            continue
        way = next((a for a in tok.ancestors if a.dep_ == "prep"), None)
        if way is None and tok.head.i == road.i and THE_LINE.match(tok.lower_):
            return True  # "the road and the frontier were cut": the border shut with it
        if way is None or way.lower_ in ("along", "near", "beside", "from"):
            continue  # "the road along the border": no way across it
        if THE_LINE.match(tok.lower_) or (tok.lower_ == "line" and way.lower_ in _OVER):
            return True
        if way.lower_ in _TOWARDS and tok.dep_ == "pobj" and a_country(tok):
            return True
        if way.lower_ == "between" and a_country(tok):
            return True  # "the railway between Poland and Czechoslovakia"
    return False


def _railway(way: Any) -> bool:
    """A railway, or a line or link of one ("the rail link", "the railway line", "the line to
    the frontier" in a sentence about trains), read as a road is by `_road_to_the_border`:
    not a telephone, power or front line ("the telephone lines to Spain were cut")."""
    if not RAILS.match(way.lower_):
        return False
    if way.lower_.startswith("rail"):
        return True  # `RAILS` let through only "rail", "railway(s)" and "railroad(s)"
    if any(
        c.dep_ in ("compound", "amod", "nmod") and RAIL_WORDS.match(c.lower_) for c in way.children
    ):
        return True
    return way.lower_.startswith("line") and any(RAIL_WORDS.match(t.lower_) for t in way.sent)


_TOWARDS = ("to", "into", "towards")
"""The ways a road leads to a crossing, the frontier or a country."""
_OVER = ("across", "over")
"""The ways a road crosses the line."""


def _barriers_put(verb: Any, agent: Any, patient: Any) -> str:
    """Barriers, blocks or barricades placed, put or set up on a crossing or a road ("had
    concrete blocks and barriers placed on five minor crossings"): the crossing shut."""
    if not PLACE_V.match(verb.lower_):
        # "had concrete blocks placed on the crossing": the barriers and their putting
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
        for o in objs:
            placed = any(c.dep_ == "acl" and PLACE_V.match(c.lower_) for c in o.children)
            if BARRIERS.match(o.lower_) and placed:
                return o.text
        return ""
    put = [t for t in (agent, patient) if t is not None]
    put += [c for t in put for c in t.children if c.dep_ == "conj"]
    found = next((t for t in put if BARRIERS.match(t.lower_)), None)
    return found.text if found is not None else ""
