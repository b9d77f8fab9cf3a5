"""scripts/measure_retired.py: the variants of the combination it measures, as described."""

from __future__ import annotations

from scripts_module import load_script

from borderwatch.ingest import typemodel
from borderwatch.ingest.eventtype import TypeCue

load_script("measure_extraction")  # imported by name, as scripts/ on the path has them
load_script("train_type_model")
mr = load_script("measure_retired")

CERTAIN = TypeCue("military_deployment", "took … positions", 1.0)
"""The verb with what it acts on at full strength: `typemodel.certain`."""
OWN = TypeCue("clash", "shelled", 0.8)
"""A reading of the date's own clause (`weighed` when the clause is read the same)."""
ELSE = TypeCue("other", "elsewhere", 0.8)
"""A reading the clause does not hold: its overrule needs `TRUST`."""


def guess(
    event_type: str, p: float, rival: str, q: float, by: str = "mean"
) -> typemodel.Prediction:
    return typemodel.Prediction(event_type, p, (), {event_type: p, rival: q}, by=by)


def overrules(name: str, rules: TypeCue, clause: TypeCue, g: typemodel.Prediction) -> bool:
    with mr.variant(name):
        return typemodel.overrules(rules, clause, g)


def test_sure_less_lets_the_mean_overrule_a_certain_reading_below_sure():
    g = guess("territorial_control", 0.5, CERTAIN.event_type, 0.2)
    assert not overrules("landed", CERTAIN, CERTAIN, g)
    assert overrules("sure-less", CERTAIN, CERTAIN, g)
    assert overrules("sure-less+one-threshold", CERTAIN, CERTAIN, g)
    assert not overrules("one-threshold", CERTAIN, CERTAIN, g)
    # the logistic model alone still needs SURE, and a tie still lets the rules stand
    alone = guess("territorial_control", 0.5, CERTAIN.event_type, 0.2, by="model")
    assert not overrules("sure-less", CERTAIN, CERTAIN, alone)
    tie = guess("territorial_control", 0.5, CERTAIN.event_type, 0.49)
    assert not overrules("sure-less", CERTAIN, CERTAIN, tie)


def test_one_threshold_replaces_weighed_and_trust_for_the_mean_alone():
    low = guess("statement", 0.3, "clash", 0.1)
    mid = guess("statement", 0.37, "clash", 0.1)
    assert overrules("landed", OWN, OWN, low)  # WEIGHED 0.25
    assert not overrules("one-threshold", OWN, OWN, low)
    assert not overrules("landed", OWN, ELSE, mid)  # TRUST 0.4
    assert overrules("one-threshold", OWN, ELSE, mid)
    assert overrules("one-threshold", OWN, OWN, guess("statement", 0.3, "clash", 0.1, by="model"))


def test_encoder_weight_in_the_mean():
    enc = guess("clash", 0.8, "other", 0.2, by="encoder")
    lr = guess("other", 0.9, "clash", 0.1, by="model")
    assert typemodel._mean(enc, lr).event_type == "other"  # 0.45 against 0.55
    with mr.variant("encoder-0.6"):
        m = typemodel._mean(enc, lr)
    assert (m.event_type, m.probability, m.by) == ("clash", 0.52, "mean")


def test_a_variant_is_undone_after_its_block():
    landed = (typemodel.overrules, typemodel._mean)
    for name in mr.VARIANTS:
        with mr.variant(name):
            pass
        assert (typemodel.overrules, typemodel._mean) == landed
