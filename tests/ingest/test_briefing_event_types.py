"""What a briefing says happened at a place: the event type of each candidate.

The type comes from the clause that holds the candidate's date, and from what its verb
acts on: a crossing closed is a closure, people detained are not, a railway opened is
new infrastructure, diplomats evacuated are diplomacy. Every sentence here was written
for its test; none appears in the evaluation set or the seeds.
"""

from __future__ import annotations

import datetime as dt

import pytest
from briefing_rows import rows_published

from borderwatch.ingest import nlp, typemodel
from borderwatch.ingest.cuewords import class_of, cue_of
from borderwatch.ingest.eventtype import TypeCue

PUBLISHED = dt.date(2021, 5, 20)
rows = rows_published(PUBLISHED)


def type_at(text: str, place: str) -> list[str]:
    """The event types proposed at `place` for the dated candidates of `text`."""
    df = rows(text)
    return df[(df["place"] == place) & (df["date_start"] != "")]["event_type"].tolist()


def clause_rule_at(text: str, date: str) -> TypeCue:
    """The rules' reading of the clause holding the date expression `date` in `text`."""
    begin = text.index(date)
    return typemodel.clause_rule(nlp.parse(text), begin, begin + len(date))


def assert_rules_read(expected: str, date: str, *texts: str) -> None:
    """The rules read the clause holding `date` in every one of `texts` as `expected`."""
    for text in texts:
        assert clause_rule_at(text, date).event_type == expected, text


def assert_types(cases: dict[tuple[str, str], str]) -> None:
    for (text, place), expected in cases.items():
        assert type_at(text, place) == [expected], text


def broken_by_retrained_encoder(reading: str) -> pytest.MarkDecorator:
    """A strict expected failure for a reading the encoder retrained in the 51st round breaks:
    `reading` says what it reads and how the mean overrules."""
    return pytest.mark.xfail(
        strict=True,
        reason="regressed with the encoder retrained in the 51st round (1611 briefings, "
        "without heldout_cg/ch): " + reading,
    )


def test_what_was_shut_or_stopped_decides_whether_a_crossing_closed():
    assert_types(
        {
            ("Guards sealed the crossing at Hairatan on 3 May.", "Hairatan"): "crossing_closed",
            ("Uzbekistan halted rail passengers at Termez on 3 May.", "Termez"): (
                "crossing_closed"
            ),
            ("Customs tightened checks at Panji Poyon on 3 May.", "Panji Poyon"): (
                "crossing_closed"
            ),
            # People held, a road and a trade stopped: no border crossing closed.
            ("Police detained six traders at Hairatan on 3 May.", "Hairatan"): "other",
            ("The authorities shut the road to Termez on 3 May.", "Termez"): "other",
            ("Tajikistan stopped its coal sales at Panji Poyon on 3 May.", "Panji Poyon"): (
                "other"
            ),
        }
    )


def test_a_road_shut_on_its_way_to_the_border_is_a_crossing_closed():
    # KEY_GUIDE.md: a "cross-border road shut" is a crossing closed; a road to a town, or one
    # that runs along the border, is an inland road (`other`)
    assert_types(
        {
            ("Protesters blocked the approach road to Hairatan on 3 May.", "Hairatan"): (
                "crossing_closed"
            ),
            ("Protesters blocked the road to the crossing at Hairatan on 3 May.", "Hairatan"): (
                "crossing_closed"
            ),
            ("On 3 May the road east to Hairatan and the Uzbek frontier was cut.", "Hairatan"): (
                "crossing_closed"
            ),
            ("On 3 May police closed the side roads across the line near Termez.", "Termez"): (
                "crossing_closed"
            ),
            ("On 3 May rebels cut the old road from Termez to Afghanistan.", "Termez"): (
                "crossing_closed"
            ),
            ("The authorities shut the road to Termez on 3 May.", "Termez"): "other",
            ("Guards closed the road along the border near Termez on 3 May.", "Termez"): "other",
        }
    )


def test_a_railway_shut_on_its_way_to_the_border_is_a_crossing_closed_as_a_road_is():
    # Forty-eighth round: a railway, a rail link or a line of one shut on its way to another
    # country, across the border or between two countries is a way across the border shut, as
    # a road is; trains or a service stopped between places already were. A railway to a town,
    # and a telephone line, stay `other`.
    assert_types(
        {
            ("On 3 May Uzbekistan shut the rail link to Afghanistan at Termez.", "Termez"): (
                "crossing_closed"
            ),
            ("On 3 May Uzbekistan closed the railway across the border at Termez.", "Termez"): (
                "crossing_closed"
            ),
            ("On 3 May the railway line from Termez to Afghanistan was cut.", "Termez"): (
                "crossing_closed"
            ),
            ("On 3 May train services between Termez and Hairatan were suspended.", "Termez"): (
                "crossing_closed"
            ),
            ("Trains stopped running between Termez and Hairatan on 3 May.", "Hairatan"): (
                "crossing_closed"
            ),
            ("On 3 May the railway line to Samarkand was shut at Termez.", "Termez"): "other",
            ("On 3 May the telephone lines to Afghanistan were cut at Termez.", "Termez"): (
                "other"
            ),
        }
    )


def test_what_was_opened_or_resumed_decides_between_a_reopening_a_new_line_and_diplomacy():
    assert_types(
        {
            ("Uzbekistan lifted its ban on travel through Hairatan on 4 May.", "Hairatan"): (
                "crossing_reopened"
            ),
            ("A new pipeline to Termez opened on 4 May.", "Termez"): "infrastructure",
            ("Uzbekistan opened a consulate in Hairatan on 4 May.", "Hairatan"): (
                "diplomatic_contact"
            ),
            ("Fighting resumed near Panji Poyon on 4 May.", "Panji Poyon"): "clash",
            # A figure of speech opens nothing at the place: the talks are what happened.
            ("The talks at Termez on 4 May opened a new chapter.", "Termez"): (
                "diplomatic_contact"
            ),
        }
    )


def test_who_moved_decides_between_traffic_refugees_and_a_visit():
    assert_types(
        {
            (
                "Aid lorries crossed at Hairatan on 5 May for the first time in a year.",
                "Hairatan",
            ): ("crossing_reopened"),
            ("Hundreds of Afghans crossed into Termez on 5 May.", "Termez"): "refugee_movement",
            ("The Uzbek foreign minister flew to Moscow on 5 May.", "Moscow"): (
                "diplomatic_contact"
            ),
            ("Tajikistan evacuated villagers from Panji Poyon on 5 May.", "Panji Poyon"): (
                "refugee_movement"
            ),
            ("Uzbekistan evacuated its consular staff from Hairatan on 5 May.", "Hairatan"): (
                "diplomatic_contact"
            ),
            ("Uzbekistan expelled the Afghan consul from Termez on 5 May.", "Termez"): (
                "diplomatic_contact"
            ),
        }
    )


def test_armed_men_who_storm_cross_or_open_a_front_are_fighting_or_moving():
    assert_types(
        {
            ("Commandos stormed Hairatan on 7 May.", "Hairatan"): "clash",
            ("Gunmen stormed the border post at Hairatan on 7 May.", "Hairatan"): "clash",
            # Fighters who cross are a force on the move, not refugees.
            ("Taliban fighters crossed the border near Panji Poyon on 7 May.", "Panji Poyon"): (
                "military_deployment"
            ),
            ("Guerrillas opened a second front near Panji Poyon on 7 May.", "Panji Poyon"): (
                "clash"
            ),
            # A fleet is ships, not people fleeing.
            (
                "The Amu Darya flotilla and its fleet of patrol boats reached Termez on 7 May.",
                "Termez",
            ): "military_deployment",
        }
    )


def test_soldiers_who_cross_fleeing_a_defeat_are_people_fleeing():
    assert_types(
        {
            # The other side took ground as they crossed: a rout, not a force sent.
            (
                "Some 800 Afghan border guards crossed into Uzbekistan on 9 August as the "
                "insurgents captured Khulm.",
                "Uzbekistan",
            ): "refugee_movement",
            (
                "Some 800 government soldiers, routed at Khulm, crossed into Uzbekistan "
                "on 9 August.",
                "Uzbekistan",
            ): "refugee_movement",
            (
                "Soldiers and their families crossed into Uzbekistan on 9 August.",
                "Uzbekistan",
            ): "refugee_movement",
            (
                "Soldiers of the garrison crossed the bridge into Uzbekistan on 9 August. "
                "The district chief fled with them.",
                "Uzbekistan",
            ): "refugee_movement",
            # An army that crosses to fight, even after an attack on it, is deployed.
            (
                "Uzbek troops crossed into Afghanistan on 9 August after gunmen attacked a post.",
                "Afghanistan",
            ): "military_deployment",
        }
    )


def test_lines_joined_blocs_joined_and_dams_that_gave_way():
    assert_types(
        {
            ("The railway from Termez was linked to the Afghan network in 2011.", "Termez"): (
                "infrastructure"
            ),
            ("Uzbekistan joined the Shanghai Cooperation Organisation in 2001.", "Uzbekistan"): (
                "diplomatic_contact"
            ),
            ("On 6 May a dam above Panji Poyon gave way after heavy rain.", "Panji Poyon"): (
                "other"
            ),
            ("An earthquake struck Termez on 6 May.", "Termez"): "other",
        }
    )


def test_the_clause_holding_the_date_types_the_dated_event():
    text = (
        "Uzbek troops held drills near Termez on 2 May, and Tashkent decided on 9 May "
        "to open a consulate at Hairatan."
    )
    assert type_at(text, "Termez") == ["military_exercise"]
    assert type_at(text, "Hairatan") == ["diplomatic_contact"]
    # An agreement to build is the agreement; its building comes later.
    text = "The three envoys signed a plan to build a bridge at Panji Poyon on 7 May."
    assert type_at(text, "Panji Poyon") == ["diplomatic_contact"]


def test_a_statement_of_what_happened_is_the_happening_a_figure_or_a_forecast_is_a_statement():
    text = "Tajik officials announced on 7 May that units at Panji Poyon had begun withdrawing."
    assert type_at(text, "Panji Poyon") == ["military_deployment"]
    text = "Uzbek officials reported on 8 May that 300 lorries had crossed at Hairatan."
    assert type_at(text, "Hairatan") == ["statement"]
    text = "Tajik officials said on 8 May that the crossing at Panji Poyon would reopen."
    assert type_at(text, "Panji Poyon") == ["statement"]


def test_a_dated_clause_with_no_event_word_is_typed_by_the_learned_model_with_its_reasons():
    text = "Foreign ministers sat down at Hairatan on 9 May."
    df = rows(text)
    assert df[["place", "event_type"]].values.tolist() == [["Hairatan", "diplomatic_contact"]]
    cue = df["evidence_type_cue"].iloc[0]
    # The cue says which model spoke and its probability: the mean of the encoder and the
    # logistic model ("mean 0.58"), or the logistic model alone with its reasons.
    by, _, rest = cue.partition(" ")
    assert by in ("mean", "model")
    probability = float(rest.split(":")[0])
    assert rest.startswith(f"{probability:.2f}")
    if by == "model":
        # The reasons are the strongest features of the date's own clause, whichever they are.
        begin = text.index("on 9 May")
        clause = typemodel.features(nlp.parse(text), begin, begin + len("on 9 May"))
        reasons = rest.split(": ", 1)[1].split(", ")
        assert reasons and set(reasons) <= set(clause)
    assert float(df["candidate_confidence"].iloc[0]) == probability  # curated place, day given


def test_a_dated_clause_the_model_is_unsure_of_is_other_and_trusted_little():
    df = rows("Andkhoi has been quiet since May.")
    assert df[["place", "event_type", "evidence_type_cue"]].values.tolist() == [
        ["Andkhoy", "other", "no event word in the dated clause"]
    ]
    assert float(df["candidate_confidence"].iloc[0]) <= 0.3
    # State forces at work are a deployment, whatever the verb.
    assert type_at("Uzbek border guards patrolled the river at Termez on 9 May.", "Termez") == [
        "military_deployment"
    ]


def test_goods_seized_are_no_territory_taken():
    assert type_at("Customs seized heroin at Hairatan on 6 May.", "Hairatan") == ["other"]
    assert type_at("Fighters seized Hairatan on 6 May.", "Hairatan") == ["territorial_control"]


def test_a_war_in_the_background_is_not_what_the_forces_did():
    text = "Tajik border guards watched the river at Panji Poyon from 2001 to 2005, through a war."
    assert type_at(text, "Panji Poyon") == ["military_deployment"]


def test_a_crossing_that_remained_shut_is_closed_and_said_so():
    df = rows("The Hairatan crossing remained shut on 7 May.")
    assert df[["event_type", "evidence_type_cue"]].values.tolist() == [
        ["crossing_closed", "remained shut"]
    ]


def test_judging_an_event_is_a_statement_announcing_one_is_the_event():
    text = "Kabul condemned the raid near Termez on 8 May."
    assert type_at(text, "Termez") == ["statement"]
    text = "Termez welcomed this week's decision to open the bridge."
    assert type_at(text, "Termez") == ["statement"]
    text = "Tashkent announced a mobilisation of reservists at Termez on 8 May."
    assert type_at(text, "Termez") == ["military_deployment"]


def test_the_words_analysts_use_for_each_type():
    assert_types(
        {
            ("Two guards were wounded near Termez on 8 May.", "Termez"): "clash",
            ("Fifty families sought asylum in Termez on 8 May.", "Termez"): "refugee_movement",
            ("Termez hosted the foreign ministers on 8 May.", "Termez"): "diplomatic_contact",
            ("The road to Termez was upgraded in 2019.", "Termez"): "infrastructure",
            ("Government troops liberated Panji Poyon on 8 May.", "Panji Poyon"): (
                "territorial_control"
            ),
            ("Floods reached Panji Poyon on 8 May.", "Panji Poyon"): "other",
            ("Tashkent summoned the Afghan envoy in Termez on 8 May.", "Termez"): (
                "diplomatic_contact"
            ),
        }
    )


def test_shut_is_a_closure_and_a_shuttle_is_not():
    assert [cue_of(w) for w in ("shut", "shuts", "shutting", "shutdown")] == ["crossing_closed"] * 4
    assert cue_of("shuttled") != "crossing_closed"


def test_warships_are_a_deployment_and_a_battle_is_a_clash():
    ships = ("warship", "frigates", "gunboat", "battleship", "battlecruisers", "flotilla")
    assert [cue_of(w) for w in ships] == ["military_deployment"] * len(ships)
    assert [cue_of(w) for w in ("battle", "battles", "battlefield")] == ["clash"] * 3
    assert cue_of("battlegroup") != "clash"


def test_columns_regulars_and_ships_are_armed_forces():
    assert [class_of(w) for w in ("column", "regulars", "armour", "gendarmes", "frigates")] == [
        "armed"
    ] * 5


def test_forces_that_land_advance_sail_or_are_moved_up_are_a_deployment():
    assert_types(
        {
            ("Uzbek gendarmes advanced into Termez on 3 May.", "Termez"): "military_deployment",
            ("A company of marines landed at Termez on 3 May.", "Termez"): "military_deployment",
            ("Uzbek armour was moved up to Hairatan on 3 May.", "Hairatan"): (
                "military_deployment"
            ),
            ("Two frigates sailed from Termez on 3 May.", "Termez"): "military_deployment",
        }
    )


def test_crossing_alone_is_no_flight_of_people_who_crossed_decides():
    assert cue_of("crossed") == ""
    assert [class_of(w) for w in ("corps", "others")] == ["armed", "people"]
    assert_types(
        {
            ("A corps of the Uzbek army crossed the river at Hairatan on 3 May.", "Hairatan"): (
                "military_deployment"
            ),
            ("Others have crossed into Uzbekistan at Termez since 3 May.", "Termez"): (
                "refugee_movement"
            ),
        }
    )


def test_a_garrison_pulling_out_gives_its_town_up_and_riders_into_a_town_take_it():
    assert_types(
        {
            ("On 3 May the garrison of Termez pulled out towards the river.", "Termez"): (
                "territorial_control"
            ),
            ("On 3 May a cavalry detachment rode into Hairatan unopposed.", "Hairatan"): (
                "territorial_control"
            ),
            # troops pulling out, with no town of their own named, are a withdrawal
            ("Uzbek troops pulled out of Termez on 3 May.", "Termez"): "military_deployment",
        }
    )


def test_men_of_an_army_are_an_armed_force_and_not_people():
    text = "Several thousand men of the Uzbek army crossed the river at Hairatan on 3 May."
    assert type_at(text, "Hairatan") == ["military_deployment"]


def test_words_inside_a_name_are_no_event_words():
    text = "Kazakhstan chairs the Organization for Security and Co-operation in Europe this year."
    df = rows(text)
    cues = df[(df["place"] == "Kazakhstan") & (df["date_start"] != "")]["evidence_type_cue"]
    # No rule reads "Co-operation" as an event; the learned model may still guess (and
    # says so), where the rules find nothing at all.
    assert len(cues) == 1
    assert cues.iloc[0] == "no event word in the dated clause" or cues.iloc[0].startswith(
        ("model ", "mean ")
    )


def test_travellers_turned_back_at_a_crossing_mean_it_is_closed():
    text = "Tajik guards turned back Afghan traders at Panji Poyon on 9 May."
    assert type_at(text, "Panji Poyon") == ["crossing_closed"]


def test_traffic_let_through_is_open_entry_refused_is_closed():
    assert type_at("Uzbekistan allowed lorries through Hairatan on 9 May.", "Hairatan") == [
        "crossing_reopened"
    ]
    assert type_at("Guards at Hairatan refused entry to travellers on 9 May.", "Hairatan") == [
        "crossing_closed"
    ]
    assert type_at("Guards at Termez denied passage to Afghan traders on 9 May.", "Termez") == [
        "crossing_closed"
    ]


def test_a_rail_crossing_opened_is_new_infrastructure_whatever_name_stands_beside_it():
    text = "The rail crossing at Hairatan (Hayratan), on the line to Mazar, opened in 2011."
    assert type_at(text, "Hairatan") == ["infrastructure"]


# One sentence of each kind an analyst writes, for every type.
ANALYST_WORDING: tuple[tuple[str, str, str], ...] = (
    (
        "The closure of Hairatan on 3 May stranded hundreds of lorries.",
        "Hairatan",
        "crossing_closed",
    ),
    ("Uzbekistan kept Hairatan shut to pedestrians on 3 May.", "Hairatan", "crossing_closed"),
    ("Traffic at Hairatan was suspended on 3 May after a shooting.", "Hairatan", "crossing_closed"),
    ("Kazakh guards sealed off the frontier near Termez on 3 May.", "Termez", "crossing_closed"),
    ("Trucks began moving through Hairatan again on 4 May.", "Hairatan", "crossing_reopened"),
    ("Hairatan reopened to trade on 4 May.", "Hairatan", "crossing_reopened"),
    ("Uzbekistan eased restrictions at Termez on 4 May.", "Termez", "crossing_reopened"),
    ("Rail freight through Termez restarted on 4 May.", "Termez", "crossing_reopened"),
    (
        "Taliban fighters took control of Sher Khan Bandar on 5 May.",
        "Sher Khan Bandar",
        "territorial_control",
    ),
    ("Government forces retook Panji Poyon on 5 May.", "Panji Poyon", "territorial_control"),
    ("Guards exchanged fire with smugglers near Termez on 5 May.", "Termez", "clash"),
    ("A roadside bomb exploded near Hairatan on 5 May, killing two.", "Hairatan", "clash"),
    ("Two soldiers died in a firefight near Panji Poyon on 5 May.", "Panji Poyon", "clash"),
    ("Mortar shells landed in Termez on 5 May.", "Termez", "clash"),
    (
        "Tajikistan sent 20,000 reservists to Panji Poyon on 6 May.",
        "Panji Poyon",
        "military_deployment",
    ),
    ("Russia moved tanks to Termez on 6 May.", "Termez", "military_deployment"),
    ("Uzbek troops pulled out of Hairatan on 6 May.", "Hairatan", "military_deployment"),
    (
        "Uzbek and Russian units held joint exercises at Termez on 7 May.",
        "Termez",
        "military_exercise",
    ),
    ("Troops rehearsed a river crossing near Termez on 7 May.", "Termez", "military_exercise"),
    (
        "About 3,000 Afghans fled across the river to Panji Poyon on 8 May.",
        "Panji Poyon",
        "refugee_movement",
    ),
    ("Families displaced by the fighting reached Termez on 8 May.", "Termez", "refugee_movement"),
    ("Pakistan deported 500 Afghans through Hairatan on 8 May.", "Hairatan", "refugee_movement"),
    ("Afghan soldiers sought refuge in Termez on 8 May.", "Termez", "refugee_movement"),
    ("The two foreign ministers held talks in Termez on 9 May.", "Termez", "diplomatic_contact"),
    ("A Taliban delegation arrived in Moscow on 9 May.", "Moscow", "diplomatic_contact"),
    (
        "Tashkent and Kabul signed a transit deal in Termez on 9 May.",
        "Termez",
        "diplomatic_contact",
    ),
    ("Uzbekistan recognised the new government in Kabul on 9 May.", "Kabul", "diplomatic_contact"),
    (
        "The Uzbek president received the Afghan envoy in Termez on 9 May.",
        "Termez",
        "diplomatic_contact",
    ),
    ("Kabul said on 10 May that it would not close Hairatan.", "Hairatan", "statement"),
    ("Tashkent warned on 10 May that it would shut Termez.", "Termez", "statement"),
    ("A spokesman denied on 10 May that troops had entered Hairatan.", "Hairatan", "statement"),
    ("Tajikistan threatened on 11 May to close Panji Poyon.", "Panji Poyon", "crossing_threatened"),
    ("A new rail line to Termez was completed on 12 May.", "Termez", "infrastructure"),
    ("Engineers finished a power line from Termez to Kabul on 12 May.", "Termez", "infrastructure"),
    ("Islamic State militants were active near Termez on 13 May.", "Termez", "militant_presence"),
    ("Militants set up camps near Panji Poyon on 13 May.", "Panji Poyon", "militant_presence"),
    ("Police arrested twelve smugglers at Hairatan on 14 May.", "Hairatan", "other"),
    ("Traders in Termez protested against new duties on 14 May.", "Termez", "other"),
    ("Heavy snow blocked the road near Panji Poyon on 14 May.", "Panji Poyon", "other"),
    ("Uzbekistan cut electricity supplies to Hairatan on 14 May.", "Hairatan", "other"),
)


def test_each_type_as_analysts_word_it():
    wrong = [
        (text, type_at(text, place))
        for text, place, expected in ANALYST_WORDING
        if type_at(text, place) != [expected]
    ]
    assert wrong == []


def test_travellers_not_let_through_mean_a_closed_crossing():
    text = "Uzbek guards did not let travellers through Hairatan on 9 May."
    assert type_at(text, "Hairatan") == ["crossing_closed"]


@pytest.mark.xfail(
    strict=True,
    reason="regressed when the model was retrained with heldout_bi/bj in dev (39th round): the "
    "encoder reads the convoy as troops (0.42) and the mean (military_deployment 0.2505) "
    "overrules the rules' 'convoy reached' from WEIGHED (0.25); pinning traffic that crossed "
    "or reached a place lost 12 dev types of 2035 in the 243 texts with such a sentence",
)
def test_an_aid_convoy_reaching_a_crossing_means_it_is_open():
    assert type_at("A convoy of aid reached Hairatan on 3 May.", "Hairatan") == [
        "crossing_reopened"
    ]


def test_the_day_counted_back_to_is_typed_by_what_after_names():
    text = "On 3 May, two days after the ceasefire, guards at Termez opened fire."
    df = rows(text)
    got = df[df["place"] == "Termez"][["date_start", "event_type"]].values.tolist()
    assert sorted(got) == [["2021-05-01", "diplomatic_contact"], ["2021-05-03", "clash"]]


def test_borders_that_meet_hold_no_meeting():
    text = "Near Termez, where the borders of three states meet, traders waited on 3 May."
    assert type_at(text, "Termez") == ["other"]
    text = "The two envoys met in Termez on 3 May."
    assert type_at(text, "Termez") == ["diplomatic_contact"]


def test_gunmen_stopping_buses_is_an_attack_not_a_closure():
    text = "Gunmen stopped two buses near Termez on 18 April and shot six passengers."
    assert type_at(text, "Termez") == ["clash"]


def test_relations_broken_off_are_diplomacy_whatever_war_preceded():
    text = "Uzbekistan broke them off on 29 August, after a short war near Termez."
    assert type_at(text, "Termez") == ["diplomatic_contact"]


def test_forces_that_moved_into_a_named_town_took_it():
    assert_types({("Afghan forces moved into Maymana on 3 May.", "Maymana"): "territorial_control"})


def test_forces_moving_into_a_town_take_it_moving_into_parts_of_one_deploy():
    assert_types(
        {
            (
                "Uzbek troops rolled into the town of Termez on 3 May.",
                "Termez",
            ): "territorial_control",
            ("Uzbek troops moved into parts of Termez on 3 May.", "Termez"): "military_deployment",
            ("The militia handed over Andkhoy to the police on 3 May.", "Andkhoy"): (
                "territorial_control"
            ),
            (
                "The rebels handed Maymana back to the army on 3 May, but still hold the pass.",
                "Maymana",
            ): "territorial_control",
        }
    )


def test_ground_broken_or_work_launched_on_a_line_is_infrastructure():
    assert_types(
        {
            (
                "Work on the northern section of the railway was launched at Termez on 3 May.",
                "Termez",
            ): "infrastructure",
            (
                "Uzbekistan broke ground on its stretch of the pipeline near Termez on 3 May.",
                "Termez",
            ): "infrastructure",
            ("The gas field at Andkhoy began producing on 3 May.", "Andkhoy"): "infrastructure",
            (
                "Andkhoy, one of the region's larger gas fields, began producing in May 2019.",
                "Andkhoy",
            ): "infrastructure",
        }
    )


def test_flights_suspended_or_airspace_closed_are_no_crossing_closed():
    assert_types(
        {
            ("The airline suspended its flights to Termez on 3 May.", "Termez"): "other",
            ("Uzbekistan closed its airspace over Termez on 3 May.", "Termez"): "other",
            ("Uzbekistan closed the bridge at Termez on 3 May.", "Termez"): "crossing_closed",
        }
    )


def test_households_leaving_a_place_are_refugees_drivers_leaving_are_not():
    assert_types(
        {
            (
                "Since Sunday, the road out of Termez has been jammed with families leaving.",
                "Termez",
            ): "refugee_movement",
            ("Villagers left Andkhoy on 3 May.", "Andkhoy"): "refugee_movement",
            ("Drivers left Andkhoy on 3 May.", "Andkhoy"): "other",
        }
    )


def test_a_clause_saying_where_something_went_takes_the_act_it_modifies():
    text = (
        "On 3 May a fighter jet shot down one of the drones. Another jet shot down a drone "
        "as it flew towards Termez the same day; officials said it threatened the base there."
    )
    assert type_at(text, "Termez") == ["clash"]


def test_a_word_that_only_begins_like_a_closing_verb_closes_nothing():
    # "several" starts with "sever", which as a verb cuts a link.
    assert_types({("Several hundred lorries waited at Hairatan on 3 May.", "Hairatan"): "other"})


@pytest.mark.xfail(
    strict=True,
    reason="regressed when the model was retrained with heldout_am/an in dev (28th round): "
    "the model reads 'hundred … waited' as a movement of people from FLOOR",
)
def test_traders_waiting_at_a_crossing_are_no_movement_of_people():
    text = "Several hundred traders waited at Hairatan on 3 May."
    assert type_at(text, "Hairatan") == ["other"]


def test_people_gathering_waiting_or_streaming_in_numbers_are_a_movement_of_people():
    # Verbs of people moving, by meaning: civilians are the subject, not drivers at work.
    assert_types(
        {
            ("Thousands of Afghans waited at Termez on 3 May.", "Termez"): "refugee_movement",
            ("Families streamed into Termez on 3 May.", "Termez"): "refugee_movement",
            (
                "On 3 May close to a thousand asylum seekers turned up at Hairatan.",
                "Hairatan",
            ): "refugee_movement",
            ("Drivers queued at Hairatan on 3 May.", "Hairatan"): "other",
            # a purpose with its own cue decides: the gathering is a protest
            ("Crowds gathered in Termez on 3 May to protest against prices.", "Termez"): "other",
        }
    )


def test_state_forces_moving_up_are_a_deployment_and_leaving_a_town_gives_it_up():
    assert_types(
        {
            ("Uzbek troops moved up to Termez on 3 May.", "Termez"): "military_deployment",
            (
                "The last fighters drove out of the town of Andkhoy on 3 May.",
                "Andkhoy",
            ): "territorial_control",
        }
    )


def test_explosions_and_weapons_are_violence_unless_a_depot_blew_up():
    assert_types(
        {
            ("On 3 May radios carried by guards exploded across Termez.", "Termez"): "clash",
            ("On 3 May shells flattened a block of flats in Termez.", "Termez"): "clash",
            ("On 3 May a fuel depot near Termez exploded.", "Termez"): "other",
        }
    )


def test_a_town_taken_outranks_the_fighting_or_the_troops_of_its_clause():
    assert_types(
        {
            ("Troops captured Andkhoy on 3 May after heavy fighting.", "Andkhoy"): (
                "territorial_control"
            ),
            ("On 3 May Kabul said its allies held the centre of Andkhoy.", "Andkhoy"): (
                "territorial_control"
            ),
            # holding talks is no holding of a town
            ("Uzbekistan held talks in Termez on 3 May.", "Termez"): "diplomatic_contact",
        }
    )


def test_an_army_issuing_a_statement_is_a_statement_not_a_deployment():
    assert_types(
        {
            ("On 3 May the army issued a short statement on Termez.", "Termez"): "statement",
            ("On 3 May the assembly approved a fence along Hairatan.", "Hairatan"): "statement",
        }
    )


def test_no_one_let_in_is_a_closure_and_close_to_a_number_closes_nothing():
    assert_types(
        {
            ("On 3 May Uzbekistan let no pilgrims in at Termez.", "Termez"): "crossing_closed",
            ("On 3 May close to a hundred families crossed at Termez.", "Termez"): (
                "refugee_movement"
            ),
        }
    )


def test_a_violent_adjective_reports_a_clash_only_as_what_a_thing_became():
    assert_types(
        {
            ("The stand-off at Termez, which turned lethal on 3 May, goes on.", "Termez"): (
                "clash"
            ),
            ("On 3 May officials in Termez said the deadly raid was illegal.", "Termez"): (
                "statement"
            ),
        }
    )


def test_a_noun_parsed_as_a_complement_stays_in_its_clause():
    # "surprise" is parsed as a complement of "began": the drills are still the clause's.
    text = "On 3 May Uzbekistan, Turkey's treaty ally, began surprise drills near Termez."
    assert type_at(text, "Termez") == ["military_exercise"]


def test_flights_resumed_or_airliners_flying_are_no_land_crossing():
    # KEY_GUIDE.md: flights and airspace are `other`; the crossing types are for land.
    assert_types(
        {
            ("Flights between Termez and Moscow resumed on 4 May.", "Termez"): "other",
            ("No airliner has flown to Termez since Monday.", "Termez"): "other",
        }
    )


def test_what_a_verb_takes_or_strikes_decides_its_type():
    assert_types(
        {
            ("On 3 May Uzbek troops took up positions near Termez.", "Termez"): (
                "military_deployment"
            ),
            ("The governor took office in Termez on 3 May.", "Termez"): "other",
            ("Uzbekistan struck a deal with Kabul in Termez on 3 May.", "Termez"): (
                "diplomatic_contact"
            ),
            ("On 3 May troops fought on a ridge above Termez.", "Termez"): "clash",
        }
    )


def test_forces_pulling_back_are_a_deployment_and_pulling_out_of_a_town_gives_it_up():
    assert_types(
        {
            ("On 3 May the army said its troops at Termez were pulling back.", "Termez"): (
                "military_deployment"
            ),
            (
                "Andkhoy was besieged, and on 3 May its last troops pulled out of the town.",
                "Andkhoy",
            ): "territorial_control",
        }
    )


def test_a_crossing_opened_first_or_in_a_year_alone_was_built_not_reopened():
    assert_types(
        {
            ("The bridge at Termez was opened in 1982.", "Termez"): "infrastructure",
            ("The Hairatan crossing first opened to travellers in May 2004.", "Hairatan"): (
                "infrastructure"
            ),
            ("Uzbekistan opened the crossing at Termez on 3 May.", "Termez"): ("crossing_reopened"),
        }
    )


def test_a_border_that_opened_in_the_first_minutes_of_a_day_reopened():
    text = "In the first minutes of 3 May the border at Hairatan opened."
    assert_types({(text, "Hairatan"): "crossing_reopened"})


def test_first_on_the_traffic_the_date_or_at_first_does_not_make_an_opening_the_first():
    # "first" qualifies what it stands on: the first lorries through a crossing that opened
    # are still a crossing reopened, and "the first minutes of 3 May" date it
    assert_types(
        {
            (
                "The crossing at Hairatan opened to the first lorries on 3 May after a "
                "month's closure.",
                "Hairatan",
            ): "crossing_reopened",
            (
                "On 3 May the gate at Hairatan opened again, at first only for the sick.",
                "Hairatan",
            ): ("crossing_reopened"),
            # on the opening itself, or on what was opened, it is a first opening
            ("The bridge at Hairatan opened for the first time on 3 May.", "Hairatan"): (
                "infrastructure"
            ),
            (
                "On 3 May the two sides opened the first crossing between them at Hairatan.",
                "Hairatan",
            ): ("infrastructure"),
        }
    )


def test_calling_an_act_something_is_a_statement_naming_it_is_not():
    assert_types(
        {
            ("On 3 May Kabul called the shelling of Hairatan an act of war.", "Hairatan"): (
                "statement"
            ),
            ("Tashkent called the air strike on Termez illegal on 3 May.", "Termez"): "statement",
            # A name given, or an envoy called home, is no verdict on what happened.
            ("On 3 May the army began what Tashkent calls routine drills near Termez.", "Termez"): (
                "military_exercise"
            ),
            ("Kabul called its ambassador in Termez home on 3 May.", "Termez"): (
                "diplomatic_contact"
            ),
        }
    )


def test_a_place_in_someones_hands_held_ceded_or_given_up_has_changed_control():
    assert_types(
        {
            ("Maymana passed into Taliban hands on 3 May.", "Maymana"): "territorial_control",
            ("On 3 May Andkhoy came under Taliban control.", "Andkhoy"): "territorial_control",
            ("Uzbek units have held the hills above Termez since 3 May.", "Termez"): (
                "territorial_control"
            ),
            ("Faryab province was handed back on 3 May.", "Fāryāb"): "territorial_control",
            ("On 3 May Kabul ceded the strip of land at Hairatan to Tashkent.", "Hairatan"): (
                "territorial_control"
            ),
            ("On 3 May the militia abandoned Andkhoy to the army.", "Andkhoy"): (
                "territorial_control"
            ),
            ("Government troops, entering Kunduz on 3 May, met no resistance.", "Kunduz"): (
                "territorial_control"
            ),
        }
    )


def test_divisions_regiments_marines_and_commandos_are_state_forces_who_deploy():
    assert_types(
        {
            ("Two Uzbek divisions crossed into Afghanistan at Termez on 3 May.", "Termez"): (
                "military_deployment"
            ),
            ("On 3 May a regiment of marines reached Hairatan.", "Hairatan"): (
                "military_deployment"
            ),
            # A ship torpedoed, or an attack beaten off, is fighting.
            ("A patrol boat was torpedoed off Termez on 3 May.", "Termez"): "clash",
            ("On 3 May an assault on Hairatan was beaten off.", "Hairatan"): "clash",
        }
    )


def test_fighting_that_stops_or_a_war_that_ends_is_a_truce_taking_hold():
    assert_types(
        {
            ("The fighting around Termez stopped on 3 May.", "Termez"): "diplomatic_contact",
            ("The shelling of Hairatan ceased at dawn on 3 May.", "Hairatan"): (
                "diplomatic_contact"
            ),
            # Fighting that halts traffic is still a closure of the crossing.
            ("On 3 May fighting halted all traffic at Hairatan.", "Hairatan"): "crossing_closed",
        }
    )


def test_an_advance_halted_and_an_enemy_met_in_arms_are_fighting():
    assert_types(
        {
            ("The rebel advance was halted at Hairatan on 3 May.", "Hairatan"): "clash",
            ("Government troops met the rebel cavalry at Hairatan on 3 May.", "Hairatan"): (
                "clash"
            ),
            # Ministers who meet hold talks.
            ("The two foreign ministers met at Termez on 3 May.", "Termez"): "diplomatic_contact",
        }
    )


def test_massacres_sinkings_and_strafing_are_armed_violence():
    assert_types(
        {
            ("On 3 May militiamen massacred forty villagers at Hairatan.", "Hairatan"): "clash",
            ("On 3 May gunboats sank two barges off Termez.", "Termez"): "clash",
            ("Fighter-bombers strafed the posts at Panji Poyon on 3 May.", "Panji Poyon"): (
                "clash"
            ),
        }
    )


def test_terms_accepted_are_diplomacy_people_accepted_are_refugees():
    assert_types(
        {
            ("On 3 May Tashkent accepted the mediators' plan at Termez.", "Termez"): (
                "diplomatic_contact"
            ),
            ("On 3 May Termez accepted 3,000 refugees from the south.", "Termez"): (
                "refugee_movement"
            ),
        }
    )


def test_what_an_order_orders_is_what_happened():
    assert_types(
        {
            (
                "On 3 May the president ordered the border guards to attack the camps near Termez.",
                "Termez",
            ): "clash",
            ("On 3 May the governor ordered the villagers out of Termez.", "Termez"): (
                "refugee_movement"
            ),
            ("On 3 May Tashkent ordered the crossing at Hairatan shut.", "Hairatan"): (
                "crossing_closed"
            ),
        }
    )


def test_a_resolution_adopted_or_a_league_left_is_diplomacy_a_decree_signed_is_not():
    assert_types(
        {
            ("The council adopted a resolution on the Termez crossing on 3 May.", "Termez"): (
                "diplomatic_contact"
            ),
            # A ruler's own decree is no agreement between governments.
            ("The emir signed a decree in Termez on 3 May.", "Termez"): "other",
            # Leaving a league is diplomacy, not troops withdrawn.
            ("On 3 May Tashkent announced in Termez its withdrawal from the league.", "Termez"): (
                "diplomatic_contact"
            ),
        }
    )


def test_detachments_that_recross_a_border_are_troops_moving():
    assert_types(
        {
            ("On 3 May the last detachments recrossed the border at Hairatan.", "Hairatan"): (
                "military_deployment"
            ),
        }
    )


def test_claiming_or_conceding_a_raid_is_a_statement_not_the_raid():
    assert_types(
        {
            ("A little-known group claimed the raid on Termez on 3 May.", "Termez"): "statement",
            (
                "On 3 May the ministry conceded that nine guards had died at Hairatan.",
                "Hairatan",
            ): "statement",
            ("Police in Termez confirmed the bombing on 3 May.", "Termez"): "statement",
        }
    )


def test_falling_on_a_place_or_an_enemy_is_an_attack_falling_on_a_day_is_not():
    assert_types(
        {
            ("On 3 May the raiders fell on the garrison at Termez.", "Termez"): "clash",
            ("Mortar rounds fell upon Hairatan on 3 May.", "Hairatan"): "clash",
            # A town that fell on a given day changed hands.
            ("Termez fell on 3 May to the militia.", "Termez"): "territorial_control",
        }
    )


def test_a_measure_taking_effect_captures_no_town():
    assert_types(
        {
            ("The truce between the two armies took effect at Termez on 3 May.", "Termez"): (
                "diplomatic_contact"
            ),
        }
    )


def test_asking_another_government_for_troops_or_help_is_diplomacy():
    assert_types(
        {
            ("On 3 May Termez appealed to Tashkent for troops.", "Termez"): "diplomatic_contact",
            ("The governor in Termez asked Moscow for help on 3 May.", "Termez"): (
                "diplomatic_contact"
            ),
        }
    )


def test_forces_marching_into_a_town_took_it_crowds_marching_through_it_protest():
    assert_types(
        {
            ("On 3 May the rebel brigade marched into Termez.", "Termez"): "territorial_control",
            ("On 3 May thousands of students marched through Termez.", "Termez"): "other",
        }
    )


def test_one_who_marches_somewhere_leads_a_force_numbers_marching_protest():
    assert_types(
        {
            # the subject of the first verb marches too
            ("The column crossed the river and on 3 May marched into Termez.", "Termez"): (
                "territorial_control"
            ),
            ("On 3 May he marched out of Termez towards the pass.", "Termez"): (
                "military_deployment"
            ),
            ("On 3 May tens of thousands marched through Termez.", "Termez"): "other",
            ("On 3 May the prisoners were marched out of Termez.", "Termez"): "other",
        }
    )


def test_a_government_protesting_sends_a_note_crowds_protesting_march():
    assert_types(
        {
            (
                "The Uzbek foreign ministry protested on 3 May about the shooting at Termez.",
                "Termez",
            ): "statement",
            ("On 3 May farmers protested in Termez against the new tariff.", "Termez"): "other",
        }
    )


def test_the_flow_of_people_or_goods_stopping_closes_the_crossing():
    assert_types(
        {
            ("On 3 May the flow through Hairatan stopped almost at once.", "Hairatan"): (
                "crossing_closed"
            ),
        }
    )


def test_a_call_for_troops_to_move_or_a_licence_to_strike_is_a_statement_not_the_act():
    assert_types(
        {
            (
                "On 3 May the council called on Tashkent to pull its guards back from Termez.",
                "Termez",
            ): "statement",
            ("On 3 May the parliament in Termez authorised the army to strike abroad.", "Termez"): (
                "statement"
            ),
            # Reservists called up to hold a line are a call-up.
            ("On 3 May Tashkent called up reservists to hold Termez.", "Termez"): (
                "military_deployment"
            ),
        }
    )


def test_a_vote_to_send_troops_decides_it_and_a_vote_to_cut_funds_cuts_them():
    # KEY_GUIDE.md, troops promised: the decision to send troops is a `statement`, the
    # troops moving when they move a deployment; a vote to do anything else does it.
    assert_types(
        {
            (
                "On 3 May the parliament in Dushanbe voted to send two battalions to Termez.",
                "Termez",
            ): ("statement"),
            ("On 3 May the senate in Tashkent voted to deploy the army around Termez.", "Termez"): (
                "statement"
            ),
            (
                "On 3 May the assembly in Termez voted to allow strikes across the river.",
                "Termez",
            ): ("statement"),
            ("On 3 May the battalions sent from Dushanbe reached Termez.", "Termez"): (
                "military_deployment"
            ),
            ("On 3 May the assembly in Termez voted to cut off funds for the rebels.", "Termez"): (
                "other"
            ),
        }
    )


def test_the_rules_read_a_decision_offer_or_plan_to_send_troops_as_the_decision():
    # KEY_GUIDE.md, troops promised: like a vote, the decision to send troops is a
    # `statement`, with none moved on that date; a decision to do anything else is read by
    # what it does, and troops sent are a deployment.
    assert_rules_read(
        "statement",
        "3 May",
        "The cabinet in Kabul resolved on 3 May to send two divisions to Hairatan.",
        "The government in Termez offered on 3 May to send 5,000 soldiers to the river.",
        "Tashkent decided on 3 May to send a brigade to Termez.",
        "Kabul planned on 3 May to move troops up to Hairatan.",
    )
    for text, expected in (
        ("Kabul decided on 3 May to open an embassy in Tashkent.", "diplomatic_contact"),
        ("Tashkent decided on 3 May to close the crossing at Termez.", "crossing_closed"),
        ("Kabul sent a brigade to Hairatan on 3 May.", "military_deployment"),
    ):
        assert clause_rule_at(text, "3 May").event_type == expected, text


def test_falling_back_silent_or_to_a_trickle_is_no_town_taken():
    assert_types(
        {
            ("On 3 May the rebel brigade fell back towards Termez.", "Termez"): (
                "military_deployment"
            ),
            ("On 3 May the traffic through Hairatan fell to a trickle.", "Hairatan"): "other",
        }
    )


def test_forces_into_a_country_are_deployed_into_a_town_take_it():
    assert_types(
        {
            ("On 3 May Uzbek troops entered Afghanistan near Termez.", "Afghanistan"): (
                "military_deployment"
            ),
            ("On 3 May Uzbek divisions moved into Afghanistan.", "Afghanistan"): (
                "military_deployment"
            ),
            ("On 3 May 400 Marines were sent ashore at Termez.", "Termez"): "military_deployment",
        }
    )


def test_what_is_taken_that_is_no_place_is_no_capture():
    assert_types(
        {
            ("On 3 May the governor of Termez took his own life.", "Termez"): "other",
            ("On 3 May the general took two battalions up the river to Termez.", "Termez"): (
                "military_deployment"
            ),
        }
    )
    assert type_at("The council in Termez took the news badly on 3 May.", "Termez") != [
        "territorial_control"
    ]


def test_a_force_driven_or_marching_out_of_a_town_gave_it_up():
    assert_types(
        {
            ("On 3 May the militia were driven out of Termez.", "Termez"): "territorial_control",
            (
                "On 3 May the garrison of Termez was allowed to march out with its arms.",
                "Termez",
            ): "territorial_control",
            (
                "On 3 May the brigade pushed across the bridge at Hairatan and drove the militia "
                "out of Termez.",
                "Termez",
            ): "territorial_control",
        }
    )


def test_a_leader_moving_with_a_force_deploys_it():
    assert_types(
        {
            ("On 3 May the general left Termez with six thousand regulars.", "Termez"): (
                "military_deployment"
            ),
            ("On 3 May the general crossed the river at Hairatan with 3,000 men.", "Hairatan"): (
                "military_deployment"
            ),
        }
    )


def test_a_date_that_modifies_a_pact_an_election_or_a_coup_dates_that_event():
    # The date is the noun's ("the treaty of 1926"), whatever the clause's verb says: the pact
    # is an agreement between governments, the election or the coup `other` (KEY_GUIDE.md).
    assert_types(
        {
            ("The border treaty of 1926 promised Termez to the emirate.", "Termez"): (
                "diplomatic_contact"
            ),
            (
                "Under the Hairatan accord of September 2002 the khan had promised to open the "
                "road.",
                "Hairatan",
            ): "diplomatic_contact",
            ("Since the coup of 25 May 1997 the governor of Termez has said little.", "Termez"): (
                "other"
            ),
            ("The election of 9 August was followed by protests in Termez.", "Termez"): "other",
        }
    )


@broken_by_retrained_encoder(
    "it reads the treaty of 1926 marked in a clause that closed a crossing as crossing_closed "
    "(0.71), the logistic model too (0.89), and the mean (0.73) overrules the rules' treaty"
)
def test_a_pact_s_date_in_a_clause_of_another_act_dates_the_pact():
    # A date of the clause that only names a pact dates what the verb says.
    text = "Under the treaty of 1926 guards closed the crossing at Hairatan on 3 May."
    df = rows(text)
    at = df[df["place"] == "Hairatan"].set_index("date_start")["event_type"].to_dict()
    assert at == {"1926-01-01": "diplomatic_contact", "2021-05-03": "crossing_closed"}


def test_a_finite_verb_parsed_as_hanging_off_a_noun_is_the_sentence_s_verb():
    # "the Hairatan crossing reopened" parsed with 'crossing' as the root and 'reopened' as
    # its reduced relative: a past tense is finite, so it is the clause's verb and the rules
    # read the dated clause itself, as in "On 4 May the Hairatan crossing reopened".
    text = (
        "Guards shut the road on 1 May. Three days later the Hairatan crossing reopened to buses."
    )
    assert clause_rule_at(text, "Three days later") == TypeCue(
        "crossing_reopened", "reopened", 1.0, True
    )
    assert type_at(text, "Hairatan") == ["crossing_reopened"]
