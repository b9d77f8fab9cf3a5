"""Grid counts: every event with coordinates lands in exactly one cell, by type."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from borderwatch.aggregate import CELL_SIZES, cell_size_for, grid_counts


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
