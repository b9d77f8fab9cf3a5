"""The offline base map in Chromium: labels a viewer needs, appearing by zoom, and no edge."""

from __future__ import annotations

import csv

import pytest
from e2e_support import open_app, screenshot

pytestmark = pytest.mark.browser


def label_texts(frame, kind: str) -> set[str]:
    return set(frame.eval_on_selector_all(
        f".bw-lbl-{kind} span", "els => els.map(e => e.textContent)"
    ))  # fmt: skip


def view(frame, lat: float, lon: float, zoom: int) -> None:
    # braces: setView returns the map, which Playwright would serialise whole (minutes)
    frame.evaluate(f"() => {{ window.map.setView([{lat}, {lon}], {zoom}, {{animate: false}}); }}")
    # the labels' moveend handler marks the zoom it has drawn the labels for
    frame.wait_for_function(
        f"() => window.map.getContainer().getAttribute('data-bw-zoom') === '{zoom}'"
    )


def test_countries_and_cities_are_named_at_the_regional_view(app, page):
    frame = open_app(page, app.url)
    frame.wait_for_selector(".bw-lbl-country span", timeout=30_000)
    view(frame, 36.0, 66.5, 5)  # the frontier and its neighbours
    countries = label_texts(frame, "country")
    assert {"Afghanistan", "Uzbekistan", "Turkmenistan", "Tajikistan", "Iran"} <= countries
    assert {"Kabul", "Mazār-e Sharīf", "Dushanbe", "Herāt"} <= label_texts(frame, "town")
    assert "Maymana" not in label_texts(frame, "town")  # a small town waits for a closer zoom
    screenshot(page, "basemap_z5")
    assert page.watch.errors == [] and page.watch.outside == set()


def test_zooming_in_names_towns_provinces_and_the_border_rivers(app, page):
    frame = open_app(page, app.url)
    frame.wait_for_selector(".bw-lbl-country span", timeout=30_000)
    view(frame, 36.9, 67.0, 7)
    assert "Amu Darya" in label_texts(frame, "river")
    assert {"Kunduz", "Samangan", "Surkhandarya"} <= label_texts(frame, "province")
    # the crossings are named on the map, as on the board, once they are far enough apart
    with (app.data_dir / "crossings.csv").open(encoding="utf-8") as fh:
        names = {row["name"] for row in csv.DictReader(fh)}
    shown = frame.eval_on_selector_all(
        ".bw-lbl-crossing span", "els => els.filter(e => e.offsetParent).map(e => e.textContent)"
    )
    assert set(shown) == names
    view(frame, 35.9, 64.8, 8)
    assert "Maymana" in label_texts(frame, "town")
    assert "Faryab" in label_texts(frame, "province")
    view(frame, 35.2, 61.1, 7)
    assert "Harirud" in label_texts(frame, "river")
    view(frame, 37.6, 70.3, 7)
    assert "Panj" in label_texts(frame, "river")
    screenshot(page, "basemap_z7_panj")


def test_the_land_reaches_past_every_edge_of_the_map_at_the_widest_zoom(app, page):
    frame = open_app(page, app.url)
    frame.wait_for_selector(".bw-lbl-country span", timeout=30_000)
    view(frame, 36.0, 66.5, 3)
    covered = frame.evaluate(
        """() => {
            const box = window.map.getContainer().getBoundingClientRect();
            const land = window.map.getPane("bwLand").querySelector("path").getBoundingClientRect();
            return land.left <= box.left && land.right >= box.right
                && land.top <= box.top && land.bottom >= box.bottom;
        }"""
    )
    assert covered
    screenshot(page, "basemap_z3")
