"""Score briefing extraction against hand-made answer keys (benchmarks/extraction/).

    python scripts/measure_extraction.py                 # heldout_ci, _cj: nothing tuned on them
    python scripts/measure_extraction.py --split dev     # the set the rules may be tuned on
    python scripts/measure_extraction.py --split dev --misses   # every miss listed

Per briefing and in total:

* places: recall = key places some candidate row names (by its canonical name or
  the spelling found) / key places; precision = distinct candidate places that
  are key places / distinct candidate places;
* dates: key events with a candidate at one of the event's places whose
  `date_start`..`date_end` is exactly the key's span / key events;
* types: of the key events with a candidate at the right place, those whose
  candidate (the one with the key's date expression, else the right span, else
  the first) has the key's event type;
* types by the scored candidate: the types above split by how that candidate was chosen
  (by the key's expression, by its span, or the first at the place, which is then nearly
  always another event: a date filed at another place usually costs the type too);
* candidate rows: every row the extraction proposes, per keyed event. The scores
  above do not fall when a guess is added beside a right one; this line shows what
  each guess costs the editor who reviews the rows.

The keys and the split are described in benchmarks/extraction/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from borderwatch.data.gazetteer import normalize
from borderwatch.data.loader import load_places
from borderwatch.ingest.extract import extract_candidates
from borderwatch.ingest.places import PlaceFinder

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "benchmarks" / "extraction"
SPLITS = ("dev", "heldout_ci", "heldout_cj")


@dataclass
class Score:
    places: int = 0
    places_found: int = 0
    predicted: int = 0
    predicted_right: int = 0
    events: int = 0
    dates_right: int = 0
    placed: int = 0
    types_right: int = 0
    rows: int = 0
    by_expression: int = 0
    by_expression_right: int = 0
    by_span: int = 0
    by_span_right: int = 0
    by_first: int = 0
    by_first_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for f in (
            "places",
            "places_found",
            "predicted",
            "predicted_right",
            "events",
            "dates_right",
            "placed",
            "types_right",
            "rows",
            "by_expression",
            "by_expression_right",
            "by_span",
            "by_span_right",
            "by_first",
            "by_first_right",
        ):
            setattr(self, f, getattr(self, f) + getattr(other, f))


def _keys(spellings: list[str]) -> set[str]:
    return {normalize(s) for s in spellings}


def _row_names(row: pd.Series) -> set[str]:
    return {normalize(str(row["place"])), normalize(str(row["evidence_place_text"]))}


def row_names(rows: pd.DataFrame) -> list[set[str]]:
    """Each candidate row's normalised names: its canonical place and the spelling found."""
    return [_row_names(r) for _, r in rows.iterrows()]


def candidates_at(rows: pd.DataFrame, names: list[set[str]], event: dict) -> pd.DataFrame:
    """The candidate rows at one of a key event's places (`names` from `row_names(rows)`)."""
    return rows[[bool(n & _keys(event["places"])) for n in names]]


def same_span(at_place: pd.DataFrame, event: dict) -> pd.DataFrame:
    """The candidates whose `date_start`..`date_end` is exactly the key event's span."""
    return at_place[
        (at_place["date_start"] == event["date_start"])
        & (at_place["date_end"] == event["date_end"])
    ]


def typed_candidate(at_place: pd.DataFrame, right: pd.DataFrame, event: dict) -> pd.Series:
    """The candidate whose type is scored for a placed key event: the one with the key's
    date expression, else one with the right span (`right`), else the first at the place."""
    return _chosen(at_place, right, event)[0]


def _chosen(at_place: pd.DataFrame, right: pd.DataFrame, event: dict) -> tuple[pd.Series, str]:
    """`typed_candidate` and how it was chosen: "expression", "span" or "first"."""
    expr = event["expression"].lower()
    same_expr = at_place[[expr in t.lower() for t in at_place["evidence_date_text"]]]
    if len(same_expr):
        return same_expr.iloc[0], "expression"
    if len(right):
        return right.iloc[0], "span"
    return at_place.iloc[0], "first"


def score(rows: pd.DataFrame, key: dict) -> Score:
    """Compare one briefing's candidate rows with its answer key."""
    s = Score(rows=len(rows))
    names = row_names(rows)
    for spellings in key["places"]:
        s.places += 1
        if any(n & _keys(spellings) for n in names):
            s.places_found += 1
        else:
            s.misses.append(f"place not found: {spellings[0]}")
    all_key = set().union(*(_keys(p) for p in key["places"]))
    seen: dict[str, set[str]] = {}
    for _, r in rows.iterrows():
        seen.setdefault(str(r["place"]), set()).update(_row_names(r))
    s.predicted = len(seen)
    for place, n in seen.items():
        if n & all_key:
            s.predicted_right += 1
        else:
            s.misses.append(f"not a place of the key: {place}")
    for ev in key["events"]:
        s.events += 1
        at_place = candidates_at(rows, names, ev)
        right = same_span(at_place, ev)
        label = f"{ev['places'][0]} {ev['expression']!r} ({ev['date_start']}..{ev['date_end']})"
        if len(right):
            s.dates_right += 1
        else:
            got = sorted(set(zip(at_place["date_start"], at_place["date_end"], strict=True)))
            s.misses.append(f"date: {label}; candidates there: {got or 'none'}")
        if at_place.empty:
            continue
        s.placed += 1
        chosen, how = _chosen(at_place, right, ev)
        setattr(s, f"by_{how}", getattr(s, f"by_{how}") + 1)
        if chosen["event_type"] == ev["event_type"]:
            s.types_right += 1
            setattr(s, f"by_{how}_right", getattr(s, f"by_{how}_right") + 1)
        else:
            s.misses.append(
                f"type: {label} is {ev['event_type']}, proposed "
                f"{chosen['event_type'] or '(none)'} from {chosen['evidence_type_cue']!r}"
            )
    return s


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f} %)" if b else "-"


def extract_briefing(
    path: Path, places: pd.DataFrame, finder: PlaceFinder
) -> tuple[dict, pd.DataFrame]:
    """A briefing's answer key (`NAME.key.json` beside `path`) and its candidate rows, extracted
    with the key's publication date."""
    key = json.loads(path.with_suffix(".key.json").read_text(encoding="utf-8"))
    published = dt.date.fromisoformat(key["published"])
    text = path.read_text(encoding="utf-8")
    return key, extract_candidates(text, published, "EVAL", places, finder=finder)


def _table(split: str, places: pd.DataFrame, finder: PlaceFinder, misses: bool) -> Score:
    total = Score()
    print(f"split: {split}")
    print("| briefing | places found | place precision | dates right | types right (placed) |")
    print("|---|---|---|---|---|")
    for path in sorted((CORPUS / split).glob("*.txt")):
        key, rows = extract_briefing(path, places, finder)
        s = score(rows, key)
        total.add(s)
        print(
            f"| {path.stem} | {_pct(s.places_found, s.places)} | "
            f"{_pct(s.predicted_right, s.predicted)} | {_pct(s.dates_right, s.events)} | "
            f"{_pct(s.types_right, s.placed)} |"
        )
        if misses:
            for m in s.misses:
                print(f"|   | {m} | | | |")
    _total_line("total", total)
    return total


def _total_line(label: str, total: Score) -> None:
    print(
        f"| **{label}** | **{_pct(total.places_found, total.places)}** | "
        f"**{_pct(total.predicted_right, total.predicted)}** | "
        f"**{_pct(total.dates_right, total.events)}** | "
        f"**{_pct(total.types_right, total.placed)}** |"
    )
    # Extra guesses cost no score above (a date is right if any candidate has its span),
    # but each is a row an editor reviews.
    per_event = f"{total.rows / total.events:.2f}" if total.events else "-"
    print(f"candidate rows: {total.rows} for {total.events} keyed events ({per_event} each)")
    print(
        "types by the scored candidate: "
        f"with the key's expression {_pct(total.by_expression_right, total.by_expression)}, "
        f"with its span {_pct(total.by_span_right, total.by_span)}, "
        f"the first at the place {_pct(total.by_first_right, total.by_first)}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--split", nargs="+", choices=SPLITS, default=["heldout_ci", "heldout_cj"],
        help="dev: the tuning set; heldout_ci, _cj: never tuned on",
    )  # fmt: skip
    ap.add_argument("--data-dir", type=Path, default=REPO / "geodata")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    missing = [s for s in args.split if not sorted((CORPUS / s).glob("*.txt"))]
    if missing:
        print(f"no briefings in {', '.join(str(CORPUS / s) for s in missing)}", file=sys.stderr)
        return 2
    places = load_places(args.data_dir)
    finder = PlaceFinder(places, outlines=args.data_dir / "borders.geojson")
    grand = Score()
    for split in args.split:
        grand.add(_table(split, places, finder, args.misses))
        print()
    if len(args.split) > 1:
        print(f"all of {', '.join(args.split)}:")
        print("| | places found | place precision | dates right | types right (placed) |")
        print("|---|---|---|---|---|")
        _total_line("total", grand)
    return 0


if __name__ == "__main__":
    sys.exit(main())
