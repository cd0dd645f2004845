"""Decision outputs: paired differences from the baseline, and the headline's three kinds of hire."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from careforce.domain.planning import builtin_scenarios, central_draws, compile_scenario, project, run_scenario
from careforce.domain.planning.decisions import DECISION_MEASURES, area_draws, summarise_decision
from careforce.domain.planning.scenarios import parse_scenario
from careforce.domain.reference import REGION_CODE

REGION = -1  # the region is the last area of the decision tables


def _stat(result, table, scenario, measure, year, statistic):
    return result.decisions.value(table, scenario, measure, REGION, list(result.years).index(year), statistic)


def test_differences_are_taken_draw_by_draw_from_the_same_draws():
    shipped = builtin_scenarios()
    result = project([shipped["baseline"], shipped["lower-turnover"]], to_year=2030, draws=300, seed=4, keep_draws=True)
    base = area_draws(result.raw["baseline"])
    lower = area_draws(result.raw["lower-turnover"])
    m = DECISION_MEASURES.index("recruits_needed")
    paired = lower[m, REGION, -1] - base[m, REGION, -1]
    for statistic, q in (("p5", 0.05), ("p50", 0.5), ("p95", 0.95)):
        assert _stat(result, "differences", "lower-turnover", "recruits_needed", 2030, statistic) == pytest.approx(
            np.quantile(paired, q), rel=1e-9
        )
    # with the same draws every draw of lower turnover needs fewer recruits, so the whole range is below 0,
    # although the two scenarios' own ranges overlap widely
    assert _stat(result, "differences", "lower-turnover", "recruits_needed", 2030, "p95") < 0
    assert _stat(result, "levels", "lower-turnover", "recruits_needed", 2030, "p95") > _stat(
        result, "levels", "baseline", "recruits_needed", 2030, "p5"
    )
    # a difference of independent draws would be far wider than the paired one
    shuffled = lower[m, REGION, -1][::-1] - base[m, REGION, -1]
    assert np.ptp(np.quantile(paired, [0.05, 0.95])) < 0.5 * np.ptp(np.quantile(shuffled, [0.05, 0.95]))


def test_a_scenario_equal_to_the_baseline_differs_by_exactly_zero():
    baseline = builtin_scenarios()["baseline"]
    twin = replace(baseline, name="same-as-baseline", title="Same as the baseline")
    result = project([baseline, twin], to_year=2035, draws=50, seed=11)
    assert result.decisions is not None
    assert np.all(result.decisions.differences[1] == 0.0)
    assert np.any(result.decisions.levels[1] != 0.0)


def test_the_headline_separates_new_jobs_people_new_to_care_and_moves_within_the_sector():
    result = project(to_year=2030, draws=100, seed=2, keep_draws=True)
    raw = result.raw["baseline"].measures
    region = {k: v.sum(axis=(0, 1), dtype=np.float64) for k, v in raw.items()}
    new_to_care = region["new_to_sector_recruits"][1:].sum(axis=0)
    moves = region["within_sector_moves"][1:].sum(axis=0)
    assert _stat(result, "levels", "baseline", "people_new_to_care", 2030, "p50") == pytest.approx(
        np.median(new_to_care), rel=1e-6
    )
    assert _stat(result, "levels", "baseline", "moves_within_sector", 2030, "p50") == pytest.approx(
        np.median(moves), rel=1e-6
    )
    # every hire is either someone new to care, someone moving within it, or (when capacity binds) not made
    assert np.all(new_to_care + moves <= region["recruits_needed"][1:].sum(axis=0) + 1e-3)
    for measure in ("new_jobs", "people_new_to_care", "moves_within_sector"):
        p5, p95 = (_stat(result, "levels", "baseline", measure, 2030, s) for s in ("p5", "p95"))
        assert p5 < p95, measure


def test_zero_turnover_flat_population_and_unlimited_capacity_change_nothing(calibration):
    flat = {k: np.repeat(v[:, :1], v.shape[1], axis=1) for k, v in calibration.population.items()}
    cal = replace(calibration, ageing_rate=np.zeros_like(calibration.ageing_rate), population=flat)
    scenario = parse_scenario(
        'name = "still"\n'
        '[[changes]]\nparameter = "turnover_rate"\nop = "set"\nvalue = 0.0\n'
        '[[changes]]\nparameter = "recruitment.domestic_capacity"\nop = "set"\nvalue = inf\n'
        '[[changes]]\nparameter = "recruitment.international_capacity"\nop = "set"\nvalue = inf\n'
    )
    years = range(2022, 2036)
    compiled = compile_scenario(scenario, cal.councils, years)
    draws = central_draws(cal, 2)
    assert draws.recruitment_rate is not None  # supply is modelled: the capacity is lifted by the scenario
    growth = np.ones((len(cal.councils), cal.shape[1], len(years)))
    r = run_scenario(cal, compiled, draws, growth, years, keep_age=True, diagnostics=True, dtype=np.float64)
    assert r.stock_by_age is not None
    assert r.stock_by_age == pytest.approx(np.repeat(r.stock_by_age[..., :1, :], len(years), axis=-2), rel=1e-12)
    for name in ("leavers", "new_to_sector_recruits", "within_sector_moves", "recruits_needed", "retirements"):
        assert np.allclose(r.measures[name][:, :, 1:], 0.0), name
    d = area_draws(r)
    assert np.allclose(d[DECISION_MEASURES.index("new_jobs")], 0.0)
    assert np.allclose(d[DECISION_MEASURES.index("people_new_to_care")], 0.0)


def test_decision_summary_matches_numpy_quantiles():
    values = np.random.default_rng(0).normal(size=(3, 4, 101))
    out = summarise_decision(values)
    assert out[..., 0] == pytest.approx(values.mean(axis=-1))
    assert out[..., 1:] == pytest.approx(np.moveaxis(np.quantile(values, [0.05, 0.5, 0.95], axis=-1), 0, -1))


def test_region_is_the_sum_of_councils_draw_by_draw():
    result = project(to_year=2026, draws=20, seed=3, keep_draws=True)
    d = area_draws(result.raw["baseline"])
    assert d[:, REGION] == pytest.approx(d[:, :REGION].sum(axis=1))
    assert result.council_labels[-1] == REGION_CODE
