"""An unattended briefing screen picks up new data by itself: nobody touches the page.

The server checks the data every 2 s here (BORDERWATCH_REFRESH_SECONDS; 60 s by default).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil

import pytest
from e2e_support import open_app, showing

pytestmark = pytest.mark.browser

AGE = re.compile(
    r"^Data last changed (\d\d \w{3} \d{4} \d\d:\d\d) UTC · checked for changes "
    r"\d\d \w{3} \d{4} \d\d:\d\d UTC \(every 2 s\)$"
)


@pytest.fixture(scope="module")
def app_env() -> dict[str, str]:
    return {"BORDERWATCH_OFFLINE": "1", "BORDERWATCH_REFRESH_SECONDS": "2"}


def add_event(data_dir, **values) -> None:
    with (data_dir / "events.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    with (data_dir / "sources.csv").open(encoding="utf-8") as fh:
        source_id = next(csv.DictReader(fh))["source_id"]
    row = {c: "" for c in header}
    row.update(source_id=source_id, **values)
    with (data_dir / "events.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, header).writerow(row)


def data_age(page) -> str:
    return page.locator(".st-key-data-age").inner_text().strip()


def wait_for_text(page, selector: str, pattern: str, timeout: float = 60_000) -> None:
    page.wait_for_function(
        "([s, p]) => [...document.querySelectorAll(s)].some(e => new RegExp(p).test(e.innerText))",
        arg=[selector, pattern],
        timeout=timeout,
    )


def test_the_wall_shows_a_new_event_and_when_the_data_changed_without_a_reload(app, page):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_app(page, app.url + "/?mode=briefing")
    _, total = showing(page)
    assert page.locator("h1").first.inner_text() == "BorderWatch — as of 30 Sep 2021"
    assert AGE.match(data_age(page)), data_age(page)

    add_event(
        app.data_dir, event_id="BW-2021-0999", date_start="2021-10-05", date_end="2021-10-05",
        date_precision="day", event_type="clash", place="Termez", country="UZB",
        geo_precision="town", actors="Unknown",
        summary="A test report of shooting near the bridge.", confidence="reported",
    )  # fmt: skip
    # the page is left alone: the next check sees the new version and redraws
    wait_for_text(page, "h1", "^BorderWatch — as of 05 Oct 2021$")
    wait_for_text(page, "p", f"^Showing {total + 1} of {total + 1} events$")
    # the latest reports beside the board lead with it
    wait_for_text(page, "table.bw-latest tbody tr:first-child", "^2021-10-05\\s+Clash\\s+Termez$")
    page.wait_for_selector("[data-test-script-state='notRunning']")
    changed = AGE.match(data_age(page))
    assert changed, data_age(page)
    mtime = (app.data_dir / "events.csv").stat().st_mtime
    assert changed.group(1) == f"{dt.datetime.fromtimestamp(mtime, dt.UTC):%d %b %Y %H:%M}"
    assert page.watch.errors == []


def test_a_broken_data_folder_is_reported_and_the_wall_comes_back_once_fixed(app, page, tmp_path):
    open_app(page, app.url + "/?mode=briefing")
    events = app.data_dir / "events.csv"
    kept = tmp_path / "events.csv"
    shutil.copy(events, kept)
    try:
        with events.open("a", encoding="utf-8") as fh:
            fh.write("BW-2021-0998,not a date\n")
        wait_for_text(page, "[data-testid='stAlert']", "The data folder has problems")
        assert page.locator("table.bw-board").count() == 0
    finally:
        shutil.copy(kept, events)
        kept.unlink()
    page.locator("table.bw-board").wait_for(timeout=60_000)
    assert page.watch.errors == []
