"""Event words the clause of a dated candidate may carry beyond the common verbs.

Forces posted, sent or based somewhere are deployed there, peacekeepers, platoons and
contingents being state forces; a toll or a count "put at" a figure is a statement, as
is a claim restated; a leader received by another is a meeting. Every sentence here was
written for its test; none appears in the evaluation set.
"""

from __future__ import annotations

from test_briefing_event_types import assert_types


def test_state_forces_posted_sent_or_based_somewhere_are_deployed_there():
    assert_types(
        {
            ("On 3 May the ministry sent two battalions to Termez.", "Termez"): (
                "military_deployment"
            ),
            ("Peacekeepers, posted at Hairatan since 2019, watched the bridge.", "Hairatan"): (
                "military_deployment"
            ),
            ("On 3 May a Tajik platoon dug in near Panji Poyon.", "Panji Poyon"): (
                "military_deployment"
            ),
            ("A Kazakh contingent relieved the garrison at Termez on 3 May.", "Termez"): (
                "military_deployment"
            ),
            # An envoy sent is diplomacy, not troops.
            ("On 3 May Kabul sent an envoy to Termez.", "Termez"): "diplomatic_contact",
        }
    )


def test_a_count_put_at_a_figure_or_a_claim_restated_is_a_statement():
    assert_types(
        {
            ("On 3 May officials in Termez put the number of dead at forty.", "Termez"): (
                "statement"
            ),
            ("On 3 May the governor of Hairatan reiterated his claim to the islet.", "Hairatan"): (
                "statement"
            ),
        }
    )


def test_a_leader_or_envoy_received_is_a_meeting_refugees_received_are_not():
    assert_types(
        {
            ("On 3 May the president received the Uzbek envoy in Termez.", "Termez"): (
                "diplomatic_contact"
            ),
            ("On 3 May Termez received four hundred refugees from the south.", "Termez"): (
                "refugee_movement"
            ),
        }
    )


def test_a_town_or_land_lost_given_up_or_handed_to_another_changed_hands():
    assert_types(
        {
            ("On 3 May the Afghan army lost Hairatan to the rebels.", "Hairatan"): (
                "territorial_control"
            ),
            ("On 3 May the district around Termez was handed to Uzbekistan.", "Termez"): (
                "territorial_control"
            ),
            ("Sovereignty over Panji Poyon passed to Tajikistan on 3 May.", "Panji Poyon"): (
                "territorial_control"
            ),
            # A dispute passed to a court changes no one's hold; land a treaty hands over is
            # the treaty, dated by its signing.
            ("On 3 May the quarrel over Termez was passed to an arbitration panel.", "Termez"): (
                "other"
            ),
            (
                "Uzbeks still cite the treaties by which Moscow handed Termez to Bukhara in 1895.",
                "Bukhara",
            ): "diplomatic_contact",
        }
    )


def test_a_flag_raised_over_a_place_or_a_share_of_land_handed_over_changed_hands():
    assert_types(
        {
            ("On 3 May the rebels raised their flag over the fort at Hairatan.", "Hairatan"): (
                "territorial_control"
            ),
            ("Uzbek flags went up over Termez on 3 May.", "Termez"): "territorial_control",
            (
                "When the rest of the district was handed back on 3 May, Uzbekistan kept Termez.",
                "Termez",
            ): "territorial_control",
            # A flag waved in a town at a rally takes nothing.
            ("On 3 May students raised a flag in Termez at a rally.", "Termez"): "other",
        }
    )


def test_a_government_s_own_life_is_other_elections_oaths_resignations_coups_rulings():
    assert_types(
        {
            ("The governor of Termez resigned on 3 May.", "Termez"): "other",
            ("Voters in Termez went to the polls on 3 May.", "Termez"): "other",
            ("The new mayor was sworn in at Termez on 3 May.", "Termez"): "other",
            ("On 3 May officers overthrew the council in Termez.", "Termez"): "other",
            ("On 3 May the colonels seized power in Termez.", "Termez"): "other",
            ("On 3 May the emir dismissed his minister in Termez.", "Termez"): "other",
            ("A court in Termez ruled on 3 May that the islet was Uzbek.", "Termez"): "other",
            ("The old khan died in Termez on 3 May.", "Termez"): "other",
            # deaths in fighting are the fighting
            ("On 3 May two guards died in a firefight near Hairatan.", "Hairatan"): "clash",
        }
    )


def test_captives_seized_or_freed_and_flights_through_the_air_are_other_not_places_taken():
    assert_types(
        {
            ("On 3 May gunmen seized two engineers near Hairatan.", "Hairatan"): "other",
            ("The hostages were freed in Termez on 3 May.", "Termez"): "other",
            ("Guards took the skipper into custody at Hairatan on 3 May.", "Hairatan"): "other",
            ("On 3 May a drone entered Uzbek airspace near Termez.", "Termez"): "other",
            # a town seized is still a town taken
            ("On 3 May the rebels seized Hairatan.", "Hairatan"): "territorial_control",
        }
    )


def test_a_man_seized_or_taken_to_hospital_and_a_case_taken_to_court_take_no_place():
    assert_types(
        {
            ("On 3 May soldiers seized him near Hairatan.", "Hairatan"): "other",
            ("He was taken at Termez on 3 May.", "Termez"): "other",
            ("The old emir was taken to hospital in Termez on 3 May.", "Termez"): "other",
            ("On 3 May Kabul took its quarrel over Hairatan to court.", "Hairatan"): "other",
            # a town taken is still a town taken
            ("On 3 May the rebels took Termez.", "Termez"): "territorial_control",
        }
    )


def test_warships_and_landings_are_forces_moved_a_drone_brought_down_was_fought():
    assert_types(
        {
            ("On 3 May two battalions landed at Termez.", "Termez"): "military_deployment",
            ("On 3 May the navy sent frigates to Hairatan.", "Hairatan"): "military_deployment",
            ("On 3 May a drone was brought down over Termez.", "Termez"): "clash",
        }
    )


def test_another_government_appealed_to_a_town_gone_back_and_envoys_shuttling():
    assert_types(
        {
            ("On 3 May Termez appealed to Kazakhstan for nothing less.", "Termez"): (
                "diplomatic_contact"
            ),
            ("Envoys shuttled between Termez and Kabul on 3 May.", "Termez"): (
                "diplomatic_contact"
            ),
            ("The district of Hairatan went back to Afghanistan on 3 May.", "Hairatan"): (
                "territorial_control"
            ),
        }
    )


def test_captives_prisoners_or_the_dead_handed_over_or_exchanged_are_other():
    # KEY_GUIDE.md types people held and let go as it types detentions, `other`; the deal
    # to exchange them is an agreement between governments
    assert_types(
        {
            ("On 3 May Uzbekistan handed over twelve prisoners at Hairatan.", "Hairatan"): (
                "other"
            ),
            (
                "On 3 May the two sides exchanged 40 prisoners of war at the bridge at Hairatan.",
                "Hairatan",
            ): "other",
            (
                "On 3 May two wounded Uzbek soldiers were handed over at the bridge at Hairatan.",
                "Hairatan",
            ): "other",
            ("On 3 May the prisoners were repatriated through Hairatan.", "Hairatan"): "other",
            ("On 3 May the sides agreed at Hairatan to exchange prisoners.", "Hairatan"): (
                "diplomatic_contact"
            ),
        }
    )
