"""The shared store's costs, on a private PostgreSQL 15 + PostGIS cluster: prints a table.

For the bundled data and synthetic folders (benchmarks/synth.py): `db load`, a full
re-read after a change (what each app process does once per data version), the
filters in SQL against the same filters in pandas, one 50-row save, and `db dump`.

    python benchmarks/db_store.py [--sizes 10000 100000] [--reps 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the private cluster the tests use

from sample_data import event  # noqa: E402
from services import PostgresCluster  # noqa: E402
from synth import write_data_dir  # noqa: E402

from borderwatch.analysis.filters import Filters, apply_filters  # noqa: E402
from borderwatch.data.loader import load_dataset  # noqa: E402
from borderwatch.db.reads import filtered_events, load_store  # noqa: E402
from borderwatch.db.schema import connect, init  # noqa: E402
from borderwatch.db.transfer import dump_folder, load_folder  # noqa: E402
from borderwatch.db.writes import save_events  # noqa: E402
from borderwatch.ingest.tidy import tidy_frame  # noqa: E402

FILTER = Filters(start=dt.date(2021, 7, 1), end=dt.date(2021, 9, 30), countries=("UZB",),
                 q="border")  # fmt: skip


def best(fn: Callable[[], object], reps: int) -> float:
    """Median seconds of `reps` runs."""
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def measure(cluster: PostgresCluster, folder: Path, reps: int, tmp: Path) -> dict:
    url = cluster.new_database()
    with connect(url) as conn:
        init(conn)
        t = time.perf_counter()
        load_folder(conn, folder, "benchmark")
        load_s = time.perf_counter() - t
        store = load_store(conn, folder)
        events = load_dataset(folder).events
        n = len(events)
        row = {
            "events": n,
            "db load s": load_s,
            "re-read s": best(lambda: load_store(conn, folder), reps),
            "filter SQL ms": 1000 * best(lambda: filtered_events(conn, store, FILTER), reps),
            "filter pandas ms": 1000 * best(lambda: apply_filters(events, FILTER), reps),
        }
        cited = conn.execute("SELECT source_id FROM sources ORDER BY seq LIMIT 1").fetchone()
        batch = [
            event(event_id=f"BENCH-{i:05d}", summary=f"Benchmark row {i} at Hairatan.",
                  source_id=cited[0] if cited else "")
            for i in range(50)
        ]  # fmt: skip
        t = time.perf_counter()
        save_events(conn, tidy_frame(batch, range(2, 52)), "bench.csv", "benchmark")
        row["save 50 ms"] = 1000 * (time.perf_counter() - t)
        t = time.perf_counter()
        dump_folder(conn, tmp / f"dump-{n}")
        row["db dump s"] = time.perf_counter() - t
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args(argv)
    cluster = PostgresCluster()
    cluster.start()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as d:
            tmp = Path(d)
            folders = [REPO / "geodata"] + [
                write_data_dir(tmp / f"synth-{n}", n) for n in args.sizes
            ]
            for folder in folders:
                rows.append(measure(cluster, folder, args.reps, tmp))
    finally:
        cluster.stop()
    cols = list(rows[0])
    print(" | ".join(f"{c:>16}" for c in cols))
    for r in rows:
        print(" | ".join(f"{r[c]:>16.3f}" if isinstance(r[c], float) else f"{r[c]:>16}"
                         for c in cols))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
