from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from careforce.domain.planning import (
    ROLES,
    builtin_scenarios,
    central_draws,
    compile_scenario,
    demand_growth,
    draw_parameters,
    run_scenario,
)

CARE = ROLES.index("care_worker")


def _run(cal, scenario="baseline", draws=None, years=None, **kw):
    years = years or range(cal.base_year, cal.population_years[-1] + 1)
    compiled = compile_scenario(builtin_scenarios()[scenario], cal.councils, years)
    draws = draws or central_draws(cal)
    return run_scenario(cal, compiled, draws, demand_growth(cal, "sfc", years), years, dtype=np.float64, **kw)


def test_single_council_and_role_matches_the_hand_worked_example(single_council):
    # 100 filled posts, turnover 30%, a third of leavers leave the sector, 10% vacancies, 65+ +10% a year.
    # 2023: 30 leave their employer, 10 leave the sector, 20 are rehired in the same cell -> 90 in post;
    #       demand 100/0.9*1.1 = 122.22, target 90% of it = 110, so 20 new-to-sector recruits are needed
    #       and 40 recruits in all; 30 of them replace leavers.
    # 2024: 33 leave, 11 exit, 22 rehired -> 99; target 121 -> 22 new to sector, 44 in all, 33 replacement.
    r = _run(single_council()).measures
    at = {name: r[name][0, CARE, :, 0] for name in r}
    assert at["filled_posts"] == pytest.approx([100, 110, 121])
    assert at["demand_posts"] == pytest.approx([100 / 0.9, 100 / 0.9 * 1.1, 100 / 0.9 * 1.21])
    assert at["new_jobs"][1:] == pytest.approx([100 / 0.9 * 0.1, 100 / 0.9 * 0.21])
    assert at["leavers"][1:] == pytest.approx([30, 33])
    assert at["sector_exits"][1:] == pytest.approx([10, 11])
    assert at["new_to_sector_recruits"][1:] == pytest.approx([20, 22])
    assert at["recruits_needed"][1:] == pytest.approx([40, 44])
    assert at["replacement_recruitment"][1:] == pytest.approx([30, 33])
    assert at["unfilled_gap"] == pytest.approx(at["demand_posts"] * 0.1)


def test_retirement_is_replaced_so_filled_posts_hold_when_population_is_flat(single_council):
    cal = single_council(turnover=0.0, retirement=0.1, p65=(1000.0, 1000.0, 1000.0))
    at = {k: v[0, CARE, :, 0] for k, v in _run(cal).measures.items()}
    assert at["retirements"][1:] == pytest.approx([10, 10])
    assert at["new_to_sector_recruits"][1:] == pytest.approx([10, 10])
    assert at["filled_posts"] == pytest.approx([100, 100, 100])


def test_zero_turnover_and_flat_population_change_nothing(calibration):
    flat = {k: np.repeat(v[:, :1], v.shape[1], axis=1) for k, v in calibration.population.items()}
    cal = replace(
        calibration,
        turnover_rate=np.zeros_like(calibration.turnover_rate),
        ageing_rate=np.zeros_like(calibration.ageing_rate),
        population=flat,
    )
    cal = replace(cal, uncertainty={})
    result = _run(cal, draws=central_draws(cal, 3), years=range(2022, 2036), keep_age=True)
    by_age = result.stock_by_age
    assert by_age is not None
    assert by_age == pytest.approx(np.repeat(by_age[..., :1, :], by_age.shape[-2], axis=-2), rel=1e-12)
    for name in ("recruits_needed", "leavers", "new_to_sector_recruits", "retirements"):
        assert np.allclose(result.measures[name][:, :, 1:], 0.0), name
    assert np.allclose(result.measures["new_jobs"], 0.0)


@pytest.mark.parametrize("scenario", ["baseline", "pay-rise", "international-recruitment-cap", "combined"])
def test_accounting_identities_hold_at_every_step_and_no_stock_goes_negative(calibration, scenario):
    draws = draw_parameters(calibration, 20, seed=7)
    result = _run(calibration, scenario, draws=draws, years=range(2022, 2036), keep_age=True, diagnostics=True)
    m = result.measures
    change = np.diff(m["filled_posts"], axis=2)
    inflows = (m["new_to_sector_recruits"] + m["same_council_moves"] + m["role_moves_in"] + m["council_moves_in"])[
        :, :, 1:
    ]
    outflows = (m["leavers"] + m["retirements"])[:, :, 1:]
    assert change == pytest.approx(inflows - outflows, abs=1e-6)
    # flows between councils sum to zero over the region; role moves net out within each council
    assert (
        np.abs(
            m["council_moves_in"][:, :, 1:].sum(axis=(0, 1)) - m["council_moves_out"][:, :, 1:].sum(axis=(0, 1))
        ).max()
        < 1e-6
    )
    assert np.abs(m["council_moves_net"][:, :, 1:].sum(axis=(0, 1))).max() < 1e-6
    assert np.abs(m["role_moves_in"][:, :, 1:].sum(axis=1) - m["role_moves_out"][:, :, 1:].sum(axis=1)).max() < 1e-6
    # so the region's change is exactly its exchange with outside: recruits in, exits and retirements out
    outside = (m["new_to_sector_recruits"] - m["sector_exits"] - m["retirements"])[:, :, 1:].sum(axis=(0, 1))
    assert change.sum(axis=(0, 1)) == pytest.approx(outside, abs=1e-6)
    assert result.stock_by_age is not None and result.stock_by_age.min() >= 0
    assert m["filled_posts"].min() >= 0


def test_age_resolved_stock_adds_up_to_filled_posts(calibration):
    result = _run(calibration, draws=draw_parameters(calibration, 5, seed=1), years=range(2022, 2026), keep_age=True)
    assert result.stock_by_age is not None
    assert result.stock_by_age.sum(axis=2) == pytest.approx(result.measures["filled_posts"], rel=1e-12)
