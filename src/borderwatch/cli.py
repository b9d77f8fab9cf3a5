"""The `borderwatch` command line: validate a data folder, geocode a name, and more.

Each subcommand is a small function taking the parsed arguments and returning
the process exit code; `main` only wires them to argparse.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from borderwatch.data.gazetteer import Gazetteer
from borderwatch.data.loader import load_dataset, load_places, resolve_data_dir
from borderwatch.data.problems import DataError

SUBCOMMAND_MODULES: tuple[str, ...] = (
    "borderwatch.map.assets",
    "borderwatch.ingest.cli",
    "borderwatch.db.cli",
    "borderwatch.statuscli",
    "borderwatch.data.convert",
)
"""Modules that add subcommands: each has `register(subparsers)` (one line per module)."""


def cmd_validate(args: argparse.Namespace) -> int:
    """Print a report of the data folder; exit 1 on any problem."""
    try:
        data_dir = resolve_data_dir(args.data_dir)
        ds = load_dataset(data_dir)
    except DataError as e:
        print(f"INVALID: {len(e.problems)} problem(s)")
        print(e.report())
        return 1
    ev = ds.events
    print(f"OK: {data_dir}")
    first, last = ev["date_start"].min(), ev["date_end"].max()
    print(f"  events:    {len(ev)} ({first:%Y-%m-%d} to {last:%Y-%m-%d})")
    print(f"  places:    {len(ds.places)}")
    print(f"  crossings: {len(ds.crossings)}")
    print(f"  sources:   {len(ds.sources)}")
    geocoded = int((ev["coord_source"].astype(str) != "given").sum())
    print(f"  geocoded from the gazetteer: {geocoded}")
    print("  events by type:")
    for etype, n in sorted(Counter(ev["event_type"].astype(str)).items()):
        print(f"    {etype:<22}{n:>6}")
    return 0


def cmd_geocode(args: argparse.Namespace) -> int:
    """Print the gazetteer's match for a name, or suggestions; exit 1 when unknown."""
    try:
        places = load_places(args.data_dir)
    except DataError as e:
        print(e.report(), file=sys.stderr)
        return 1
    gaz = Gazetteer(places, use_geonames=not args.curated_only)
    name = " ".join(args.name)
    m = gaz.lookup(name, args.country)
    if m is None:
        hints = gaz.suggest(name)
        print(f"no match for {name!r}" + (f"; did you mean: {', '.join(hints)}?" if hints else ""))
        return 1
    print(
        f"{m.name}\t{m.country}\t{m.latitude:.5f}\t{m.longitude:.5f}\t{m.kind}\t"
        f"{m.source} ({m.coord_source}), matched by {m.method}"
    )
    return 0


def iso_date(text: str) -> dt.date:
    """An argparse type: a YYYY-MM-DD date, else a usage error naming the value."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def add_data_dir(p: argparse.ArgumentParser) -> None:
    """The optional DIR argument of the commands that read a data folder."""
    p.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        default=None,
        help="default: $BORDERWATCH_DATA or geodata/",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="borderwatch", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check a data folder and print a report")
    add_data_dir(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("geocode", help="look a place name up in the gazetteer")
    p.add_argument("name", nargs="+")
    p.add_argument("--country", help="ISO3 code to restrict the search")
    p.add_argument("--data-dir", type=Path, default=None)
    p.add_argument("--curated-only", action="store_true", help="do not fall back to GeoNames")
    p.set_defaults(func=cmd_geocode)

    for module_name in SUBCOMMAND_MODULES:
        importlib.import_module(module_name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `borderwatch` console script."""
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
