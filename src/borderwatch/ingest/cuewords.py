"""The word lists of event typing.

Which event type a single word suggests (`cue_of`), what kind of thing a noun names
(`class_of`: a crossing, traffic, people, an armed force …), and the verb forms whose
meaning depends on what they act on (read in `senses`). Patterns match one lower-case
word whole.
"""

from __future__ import annotations

import re

# (pattern on one lower-case word, event type); the first matching pattern of a word wins.
WORD_CUES: tuple[tuple[str, str], ...] = (
    (r"reopen\w*|unblock\w*|open(?:ed|s|ing)", "crossing_reopened"),
    (
        r"clos(?:e|ed|es|ing|ure|ures)|shut(?:s|ting|downs?)?|seal\w*|suspen(?:d|ds|ded|ding|sion)|"
        r"block(?:ed|s|ing|ade)?|blockaded?|barricad(?:ed|ing)|halt\w*|stopp(?:ed|ing)|stops?|barr(?:ed|ing)|bars?|"
        r"bann(?:ed|ing)|bans?|restrict\w*|tighten\w*|curbs?|curbed|cut|sever(?:s|ed|ing|ance)?",
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
        r"took|taken|takeover|enter(?:ed|ing)|occup\w*|annex\w*|liberat\w*|surrender\w*|"
        r"regain\w*|ced(?:e|ed|es|ing)",
        "territorial_control",
    ),
    (
        r"fight(?!ers?$)\w*|fought|clash\w*|counter-?(?:offensives?|attack\w*)|fire|fired|firing|"
        r"shell\w*|siege|besieg\w*|attack\w*|offensive|"
        r"battle(?!ships?$|cruisers?$|groups?$)\w*|killed|bomb\w*|strikes?|airstrikes?|stones|"
        r"hit|hitting|struck|shot|shooting|gunfire|"
        r"raid(?:s|ed)?|storm(?:ed|ing)|skirmish\w*|ambush\w*|explosions?|blasts?|war|violence|"
        r"gunm[ae]n|assailants|attackers|wounded|injured|casualties|gunfight|firefight|mortars?|"
        r"artillery|lethal|deadly|bloody|scuffl\w*|brawl\w*|"
        r"confrontations?|torpedo(?:ed|es|ing)|beaten|massacr\w*|s[aiu]nk|sinking|sinks|"
        r"strafe[ds]?|strafing|repel\w*|repuls\w*|routs?|routed|cannons?|ramm(?:ed|ing)|"
        r"assault(?:s|ed|ing)?|"
        r"kill(?:s|ing)?|murder(?:s|ed|ing)?|stabb(?:ed|ing)|pound(?:ed|ing)|"
        r"rocket(?:ed|ing)|crushed|defeat(?:s|ed|ing)?|invad(?:e|ed|es|ing)|"
        r"invasions?|sorties?|breakouts?|insurgenc(?:y|ies)",
        "clash",
    ),
    (
        r"deploy\w*|reservists?|mobili[sz]\w*|reinforc\w*|troops|paratroop(?:er)?s|withdraw\w*|"
        r"withdrew|redeploy\w*|tanks|guarded|operations?|call-up|disengag\w*|stationed|"
        r"patrol\w*|garrison\w*|massed|pull-?backs?|pullbacks?|pull-?outs?|warships?|"
        r"frigates?|gunboats?|destroyers|cruisers|battleships?|battlecruisers?|corvettes?|"
        r"minesweepers?|flotillas?",
        "military_deployment",
    ),
    (
        # not "crossed": who crossed says what it was (`senses`: people fleeing, a force on
        # the move, lorries through an open crossing), and a leader, a unit or "it" crossing
        # is no flight of people
        r"refugees?|fled|flee(?:s|ing)?|evacuat\w*|displaced|influx|deport\w*|expel\w*|"
        r"returnees?|migrants?|exodus|asylum|refuge|repatriat\w*",
        "refugee_movement",
    ),
    (
        # a visit, not "visitors" (travellers: `class_of` reads them as traffic)
        r"met|meet\w*|talks|visit(?:s|ed|ing)?|delegations?|summit|negotiat\w*|envoys?|"
        r"recogni[sz]\w*|"
        r"consult\w*|agree(?:d|s|ment|ments)?|treat(?:y|ies)|signed|signing|ambassadors?|"
        r"recall(?:ed|s)?|ceasefire|truce|accords?|ratif\w*|acced\w*|accession|normali[sz]\w*|"
        r"protocols?|joined|joins|hosted|memorand\w*|(?:tele)?phon(?:ed|ing)|summon\w*|"
        r"accept(?:s|ed|ing|ance)?|shuttl(?:ed|ing)|initial+ed|"
        # pacts and go-betweens: "the armistice", "asked Paris to mediate", "telegraphed Kruger"
        r"armistices?|pacts?|cease-?fires|truces|mediat\w*|broker(?:s|ed|ing)?|"
        r"telegraph(?:s|ed|ing)|cabled",
        "diplomatic_contact",
    ),
    (
        r"built|build\w*|construct\w*|inaugurat\w*|commissioned|laid|upgrad\w*|paved|electrif\w*",
        "infrastructure",
    ),
    (r"jihadists?|militants?|insurgents?", "militant_presence"),
    (
        r"protest\w*|riot\w*|demonstrat\w*|rall(?:y|ied|ies)|detain\w*|detention|"
        r"arrest\w*|jail\w*|imprison\w*|kidnap\w*|abduct\w*|earthquakes?|quakes?|floods?|"
        r"flooded|flooding|collaps\w*|landslides?|avalanches?|burst|breach\w*|outbreak|epidemic|"
        r"infections|exploded|smuggl\w*|marched|marching|"
        # a government's own life: elections, a leader's fall, resignations, oaths, courts
        r"resign(?:s|ed|ing|ation|ations)?|elect(?:ed|ion|ions|oral)|re-?elect\w*|"
        r"referend\w*|plebiscites?|polls?|sworn|coups?|oust\w*|toppl\w*|overthr\w*|"
        r"depos(?:e|ed|es|ing)|abdicat\w*|annul\w*|upheld|"
        # captives and accidents: no fighting, no place taken
        r"hostages|captives?|custody|curfews?|typhoons?|cyclones?|hurricanes?|"
        r"tremors?|crash(?:ed|ing)|collid\w*|collisions?|drown\w*|assassinat\w*|"
        r"died|dies|perished|ruled",
        "other",
    ),
    (
        r"said|says|say|declared?|announc\w*|stated|warn\w*|promised|ordered|urged|told|"
        r"blamed|claimed|denied|accused|reported|complain\w*|pledged|vowed|condemn\w*|"
        r"criti[cs]i[sz]\w*|demand\w*|insist\w*|reject\w*|welcom\w*|statements?|"
        r"declarations?|communiqu\w*|approv\w*|confirm\w*|conced\w*|acknowledg\w*|restat\w*|"
        r"reiterat\w*|proclaim\w*|proclamations?|denounc\w*|repudiat\w*|renounc\w*|objected|"
        r"replied|admit(?:s|ted|ting)?|ultimat(?:um|ums|a)|remind(?:s|ed|ing)?",
        "statement",
    ),
)

_CUES = tuple((re.compile(rf"(?:{rx})$"), t) for rx, t in WORD_CUES)


def cue_of(word: str) -> str:
    """The event type one word suggests, or ''."""
    w = word.lower()
    return next((t for rx, t in _CUES if rx.match(w)), "")


OPEN = "crossing_reopened"
"""An open crossing: the vocabulary's type for a crossing whose state becomes 'open'."""

# What a verb acts on decides what happened: "closed the crossing" is a closure, "closed
# the road" is not one of a border crossing, "detained activists" no closure at all.
_NOUN_CLASSES: tuple[tuple[str, str], ...] = (
    ("abstract", r"thaw|chapters?|era|way|door|investigation|inquiry|case|debate|page|path|window"),
    (
        "diplomatic",
        r"diplomats?|ambassadors?|envoys?|commissioners?|consuls?|embass(?:y|ies)|"
        r"consulates?|missions?|relations|ties|talks|negotiations|dialogue|attach[eé]s?|"
        r"staff|protocols?|contacts|conferences?",
    ),
    (
        "union",
        r"unions?|leagues?|alliances?|organi[sz]ations?|blocs?|pacts?|treat(?:y|ies)|conventions?|"
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
        r"airliners?|planes?|flows?",
    ),
    (
        "people",
        r"people|persons|residents|villagers|civilians|families|traders|drivers|migrants?|"
        r"refugees|protesters|activists|opponents|journalists|students|workers|farmers|"
        r"shepherds|men|women|children|nationals|citizens|locals|travell?ers|"
        r"seekers|thousands|hundreds|dozens|tens|millions|scores|pedestrians|crowds?|others",
    ),
    ("contraband", r"drugs|heroin|opium|methamphetamine|weapons|arms|contraband|fuel|smugglers"),
    (
        "armed",
        r"troops|forces|soldiers|fighters|militants|army|armies|guards|units|tanks|cavalry|"
        r"police|militias?|insurgents|rebels|paratroop(?:er)?s|bombers|warplanes|gunships|battalions?|brigades?|divisions?|"
        r"regiments?|infantry|marines|commandos|garrisons?|detachments?|platoons?|contingents?|"
        r"peacekeepers?|warships?|frigates?|gunboats?|destroyers?|cruisers?|corvettes?|fleets?|"
        r"flotillas?|squadrons?|navy|navies|force|columns?|regulars|armou?r|formations|legion|"
        r"gendarmes|gendarmerie|guardsmen|peshmerga|sailors|battleships?|minesweepers?|horsemen|"
        r"cavalrymen|troopers|riflemen|hussars|lancers|dragoons|cossacks|sepoys|askaris|levies|"
        r"grenadiers|legionnaires|conscripts|corps|rear-?guards?|vanguards?|pickets",
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
    (
        "weapon",
        r"bombs?|mines?|devices?|ieds?|shells?|rockets?|missiles?|grenades?|drones?|guns|cannons?",
    ),
)

_CLASS_RX = tuple((name, re.compile(rf"(?:{rx})$")) for name, rx in _NOUN_CLASSES)


def class_of(word: str) -> str:
    """The kind of thing one lower-case noun names (see `_NOUN_CLASSES`), or ''."""
    return next((name for name, rx in _CLASS_RX if rx.match(word)), "")


IRREGULAR = re.compile(r"(?:fighters|militants|insurgents|rebels|militias?)$")
"""Armed men who are no state's forces: what they do is no deployment."""

CLOSURE_NOUNS = re.compile(
    r"(?:bans?|suspension|closures?|blockades?|restrictions|curbs|quarantine|lockdown|siege|"
    r"barriers?|barricades?|roadblocks?)$"
)

TOWN = re.compile(r"(?:city|cities|towns?|villages?|capital|port|airport|airbase)$")

STRONGHOLD = re.compile(r"(?:bases?|forts?|fortress(?:es)?|strongholds?|citadels?|outposts?)$")
"""Held like a town: "gave up their base", "the fort was lost", "held the fortress" (troops
moving into or out of their bases are no town taken or given up: `TOWN` alone there)."""

LAND = re.compile(
    r"(?:lands?|territor(?:y|ies)|ground|enclaves?|belt|strip|corridor|pockets?|salient|"
    r"bridgehead|foothold|heights|ridges?|hills|valleys?|areas?|districts?|provinces?|"
    r"regions?|islands?|islets?|reefs?|peninsula|duch(?:y|ies))$"
)
"""Ground a force holds or hands over without a town being named: "held a belt of land",
"the district was handed back", "has controlled the islands since 1972"."""

WH = ("that", "which", "who", "whom")

# "kept the crossing open", "stayed open", "remained open for trade", "open for trade",
# "trade through Milak resumed"
KEPT_OPEN = re.compile(
    r"\b(?:kept|keeps?|keeping|stay(?:ed|s)?|remain(?:ed|s)?|left|was|were|is|are)\b"
    r"[^.;:]{0,40}?(?<!\bthe\s)\bopen\b|\bopen\s+(?:for|to)\s+(?:trade|traffic|lorries|trucks|cargo)\b"
    r"|\bmoving\s+again\b|\bresumed\s+(?:trade|traffic)\b"
    r"|\b(?:trade|traffic|crossings|freight|exports|imports)\b[^.;:]{0,40}?\bresumed\b",
    re.IGNORECASE,
)

STILL_CLOSED = re.compile(
    r"\b(?:kept|stay(?:ed|s)?|remain(?:ed|s)?)\b[^.;:]{0,40}?\b(?:closed|shut|sealed)\b",
    re.IGNORECASE,
)

COMMENT = re.compile(
    r"(?:condemn\w*|criti[cs]i[sz]\w*|denied|deny|denies|reject\w*|blamed|accused|"
    r"complain\w*|warn\w*|urged|demand\w*|insist\w*|welcom\w*|call(?:s|ed|ing)?|"
    r"denounc\w*|repudiat\w*|renounc\w*|objected)$"
)
"""Statement verbs that judge an event rather than make it: "condemned the raid", "denied
that troops had crossed" are statements, unlike "announced a mobilisation"."""

AVOW = re.compile(
    r"(?:claim(?:s|ed|ing)?|confirm\w*|conced\w*|acknowledg\w*|admit(?:s|ted|ting)?)$"
)
"""Statement verbs that own up to an event after it: "claimed the raid", "confirmed the
attack", "conceded that dozens had been killed" are the claim, not the raid (dev keys type
them `statement`)."""

ORDER = re.compile(r"(?:order(?:s|ed|ing)?)$")
"""A statement verb whose object is an act: what "ordered" orders is what happened
("ordered the troops to attack", "ordered residents out")."""

MODALS = ("will", "would", "could", "can", "may", "might", "should", "must", "shall", "'ll")

# Verb forms by what they do; the words they act on say to what.
BREAK = re.compile(r"(?:br(?:oke|eak|eaks|eaking|oken))$")
SHUT = re.compile(r"(?:clos(?:e|ed|es|ing)|shut(?:s|ting)?|seal\w*|reclos\w*)$")
STOP = re.compile(
    r"(?:block(?:s|ed|ing)?|blockaded?|suspend\w*|halt\w*|stop(?:s|ped|ping)?|barr(?:ed|ing)|"
    r"bars?|bann?(?:ed|ing)|bans?|restrict\w*|tighten\w*|cut(?:s|ting)?|sever(?:s|ed|ing|ance)?|curb(?:s|ed)?|"
    r"limit(?:s|ed|ing)?|install\w*|impos\w*|introduc\w*)$"
)
OPEN_V = re.compile(
    r"(?:open(?:s|ed|ing)?|reopen\w*|unblock\w*|resum\w*|restor\w*|restart\w*|re-?establish\w*)$"
)
LIFT = re.compile(r"(?:lift\w*|eas(?:e|ed|es|ing)|relax\w*|scrap\w*|remov\w*|cancel\w*)$")
BUILD = re.compile(
    r"(?:link(?:s|ed|ing)?|connect\w*|join(?:s|ed|ing)?|extend\w*|reach(?:es|ed|ing)?|"
    r"complet\w*|launch\w*|finish\w*|open(?:s|ed|ing)?)$"
)
RELOCATE = re.compile(r"(?:evacuat\w*|expel\w*|deport\w*|withdr[ae]w\w*)$")
FLY = re.compile(r"(?:flew|fl(?:y|ies|ying|own)|drift\w*|hover\w*)$")
"""Moving through the air: over a country, or into its airspace, a flight (`other`)."""
MOVE = re.compile(
    r"(?:left|leav(?:e|es|ing)|(?:re-?)?cross(?:es|ed|ing)?|enter(?:s|ed|ing)?|pass(?:es|ed|ing)|dr[io]ve|driven|walk\w*|"
    r"travell?\w*|flew|fl(?:y|ies|ying|own)|arriv\w*|went|came|return\w*|headed|"
    r"mov(?:e|es|ed|ing)|flow(?:s|ed|ing)?|roll(?:s|ed|ing)?|reach(?:es|ed|ing)?|"
    r"land(?:s|ed|ing)?|advanc(?:e|es|ed|ing)|sail(?:s|ed|ing)?|steam(?:s|ed|ing)|rode|"
    r"rid(?:e|es|ing)|(?:dis)?embark(?:s|ed|ing)?)$"
)
ERGATIVE = re.compile(
    r"(?:clos(?:e|ed|es|ing)|shut(?:s|ting)?|reopen\w*|open(?:s|ed|ing)?|resum\w*|restart\w*|"
    r"stop(?:s|ped|ping)?|halt\w*|collaps\w*|burst|explod\w*)$"
)
ADMIT = re.compile(
    r"(?:allow(?:s|ed|ing)?|let(?:s|ting)?|permit\w*|admit\w*|refus\w*|denied|deny|denies)$"
)
PASSAGE = re.compile(r"(?:entry|passage|access|transit|crossing)$")
REPULSE = re.compile(
    r"(?:dr(?:ove|iven|ive|ives|iving)|thr(?:ew|own|ow|ows)|beat(?:en|s)?|hurl(?:ed|s)?|flung)$"
)
"""With "back" or "off" ("drove them back", "were thrown back", "beaten off"): an attack
repulsed, a fight."""
TRUCES = re.compile(r"(?:ceasefires?|truces?|armistices?|cease-fires?)$")
"""What is broken or violated when fire is exchanged again."""
DEFEAT = re.compile(
    r"(?:overwhelm(?:s|ed|ing)?|beat|beating|destroy(?:s|ed|ing)?|batter(?:s|ed|ing)?|"
    r"smash(?:es|ed|ing)?|shatter(?:s|ed|ing)?|annihilat\w*|check(?:s|ed)?|mauled?|savaged?|"
    r"scatter(?:s|ed|ing)?|dispers(?:e|es|ed|ing))$"
)
"""Verbs of a force beaten ("overwhelmed the column", "beat the Sultan's army", "the
brigades were destroyed one by one", "checked the column"): with an armed force acted
on, a fight, not the force's movement."""
BROKEN = re.compile(
    r"(?:lines?|ring|front|fronts|defen[cs]es|cordon|encirclement|siege|blockade|resistance|"
    r"fortress|fort|forts|posts?|positions?|outposts?|trenches)$"
)
"""What a force breaks, batters or overwhelms in a fight ("broke the line", "broke the ring
around the city", "battered the fortress")."""
SURROUND = re.compile(r"(?:surrounded|encircl(?:e|ed|es|ing))$")
"""Verbs of a siege: a town, a post or a force surrounded by a force was besieged."""
CATCH = re.compile(r"(?:caught|catch(?:es|ing)?|trap(?:s|ped|ping)?|pinned|pin(?:s|ning))$")
"""Verbs of a force caught by its enemy ("the brigade was caught before the trenches",
"caught the tanks in the open"): with an armed force caught, a fight."""
TRY = re.compile(r"(?:tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?|sought|seek(?:s|ing)?)$")
"""Verbs of an attempt: a town they "tried to seize" was attacked, not taken."""
CHIEFS = re.compile(r"(?:men|lives|generals?|commanders?|officers|crews?|sailors|airmen)$")
"""Men a force loses in a fight ("lost its general", "lost dozens of men")."""
SEIZE = re.compile(r"(?:seiz\w*|captur\w*|confiscat\w*|intercept\w*)$")
FIELD = re.compile(r"(?:(?:oil|gas)?fields?|wells?|deposits?|mines?)$")
AIR = re.compile(r"(?:flights?|airspace|air-?links?|air)$")
HOUSEHOLDS = re.compile(r"(?:families|civilians|residents|villagers|inhabitants|refugees)$")
"""People who leave a place only when driven from it; drivers or traders leave daily."""
FLED = re.compile(r"(?:fled|flee|flees|fleeing|routed)$")
"""An armed force's own flight ("soldiers, routed by the rebels, crossed"). Not "disarmed"
or "interned": dev keys type soldiers disarmed after crossing a deployment (a withdrawal)."""

GATHER = re.compile(
    r"(?:wait(?:s|ed|ing)?|queu\w*|mass(?:ed|ing)|gather\w*|crowd(?:s|ed|ing)|throng\w*|"
    r"stream(?:s|ed|ing)|pour(?:s|ed|ing)|flock\w*|camp(?:s|ed|ing)|trek\w*|swarm\w*|"
    r"surg(?:e|ed|es|ing)|converg\w*|assembl\w*|march(?:ed|es|ing)?|turn(?:s|ed|ing)?)$"
)
"""Verbs of people moving, gathering or waiting in numbers ("turned" only with "up"): a
movement of people when civilians do it, a deployment when state forces do."""

ROUTINE = re.compile(
    r"(?:drivers|traders|workers|truckers|hauliers|merchants|smugglers|journalists|"
    r"protesters|activists|students|farmers|shepherds)$"
)
"""People who travel, wait or gather for their work or a cause, not driven from home."""

FACILITY = re.compile(
    r"(?:depots?|warehouses?|plants?|factor(?:y|ies)|tankers?|tanks|stores?|dumps?|"
    r"pipelines?|stations?|refiner(?:y|ies)|boilers?|cylinders?)$"
)
"""Things that blow up by accident: an explosion there is no attack."""

BECAME = re.compile(r"(?:turn(?:s|ed)?|bec(?:a|o)mes?|proved?|grew|went)$")
"""Verbs that make a state the news: "the stand-off turned lethal"."""

AIRCRAFT = re.compile(r"(?:airliners?|aircraft|planes?|jets?|airlines?|flights?)$")
AIRBORNE = re.compile(
    r"(?:airliners?|aircraft|planes?|jets?|flights?|balloons?|drones?|helicopters?|airships?)$"
)
"""What flies: over a country, or into its airspace, a flight."""
DEALS = re.compile(r"(?:deals?|agreements?|bargains?|accords?|compromises?)$")
TAKE = re.compile(r"(?:t(?:ake|akes|aking|aken|ook))$")

HOLD = ("held", "hold", "holds", "holding")
"""The forms of "hold": a place held, a line held against a force."""
UNTAKEN = re.compile(
    r"(?:news|heat|steps?|measures?|action|decisions?|time|years?|months?|weeks?|days?|"
    r"hours?|view|stand|lead|shape|turns?|risks?|chances?|interest|pride|credit|"
    r"responsibility|advantage|notice|refuge|shelter|aim|root)$"
)
"""What is taken that is no place ("took the news hardest", "took steps", "took shelter")."""
DAYS = re.compile(r"(?:date|day|anniversary|holiday|festival|feast|deadline|election|vote)$")
"""A date that "fell" on a day ("the date fell two years to the day after"): no capture."""
URGE = re.compile(r"(?:call(?:s|ed|ing)?|urg(?:e|es|ed|ing)|authori[sz](?:e|es|ed|ing))$")
"""Verbs that call for or license an act without saying it happened ("called on Hanoi to
withdraw its troops", "authorised the army to strike"): the call is the event. Not
"asked" (a government asking another is diplomacy) nor "voted" (`VOTE`)."""
VOTE = re.compile(r"(?:vot(?:e|es|ed|ing))$")
"""A vote that decides an armed act ("voted to send troops", "voted to allow operations in
Syria"): the decision is the event, as troops promised are (KEY_GUIDE.md: `statement`), and the
troops moving when they move are the deployment. A vote to do anything else (to cut off funds,
to join another state) is read by what it does, as before."""
DECIDE = re.compile(
    r"(?:decid(?:e|es|ed|ing)|resolv(?:e|es|ed|ing)|offer(?:s|ed|ing)?|"
    r"plan(?:s|ned|ning)?|intend(?:s|ed|ing)?)$"
)
"""Verbs of a decision, an offer or a plan to act ("decided to send two divisions", "offered
to send 15,000 soldiers", "resolved to send troops"): like a vote (`VOTE`), the decision to
do an armed act is the event (KEY_GUIDE.md, troops promised: `statement`), not the act, which
has not happened on that date."""
FALL = re.compile(r"(?:f(?:all|alls|alling|allen|ell))$")
REQUEST = re.compile(
    r"(?:ask(?:s|ed|ing)?|appeal(?:s|ed|ing)?|request(?:s|ed|ing)?|plead(?:s|ed|ing)?|begg?(?:s|ed|ing)?)$"
)
"""Verbs of asking: asking another government for troops or help is an act between them."""
AID = re.compile(r"(?:help|aid|assistance|support|reinforcements|intervention|protection)$")
"""What one government asks another for, besides troops."""
ENTHRONE = re.compile(
    r"(?:proclaim(?:s|ed|ing)?|declar(?:e|es|ed|ing)|nam(?:e|es|ed|ing)|crown(?:s|ed|ing)?|"
    r"install(?:s|ed|ing)?|enthron(?:e|es|ed|ing))$"
)
"""Verbs that make someone a ruler: "proclaimed him khan", "declared himself head of state"."""

TITLES = re.compile(
    r"(?:kings?|queens?|emperors?|empress|tsar|czar|shahs?|sultans?|khans?|emirs?|amirs?|"
    r"caliphs?|(?:vice-)?presidents?|regents?|monarchs?|premiers?|dictators?|rulers?)$"
)
"""Titles of those who rule: one proclaimed, declared or named to one has taken or been given
power (`other`, as KEY_GUIDE types a coup or a succession), which no proclamation of a
state is."""

COURTS = re.compile(r"(?:courts?|tribunals?|judges?|justices|arbitrators?)$")
"""Who rules on a case: what a court or its judges say, reject or confirm is a ruling, which
KEY_GUIDE types `other` (a court or tribunal ruling on a boundary, 24 of 24 dev keys)."""

LEGISLATURES = re.compile(r"(?:congress|parliament|senate|assembly|house|legislature|duma|majlis)$")
"""Who a government asks at home: a request to its own legislature is a statement."""

RAZE = re.compile(
    r"(?:burn(?:s|ed|t|ing)?|torch(?:es|ed|ing)?|raz(?:e|es|ed|ing)|(?:ran)?sack(?:s|ed|ing)?|"
    r"loot(?:s|ed|ing)?|plunder(?:s|ed|ing)?|pillag(?:e|es|ed|ing)|destroy(?:s|ed|ing)?)$"
)
"""Verbs of a place laid waste: with homes, a village or an embassy burnt, torched, razed,
sacked, ransacked or looted, an attack on it ("burnt the village", "a crowd sacked the
embassy", "the embassy was ransacked")."""

DWELLINGS = re.compile(
    r"(?:villages?|towns?|city|homes?|houses?|huts?|quarters?|settlements?|camps?|"
    r"embass(?:y|ies)|consulates?|mosques?|churches|temples?|shops?|markets?|hamlets?|"
    r"compounds?|tents)$"
)
"""What is burnt or sacked in an attack: where people live, trade, pray or are posted."""

FORCED = re.compile(r"(?:forc(?:e|es|ed|ing))$")
"""With a crossing, a pass or a river as its object ("forced the pass", "forced a crossing
of the river"), a way won in a fight."""

SPOKEN = re.compile(
    r"(?:political|legal|diplomatic|verbal|rhetorical|bureaucratic|trade|price|tariff|"
    r"media|propaganda|court|courtroom|public|electoral|parliamentary)$"
)
"""What makes a fight, a battle or a war a figure of speech ("a political fight", "a legal
battle", "a trade war"): no armed violence."""

FIGHTING = re.compile(
    r"(?:fighting|hostilities|war|wars|clashes|shelling|firing|bombardment|combat|battles?)$"
)
"""Nouns of fighting itself (not of the men who fight): "the fighting stopped" is a truce."""

HALTS = re.compile(r"(?:stop\w*|halt\w*|end(?:s|ed|ing)?|ceas(?:e|ed|es|ing)|suspend\w*)$")
"""Verbs that bring something to an end: fighting ended is a ceasefire taking hold."""

ADVANCE = re.compile(
    r"(?:advances?|offensives?|assaults?|attacks?|push|thrusts?|invasion|pursuits?)$"
)
"""What an army does moving on its enemy: an advance halted by force was fought."""

DECREES = re.compile(
    r"(?:decrees?|abdication|laws?|bills?|edicts?|acts?|constitutions?|amendments?|codes?)$"
)
"""What a ruler signs at home: no agreement between governments (a law, an act of a
legislature, a constitution or an amendment to it, a code). Not the General or Final Act of
a conference of powers (`_a_decree`)."""

POWERS = re.compile(
    r"(?:powers?|rights?|sovereignty|authority|control|jurisdiction|restraint|vetos?|veto)$"
)
"""What is exercised that is no military exercise ("exercised its veto")."""

QUANTITY = re.compile(r"(?:thousands|hundreds|dozens|tens|millions|scores)$")

PARTITIVE = (
    "men", "company", "companies", "group", "groups", "party", "parties", "part", "bulk",
    "rest", "first", "last", "elements", "remnants", "body", "some", "most", "many", "all",
)  # fmt: skip
"""Words for a share of a body of men: "men of the Third Field Army" are that army's, an
armed force (`nouns.noun_class`), where "men" alone are people."""

GIVE = re.compile(r"(?:gave|give|gives|giving|given)$")
EXPLODE = re.compile(r"(?:explod\w*|struck|strikes?|hit|hits)$")

RECEIVE = re.compile(r"(?:receiv(?:e|es|ed|ing))$")
"""A leader or a government receiving another's leader, envoy or delegation meets them."""

PUT = re.compile(r"(?:puts?|putting)$")
"""With a figure ("put the toll at 138"): an estimate given, which is a statement."""

SIGNED_WITH = re.compile(r"(?:names?|signatures?|seals?)$")
"""What one puts to a document to sign it ("put their names to a treaty", "put his seal
to the convention"): the signing, not a seal that shuts anything."""

SIGNED = re.compile(r"(?:peace|truces?|ceasefires?|cease-fires?|contracts?|it|them)$")
"""What is signed between governments besides `PACTS`: a peace, a truce, a contract, or
the agreement named just before ("Kiir put his name to it nine days later")."""

POST = re.compile(
    r"(?:post(?:s|ed|ing)?|sen[dt]s?|sending|dispatch\w*|despatch\w*|based|land(?:s|ed|ing)?|"
    r"fl(?:y|ies|ying|ew|own)|ship(?:s|ped|ping)|airlift\w*|mov(?:e|es|ed|ing)|brought|bring\w*|"
    r"led|leads?|leading|rush(?:es|ed|ing)?)$"
)
"""Verbs that put someone somewhere: state forces posted, sent, based, landed, flown,
shipped, moved, brought or led there are a deployment ("peacekeepers, posted around the town",
"sent a battalion to the border", "landed marines on the island", "armour was moved up")."""

LOSE = re.compile(r"(?:los(?:e|es|t|ing))$")
"""A town or land lost has changed hands ("lost the province in 1864"); men or pressure
lost have not."""

PACTS = re.compile(
    r"(?:treat(?:y|ies)|armistices?|pacts?|conventions?|accords?|agreements?|deals?|"
    r"settlements?|protocols?)$"
)
"""Agreements: land a treaty hands to another is the treaty's act, dated by its signing
("the armistice signed on 19 September hands the district to X")."""

MADE_KNOWN = re.compile(r"(?:announc(?:e|es|ed|ing)|approv(?:e|es|ed|ing)|endors(?:e|es|ed|ing))$")
"""Verbs that make an agreement public or give it a government's assent: a deal, a truce or a
treaty announced, approved or endorsed is the agreement (KEY_GUIDE.md: "when the
announcement reports an act ... type the act"; agreements signed, ratified: a contact)."""

MADE_PACTS = re.compile(
    r"(?:treat(?:y|ies)|armistices?|pacts?|conventions?|accords?|agreements?|deals?|"
    r"settlement|protocols?|truces?|cease-?fires?|rapprochement|terms)$"
)
"""What is announced or approved as an agreement between governments (`MADE_KNOWN`): `PACTS`,
a truce, a rapprochement, or the terms of one ("its terms were announced"); not
"settlements", which are also villages."""

KILL_V = re.compile(
    r"(?:shot|shoots?|killed|kills?|hanged|murdered|poisoned|stabbed|executed|guillotined)$"
)
"""Verbs of putting a person to death: by a firing squad or after a sentence, an execution;
with "himself", a suicide. Both are a death (`other`), not a fight (dev keys: 10 of 10
executions, 5 of 5 suicides)."""

SENTENCED = re.compile(
    r"(?:condemn(?:ed)?|sentenced|convicted|courts?|court-martial\w*|tribunals?)$"
)
"""Words that make a killing an execution: the sentence, or the court that passed it."""

SELF = ("himself", "herself", "themselves")

HEIGHTS = re.compile(r"(?:hills?|heights|peaks?|ridges?|islands?|volcano(?:e?s)?|mountains?)$")
"""A height or an island set off beside a name ("the Annaberg, the pilgrimage hill"): stormed,
it was attacked, not a town taken."""

RISINGS = re.compile(
    r"(?:risings?|uprisings?|revolts?|rebellions?|mutin(?:y|ies)|insurrections?|coups?|"
    r"putsch(?:es)?|rioting|riots)$"
)
"""What is put down by force: a rising, a mutiny, a coup or rioting crushed is a fight
(dev keys: 6 of 8; a strike put down is the protest, `other`)."""

POLITICAL_EVENTS = re.compile(
    r"(?:elections?|referend(?:um|ums|a)|plebiscites?|polls?|run-?offs?|coups?|putsch(?:es)?)$"
)
"""Events of a state's own politics that a noun names, `other` (KEY_GUIDE.md: elections,
referendums, a coup): dated by the date that modifies the noun ("the coup of 25 May 1997",
"the election of 9 August")."""

FLAG = re.compile(r"(?:flags?|colou?rs|standards?|banners?)$")
"""What is raised over a place to mark it held ("raised its flag over the town")."""

PARTS = (
    "centre",
    "center",
    "part",
    "parts",
    "half",
    "outskirts",
    "rest",
    "third",
    "thirds",
    "quarter",
)
"""A share of a place or of land: "the town's centre", "the last third of the peninsula"."""

SPEAK = re.compile(r"(?:sp(?:eak|eaks|oke|oken|eaking)|talk(?:s|ed|ing)?)$")
"""With a leader or an envoy ("spoke to the Uzbek president", "talked with Rahmon"): a
contact between governments, like a call."""

DOMESTIC = re.compile(
    r"(?:cabinet|politburo|parliament|party|congress|senate|duma|majlis|jirga|knesset|"
    r"assembly|cabinets|parliaments)$"
)
"""One government's own bodies: their meetings are no contact between governments."""

DIE = re.compile(r"(?:died|dies|dying|perish\w*)$")
"""Deaths: `other` unless the clause names the fighting that killed ("died in a firefight")."""

FREE = re.compile(r"(?:freed|frees|freeing|releas(?:e|ed|es|ing))$")
"""Set free: captives freed are `other`; a video or a count "released" is not."""

CAPTIVE = re.compile(
    r"(?:captives?|hostages?|prisoners?|crews?|sailors|\w+m[ae]n|staff|consuls?|diplomats?|"
    r"geologists|engineers|tourists|monks|priests|nationals|citizens|workers)$"
)
"""People held or let go: seized, captured, taken captive or into custody, freed."""

POWER = re.compile(
    r"(?:power|government|presidency|throne|junta|helm|reins|premiership|office|leadership)$"
)
"""What a coup or a succession takes: "seized power", "took over the government"."""

DISMISS = re.compile(r"(?:dismiss(?:ed|es|ing)?|sack(?:ed|s|ing)?)$")
"""Turning out an official: "dismissed his prime minister" (not "dismissed talk of war")."""

RULE = re.compile(r"(?:ruled|rules)$")
"""A court or tribunal ruling ("the court ruled on 10 October"), not "ruled out"."""

GOVERN = re.compile(
    r"(?:rul(?:ed|es|ing)|govern(?:s|ed|ing)?|administer(?:s|ed|ing)?|annex(?:es|ed|ing)?)$"
)
"""Verbs of a state holding a land as its own ("Britain has ruled the country since 1891",
"the islands it has administered since 1833", "annexed the peninsula")."""

DOMAINS = re.compile(
    r"(?:country|countries|coast|coasts|colony|colonies|kingdom|khanate|emirate|"
    r"protectorate|mandate|state|states)$"
)
"""Lands a state rules that `LAND` and `TOWN` do not name: "ruled the coast", "the colony"."""

WATERWAYS = re.compile(
    r"(?:seas?|oceans?|straits?|gulfs?|bays?|channel|sound|narrows|waters|dardanelles|"
    r"bosp(?:h)?orus|pass|passes|gorge|defile)$"
)
"""Seas, straits and mountain passes: forces that enter or sail into one are on the move
through it, deployed, with no town taken ("the fleet entered the Black Sea", "the column
entered the Khyber Pass")."""

SEAWAYS = re.compile(
    r"(?:seas?|oceans?|straits?|gulfs?|channels?|narrows|dardanelles|bosp(?:h)?orus|canals?|"
    r"waterways?)$"
)
"""Ways by water, not by land: a canal, a strait or a sea shut or kept shut to ships is no
land crossing (KEY_GUIDE.md: "the crossing types are for land crossings", as flights and
airspace are `other`)."""

WARS = re.compile(r"(?:war|wars|fighting|hostilities|conflict|fray|battle|combat)$")
"""A war or a fight as a whole: a state or a force that enters or joins one fights in it."""

SKY = re.compile(r"(?:airspace|skies|sky)$")
"""The air over a country: what enters or crosses it is a flight, not a land crossing."""

DELIVER = re.compile(
    r"(?:deliver(?:s|ed|ing)?|hand(?:s|ed|ing)?|sen[dt]s?|sending|lodg(?:e|es|ed|ing)|"
    r"present(?:s|ed|ing)?)$"
)
"""Verbs that pass a paper from one government to another: a protest delivered, handed
over, sent or lodged is a note between them ("handed the envoy a note of protest")."""

TELL = re.compile(r"(?:t(?:ell|ells|elling|old)|address(?:es|ed|ing)?)$")
"""Verbs of speaking to an audience ("told a rally", "addressed the crowd")."""

BROADCAST = re.compile(r"(?:radio|wireless|television|tv|broadcasts?|address|speech)$")
"""How a leader speaks to his own nation ("told France by radio", "in a televised address")."""

HOSTS = re.compile(r"(?:hosts?|counterparts?)$")
"""Whom a visiting leader, or one receiving a visit, speaks with: the other government."""

WRITE = re.compile(
    r"(?:wr(?:ote|ites?|iting|itten)|telegraph(?:s|ed|ing)?|cabled|wired|"
    r"inform(?:s|ed|ing)?|notif(?:y|ies|ied|ying))$"
)
"""Verbs of words sent at a distance ("wrote to Kennedy", "telegraphed Kruger", "informed the
government in Paris"): to another government, a contact between them, like a note."""

WRITINGS = re.compile(r"(?:notes?|memorand(?:um|a|ums)|messages?|letters?|telegrams?)$")
"""What one government sends another ("sent Stockholm a note", "handed the envoy a message")."""

PRIVATE = re.compile(
    r"(?:famil(?:y|ies)|relatives|survivors|victims|mourners|elders|villagers|residents|"
    r"refugees|students|workers|farmers|protesters|activists|journalists|people|peoples|"
    r"civilians|citizens|locals|communit(?:y|ies)|congregations?|pilgrims|believers|faithful)$"
)
"""People who are no government: a leader meeting them has no contact between governments."""

RALLY = re.compile(r"(?:rall(?:y|ies)|crowds?|gatherings?|supporters|audiences?)$")
"""Those a leader speaks to at home: a speech to a rally is what was said, not the rally."""
PUBLIC = re.compile(
    r"(?:reporters|journalists|newsmen|correspondents|press|conferences?|nation|country|"
    r"parliament|television|radio)$"
)
"""The press and the public: what a leader told reporters, a press conference, parliament or
the nation ("told reporters that the group had carried out the attacks") is his statement, as
a speech to a rally is; the act he reports is keyed where the text dates it."""
AUDIENCE = re.compile(f"{RALLY.pattern}|{PUBLIC.pattern}")
"""Those a leader speaks to (`RALLY`, `PUBLIC`)."""

PAPERS = re.compile(r"(?:work|activit(?:y|ies)|operations?|functioning)$")
"""What a body does: "suspended the work of its embassy" is done to the embassy."""

ULTIMATUM = re.compile(r"(?:ultimat(?:um|ums|a)|demands)$")
"""What one government puts to another to comply with or else: delivered, handed, read or
sent, the demand is what happened (`statement`), not a contact between them."""

CALL_OFF = re.compile(
    r"(?:cancel\w*|postpon\w*|defer(?:s|red|ring)?|shelv\w*|scrap\w*|"
    r"brush(?:es|ed|ing)?|call(?:s|ed|ing)?|put(?:s|ting)?|block(?:s|ed|ing)?)$"
)
"""Verbs that undo or refuse a contact between governments ("called off the visit", "put
off the trip", "brushed aside a ceasefire", "blocked the talks"): one side's decision, a
statement. "call", "put" and "brush" only with "off" or "aside" (`senses._UNDONE_WITH`)."""

RULINGS = re.compile(r"(?:rulings?|judg(?:e)?ments?|verdicts?|awards?|decisions?)$")
"""What a court or an arbiter hands down: a government accepting it says so (`statement`)."""

BODIES = re.compile(
    r"(?:council|commission|assembly|committee|diet|congress|conference|parliament|senate|"
    r"cabinet|jirga|majlis|duma|knesset|politburo|convention|board)$"
)
"""A body of members that meets and speaks with one voice: "the Security Council met and
urged restraint" is what it said, not a meeting between governments."""

CALL_WAYS = re.compile(r"(?:telephone|phone|call|calls|video|videolink|link)$")
"""How leaders speak to one another at a distance: told "by telephone", "in a call"."""

PREMISES = re.compile(
    r"(?:pits?|mines?|fisher(?:y|ies)|production|offices?|schools?|universit(?:y|ies)|shops?|"
    r"businesses|factor(?:y|ies)|banks?|mosques?|churches|newspapers?|channels?|websites?|"
    r"courts?|parliament|markets?|refiner(?:y|ies)|wells?)$"
)
"""What is shut that is no crossing ("shut the pit", "closed its fishery", "ordered offices
closed"): a closure of another kind, `other`."""

TRADE = re.compile(r"(?:exports?|imports?|trade|sales|purchases|shipments|deliveries)$")
"""Trade that a government may stop by decree, away from any crossing."""

BARRIERS = re.compile(r"(?:barriers?|barricades?|roadblocks?|blocks|boulders|bollards)$")
"""What is put across a road or a crossing to shut it."""

PLACE_V = re.compile(
    r"(?:plac(?:e|ed|es|ing)|put|puts|putting|erect\w*|set|sets|setting|install\w*|"
    r"dump(?:s|ed|ing)?|rais(?:e|ed|es|ing))$"
)
"""Verbs of putting something somewhere: barriers put across a crossing shut it."""


CRASH = re.compile(r"(?:crash(?:ed|es)?|collid(?:e|ed|es))$")
"""Verbs of an accident to a vehicle: an aircraft that crashed, two ships that collided."""

ANCHOR = re.compile(r"(?:anchor(?:s|ed|ing)?|moor(?:s|ed|ing)?)$")
"""A ship coming to rest: "anchored off the port", "moored in the harbour"."""
NAVAL = re.compile(
    r"(?:carriers?|sloops?|transports|troopships?|submarines?|ironclads?|monitors|"
    r"men-of-war|man-of-war)$"
)
"""Ships of war that `class_of` does not call armed: "the commando carrier Bulwark"."""

GIVEN_BACK = re.compile(
    r"(?:hand(?:s|ed|ing)?|exchang(?:e|es|ed|ing)|swap(?:s|ped|ping)?|repatriat\w*|"
    r"return(?:s|ed|ing)?)$"
)
"""Verbs of people held being given back: handed over, exchanged, swapped, repatriated."""
PRISONERS = re.compile(
    r"(?:captives?|hostages?|prisoners?|detainees?|internees?|pows|bod(?:y|ies)|remains)$"
)
"""People held, or the dead, given back: captives, hostages, prisoners, bodies."""

WRECKED = re.compile(r"(?:capsiz\w*|sank|sink(?:s|ing)?|overturn\w*|founder(?:s|ed|ing)?)$")
"""Verbs of a vessel lost by itself: capsized, sank, overturned, foundered."""
VESSEL = re.compile(
    r"(?:boats?|ships?|vessels?|ferr(?:y|ies)|dinghy|dinghies|rafts?|trawlers?|dhows?|"
    r"barges?|canoes?|launch(?:es)?|craft|cutters?|steamers?)$"
)
"""Vessels that can be lost by themselves ("capsized", "sank")."""

ROADS = re.compile(r"(?:roads?|highways?|motorways?|tracks?)$")
"""Roads that may lead to the border: shut on their way to it, a crossing is shut."""
RAILS = re.compile(r"(?:railways?|railroads?|rail|lines?|links?)$")
"""Railways that may lead to the border: a railway, or a line or link of one ("the rail
link", "the railway line"), shut on its way to the border shuts a way across it, as a road
does."""
RAIL_WORDS = re.compile(r"(?:railways?|railroads?|rail|train|trains)$")
"""What makes a line or a link a railway ("the rail link", "the railway line", "the train
line"), not a telephone, power or front line."""
THE_LINE = re.compile(r"(?:crossings?|borders?|frontiers?)$")
"""What a road leads to, or crosses, when it is a border road (`senses._road_to_the_border`)."""
