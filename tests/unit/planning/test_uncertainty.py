from __future__ import annotations

import numpy as np
import pytest

from careforce.domain.planning import STATISTICS, TIDY_COLUMNS, builtin_scenarios, draw_parameters, project
from careforce.domain.planning.uncertainty import summarise


def test_the_same_seed_gives_the_same_draws_and_a_different_seed_different_ones(calibration):
    a = draw_parameters(calibration, 100, seed=11)
    b = draw_parameters(calibration, 100, seed=11)
    c = draw_parameters(calibration, 100, seed=12)
    assert np.array_equal(a.turnover_level, b.turnover_level)
    assert not np.array_equal(a.turnover_level, c.turnover_level)
    assert np.allclose(a.within_sector_split.sum(axis=1), 1.0)
    low, high = calibration.uncertainty["sector_exit_share"].low, calibration.uncertainty["sector_exit_share"].high
    assert np.all((a.sector_exit_share >= low) & (a.sector_exit_share <= high))


def test_summary_statistics_match_numpy_quantiles():
    values = np.random.default_rng(0).normal(size=(3, 4, 501))
    stats = summarise(values)
    expected = np.quantile(values, [0.05, 0.25, 0.5, 0.75, 0.95], axis=-1)
    assert stats[..., 1:] == pytest.approx(np.moveaxis(expected, 0, -1))
    assert stats[..., 0] == pytest.approx(values.mean(axis=-1))


def test_every_output_has_ordered_percentile_bands_and_the_tidy_table_has_the_agreed_columns():
    shipped = builtin_scenarios()
    result = project([shipped["baseline"], shipped["lower-turnover"]], to_year=2030, draws=60, seed=5)
    tidy = result.tidy()
    assert tuple(tidy.columns) == TIDY_COLUMNS
    assert set(tidy["statistic"]) == set(STATISTICS)
    assert {
        "demand_posts",
        "filled_posts",
        "new_jobs",
        "replacement_recruitment",
        "recruits_needed",
        "unfilled_gap",
    } <= set(tidy["measure"])
    assert "E12000005" in set(tidy["council"]) and "all" in set(tidy["role"])
    wide = tidy.pivot_table(
        index=["council", "role", "year", "scenario", "measure"], columns="statistic", values="value"
    )
    ordered = wide[["p5", "p25", "p50", "p75", "p95"]].to_numpy()
    assert np.all(np.diff(ordered, axis=1) >= -1e-3)
    assert (wide["p95"] - wide["p5"]).max() > 0  # the draws really vary


def test_common_random_numbers_make_scenario_differences_steadier_than_the_bands(calibration):
    shipped = builtin_scenarios()
    result = project([shipped["baseline"], shipped["lower-turnover"]], to_year=2030, draws=200, seed=9, keep_draws=True)
    base = result.raw["baseline"].measures["recruits_needed"][:, :, -1].sum(axis=(0, 1))
    lower = result.raw["lower-turnover"].measures["recruits_needed"][:, :, -1].sum(axis=(0, 1))
    assert np.all(lower < base)  # draw by draw, not just on average
    assert np.std(base - lower) < np.std(base)
