"""Supply that can fall short: recruitment capacity in every scenario."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from careforce.domain.planning import central_draws, compile_scenario, demand_growth, run_scenario
from careforce.domain.planning.scenarios import parse_scenario

YEARS = range(2022, 2036)


def _scenario(*changes: str, name: str = "test") -> str:
    body = "".join(f"\n[[changes]]\n{c}\n" for c in changes)
    return f'name = "{name}"\n{body}'


def _region(cal, text, draws=None):
    scenario = parse_scenario(text)
    compiled = compile_scenario(scenario, cal.councils, YEARS)
    d = draws or central_draws(cal)
    r = run_scenario(cal, compiled, d, demand_growth(cal, "sfc", YEARS), YEARS, dtype=np.float64)
    return {k: v.sum(axis=(0, 1))[:, 0] for k, v in r.measures.items()}


def test_every_scenario_has_a_recruitment_capacity_from_observed_new_to_sector_recruitment(calibration):
    rate = calibration.uncertainty["recruitment_rate"]
    assert rate.mode == pytest.approx(0.34 * (1 - 0.63))  # starters rate x share from outside the sector
    assert rate.low < rate.mode < rate.high
    names = {a.name for a in calibration.assumptions}
    assert "recruitment capacity: elasticity to pay over the NLW" in names
    assert "recruitment capacity: elasticity to the vacancy rate" in names


def test_higher_turnover_leaves_an_unfilled_gap_beyond_the_vacancy_target(calibration):
    base = _region(calibration, _scenario())
    high = _region(calibration, _scenario('parameter = "turnover_rate"\nop = "multiply"\nvalue = 1.6'))
    assert high["filled_posts"][-1] < base["filled_posts"][-1] * 0.97
    assert high["unfilled_gap"][-1] > base["unfilled_gap"][-1] * 1.2
    assert high["demand_posts"][-1] == pytest.approx(base["demand_posts"][-1])


def test_a_recruitment_cap_produces_a_gap_and_a_pay_rise_narrows_it(calibration):
    cap = 'parameter = "recruitment.domestic_capacity"\nop = "set"\nvalue = 0.6'
    capped = _region(calibration, _scenario(cap))
    base = _region(calibration, _scenario())
    paid = _region(calibration, _scenario(cap, 'parameter = "pay.relative_wage"\nop = "add"\nvalue = 0.05'))
    assert capped["unfilled_gap"][-1] > base["unfilled_gap"][-1] * 1.2
    assert paid["new_to_sector_recruits"][1:].sum() > capped["new_to_sector_recruits"][1:].sum()
    assert paid["unfilled_gap"][-1] < capped["unfilled_gap"][-1]


def test_zero_turnover_flat_population_and_unlimited_capacity_change_nothing(calibration):
    flat = {k: np.repeat(v[:, :1], v.shape[1], axis=1) for k, v in calibration.population.items()}
    cal = replace(calibration, ageing_rate=np.zeros_like(calibration.ageing_rate), population=flat)
    text = _scenario(
        'parameter = "turnover_rate"\nop = "set"\nvalue = 0.0',
        'parameter = "recruitment.domestic_capacity"\nop = "set"\nvalue = inf',
        'parameter = "recruitment.international_capacity"\nop = "set"\nvalue = inf',
    )
    at = _region(cal, text)
    assert at["filled_posts"] == pytest.approx(np.full(len(YEARS), at["filled_posts"][0]), rel=1e-9)
    assert np.allclose(at["new_to_sector_recruits"][1:], 0.0)
    assert np.allclose(at["new_jobs"], 0.0)
