"""Judge the learned event type honestly: leave one dev briefing out, through the whole extraction.

    python scripts/cross_validate_type_model.py            # the combinations, all of dev
    python scripts/cross_validate_type_model.py --curve    # and trained on 25/50/75 % of it
    python scripts/cross_validate_type_model.py --folds 10 # ten folds of briefings, not one each

Each dev briefing is extracted once (`extract_candidates`, as `measure_extraction.py`
runs it) with `typemodel.type_dated` recording, for every dated candidate, the rules'
type, the features of its date's clause and the rules' type for that clause. The
candidate scored for each key event is the one `measure_extraction.py` scores (of the
key events some candidate places). Then, for each briefing, models are trained on the
key examples of the other briefings (`train_type_model.examples`; with `--curve` on a
random 25, 50 and 75 % of them too, a fixed seed), and each way of combining the rules
with a model types the held-out briefing's candidates:

* the rules alone;
* the model alone (without the rules' type among its features), on every dated candidate;
* the rules, and the model alone where they type nothing (the ninth round's combination);
* the rules, and the model with the rules' type among its features (learnt only from
  `train_type_model.RULES_UNSEEN`, `example_features`) where they type nothing, or where it
  gives another type with a probability of at least T (T = 0: the model decides all);
* the model alone, except where the rules read the clause for certain (`CERTAIN`: kept
  open or still closed, the verb governing the date read by the rules, …, or the rules
  marked their reading `explicit`).

Extraction (`typemodel.type_dated`) does the rules with the model reading their type:
the model's type where they type nothing (where it `speaks`), else where it `overrules`
theirs (not what they read for `certain`; wherever they read the date's own clause; from `TRUST`
where they typed the place's clause and the date's says nothing).

With `--folds K` the briefings are dealt into K folds (shuffled with a fixed seed, so
every run deals the same folds) and each fold is held out in turn: K fits instead of one
per briefing, so that a variant of the model is judged in minutes on a loaded machine.
Each model then trains on (K - 1)/K of the other briefings, a little less than leaving
one out, so the figures run slightly lower; compare variants at the same K.

Rows are kept in memory; a model trained without a briefing never sees its keys. The
rules were written while reading most of dev, so their figure there is a training-set
one: the column that counts is the briefings in `train_type_model.RULES_UNSEEN`, which
no rule or word list was tuned on.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import measure_extraction as measure
import pandas as pd
import train_type_model as training

from borderwatch.data.loader import load_places
from borderwatch.ingest import typemodel, wordvectors
from borderwatch.ingest.eventtype import NOTHING_SAID, TypeCue
from borderwatch.ingest.places import PlaceFinder

REPO = Path(__file__).resolve().parents[1]
DEV = training.DEV

THRESHOLDS = (0.0, 0.4, 0.5, 0.7, 0.9)
FRACTIONS = (0.25, 0.5, 0.75)
UNDER_FLOOR = ((0.2, 0.0), (0.2, 0.05), (0.0, 0.05), (0.2, 0.1), (0.1, 0.1), (0.0, 0.1),
               (0.2, 0.12), (0.15, 0.12), (0.1, 0.12), (0.0, 0.12), (0.2, 0.15), (0.1, 0.15),
               (0.0, 0.15), (0.0, 0.2))  # fmt: skip
"""Settings (`typemodel.LOW_FLOOR`, `typemodel.LEAD`) of `_under_floor` judged beside."""


@dataclass(frozen=True)
class Scored:
    """The candidate scored for one key event: what the rules gave it and what the model reads."""

    briefing: str
    label: str
    rules: str
    """The rules' type for the candidate (what extraction gives with no model)."""
    dated: tuple[TypeCue, tuple[str, ...], TypeCue] | None
    """For a dated candidate: the rules' cue (empty type where they found nothing), the
    features of its date's clause and the rules' type for that clause; else None."""
    vector: tuple[float, ...] = ()
    """For a dated candidate, its clause's dense block (`wordvectors.dense`)."""


def extract_all(folder: Path = DEV) -> list[Scored]:
    """Extract every briefing of `folder` once, recording what each dated candidate's type
    was made of, and return the candidates scored for the key events."""
    return [s for s, _, _ in extract_scored(sorted(folder.glob("*.txt")))]


Clause = tuple[Any, int, int]
"""A dated candidate's clause as extraction typed it: the parsed doc and the date's span."""


def extract_scored(paths: list[Path]) -> list[tuple[Scored, pd.Series, Clause | None]]:
    """`extract_all` on the briefings `paths`, with each scored candidate's row and, for a
    dated one, the clause its type was read from."""
    places = load_places(REPO / "geodata")
    finder = PlaceFinder(places, outlines=REPO / "geodata" / "borders.geojson")
    out: list[tuple[Scored, pd.Series, Clause | None]] = []
    for path in paths:
        seen: list[tuple[TypeCue, tuple[str, ...], TypeCue]] = []
        vectors: list[tuple[float, ...]] = []
        where: list[Clause] = []

        def record(
            doc: Any,
            begin: int,
            end: int,
            rules: TypeCue,
            seen: list = seen,
            vectors: list = vectors,
            where: list = where,
            places: tuple[str, ...] = (),  # the candidate's, for the encoder: not read here
        ) -> TypeCue:
            feats = tuple(typemodel.features(doc, begin, end))
            seen.append((rules, feats, training.clause_rule(doc, begin, end)))
            vectors.append(tuple(float(x) for x in wordvectors.dense(doc, begin, end)))
            where.append((doc, begin, end))
            return TypeCue(rules.event_type or NOTHING_SAID.event_type, f"#{len(seen) - 1}", 1)

        saved, typemodel.type_dated = typemodel.type_dated, record  # type: ignore[assignment]
        try:
            key, rows = measure.extract_briefing(path, places, finder)
        finally:
            typemodel.type_dated = saved  # type: ignore[assignment]
        names = measure.row_names(rows)
        for ev in key["events"]:
            at_place = measure.candidates_at(rows, names, ev)
            if at_place.empty:
                continue
            row = measure.typed_candidate(at_place, measure.same_span(at_place, ev), ev)
            cue = str(row["evidence_type_cue"])
            at = int(cue[1:]) if cue.startswith("#") else None
            dated = seen[at] if at is not None else None
            vector = vectors[at] if at is not None else ()
            clause = where[at] if at is not None else None
            scored = Scored(path.stem, ev["event_type"], str(row["event_type"]), dated, vector)
            out.append((scored, row, clause))
    return out


Combination = Callable[[Scored, typemodel.TypeModel, typemodel.TypeModel], str]


def _guess(model: typemodel.TypeModel, s: Scored, with_rule: bool) -> typemodel.Prediction:
    assert s.dated is not None
    _, feats, clause = s.dated
    feats = (*feats, *training.rule_features(clause)) if with_rule else feats
    return model.predict(list(feats), vector=s.vector)


def _alone(s: Scored, plain: typemodel.TypeModel, _: typemodel.TypeModel) -> str:
    return _guess(plain, s, False).event_type if s.dated else s.rules


def _taken(
    guess: typemodel.Prediction,
    floor: float = typemodel.LOW_FLOOR,
    lead: float = typemodel.LEAD,
) -> str:
    """A guess where the rules found nothing, as `typemodel.type_dated` takes it
    (`typemodel.speaks`; with `floor` and `lead` for another setting)."""
    return guess.event_type if typemodel.speaks(guess, floor, lead) else NOTHING_SAID.event_type


def _where_rules_say_nothing(s: Scored, plain: typemodel.TypeModel, _: Any) -> str:
    if s.dated is None or s.dated[0].event_type:
        return s.rules
    return _taken(_guess(plain, s, False))


def _stacked(threshold: float, keep: Callable[[TypeCue], bool] | None = None) -> Combination:
    def combination(s: Scored, _: Any, ruled: typemodel.TypeModel) -> str:
        if s.dated is None:
            return s.rules
        guess = _guess(ruled, s, True)
        if not s.dated[0].event_type:
            return _taken(guess)
        if keep is not None and keep(s.dated[0]):
            return s.rules
        return guess.event_type if guess.probability >= threshold else s.rules

    return combination


def _in_use(s: Scored, _: Any, ruled: typemodel.TypeModel) -> str:
    """What extraction does (`typemodel.type_dated`, `typemodel.overrules`)."""
    return _under_floor(typemodel.LOW_FLOOR, typemodel.LEAD)(s, _, ruled)


def _under_floor(floor: float, lead: float) -> Combination:
    """The combination in use, the model's type taken where the rules type nothing from
    `floor` under `typemodel.FLOOR` where it leads its probability of `other` by `lead`."""

    def combination(s: Scored, _: Any, ruled: typemodel.TypeModel) -> str:
        if s.dated is None:
            return s.rules
        rules, _, clause = s.dated
        guess = _guess(ruled, s, True)
        if not rules.event_type:
            return _taken(guess, floor, lead)
        return guess.event_type if typemodel.overrules(rules, clause, guess) else s.rules

    return combination


CERTAIN: dict[str, Callable[[TypeCue], bool]] = {
    "the verb's own cue (strength 1.0) or kept open/still closed": lambda c: (
        c.strength >= 1.0 or typemodel.kept(c)
    ),
    "the verb's own cue except a statement, or kept open/still closed": lambda c: (
        (c.strength >= 1.0 and c.event_type != "statement") or typemodel.kept(c)
    ),
    "the verb read with what it acts on or its negation, a verb typed other, or kept "
    "open/still closed (`typemodel.certain`)": typemodel.certain,
    "explicit in the rules' own cue (`TypeCue.explicit`)": lambda c: c.explicit,
}
"""Readings of the rules the model may not overrule, for `_unless_certain`."""


def _unless_certain(certain: Callable[[TypeCue], bool]) -> Combination:
    """The model alone decides a dated candidate from `typemodel.FLOOR` up, unless the
    rules' cue is `certain`; below the floor the rules' type stands."""

    def combination(s: Scored, plain: typemodel.TypeModel, _: Any) -> str:
        if s.dated is None or (s.dated[0].event_type and certain(s.dated[0])):
            return s.rules
        guess = _guess(plain, s, False)
        return guess.event_type if guess.probability >= typemodel.FLOOR else s.rules

    return combination


def combinations() -> dict[str, Combination]:
    out: dict[str, Combination] = {
        "the rules alone": lambda s, _p, _r: s.rules,
        "the model alone (no rule feature)": _alone,
        "the rules; the model alone where they type nothing (the ninth round's)": (
            _where_rules_say_nothing
        ),
        f"the rules; the model with the rules' type where they type nothing or where it "
        f"says p >= {typemodel.TRUST}, unless kept open, still or not closed": _stacked(
            typemodel.TRUST, typemodel.kept
        ),
        "the same, unless the rules read for certain (`typemodel.certain`)": _stacked(
            typemodel.TRUST, typemodel.certain
        ),
        "the same from p >= 0.0": _stacked(0.0, typemodel.certain),
        "the model's type where it `overrules` the rules' (in use)": _in_use,
    }
    for t in THRESHOLDS:
        out[f"the rules; the model with the rules' type where they type nothing "
            f"or where it says p >= {t}"] = _stacked(t)  # fmt: skip
    for floor, lead in UNDER_FLOOR:
        out[f"in use, where the rules type nothing the model's type from p >= {floor} "
            f"if it leads its `other` by {lead}"] = _under_floor(floor, lead)  # fmt: skip
    for name, certain in CERTAIN.items():
        out[f"the model unless the rules read for certain: {name}"] = _unless_certain(certain)
    return out


FOLD_SEED = "borderwatch-type-folds"
"""Seed of the shuffle that deals briefings into folds (`held_out`)."""


def held_out(names: list[str], folds: int | None) -> list[list[str]]:
    """The groups of briefings held out in turn: one each (`folds` None), else `folds`
    groups dealt from the names shuffled with `FOLD_SEED`."""
    if folds is None:
        return [[n] for n in sorted(names)]
    order = sorted(names)
    random.Random(FOLD_SEED).shuffle(order)
    return [sorted(order[k::folds]) for k in range(folds) if order[k::folds]]


def judge(
    scored: list[Scored],
    data: list[training.Example],
    fraction: float,
    penalty: float,
    folds: int | None = None,
) -> dict[str, Counter[str]]:
    """Right answers per combination, over all of dev, `training.RULES_UNSEEN` and
    `training.LAST_RETIRED`, the models
    trained on `fraction` of the other briefings' examples (other folds' with `folds`)."""
    names = sorted({s.briefing for s in scored} | {e.briefing for e in data})
    right: dict[str, Counter[str]] = {k: Counter() for k in combinations()}
    for group in held_out(names, folds):
        out = set(group)
        others = [n for n in names if n not in out]
        if fraction < 1:
            others = random.Random(f"{'+'.join(group)}/{fraction}").sample(
                others, round(fraction * len(others))
            )
        keep = set(others)
        train = [e for e in data if e.briefing in keep]
        plain = training.fit(train, with_rule=False, penalty=penalty)
        ruled = training.fit(train, with_rule=True, penalty=penalty)
        for s in (s for s in scored if s.briefing in out):
            for label, combine in combinations().items():
                ok = combine(s, plain, ruled) == s.label
                right[label]["all"] += ok
                right[label]["unseen"] += ok and s.briefing in training.RULES_UNSEEN
                right[label]["retired"] += ok and s.briefing in training.LAST_RETIRED
    return right


def table(
    scored: list[Scored], rows: dict[float, dict[str, Counter[str]]], folds: int | None = None
) -> None:
    n_all = len(scored)
    n_unseen = sum(s.briefing in training.RULES_UNSEEN for s in scored)
    n_retired = sum(s.briefing in training.LAST_RETIRED for s in scored)
    n_briefings = len({s.briefing for s in scored})
    fractions = sorted(rows)
    how = f"{folds} folds of briefings" if folds else "leave one briefing out"
    print(
        f"{how}, through the whole extraction: {n_briefings} dev briefings, "
        f"{n_all} key events placed by a candidate, {n_unseen} of them in the "
        f"{len(set(training.RULES_UNSEEN))} briefings no rule was tuned on, {n_retired} in the "
        f"{len(training.LAST_RETIRED)} blind briefings retired this round"
    )
    head = " | ".join(f"trained on {round(100 * f)} %" for f in fractions)
    print(f"| typed by | {head} |")
    print("|---|" + "---|" * len(fractions))
    for label in combinations():
        cells = []
        for f in fractions:
            c = rows[f][label]
            cells.append(
                f"{c['all']}/{n_all} ({100 * c['all'] / n_all:.1f} %); unseen "
                f"{c['unseen']}/{n_unseen} ({100 * c['unseen'] / max(n_unseen, 1):.1f} %); "
                f"last retired {c['retired']}/{n_retired} "
                f"({100 * c['retired'] / max(n_retired, 1):.1f} %)"
            )
        print(f"| {label} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--curve", action="store_true", help="also train on 25, 50, 75 %%")
    ap.add_argument("--penalty", type=float, default=training.PENALTY)
    ap.add_argument(
        "--folds", type=int, default=None, help="K folds of briefings (default: leave one out)"
    )
    args = ap.parse_args(argv)
    if args.folds is not None and args.folds < 2:
        ap.error("--folds needs at least 2")
    data = training.examples()
    scored = extract_all()
    fractions = (*FRACTIONS, 1.0) if args.curve else (1.0,)
    table(
        scored,
        {f: judge(scored, data, f, args.penalty, args.folds) for f in fractions},
        args.folds,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
