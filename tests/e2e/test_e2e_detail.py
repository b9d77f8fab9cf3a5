"""Detail follows the view in Chromium: zooming into cells reaches single events and their
popups, and panning neither remounts the map, nor moves it, nor resets the layer switcher.

A point budget of 10 on the bundled data (about 80 events) makes the map draw cells,
as a million events do with the default budget.
"""

from __future__ import annotations

import pytest
from e2e_support import EVENTS_LAYER, POPUP, SETTLED, open_app, screenshot

pytestmark = pytest.mark.browser

BUDGET = 10
LAYERS_ON = """() => Object.fromEntries(window.layer_control._layers
    .filter(item => item.overlay)
    .map(item => [item.name, window.map.hasLayer(item.layer)]))"""


@pytest.fixture(scope="module")
def app_env() -> dict[str, str]:
    return {"BORDERWATCH_OFFLINE": "1", "BORDERWATCH_POINT_BUDGET": str(BUDGET)}


def cell_size(frame) -> float:
    """Edge of the cells drawn, in degrees; 0 when single events are drawn."""
    return frame.evaluate(f"() => {EVENTS_LAYER}.bwCellDeg")


def wait_for_new_detail(page, frame, before: float) -> None:
    """Wait until the events layer drawn is finer than `before` and the app is idle."""
    frame.wait_for_function(
        f"before => {{ const l = {EVENTS_LAYER}; return l && l.bwCellDeg < before; }}",
        arg=before,
        timeout=30_000,
    )
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=30_000)


def test_clicking_cells_zooms_in_until_single_events_and_their_popups_are_drawn(app, page):
    frame = open_app(page, app.url + "/")
    frame.evaluate("() => { window.bwSameMap = true; }")
    assert cell_size(frame) > 0
    note = frame.locator(".bw-note")
    assert "click a cell or zoom in to see each one" in note.inner_text()
    screenshot(page, "detail_cells")
    for _ in range(10):
        size = cell_size(frame)
        if size == 0:
            break
        zoom = frame.evaluate("() => window.map.getZoom()")
        # the busiest cell comes first; a person clicks it
        frame.locator(".bw-cell").first.click()
        frame.wait_for_function("z => window.map.getZoom() > z", arg=zoom, timeout=10_000)
        wait_for_new_detail(page, frame, size)
    assert cell_size(frame) == 0, "zooming in never reached single events"
    assert frame.evaluate(f"() => {EVENTS_LAYER}.bwCount") <= BUDGET
    # single events in view, possibly in small clusters: open clusters until a marker shows
    for _ in range(5):
        if frame.locator(".leaflet-marker-icon.bw-icon").count():
            break
        zoom = frame.evaluate("() => window.map.getZoom()")
        frame.locator(".marker-cluster").first.click()  # zooms to the cluster, or spreads it out
        frame.wait_for_function(
            f"""z => {{ const l = {EVENTS_LAYER};
                      return ({SETTLED})(l) && (l._map.getZoom() > z || !!l._spiderfied); }}""",
            arg=zoom,
            timeout=10_000,
        )
    frame.locator(".leaflet-marker-icon.bw-icon").first.click()
    popup = frame.locator(POPUP)
    popup.wait_for(timeout=10_000)
    assert popup.get_attribute("data-event-id")
    assert "Event" in popup.inner_text() and "Source" in popup.inner_text()
    assert frame.evaluate("() => window.bwSameMap") is True  # never remounted
    screenshot(page, "detail_single_event_popup")
    assert page.watch.errors == []


def test_panning_brings_new_detail_and_keeps_the_view_and_the_layer_choices(app, page):
    frame = open_app(page, app.url + "/")
    frame.evaluate("() => { window.map.setView([37.2, 67.4], 7, {animate: false}); }")
    wait_for_new_detail(page, frame, 2.0)
    frame.evaluate("() => { window.bwSameMap = true; }")
    frame.locator(".leaflet-control-layers").hover()  # a person opens the switcher
    frame.get_by_text("Heat map", exact=True).click()
    frame.get_by_text("Border crossings (status)", exact=True).click()
    chosen = frame.evaluate(LAYERS_ON)
    assert chosen["Heat map"] is True and chosen["Border crossings (status)"] is False
    frame.evaluate(
        f"""() => {{ {EVENTS_LAYER}.bwOld = true; window.bwMoveEnds = 0;
                  window.map.on("moveend", () => {{ window.bwMoveEnds += 1; }}); }}"""
    )
    box = page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 350, y + 120, steps=12)  # drag the map east and south
    page.mouse.up()
    # the drag glides on (inertia) and ends with one moveend: the view the person chose
    frame.wait_for_function("() => window.bwMoveEnds > 0", timeout=10_000)
    center = frame.evaluate("() => window.map.getCenter()")
    zoom = frame.evaluate("() => window.map.getZoom()")
    frame.wait_for_function(
        f"() => {{ const l = {EVENTS_LAYER}; return l && !l.bwOld; }}", timeout=30_000
    )
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=30_000)
    assert frame.evaluate("() => window.bwSameMap") is True  # not remounted
    assert frame.evaluate("() => window.map.getZoom()") == zoom
    after = frame.evaluate("() => window.map.getCenter()")
    assert (round(after["lat"], 6), round(after["lng"], 6)) == (
        round(center["lat"], 6), round(center["lng"], 6)
    )  # fmt: skip
    assert frame.evaluate(LAYERS_ON) == chosen
    screenshot(page, "detail_after_pan")
    assert page.watch.errors == []
