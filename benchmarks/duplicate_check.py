"""Time the duplicate check of new rows against a large existing events table.

    python benchmarks/duplicate_check.py [--existing 100000 1000000] [--new 1000]

Two cases for each table size, both through `duplicates.find_duplicates` with the
bundled gazetteer, as `borderwatch import --append` and the Add events page call it:

* **spread**: the existing table is synthetic events (`benchmarks/synth.py`: the
  bundled places, every type, several years); the new rows are copies of
  existing rows under new ids, so each is flagged.
* **one place**: every existing event is the same crossing closure on the same day,
  and so is every new row (a hostile or runaway table): each new row could match
  the whole table, and is compared with the `duplicates.WINDOW` nearest.

Only the columns the check reads are kept, so the table fits in memory at 1M rows.
Prints a table: seconds (best of `--repeat`), rows flagged, and the process's peak
memory after the case.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from synth import load_places, synth_events  # noqa: E402

from borderwatch.data import vocab  # noqa: E402
from borderwatch.data.gazetteer import Gazetteer  # noqa: E402
from borderwatch.ingest.duplicates import WINDOW, find_duplicates  # noqa: E402

COLUMNS = ["event_id", "date_start", "date_end", "event_type", "place", "country", "summary"]


def spread(existing: int, new: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    table = synth_events(existing, seed=1)[COLUMNS]
    rows = table.sample(new, random_state=2).reset_index(drop=True)
    rows["event_id"] = [f"NEW-{i}" for i in range(new)]
    return table, rows


def one_place(existing: int, new: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    closure = {
        "date_start": "2021-07-09",
        "date_end": "2021-07-09",
        "event_type": "crossing_closed",
        "place": "Hairatan",
        "country": "AFG",
        "summary": "Uzbekistan closed the Hairatan crossing to all traffic.",
    }
    table = pd.DataFrame({"event_id": [f"BW-{i:07d}" for i in range(existing)], **closure})
    rows = pd.DataFrame({"event_id": [f"NEW-{i}" for i in range(new)], **closure})
    return table[COLUMNS], rows[COLUMNS]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--existing", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--new", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    places = load_places()
    gazetteer = Gazetteer(places[list(vocab.PLACE_COLUMNS)], use_geonames=False)
    print(f"each new row is compared with at most {WINDOW} existing events per place and type\n")
    print("| existing events | new rows | case | flagged | seconds (best of "
          f"{args.repeat}) | peak memory |")  # fmt: skip
    print("|---:|---:|---|---:|---:|---:|")
    for existing in args.existing:
        for label, make in (("spread", spread), ("one place", one_place)):
            table, rows = make(existing, args.new)
            runs = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                flags = find_duplicates(rows, table, gazetteer)
                runs.append(time.perf_counter() - t0)
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"| {existing:,} | {len(rows):,} | {label} | {int((flags != '').sum()):,} | "
                  f"{min(runs):.2f} | {peak_mb:,.0f} MB |", flush=True)  # fmt: skip
            del table, rows
    return 0


if __name__ == "__main__":
    sys.exit(main())
