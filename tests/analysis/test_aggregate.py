"""Grid counts: every event with coordinates lands in exactly one cell, by type."""

from __future__ import annotations

import folium
import numpy as np
import pandas as pd
import pytest
from sample_data import SOURCES

from borderwatch.analysis.aggregate import CELL_SIZES, cell_size_for, grid_counts
from borderwatch.data.vocab import SOURCE_COLUMNS
from borderwatch.map.build import heat_layer
from borderwatch.map.eventlayer import cell_blob, cell_size, event_layer
from borderwatch.map.viewport import Detail


def frame(rows: list[tuple[float | None, float | None, str]]) -> pd.DataFrame:
    """Events as the loader types them: float coordinates, categorical event_type."""
    lat, lon, kind = zip(*rows, strict=True)
    return pd.DataFrame(
        {
            "latitude": pd.array(lat, dtype="float64"),
            "longitude": pd.array(lon, dtype="float64"),
            "event_type": pd.Categorical(kind),
        }
    )


HAIRATAN = (37.2167, 67.4333)
TERMEZ = (37.22417, 67.27833)
SHER_KHAN_BANDAR = (37.0400, 68.2400)
MAYMANA = (35.92139, 64.78361)

EVENTS = frame(
    [
        (*HAIRATAN, "crossing_closed"),
        (*HAIRATAN, "crossing_closed"),
        (*HAIRATAN, "crossing_reopened"),
        (*TERMEZ, "military_deployment"),
        (*SHER_KHAN_BANDAR, "territorial_control"),
        (*MAYMANA, "clash"),
        (None, None, "statement"),
    ]
)


def test_quarter_degree_cells_group_hairatan_and_termez_but_not_sher_khan_bandar():
    cells = grid_counts(EVENTS, cell_deg=0.25)

    assert cells["count"].tolist() == [4, 1, 1]
    first = cells.iloc[0]
    assert (first["south"], first["west"], first["north"], first["east"]) == (
        37.0,
        67.25,
        37.25,
        67.5,
    )
    assert first["crossing_closed"] == 2
    assert first["crossing_reopened"] == 1
    assert first["military_deployment"] == 1
    assert first["clash"] == 0


def test_a_cell_sits_at_the_mean_position_of_its_events():
    cells = grid_counts(EVENTS, cell_deg=0.25)

    first = cells.iloc[0]
    assert first["lat"] == pytest.approx((3 * HAIRATAN[0] + TERMEZ[0]) / 4)
    assert first["lon"] == pytest.approx((3 * HAIRATAN[1] + TERMEZ[1]) / 4)


def test_events_without_coordinates_are_left_out_and_nothing_else_is():
    cells = grid_counts(EVENTS, cell_deg=1.0)

    assert cells["count"].sum() == 6
    assert cells["statement"].sum() == 0


def test_type_columns_add_up_to_the_count_of_each_cell():
    cells = grid_counts(EVENTS, cell_deg=0.1)

    type_columns = cells.columns[7:]
    assert (cells[type_columns].sum(axis=1) == cells["count"]).all()


def test_a_type_outside_the_vocabulary_counts_only_in_the_total():
    events = frame([(*HAIRATAN, "riot"), (*HAIRATAN, "clash")])

    cells = grid_counts(events, cell_deg=0.25, types=["clash"])

    assert cells[["count", "clash"]].values.tolist() == [[2, 1]]


def test_cells_in_the_southern_and_western_hemispheres_have_the_right_edges():
    events = frame([(-33.45, -70.66, "statement")])  # Santiago de Chile

    cell = grid_counts(events, cell_deg=0.5).iloc[0]

    assert (cell["south"], cell["west"]) == (-33.5, -71.0)


def test_no_events_give_an_empty_frame_with_the_same_columns():
    empty = EVENTS.iloc[:0]

    cells = grid_counts(empty, cell_deg=0.25, types=["clash"])

    assert cells.empty
    assert list(cells.columns) == [
        "lat", "lon", "south", "west", "north", "east", "count", "clash",
    ]  # fmt: skip


def test_the_chosen_cell_size_is_the_smallest_that_keeps_under_the_bound():
    rng = np.random.default_rng(0)
    n = 20_000
    events = frame(
        list(
            zip(
                rng.uniform(35.0, 38.5, n),
                rng.uniform(61.0, 71.5, n),
                ["clash"] * n,
                strict=True,
            )
        )
    )

    size = cell_size_for(events, max_cells=1500)

    assert size == 0.25  # 14 x 42 cells; at 0.1 degrees there would be about 3,700
    assert len(grid_counts(events, size)) <= 1500
    assert CELL_SIZES.index(size) > 0


def test_without_a_cell_size_the_grid_respects_max_cells():
    cells = grid_counts(EVENTS, max_cells=2)

    assert len(cells) <= 2
    assert cells["count"].sum() == 6


def test_a_non_positive_cell_size_is_refused():
    with pytest.raises(ValueError, match="cell size must be positive"):
        grid_counts(EVENTS, cell_deg=0)


def many(n: int) -> pd.DataFrame:
    """`n` located events around Hairatan and Maymana, typed like the loader's."""
    rng = np.random.default_rng(1)
    at_hairatan = rng.random(n) < 0.7
    # within a few hundred metres: each place stays inside one 0.05-degree cell
    lat = np.where(at_hairatan, HAIRATAN[0], MAYMANA[0]) + rng.normal(0, 0.002, n)
    lon = np.where(at_hairatan, HAIRATAN[1], MAYMANA[1]) + rng.normal(0, 0.002, n)
    kind = np.where(at_hairatan, "crossing_closed", "clash")
    events = frame(list(zip(lat, lon, kind, strict=True)))
    events["event_id"] = [f"BW-{i:05d}" for i in range(n)]
    return events


def drawn_with(group) -> list[str]:
    """The kinds of element inside a feature group."""
    return [type(child).__name__ for child in group._children.values()]


def rendered(group) -> str:
    """The feature group's JavaScript, as streamlit-folium would send it."""
    m = folium.Map()
    group.add_to(m)
    return m.get_root().render()


def test_up_to_max_points_every_event_is_a_marker_and_there_is_no_note():
    sources = pd.DataFrame(SOURCES, columns=list(SOURCE_COLUMNS))
    events = many(50).assign(
        date_start=pd.Timestamp("2021-07-01"),
        date_end=pd.Timestamp("2021-07-01"),
        date_precision="day",
        place="Hairatan",
        country="AFG",
        counterpart_country="UZB",
        summary="Traffic halted.",
        actors="Taliban",
        confidence="reported",
        source_id="OXAN-2021-07-13",
    )

    group, note = event_layer(events, sources, max_points=50)

    assert note is None
    assert drawn_with(group) == ["EventMarkers"]
    assert "BW-00049" in rendered(group)


def test_above_max_points_the_layer_draws_cells_with_counts_and_says_so():
    group, note = event_layer(many(120), pd.DataFrame(), max_points=100)

    assert note == (
        "120 events aggregated into 2 cells of 0.05° — zoom in, or narrow the filters "
        "to 5,000 events or fewer to see each one"
    )
    assert drawn_with(group) == ["EventCells"]
    assert "BW-00001" not in rendered(group)  # no event's own data reaches the browser


def test_the_cell_blob_counts_add_up_and_its_text_is_escaped():
    cells = grid_counts(many(200), cell_deg=0.25, types=["crossing_closed", "clash"])

    blob = cell_blob(cells, note="<b>200</b> events & more")

    assert sum(blob["n"]) == 200
    assert [sum(row) for row in blob["by"]] == blob["n"]
    assert blob["types"] == ["Crossing closed", "Clash"]
    assert blob["note"] == "&lt;b&gt;200&lt;/b&gt; events &amp; more"
    assert blob["size"] == 0.25


def test_the_heat_layer_weights_cells_instead_of_listing_every_event():
    cells = grid_counts(many(300), max_cells=100)
    group = heat_layer(Detail("cells", cells, 300, cell_size(cells)))

    heat = next(c for c in group._children.values() if type(c).__name__ == "HeatMap")
    weights = sorted(point[2] for point in heat.data)
    assert len(weights) == 2
    assert sum(weights) == 300
