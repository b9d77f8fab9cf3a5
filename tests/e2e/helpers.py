"""What a person does with the dashboard in the browser, as small functions."""

from __future__ import annotations

import re

SHOWING = re.compile(r"Showing (\d+) of (\d+) events")
MAP_IFRAME = "iframe[title='streamlit_folium.st_folium']"


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


def showing(page) -> tuple[int, int]:
    """The (N, M) of the `Showing N of M events` line."""
    text = page.get_by_text(SHOWING).first.inner_text()
    n, m = SHOWING.search(text).groups()
    return int(n), int(m)


def drawn_markers(frame) -> int:
    """Zoom to all events, then add up what is drawn: cluster counts plus single markers."""
    frame.evaluate(
        """() => {
            const c = Object.values(window.map._layers).find(l => l.bwCount !== undefined);
            if (c.getLayers().length) { window.map.fitBounds(c.getBounds(), {animate: false}); }
        }"""
    )
    frame.wait_for_timeout(800)
    clusters = frame.eval_on_selector_all(
        ".marker-cluster span", "els => els.map(e => parseInt(e.textContent, 10))"
    )
    singles = frame.locator(".leaflet-marker-icon.bw-icon").count()
    return sum(clusters) + singles
