"""Fights the words of a clause describe without naming a clash.

A force that moved and attacked, stopped a bus and killed its passengers, tried to seize
a town and failed, lost its men, was caught in the open, broke through a line, went on
the offensive or was sent against a place fought there; a force overwhelmed, destroyed or
broken, or a fort battered, was beaten in a fight; a town that took a shelling was hit;
a place surrounded by a force was besieged; an assault, a sortie, a breakout, an insurgency,
an invasion or a killing is a fight. Every sentence here was written for its
test; none appears in the evaluation set.
"""

from __future__ import annotations

from test_briefing_event_types import assert_rules_read, assert_types, broken_by_retrained_encoder


def test_a_movement_or_a_stop_joined_to_an_attack_is_the_attack():
    assert_types(
        {
            ("On 3 May the brigade crossed at Termez and attacked the posts.", "Termez"): ("clash"),
            ("On 3 May gunmen stopped a bus at Hairatan and killed six men.", "Hairatan"): (
                "clash"
            ),
            # Troops that crossed and dug in were deployed.
            ("On 3 May the brigade crossed at Termez and dug in.", "Termez"): (
                "military_deployment"
            ),
        }
    )


def test_a_town_a_force_tried_to_seize_was_attacked_not_taken():
    assert_types(
        {
            ("On 3 May the rebels tried to seize Hairatan and were beaten back.", "Hairatan"): (
                "clash"
            ),
            ("On 3 May the rebels seized Hairatan.", "Hairatan"): "territorial_control",
        }
    )


def test_men_lost_a_force_caught_or_a_line_broken_through_were_fought_for():
    assert_types(
        {
            ("The garrison of Termez lost forty men on 3 May.", "Termez"): "clash",
            ("On 3 May the battalion was caught in the open near Hairatan.", "Hairatan"): "clash",
            ("On 3 May the brigades broke through the lines at Termez.", "Termez"): "clash",
            ("On 3 May the army went on the offensive near Hairatan.", "Hairatan"): "clash",
            ("On 3 May the admiral sent the fleet against Termez.", "Termez"): "clash",
            # Land lost changed hands.
            ("On 3 May the army lost the town of Hairatan.", "Hairatan"): "territorial_control",
        }
    )


@broken_by_retrained_encoder(
    "it reads the charge that went off as other (0.80), the logistic model a clash (0.54), and "
    "the mean (other 0.46 against clash 0.32) overrules the rules' clash"
)
def test_a_charge_that_went_off_is_a_fight():
    assert_types({("On 3 May a charge went off beside the railway at Termez.", "Termez"): "clash"})


def test_a_shelling_taken_an_assault_or_an_invasion_is_a_fight():
    assert_types(
        {
            ("Termez took the heaviest shelling of the month on 3 May.", "Termez"): "clash",
            ("The assault on Hairatan began on 3 May.", "Hairatan"): "clash",
            ("On 3 May a drone was brought down over Hairatan.", "Hairatan"): "clash",
        }
    )


def test_a_garrison_cut_to_pieces_was_fought():
    assert_types({("On 3 May the garrison of Termez was cut to pieces.", "Termez"): "clash"})


def test_a_force_driven_back_cut_down_or_met_by_another_was_fought():
    assert_types(
        {
            ("On 3 May the garrison drove the raiders back from Termez.", "Termez"): "clash",
            ("On 3 May the howitzers opened up on the posts near Hairatan.", "Hairatan"): "clash",
            ("On 3 May the brigade met the rebels near Termez.", "Termez"): "clash",
            # A minister meeting troops is no fight.
            ("On 3 May the minister met the envoy at Termez.", "Termez"): "diplomatic_contact",
        }
    )


def test_what_began_is_an_advance_named_or_what_the_when_clause_tells():
    assert_types(
        {
            ("The push on Termez, which began on 3 May, stalled.", "Termez"): "clash",
            (
                "The trouble began on 3 May at Hairatan, when a crowd set upon two guards.",
                "Hairatan",
            ): ("clash"),
            ("On 3 May the rebels broke the ceasefire at Termez.", "Termez"): "clash",
        }
    )


def test_a_force_beaten_broken_or_battered_was_fought():
    assert_types(
        {
            ("On 3 May the rebels overwhelmed the government column at Termez.", "Termez"): (
                "clash"
            ),
            ("On 3 May the brigades were destroyed one by one near Hairatan.", "Hairatan"): (
                "clash"
            ),
            ("On 3 May the guerrillas broke the government line near Hairatan.", "Hairatan"): (
                "clash"
            ),
            ("On 3 May warships battered the fortress at Termez.", "Termez"): "clash",
            # A column that only moved, and talks broken off, were no fight.
            ("On 3 May the column crossed at Termez.", "Termez"): "military_deployment",
            ("On 3 May the envoys broke off talks at Termez.", "Termez"): "diplomatic_contact",
        }
    )


def test_a_siege_a_breakout_a_sortie_or_divisions_thrown_at_a_line_are_fights():
    assert_types(
        {
            ("On 3 May the fort at Termez was surrounded.", "Termez"): "clash",
            ("On 3 May rebel troops surrounded the post at Hairatan.", "Hairatan"): "clash",
            ("On 3 May the army broke out of the pocket at Termez.", "Termez"): "clash",
            ("On 3 May a sortie against the village of Hairatan failed.", "Hairatan"): "clash",
            ("On 3 May the army threw two divisions at the positions near Hairatan.", "Hairatan"): (
                "clash"
            ),
            ("The insurgency around Termez flared again on 3 May.", "Termez"): "clash",
        }
    )


def test_water_round_a_village_is_no_siege():
    assert_types(
        {("On 3 May the village of Hairatan was surrounded by floodwater.", "Hairatan"): "other"}
    )


def test_battalions_cut_off_were_fought():
    assert_types({("On 3 May whole battalions were cut off near Termez.", "Termez"): "clash"})


def test_a_force_thrown_back_or_cut_off_was_fought():
    assert_types(
        {
            ("On 3 May the tanks crossed the bridge at Termez and were thrown back.", "Termez"): (
                "clash"
            ),
            # Lorries driving back and a village cut off by snow saw no fight.
            ("On 3 May the lorries drove back from Termez.", "Termez"): "other",
            ("On 3 May the village of Hairatan was cut off by snow.", "Hairatan"): "other",
        }
    )


def test_a_people_beaten_men_stopped_by_a_force_or_a_place_held_against_one_were_fought():
    assert_types(
        {
            ("On 3 May the rebels beat them at Termez.", "Termez"): "clash",
            ("On 3 May the Afghans were broken at Termez and fled south.", "Termez"): "clash",
            ("The Guards stopped them at Hairatan in late July.", "Hairatan"): "clash",
            ("On 3 May the captain held a ridge at Termez against the regiments.", "Termez"): (
                "clash"
            ),
            # Customs checking or police stopping lorries fight nobody; a town held is held.
            ("On 3 May customs checked them at Termez.", "Termez"): "other",
            ("The police stopped the lorries at Hairatan on 3 May.", "Hairatan"): (
                "crossing_closed"
            ),
            ("On 3 May the army held Termez.", "Termez"): "territorial_control",
            ("On 3 May a column of marchers was halted by police at Hairatan.", "Hairatan"): (
                "other"
            ),
        }
    )


def test_a_village_burnt_a_rearguard_scattered_or_a_pass_forced_was_fought_for():
    assert_types(
        {
            ("On 3 May soldiers burnt the village of Hairatan.", "Hairatan"): "clash",
            ("In June the rebels burned the homes of Hairatan.", "Hairatan"): "clash",
            ("On 3 May a crowd sacked the embassy in Termez.", "Termez"): "clash",
            ("On 3 May the brigade forced the pass at Hairatan.", "Hairatan"): "clash",
            (
                "On 3 May a flotilla went up the river to Termez and scattered the rearguard.",
                "Termez",
            ): ("clash"),
            (
                "The next day the planes answered by hitting fuel tanks at Termez on 3 May.",
                "Termez",
            ): ("clash"),
        }
    )


def test_a_war_or_fighting_that_began_is_a_fight_not_the_troops_sent():
    assert_types(
        {
            ("The war began on 3 May, when the army ordered troops into Hairatan.", "Hairatan"): (
                "clash"
            ),
            (
                "Fighting began at Hairatan on 3 May, when a patrol ran into a band of rebels.",
                "Hairatan",
            ): ("clash"),
        }
    )


def test_a_boat_that_sank_alone_or_a_fight_of_words_is_no_clash():
    assert_types(
        {
            ("On 3 May a boat carrying migrants sank near Termez, drowning dozens.", "Termez"): (
                "other"
            ),
            ("On 3 May the videos turned the matter into a political fight in Termez.", "Termez"): (
                "other"
            ),
            # A boat that was sunk was attacked.
            ("On 3 May the gunboats sank a ferry near Termez.", "Termez"): "clash",
        }
    )


def test_a_helicopter_that_came_down_crashed_and_men_listed_as_a_force_are_one():
    assert_types(
        {
            ("On 3 May a helicopter came down near Termez.", "Termez"): "other",
            (
                "About a thousand men, Gurkhas, Kashmir infantry and two mountain guns, "
                "marched out of Termez in late November.",
                "Termez",
            ): "military_deployment",
            # Men alone who march are a procession.
            ("On 3 May six hundred men marched out of Termez.", "Termez"): "other",
        }
    )


def test_an_execution_or_a_suicide_is_a_death_not_a_fight():
    # Dev keys type a man shot by a firing squad, or after a court condemned him, and one who
    # shot himself `other` (a death), as the guide lists deaths; a shooting otherwise is a
    # fight, whoever was shot.
    assert_rules_read(
        "other",
        "On 3 May",
        "On 3 May a firing squad shot the rebel leader outside Termez.",
        "On 3 May the rebel leader was shot by a firing squad outside Termez.",
        "On 3 May guards shot three men condemned by a military court at Termez.",
        "On 3 May the governor of Termez shot himself.",
    )
    assert_rules_read(
        "clash",
        "On 3 May",
        "On 3 May guards shot three smugglers at Termez.",
        "On 3 May death squads killed two exiles in Termez.",
        "On 3 May a border guard was shot dead near Termez.",
    )


def test_a_rising_a_mutiny_or_a_coup_put_down_was_fought():
    assert_rules_read(
        "clash",
        "On 3 May",
        "On 3 May the army put down a rising in Termez.",
        "On 3 May troops helped put down an attempted coup in Termez.",
        "On 3 May a mutiny at the Termez barracks was put down by loyal troops.",
    )


def test_a_town_named_stormed_was_taken_a_building_stormed_was_attacked():
    assert_rules_read(
        "territorial_control",
        "On 3 May",
        "On 3 May the rebels stormed Kandahar after a night of shelling.",
        "On 3 May Kandahar was stormed by the khan's army.",
    )
    assert_rules_read(
        "clash",
        "On 3 May",
        "On 3 May a crowd stormed the customs house at Termez.",
        "On 3 May the rebels stormed Kandahar, the old fort above the river.",
        "On 3 May the rebels stormed the Kandahar Heights.",
    )
