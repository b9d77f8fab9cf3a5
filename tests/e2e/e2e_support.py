"""Support for the browser tests: the data they run on and what a person does in the page."""

from __future__ import annotations

import csv
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sample_data import MALICIOUS

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
MALICIOUS_ID = "BW-2021-9999"
LOCAL_HOSTS = {None, "", "localhost", "127.0.0.1", "[::1]", "::1"}
SHOWING = re.compile(r"Showing (\d+) of (\d+) events")
MAP_IFRAME = "iframe[title='streamlit_folium.st_folium']"
EVENTS_LAYER = "Object.values(window.map._layers).find(l => l.bwCount !== undefined)"
"""JS: the layer drawing the events (markers in clusters, or grid cells) in the app's map."""
SETTLED = "l => !!l && !l._map._animatingZoom && !l._inZoomAnimation"
"""JS: whether the map has stopped zooming and the cluster group `l` its animations."""


POPUP = ".leaflet-popup-content .bw-popup"
"""The popup of an event marker, as its click opens it."""
WATCH_MAP = """() => {
    if (window.bwMapLog) { return; }
    const log = window.bwMapLog = [];
    const t0 = performance.now();
    const note = s => log.push(Math.round(performance.now() - t0) + " ms " + s);
    window.map.on("popupopen popupclose layeradd layerremove click zoomstart moveend", e => {
        const events = e.layer && e.layer.bwCount !== undefined;
        if (e.type.startsWith("layer") && !events) { return; }
        note(e.type + (events ? " of the events layer" : ""));
    });
    document.addEventListener("click", e => {
        const c = e.target.className;  // an SVG element's is an object
        note("DOM click on " + e.target.tagName + "." + (c.baseVal === undefined ? c : c.baseVal));
    }, true);
    window.Streamlit.events.addEventListener(window.Streamlit.RENDER_EVENT, () => note("render"));
}"""
"""JS: keep a log of what the map in a frame does (popups, the events layer coming and going,
clicks, moves, streamlit-folium's renders) for `wait_for_popup` to report."""
MAP_STATE = f"""() => {{
    const l = {EVENTS_LAYER};
    return {{popups: document.querySelectorAll(".leaflet-popup").length,
             markers: document.querySelectorAll(".leaflet-marker-icon.bw-icon").length,
             spiderfied: Boolean(l && l._spiderfied), sameMap: window.bwSameMap,
             log: window.bwMapLog}};
}}"""


def write_e2e_data(root: Path) -> Path:
    """The bundled data folder plus the malicious event at Hairatan."""
    shutil.copytree(REPO / "geodata", root)
    with (root / "sources.csv").open(encoding="utf-8") as fh:
        source_id = next(csv.DictReader(fh))["source_id"]
    with (root / "events.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    row = {c: "" for c in header}
    row.update(
        event_id=MALICIOUS_ID, date_start="2021-07-05", date_end="2021-07-05",
        date_precision="day", event_type="statement", place="Hairatan", country="AFG",
        counterpart_country="UZB", geo_precision="site", actors="Unknown",
        summary=MALICIOUS, source_id=source_id, confidence="claimed",
    )  # fmt: skip
    with (root / "events.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, header).writerow(row)
    return root


@dataclass
class Watch:
    """What a page did besides drawing: hosts asked for, errors thrown, dialogs opened."""

    hosts: set = field(default_factory=set)
    errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    broken: list = field(default_factory=list)
    """(status, url) of every response >= 400: a missing font or image shows up here."""

    @property
    def outside(self) -> set:
        return self.hosts - LOCAL_HOSTS


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def open_app(page, url: str):
    """Go to `url`, wait until Streamlit is idle and the map has drawn its layers; the map frame."""
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp']", timeout=30_000)
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=60_000)
    frame = page.wait_for_selector(MAP_IFRAME, timeout=30_000).content_frame()
    frame.wait_for_function(
        "() => window.map && Object.values(window.map._layers).some(l => l.bwCount !== undefined)",
        timeout=30_000,
    )
    return frame


def watch_map(frame) -> None:
    """Start the log of what the map in `frame` does, for `wait_for_popup` (see WATCH_MAP)."""
    frame.evaluate(WATCH_MAP)


def wait_for_popup(page, frame, name: str, timeout: float = 10_000):
    """The popup that a click on a marker opened in `frame`; if none shows, a failure that says
    what the map did since `watch_map` and what it holds, and a screenshot `name`_no_popup."""
    popup = frame.locator(POPUP)
    try:
        popup.wait_for(timeout=timeout)
    except PlaywrightTimeoutError:
        screenshot(page, f"{name}_no_popup")
        state = frame.evaluate(MAP_STATE)
        raise AssertionError(
            f"no popup within {timeout / 1000:g} s; the map: {state}; page runs: {page.runs.log}"
        ) from None
    return popup


def run_mark(page) -> int:
    """A mark in the page's run log for `wait_for_rerun`."""
    return len(page.runs.log)


def wait_for_rerun(page, since: int, timeout: float = 30) -> None:
    """Wait until the page has asked for a rerun after the mark `since` and every run is over."""
    wait_until(page, lambda: page.runs.settled_since(since), "a finished rerun", timeout)


def wait_until(page, condition, what: str, timeout: float = 60) -> None:
    """Wait until `condition()` holds, letting Playwright deliver the page's events meanwhile."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not within {timeout} s: {what}: {page.runs.log}"
        page.wait_for_timeout(50)  # lets Playwright deliver the websocket's frames


def mark_drawn(frame) -> None:
    """Mark the layers the map in `frame` holds now, for `wait_for_redraw`."""
    frame.evaluate("() => { window.feature_group.forEach(l => { l.bwOld = true; }); }")


def wait_for_redraw(page, frame) -> None:
    """Wait until a rerun has sent the map new layers since `mark_drawn`, and the page is idle.

    The layers are the run's own output: a fast rerun can go from running to idle
    within one frame of the page, so watching the page's run state can miss it.
    """
    frame.wait_for_function(
        "() => window.feature_group.length && window.feature_group.every(l => !l.bwOld)",
        timeout=30_000,
    )
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=30_000)


def open_section(page, label: str, content: str) -> None:
    """Open the collapsed section `label` under the map; wait until `content` is drawn in it."""
    section = page.locator("[data-testid='stExpander']", has_text=label)
    section.locator("summary").click()
    section.locator(content).wait_for(timeout=30_000)
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=30_000)


def showing(page) -> tuple[int, int]:
    """The (N, M) of the `Showing N of M events` line."""
    text = page.get_by_text(SHOWING).first.inner_text()
    n, m = SHOWING.search(text).groups()
    return int(n), int(m)


def drawn_markers(frame) -> int:
    """Zoom to all events, then add up what is drawn: cluster counts plus single markers."""
    frame.evaluate(
        f"""() => {{
            const c = {EVENTS_LAYER};
            if (c.getLayers().length) {{ window.map.fitBounds(c.getBounds(), {{animate: false}}); }}
        }}"""
    )
    frame.wait_for_function(f"() => ({SETTLED})({EVENTS_LAYER})", timeout=10_000)
    return counted_markers(frame)


def counted_markers(frame) -> int:
    """Events drawn in `frame`: the counts on the cluster icons plus the single markers."""
    clusters = frame.eval_on_selector_all(
        ".marker-cluster span", "els => els.map(e => parseInt(e.textContent, 10))"
    )
    singles = frame.locator(".leaflet-marker-icon.bw-icon").count()
    return sum(clusters) + singles


def choose_row(page, text: str) -> None:
    """Select the events table's row holding the cell `text`, as a keyboard user does.

    The table is drawn on a canvas; its cells are mirrored in an accessible table,
    whose cell takes the focus, and Shift+Space selects that cell's row.
    """
    page.locator("[data-testid='stDataFrame'] [role=gridcell]", has_text=text).first.focus()
    page.keyboard.press("Shift+Space")
