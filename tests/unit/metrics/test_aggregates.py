"""The grouped NumPy helpers on hand-checked arrays."""

from __future__ import annotations

import numpy as np

from careforce.domain.metrics import aggregates as agg

GROUPS = np.array([0, 0, 1, 1, 1, 2, -1])
ALL = np.ones(7, bool)


def test_median_per_group_with_even_and_odd_counts_and_an_empty_group() -> None:
    values = np.array([3.0, 1.0, 10.0, 30.0, 20.0, np.nan, 99.0])
    n, med = agg.median(GROUPS, ALL, 4, values)
    assert n.tolist() == [2, 3, 0, 0]  # the NaN and the record outside every group do not count
    assert med[:2].tolist() == [2.0, 20.0] and np.isnan(med[2:]).all()


def test_median_keeps_pennies_exact_enough_for_pay() -> None:
    values = np.array([12.21, 12.22, 100000.0, 12.23, 12.24, 0.01, 5.0])
    _, med = agg.median(GROUPS, ALL, 3, values)
    assert np.allclose(med, [(12.21 + 12.22) / 2, 12.24, 0.01], atol=1e-9)


def test_count_distinct_counts_each_known_id_once_per_group_and_unknowns_separately() -> None:
    ids = np.array([7, 7, 7, -1, -1, 8, 9])
    assert agg.count_distinct(GROUPS, ALL, 3, ids).tolist() == [1, 3, 1]


def test_mean_and_crosstab() -> None:
    values = np.array([1.0, 2.0, np.nan, 4.0, 6.0, 8.0, 100.0])
    n, avg = agg.mean(GROUPS, ALL, 3, values)
    assert n.tolist() == [2, 2, 1] and avg.tolist() == [1.5, 5.0, 8.0]
    table = agg.crosstab(GROUPS, ALL, 3, np.array([0, 1, 1, 1, -1, 0, 0]), 2)
    assert table.tolist() == [[1, 1], [0, 2], [1, 0]]
