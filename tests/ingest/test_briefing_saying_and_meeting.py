"""What a government says apart from what it does with another government.

A proclamation, a denunciation, a treaty repudiated or an outbreak admitted is a
statement; a telephone call or a leader spoken to is a contact between governments, but
a cabinet's own meeting is not; a ceasefire announced is agreed, even as a promise, and
an offensive a side halts of itself is a truce. Every sentence here was written for its
test; none appears in the evaluation set.
"""

from __future__ import annotations

from test_briefing_event_types import assert_types

from borderwatch.ingest import nlp
from borderwatch.ingest.typemodel import clause_rule


def test_proclaiming_denouncing_repudiating_or_admitting_is_a_statement():
    assert_types(
        {
            ("On 3 May the council proclaimed a republic at Hairatan.", "Hairatan"): "statement",
            ("On 3 May the khan repudiated the Termez treaty.", "Termez"): "statement",
            ("On 3 May the emir denounced the raid on Hairatan.", "Hairatan"): "statement",
            ("On 3 May the governor of Termez admitted its first outbreak.", "Termez"): (
                "statement"
            ),
        }
    )


def test_a_call_or_a_leader_spoken_to_is_a_contact_a_cabinet_meeting_is_not():
    assert_types(
        {
            ("On 3 May the president in Termez telephoned his Afghan counterpart.", "Termez"): (
                "diplomatic_contact"
            ),
            ("On 3 May the minister spoke to the Afghan president at Hairatan.", "Hairatan"): (
                "diplomatic_contact"
            ),
        }
    )


def test_the_rules_read_a_cabinet_meeting_as_no_contact_between_governments():
    # The learned model weighs this reading against "met" (`typemodel`); the rules' own
    # reading is the government's body meeting at home.
    for text in ("On 3 May the cabinet met in Termez.", "He held a cabinet meeting on 3 May."):
        doc = nlp.parse(text)
        begin = text.index("3 May")
        assert clause_rule(doc, begin, begin + 5).event_type == "statement", text


def test_a_ceasefire_announced_or_an_offensive_halted_of_itself_is_a_truce():
    assert_types(
        {
            (
                "On 3 May Kabul announced that its troops would cease fire around Hairatan.",
                "Hairatan",
            ): "diplomatic_contact",
            ("On 3 May Termez announced that it was halting its offensive.", "Termez"): (
                "diplomatic_contact"
            ),
            # An advance halted by the other side was fought off.
            ("On 3 May the advance was halted at Hairatan.", "Hairatan"): "clash",
        }
    )
