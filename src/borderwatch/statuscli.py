"""`borderwatch status` and `borderwatch control`: the picture as known on a date, for scripts.

Registered through borderwatch.cli.SUBCOMMAND_MODULES. Both print one row per
crossing (or district) from `asof.picture_as_of`, as CSV or an aligned table.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys

import pandas as pd

from borderwatch.analysis.asof import STALE_DAYS, Picture, picture_as_of
from borderwatch.cli import add_data_dir, iso_date
from borderwatch.data.loader import load_dataset, resolve_data_dir
from borderwatch.data.problems import DataError

STATUS_CSV_COLUMNS = ["crossing", "status", "began_earliest", "began_latest", "last_report",
                      "age_days", "confidence", "event_id"]  # fmt: skip
CONTROL_CSV_COLUMNS = ["district", "control", *STATUS_CSV_COLUMNS[2:]]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def status_rows(picture: Picture) -> pd.DataFrame:
    """One row per crossing in `STATUS_CSV_COLUMNS`, as text (ISO dates, blank when unknown)."""
    c = picture.crossings
    return _text(c.rename(columns={"crossing_id": "crossing"}), STATUS_CSV_COLUMNS)


def control_rows(picture: Picture, kind: str = "district") -> pd.DataFrame:
    """One row per place of `kind` ('all': every place) with a control report, and every
    district, in `CONTROL_CSV_COLUMNS`; the first column is named after `kind`."""
    c = picture.control
    if kind != "all":
        c = c[c["kind"] == kind]
    first = "place" if kind == "all" else kind
    return _text(c.rename(columns={"place": first}), [first, *CONTROL_CSV_COLUMNS[1:]])


def _text(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    out = pd.DataFrame(index=frame.index)
    for col in columns:
        values = frame[col]
        if col in ("began_earliest", "began_latest", "last_report"):
            out[col] = [_iso(v) for v in values]
        else:
            out[col] = ["" if pd.isna(v) else str(v) for v in values]
    return out.reset_index(drop=True)


def _iso(value: object) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).date().isoformat()  # type: ignore[arg-type]


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: a leading =, +, -, @ or control gets a quote."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def render(rows: pd.DataFrame, fmt: str) -> str:
    """`rows` as CSV (formula-looking cells neutralised) or as a plain aligned table."""
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(rows.columns)
        writer.writerows([[_cell(v) for v in r] for r in rows.itertuples(index=False)])
        return buf.getvalue()
    widths = [max([len(c), *(len(v) for v in rows[c])]) for c in rows.columns]
    lines = [list(rows.columns), *(list(r) for r in rows.itertuples(index=False))]
    return "".join(
        "  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() + "\n"
        for line in lines
    )


def cmd_picture(args: argparse.Namespace) -> int:
    """Print status (crossings) or control (districts) as known on --as-of."""
    try:
        ds = load_dataset(resolve_data_dir(args.data_dir))
    except DataError as e:
        print(e.report(), file=sys.stderr)
        return 1
    picture = picture_as_of(ds.events, ds.crossings, ds.places, args.as_of, args.stale_days)
    is_status = args.command == "status"
    rows = status_rows(picture) if is_status else control_rows(picture, args.kind)
    sys.stdout.write(render(rows, args.format))
    return 0


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days")
    return int(text)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `status` and `control` subcommands."""
    helps = {
        "status": "crossing status as known on a date (one row per crossing)",
        "control": "district control as known on a date (one row per district)",
    }
    for name, text in helps.items():
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument(
            "--as-of", type=iso_date, default=dt.date.today(), help="YYYY-MM-DD (default: today)"
        )
        p.add_argument(
            "--stale-days",
            type=_days,
            default=STALE_DAYS,
            help=f"age in days past which a state reads unconfirmed-… (default {STALE_DAYS})",
        )
        p.add_argument("--format", choices=("csv", "table"), default="csv")
        if name == "control":
            p.add_argument(
                "--kind",
                choices=("district", "province", "region", "town", "crossing", "all"),
                default="district",
                help="which places to list (default: district; the first column is named so)",
            )
        add_data_dir(p)
        p.set_defaults(func=cmd_picture)
