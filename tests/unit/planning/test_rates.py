from __future__ import annotations

import numpy as np
import pytest

from careforce.domain.planning import estimate_rates_from_records
from careforce.domain.planning.rates import beta_binomial_kappa


def _records():
    # council A: a large cell and a tiny one; council B: large cells with different turnover
    return {
        "council": ["A", "A", "B", "B", "C"],
        "role": ["care_worker", "social_worker", "care_worker", "social_worker", "care_worker"],
        "age_band": ["25-34"] * 5,
        "starters": [300, 3, 200, 20, 0],
        "leavers": [400, 4, 250, 20, 0],
        "staff": [1000, 5, 1000, 100, 0],
    }


def test_small_cells_are_pulled_towards_the_regional_rate_and_large_cells_keep_their_own():
    pooled = estimate_rates_from_records(**_records())
    tiny = pooled.turnover_for("A", "social_worker", "25-34")
    big = pooled.turnover_for("A", "care_worker", "25-34")
    assert pooled.turnover_rate_raw[pooled.council.index("A")] == pytest.approx(0.4)
    assert abs(big - 0.4) < 0.03
    raw_tiny = 4 / 5
    prior = pooled.turnover_prior[1]
    assert abs(tiny - prior) < abs(raw_tiny - prior)


def test_a_cell_with_no_staff_gets_the_regional_rate_not_zero():
    pooled = estimate_rates_from_records(**_records())
    empty = pooled.turnover_for("C", "care_worker", "25-34")
    assert empty > 0.2
    assert np.all((pooled.turnover_rate >= 0) & (pooled.turnover_rate <= 1))


def test_kappa_is_infinite_when_cells_vary_no_more_than_binomial_noise():
    assert beta_binomial_kappa(np.array([30.0, 30.0, 30.0]), np.array([100.0, 100.0, 100.0])) == float("inf")
    assert beta_binomial_kappa(np.array([10.0, 50.0]), np.array([100.0, 100.0])) < 100


def test_mismatched_or_negative_inputs_are_refused():
    with pytest.raises(ValueError, match="same length"):
        estimate_rates_from_records(["A"], ["r"], ["a"], [1], [1, 2], [3])
    with pytest.raises(ValueError, match="negative"):
        estimate_rates_from_records(["A"], ["r"], ["a"], [1], [-1], [3])
