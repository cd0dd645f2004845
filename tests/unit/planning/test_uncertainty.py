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


def test_wider_draws_cover_population_drift_base_stock_and_yearly_turnover(calibration):
    from careforce.domain.planning import draw_parameters

    d = draw_parameters(calibration, 4000, seed=3)
    sp = calibration.spreads
    n_c = len(calibration.councils)
    assert d.population_error.shape == (n_c, 4000)
    assert np.std(d.population_error) == pytest.approx(sp.population_error_10y, rel=0.1)  # type: ignore[arg-type]
    # the drift is a random walk: its spread after k steps grows like sqrt(k)
    assert np.std(d.drift[8]) == pytest.approx(sp.drift_per_year * 3, rel=0.1)
    assert np.std(np.log(d.turnover_yearly)) == pytest.approx(sp.turnover_year_to_year, rel=0.1)  # type: ignore[arg-type]
    base = calibration.filled_posts.sum(axis=(1, 2))
    region = (base[:, None] * d.stock_factor).sum(axis=0) / base.sum()
    assert np.std(np.log(region)) == pytest.approx(sp.base_region, rel=0.1)


def test_every_spread_is_listed_with_its_source_and_distribution(calibration):
    notes = {a.name: a for a in calibration.assumptions if a.name.startswith("range.")}
    for name in (
        "range.population_error (10 years ahead)",
        "range.drift in posts per person aged 65+",
        "range.turnover year to year",
        "range.base stock (region)",
    ):
        assert name in notes
        assert notes[name].source and ("normal" in notes[name].unit)
    assert "Simpson, Wilson & Shalley" in notes["range.population_error (10 years ahead)"].source
    assert "line " in notes["range.drift in posts per person aged 65+"].source


def test_a_range_of_a_decade_ahead_is_wider_than_a_few_percent(calibration):
    from careforce.domain.planning import project

    r = project(to_year=2032, draws=400, seed=5)
    p5, p95 = (r.value("baseline", "filled_posts", 2032, statistic=s) for s in ("p5", "p95"))
    assert (p95 - p5) / r.value("baseline", "filled_posts", 2032, statistic="p50") > 0.2
