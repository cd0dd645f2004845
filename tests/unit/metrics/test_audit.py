"""The linear-programming audit: how far shown figures narrow suppressed cells."""

from __future__ import annotations

import numpy as np

from careforce.domain.metrics import audit


def one_way(*members: float) -> tuple[np.ndarray, list[audit.Relation]]:
    values = np.array([*members, sum(members)], dtype=float)
    return values, [audit.sums_to(len(members), range(len(members)))]


def test_one_hidden_cell_beside_a_shown_total_is_recovered_exactly() -> None:
    values, relations = one_way(3, 10, 12)
    hidden = np.array([True, False, False, False])
    found = audit.ranges(values, hidden, relations)
    assert (found.low[0], found.high[0]) == (3, 3)
    assert found.exact(hidden).tolist() == [True, False, False, False]


def test_two_hidden_cells_can_each_be_anything_up_to_their_sum() -> None:
    values, relations = one_way(3, 10, 12)
    hidden = np.array([True, True, False, False])
    found = audit.ranges(values, hidden, relations)
    assert (found.low[0], found.high[0]) == (0, 13)
    assert not found.exposed(hidden).any()
    assert not audit.exposed(values, hidden, relations).cells.any()


def test_two_hidden_cells_with_a_small_sum_are_narrowed_below_the_threshold() -> None:
    values, relations = one_way(1, 2, 40)
    hidden = np.array([True, True, False, False])
    found = audit.ranges(values, hidden, relations)
    assert (found.low[0], found.high[0]) == (0, 3)
    assert found.exposed(hidden)[:2].tolist() == [True, True]
    exposure = audit.exposed(values, hidden, relations)
    assert exposure.cells[:2].tolist() == [True, True]
    assert (exposure.low[0], exposure.high[0]) == (0, 3)


def test_a_numerator_within_its_denominator_bounds_it_from_above() -> None:
    # cells: numerator (hidden), denominator 3 (hidden), and nothing else: x0 <= x1, x1 == 3 via a total
    values = np.array([2.0, 3.0, 3.0])
    hidden = np.array([True, False, False])
    relations = [audit.at_most(0, 1)]
    found = audit.ranges(values, hidden, relations)
    assert (found.low[0], found.high[0]) == (0, 3)


def test_a_cell_in_no_relation_is_unbounded_and_safe() -> None:
    values = np.array([2.0])
    hidden = np.array([True])
    found = audit.ranges(values, hidden, [])
    assert found.high[0] == np.inf and not found.exposed(hidden).any()
    assert not audit.exposed(values, hidden, []).cells.any()


def test_a_rectangle_in_a_table_with_margins_moves_together_and_is_protected() -> None:
    # 2x2 inner cells [3, 20; 40, 50] with row, column and grand totals; the four inner cells hidden
    inner = np.array([[3.0, 20.0], [40.0, 50.0]])
    grid = np.zeros((3, 3))
    grid[:2, :2] = inner
    grid[:2, 2] = inner.sum(axis=1)
    grid[2, :] = grid[:2, :].sum(axis=0)
    flat = grid.ravel()
    relations = [audit.sums_to(r * 3 + 2, (r * 3, r * 3 + 1)) for r in range(3)]
    relations += [audit.sums_to(6 + c, (c, 3 + c)) for c in range(3)]
    hidden = np.zeros(9, bool)
    hidden[[0, 1, 3, 4]] = True
    found = audit.ranges(flat, hidden, relations)
    assert (found.low[0], found.high[0]) == (0, 23)
    assert not audit.exposed(flat, hidden, relations).cells.any()


def test_relations_that_cannot_hold_are_reported_not_solved_around() -> None:
    # the hidden cell would have to be 89 to make the total, and at most 10 to stay within the other
    values = np.array([3.0, 10.0, 99.0])
    hidden = np.array([True, False, False])
    try:
        audit.ranges(values, hidden, [audit.sums_to(2, (0, 1)), audit.at_most(0, 1)])
    except audit.Inconsistent:
        return
    raise AssertionError("an impossible relation was accepted")
