"""Chromium and `streamlit run` for the benchmarks, and the app's cold start.

`cold_start_times` starts `streamlit run dashboard/app.py` on a free port and
times until the app is idle with markers drawn in the map's iframe.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the server and browser helpers the tests use
from services import CHROMIUM, chromium, streamlit_server  # noqa: E402, F401 (run.py: CHROMIUM)

MARKERS = ".leaflet-marker-icon"
"""Cluster icons, event markers and grid cells are all Leaflet marker icons."""

# Records when the number of marker icons last changed; the markers count as drawn
# when it has not changed for QUIET_MS (cluster groups add their icons in chunks).
# A 20 ms poll rather than a MutationObserver: streamlit-folium writes the map into
# its frame's document in a way an observer set up before does not see.
WATCH_MARKERS = """
window.__bw = {first: null, last: null, count: 0};
setInterval(function () {
    var n = document.querySelectorAll('MARKERS').length;
    if (n !== window.__bw.count) {
        window.__bw.count = n;
        var now = performance.now();
        if (n > 0 && window.__bw.first === null) { window.__bw.first = now; }
        window.__bw.last = now;
    }
}, 20);
""".replace("MARKERS", MARKERS)
QUIET_MS = 1000

# Records (epoch ms) when Streamlit last reported its script idle after a run; the
# cold start reads this, and the markers' own time, instead of when Playwright
# noticed them: its polling lagged the page by up to 0.7 s while both cores were busy.
WATCH_IDLE = """
window.__bwIdle = null;
(function () {
    var ran = false;
    new MutationObserver(function () {
        var el = document.querySelector('[data-test-script-state]');
        if (!el) { return; }
        var state = el.getAttribute('data-test-script-state');
        if (state === 'running') { ran = true; window.__bwIdle = null; }
        else if (state === 'notRunning' && ran && window.__bwIdle === null) {
            window.__bwIdle = performance.timeOrigin + performance.now();
        }
    }).observe(document, {attributes: true, childList: true, subtree: true,
                          attributeFilter: ['data-test-script-state']});
})();
"""


def _drawn_ms(frame, timeout_s: float) -> float:
    """Wait until the marker count in `frame` has been stable for QUIET_MS; when it last changed."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        state = frame.evaluate("window.__bw")
        now = frame.evaluate("performance.now()")
        if state and state["count"] > 0 and now - state["last"] >= QUIET_MS:
            return float(state["last"])
        time.sleep(0.1)
    raise TimeoutError(f"no markers drawn within {timeout_s:g} s")


def cold_start_times(
    reps: int, data_dir: Path | None = None, timeout_s: float = 90, snapshot: bool = True
) -> dict:
    """Median seconds from `streamlit run` until the app is idle with markers in its map.

    Each run is a new server process (nothing in memory) and a fresh browser context;
    the browser itself is started before the clock. The end is the later of two
    times the page records itself: Streamlit's script idle, and the last change to
    the map's marker icons (stable for QUIET_MS). The app runs offline
    (BORDERWATCH_OFFLINE=1): this machine has no internet and tiles would only time out.
    With `snapshot` the data folder's snapshot is made before the clock (a restart);
    without, every run starts from an empty snapshot cache (a first start).
    """
    env = dict(os.environ, BORDERWATCH_OFFLINE="1")
    if data_dir is not None:
        env["BORDERWATCH_DATA"] = str(data_dir)
    cache = REPO / "benchmarks" / "out" / "snapshot-cache"
    env["BORDERWATCH_CACHE"] = str(cache)
    results = []
    with chromium() as browser:
        if snapshot:
            _prime_snapshot(env)
        for _ in range(reps):
            if not snapshot:
                for old in cache.glob("*.pickle"):
                    old.unlink()
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.add_init_script(WATCH_MARKERS)
            context.add_init_script(WATCH_IDLE)
            page = context.new_page()
            try:
                with streamlit_server("dashboard/app.py", env, timeout=timeout_s) as server:
                    url, t0 = server.url, server.started
                    healthy = time.time() - t0
                    page.goto(url, timeout=timeout_s * 1000)
                    page.wait_for_selector("[data-testid='stApp']", timeout=timeout_s * 1000)
                    page.wait_for_selector(
                        "[data-test-script-state='notRunning']", timeout=timeout_s * 1000
                    )
                    frame = _map_frame(page, timeout_s)
                    frame.wait_for_selector(MARKERS, timeout=timeout_s * 1000)
                    markers_ms = _drawn_ms(frame, timeout_s) + frame.evaluate(
                        "performance.timeOrigin"
                    )
                    idle_ms = page.evaluate("window.__bwIdle")
                    end = max(markers_ms, idle_ms) / 1000
                    results.append((end - t0, healthy))
            finally:
                context.close()
    return {
        "cold_start_s": statistics.median(r[0] for r in results),
        "healthy_s": statistics.median(r[1] for r in results),
        "runs": [round(r[0], 2) for r in results],
    }


def _prime_snapshot(env: dict) -> None:
    """Make the data folder's snapshot as the app would, in a separate process."""
    subprocess.run(
        [sys.executable, "-c", "from borderwatch.data import snapshot; snapshot.load()"],
        cwd=REPO, env=env, check=True,
    )  # fmt: skip


def _map_frame(page, timeout_s: float):
    """The st_folium component's iframe."""
    page.wait_for_selector("iframe[title*='st_folium']", timeout=timeout_s * 1000)
    for frame in page.frames:
        if "st_folium" in (frame.name or "") or "streamlit_folium" in frame.url:
            return frame
    handle = page.query_selector("iframe[title*='st_folium']")
    return handle.content_frame()
