"""Base-map labels: each shows from the first zoom at which it is allowed and clears the others."""

from __future__ import annotations

import itertools

import pandas as pd

from borderwatch.map import labels


def _row(text, kind, lon, lat, min_zoom, **extra):
    return {"text": text, "kind": kind, "lon": lon, "lat": lat, "min_zoom": min_zoom, **extra}


def test_bigger_towns_may_be_named_at_lower_zooms():
    zooms = [labels.town_min_zoom(p) for p in (4_400_000, 523_300, 60_000, 25_000, 9_000)]
    assert zooms == [4, 5, 6, 7, 8]


def test_a_label_waits_for_the_zoom_at_which_it_clears_a_more_important_one():
    placed = labels.place(pd.DataFrame([
        _row("Kabul", "town", 69.17, 34.53, 4, rank=2, population=4_434_550),
        _row("Charikar", "town", 69.17, 35.01, 4, rank=5, population=53_676),
    ])).set_index("text")  # fmt: skip
    assert placed.loc["Kabul", "z"] == 4
    assert placed.loc["Charikar", "z"] > 4


def test_no_two_labels_of_one_layer_overlap_at_any_zoom():
    rows = [
        _row(f"Town {i}", "town", 66 + (i % 7) * 0.4, 35 + (i // 7) * 0.3, 4, population=1000 * i)
        for i in range(49)
    ]
    placed = labels.place(pd.DataFrame(rows))
    for zoom in labels.ZOOMS:
        shown = placed[placed["z"] <= zoom]
        x, y = labels.pixel_xy(shown["lon"].to_numpy(), shown["lat"].to_numpy(), zoom)
        boxes = [labels.box_size(t, "town") for t in shown["text"]]
        for a, b in itertools.combinations(range(len(shown)), 2):
            apart_x = abs(x[a] - x[b]) * 2 >= boxes[a][0] + boxes[b][0]
            apart_y = abs(y[a] - y[b]) * 2 >= boxes[a][1] + boxes[b][1]
            assert apart_x or apart_y, (zoom, shown["text"].iloc[a], shown["text"].iloc[b])


def test_a_capital_under_its_country_name_is_still_named():
    placed = labels.place(pd.DataFrame([
        _row("Afghanistan", "country", 66.50, 34.16, 3, rank=0),
        _row("Kabul", "town", 69.17, 34.53, 4, rank=2, population=4_434_550),
    ])).set_index("text")  # fmt: skip
    assert placed["z"].to_dict() == {"Afghanistan": 3, "Kabul": 4}


def test_columns_index_the_kinds_and_keep_the_order():
    placed = labels.place(pd.DataFrame([_row("Amu Darya", "river", 65.38, 37.70, 5, rank=1)]))
    cols = labels.to_columns(placed)
    assert cols["kinds"][cols["kind"][0]] == "river"
    assert (cols["text"], cols["lon"], cols["lat"], cols["z"]) == (
        ["Amu Darya"],
        [65.38],
        [37.7],
        [5],
    )
