"""The "Add events" page in Chromium: a bad upload is refused, a fixed one is saved.

Runs `streamlit run` on the page alone (headless, free port, killed afterwards)
against a throw-away data folder, and drives it through Playwright.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sample_data import MALICIOUS, REPO, write_data_dir
from services import CHROMIUM, chromium, streamlit_server
from test_add_events_page import BAD, GOOD, tidy_csv

from borderwatch.access import LOCAL_EDITING_ENV
from borderwatch.data.loader import ENV_VAR, load_dataset

pytestmark = pytest.mark.browser

PAGE = REPO / "dashboard" / "pages" / "1_Add_events.py"
ARTIFACTS = REPO / "artifacts"


@pytest.fixture
def server(tmp_path) -> Iterator[tuple[str, Path]]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium")
    data_dir = write_data_dir(tmp_path / "data")
    env = {ENV_VAR: str(data_dir), LOCAL_EDITING_ENV: "1", "BORDERWATCH_READ_ONLY": None}
    with streamlit_server(PAGE, env, tmp_path) as running:
        yield running.url, data_dir


@contextmanager
def chromium_page(url: str, dialogs: list[str]) -> Iterator[tuple[Any, Callable[[], None]]]:
    """Chromium on `url`, settled; dialogs are recorded (and dismissed) into `dialogs`."""
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        def settled() -> None:
            page.wait_for_selector("[data-test-script-state='notRunning']", timeout=90_000)

        page.goto(url)
        settled()
        yield page, settled


def test_bad_upload_is_refused_then_the_fixed_file_is_saved(server, tmp_path):
    url, data_dir = server
    bad = tmp_path / "bad" / "new.csv"
    fixed = tmp_path / "fixed" / "new.csv"
    repaired = {**BAD, "summary": MALICIOUS, "confidence": "claimed"}
    for path, rows in ((bad, (GOOD, BAD)), (fixed, (GOOD, repaired))):
        path.parent.mkdir()
        path.write_bytes(tidy_csv(*rows))
    dialogs: list[str] = []
    with chromium_page(url, dialogs) as (page, settled):
        page.set_input_files("input[type=file]", str(bad))
        page.get_by_text("1 problem(s): fix or delete these rows before saving.").wait_for()
        settled()
        # The message itself is drawn on the table's canvas; AppTest checks its text.
        assert page.get_by_role("button", name="Save 2 rows").is_disabled()

        page.set_input_files("input[type=file]", str(fixed))
        page.get_by_text("All 2 rows are valid.").wait_for()
        settled()
        page.get_by_role("button", name="Save 2 rows").click()
        page.get_by_text("Saved 2 events to data/ (BW-2021-0101, BW-2021-0102).").wait_for()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "add_events_saved.png"), full_page=True)

    events = load_dataset(data_dir).events.set_index("event_id")
    assert events.loc["BW-2021-0102", "summary"] == MALICIOUS
    assert len(list((data_dir / "backups").glob("events-*.csv"))) == 1
    assert dialogs == []


def test_a_pasted_briefing_is_reviewed_with_one_click_per_candidate(server):
    url, _ = server
    text = (
        "Uzbekistan closed the Hairatan crossing on 9 July. "
        f"Officials in Moscow said {MALICIOUS} on 12 July."
    )
    dialogs: list[str] = []
    with chromium_page(url, dialogs) as (page, settled):
        page.get_by_role("tab", name="Paste a briefing").click()
        page.get_by_label("Briefing text").fill(text)
        page.get_by_label("Briefing text").blur()
        settled()
        find = page.get_by_role("button", name="Find candidate events")
        assert find.is_disabled()
        for part, value in (("year", "2021"), ("month", "07"), ("day", "13")):
            page.get_by_role("spinbutton", name=f"{part}, Published").click()
            page.keyboard.type(value)
        page.keyboard.press("Tab")
        settled()
        page.get_by_label("Source (sources.csv)").click()
        page.get_by_role("option", name="OXAN-2021-07-13").click()
        settled()
        find.click()
        page.get_by_text("#1 · Hairatan · 2021-07-09 (day) · crossing_closed").wait_for(
            timeout=180_000
        )
        settled()
        # The sentence with markup in it is shown as it was written (in each candidate that
        # quotes it: Moscow's, and the guess of the country named most for its reported clause).
        sentence = page.get_by_text(f"Officials in Moscow said {MALICIOUS} on 12 July.", exact=True)
        sentence.first.wait_for()
        page.get_by_role("button", name="Accept").first.click()
        page.get_by_text("Accepted rows: 1").wait_for()
        settled()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "add_events_briefing.png"), full_page=True)
    assert dialogs == []
