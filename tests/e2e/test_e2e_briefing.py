"""Briefing mode in Chromium: a full-screen map, the crossing board, no navigation."""

from __future__ import annotations

import csv
import re

import pytest
from e2e_support import drawn_markers, open_app, screenshot, showing

pytestmark = pytest.mark.browser


def crossing_names(app) -> list[str]:
    with (app.data_dir / "crossings.csv").open(encoding="utf-8") as fh:
        return [row["name"] for row in csv.DictReader(fh)]


def test_briefing_mode_shows_the_status_board_and_hides_all_navigation(app, page):
    page.set_viewport_size({"width": 1920, "height": 1080})
    frame = open_app(page, app.url + "/?mode=briefing")
    board = page.locator("table.bw-board")
    board.wait_for()
    for name in crossing_names(app):
        assert board.get_by_text(name, exact=True).is_visible()
    statuses = board.locator("td[class^='v-']").all_inner_texts()
    # the data's last day, 30 Sep 2021: the July reports are 79 days old
    assert sorted(statuses) == ["UNCONFIRMED-CLOSED", "UNCONFIRMED-CLOSED", "UNCONFIRMED-OPEN",
                                "UNCONFIRMED-THREATENED"]  # fmt: skip
    assert page.locator("table.bw-latest tbody tr").count() == 3  # what fits under the board
    for testid in ("stSidebar", "stSidebarNav", "stSidebarCollapsedControl", "stHeader"):
        assert not page.locator(f"[data-testid='{testid}']").is_visible()
    n, _ = showing(page)
    assert drawn_markers(frame) == n
    screenshot(page, "briefing")
    assert page.watch.errors == []
    assert page.watch.outside == set()


@pytest.mark.parametrize(
    ("end", "statuses", "says"),
    [
        ("2021-06-01", ["NO REPORT"] * 4, "no report yet"),
        ("2021-07-13", ["CLOSED", "CLOSED", "THREATENED", "OPEN"],
         "began between 1 May and 13 Jul 2021"),
        ("2021-09-30", ["UNCONFIRMED-CLOSED", "UNCONFIRMED-CLOSED", "UNCONFIRMED-THREATENED",
                        "UNCONFIRMED-OPEN"],
         "Hairatan: unconfirmed-taliban (the editors' inference)"),
    ],
)  # fmt: skip
def test_the_board_reads_as_known_on_the_chosen_day(app, page, end, statuses, says):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_app(page, f"{app.url}/?mode=briefing&end={end}")
    board = page.locator("table.bw-board")
    board.wait_for()
    assert board.locator("td[class^='v-']").all_inner_texts() == statuses
    assert says in board.inner_text()
    screenshot(page, f"briefing_{end}")
    assert page.watch.errors == []


def test_playback_starts_in_the_last_year_holding_events_and_shows_each_step(app, page):
    open_app(page, app.url + "/?mode=briefing&play=1")
    step = page.get_by_text(re.compile(r"^Playback \d+ of 23: "))
    step.wait_for()
    # the playback may already have moved on: the step and the title agree on the date
    shown = re.search(r"^Playback \d+ of 23: (.+) \(from 01 May 2021, a week a step\)$",
                      step.inner_text())  # fmt: skip
    assert shown, step.inner_text()
    title = page.locator("h1").first.inner_text()
    assert title.startswith("BorderWatch — as of ")


def test_playback_steps_the_end_date_on_a_timer(app, page):
    open_app(page, app.url + "/?mode=briefing&play=1&start=2021-08-01&end=2021-08-31")
    title = page.locator("h1").first
    seen = {title.inner_text()}
    while len(seen) < 3:  # the board moves a week every few seconds
        page.wait_for_function(
            "seen => !seen.includes(document.querySelector('h1').innerText)",
            arg=sorted(seen),
            timeout=30_000,
        )
        seen.add(title.inner_text())
    dates = sorted(re.search(r"as of (.+)$", t).group(1) for t in seen)
    assert len(dates) >= 3, dates
    assert page.watch.outside == set()


def playback_step(page) -> int:
    caption = page.get_by_text(re.compile(r"^Playback \d+ of \d+: ")).first.inner_text()
    return int(re.search(r"^Playback (\d+)", caption).group(1))


def test_playback_keeps_only_the_current_steps_layers_however_many_steps_pass(app, page):
    """Each step replaces the map's layers and switcher; none of the steps before may stay
    behind, neither in streamlit-folium's list (it kept every layer it was ever sent: ~4
    layers and ~200 DOM nodes a step) nor through a past switcher still listening for
    clicks on the map (Leaflet keeps a folded switcher's listener: ~450 MB an hour). The
    page's node count is not compared: later steps draw more events."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    frame = open_app(page, app.url + "/?mode=briefing&play=1&start=2021-05-01&end=2021-09-30")

    def held_after_next_step() -> tuple[int, int]:
        now = playback_step(page)
        page.wait_for_function(
            """n => { const c = [...document.querySelectorAll('[data-testid="stCaptionContainer"]')]
                      .map(e => e.innerText).find(t => t.startsWith('Playback '));
                      return c && !c.startsWith(`Playback ${n} of`); }""",
            arg=now, timeout=30_000,
        )  # fmt: skip
        page.wait_for_selector("[data-test-script-state='notRunning']")
        # the step's layer switcher arrives after its layers and trims what is held
        frame.wait_for_function("() => window.feature_group && window.feature_group.length <= 4")
        return frame.evaluate(
            """() => [window.feature_group.length, window.map._events.click
                      .filter(h => h.ctx instanceof L.Control.Layers).length]"""
        )  # fmt: skip

    held = [held_after_next_step() for _ in range(12)]
    # the layers sent with the step (events, crossings, districts, heat map) and one switcher
    assert held == [[4, 1]] * 12
    assert page.watch.errors == []


SCREENS = [(1366, 768), (1920, 1080), (3840, 2160)]


@pytest.mark.parametrize(("width", "height"), SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
def test_the_briefing_screen_fills_the_wall_with_type_that_grows_with_it(app, page, width, height):
    page.set_viewport_size({"width": width, "height": height})
    frame = open_app(page, app.url + "/?mode=briefing")
    page.locator("table.bw-board").wait_for()
    frame.wait_for_selector(".bw-lbl-country span", timeout=30_000)
    box = page.evaluate(
        """() => {
            const f = document.querySelector("iframe[title='streamlit_folium.st_folium']");
            const r = f.getBoundingClientRect();
            const px = s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize);
            return {top: r.top, bottom: r.bottom, scroll: document.documentElement.scrollHeight,
                    board: px("table.bw-board td"), latest: px("table.bw-latest td")};
        }"""
    )
    # the map takes the height the title leaves, down to the screen's edge, and no scrolling
    assert box["top"] < 0.2 * height
    assert height - 24 <= box["bottom"] <= height
    assert box["scroll"] <= height
    map_height = frame.evaluate("() => window.map.getContainer().getBoundingClientRect().height")
    assert map_height == pytest.approx(box["bottom"] - box["top"], abs=2)
    # the board's and latest events' text: 24 px at 1080p, in proportion on other screens
    assert box["board"] == pytest.approx(24 * width / 1920, abs=0.5)
    assert box["latest"] == box["board"]
    legend = frame.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.bw-legend')).fontSize)"
    )
    assert legend >= 16
    # the board and the latest reports beside the map fit the wall: nothing cut off
    last = page.evaluate(
        "() => [...document.querySelectorAll('table.bw-latest tbody tr')].pop()"
        ".getBoundingClientRect().bottom"
    )
    assert last <= height
    legend_box = frame.evaluate(
        "() => { const r = document.querySelector('.bw-legend').getBoundingClientRect();"
        " return [r.top, r.bottom, innerHeight]; }"
    )
    assert legend_box[0] >= 0 and legend_box[1] <= legend_box[2]  # the whole legend is on screen
    # and it leaves the map readable: a band along the bottom, not a panel over half of it
    share = frame.evaluate(
        """() => { const l = document.querySelector('.bw-legend').getBoundingClientRect();
                   const m = window.map.getContainer().getBoundingClientRect();
                   return (l.width * l.height) / (m.width * m.height); }"""
    )
    assert share <= 0.2, f"the legend covers {share:.0%} of the map"
    label = frame.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.bw-lbl-country span'))"
        ".fontSize)"
    )
    assert label >= (14 if width < 3000 else 24)  # map labels grow with the screen too
    screenshot(page, f"briefing_{width}x{height}")
