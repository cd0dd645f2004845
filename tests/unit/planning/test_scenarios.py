from __future__ import annotations

import pytest

from careforce.domain.planning import ScenarioError, builtin_scenarios, load_scenario, project

GOOD = """name = "test"
title = "A test"

[[changes]]
parameter = "turnover_rate"
op = "multiply"
value = 0.9
roles = ["care_worker"]
from_year = 2026
ramp_years = 2
"""


def test_the_six_shipped_scenarios_load_with_baseline_first():
    shipped = builtin_scenarios()
    assert list(shipped)[0] == "baseline"
    assert {
        "baseline",
        "lower-turnover",
        "pay-rise",
        "prevention-reablement-shift",
        "international-recruitment-cap",
        "combined",
    } <= set(shipped)
    assert shipped["baseline"].changes == ()


def test_a_change_ramps_in_from_its_year():
    change = load_scenario(GOOD).changes[0]
    assert [change.ramp(y) for y in (2025, 2026, 2027, 2028)] == [0.0, 0.5, 1.0, 1.0]
    assert change.line == 4


@pytest.mark.parametrize(
    ("broken", "line", "words"),
    [
        (GOOD.replace('op = "multiply"', 'op = "times"'), 6, "op must be one of"),
        (GOOD.replace('"turnover_rate"', '"turnover"'), 5, "unknown parameter 'turnover'"),
        (GOOD.replace('["care_worker"]', '["carer"]'), 8, "unknown role 'carer'"),
        (GOOD.replace("value = 0.9", 'value = "lots"'), 7, "value must be a number"),
        (GOOD.replace("from_year = 2026", "from_year = 1999"), 9, "from_year"),
        (GOOD.replace("ramp_years = 2", "ramp_years = 2\ncolour = 3"), 11, "unknown key 'colour'"),
        (GOOD.replace('op = "multiply"', 'op = "set"').replace("0.9", "1.5"), 7, "is a share"),
        (GOOD.replace("value = 0.9", "value = "), 7, "not valid TOML"),
        (GOOD.replace('name = "test"', 'name = "Test Scenario"'), 1, "name must be"),
    ],
)
def test_scenario_files_with_errors_are_refused_naming_the_line(broken, line, words):
    with pytest.raises(ScenarioError) as err:
        load_scenario(broken)
    assert err.value.line == line
    assert f"line {line}" in str(err.value)
    assert words in str(err.value)


def test_a_missing_file_is_refused_with_its_name(tmp_path):
    with pytest.raises(ScenarioError, match="nope.toml"):
        load_scenario(tmp_path / "nope.toml")


@pytest.fixture(scope="module")
def shipped_result():
    return project(list(builtin_scenarios().values()), to_year=2035, draws=40, seed=3)


def test_lower_turnover_and_pay_rise_need_fewer_recruits_than_the_baseline(shipped_result):
    r = shipped_result
    base = r.value("baseline", "recruits_needed", 2035)
    assert r.value("lower-turnover", "recruits_needed", 2035) < base
    assert r.value("pay-rise", "recruits_needed", 2035) < base

    # fewer of the care workers in post leave (more are in post: the pay rise also draws recruits)
    def leaving_rate(scenario: str) -> float:
        leavers = r.value(scenario, "leavers", 2035, role="care_worker")
        return leavers / r.value(scenario, "filled_posts", 2034, role="care_worker")

    assert leaving_rate("pay-rise") < leaving_rate("baseline")
    assert r.value("pay-rise", "filled_posts", 2035) > r.value("baseline", "filled_posts", 2035)
    # the pay rise is for care roles only: registered nurses' turnover is untouched
    assert r.value("pay-rise", "leavers", 2023, role="registered_nurse") == pytest.approx(
        r.value("baseline", "leavers", 2023, role="registered_nurse"), rel=1e-5
    )


def test_supply_falls_short_in_the_baseline_and_more_so_under_the_recruitment_cap(shipped_result):
    r = shipped_result
    # recruitment capacity at the observed new-to-sector rate does not keep up with 65+ growth
    assert r.value("baseline", "vacancy_rate", 2035) > r.value("baseline", "vacancy_rate", 2022) + 0.02
    assert r.value("international-recruitment-cap", "unfilled_gap", 2035) > 1.2 * r.value(
        "baseline", "unfilled_gap", 2035
    )
    assert r.value("international-recruitment-cap", "recruits_needed", 2035) > r.value(
        "international-recruitment-cap", "new_to_sector_recruits", 2035
    )


def test_prevention_shift_moves_demand_from_care_workers_to_reablement(shipped_result):
    r = shipped_result
    s = "prevention-reablement-shift"
    assert r.value(s, "demand_posts", 2035, role="care_worker") < r.value(
        "baseline", "demand_posts", 2035, role="care_worker"
    )
    assert r.value(s, "demand_posts", 2035, role="support_and_outreach") > r.value(
        "baseline", "demand_posts", 2035, role="support_and_outreach"
    )
    assert r.value(s, "demand_posts", 2025) == pytest.approx(r.value("baseline", "demand_posts", 2025))


TURNOVER_FIVE = """name = "too-much"

[[changes]]
parameter = "turnover_rate"
op = "add"
value = 5
"""


def test_a_turnover_of_5_is_refused_naming_the_line(calibration):
    from careforce.domain.planning import ScenarioError, project
    from careforce.domain.planning.checks import check_scenario
    from careforce.domain.planning.scenarios import parse_scenario

    scenario = parse_scenario(TURNOVER_FIVE, source="too-much.toml")
    with pytest.raises(ScenarioError) as caught:
        check_scenario(scenario, calibration)
    assert caught.value.line == 3
    assert "too-much.toml, line 3: turnover_rate would reach" in str(caught.value)
    with pytest.raises(ScenarioError):
        project([scenario], to_year=2025, draws=5)
    doubled = parse_scenario(TURNOVER_FIVE.replace('"add"', '"multiply"').replace("5", "5"), source="x.toml")
    with pytest.raises(ScenarioError, match="line 3"):
        check_scenario(doubled, calibration)
    for shipped in builtin_scenarios().values():
        check_scenario(shipped, calibration)  # every shipped scenario stays within range
