"""The analyst map follows the filters in Chromium: it fits the events they select (and
only when they change), its crossings and districts follow the country filter, and the
text search knows every name of a place."""

from __future__ import annotations

import csv

import pytest
from e2e_support import (
    EVENTS_LAYER,
    drawn_markers,
    mark_drawn,
    open_app,
    run_mark,
    screenshot,
    showing,
    wait_for_redraw,
    wait_for_rerun,
)

from borderwatch.analysis.filters import Filters, apply_filters
from borderwatch.data.loader import load_dataset
from borderwatch.map.build import CENTER, ZOOM

pytestmark = pytest.mark.browser

# the events layer holds `n` events, all in the map's view and none under its legend
ALL_IN_VIEW = f"""n => {{
    const c = {EVENTS_LAYER};
    if (!c || c.bwCount !== n || !map.getBounds().contains(c.getBounds())) {{ return false; }}
    const box = map.getContainer().getBoundingClientRect();
    const legend = document.querySelector('.bw-legend').getBoundingClientRect();
    return c.getLayers().every(m => {{
        const p = map.latLngToContainerPoint(m.getLatLng());
        const x = p.x + box.left, y = p.y + box.top;
        return !(x >= legend.left && x <= legend.right && y >= legend.top && y <= legend.bottom);
    }});
}}"""
VIEW = f"""n => {{
    const c = {EVENTS_LAYER};
    return c && c.bwCount === n && window.map.getBounds().contains(c.getBounds());
}}"""
VIEW = "() => ({lat: map.getCenter().lat, lng: map.getCenter().lng, zoom: map.getZoom()})"


def expected(app, **filters) -> int:
    ds = load_dataset(app.data_dir)
    return len(apply_filters(ds.events, Filters(**filters), ds.places))


def pick_country(page, code: str) -> None:
    page.get_by_label("Countries (either side of a crossing)").click()
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def wait_showing(page, n: int) -> None:
    page.wait_for_function(
        "n => document.body.innerText.includes(`Showing ${n} of`)", arg=n, timeout=30_000
    )
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=30_000)


def region(frame) -> bool:
    """The map shows the region it opens on (the centre to within a pixel or so)."""
    view = frame.evaluate(VIEW)
    return view["zoom"] == ZOOM and (view["lat"], view["lng"]) == pytest.approx(CENTER, abs=0.05)


def crossing_labels(frame) -> set[str]:
    return set(frame.eval_on_selector_all(
        ".bw-lbl-crossing span", "els => els.map(e => e.textContent)"
    ))  # fmt: skip


def test_a_country_filter_fits_the_map_to_every_event_it_counts(app, page):
    frame = open_app(page, app.url + "/")
    assert region(frame)
    want = expected(app, countries=("RUS",))
    pick_country(page, "RUS")
    wait_showing(page, want)
    # Moscow and the Tajik border both in view: every event counted is on screen
    frame.wait_for_function(ALL_IN_VIEW, arg=want, timeout=30_000)
    assert frame.evaluate("() => map.getBounds().contains([55.75, 37.62])")
    assert frame.evaluate("() => map.getBounds().contains([37.2, 67.4])")
    assert showing(page)[0] == want
    screenshot(page, "analyst_fit_russia")
    # back to no filter: the region again
    page.get_by_role("button", name="Reset filters").click()
    wait_showing(page, expected(app))
    frame.wait_for_function(f"() => map.getZoom() === {ZOOM}", timeout=30_000)
    assert region(frame)
    assert page.watch.errors == []


def test_the_map_never_undoes_a_pan_only_a_change_of_filters_moves_it(app, page):
    frame = open_app(page, app.url + "/?country=TKM")
    want = expected(app, countries=("TKM",))
    frame.wait_for_function(ALL_IN_VIEW, arg=want, timeout=30_000)  # a shared link fits too
    fitted = frame.evaluate(VIEW)
    # the user looks at the Amu Darya; the page hears of the new view and reruns
    runs = run_mark(page)
    frame.evaluate("() => { map.setView([37.0, 67.5], 8, {animate: false}); }")
    wait_for_rerun(page, runs)
    # a filter that does not choose other events (the age past which a state is
    # unconfirmed) sends every layer again: the view stays where the user put it
    mark_drawn(frame)
    box = page.get_by_label("Unconfirmed after (days)", exact=True)
    box.fill("400")
    box.press("Enter")
    wait_for_redraw(page, frame)
    assert frame.evaluate(VIEW) == {"lat": 37.0, "lng": 67.5, "zoom": 8}
    assert fitted["zoom"] < 8
    assert page.watch.errors == []


def test_crossings_and_districts_follow_the_country_filter(app, page):
    frame = open_app(page, app.url + "/")
    frame.wait_for_selector(".bw-lbl-crossing", state="attached", timeout=30_000)
    assert len(crossing_labels(frame)) == 4
    districts = "() => document.querySelectorAll('path.leaflet-interactive').length"
    before = frame.evaluate(districts)
    pick_country(page, "TKM")
    wait_showing(page, expected(app, countries=("TKM",)))
    frame.wait_for_function(
        "() => document.querySelectorAll('.bw-lbl-crossing').length === 2", timeout=30_000
    )
    with (app.data_dir / "crossings.csv").open(encoding="utf-8") as fh:
        turkmen = {r["name"] for r in csv.DictReader(fh) if r["neighbour_country"] == "TKM"}
    assert crossing_labels(frame) == turkmen
    # the Faryab districts (Afghan) are gone; only the TKM crossings' circles are drawn
    assert frame.evaluate(districts) < before
    assert page.watch.errors == []


@pytest.mark.parametrize(
    ("spelling", "place"),
    [
        ("Hayratan", "Hairatan"),
        ("Torghundi", "Turghundi"),
        ("Kushka", "Serhetabat"),
        ("Termiz", "Termez"),
        ("Shir Khan", "Sher Khan Bandar"),
    ],
)
def test_text_search_finds_a_place_by_any_of_its_names(app, page, spelling, place):
    frame = open_app(page, app.url + "/")
    search = page.get_by_label("Text search")
    search.fill(spelling)
    search.press("Enter")
    want = expected(app, q=spelling)
    events = load_dataset(app.data_dir).events
    at_place = int((events["place"] == place).sum())
    assert want >= at_place > 0
    wait_showing(page, want)
    frame.wait_for_function(f"() => ({EVENTS_LAYER} || {{}}).bwCount === {want}", timeout=30_000)
    assert drawn_markers(frame) == want
    assert page.watch.errors == []
