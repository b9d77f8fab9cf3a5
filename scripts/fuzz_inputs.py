"""Throw generated malformed data folders and uploads at BorderWatch; count what goes wrong.

    python scripts/fuzz_inputs.py     # 1,000 folders + 1,000 uploads (20 + 30 also in the app)
    python scripts/fuzz_inputs.py --folders 100 --uploads 100 --app 10 --page 10 --seed 7
    python scripts/fuzz_inputs.py --only folder:1000093 upload:1000417   # re-run cases alone

Each case runs in a worker process under a timeout (a hang kills the worker and
is counted). A folder goes through `borderwatch validate`; every fifth also
through `borderwatch import` of its events table; the first `--app` folders
through the dashboard in Streamlit's AppTest. An upload goes through the Add
events page's reading, review, duplicate and row checks; the first `--page`
uploads also through the page itself (AppTest, the file handed to its uploader).
Counted: tracebacks (any exception that is not a DataError, or an app
exception), hangs, and messages that do not name a file, a line (or "whole
file") and a field (or "all fields"); messages over 400 characters; the most
messages one run printed; the slowest cases. Prints a table; exits 1 when there
is a traceback, a hang or an unlocated message.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import multiprocessing as mp
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from malformed import malformed_folder, malformed_upload  # noqa: E402

MESSAGE = re.compile(
    r"^(?P<file>[^,:\n]+?), (?:(?P<whole>whole file \(no line or field\))"
    r"|(?:line (?P<line>\d+)|no line), (?:field (?P<field>[^:\n]+)|all fields)): (?P<msg>.+)$"
)
"""`file, line N, field F: …`, with "all fields", "no line" or "whole file (no line or field)"."""
FIXTURES = REPO / "tests" / "ingest" / "fixtures"


def _validate(folder: str) -> dict:
    from borderwatch.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["validate", folder])
    lines = out.getvalue().splitlines()
    report = lines[1:] if lines and lines[0].startswith("INVALID") else []
    return {"code": code, "messages": report}


def _import(folder: str) -> dict:
    from borderwatch.cli import main

    out = io.StringIO()
    target = Path(folder).parent / (Path(folder).name + "-import.csv")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["import", "acled", str(Path(folder) / "events.csv"), "-o", str(target),
                     "--data-dir", str(REPO / "geodata")])  # fmt: skip
    lines = out.getvalue().splitlines()
    report = lines[1:] if lines and "problem(s)" in lines[0] else []
    return {"code": code, "messages": report}


def _upload(name: str, data: bytes) -> dict:
    import datetime as dt

    from borderwatch.data.problems import DataError
    from borderwatch.ingest.review import (
        duplicate_table,
        existing_events,
        flag_duplicates,
        review_briefing,
        review_upload,
        table_problems,
    )
    from borderwatch.ingest.tidy import context_for
    from borderwatch.ingest.upload import read_upload

    geodata = REPO / "geodata"
    context = context_for(geodata)
    try:
        up = read_upload(name, data)
        if up.format == "briefing_text":
            review = review_briefing(up.text, dt.date(2021, 7, 13), "OXAN-2021-07-13",
                                     context.gazetteer.places, finder=_finder())  # fmt: skip
        else:
            review = review_upload(up, dt.date(2021, 7, 20))
        review = flag_duplicates(review, existing_events(geodata), context.gazetteer)
        problems = table_problems(review.rows, review, context)
        duplicate_table(review.rows, existing_events(geodata), context.gazetteer)
    except DataError as e:
        return {"code": 1, "messages": e.report().splitlines()}
    return {"code": 0 if not problems else 1, "messages": [str(p) for p in problems]}


def _app(folder: str) -> dict:
    import os

    from streamlit.testing.v1 import AppTest

    os.environ["BORDERWATCH_DATA"] = folder
    at = AppTest.from_file(str(REPO / "dashboard" / "BorderWatch.py"), default_timeout=60)
    at.run()
    if at.exception:
        return {"error": "\n".join(e.message for e in at.exception)}
    shown = [c.value for c in at.code]
    return {"code": 1 if at.error else 0, "messages": "\n".join(shown).splitlines()}


def _page(name: str, data: bytes) -> dict:
    import os

    from streamlit.testing.v1 import AppTest

    os.environ["BORDERWATCH_DATA"] = str(REPO / "geodata")
    os.environ["BORDERWATCH_READ_ONLY"] = "1"  # never write to the bundled data
    at = AppTest.from_file(str(REPO / "dashboard" / "pages" / "1_Add_events.py"),
                           default_timeout=60)  # fmt: skip
    at.run()
    at.file_uploader(key="upload").set_value((name, data, "text/csv"))
    at.run()
    if at.exception:
        return {"error": "\n".join(e.message for e in at.exception)}
    shown = "\n".join(c.value for c in at.code).splitlines()
    shown = [m for m in shown if not m.startswith("BORDERWATCH_READ_ONLY")]
    tables = [d.value for d in at.dataframe if d.editing_mode == "read_only"]
    if tables and list(tables[0].columns) == ["row", "field", "message"]:
        shown += [f"{name}, line {r}, field {f}: {m}" for r, f, m in tables[0].values.tolist()]
    return {"code": 1 if at.error else 0, "messages": shown}


@functools.cache
def _finder():
    """The briefing place finder, built once per worker as the page builds it once per server."""
    from borderwatch.data.loader import load_places
    from borderwatch.ingest.places import PlaceFinder

    return PlaceFinder(load_places(REPO / "geodata"), outlines=REPO / "geodata" / "borders.geojson")


def _warm_up() -> None:
    """What a server does once at start, done before any case is timed: the imports, the
    GeoNames index the first unknown place builds, the briefing place finder and spaCy
    (seconds each, minutes on a loaded machine)."""
    from streamlit.testing.v1 import AppTest  # noqa: F401

    from borderwatch.cli import main  # noqa: F401
    from borderwatch.ingest.nlp import pipeline
    from borderwatch.ingest.tidy import context_for

    context_for(REPO / "geodata").gazetteer.lookup("Qzxv, no such place")
    _finder()
    pipeline()  # spaCy and its model, loaded once per process as on the page


def _worker(conn) -> None:
    jobs = {"validate": _validate, "import": _import, "upload": _upload, "app": _app,
            "page": _page}  # fmt: skip
    _warm_up()
    conn.send("ready")
    while True:
        job = conn.recv()
        if job is None:
            return
        kind, args = job
        try:
            result = jobs[kind](*args)
        except BaseException:
            result = {"error": traceback.format_exc(limit=-3)}
        conn.send(result)


class Pool:
    """One worker process; a case that outlives the timeout kills it and counts as a hang."""

    def __init__(self, timeout: float):
        self.timeout = timeout
        self._start()

    def _start(self) -> None:
        self.conn, child = mp.Pipe()
        self.proc = mp.Process(target=_worker, args=(child,), daemon=True)
        self.proc.start()
        assert self.conn.recv() == "ready"  # the start-up is not part of any case's time

    def run(self, kind: str, *args) -> dict:
        started = time.monotonic()
        self.conn.send((kind, args))
        if self.conn.poll(self.timeout):
            result = self.conn.recv()
        else:
            self.proc.kill()
            self.proc.join()
            self._start()
            result = {"hang": True}
        result["seconds"] = time.monotonic() - started
        return result

    def close(self) -> None:
        self.conn.send(None)
        self.proc.join(5)


class Examples(dict):
    """The first case of each kind of finding, also printed as it is found (a long run shows
    its problems while it runs)."""

    def setdefault(self, key, default=None):
        if key not in self:
            print(f"--- {key}\n{default}", file=sys.stderr, flush=True)
        return super().setdefault(key, default)


def classify(result: dict, stats: Counter, examples: dict, what: str) -> None:
    stats["runs"] += 1
    SLOWEST.append((result["seconds"], what))
    SLOWEST.sort(reverse=True)
    del SLOWEST[5:]
    if result.get("hang"):
        stats["hangs"] += 1
        examples.setdefault(f"hang {stats['hangs']}", what)
        RERUN.append(what.split(" ", 1)[0])
        return
    if "error" in result:
        stats["tracebacks"] += 1
        examples.setdefault(f"traceback {stats['tracebacks']}", f"{what}\n{result['error']}")
        RERUN.append(what.split(" ", 1)[0])
        return
    messages = result["messages"]
    stats["rejected" if result["code"] else "accepted"] += 1
    stats["messages"] += len(messages)
    stats["most messages in one run"] = max(stats["most messages in one run"], len(messages))
    for m in messages:
        match = MESSAGE.match(m)
        if m.startswith("... and ") or m.startswith("… and "):
            continue
        if len(m) > 400:
            stats["messages over 400 characters"] += 1
            examples.setdefault("long message", f"{what}: {m[:500]}")
        if match is None:
            stats["unlocated messages"] += 1
            examples.setdefault(f"unlocated: {m[:30]}", f"{what}: {m}")
        elif match["line"] and match["field"]:
            stats["… with line and field"] += 1
        elif match["line"]:
            stats["… with line, all fields"] += 1
        elif match["field"]:
            stats["… with field, no line"] += 1
        else:
            stats["… whole file"] += 1
            examples.setdefault(f"whole file: {match['msg'][:40]}", f"{what}: {m}")


SLOWEST: list[tuple[float, str]] = []
RERUN: list[str] = []
"""Cases that hung or raised, to re-run alone with --only."""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folders", type=int, default=1000)
    ap.add_argument("--uploads", type=int, default=1000)
    ap.add_argument("--app", type=int, default=20, help="folders also opened in the dashboard")
    ap.add_argument("--page", type=int, default=30,
                    help="uploads also sent through the Add events page")  # fmt: skip
    ap.add_argument("--only", nargs="*", default=None, metavar="KIND:SEED",
                    help="re-run only these (folder:SEED, upload:SEED), every check")  # fmt: skip
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=180.0, help="seconds per case")
    args = ap.parse_args(argv)

    pool = Pool(args.timeout)
    runs = ("validate", "import", "upload", "app", "page")
    stats: dict[str, Counter] = {k: Counter() for k in runs}
    examples: dict[str, str] = Examples()
    fixtures = [(p.name, p.read_bytes()) for p in sorted(FIXTURES.glob("*.csv"))]
    fixtures.append(("briefing.txt", b"Uzbekistan closed the Hairatan crossing on July 9."))
    base = args.seed * 1_000_000
    if args.only is not None:
        cases = [(k, int(seed)) for k, seed in (c.split(":") for c in args.only)]
    else:
        cases = [("folder", base + i) for i in range(args.folders)]
        cases += [("upload", base + i) for i in range(args.uploads)]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bw-fuzz-") as tmp:
        for n, (kind, seed) in enumerate(cases):
            if n % 100 == 0:
                counted = ("runs", "tracebacks", "hangs", "unlocated messages")
                so_far = {k: sum(v[k] for v in stats.values()) for k in counted}
                print(f"case {n:,} of {len(cases):,}, {time.monotonic() - started:.0f} s: "
                      + ", ".join(f"{v:,} {k}" for k, v in so_far.items()),
                      file=sys.stderr, flush=True)  # fmt: skip
            i = seed - base
            every = args.only is not None
            if kind == "folder":
                folder = Path(tmp) / f"f{seed}"
                done = malformed_folder(REPO / "geodata", folder, seed)
                what = f"folder:{seed} ({'; '.join(done)})"
                classify(pool.run("validate", str(folder)), stats["validate"], examples, what)
                if i % 5 == 0 or every:
                    classify(pool.run("import", str(folder)), stats["import"], examples, what)
                if i < args.app or every:
                    classify(pool.run("app", str(folder)), stats["app"], examples, what)
            else:
                name, data, how = malformed_upload(fixtures, seed)
                what = f"upload:{seed} ({name}: {how})"
                classify(pool.run("upload", name, data), stats["upload"], examples, what)
                if i < args.page or every:
                    classify(pool.run("page", name, data), stats["page"], examples, what)
    pool.close()

    keys = ["runs", "accepted", "rejected", "tracebacks", "hangs", "messages",
            "… with line and field", "… with line, all fields", "… with field, no line",
            "… whole file", "unlocated messages", "messages over 400 characters",
            "most messages in one run"]  # fmt: skip
    print(f"\n{len(cases):,} cases (seed {args.seed})\n")
    print(f"{'':30}" + "".join(f"{k:>10}" for k in stats))
    for key in keys:
        print(f"{key:30}" + "".join(f"{stats[k][key]:>10,}" for k in stats))
    print(f"\n{time.monotonic() - started:.0f} s, timeout {args.timeout:g} s per case; slowest:")
    for seconds, what in SLOWEST:
        print(f"  {seconds:6.1f} s  {what[:150]}")
    for label, text in examples.items():
        print(f"\n--- {label}\n{text}")
    if RERUN:
        again = " ".join(dict.fromkeys(RERUN))
        print(f"\nre-run alone: python scripts/fuzz_inputs.py --only {again}")
    bad = sum(s["tracebacks"] + s["hangs"] + s["unlocated messages"] for s in stats.values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
