"""How far two keyers agree on event types: a second keying against the dev keys.

    python scripts/type_agreement.py                      # the keyers against each other
    python scripts/type_agreement.py --with-extractor     # and the extractor against both
    python scripts/type_agreement.py --second-keyer A.json --third-keyer B.json  # three keyers

The second keyer's file (benchmarks/extraction/agreement/second_keyer.json) holds one
record per key event: `briefing`, `event` (the event's index in the briefing's
`dev/<briefing>.key.json`), its `expression`, dates and first place spelling, the second
keyer's `event_type` and, where they hesitated, a `note` naming the other type. Printed:
agreement (n/N), Cohen's kappa, the confusion table of first keyer (rows) against second
keyer (columns), each type's specific agreement (2 × both / (first + second)), and the
events the keyers typed differently. With `--with-extractor` the extractor's type for
each event, chosen as `measure_extraction.py` chooses it, is compared with each keyer
and with the events on which both keyers agree. With `--third-keyer` a second keying of the
same events by another person is read the same way, and each pair of the three keyers is
compared (agreement, kappa), with the events all three type alike; the extractor is then
also compared with the majority type where two or three keyers agree.

How the second keyings was made: benchmarks/extraction/agreement/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from borderwatch.data.vocab import EVENT_TYPES

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "benchmarks" / "extraction"
SECOND_KEYER = CORPUS / "agreement" / "second_keyer.json"
NO_CANDIDATE = "(no candidate)"


class KeyingError(ValueError):
    """A keying file that cannot be read or does not match the dev keys."""


@dataclass(frozen=True)
class Pair:
    """One key event as typed by the first keyer (the dev key) and the second keyer."""

    briefing: str
    event: int
    expression: str
    first: str
    second: str
    note: str = ""


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise KeyingError(f"{path}: no such file") from e
    except json.JSONDecodeError as e:
        raise KeyingError(f"{path}: not valid JSON ({e})") from e


def _str_field(record: object, name: str, where: str) -> str:
    value = record.get(name) if isinstance(record, dict) else None
    if not isinstance(value, str):
        raise KeyingError(f"{where}: field '{name}' must be text, got {value!r}")
    return value


def _int_field(record: object, name: str, where: str) -> int:
    value = record.get(name) if isinstance(record, dict) else None
    if not isinstance(value, int) or isinstance(value, bool):
        raise KeyingError(f"{where}: field '{name}' must be a whole number, got {value!r}")
    return value


def _key_event(keys_dir: Path, briefing: str, index: int, where: str) -> dict:
    key = _read_json(keys_dir / f"{briefing}.key.json")
    events = key.get("events") if isinstance(key, dict) else None
    if not isinstance(events, list) or not 0 <= index < len(events):
        raise KeyingError(f"{where}: field 'event' {index} is not an event of {briefing}'s key")
    event = events[index]
    if not isinstance(event, dict):
        raise KeyingError(f"{keys_dir / f'{briefing}.key.json'}: event {index} is not an object")
    return event


def load_pairs(second_keyer: Path, keys_dir: Path) -> list[Pair]:
    """Pair every record of the second keyer's file with its event in the dev keys.

    Each record must name its key event by `briefing` and `event` index, carry the
    same `expression`, and have a type of the vocabulary; errors name the file and record.
    """
    records = _read_json(second_keyer)
    if not isinstance(records, list) or not records:
        raise KeyingError(f"{second_keyer}: expected a non-empty list of records")
    pairs: list[Pair] = []
    seen: set[tuple[str, int]] = set()
    for i, record in enumerate(records):
        where = f"{second_keyer}, record {i}"
        briefing = _str_field(record, "briefing", where)
        index = _int_field(record, "event", where)
        second = _str_field(record, "event_type", where)
        if second not in EVENT_TYPES:
            raise KeyingError(f"{where}: field 'event_type' {second!r} is not a type of vocab.py")
        if (briefing, index) in seen:
            raise KeyingError(f"{where}: {briefing} event {index} is typed twice")
        seen.add((briefing, index))
        event = _key_event(keys_dir, briefing, index, where)
        expression = _str_field(record, "expression", where)
        if event.get("expression") != expression:
            raise KeyingError(
                f"{where}: field 'expression' {expression!r} is not {briefing}'s event "
                f"{index} ({event.get('expression')!r})"
            )
        first = _str_field(event, "event_type", f"{keys_dir / briefing}.key.json, event {index}")
        note = str(record.get("note", "")) if isinstance(record, dict) else ""
        pairs.append(Pair(briefing, index, expression, first, second, note))
    return pairs


def agreement(first: Sequence[str], second: Sequence[str]) -> tuple[int, int]:
    """(events typed alike, events) over two keyings of the same events."""
    if len(first) != len(second):
        raise ValueError("the two keyings must cover the same events")
    return sum(a == b for a, b in zip(first, second, strict=True)), len(first)


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa: (observed − chance agreement) / (1 − chance agreement).

    Chance agreement is Σ over types of the product of the two keyers' shares of it.
    Two keyings that use one and the same type for every event give 1.0.
    """
    same, n = agreement(first, second)
    if n == 0:
        raise ValueError("no events to compare")
    observed = same / n
    a, b = Counter(first), Counter(second)
    chance = sum(a[t] * b[t] for t in a) / (n * n)
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


def confusion(first: Sequence[str], second: Sequence[str]) -> Counter[tuple[str, str]]:
    """Counts of (first keyer's type, second keyer's type)."""
    return Counter(zip(first, second, strict=True))


def specific_agreement(first: Sequence[str], second: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Per type: (2 × events both keyers gave it, events first gave it + events second gave it)."""
    a, b = Counter(first), Counter(second)
    both = Counter(x for x, y in zip(first, second, strict=True) if x == y)
    return {t: (2 * both[t], a[t] + b[t]) for t in sorted(set(a) | set(b))}


def pct(n: int, total: int) -> str:
    """'n/total (p %)', or '-' when there is nothing to count."""
    return f"{n}/{total} ({100 * n / total:.0f} %)" if total else "-"


def confusion_table(first: Sequence[str], second: Sequence[str]) -> list[str]:
    """Markdown rows: the first keyer's types down, the second keyer's across."""
    counts = confusion(first, second)
    types = sorted(set(first) | set(second))
    lines = [
        "| first \\ second | " + " | ".join(types) + " | total |",
        "|---" * (len(types) + 2) + "|",
    ]
    for row in types:
        cells = [str(counts[row, col]) if counts[row, col] else "." for col in types]
        lines.append(f"| {row} | " + " | ".join(cells) + f" | {sum(t == row for t in first)} |")
    lines.append(
        "| total | " + " | ".join(str(sum(t == c for t in second)) for c in types) + " | |"
    )
    return lines


def report(pairs: Sequence[Pair]) -> list[str]:
    """The agreement table, the confusion table, per-type agreement and the disagreements."""
    first = [p.first for p in pairs]
    second = [p.second for p in pairs]
    same, n = agreement(first, second)
    briefings = len({p.briefing for p in pairs})
    lines = [
        "| events | briefings | agreement | Cohen's kappa |",
        "|---|---|---|---|",
        f"| {n} | {briefings} | {pct(same, n)} | {cohen_kappa(first, second):.3f} |",
        "",
        *confusion_table(first, second),
        "",
        "| type | first keyer | second keyer | both | specific agreement |",
        "|---|---|---|---|---|",
    ]
    a, b = Counter(first), Counter(second)
    for t, (twice_both, total) in specific_agreement(first, second).items():
        lines.append(f"| {t} | {a[t]} | {b[t]} | {twice_both // 2} | {pct(twice_both, total)} |")
    lines += ["", "| briefing | event | expression | first keyer | second keyer | note |"]
    lines.append("|---|---|---|---|---|---|")
    for p in pairs:
        if p.first != p.second:
            lines.append(
                f"| {p.briefing} | {p.event} | {p.expression} | {p.first} | {p.second} | {p.note} |"
            )
    return lines


def three_keyers_report(second: Sequence[Pair], third: Sequence[Pair]) -> list[str]:
    """Each pair of three keyers compared, where `second` and `third` are two keyings of the
    same key events (their `first` is the dev key)."""
    if [(p.briefing, p.event) for p in second] != [(p.briefing, p.event) for p in third]:
        raise KeyingError("the second and third keyings must list the same events in one order")
    keyings = {
        "first": [p.first for p in second],
        "second": [p.second for p in second],
        "third": [p.second for p in third],
    }
    lines = ["| keyers | agreement | Cohen's kappa |", "|---|---|---|"]
    for a, b in (("first", "second"), ("first", "third"), ("second", "third")):
        same, n = agreement(keyings[a], keyings[b])
        kappa = cohen_kappa(keyings[a], keyings[b])
        lines.append(f"| {a} and {b} | {pct(same, n)} | {kappa:.3f} |")
    alike = sum(len(set(types)) == 1 for types in zip(*keyings.values(), strict=True))
    lines.append(f"| all three alike | {pct(alike, len(second))} | |")
    return lines


def majority_types(second: Sequence[Pair], third: Sequence[Pair]) -> list[str]:
    """The type two or three of the keyers gave each event, or "" where all three differ."""
    out = []
    for p, q in zip(second, third, strict=True):
        top, count = Counter((p.first, p.second, q.second)).most_common(1)[0]
        out.append(top if count >= 2 else "")
    return out


def majority_report(majority: Sequence[str], extracted: Sequence[str]) -> list[str]:
    """The extractor against the majority type, over the placed events that have one."""
    scored = [(m, t) for m, t in zip(majority, extracted, strict=True) if m and t != NO_CANDIDATE]
    right = sum(m == t for m, t in scored)
    return [
        f"| = the majority of three keyers, where two or three agree | {pct(right, len(scored))} |"
    ]


def extractor_types(pairs: Sequence[Pair], keys_dir: Path, data_dir: Path) -> list[str]:
    """The extractor's type for each pair's key event, or NO_CANDIDATE when no candidate
    names one of its places; the candidate is chosen by measure_extraction.py's rules."""
    # imported here: the language model loads only when the extractor is asked for
    import measure_extraction as me

    from borderwatch.data.loader import load_places
    from borderwatch.ingest.extract import extract_candidates
    from borderwatch.ingest.places import PlaceFinder

    places = load_places(data_dir)
    finder = PlaceFinder(places, outlines=data_dir / "borders.geojson")
    found: dict[tuple[str, int], str] = {}
    for briefing in sorted({p.briefing for p in pairs}):
        key = json.loads((keys_dir / f"{briefing}.key.json").read_text(encoding="utf-8"))
        text = (keys_dir / f"{briefing}.txt").read_text(encoding="utf-8")
        published = dt.date.fromisoformat(key["published"])
        rows = extract_candidates(text, published, "EVAL", places, finder=finder)
        names = me.row_names(rows)
        for index, event in enumerate(key["events"]):
            at_place = me.candidates_at(rows, names, event)
            if at_place.empty:
                continue
            chosen = me.typed_candidate(at_place, me.same_span(at_place, event), event)
            found[briefing, index] = str(chosen["event_type"] or "")
    return [found.get((p.briefing, p.event), NO_CANDIDATE) for p in pairs]


def extractor_report(pairs: Sequence[Pair], extracted: Sequence[str]) -> list[str]:
    """The extractor's type against each keyer, over the events it placed."""
    placed = [(p, t) for p, t in zip(pairs, extracted, strict=True) if t != NO_CANDIDATE]
    both = [(p, t) for p, t in placed if p.first == p.second]
    first = sum(p.first == t for p, t in placed)
    second = sum(p.second == t for p, t in placed)
    either = sum(t in (p.first, p.second) for p, t in placed)
    agreed = sum(p.first == t for p, t in both)
    return [
        "| extractor's type | agrees |",
        "|---|---|",
        f"| events placed (a candidate at a key place) | {pct(len(placed), len(pairs))} |",
        f"| = first keyer (the dev key) | {pct(first, len(placed))} |",
        f"| = second keyer | {pct(second, len(placed))} |",
        f"| = either keyer | {pct(either, len(placed))} |",
        f"| = both, on the events where the keyers agree | {pct(agreed, len(both))} |",
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--second-keyer", type=Path, default=SECOND_KEYER)
    ap.add_argument("--third-keyer", type=Path, help="another keying of the same events")
    ap.add_argument("--keys-dir", type=Path, default=CORPUS / "dev", help="the first keying")
    ap.add_argument("--with-extractor", action="store_true", help="also score the extractor")
    ap.add_argument("--data-dir", type=Path, default=REPO / "geodata")
    args = ap.parse_args(argv)
    try:
        pairs = load_pairs(args.second_keyer, args.keys_dir)
        third = load_pairs(args.third_keyer, args.keys_dir) if args.third_keyer else []
        three = three_keyers_report(pairs, third) if third else []
    except KeyingError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print("\n".join(report(pairs)))
    if three:
        print()
        print("\n".join(three))
    if args.with_extractor:
        extracted = extractor_types(pairs, args.keys_dir, args.data_dir)
        lines = extractor_report(pairs, extracted)
        if third:
            lines += majority_report(majority_types(pairs, third), extracted)
        print()
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
