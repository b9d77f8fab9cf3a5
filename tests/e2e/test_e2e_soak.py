"""An unattended briefing screen left running: the tabs' and the server's memory stay flat.

Marked slow (excluded by default; run with `pytest -m slow tests/e2e/test_e2e_soak.py`):
two screens on one server, one playing back (a step every 4 s) and one still, checking
its data for changes every 5 s (the default is 60 s); after a warm-up it samples each
tab's JavaScript heap (after a forced garbage collection, through the DevTools protocol),
the server's resident memory and the machine's load once a minute for
BORDERWATCH_SOAK_MINUTES (30 by default), and fits a line through each.
"""

from __future__ import annotations

import os
import time

import numpy as np
import pytest
from e2e_support import ARTIFACTS, open_app
from services import rss_mb

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SOAK_MINUTES = float(os.environ.get("BORDERWATCH_SOAK_MINUTES", "30"))
WARM_UP_SECONDS = 120
LIMIT_MB_PER_HOUR = 50.0
CHECK_SECONDS = 5


@pytest.fixture(scope="module")
def app_env() -> dict[str, str]:
    return {"BORDERWATCH_OFFLINE": "1", "BORDERWATCH_REFRESH_SECONDS": str(CHECK_SECONDS)}


def slope_mb_per_hour(minutes: list[float], mb: list[float]) -> float:
    return float(np.polyfit(np.array(minutes) / 60.0, np.array(mb), 1)[0])


class Screen:
    """One briefing screen in its own tab, whose heap is read through DevTools."""

    def __init__(self, browser, url: str) -> None:
        self.ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
        self.page = self.ctx.new_page()
        self.cdp = self.ctx.new_cdp_session(self.page)
        self.cdp.send("Performance.enable")
        open_app(self.page, url)

    def heap_mb(self) -> float:
        self.cdp.send("HeapProfiler.collectGarbage")
        metrics = self.cdp.send("Performance.getMetrics")["metrics"]
        return {m["name"]: m["value"] for m in metrics}["JSHeapUsedSize"] / 2**20

    def text(self, selector: str) -> str:
        return self.page.locator(selector).first.inner_text()


def test_playback_and_the_self_refreshing_board_keep_tab_and_server_memory_flat(app, browser):
    playing = Screen(browser, app.url + "/?mode=briefing&play=1")
    still = Screen(browser, app.url + "/?mode=briefing")
    playing.page.wait_for_timeout(WARM_UP_SECONDS * 1000)
    titles, checks = set(), set()
    rows = []
    start = time.monotonic()
    while True:
        elapsed = (time.monotonic() - start) / 60
        rows.append(
            (elapsed, playing.heap_mb(), still.heap_mb(), rss_mb(app.pid), os.getloadavg()[0])
        )
        titles.add(playing.text("h1"))
        checks.add(still.text(".st-key-data-age"))
        if elapsed >= SOAK_MINUTES:
            break
        playing.page.wait_for_timeout(60_000)
    for screen in (playing, still):
        screen.ctx.close()
    minutes = [r[0] for r in rows]
    play_tab = slope_mb_per_hour(minutes, [r[1] for r in rows])
    still_tab = slope_mb_per_hour(minutes, [r[2] for r in rows])
    server = slope_mb_per_hour(minutes, [r[3] for r in rows])
    loads = sorted(r[4] for r in rows)
    table = ["minute  playing_tab_MB  still_tab_MB  server_rss_MB  load_1min"]
    table += [f"{m:6.1f}  {p:14.1f}  {s:12.1f}  {r:13.1f}  {ld:9.2f}" for m, p, s, r, ld in rows]
    table.append(
        f"growth per hour over {minutes[-1]:.1f} min: playing tab {play_tab:+.1f} MB, "
        f"still tab {still_tab:+.1f} MB, server {server:+.1f} MB (limit "
        f"{LIMIT_MB_PER_HOUR:.0f} MB); load median {loads[len(loads) // 2]:.1f} on "
        f"{os.cpu_count()} cores; {len(titles)} dates played, {len(checks)} checks seen"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "soak.txt").write_text("\n".join(table) + "\n")
    print("\n".join(table))
    assert len(titles) > 1, "playback did not move"
    assert len(checks) > 1, "the still board did not check its data"
    assert play_tab <= LIMIT_MB_PER_HOUR
    assert still_tab <= LIMIT_MB_PER_HOUR
    assert server <= LIMIT_MB_PER_HOUR
