"""The detail drawn follows the view: single events when they fit the budget, else cells."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sample_data import EVENTS, event, write_data_dir

from borderwatch.analysis.filters import Filters
from borderwatch.analysis.sqlfilters import Box
from borderwatch.data import snapshot
from borderwatch.data.store import FrameStore
from borderwatch.map import viewport
from borderwatch.map.viewport import caption, cell_deg, detail, point_budget, view_box

HAIRATAN = (37.2167, 67.4333)


def bounds(south, west, north, east) -> dict:
    return {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}}


@pytest.fixture
def crowded(tmp_path) -> FrameStore:
    """The sample events plus 40 around Hairatan, spread over about a kilometre."""
    rng = np.random.default_rng(1)
    extra = [
        event(event_id=f"BW-2021-1{i:03d}", latitude=f"{HAIRATAN[0] + dy:.5f}",
              longitude=f"{HAIRATAN[1] + dx:.5f}")
        for i, (dy, dx) in enumerate(rng.uniform(-0.005, 0.005, size=(40, 2)))
    ]  # fmt: skip
    return FrameStore(snapshot.load(write_data_dir(tmp_path / "data", [*EVENTS, *extra])))


def test_cells_halve_with_each_zoom_step():
    assert [cell_deg(z) for z in (5, 6, 7, 12)] == [2.0, 1.0, 0.5, 1 / 64]


def test_the_view_is_padded_and_snapped_so_a_small_pan_asks_the_same_question():
    here = view_box(bounds(36.0, 60.0, 40.0, 70.0), 5)
    assert here == Box(32.0, 48.0, 48.0, 80.0)
    assert view_box(bounds(36.3, 60.4, 40.3, 70.4), 5) == here
    assert view_box(None, 5) is None
    assert view_box({"_southWest": {}}, 5) is None
    assert view_box(bounds(-89.0, -179.0, 89.0, 179.0), 3) == Box(-90.0, -180.0, 90.0, 180.0)


def test_the_point_budget_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(viewport.BUDGET_ENV, "25")
    assert point_budget() == 25
    monkeypatch.setenv(viewport.BUDGET_ENV, "lots")
    assert point_budget() == viewport.DEFAULT_POINT_BUDGET


def test_an_open_cell_lists_a_few_hundred_events_a_page_or_the_budget_if_smaller(monkeypatch):
    monkeypatch.delenv(viewport.BUDGET_ENV, raising=False)
    assert viewport.cell_page_size() == 250
    monkeypatch.setenv(viewport.BUDGET_ENV, "3")
    assert viewport.cell_page_size() == 3


def test_a_selection_within_the_budget_is_drawn_whole_whatever_the_view(crowded):
    far_away = Box(-10.0, -10.0, 0.0, 0.0)
    shown = detail(crowded, Filters(), far_away, 5, 12, budget=100)
    assert shown.kind == "points" and shown.note is None
    assert len(shown.frame) == crowded.total


def test_a_wide_view_over_the_budget_draws_cells_and_says_so(crowded):
    box = view_box(bounds(30.0, 55.0, 42.0, 75.0), 5)
    shown = detail(crowded, Filters(), box, 5, 12, budget=10)
    assert shown.kind == "cells"
    assert shown.cell_deg == 2.0
    assert shown.frame["count"].sum() == shown.in_view == crowded.count(Filters(), box)
    assert shown.note == (
        f"{shown.in_view} events in and around this view, counted in {len(shown.frame)} cells "
        "of 2° — click a cell or zoom in to see each one"
    )


def test_zooming_in_brings_finer_cells_then_single_events_with_their_data(crowded):
    sizes = []
    for zoom in range(5, 13):
        half = 90 / 2**zoom  # about a 1000-pixel-wide view around Hairatan
        box = view_box(bounds(HAIRATAN[0] - half / 2, HAIRATAN[1] - half,
                              HAIRATAN[0] + half / 2, HAIRATAN[1] + half), zoom)  # fmt: skip
        shown = detail(crowded, Filters(), box, zoom, 12, budget=45)
        if shown.kind == "points":
            break
        sizes.append(shown.cell_deg)
    assert sizes == sorted(sizes, reverse=True) and len(sizes) >= 2
    assert shown.kind == "points" and shown.note is None
    assert len(shown.frame) == shown.in_view <= 45 < crowded.located(Filters())
    assert "BW-2021-1000" in set(shown.frame["event_id"])
    assert {"summary", "source_id", "date_start"} <= set(shown.frame.columns)


def test_at_the_last_zoom_a_view_over_the_budget_draws_cells_that_open_on_a_click(crowded):
    box = Box(37.1, 67.3, 37.3, 67.6)
    shown = detail(crowded, Filters(), box, 12, 12, budget=5)
    assert (shown.kind, shown.openable, shown.cell_deg) == ("cells", True, cell_deg(12))
    assert shown.frame["count"].sum() == shown.in_view > 5
    assert shown.note == (
        f"{shown.in_view} events in and around this view at the closest zoom, counted in "
        f"{len(shown.frame)} cells of {cell_deg(12):g}° — click a cell to list its events "
        "page by page"
    )
    assert not detail(crowded, Filters(), box, 11, 12, budget=5).openable


def test_a_clicked_cell_lists_every_one_of_its_events_page_by_page(crowded):
    shown = detail(crowded, Filters(), Box(37.1, 67.3, 37.3, 67.6), 12, 12, budget=5)
    busiest = shown.frame.iloc[0]
    # the marker's position as the browser reports it (the map's data rounds to 5 decimals)
    click = {"lat": round(busiest["lat"], 5), "lng": round(busiest["lon"], 5)}
    cell = viewport.clicked_cell(shown, click)
    assert cell == Box(busiest["south"], busiest["west"], busiest["north"], busiest["east"])
    assert viewport.clicked_cell(shown, {"lat": 10.0, "lng": 10.0}) is None
    assert viewport.clicked_cell(shown, None) is None

    n = int(busiest["count"])
    pages = [viewport.cell_page(crowded, Filters(), cell, p, size=5) for p in range(1, 20)]
    wanted = viewport.pages_of(n, 5)
    assert wanted > 1 and all(p.in_view == n for p in pages)
    drawn = [list(p.frame["event_id"]) for p in pages[:wanted]]
    assert all(len(ids) <= 5 for ids in drawn)
    every = set(crowded.rows(Filters(), cell)["event_id"])
    assert sorted(i for ids in drawn for i in ids) == sorted(every)  # each once, none left
    assert pages[0].note == (
        f"Events 1–5 of the {n} in this cell, newest first (page 1 of {wanted}: pick the "
        "page below the map)"
    )
    assert pages[-1].frame["event_id"].tolist() == drawn[-1]  # past the last: the last page


def test_the_same_question_is_answered_from_the_cache(crowded, monkeypatch):
    box = Box(30.0, 50.0, 45.0, 80.0)
    first = detail(crowded, Filters(q="Hairatan"), box, 6, 12, budget=3)
    monkeypatch.setattr(crowded, "cells", lambda *a: pd.DataFrame())  # would answer wrongly
    assert detail(crowded, Filters(q="Hairatan"), box, 6, 12, budget=3) is first


def test_the_line_above_the_map_always_says_what_is_drawn(crowded):
    whole = detail(crowded, Filters(), None, 5, 12, budget=100)
    assert caption(whole) == "47 events drawn one by one: click one to see its record."
    cells = detail(crowded, Filters(), Box(30.0, 50.0, 45.0, 80.0), 5, 12, budget=3)
    assert caption(cells) == cells.note
    nothing = detail(crowded, Filters(q="no such text"), None, 5, 12)
    assert caption(nothing) == "No event with coordinates to draw."
