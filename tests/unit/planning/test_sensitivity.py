"""Sensitivity (tornado): one assumption at a time between its P5 and P95, the rest at P50."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from careforce.domain.planning import builtin_scenarios, compile_scenario, demand_growth, project, run_scenario
from careforce.domain.planning.decisions import DECISION_MEASURES, area_draws
from careforce.domain.planning.published import Triangular
from careforce.domain.planning.ranges import Spreads
from careforce.domain.planning.sensitivity import SWUNG, Swing, ranked, swing_draws, tornado


def _swing(assumption: str, low: float, high: float) -> Swing:
    return Swing("baseline", "new_jobs", "R", 2030, assumption, SWUNG[assumption], 0, 1, 100, low, high)


def test_rows_are_ordered_by_the_size_of_the_swing_whatever_its_direction():
    rows = ranked([_swing("vacancy_rate", 90, 110), _swing("drift", 130, 60), _swing("turnover_level", 100, 101)])
    assert [r.assumption for r in rows] == ["drift", "vacancy_rate", "turnover_level"]
    assert [r.swing for r in rows] == [70, 20, 1]


def _hand_made(single_council):
    """One council, one role: turnover 30% drawn between 15% and 45%, exit share barely uncertain."""
    cal = single_council(turnover=0.3, exit_share=1 / 3, vacancy=0.1, p65=(1000.0, 1100.0, 1210.0))
    return replace(
        cal,
        uncertainty={
            "turnover_level": Triangular(0.5, 1.0, 1.5, "hand-made"),
            "sector_exit_share": Triangular(0.33, 1 / 3, 0.34, "hand-made"),
            "vacancy_rate": Triangular(0.1, 0.1, 0.1, "hand-made"),
            "pay_elasticity": Triangular(0.3, 0.3, 0.3, "hand-made"),
        },
        spreads=Spreads(),
    )


def test_on_a_hand_made_case_turnover_moves_people_new_to_care_most_and_only_demand_moves_new_jobs(single_council):
    cal = _hand_made(single_council)
    swing = swing_draws(cal)
    assert swing is not None
    years = range(2022, 2025)
    compiled = compile_scenario(builtin_scenarios()["baseline"], cal.councils, years)
    r = run_scenario(cal, compiled, swing.draws, demand_growth(cal, "sfc", years), years, dtype=np.float64)
    rows = tornado("baseline", swing, area_draws(r), DECISION_MEASURES, ("E08000025", "R"), years, (2024,))
    new_to_care = [s for s in rows if s.measure == "people_new_to_care" and s.area == "R"]
    assert new_to_care[0].assumption == "turnover_level"
    assert new_to_care[0].at_low < new_to_care[0].central < new_to_care[0].at_high
    assert new_to_care[1].assumption == "sector_exit_share"
    assert 0 < new_to_care[1].swing < new_to_care[0].swing / 10
    # new jobs follow demand alone: nothing about leavers moves them
    assert all(s.swing == pytest.approx(0, abs=1e-9) for s in rows if s.measure == "new_jobs")
    # the central column is the hand-worked example at the medians: 100 posts, a third of 30 leavers exit,
    # and demand grows 10% a year against a 10% vacancy rate
    central = new_to_care[0].central
    assert central == pytest.approx(20 + 22, rel=0.02)


def test_every_run_carries_a_tornado_for_each_scenario_headline_area_and_milestone_year():
    shipped = builtin_scenarios()
    result = project([shipped["baseline"], shipped["pay-rise"]], to_year=2035, draws=20, seed=1)
    keys = {(s.scenario, s.measure, s.area, s.year) for s in result.sensitivity}
    assert ("pay-rise", "people_new_to_care", "E12000005", 2030) in keys
    assert ("baseline", "new_jobs", "E08000025", 2035) in keys
    region = [
        s
        for s in result.sensitivity
        if (s.scenario, s.measure, s.area, s.year) == ("baseline", "new_jobs", "E12000005", 2035)
    ]
    assert len(region) == len(SWUNG)
    assert [s.swing for s in region] == sorted((s.swing for s in region), reverse=True)
    # new jobs a decade ahead hang on demand: population, drift or the base count lead, not turnover
    assert region[0].assumption in ("drift", "population_error", "stock_factor")
    # the same tornado whatever the number of draws: it is worked out from the assumptions' own percentiles
    again = project([shipped["baseline"]], to_year=2035, draws=7, seed=99)
    first = [s for s in again.sensitivity if (s.measure, s.area, s.year) == ("new_jobs", "E12000005", 2035)]
    assert [(s.assumption, round(s.at_low), round(s.at_high)) for s in first] == [
        (s.assumption, round(s.at_low), round(s.at_high)) for s in region
    ]
