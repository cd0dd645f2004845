"""The disclosure rule on awkward tables: nothing about fewer than 5 people is shown or can be worked out."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from careforce.domain.metrics import disclosure as dc

SHOWN, PRIMARY, COMP = dc.SHOWN, dc.PRIMARY, dc.COMPLEMENTARY


def one_way(*members: float) -> tuple[np.ndarray, list[dc.Constraint]]:
    values = np.array([*members, sum(members)], dtype=float)
    return values, dc.one_way(len(values))


def with_margins(inner: list[list[float]]) -> tuple[np.ndarray, list[dc.Constraint]]:
    grid = np.array(inner, dtype=float)
    grid = np.concatenate([grid, grid.sum(axis=1, keepdims=True)], axis=1)
    grid = np.concatenate([grid, grid.sum(axis=0, keepdims=True)], axis=0)
    return grid, dc.margins(grid.shape)


def assert_safe(values: np.ndarray, constraints: list[dc.Constraint], status: np.ndarray) -> None:
    flat = values.ravel()
    primary = dc.is_primary(flat)
    assert np.all(status.ravel()[primary] != SHOWN), "a count of 1 to 4 is shown"
    for c in constraints:
        assert sum(status.ravel()[i] != SHOWN for i in c.cells) != 1, f"one hidden cell in {c} can be subtracted out"
    exposed = [i for i in dc.determined(status.ravel(), constraints) if primary[i]]
    assert not exposed, f"cells {exposed} can be worked out from the shown figures"


def test_a_single_small_cell_in_a_row_with_a_total_takes_the_next_smallest_cell_with_it() -> None:
    values, constraints = one_way(3, 10, 12)
    status = dc.suppress(values, constraints)
    assert status.tolist() == [PRIMARY, COMP, SHOWN, SHOWN]
    assert_safe(values, constraints, status)


def test_two_small_cells_protect_each_other_and_nothing_else_is_hidden() -> None:
    values, constraints = one_way(2, 3, 20)
    status = dc.suppress(values, constraints)
    assert status.tolist() == [PRIMARY, PRIMARY, SHOWN, SHOWN]


def test_a_zero_is_shown_and_is_not_used_as_the_complement() -> None:
    values, constraints = one_way(3, 0, 40)
    status = dc.suppress(values, constraints)
    assert status.tolist() == [PRIMARY, SHOWN, COMP, SHOWN]


def test_when_every_other_member_is_zero_the_total_is_hidden() -> None:
    values, constraints = one_way(7, 0)
    status = dc.suppress(values, constraints, protect=np.array([True, False, False]))
    assert status.tolist() == [PRIMARY, SHOWN, COMP]


def test_a_small_total_is_itself_suppressed() -> None:
    values, constraints = one_way(3, 0, 0)
    status = dc.suppress(values, constraints)
    assert status[0] == PRIMARY and status[-1] == PRIMARY
    assert_safe(values, constraints, status)


def test_a_table_where_everything_is_small_shows_nothing_but_zeros() -> None:
    values, constraints = with_margins([[1, 2], [0, 1]])
    status = dc.suppress(values, constraints)
    shown = values.ravel()[status.ravel() == SHOWN]
    assert set(shown.tolist()) <= {0.0}
    assert_safe(values, constraints, status)


def test_a_2d_table_with_margins_hides_a_rectangle_around_a_small_cell() -> None:
    values, constraints = with_margins([[3, 20, 30], [40, 50, 60], [70, 80, 90]])
    status = dc.suppress(values, constraints).reshape(values.shape)
    assert status[0, 0] == PRIMARY
    # the cheapest safe pattern: the small cell, its smallest row and column partners, and the cell that
    # closes the rectangle
    assert status[0, 1] == COMP and status[1, 0] == COMP and status[1, 1] == COMP
    assert (status != SHOWN).sum() == 4
    assert_safe(values, constraints, status)


def test_a_bridge_between_two_suppressed_blocks_is_caught_by_the_linear_algebra_check() -> None:
    # two 2x2 blocks of small cells joined by one small cell: every line has two hidden cells, yet the
    # joining cell follows from the margins unless one more cell is hidden
    inner = [[2, 2, 50, 50, 60], [2, 2, 50, 50, 60], [60, 1, 2, 2, 60], [50, 50, 2, 2, 70], [80, 80, 80, 80, 80]]
    values, constraints = with_margins(inner)  # type: ignore[arg-type]
    status = dc.suppress(values, constraints)
    assert_safe(values, constraints, status)


def test_counts_not_known_are_missing_not_suppressed_and_need_no_complement() -> None:
    values = np.array([np.nan, 10, 12, 30])
    status = dc.suppress(values, dc.one_way(4))
    assert status.tolist() == [dc.MISSING, SHOWN, SHOWN, SHOWN]


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 5), st.integers(1, 6), st.lists(st.integers(0, 30), min_size=30, max_size=30))
def test_any_2d_table_is_left_safe(rows: int, cols: int, cells: list[int]) -> None:
    inner = np.array(cells[: rows * cols], dtype=float).reshape(rows, cols)
    inner = np.where(inner > 12, inner, inner % 6)  # plenty of small cells and zeros
    values, constraints = with_margins(inner.tolist())
    status = dc.suppress(values, constraints)
    assert_safe(values, constraints, status)


def test_the_marker_is_decided_in_one_place() -> None:
    assert dc.CONFIDENTIAL.code == "[c]" and str(dc.CONFIDENTIAL) == "[c]"
    assert dc.CONFIDENTIAL.text == "fewer than 5 people"
    assert {m.code for m in dc.MARKERS} == {"[c]", "[x]", "[z]"}
