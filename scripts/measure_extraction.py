"""Measure briefing extraction on the two seed briefings against a hand-made answer key.

    python scripts/measure_extraction.py [--seeds ../shared/seeds] [--data-dir geodata]

Prints, per briefing: the gazetteer places the briefing mentions that the
extractor finds (and the ones it misses or adds), and of the explicitly dated
events, how many dates it resolves correctly (a) as a date expression and (b)
on a candidate row for the right place. The answer key below comes from reading
the briefings by hand; it is the reference, not the tool's output. The seeds
are not part of the repository (a fresh clone has none): without them the
script says so and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from borderwatch.data.loader import load_places
from borderwatch.ingest.dates import find_dates
from borderwatch.ingest.extract import PlaceFinder, extract_candidates

D = dt.date


@dataclass(frozen=True)
class DatedEvent:
    """An event the briefing dates explicitly: the expression, its true span, its place."""

    what: str
    expression: str
    start: dt.date
    end: dt.date
    place: str | None
    """Gazetteer name of the place the same sentence names (None if it names none)."""


@dataclass(frozen=True)
class Key:
    file: str
    published: dt.date
    places: frozenset[str]
    """Gazetteer places the briefing mentions, by any spelling or plain paraphrase."""
    events: tuple[DatedEvent, ...]


KEYS = (
    Key(
        "000_5fd6cae0a927e2c5.txt",
        D(2021, 7, 13),
        frozenset(
            {
                "Afghanistan",
                "Russia",
                "Uzbekistan",
                "Tajikistan",
                "Turkmenistan",
                "Kyrgyzstan",
                "Northern Afghanistan",
                "North-western Afghanistan",
                "Faryab",
                "Badakhshan",
                "Takhar",
                "Jurm",
                "Hairatan",
                "Sher Khan Bandar",
                "Aqina",
                "Imamnazar",
                "Turghundi",
                "Serhetabat",
                "Termez",
                "Mazar-e Sharif",
                "Kabul",
                "Moscow",
                "Ashgabat",
                "Tashkent",
                "201st Military Base (Dushanbe)",
                "Kant Air Base",
            }
        ),
        (
            DatedEvent(
                "Putin calls Uzbek and Tajik presidents",
                "July 5",
                D(2021, 7, 5),
                D(2021, 7, 5),
                "Tajikistan",
            ),
            DatedEvent(
                "Lavrov promises to defend allies",
                "two days later",
                D(2021, 7, 7),
                D(2021, 7, 7),
                "Moscow",
            ),
            DatedEvent(
                "Taliban delegation in Moscow", "July 9", D(2021, 7, 9), D(2021, 7, 9), "Moscow"
            ),
            DatedEvent(
                "Taliban delegation in Ashgabat",
                "July 10",
                D(2021, 7, 10),
                D(2021, 7, 10),
                "Ashgabat",
            ),
            DatedEvent(
                "Taliban take the areas along the northern borders",
                "Since May",
                D(2021, 5, 1),
                D(2021, 7, 13),
                None,
            ),
        ),
    ),
    Key(
        "001_432d9f9ecb9e04b9.txt",
        D(2021, 9, 30),  # "autumn 2021"; its latest cited item is dated 27 September
        frozenset(
            {
                "Afghanistan",
                "Russia",
                "Uzbekistan",
                "Tajikistan",
                "Turkmenistan",
                "Kyrgyzstan",
                "Kazakhstan",
                "Northern Afghanistan",
                "Afghan–Uzbek border (Afghan side)",
                "Turkmen–Afghan border",
                "Panjshir",
                "Kabul",
                "Bishkek",
                "Nur-Sultan",
                "Moscow",
                "Dushanbe",
                "Awaza",
            }
        ),
        (
            DatedEvent("Awaza summit", "August 6", D(2021, 8, 6), D(2021, 8, 6), "Awaza"),
            DatedEvent(
                "Rahmon will not recognise Taliban rule",
                "25 August",
                D(2021, 8, 25),
                D(2021, 8, 25),
                "Tajikistan",
            ),
            DatedEvent(
                "CSTO meeting in Dushanbe",
                "16 September 2021",
                D(2021, 9, 16),
                D(2021, 9, 16),
                "Dushanbe",
            ),
            DatedEvent(
                "Russia invited to the Taliban inauguration",
                "11 September 2021",
                D(2021, 9, 11),
                D(2021, 9, 11),
                "Russia",
            ),
            DatedEvent(
                "RUBEZH-21 exercises",
                "in August and September",
                D(2021, 8, 1),
                D(2021, 9, 30),
                "Tajikistan",
            ),
            DatedEvent(
                "Russian general: support through the CSTO",
                "July 2021",
                D(2021, 7, 1),
                D(2021, 7, 31),
                "Moscow",
            ),
            DatedEvent(
                "Putin links Afghanistan to Russia's security",
                "last August",
                D(2021, 8, 1),
                D(2021, 8, 31),
                "Russia",
            ),
            DatedEvent(
                "CSTO talks on the Uzbek-Afghan border",
                "of August",
                D(2021, 8, 1),
                D(2021, 8, 31),
                "Afghan–Uzbek border (Afghan side)",
            ),
            DatedEvent(
                "Rahmon at the CSTO meeting in Dushanbe",
                "in September",
                D(2021, 9, 1),
                D(2021, 9, 30),
                "Dushanbe",
            ),
            DatedEvent(
                "Uzbekistan hosts the Taliban",
                "in 2019",
                D(2019, 1, 1),
                D(2019, 12, 31),
                "Uzbekistan",
            ),
            DatedEvent(
                "Taliban first in power; neighbours isolate themselves",
                "in 1996",
                D(1996, 1, 1),
                D(1996, 12, 31),
                "Afghanistan",
            ),
            DatedEvent(
                "Attack on foreign tourists in Tajikistan",
                "in 2018",
                D(2018, 1, 1),
                D(2018, 12, 31),
                "Tajikistan",
            ),
            DatedEvent(
                "Moscow consultations, third round",
                "April 2017",
                D(2017, 4, 1),
                D(2017, 4, 30),
                "Moscow",
            ),
            DatedEvent(
                "Moscow hosts Taliban and Northern Alliance",
                "in 2018",
                D(2018, 1, 1),
                D(2018, 12, 31),
                "Moscow",
            ),
        ),
    ),
)


def measure(key: Key, text: str, places) -> dict:
    """Figures for one briefing (see the module docstring)."""
    known = set(places["name"])
    expected = {p for p in key.places if p in known}
    found = {m.name for m in PlaceFinder(places).find(text)}
    refs = find_dates(text, key.published)
    cands = extract_candidates(text, key.published, "MEASURE", places)
    dated = []
    for ev in key.events:
        expr_ok = any(
            r.text == ev.expression and (r.start, r.end) == (ev.start, ev.end) for r in refs
        )
        row_ok = ev.place is not None and bool(
            (
                (cands["place"] == ev.place)
                & (cands["date_start"] == ev.start.isoformat())
                & (cands["date_end"] == ev.end.isoformat())
            ).any()
        )
        dated.append((ev, expr_ok, row_ok))
    return {
        "expected": expected,
        "not_in_gazetteer": sorted(key.places - known),
        "found": sorted(expected & found),
        "missed": sorted(expected - found),
        "extra": sorted(found - expected),
        "dated": dated,
        "candidates": len(cands),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    parser.add_argument("--seeds", type=Path, default=default_seeds)
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"no seed briefings at {args.seeds}: nothing to measure")
        return 0
    places = load_places(args.data_dir)
    tot_p = tot_f = tot_e = tot_x = tot_r = 0
    for key in KEYS:
        text = (args.seeds / key.file).read_text(encoding="utf-8")
        m = measure(key, text, places)
        n_exp, n_found = len(m["expected"]), len(m["found"])
        expr = sum(1 for _, ok, _ in m["dated"] if ok)
        rows = sum(1 for _, _, ok in m["dated"] if ok)
        n_ev = len(m["dated"])
        tot_p, tot_f, tot_e, tot_x, tot_r = (
            tot_p + n_exp,
            tot_f + n_found,
            tot_e + n_ev,
            tot_x + expr,
            tot_r + rows,
        )
        print(f"## {key.file} (published {key.published})")
        print(f"places found: {n_found}/{n_exp} ({n_found / n_exp:.0%})")
        print(f"  missed: {', '.join(m['missed']) or '-'}")
        print(f"  found but not in the key: {', '.join(m['extra']) or '-'}")
        if m["not_in_gazetteer"]:
            print(f"  key places not in the gazetteer: {', '.join(m['not_in_gazetteer'])}")
        print(f"dated events, date expression resolved: {expr}/{n_ev} ({expr / n_ev:.0%})")
        print(f"dated events, on a candidate row for the right place: {rows}/{n_ev}")
        for ev, ok, row_ok in m["dated"]:
            mark = ("ok " if ok else "MISS") + (" row" if row_ok else "    ")
            print(f"  {mark}  {ev.expression!r:28} {ev.start}..{ev.end}  {ev.what}")
        print(f"candidate rows written: {m['candidates']}")
        print()
    print(
        f"TOTAL places {tot_f}/{tot_p} ({tot_f / tot_p:.0%}); "
        f"dates resolved {tot_x}/{tot_e} ({tot_x / tot_e:.0%}); "
        f"on the right candidate row {tot_r}/{tot_e} ({tot_r / tot_e:.0%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
