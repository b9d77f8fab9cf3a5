"""Broken and hostile data in a real browser: the problem report, never a traceback; CSV
downloads whose planted formulas a spreadsheet shows as text.

One `streamlit run` on one data folder; each broken folder is written into it in turn
(the app reloads a folder when its files change).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from e2e_support import EVENTS_LAYER, MAP_IFRAME, REPO, screenshot
from malformed import HOSTILE_TEXT
from services import CHROMIUM, streamlit_server

pytestmark = pytest.mark.browser

FORMULAS = [t for t in HOSTILE_TEXT if t[:1] in ("=", "+", "-", "@", "\t")]
"""The planted formulas: OWASP's prefixes (=, +, -, @, tab)."""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile") / "data"


@pytest.fixture(scope="module")
def app_url(folder, tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: install Debian's Chromium (apt-get install chromium)")
    shutil.copytree(REPO / "geodata", folder)
    env = {
        "BORDERWATCH_DATA": str(folder),
        "BORDERWATCH_OFFLINE": "1",
        "BORDERWATCH_CACHE": str(tmp_path_factory.mktemp("cache")),
    }
    with streamlit_server("dashboard/app.py", env, tmp_path_factory.mktemp("log")) as server:
        yield server.url


def fresh(folder: Path) -> None:
    """The bundled data again in `folder` (each case breaks one copy)."""
    shutil.rmtree(folder)
    shutil.copytree(REPO / "geodata", folder)


def rewrite(path: Path, change: Callable[[bytes], bytes]) -> None:
    data = change(path.read_bytes())
    path.unlink()  # a new file: a new version for the app's cache
    path.write_bytes(data)


def header_only(d: Path) -> None:
    rewrite(d / "events.csv", lambda b: b.splitlines(keepends=True)[0])


def fifo_sources(d: Path) -> None:
    (d / "sources.csv").unlink()
    os.mkfifo(d / "sources.csv")


def garbage_outlines(d: Path) -> None:
    rewrite(d / "borders.geojson", lambda b: b"garbage")


def nul_in_actors(d: Path) -> None:
    rewrite(d / "events.csv", lambda b: b.replace(b"Uzbekistan", b"Uzbek\x00istan", 1))


def list_parquet(d: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"event_id": ["X"], "summary": pa.array([["a", "b"]])})
    pq.write_table(table, d / "events.parquet")


def latin1_events(d: Path) -> None:
    rewrite(d / "events.csv", lambda b: b.replace(b"Uzbekistan", b"Uzb\xe9kistan", 1))


BROKEN = {
    "header-only": (
        header_only,
        "events.csv, line 2, all fields: has no events, only a header: add at least one "
        "(the Add events page or `borderwatch import`)",
    ),
    "fifo": (
        fifo_sources,
        "sources.csv, whole file (no line or field): is a named pipe (FIFO), not a regular file",
    ),
    "garbage-outlines": (
        garbage_outlines,
        "borders.geojson, line 1, all fields: is not valid JSON: Expecting value (column 1)",
    ),
    "nul": (nul_in_actors, "events.csv, line 5, field actors: contains a NUL byte (0x00) at byte"),
    "list-parquet": (
        list_parquet,
        "events.parquet, line 1, field summary: holds list<element: string> values; "
        "columns must be text, numbers or dates",
    ),
    "latin-1": (
        latin1_events,
        "events.csv, line 5, field actors: file is not UTF-8 (byte 0xe9 at offset",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_folder_shows_the_problem_report_and_no_traceback(app_url, folder, page, case):
    break_it, expected = BROKEN[case]
    fresh(folder)
    break_it(folder)
    page.goto(app_url)
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=90_000)
    page.get_by_text("The data folder has problems; fix them and reload:").wait_for(timeout=90_000)
    report = page.locator("[data-testid='stCode']").first.inner_text()
    assert expected in report
    assert page.locator("[data-testid='stException']").count() == 0
    assert "Traceback" not in page.content() and str(REPO) not in page.content()
    screenshot(page, f"hostile_{case}")


def test_the_csv_download_of_planted_formulas_opens_as_text(app_url, folder, page):
    fresh(folder)
    path = folder / "events.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    planted = {}
    for row, formula in zip(rows, FORMULAS, strict=False):
        row["summary"] = row["actors"] = formula
        planted[row["event_id"]] = formula
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.unlink()
    path.write_text(out.getvalue(), encoding="utf-8")

    page.goto(app_url)  # every event: the filters start at the data's whole span
    page.get_by_text(f"Showing {len(rows)} of {len(rows)} events").wait_for(timeout=90_000)
    # the map reports back once drawn, which reruns the app: a click during that rerun is
    # lost, so click when the map is drawn and the app idle, as a person would
    frame = page.wait_for_selector(MAP_IFRAME, timeout=90_000).content_frame()
    frame.wait_for_function(f"() => window.map && !!({EVENTS_LAYER})", timeout=90_000)
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=90_000)
    button = page.get_by_role("button", name="CSV", exact=True)
    button.wait_for(timeout=90_000)
    with page.expect_download(timeout=90_000) as download:
        button.click()
    text = download.value.path().read_text(encoding="utf-8")
    got = {r["event_id"]: r for r in csv.DictReader(io.StringIO(text))}
    for event_id, formula in planted.items():
        # A leading apostrophe: a spreadsheet shows the rest as text and drops the apostrophe.
        assert got[event_id]["summary"] == "'" + formula
        assert got[event_id]["actors"] == "'" + formula
    for row in got.values():
        for column, value in row.items():
            if column not in ("latitude", "longitude"):
                assert value[:1] not in ("=", "+", "-", "@", "\t", "\r"), (column, value)
    # Only the download: the data file keeps the exact text.
    with path.open(encoding="utf-8", newline="") as fh:
        kept = {r["event_id"]: r["summary"] for r in csv.DictReader(fh)}
    assert {i: kept[i] for i in planted} == planted
