"""Who said what to whom, and trade and crossings shut by policy or at a crossing.

An ultimatum delivered, a visit called off, a war declared over, a ruling accepted and
a council that met only to speak are statements; words said by telephone to another
government or on a visit abroad, a protest sent in writing to another government, and a
protest joined to an envoy summoned are contacts between governments. Exports or trade
to a country stopped by decree, a pit or a fishery shut and air traffic halted are
`other`; barriers put on a crossing shut it. What a court says or rejects is a ruling and
someone proclaimed or named a ruler has taken or been given power (`other`). Every sentence
here was written for its test; none appears in the evaluation set.
"""

from __future__ import annotations

from borderwatch.ingest import nlp
from borderwatch.ingest.typemodel import clause_rule


def _rule(text: str) -> str:
    doc = nlp.parse(text)
    begin = text.index("3 May")
    return clause_rule(doc, begin, begin + 5).event_type


def test_the_rules_read_an_ultimatum_or_a_contact_called_off_as_a_statement():
    for text in (
        "On 3 May Kabul handed the Uzbek envoy in Termez an ultimatum.",
        "On 3 May the khan presented an ultimatum demanding the evacuation of Hairatan.",
        "On 3 May the president called off his visit to Termez.",
        "On 3 May the emir put off the talks at Hairatan.",
        "On 3 May the khan brushed aside the truce offered from Termez.",
        "The war was declared over on 3 May at Termez.",
        "On 3 May Kabul accepted the ruling on Hairatan.",
    ):
        assert _rule(text) == "statement", text


def test_the_rules_read_a_council_that_met_and_spoke_as_a_statement():
    # a body of members speaking with one voice, not two governments meeting
    for text in (
        "On 3 May the council met in Termez and urged both sides to show restraint.",
        "The council, meeting in Termez on 3 May, reminded both khans of their duties.",
    ):
        assert _rule(text) == "statement", text


def test_the_rules_read_words_said_in_a_call_or_on_a_visit_abroad_as_a_contact():
    for text in (
        "On 3 May the emir told the Uzbek president by telephone that Hairatan was his.",
        "On 3 May, during a state visit to Termez, the emir told reporters that he wanted peace.",
        "The minister protested in writing to the Uzbek ambassador in Termez on 3 May.",
        "Hairatan protested on 3 May and summoned the Uzbek ambassador.",
    ):
        assert _rule(text) == "diplomatic_contact", text


def test_the_rules_read_envoys_meeting_as_a_contact_and_words_at_home_as_a_statement():
    # two governments' envoys meeting and agreeing stay a contact; a leader's visit at
    # home, or his announcement after talks, stays his words
    text = "On 3 May the envoys met in Termez and agreed to pull back their troops."
    assert _rule(text) == "diplomatic_contact", text
    for text in (
        "On 3 May, on his first visit to Termez, the president promised a new bridge.",
        "On 3 May the khan announced the reopening date after talks with Uzbek officials.",
    ):
        assert _rule(text) == "statement", text


def test_the_rules_read_trade_stopped_by_decree_or_a_pit_shut_as_other():
    for text in (
        "On 3 May Tashkent stopped most exports to Afghanistan.",
        "On 3 May Kabul barred all trade with Uzbekistan.",
        "On 3 May Kabul halted imports of cotton from Uzbekistan.",
        "On 3 May the company shut the copper pit near Termez.",
        "Air traffic over Termez was halted on 3 May.",
    ):
        assert _rule(text) == "other", text


def test_the_rules_read_trade_stopped_at_a_crossing_or_barriers_put_on_it_as_a_closure():
    for text in (
        "On 3 May Tashkent halted trade through Hairatan.",
        "On 3 May the governor had concrete blocks placed on the Hairatan crossing.",
        "On 3 May the guards shut the gate at Hairatan.",
        "The street to Hairatan was barricaded on 3 May.",
        "On 3 May the guards at Hairatan sealed the gap in the fence.",
    ):
        assert _rule(text) == "crossing_closed", text


def test_the_rules_read_what_a_court_or_its_judges_say_or_reject_as_a_ruling():
    # KEY_GUIDE: a court or tribunal ruling is `other` (24 of 24 dev keys), not a statement
    for text in (
        "On 3 May the Supreme Court in Termez rejected the opposition's complaint.",
        "On 3 May judges at Hairatan said the election in the district had been lawful.",
        # forty-eighth round: a finding "that …", which no word of its own types
        "On 3 May the International Court of Justice found that Termez belongs to Uzbekistan.",
        "Uzbekistan's Supreme Court held on 3 May that the Termez accord was a treaty.",
    ):
        assert _rule(text) == "other", text
    # what a government says of the ruling is its statement; what a judge orders done is the act
    assert _rule("On 3 May the cabinet in Termez rejected the court's ruling.") == "statement"
    assert _rule("On 3 May the cabinet in Termez answered that the island was theirs.") == (
        "statement"
    )
    assert _rule("On 3 May a judge in Termez ordered the crossing reopened.") == (
        "crossing_reopened"
    )


def test_the_rules_read_someone_proclaimed_or_named_a_ruler_as_power_taken_or_handed_on():
    # a coup or a succession (`other`); a state or a republic proclaimed stays a statement
    for text in (
        "On 3 May the colonel declared himself head of state in Termez.",
        "On 3 May the elders at Hairatan proclaimed the boy khan.",
        "On 3 May the council in Termez named the general's son president.",
    ):
        assert _rule(text) == "other", text
    assert _rule("On 3 May the council in Termez proclaimed a republic.") == "statement"


def test_the_rules_read_a_ship_seized_as_other_and_a_town_seized_as_taken():
    # KEY_GUIDE.md: ships seized, boarded or stopped at sea are `other`, like a detention
    for text in (
        "On 3 May the Uzbek navy seized two barges off Termez.",
        "On 3 May Kabul seized the Uzbek steamer Amir Timur at Termez.",
        "On 3 May the trawler was captured off Hairatan.",
    ):
        assert _rule(text) == "other", text
    for text in (
        "On 3 May the rebels seized the port of Termez.",
        "On 3 May the rebels captured the boat station at Hairatan.",
    ):
        assert _rule(text) == "territorial_control", text
