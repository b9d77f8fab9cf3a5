"""Judge the fine-tuned encoder against the combination in use on the sixty held-out briefings.

    PYTHONPATH=src:scripts python scripts/judge_type_encoder.py DATA_DIR RUN_DIR [RUN_DIR …]

DATA_DIR is what `encoder_type_data.py` wrote, each RUN_DIR what `finetune_type_encoder.py`
wrote. The logistic regression (`train_type_model.fit`, with and without the rules' type) is
trained on the examples of the other 976 dev briefings, as a fold of
`cross_validate_type_model.py` does; each way of typing is scored on the candidate scored for
each placed key event of the sixty (`Scored`), in total and per retired pair; and the
classifiers alone on the held-out examples (the key's own occurrence).
"""

from __future__ import annotations

import json
import pickle
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import cross_validate_type_model as cv
import encoder_type_data as data
import train_type_model as training

from borderwatch.ingest import typemodel
from borderwatch.ingest.eventtype import NOTHING_SAID

PAIRS = {"aq/ar": set(data.PREVIOUS_RETIRED), "as/at": set(training.LAST_RETIRED)}


def prediction(p: list[float], classes: tuple[str, ...]) -> typemodel.Prediction:
    best = max(range(len(p)), key=lambda k: (p[k], -k))
    chances = {c: round(x, 3) for c, x in zip(classes, p, strict=True)}
    return typemodel.Prediction(classes[best], round(p[best], 3), (), chances)


def variants(classes: tuple[str, ...]) -> dict[str, Callable]:
    """Ways of typing a scored candidate from (s, plain LR, ruled LR, encoder probabilities)."""

    def enc(s, p):
        return prediction(p, classes)

    def alone(s, _pl, _ru, p):
        return enc(s, p).event_type if s.dated and p else s.rules

    def unless(keep):
        def f(s, _pl, _ru, p):
            if not (s.dated and p):
                return s.rules
            if s.dated[0].event_type and keep(s.dated[0]):
                return s.rules
            return enc(s, p).event_type

        return f

    def floor(keep, at):
        def f(s, _pl, _ru, p):
            if not (s.dated and p):
                return s.rules
            rules = s.dated[0]
            if rules.event_type and keep(rules):
                return s.rules
            g = enc(s, p)
            if g.probability < at:
                return s.rules if rules.event_type else NOTHING_SAID.event_type
            return g.event_type

        return f

    def in_use_enc(s, _pl, _ru, p):
        """The combination in use with the encoder in the logistic regression's place."""
        if not (s.dated and p):
            return s.rules
        rules, _, clause = s.dated
        g = enc(s, p)
        if not rules.event_type:
            return g.event_type if g.probability >= typemodel.FLOOR else NOTHING_SAID.event_type
        if rules.event_type and typemodel.pinned(rules):
            return s.rules
        return g.event_type if typemodel.overrules(rules, clause, g) else s.rules

    def mixed(s, _pl, ru, p):
        """As `in_use_enc`, with the mean of the encoder's and the LR's probabilities."""
        if not (s.dated and p):
            return s.rules
        lr = cv._guess(ru, s, True)
        q = [(x + lr.of(c)) / 2 for c, x in zip(classes, p, strict=True)]
        return in_use_enc(s, _pl, ru, q)

    def guarded(s, _pl, ru, p):
        """e1's 17a4ffc: the mean only where the rules typed the date's clause (or ELSEWHERE)
        and both models agree on the top type; else the LR."""
        if not (s.dated and p):
            return s.rules
        rules, _, clause = s.dated
        lr = cv._guess(ru, s, True)
        if not rules.event_type:
            return cv._taken(lr)
        if typemodel.pinned(rules):
            return s.rules
        from borderwatch.ingest.eventtype import ELSEWHERE

        weighed = (clause == NOTHING_SAID and rules.strength <= ELSEWHERE) or (
            (clause.event_type, clause.cue) == (rules.event_type, rules.cue)
        )
        g = lr
        if weighed and enc(s, p).event_type == lr.event_type:
            g = prediction([(x + lr.of(c)) / 2 for c, x in zip(classes, p, strict=True)], classes)
        return g.event_type if typemodel.overrules(rules, clause, g) else s.rules

    def mixed_typed_only(s, _pl, ru, p):
        """The mean where the rules typed the candidate; the LR alone where they found nothing."""
        if not (s.dated and p):
            return s.rules
        if not s.dated[0].event_type:
            return cv._taken(cv._guess(ru, s, True))
        return mixed(s, _pl, ru, p)

    return {
        "e1 guarded mean (17a4ffc)": guarded,
        "mean where the rules typed; LR alone where they found nothing": mixed_typed_only,
        "the rules alone": lambda s, _pl, _ru, _p: s.rules,
        "LR alone (no rule feature)": lambda s, pl, ru, _p: cv._alone(s, pl, ru),
        "LR combination in use (`type_dated`)": lambda s, pl, ru, _p: cv._in_use(s, pl, ru),
        "encoder alone": alone,
        "encoder unless the rules are `pinned`": unless(typemodel.pinned),
        "encoder unless the rules are `certain`": unless(typemodel.certain),
        "encoder unless `pinned`, rules below p 0.5": floor(typemodel.pinned, 0.5),
        "encoder in LR's place in `type_dated`": in_use_enc,
        "mean of encoder and LR in LR's place in `type_dated` (post hoc)": mixed,
    }


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    scored = pickle.loads((folder / "scored.pkl").read_bytes())
    examples = pickle.loads((folder / "examples.pkl").read_bytes())
    held = set(data.HELD_OUT)
    train = [e for e, _ in examples if e.briefing not in held]
    test = [e for e, _ in examples if e.briefing in held]
    cache = folder / "lr_models.pkl"
    if cache.exists():
        plain, ruled = pickle.loads(cache.read_bytes())
    else:
        plain = training.fit(train, with_rule=False)
        ruled = training.fit(train, with_rule=True)
        cache.write_bytes(pickle.dumps((plain, ruled)))
    n = Counter(s.briefing in PAIRS["as/at"] for s, _ in scored)
    briefings = len({e.briefing for e in train})
    print(f"LR trained on {briefings} briefings, {len(train)} events; {len(scored)} placed "
          f"key events held out (aq/ar {n[False]}, as/at {n[True]})")  # fmt: skip
    for run in map(Path, argv[1:]):
        probs = [json.loads(x)["p"] for x in (run / "heldout_scored.jsonl").open()]
        ex_probs = [json.loads(x)["p"] for x in (run / "heldout_examples.jsonl").open()]
        classes = (
            "crossing_closed", "crossing_reopened", "crossing_threatened",
            "territorial_control", "clash", "military_deployment", "military_exercise",
            "refugee_movement", "diplomatic_contact", "statement", "infrastructure",
            "militant_presence", "other",
        )  # fmt: skip
        print(f"\n## {run}\n")
        print("| typed by | all 60 | aq/ar | as/at |\n|---|---|---|---|")
        for name, f in variants(classes).items():
            right = Counter()
            for (s, _), p in zip(scored, probs, strict=True):
                ok = f(s, plain, ruled, p) == s.label
                right["all"] += ok
                right["as/at" if s.briefing in PAIRS["as/at"] else "aq/ar"] += ok
            cells = [
                f"{right[k]}/{m} ({100 * right[k] / m:.1f} %)"
                for k, m in (("all", len(scored)), ("aq/ar", n[False]), ("as/at", n[True]))
            ]
            print(f"| {name} | " + " | ".join(cells) + " |")
        lr_plain = sum(plain.predict(list(e.features), vector=e.vector).event_type == e.label
                       for e in test)  # fmt: skip
        lr_ruled = sum(
            ruled.predict(
                [*e.features, *typemodel.rule_features(e.rule)], vector=e.vector
            ).event_type
            == e.label
            for e in test
        )
        encoder = sum(
            p is not None and prediction(p, classes).event_type == e.label
            for e, p in zip(test, ex_probs, strict=True)
        )
        mean = 0
        for e, p in zip(test, ex_probs, strict=True):
            if p is None:
                continue
            lr = ruled.predict([*e.features, *typemodel.rule_features(e.rule)], vector=e.vector)
            q = [(x + lr.of(c)) / 2 for c, x in zip(classes, p, strict=True)]
            mean += prediction(q, classes).event_type == e.label
        m = len(test)
        print(f"\nclassifier alone on the {m} held-out examples (key's occurrence): "
              f"LR {lr_plain} ({100 * lr_plain / m:.1f} %), LR with the rules' type "
              f"{lr_ruled} ({100 * lr_ruled / m:.1f} %), encoder {encoder} "
              f"({100 * encoder / m:.1f} %), mean of encoder and LR with the rules' type "
              f"{mean} ({100 * mean / m:.1f} %)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
