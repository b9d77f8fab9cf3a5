"""What a user experiences, measured in Chromium against a running `streamlit run`.

Times are taken by the pages themselves (epoch milliseconds: `performance.timeOrigin +
performance.now()` in the page and in the map's frame), so Playwright's polling
adds nothing to them:

- first map: from navigation start until the events layer is on the map and two
  animation frames have passed (the browser has painted it);
- filter change: from the Enter that adds a country in the sidebar until the new
  events layer is on the map and painted;
- pan or zoom: from the map's `moveend` (the gesture is over) until the new detail
  is on the map and painted; this includes streamlit-folium's 250 ms debounce; a click
  that opens a cell at the closest zoom (the map does not move) is timed from the click;
- the `st.pydeck_chart` anchor: from the same Enter until Streamlit reports the
  script idle and two animation frames have passed (deck.gl draws in the next frame).

Bytes are the websocket frames (both ways) from the input until the app is idle.
The server's peak memory is the process's `VmHWM` (peak resident set) at the end.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from browser import REPO, chromium, streamlit_server
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from services import ScriptRuns

EVENTS_LAYER = "Object.values(window.map._layers).find(l => l.bwCount !== undefined)"
# The first element matching a selector whose centre is inside the map's visible area
# (the layers also hold what lies just outside the view); -1 when there is none.
FIRST_VISIBLE = """sel => {
    const box = window.map.getContainer().getBoundingClientRect();
    return [...document.querySelectorAll(sel)].findIndex(e => {
        const r = e.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
        if (!(x > box.left + 30 && x < box.right - 30 && y > box.top + 30 && y < box.bottom - 30)) {
            return false;
        }
        const top = document.elementFromPoint(x, y);  // not under the legend or a note
        return top !== null && (top === e || e.contains(top));
    });
}"""


def click_first_visible(frame, selector: str) -> bool:
    """Click the first `selector` inside the map's visible area, as a person would."""
    index = frame.evaluate(FIRST_VISIBLE, selector)
    if index < 0:
        return False
    frame.locator(selector).nth(index).click()
    return True


IDLE = "[data-test-script-state='notRunning']"
COUNTRIES = "Countries (either side of a crossing)"

# In the page: when Streamlit last went from running to idle, and when Enter was pressed.
PAGE_HOOKS = """
window.__bwIdle = null; window.__bwEnter = null;
(function () {
    var ran = false;
    new MutationObserver(function (records) {
        var el = document.querySelector('[data-test-script-state]');
        if (!el) { return; }
        var state = el.getAttribute('data-test-script-state');
        // a quick run can flip to running and back before this callback: its records say so
        var flipped = records.some(function (r) { return r.oldValue === 'running'; });
        if (state === 'running' || flipped) { ran = true; }
        if (state === 'notRunning' && ran) {
            ran = false;
            var at = performance.timeOrigin + performance.now();
            requestAnimationFrame(function () { requestAnimationFrame(function () {
                window.__bwIdle = at;
                window.__bwIdlePainted = performance.timeOrigin + performance.now();
            }); });
        }
    }).observe(document, {attributes: true, childList: true, subtree: true,
                          attributeOldValue: true, attributeFilter: ['data-test-script-state']});
    document.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') { window.__bwEnter = performance.timeOrigin + performance.now(); }
    }, true);
})();
"""

# In the map's frame, once the map exists: when an events layer was last added (and
# painted), and when the map last stopped moving.
FRAME_HOOKS = """() => {
    var map = window.map;
    window.__bwLayers = [];
    window.__bwMoveEnd = null;
    window.__bwClick = null;
    // a click on a cell at the closest zoom opens it without moving the map
    document.addEventListener('click', function () {
        window.__bwClick = performance.timeOrigin + performance.now();
    }, true);
    map.on('layeradd', function (e) {
        if (e.layer.bwCount === undefined) { return; }
        var layer = e.layer;
        requestAnimationFrame(function () { requestAnimationFrame(function () {
            window.__bwLayers.push({at: performance.timeOrigin + performance.now(),
                                    cell: layer.bwCellDeg, count: layer.bwCount});
        }); });
    });
    map.on('moveend', function () {
        window.__bwMoveEnd = performance.timeOrigin + performance.now();
    });
}"""


@dataclass
class Server:
    url: str
    pid: int

    def peak_mb(self) -> float:
        """The process's peak resident set so far (VmHWM), in MB."""
        with open(f"/proc/{self.pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")


@contextlib.contextmanager
def app_server(
    script: str,
    data_dir: Path,
    env: dict | None = None,
    timeout_s: float = 600,
    port: int | None = None,
) -> Iterator[Server]:
    """`streamlit run script` on `data_dir` (offline, on `port` or a free one); waits for the
    start-up warm-up too."""
    full = {**os.environ, "BORDERWATCH_OFFLINE": "1", "BORDERWATCH_DATA": str(data_dir),
            "BORDERWATCH_CACHE": str(REPO / "benchmarks" / "out" / "snapshot-cache"),
            "PYTHONPATH": str(REPO / "src"), **(env or {})}  # fmt: skip
    with streamlit_server(script, full, port=port, timeout=timeout_s) as server:
        yield Server(server.url, server.pid)


def new_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(PAGE_HOOKS)
    page = context.new_page()
    runs = ScriptRuns()
    runs.watch(page)
    return context, page, runs


def wait_idle(page, seen: ScriptRuns, finished: int, since: float, timeout_s: float) -> float:
    """Epoch ms when the app was idle (and painted) after more than `finished` runs had
    ended, the input being at `since` (page time).

    The server's `script_finished` messages say a run is over; the page's script state
    alone is not enough: a quick run's "running" and "notRunning" can reach React in one
    batch, so the attribute never changes (the zoom steps hung for 300 s on that).
    """
    deadline = time.monotonic() + timeout_s
    while seen.finished <= finished:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no script run finished within {timeout_s:g} s")
        page.wait_for_timeout(20)  # lets Playwright deliver the websocket's frames
    page.wait_for_selector(IDLE, timeout=timeout_s * 1000)
    painted = page.evaluate(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame("
        "() => r(performance.timeOrigin + performance.now()))))"
    )
    # the page's own record is closer to the truth when it saw the run end
    idle, idle_painted = page.evaluate("[window.__bwIdle, window.__bwIdlePainted]")
    return idle_painted if idle and idle > since and idle_painted <= painted else painted


def map_frame(page, timeout_s: float):
    return page.wait_for_selector(
        "iframe[title='streamlit_folium.st_folium']", timeout=timeout_s * 1000
    ).content_frame()


def first_map(
    browser, url: str, timeout_s: float
) -> tuple[float, object, object, object, ScriptRuns]:
    """Seconds from navigation start to the events layer painted; the open page for more."""
    context, page, seen = new_page(browser)
    page.goto(url, timeout=timeout_s * 1000)
    frame = map_frame(page, timeout_s)
    frame.wait_for_function(
        f"() => window.map && {EVENTS_LAYER}", timeout=timeout_s * 1000, polling="raf"
    )
    drawn = frame.evaluate(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame("
        "() => r(performance.timeOrigin + performance.now()))))"
    )
    started = page.evaluate("performance.timeOrigin")
    page.wait_for_selector(IDLE, timeout=timeout_s * 1000)
    # the map reports its view once mounted: let that rerun finish before anything else
    time.sleep(0.6)
    page.wait_for_selector(IDLE, timeout=timeout_s * 1000)
    frame.evaluate(FRAME_HOOKS)
    return (drawn - started) / 1000, context, page, frame, seen


def pick_country(page, code: str) -> None:
    """Type a country code into the sidebar's country filter and press Enter (the input)."""
    box = page.get_by_label(COUNTRIES)
    box.click()
    page.keyboard.type(code)
    page.wait_for_timeout(300)  # the options list filters as one types; a person waits too
    page.keyboard.press("Enter")


def filter_change(page, frame, seen: ScriptRuns, code: str, timeout_s: float) -> dict:
    """Add `code` to the country filter: seconds until the new events layer is painted."""
    before = len(frame.evaluate("window.__bwLayers"))
    bytes0, runs = seen.bytes, seen.finished
    t = page.evaluate("performance.timeOrigin + performance.now()")
    pick_country(page, code)
    frame.wait_for_function(
        "n => window.__bwLayers.length > n", arg=before, timeout=timeout_s * 1000, polling="raf"
    )
    drawn = frame.evaluate("window.__bwLayers[window.__bwLayers.length - 1]")
    wait_idle(page, seen, runs, t, timeout_s)
    page.keyboard.press("Escape")
    return {
        "s": (drawn["at"] - page.evaluate("window.__bwEnter")) / 1000,
        "bytes": seen.bytes - bytes0,
        "cell": drawn["cell"],
        "drawn": drawn["count"],
    }


def anchor_filter_change(page, seen: ScriptRuns, code: str, timeout_s: float) -> dict:
    """The pydeck anchor: seconds from the Enter until the app is idle and painted."""
    bytes0, runs = seen.bytes, seen.finished
    t = page.evaluate("performance.timeOrigin + performance.now()")
    pick_country(page, code)
    idle = wait_idle(page, seen, runs, t, timeout_s)
    page.keyboard.press("Escape")
    return {"s": (idle - page.evaluate("window.__bwEnter")) / 1000, "bytes": seen.bytes - bytes0}


def zoom_into_densest_cell(page, frame, seen: ScriptRuns, timeout_s: float) -> dict | None:
    """Click the busiest cell (a person zooming in): seconds from the map's moveend until
    the new detail is painted. None when single events are already drawn."""
    layer = frame.evaluate(f"() => {{ const l = {EVENTS_LAYER}; return l.bwCellDeg; }}")
    if not layer:
        return None
    before = len(frame.evaluate("window.__bwLayers"))
    bytes0, runs = seen.bytes, seen.finished
    t = page.evaluate("performance.timeOrigin + performance.now()")
    if not click_first_visible(frame, ".bw-cell"):
        return None
    frame.wait_for_function(
        "n => window.__bwLayers.length > n", arg=before, timeout=timeout_s * 1000, polling="raf"
    )
    drawn = frame.evaluate("window.__bwLayers[window.__bwLayers.length - 1]")
    moved = frame.evaluate("window.__bwMoveEnd") or 0
    clicked = frame.evaluate("window.__bwClick") or 0
    wait_idle(page, seen, runs, t, timeout_s)
    return {
        "s": (drawn["at"] - max(moved, clicked)) / 1000,
        "opened": moved < clicked,
        "bytes": seen.bytes - bytes0,
        "cell_from": layer,
        "cell_to": drawn["cell"],
        "zoom": frame.evaluate("window.map.getZoom()"),
    }


MARKER = ".leaflet-marker-icon.bw-icon"
# after a click on a cluster: a marker shows (spiderfied), or the map zoomed in and is still
CLUSTER_OPENED = f"""z => {{
    const visible = ({FIRST_VISIBLE})("{MARKER}") >= 0;
    return visible || (window.map.getZoom() !== z && !window.map._animatingZoom);
}}"""


def open_a_popup(frame, timeout_s: float, tries: int = 3) -> str | None:
    """With single events drawn, open clusters until a marker shows, click it: its event id.

    A click that opens no popup within 30 s is tried again from the clusters (a rerun
    that redraws the layer between the spiral opening and the click closes it), as a
    person would; after `tries` clicks the wait is `timeout_s` like any other.
    """
    popup = frame.locator(".leaflet-popup-content .bw-popup")
    for attempt in range(tries):
        for _ in range(8):
            if frame.evaluate(FIRST_VISIBLE, MARKER) >= 0:
                break
            zoom = frame.evaluate("window.map.getZoom()")
            if not click_first_visible(frame, ".marker-cluster"):
                return None
            frame.wait_for_function(CLUSTER_OPENED, arg=zoom, timeout=timeout_s * 1000)
        if not click_first_visible(frame, MARKER):
            return None
        last = attempt == tries - 1
        try:
            popup.wait_for(timeout=(timeout_s if last else 30) * 1000)
        except PlaywrightTimeout:
            if last:
                raise
            continue
        return popup.get_attribute("data-event-id")
    return None


def measure_app(data_dir: Path, reps: int, timeout_s: float = 300) -> dict:
    """Everything for one data folder in BorderWatch: first map, filter changes, zooms
    into the densest spot until an event's popup opens, bytes, the server's peak memory."""
    out: dict = {"first_map_s": [], "filter": [], "zoom": []}
    with app_server("dashboard/app.py", data_dir, timeout_s=timeout_s) as server, chromium() as b:
        _, context, *_ = first_map(b, server.url, timeout_s)  # untimed: the data is loaded
        context.close()
        first, context, page, frame, seen = first_map(b, server.url, timeout_s)
        out["first_map_s"].append(first)
        out["first_note"] = frame.evaluate(
            "() => (document.querySelector('.bw-note') || {}).textContent || null"
        )
        for code in ("UZB", "TJK", "TKM")[:reps]:
            out["filter"].append(filter_change(page, frame, seen, code, timeout_s))
        context.close()
        for _ in range(reps - 1):
            s, context, *_ = first_map(b, server.url, timeout_s)
            out["first_map_s"].append(s)
            context.close()
        _, context, page, frame, seen = first_map(b, server.url, timeout_s)
        out["popup_event"] = None
        try:
            for _ in range(12):
                step = zoom_into_densest_cell(page, frame, seen, timeout_s)
                if step is None:
                    break
                out["zoom"].append(step)
            out["popup_event"] = open_a_popup(frame, timeout_s)
        except Exception as e:  # reported with what was measured before it
            out["zoom_error"] = f"{type(e).__name__}: {str(e).splitlines()[0][:200]}"
        out["final_zoom"] = frame.evaluate("window.map.getZoom()")
        out["final_note"] = frame.evaluate(
            "() => (document.querySelector('.bw-note') || {}).textContent || null"
        )
        context.close()
        out["peak_mb"] = server.peak_mb()
    out["first_map_median_s"] = statistics.median(out["first_map_s"])
    out["filter_median_s"] = statistics.median(x["s"] for x in out["filter"])
    if out["zoom"]:
        out["zoom_median_s"] = statistics.median(x["s"] for x in out["zoom"][:reps])
    return out


def measure_pydeck(data_dir: Path, reps: int, timeout_s: float = 300) -> dict:
    """The `st.pydeck_chart` anchor on the same folder, with the same filter changes."""
    out: dict = {"filter": []}
    app = "benchmarks/apps/pydeck_app.py"
    with app_server(app, data_dir, timeout_s=timeout_s) as server, chromium() as b:
        context, page, seen = new_page(b)
        page.goto(server.url, timeout=timeout_s * 1000)
        page.wait_for_selector("canvas", timeout=timeout_s * 1000)
        page.wait_for_selector(IDLE, timeout=timeout_s * 1000)
        for code in ("UZB", "TJK", "TKM")[:reps]:
            out["filter"].append(anchor_filter_change(page, seen, code, timeout_s))
        context.close()
        out["peak_mb"] = server.peak_mb()
    out["filter_median_s"] = statistics.median(x["s"] for x in out["filter"])
    return out


def measure_markers(data_dir: Path, reps: int, timeout_s: float = 600) -> dict:
    """The one-`folium.Marker`-per-event anchor: seconds to its first map, as for ours."""
    times = []
    app = "benchmarks/apps/markers_app.py"
    with app_server(app, data_dir, timeout_s=timeout_s) as server, chromium() as b:
        for _ in range(reps):
            context, page, _seen = new_page(b)
            page.goto(server.url, timeout=timeout_s * 1000)
            frame = map_frame(page, timeout_s)
            frame.wait_for_function(
                "() => document.querySelectorAll('.leaflet-marker-icon').length > 0",
                timeout=timeout_s * 1000, polling="raf",
            )  # fmt: skip
            drawn = frame.evaluate(
                "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame("
                "() => r(performance.timeOrigin + performance.now()))))"
            )
            # every visit builds the markers again: the first is no slower than the others
            times.append((drawn - page.evaluate("performance.timeOrigin")) / 1000)
            context.close()
        peak = server.peak_mb()
    return {"first_map_s": times, "first_map_median_s": statistics.median(times), "peak_mb": peak}
