"""The documented mapping tables only ever produce values of BorderWatch's vocabularies."""

from __future__ import annotations

import pytest

from borderwatch.data import vocab
from borderwatch.ingest import mapping


def test_every_mapped_event_type_is_in_the_vocabulary():
    produced = set(mapping.ACLED_SUB_EVENT_TYPES.values()) | {
        t for t, _ in mapping.UCDP_VIOLENCE_TYPES.values()
    }
    assert produced <= set(vocab.EVENT_TYPES)
    assert mapping.OTHER in vocab.EVENT_TYPES


def test_every_mapped_precision_is_in_the_vocabulary():
    assert set(mapping.ACLED_TIME_PRECISION.values()) <= set(vocab.DATE_PRECISIONS)
    assert set(mapping.UCDP_DATE_PREC.values()) <= set(vocab.DATE_PRECISIONS)
    assert set(mapping.ACLED_GEO_PRECISION.values()) <= set(vocab.GEO_PRECISIONS)
    assert set(mapping.UCDP_WHERE_PREC.values()) <= set(vocab.GEO_PRECISIONS)
    assert {s for _, s in mapping.CONTROL_BY_ACTOR} <= set(vocab.CONTROL_STATES)


def test_ucdp_precision_codes_one_to_five_and_one_to_seven_are_all_mapped():
    assert sorted(mapping.UCDP_DATE_PREC) == ["1", "2", "3", "4", "5"]
    assert sorted(mapping.UCDP_WHERE_PREC) == ["1", "2", "3", "4", "5", "6", "7"]


def test_unmapped_acled_type_becomes_other_and_keeps_its_name():
    assert mapping.acled_event_type("Protests", "Peaceful protest") == (
        "other",
        "Protests / Peaceful protest",
    )
    assert mapping.acled_event_type("Battles", "Armed clash") == ("clash", "Battles / Armed clash")


@pytest.mark.parametrize(
    ("actor", "control"),
    [
        ("Taliban", "taliban"),
        ("Military Forces of Afghanistan (2021-)", "taliban"),
        ("Military Forces of Afghanistan (2004-2021)", "government"),
        ("NRF: National Resistance Front", "resistance"),
        ("Unidentified Armed Group (Afghanistan)", ""),
    ],
)
def test_who_holds_territory_is_read_from_the_actor(actor, control):
    assert mapping.control_from_actor(actor) == control


@pytest.mark.parametrize(
    ("name", "numeric", "iso3"),
    [
        ("Afghanistan", "4", "AFG"),
        ("", "762", "TJK"),
        ("Uzbekistan", "", "UZB"),
        ("Russia (Soviet Union)", "", "RUS"),
        ("Kyrgyzstan", "", "KGZ"),
        ("Atlantis", "", None),
    ],
)
def test_country_names_and_numeric_codes_become_iso3(name, numeric, iso3):
    assert mapping.country_iso3(name, numeric) == iso3


def test_actors_are_joined_without_blanks_or_repeats():
    assert (
        mapping.join_actors(
            "Taliban", "", "Military Forces of Afghanistan (2004-2021)", "Taliban; NDS"
        )
        == "Taliban;Military Forces of Afghanistan (2004-2021);NDS"
    )
