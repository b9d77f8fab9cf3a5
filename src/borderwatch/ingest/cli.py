"""`borderwatch import acled|ucdp FILE` and `borderwatch extract BRIEFING.txt`.

Registered through borderwatch.cli.SUBCOMMAND_MODULES. Each command prints
problems as "file, line N, field F: message" and exits 1 without writing
anything when there is one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import pandas as pd

from borderwatch.cli import iso_date
from borderwatch.data.eventtable import csv_bytes
from borderwatch.data.loader import load_places, resolve_data_dir
from borderwatch.data.problems import DataError
from borderwatch.data.tables import LINE, read_table, read_text_utf8
from borderwatch.ingest import acled, store, ucdp
from borderwatch.ingest.duplicates import find_duplicates
from borderwatch.ingest.extract import extract_candidates
from borderwatch.ingest.review import existing_events
from borderwatch.ingest.tidy import check_events, context_for

PUBLISHERS = {"acled": "ACLED", "ucdp": "UCDP"}


def convert_export(kind: str, path: Path, source_id: str) -> pd.DataFrame:
    """Tidy rows from an ACLED or UCDP GED export file (DataError on a missing column)."""
    raw = read_table(path)
    if kind == "acled":
        acled.check_acled_columns(raw, path.name)
        return acled.acled_to_tidy(raw, source_id)
    ucdp.check_ucdp_columns(raw, path.name)
    return ucdp.ucdp_to_tidy(raw, source_id)


def cmd_import(args: argparse.Namespace) -> int:
    """Convert an export; write it with -o, append it to the data folder with --append."""
    if not args.output and not args.append:
        print("nothing to do: give -o OUT.csv and/or --append", file=sys.stderr)
        return 2
    path: Path = args.file
    source = store.import_source(PUBLISHERS[args.kind], path.name, args.date or dt.date.today())
    try:
        data_dir = resolve_data_dir(args.data_dir)
        rows = convert_export(args.kind, path, source["source_id"])
        context = context_for(data_dir, [source["source_id"]])
        problems = check_events(rows, path.name, context)
        if problems:
            raise DataError(problems)
        flags = find_duplicates(rows, existing_events(data_dir), context.gazetteer, "line")
        for line, event_id, ids in zip(rows[LINE], rows["event_id"], flags, strict=True):
            if ids:
                print(
                    f"{path.name}, line {line}, all fields: {event_id} may repeat {ids}",
                    file=sys.stderr,
                )
        if (flags != "").any() and args.append and not args.keep_duplicates:
            print(
                f"{int((flags != '').sum())} row(s) may repeat events already in the table or "
                "an earlier line (same place, type and overlapping dates, similar summary); "
                "nothing was appended. Remove them from the export, or pass --keep-duplicates "
                "to append all rows.",
                file=sys.stderr,
            )
            return 1
        if args.output:
            args.output.write_bytes(csv_bytes(rows))
            print(f"wrote {len(rows)} events to {args.output}")
        if args.append:
            result = store.append_events(data_dir, rows, path.name, [source])
            print(f"appended {result.added} events to {result.events_file}")
            if result.source_added:
                print(f"added source {source['source_id']} to sources.csv")
            for b in result.backups:
                print(f"backup: {b}")
    except DataError as e:
        print(f"{len(e.problems)} problem(s); nothing was written", file=sys.stderr)
        print(e.report(), file=sys.stderr)
        return 1
    except store.ReadOnlyData as e:
        print(f"cannot append: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"cannot read {path}: {e.strerror}", file=sys.stderr)
        return 1
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Write candidate rows found in a briefing to a CSV (stdout by default)."""
    try:
        text = read_text_utf8(args.briefing, table=False)
        places = load_places(args.data_dir)
    except DataError as e:
        print(e.report(), file=sys.stderr)
        return 1
    except OSError as e:
        print(f"cannot read {args.briefing}: {e.strerror}", file=sys.stderr)
        return 1
    outlines = resolve_data_dir(args.data_dir) / "borders.geojson"
    try:
        df = extract_candidates(
            text, args.published, args.source_id, places, outlines, name=Path(args.briefing).name
        )
    except DataError as e:
        print(e.report(), file=sys.stderr)
        return 1
    data = df.to_csv(index=False, lineterminator="\n")
    if args.output:
        args.output.write_text(data, encoding="utf-8")
        print(
            f"wrote {len(df)} candidate rows to {args.output} (status=candidate: "
            "check each, write the summary, set confidence and status=checked; "
            "ids are assigned when the rows are saved)"
        )
    else:
        sys.stdout.write(data)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `import` and `extract` subcommands."""
    p = subparsers.add_parser("import", help="convert an ACLED or UCDP GED export to events")
    p.add_argument("kind", choices=sorted(PUBLISHERS))
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, help="write the tidy events to this CSV")
    p.add_argument(
        "--append",
        action="store_true",
        help="append to the data folder's events table (backup + atomic write + lock)",
    )
    p.add_argument(
        "--keep-duplicates",
        action="store_true",
        help="append rows that look like events already in the table (they are listed anyway)",
    )
    p.add_argument("--data-dir", type=Path, default=None, help="default: $BORDERWATCH_DATA")
    p.add_argument("--date", type=iso_date, help="import date for the source row (default today)")
    p.set_defaults(func=cmd_import)

    p = subparsers.add_parser("extract", help="find candidate events in a briefing's text")
    p.add_argument("briefing", type=Path)
    p.add_argument("--published", type=iso_date, required=True, help="publication date YYYY-MM-DD")
    p.add_argument("--source-id", required=True, help="the briefing's id in sources.csv")
    p.add_argument("-o", "--output", type=Path, help="candidates CSV (default: stdout)")
    p.add_argument("--data-dir", type=Path, default=None, help="default: $BORDERWATCH_DATA")
    p.set_defaults(func=cmd_extract)
