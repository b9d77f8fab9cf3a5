"""Accidents: an aircraft that crashed or came down, boats that collided, a depot that blew up.

They are `other` (the guide's air crashes and dated happenings no type above fits), whatever
the dead, unless the clause names the fire that brought them down. Every sentence here was
written for its test; none appears in the evaluation set.
"""

from __future__ import annotations

from test_briefing_event_types import assert_types


def test_an_aircraft_that_crashed_boats_that_collided_and_a_depot_that_blew_up_are_accidents():
    assert_types(
        {
            (
                "A transport plane crashed near Termez on 3 May, killing all eleven men aboard.",
                "Termez",
            ): "other",
            (
                "On 3 May two patrol boats collided off Hairatan, and four sailors drowned.",
                "Hairatan",
            ): ("other"),
            (
                "On 3 May a fuel depot at Termez exploded, killing dozens of people.",
                "Termez",
            ): "other",
            # Brought down by fire: a fight.
            (
                "On 3 May a helicopter came down near Termez after it was hit by rebel fire.",
                "Termez",
            ): ("clash"),
        }
    )


def test_a_boat_of_people_that_capsized_sank_or_went_down_is_an_accident():
    # KEY_GUIDE.md's deaths and accidents are `other`, as dev keys type migrant boats lost;
    # a warship with its sailors, or a boat rammed, is a fight
    assert_types(
        {
            ("A boat carrying migrants capsized on the river near Termez on 3 May.", "Termez"): (
                "other"
            ),
            (
                "On 3 May a boat carrying Afghan families went down near Termez, and thirty "
                "people drowned.",
                "Termez",
            ): "other",
            ("An overloaded ferry sank near Termez on 3 May, drowning dozens.", "Termez"): (
                "other"
            ),
            ("An Uzbek patrol boat sank after being rammed near Termez on 3 May.", "Termez"): (
                "clash"
            ),
        }
    )
