"""An unattended briefing screen left playing: the tab's and the server's memory stay flat.

Marked slow (excluded by default; run with `pytest -m slow tests/e2e/test_e2e_soak.py`):
it watches playback for BORDERWATCH_SOAK_MINUTES (30 by default) after a warm-up, samples
the tab's JavaScript heap (after a forced garbage collection, through the DevTools
protocol) and the server's resident memory once a minute, and fits a line through each.
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


def slope_mb_per_hour(minutes: list[float], mb: list[float]) -> float:
    return float(np.polyfit(np.array(minutes) / 60.0, np.array(mb), 1)[0])


def test_playback_keeps_the_tab_and_the_server_memory_flat(app, browser):
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Performance.enable")

    def tab_mb() -> tuple[float, int]:
        cdp.send("HeapProfiler.collectGarbage")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        return metrics["JSHeapUsedSize"] / 2**20, int(metrics["Nodes"])

    open_app(page, app.url + "/?mode=briefing&play=1")
    page.wait_for_timeout(WARM_UP_SECONDS * 1000)
    titles = set()
    rows = []
    start = time.monotonic()
    while True:
        elapsed = (time.monotonic() - start) / 60
        heap, nodes = tab_mb()
        rows.append((elapsed, heap, nodes, rss_mb(app.pid)))
        titles.add(page.locator("h1").first.inner_text())
        if elapsed >= SOAK_MINUTES:
            break
        page.wait_for_timeout(60_000)
    ctx.close()
    minutes = [r[0] for r in rows]
    tab = slope_mb_per_hour(minutes, [r[1] for r in rows])
    server = slope_mb_per_hour(minutes, [r[3] for r in rows])
    table = ["minute  tab_heap_MB  dom_nodes  server_rss_MB"]
    table += [f"{m:6.1f}  {h:11.1f}  {n:9d}  {s:13.1f}" for m, h, n, s in rows]
    table.append(
        f"growth per hour: tab {tab:+.1f} MB, server {server:+.1f} MB "
        f"(limit {LIMIT_MB_PER_HOUR:.0f} MB); {len(titles)} different dates shown"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "soak.txt").write_text("\n".join(table) + "\n")
    print("\n".join(table))
    assert len(titles) > 1, "playback did not move"
    assert tab <= LIMIT_MB_PER_HOUR
    assert server <= LIMIT_MB_PER_HOUR
