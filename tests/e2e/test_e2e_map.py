"""The analyst view in Chromium: markers, URL filters, popups, and no outside requests."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import quote

import pytest
from e2e_support import (
    MALICIOUS,
    MALICIOUS_ID,
    POPUP,
    SETTLED,
    choose_row,
    counted_markers,
    drawn_markers,
    open_app,
    open_section,
    run_mark,
    screenshot,
    showing,
    wait_for_rerun,
)

from borderwatch.analysis.filters import Filters, apply_filters
from borderwatch.data.loader import load_dataset
from borderwatch.data.store import FrameStore
from borderwatch.map.viewport import Detail

pytestmark = pytest.mark.browser


def expected(app, **filters) -> int:
    return len(apply_filters(load_dataset(app.data_dir).events, Filters(**filters)))


def test_the_map_draws_one_marker_for_every_event_counted_above_it(app, page):
    frame = open_app(page, app.url + "/")
    n, m = showing(page)
    total = expected(app)
    assert (n, m) == (total, total)
    assert drawn_markers(frame) == total
    screenshot(page, "analyst_all_events")
    assert page.watch.errors == []
    assert page.watch.outside == set()
    assert page.watch.broken == []  # every script, stylesheet, font and image was served


def test_a_shared_link_with_country_and_dates_narrows_map_and_count(app, page):
    url = app.url + "/?country=TKM&start=2021-07-01&end=2021-08-31"
    frame = open_app(page, url)
    want = expected(app, start=dt.date(2021, 7, 1), end=dt.date(2021, 8, 31), countries=("TKM",))
    n, m = showing(page)
    assert 0 < want < m
    assert n == want
    assert drawn_markers(frame) == want
    assert page.get_by_text("TKM — Turkmenistan").first.is_visible()
    screenshot(page, "analyst_tkm_july_august")
    open_section(page, "Events over time", "[data-testid='stVegaLiteChart'] svg.marks")
    page.get_by_text("Events over time").scroll_into_view_if_needed()
    screenshot(page, "analyst_timeline_opened")
    assert page.watch.errors == []
    assert page.watch.outside == set()


def test_a_popup_shows_a_malicious_summary_as_plain_text_and_selects_the_event(app, page):
    frame = open_app(page, app.url + "/?q=onerror")
    assert showing(page)[0] == 1
    frame.locator(".leaflet-marker-icon.bw-icon").first.click()
    popup = frame.locator(POPUP)
    popup.wait_for(timeout=10_000)
    assert MALICIOUS in popup.inner_text()
    # streamlit-folium hands the app this text; the app reads the id from its own line
    assert f"Event {MALICIOUS_ID}" in popup.inner_text().splitlines()
    assert popup.locator("img").count() == 0
    # the click reaches the app, which shows the event's full record beside the map
    page.get_by_role("heading", name=MALICIOUS_ID).wait_for(timeout=15_000)
    record = page.locator("table.bw-table").get_by_text(MALICIOUS, exact=True)
    record.wait_for(timeout=15_000)  # under load the table came after the heading
    screenshot(page, "analyst_popup_escaped")
    assert record.is_visible()
    # the events table is a canvas; its accessible copy holds the same literal text
    open_section(page, "Events table", "[data-testid='stDataFrame']")
    table = page.locator("[data-testid='stDataFrame']").get_by_text(MALICIOUS, exact=True)
    table.wait_for(state="attached", timeout=15_000)
    assert table.count() == 1
    assert page.watch.dialogs == []
    assert page.watch.errors == []
    assert page.watch.outside == set()


def test_a_malformed_parameter_warns_and_the_page_still_works(app, page):
    frame = open_app(page, app.url + "/?country=XXX&start=yesterday")
    assert page.get_by_text("Ignored country='XXX'").first.is_visible()
    assert page.get_by_text("Ignored start='yesterday'").first.is_visible()
    n, m = showing(page)
    assert n == m
    assert drawn_markers(frame) == n


def test_the_standalone_html_download_draws_the_map_without_any_server(app, page, tmp_path):
    from borderwatch import export

    ds = load_dataset(app.data_dir)
    shown = apply_filters(ds.events, Filters(countries=("UZB",)))
    html, offline = export.standalone_html(
        FrameStore(ds), Detail("points", shown, len(shown)), dt.date(2021, 9, 30)
    )
    assert offline
    path = tmp_path / "borderwatch.html"
    path.write_bytes(html)
    page.goto(path.as_uri())
    page.wait_for_function(
        "() => Object.values(window).some(v => v && v.bwCount !== undefined)", timeout=20_000
    )
    layer = "Object.values(window).find(v => v && v.bwCount !== undefined)"
    fit = f"() => {{ const c = {layer}; c._map.fitBounds(c.getBounds(), {{animate: false}}); }}"
    page.evaluate(fit)
    page.wait_for_function(f"() => ({SETTLED})({layer})", timeout=10_000)
    assert counted_markers(page.main_frame) == len(shown)
    screenshot(page, "standalone_export")
    assert page.watch.errors == []
    assert {h for h in page.watch.hosts if h} == set()  # file:// only, not even localhost


def test_choosing_a_table_row_shows_that_events_full_record(app, page):
    open_app(page, app.url + "/?q=Termez")
    first = apply_filters(load_dataset(app.data_dir).events, Filters(q="Termez")).iloc[0]
    open_section(page, "Events table", "[data-testid='stDataFrame']")
    grid = page.locator("[data-testid='stDataFrame']")
    grid.scroll_into_view_if_needed()
    choose_row(page, first["event_id"])
    page.get_by_role("heading", name=first["event_id"]).wait_for(timeout=15_000)
    # the heading and the record's table arrive as separate updates: wait for the table
    summary = page.locator("table.bw-table").get_by_text(str(first["summary"]), exact=True)
    summary.wait_for(state="visible", timeout=15_000)


def test_the_downloads_hold_exactly_the_filtered_events(app, page, tmp_path):
    open_app(page, app.url + "/?country=TKM")
    want = apply_filters(load_dataset(app.data_dir).events, Filters(countries=("TKM",)))
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="CSV", exact=True).click()
    lines = csv_download.value.path().read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(want) + 1  # one-line summaries in the bundled data
    # straight after the first: a download must not rerun the app and void the others
    with page.expect_download(timeout=15_000) as geojson_download:
        page.get_by_role("button", name="GeoJSON", exact=True).click()
    features = json.loads(geojson_download.value.path().read_text(encoding="utf-8"))["features"]
    assert sorted(f["properties"]["event_id"] for f in features) == sorted(want["event_id"])
    with page.expect_download(timeout=60_000) as html_download:
        page.get_by_role("button", name="Standalone HTML map").click()
    html = html_download.value.path().read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<script src="http' not in html
    assert page.watch.outside == set()


def test_changing_a_filter_keeps_the_map_mounted_and_updates_the_url(app, page):
    frame = open_app(page, app.url + "/")
    runs = run_mark(page)
    frame.evaluate("() => { window.map.setView([37.2, 67.4], 7); window.bwSameMap = true; }")
    wait_for_rerun(page, runs)  # the pan's own rerun is over before the filter changes
    countries = page.get_by_label("Countries (either side of a crossing)")
    countries.click()
    page.keyboard.type("TKM")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.body.innerText.includes('Showing "
        + str(expected(app, countries=("TKM",)))
        + " of')",
        timeout=15_000,
    )
    page.wait_for_selector("[data-test-script-state='notRunning']")
    frame = page.wait_for_selector("iframe[title='streamlit_folium.st_folium']").content_frame()
    assert frame.evaluate("() => window.bwSameMap") is True  # not remounted
    assert "country=TKM" in page.url
    frame.wait_for_function(
        "n => Object.values(window.map._layers).some(l => l.bwCount === n)",
        arg=expected(app, countries=("TKM",)),
    )
    assert drawn_markers(frame) == expected(app, countries=("TKM",))


LAYERS_ON = """() => Object.fromEntries(window.layer_control._layers
    .filter(item => item.overlay)
    .map(item => [item.name, window.map.hasLayer(item.layer)]))"""


def test_layers_switched_on_or_off_stay_so_when_a_filter_changes(app, page):
    frame = open_app(page, app.url + "/")
    before = frame.evaluate(LAYERS_ON)
    assert before["Heat map"] is False and before["Border crossings (status)"] is True
    heat = frame.locator("canvas.leaflet-heatmap-layer")
    assert heat.count() == 0  # a hidden heat map is not drawn at all
    frame.locator(".leaflet-control-layers").hover()  # a person opens the switcher
    frame.get_by_text("Heat map", exact=True).click()
    assert heat.count() == 1
    frame.get_by_text("Border crossings (status)", exact=True).click()
    countries = page.get_by_label("Countries (either side of a crossing)")
    countries.click()
    page.keyboard.type("TKM")
    page.keyboard.press("Enter")
    frame.wait_for_function(
        "n => Object.values(window.map._layers).some(l => l.bwCount === n)",
        arg=expected(app, countries=("TKM",)),
        timeout=15_000,
    )
    page.wait_for_selector("[data-test-script-state='notRunning']")
    after = frame.evaluate(LAYERS_ON)
    assert after == {**before, "Heat map": True, "Border crossings (status)": False}
    checked = frame.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(
            '.leaflet-control-layers-overlays label')].map(
            l => [l.textContent.trim(), l.querySelector('input').checked]))"""
    )
    assert checked["Heat map"] is True and checked["Border crossings (status)"] is False
    assert heat.count() == 1  # the new heat map drawn, the old one gone
    assert page.watch.errors == []


def test_markdown_in_a_shared_link_shows_as_text_with_no_link_image_or_outside_request(app, page):
    link = "[Click here to re-login](https://evil.example/login)"
    image = "![x](http://evil.example/p.png)"
    open_app(page, app.url + f"/?type={quote(link)}&country={quote(image)}&q={quote('www.x.org')}")
    alerts = page.locator("[data-testid='stAlert']")
    texts = [" ".join(t.replace("\u2060", "").split()) for t in alerts.all_inner_texts()]
    assert f"Ignored type='{link}': unknown event type." in texts
    assert f"Ignored country='{image}': not an ISO 3166-1 alpha-3 code." in texts
    assert alerts.locator("a, img").count() == 0
    assert page.watch.outside == set()
