"""Readings of a dated clause that a word's sense or the shape of the sentence decides.

A canal or a strait shut is no land crossing (KEY_GUIDE.md: the crossing types are for land
crossings); an embassy ransacked is attacked, as one sacked is; a pursuit stopped is fought
off, as an advance halted is; envoys who set their seals to a treaty signed it; strikes
called off are the decision, not the strikes; a figure reported is the report, however the
figure is written; a clause before a semicolon is no clause that the saying after it
reports. Every sentence here was written for its test; none appears in the evaluation set.
"""

from __future__ import annotations

from test_briefing_event_types import assert_types, broken_by_retrained_encoder

from borderwatch.ingest import nlp
from borderwatch.ingest.clauses import governing_verb
from borderwatch.ingest.eventtype import clause_cue


def _reading(text: str, date: str) -> str:
    """The rules' type for the clause holding `date` (as extraction reads a dated clause)."""
    doc = nlp.parse(text)
    span = doc.char_span(text.index(date), text.index(date) + len(date))
    assert span is not None
    return clause_cue(governing_verb(span.root), {t.i for t in span}).event_type


def assert_readings(cases: dict[tuple[str, str], str]) -> None:
    for (text, date), expected in cases.items():
        assert _reading(text, date) == expected, text


def test_a_canal_or_strait_shut_or_kept_shut_is_no_land_crossing_closed():
    assert_types(
        {
            ("On 3 May the canal at Termez was blocked with sunken barges.", "Termez"): "other",
            ("The canal at Termez stayed shut between 1990 and 1994.", "Termez"): "other",
            # a crossing kept shut is still one
            ("The crossing at Hairatan stayed shut between 1990 and 1994.", "Hairatan"): (
                "crossing_closed"
            ),
        }
    )


@broken_by_retrained_encoder(
    "it reads the embassy ransacked as other (0.83), the logistic model a clash (0.45), and the "
    "mean (other 0.50 against clash 0.24) overrules the rules' clash"
)
def test_an_embassy_ransacked_is_attacked():
    assert_types({("The Uzbek embassy in Kabul was ransacked on 3 May.", "Kabul"): "clash"})


def test_a_pursuit_stopped_is_fought_off():
    assert_types(
        {
            ("On 3 May a rearguard stopped the pursuit at Hairatan.", "Hairatan"): "clash",
        }
    )


def test_seals_set_to_a_treaty_sign_it():
    assert_types(
        {
            ("On 3 May the envoys set their seals to a treaty at Termez.", "Termez"): (
                "diplomatic_contact"
            ),
        }
    )


def test_strikes_called_off_are_the_decision_not_the_strikes():
    assert_types(
        {
            ("On 3 May the president called off the air strikes on Termez.", "Termez"): (
                "statement"
            ),
        }
    )


def test_a_figure_reported_in_words_is_the_report():
    # the rules' reading; the models weigh it with the clause's words
    assert_readings(
        {
            ("On 3 May the ministry said tens of thousands had crossed at Termez.", "On 3 May"): (
                "statement"
            ),
            ("On 3 May the ministry said the refugees had crossed at Termez.", "On 3 May"): (
                "refugee_movement"
            ),
        }
    )


def test_a_clause_before_a_semicolon_is_not_what_the_saying_after_it_reports():
    assert_readings(
        {
            (
                "The camp at Termez was built for a few hundred people; on 3 May the ministry "
                "said it was full.",
                "on 3 May",
            ): "statement",
        }
    )
