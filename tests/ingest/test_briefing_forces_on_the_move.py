"""Forces and people on the move: a town entered, held or left to another, forces moved,
people fleeing. Every sentence here was written for its test; none appears in the
evaluation set or the seeds.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sample_data import places_frame

from borderwatch.ingest.extract import extract_candidates

PLACES_DF = places_frame()
PUBLISHED = dt.date(2021, 5, 20)


def type_at(text: str, place: str) -> list[str]:
    df = extract_candidates(text, PUBLISHED, "TEST-MOVE", PLACES_DF)
    return df[(df["place"] == place) & (df["date_start"] != "")]["event_type"].tolist()


def assert_types(cases: dict[tuple[str, str], str]) -> None:
    for (text, place), expected in cases.items():
        assert type_at(text, place) == [expected], text


def test_a_force_that_is_in_a_town_holds_it():
    assert_types(
        {
            ("On Sunday the Uzbek army was back in Termez.", "Termez"): "territorial_control",
            ("On 3 May, Uzbek troops were in Termez.", "Termez"): "territorial_control",
            # a presence since a date is a deployment, not an entry
            ("Uzbek troops have been in Termez since 2001.", "Termez"): "military_deployment",
        }
    )


def test_a_named_movement_or_a_force_walking_into_a_town_takes_it():
    assert_types(
        {
            ("On 3 May the Northern Alliance rode into Termez.", "Termez"): ("territorial_control"),
            ("On 3 May police and soldiers walked into Termez and found it empty.", "Termez"): (
                "territorial_control"
            ),
        }
    )


def test_a_place_left_to_another_holder_changed_hands():
    assert_types(
        {
            (
                "On 3 May the militia pulled out of Termez, leaving it to government troops.",
                "Termez",
            ): "territorial_control",
        }
    )


def test_a_place_crossed_into_and_held_is_taken():
    text = "On 3 May the brigade crossed into Termez and held it for a month."
    assert type_at(text, "Termez") == ["territorial_control"]


@pytest.mark.xfail(
    strict=True,
    reason="regressed when the model was retrained with heldout_as/at in dev (31st round): "
    "the model's reading of 'took' as a capture falls outside typemodel.TIE again",
)
def test_a_place_crossed_on_the_way_to_a_capture_is_a_deployment():
    # the model reads "took" as a capture nearly as strongly as the crossing as a deployment;
    # within typemodel.TIE the rules' reading of the crossing stands
    text = "On 3 May the brigade crossed the river at Hairatan and took the fort at Termez."
    assert type_at(text, "Hairatan") == ["military_deployment"]


def test_forces_rushed_somewhere_are_deployed():
    assert type_at("On 3 May the battalion was rushed up to Termez.", "Termez") == [
        "military_deployment"
    ]


def test_guns_taken_in_a_fight_are_no_town_taken():
    assert type_at(
        "On 3 May the cavalry fell on the camp at Termez and took the enemy's guns.", "Termez"
    ) == ["clash"]


def test_a_source_set_off_in_the_present_does_not_date_a_statement():
    assert type_at(
        "Since April, officials say, thousands of Afghans have crossed into Termez.", "Termez"
    ) == ["refugee_movement"]


def test_a_post_or_a_camp_overrun_is_taken_and_a_force_overrun_is_beaten():
    # KEY_GUIDE.md: "A post, outpost or fort overrun ... is territorial_control"; the
    # reading is the rules' own, so the models overrule it only from typemodel.SURE
    assert_types(
        {
            (
                "On 3 May fighters crossed from Afghanistan and overran the army post at "
                "Termez, killing twelve soldiers.",
                "Termez",
            ): "territorial_control",
            (
                "On 3 May the militia overran the camp at Termez after a six-hour assault.",
                "Termez",
            ): ("territorial_control"),
            ("On 3 May the rebels overran a government battalion near Termez.", "Termez"): "clash",
        }
    )


def test_forces_built_up_or_massed_said_with_a_noun_are_a_deployment_not_a_construction():
    # KEY_GUIDE.md: forces moved or stationed are military_deployment; "build" names a
    # construction only as a verb of building, not in "build-up"
    assert_types(
        {
            (
                "The build-up was seen from the air on 3 May, when two divisions moved down "
                "to Termez.",
                "Termez",
            ): "military_deployment",
            (
                "On 3 May the ministry said it was watching a build-up of Afghan artillery "
                "and tanks along the border at Termez.",
                "Termez",
            ): "military_deployment",
            ("On 3 May officials reported a massing of troops near Termez.", "Termez"): (
                "military_deployment"
            ),
            ("On 3 May the army built up its forces near Termez.", "Termez"): (
                "military_deployment"
            ),
            # a build-up of lorries is no force, and a railway built is still built
            ("On 3 May a build-up of lorries at Termez blocked the bridge.", "Termez"): (
                "crossing_closed"
            ),
            ("The railway to Termez was built in 1982.", "Termez"): "infrastructure",
        }
    )


def test_forces_entering_a_sea_a_strait_or_a_pass_are_deployed_not_holding_it():
    assert_types(
        {
            ("On 3 May an Iranian flotilla entered the Caspian Sea.", "Caspian Sea"): (
                "military_deployment"
            ),
            ("Two Uzbek brigades entered the Salang Pass on 3 May.", "Salang Pass"): (
                "military_deployment"
            ),
            (
                "Iranian gunboats were moved into the Strait of Hormuz on 3 May.",
                "Strait of Hormuz",
            ): ("military_deployment"),
            # a town entered is still taken
            ("Two Uzbek brigades entered Termez on 3 May.", "Termez"): "territorial_control",
        }
    )


def test_a_state_that_rules_administers_or_annexes_a_land_holds_it_and_a_man_or_a_court_does_not():
    assert_types(
        {
            ("Uzbekistan has administered Termez since 1991.", "Termez"): "territorial_control",
            ("Termez, which Uzbekistan has ruled since 1991, lies on the river.", "Termez"): (
                "territorial_control"
            ),
            ("The warlord Rashid ruled Termez from 1933 until 1944.", "Termez"): "other",
            # a government rules its own country in office: no land changes hands
            ("The present government has ruled Uzbekistan since 2016.", "Uzbekistan"): "other",
            ("A court in Termez ruled on 3 May that the sale was void.", "Termez"): "other",
        }
    )


def test_a_state_that_enters_or_joins_a_war_fights_in_it():
    assert_types(
        {
            ("On 3 May Uzbekistan entered the war.", "Uzbekistan"): "clash",
            ("On 3 May Uzbekistan joined the fighting against the Taliban.", "Uzbekistan"): "clash",
            # a bloc joined is still a diplomatic act
            ("On 3 May Uzbekistan joined the Eurasian Economic Union.", "Uzbekistan"): (
                "diplomatic_contact"
            ),
        }
    )


def test_a_force_that_moves_back_into_the_centre_of_a_town_takes_it():
    text = "Army units moved back into the centre of Termez on 4 May."
    assert type_at(text, "Termez") == ["territorial_control"]


def test_a_force_that_moves_into_the_place_just_named_or_into_the_centre_of_a_town_takes_it():
    assert_types(
        {
            (
                "Rebels had seized Termez. On 4 May government troops moved into it.",
                "Termez",
            ): ("territorial_control"),
            # the outskirts are reached before a town is taken: no town held yet
            ("Army units moved into the outskirts of Termez on 4 May.", "Termez"): (
                "military_deployment"
            ),
        }
    )


def test_warships_that_anchor_off_a_place_are_deployed_there_and_other_boats_are_not():
    assert_types(
        {
            ("On 4 May the gunboat Amur dropped anchor off Termez.", "Termez"): (
                "military_deployment"
            ),
            ("On 4 May a squadron of cruisers anchored off Termez.", "Termez"): (
                "military_deployment"
            ),
            # fishing boats at rest are no force
            ("On 4 May fishing boats anchored off Termez.", "Termez"): "other",
        }
    )
