"""Every event can be reached at the densest spot: where even the closest zoom holds more
events than the point budget, a click on a cell lists its events page by page.

A point budget of 3 on the bundled data makes Moscow's 8 events (one spot) such a place,
as a crossing with thousands of events is at a million events with the default budget.
"""

from __future__ import annotations

import pytest
from e2e_support import EVENTS_LAYER, SETTLED, open_app, screenshot, wait_for_popup, watch_map

pytestmark = pytest.mark.browser

BUDGET = 3
MOSCOW = (55.7522, 37.6156)
IDLE = "[data-test-script-state='notRunning']"
# the event ids in the markers drawn, as their popups name them (each popup built as a click
# on its marker builds it)
DRAWN_IDS = f"""() => {{
    const layer = {EVENTS_LAYER};
    return layer.getLayers().map(m => {{
        if (!m.getPopup()) {{ layer.fire("click", {{layer: m}}); m.closePopup(); }}
        return m.getPopup().getContent().getAttribute("data-event-id");
    }}).sort();
}}"""


@pytest.fixture(scope="module")
def app_env() -> dict[str, str]:
    return {"BORDERWATCH_OFFLINE": "1", "BORDERWATCH_POINT_BUDGET": str(BUDGET)}


def wait_for_layer(page, frame, test: str) -> None:
    """Wait until the events layer drawn passes `test` (JS, of `l`) and the app is idle."""
    frame.wait_for_function(
        f"() => {{ const l = {EVENTS_LAYER}; return Boolean(l && ({test})); }}", timeout=30_000
    )
    page.wait_for_selector(IDLE, timeout=30_000)


def test_beyond_the_closest_zoom_a_cell_lists_every_one_of_its_events_page_by_page(app, page):
    frame = open_app(page, app.url + "/")
    frame.evaluate("() => { window.bwSameMap = true; }")
    frame.evaluate(f"() => window.map.setView([{MOSCOW[0]}, {MOSCOW[1]}], 12, {{animate: false}})")
    wait_for_layer(page, frame, "l.bwOpen")
    assert "click a cell to list its events page by page" in frame.locator(".bw-note").inner_text()
    cell = frame.locator(".bw-cell", has_text="8")
    assert cell.count() == 1
    zoom, center = frame.evaluate("() => [window.map.getZoom(), window.map.getCenter()]")
    cell.click()  # a person clicks the cell of 8
    wait_for_layer(page, frame, "l.bwCellDeg === 0")
    assert page.get_by_text("Events 1–3 of the 8 in this cell, newest first").count() == 1
    pages = [frame.evaluate(DRAWN_IDS)]
    pager = page.get_by_label("Page of this cell's events (of 3, newest first)")
    for n in (2, 3):
        frame.evaluate(f"() => {{ {EVENTS_LAYER}.bwSeen = true; }}")
        pager.fill(str(n))
        pager.press("Enter")
        # a new layer: page 2 holds as many events as page 1
        count = min(BUDGET, 8 - (n - 1) * BUDGET)
        wait_for_layer(page, frame, f"!l.bwSeen && l.bwCount === {count}")
        pages.append(frame.evaluate(DRAWN_IDS))
    ids = [i for p in pages for i in p]
    assert [len(p) for p in pages] == [3, 3, 2] and len(set(ids)) == 8
    # the map did not move by itself on the way (a popup opened next may pan it into view)
    assert frame.evaluate("() => [window.map.getZoom(), window.map.getCenter()]") == [zoom, center]
    # the last page's events share one spot: a person opens their cluster and clicks one
    watch_map(frame)  # what the map does from here on, should its popup not show
    frame.locator(".marker-cluster").first.click()
    wait_for_layer(page, frame, f"!!l._spiderfied && ({SETTLED})(l)")  # its markers spread out
    frame.locator(".leaflet-marker-icon.bw-icon").first.click()
    popup = wait_for_popup(page, frame, "reach_cell_last_page")
    assert popup.get_attribute("data-event-id") in pages[-1]
    assert frame.evaluate("() => window.bwSameMap") is True  # never remounted
    screenshot(page, "reach_cell_last_page_popup")
    page.get_by_role("button", name="Back to the cells").click()
    wait_for_layer(page, frame, "l.bwOpen")
    assert page.watch.errors == []
