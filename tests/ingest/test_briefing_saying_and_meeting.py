"""What a government says apart from what it does with another government.

A proclamation, a denunciation, a treaty repudiated or an outbreak admitted is a
statement; a telephone call or a leader spoken to is a contact between governments, but
a cabinet's own meeting is not; a ceasefire announced is agreed, even as a promise, and
an offensive a side halts of itself is a truce. Every sentence here was written for its
test; none appears in the evaluation set.
"""

from __future__ import annotations

from test_briefing_event_types import assert_rules_read, assert_types, clause_rule_at

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


def test_a_protest_delivered_or_made_to_another_government_is_a_contact():
    assert_types(
        {
            ("On 3 May Kabul handed Tashkent a note of protest over Hairatan.", "Hairatan"): (
                "diplomatic_contact"
            ),
            ("On 3 May the envoy in Termez delivered a protest.", "Termez"): "diplomatic_contact",
            ("On 3 May Tashkent protested to Kabul over the shelling of Termez.", "Termez"): (
                "diplomatic_contact"
            ),
        }
    )


def test_no_protest_lodged_is_no_contact():
    text = "On 3 May Tashkent lodged no protest over Termez."
    doc = nlp.parse(text)
    begin = text.index("3 May")
    assert clause_rule(doc, begin, begin + 5).event_type != "diplomatic_contact"


def test_a_speech_to_a_rally_or_a_crowd_is_a_statement_not_the_rally():
    assert_types(
        {
            (
                "On 3 May the president told a rally in Termez that the bridge would stay shut.",
                "Termez",
            ): "statement",
            ("On 3 May the emir spoke to a crowd of thousands at Hairatan.", "Hairatan"): (
                "statement"
            ),
        }
    )


def test_what_a_leader_tells_reporters_parliament_or_the_nation_is_his_statement():
    # The act he reports is keyed where the text dates it; the telling is what he did that
    # day, as a speech to a rally is. Said to another government, it is a contact.
    assert_types(
        {
            (
                "On 3 May a rebel spokesman told reporters in Termez that his men had shelled "
                "the bridge.",
                "Termez",
            ): "statement",
            (
                "On 3 May the minister told parliament in Dushanbe that the army had taken "
                "back the Panj valley.",
                "Dushanbe",
            ): "statement",
            (
                "On 3 May the president told the nation that the crossing at Hairatan had closed.",
                "Hairatan",
            ): "statement",
            (
                "On 3 May, on a state visit to Kabul, the emir told reporters that Termez "
                "would stay open.",
                "Kabul",
            ): "diplomatic_contact",
        }
    )


def test_the_work_of_an_embassy_suspended_or_envoys_shuttling_is_between_governments():
    assert_types(
        {
            ("On 3 May Kabul suspended the work of its consulate in Termez.", "Termez"): (
                "diplomatic_contact"
            ),
            ("On 3 May the envoy shuttled between Termez and Kabul.", "Termez"): (
                "diplomatic_contact"
            ),
            ("On 3 May the Hairatan accord was initialled in Termez.", "Termez"): (
                "diplomatic_contact"
            ),
        }
    )


def test_a_government_appealing_to_or_asking_another_state_is_a_contact():
    assert_types(
        {
            ("On 3 May Tashkent appealed to Kabul and to the CSTO over Termez.", "Termez"): (
                "diplomatic_contact"
            ),
            ("On 3 May Kabul asked NATO to station batteries at Termez.", "Termez"): (
                "diplomatic_contact"
            ),
        }
    )


def test_the_rules_read_a_government_refusing_as_a_statement_unless_it_refuses_an_act():
    for text, expected in (
        ("The next morning Kabul refused.", "statement"),
        ("On 3 May the cabinet refused to discuss the matter in Termez.", "statement"),
        ("On 3 May Kabul refused to let lorries through Termez.", "crossing_closed"),
    ):
        doc = nlp.parse(text)
        when = "On 3 May" if "3 May" in text else "The next morning"
        begin = text.index(when)
        assert clause_rule(doc, begin, begin + len(when)).event_type == expected, text


def test_the_rules_read_mediating_brokering_telegraphing_or_an_armistice_as_a_contact():
    for text in (
        "On 3 May the emir offered to mediate between the khans at Termez.",
        "On 3 May the emir telegraphed the khan at Hairatan.",
        "On 3 May the emir cabled the khan from Hairatan.",
        "On 3 May a Tajik envoy brokered a truce at Termez.",
        "The armistice of 3 May left Termez to the khan.",
    ):
        doc = nlp.parse(text)
        begin = text.index("3 May")
        assert clause_rule(doc, begin, begin + 5).event_type == "diplomatic_contact", text


def test_the_rules_read_visitors_as_travellers_not_a_visit():
    for text in (
        "The first cases were found on 3 May among visitors from Hairatan.",
        "On 3 May visitors from Kabul filled the hotels of Termez.",
    ):
        doc = nlp.parse(text)
        begin = text.index("3 May")
        assert clause_rule(doc, begin, begin + 5).event_type != "diplomatic_contact", text


def test_the_rules_read_a_verb_with_no_cue_governing_a_that_clause_as_a_statement():
    for text in (
        "On 3 May Kabul answered that Termez was Afghan territory.",
        "On 3 May the khan repeated that the villagers of Hairatan would decide.",
    ):
        doc = nlp.parse(text)
        begin = text.index("3 May")
        assert clause_rule(doc, begin, begin + 5).event_type == "statement", text


def test_words_told_to_another_government_its_envoy_or_ones_hosts_are_a_contact():
    # What one government tells another is passed between them, like a note; what a
    # leader tells reporters, or tells another state to do, stays a statement.
    assert_types(
        {
            ("On 3 June Tashkent told Kabul that the Termez bridge would stay shut.", "Termez"): (
                "diplomatic_contact"
            ),
            ("On 3 June the khan told his hosts in Termez that the raids must end.", "Termez"): (
                "diplomatic_contact"
            ),
            (
                "On 3 June the minister told the Afghan ambassador of the Termez closure.",
                "Termez",
            ): "diplomatic_contact",
            (
                "On 3 June the minister told reporters in Termez that the raids must end.",
                "Termez",
            ): "statement",
            (
                "On 3 June the emir told Afghanistan by radio that Termez would be retaken.",
                "Termez",
            ): "statement",
        }
    )


def test_the_rules_read_a_leader_meeting_people_who_are_no_government_as_no_contact():
    # "met" is a contact between governments when those met are a government or its envoys;
    # families or villagers met are not one, and the sentences name nothing else.
    for text, etype in (
        ("On 3 June the president met the families of the missing fishermen in Termez.", "other"),
        ("On 3 June the archbishop met with villagers near Termez.", "other"),
        ("On 3 June the president met the Afghan minister in Termez.", "diplomatic_contact"),
    ):
        doc = nlp.parse(text)
        begin = text.index("3 June")
        assert clause_rule(doc, begin, begin + len("3 June")).event_type == etype, text


def test_words_written_wired_or_sent_to_another_government_are_a_contact():
    # A letter, telegram or note sent to another government, its leader or its envoy is
    # passed between governments, like a protest note (KEY_GUIDE.md: a note handed or sent
    # to another government); one written home, a note that demands (an ultimatum), or a
    # letter with no one named to receive it stays one government's words.
    assert_types(
        {
            (
                "On 3 June the emir wrote to the Afghan president about the Termez raids.",
                "Termez",
            ): ("diplomatic_contact"),
            ("On 3 June the khan telegraphed Rahmon to complain of the Termez raids.", "Termez"): (
                "diplomatic_contact"
            ),
            (
                "On 3 June the embassy informed the government in Kabul of the Termez closure.",
                "Termez",
            ): "diplomatic_contact",
            (
                "On 3 June Tashkent sent Kabul a note about the prisoners held at Termez.",
                "Termez",
            ): ("diplomatic_contact"),
        }
    )
    for text in (
        "On 3 June the governor wrote to parliament about the Termez raids.",
        "On 3 June the emir wrote a long letter about the Termez raids.",
        "On 3 June Tashkent sent Kabul a note demanding the Termez prisoners back.",
    ):
        doc = nlp.parse(text)
        begin = text.index("3 June")
        assert clause_rule(doc, begin, begin + 6).event_type != "diplomatic_contact", text


def test_an_agreement_or_a_break_in_relations_announced_as_done_is_the_contact():
    # What the saying reports is the act between governments, even where the clause dates
    # the agreed act itself (a deadline); what would happen, or did not, and a figure
    # reported (how much was agreed) stay the words.
    assert_types(
        {
            (
                "On 3 June Kabul said that both sides had agreed to reopen Termez by 1 July.",
                "Termez",
            ): "diplomatic_contact",
            (
                "On 3 June the two armies announced that their commanders had met at Termez "
                "and agreed to hold fire from midnight.",
                "Termez",
            ): "diplomatic_contact",
            ("On 3 June Tashkent announced at Termez that relations were broken.", "Termez"): (
                "diplomatic_contact"
            ),
            ("On 3 June Kabul said that talks with Tashkent would resume at Termez.", "Termez"): (
                "statement"
            ),
            ("On 3 June Kabul said at Termez that it had not agreed to any truce.", "Termez"): (
                "statement"
            ),
            (
                "On 3 June Kabul said that nine tenths of the Termez line had been agreed.",
                "Termez",
            ): "statement",
        }
    )


def test_foreign_envoys_told_together_are_briefed_not_contacted():
    # One envoy told something carries it to his government; a leader telling the
    # ambassadors posted in his capital speaks to them all at once, a statement.
    assert_types(
        {
            (
                "On 3 June the emir told foreign ambassadors in Termez that the raids must end.",
                "Termez",
            ): "statement",
            (
                "On 3 June the emir told the Afghan ambassador in Termez that the raids must end.",
                "Termez",
            ): "diplomatic_contact",
        }
    )


def test_what_ministers_of_several_governments_said_at_their_meeting_is_the_meeting():
    assert_types(
        {
            (
                "Foreign ministers meeting in Termez demanded on 3 May that the rebels leave "
                "the town.",
                "Termez",
            ): "diplomatic_contact",
            (
                "The leaders of the two states, meeting in Hairatan, promised on 3 May to settle "
                "the quarrel by talks.",
                "Hairatan",
            ): "diplomatic_contact",
            # one government's ministers meeting at home are no contact between governments
            (
                "Uzbek ministers meeting in Termez demanded on 3 May that the rebels leave the "
                "town.",
                "Termez",
            ): "statement",
        }
    )


def test_a_name_signature_or_seal_put_to_an_agreement_signs_it():
    assert_types(
        {
            ("On 12 May the two envoys put their names to a peace at Hairatan.", "Hairatan"): (
                "diplomatic_contact"
            ),
            ("On 12 May the ministers put their signatures to the Termez convention.", "Termez"): (
                "diplomatic_contact"
            ),
            ("On 12 May the khan put his seal to a treaty at Hairatan.", "Hairatan"): (
                "diplomatic_contact"
            ),
        }
    )
    # An agreement named before ("put his name to it") is signed too.
    text = "The emir signed the accord on 9 May; the khan put his name to it in Termez on 12 May."
    cue = clause_rule_at(text, "12 May")
    assert (cue.event_type, cue.cue) == ("diplomatic_contact", "put … name to it")


def test_the_rules_read_a_seal_put_to_a_decree_or_an_appeal_as_no_crossing_sealed():
    for text in (
        "On 12 May the governor put his seal to a decree in Termez.",
        "On 12 May the mayor put his name to an appeal for calm in Termez.",
    ):
        cue = clause_rule_at(text, "12 May")
        assert (cue.event_type, cue.cue) == ("other", "no event word in the dated clause"), text


def test_leaders_who_spoke_by_telephone_or_video_link_made_a_call():
    for text in (
        "On 12 May the two presidents spoke by telephone about the crossing at Termez.",
        "On 12 May the Uzbek minister spoke over the phone with his Afghan counterpart in Termez.",
    ):
        cue = clause_rule_at(text, "12 May")
        assert (cue.event_type, cue.explicit) == ("diplomatic_contact", True), text
    # A witness quoted "speaking by telephone" made no call between governments.
    text = "Speaking by telephone from Termez on 12 May, a trader said the gate was shut."
    assert clause_rule_at(text, "12 May").event_type != "diplomatic_contact"


def test_a_deal_or_treaty_announced_or_approved_is_the_agreement():
    # KEY_GUIDE.md: an announcement that reports an act is typed as the act, and agreements
    # signed or ratified are contacts between governments; a deal made public, or a treaty
    # a legislature approves, is the agreement.
    for text, date in (
        ("On 3 May the two presidents announced the deal at Termez.", "On 3 May"),
        ("The accord was reached at Hairatan and announced on 3 May.", "on 3 May"),
        ("Its terms were announced on 3 May in Termez and Kabul.", "on 3 May"),
        (
            "Kabul signed a border treaty with Tashkent in April, and the assembly in Termez "
            "approved it on 3 May.",
            "on 3 May",
        ),
    ):
        assert clause_rule_at(text, date).event_type == "diplomatic_contact", text


def test_what_is_announced_or_approved_that_is_no_agreement_stays_a_statement():
    for text, date in (
        ("On 3 May the governor of Termez announced new rules for herders.", "On 3 May"),
        ("On 3 May the assembly in Termez approved the budget.", "On 3 May"),
        ("On 3 May Kabul said it would not announce the deal at Termez.", "On 3 May"),
    ):
        assert clause_rule_at(text, date).event_type == "statement", text


def test_a_law_act_or_constitution_signed_at_home_or_an_award_a_tribunal_signed_is_no_agreement():
    assert_rules_read(
        "other",
        "3 May",
        "On 3 May the president signed the Border Security Act in Termez.",
        "The new constitution, signed by the khan in Termez on 3 May, bound the province closer.",
        "On 3 May the tribunal sitting in Termez signed an award that gives the island to Kabul.",
    )
    assert_rules_read(
        "diplomatic_contact",
        "1885",
        "Under the General Act signed at Termez in 1885 the river stayed open to all flags.",
        "The Act of Kandahar, signed in 1885, left the river open to all flags.",
    )
