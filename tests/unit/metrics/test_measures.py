"""Hand-worked examples for every measure: tiny facts whose answers can be checked on paper.

Reference date 31 March 2026 throughout, so "the 12 months" run from 1 April 2025 to 31 March 2026."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from careforce.domain.metrics import CONFIDENTIAL, Split, build_table, measure
from careforce.domain.metrics.facts import AreaFacts
from careforce.domain.metrics.presentation import NO_RETURNS
from careforce.domain.metrics.tables import MeasureTable

from .builders import COVENTRY, area

REF = date(2026, 3, 31)


def table(measure_id: str, facts: AreaFacts, by: Split = Split.NONE, ref: date = REF) -> MeasureTable:
    return build_table(measure(measure_id), facts, COVENTRY, by, ref)


def cell(t: MeasureTable, heading: str, row: int = 0) -> Any:
    return t.rows[row][t.headings.index(heading)]


def many(n: int, **fields: Any) -> list[dict[str, Any]]:
    return [dict(fields) for _ in range(n)]


def test_filled_posts_count_current_records_on_every_contract_but_agency() -> None:
    facts = area(
        many(5, contract_type=1)
        + many(1, contract_type=2)
        + many(1, contract_type=3)
        + many(1, contract_type=4)  # agency: not a filled post
        + many(1, left_on="2026-01-01")  # left before the date
        + many(1, start_date="2026-04-15")
    )  # not started yet
    assert cell(table("filled_posts", facts), "Filled posts") == 7


def test_headcount_counts_a_person_with_two_jobs_once() -> None:
    facts = area(many(2, person_id=10) + [{"person_id": i} for i in range(11, 15)] + many(2, person_id=-1))
    t = table("headcount", facts)
    assert cell(t, "People") == 7  # person 10 once, four others, two without an identifier
    assert cell(table("filled_posts", facts), "Filled posts") == 8


def test_fte_uses_contracted_or_average_hours_over_37_5_capped_at_one() -> None:
    nan = float("nan")
    facts = area(
        [
            {"contracted_hours": 37.5},  # 1.0
            {"contracted_hours": 18.75},  # 0.5
            {"contracted_hours": 45.0},  # capped at 1.0
            {"contract_type": 3, "contracted_hours": nan, "average_hours": 15.0},  # bank: 0.4
            {"zero_hours": 1, "contracted_hours": 0.0, "average_hours": 7.5},  # zero hours: 0.2
            {"contracted_hours": nan, "average_hours": nan},  # no hours: left out
        ]
    )
    t = table("fte", facts)
    assert cell(t, "Staff records with hours") == 5
    assert cell(t, "Full-time equivalent") == pytest.approx(3.1)


def _turnover_workplace(wp: int, staff: int, leavers: int) -> list[dict[str, Any]]:
    return many(staff, workplace_id=wp) + many(leavers, workplace_id=wp, left_on="2025-06-01")


def test_turnover_is_perm_and_temp_leavers_in_the_12_months_over_perm_and_temp_staff() -> None:
    rows = (
        _turnover_workplace(1, 20, 5)
        + many(1, left_on="2025-03-01")  # left before the 12 months
        + many(1, left_on="2025-06-01", contract_type=3)
    )  # bank leaver: not counted
    t = table("turnover_rate", area(rows))
    assert (cell(t, "Leavers in the 12 months"), cell(t, "Permanent and temporary staff")) == (5, 20)
    assert cell(t, "Turnover rate (%)") == 25.0
    assert t.sentence.startswith("In Coventry, 25.0% of staff left in the 12 months to 31 March 2026.")


WORKPLACES = ((1, 2, 6, COVENTRY), (2, 8, 6, COVENTRY))


def test_a_workplace_whose_staff_records_do_not_match_its_stated_total_is_left_out_of_turnover() -> None:
    rows = _turnover_workplace(1, 20, 5) + _turnover_workplace(2, 6, 2)
    earlier = [(1, "2025-03-31", 20, True), (2, "2025-03-31", 6, True)]
    matched = area(rows, WORKPLACES, returns=[*earlier, (1, "2026-03-31", 20, True), (2, "2026-03-31", 6, True)])
    mismatched = area(rows, WORKPLACES, returns=[*earlier, (1, "2026-03-31", 20, True), (2, "2026-03-31", 7, True)])
    assert cell(table("turnover_rate", matched), "Turnover rate (%)") == pytest.approx(100 * 7 / 26, abs=0.05)
    t = table("turnover_rate", mismatched)
    assert cell(t, "Turnover rate (%)") == 25.0
    assert any(note.startswith("1 of 2 workplaces in the area are left out") for note in t.footnotes)


def test_the_stated_total_is_compared_with_the_records_held_on_the_date_of_the_return() -> None:
    # 20 staff on 1 January 2026 when the return was made; one more joined in February
    rows = _turnover_workplace(1, 20, 5) + many(1, start_date="2026-02-01")
    facts = area(rows, returns=[(1, "2025-01-01", 20, True), (1, "2026-01-01", 20, True)])
    assert cell(table("turnover_rate", facts), "Permanent and temporary staff") == 21


def test_vacancy_rate_is_vacancies_over_staff_plus_vacancies_from_each_latest_usable_return() -> None:
    workplaces = WORKPLACES + ((3, 1, 1, COVENTRY),)
    rows = many(20, workplace_id=1) + many(6, workplace_id=2) + many(8, workplace_id=3)
    returns = [
        (1, "2025-01-01", 20, True),
        (1, "2026-03-31", 20, True),
        (2, "2026-03-31", 6, False),  # vacancies not known: left out
        (3, "2026-03-31", 9, True),
    ]  # staff records do not match: left out
    vacancies = [
        (1, "2025-01-01", 8, 30),  # an older return: not used
        (1, "2026-03-31", 8, 4),
        (1, "2026-03-31", 7, 1),
        (2, "2026-03-31", 8, 50),
        (3, "2026-03-31", 8, 9),
    ]
    t = table("vacancy_rate", area(rows, workplaces, returns, vacancies))
    assert (cell(t, "Vacancies"), cell(t, "Posts (staff plus vacancies)")) == (5, 25)
    assert cell(t, "Vacancy rate (%)") == 20.0


def test_a_return_more_than_two_years_old_is_not_used() -> None:
    facts = area(many(20), returns=[(1, "2024-03-30", 20, True)], vacancies=[(1, "2024-03-30", 8, 5)])
    t = table("vacancy_rate", facts)
    assert cell(t, "Vacancy rate (%)") is NO_RETURNS


def test_starters_from_within_the_sector_use_recsource_1_2_and_8_over_starters_with_a_known_source() -> None:
    new = {"start_date": "2025-09-01"}
    rows = (
        [{**new, "recruitment_source": s} for s in (1, 1, 2, 2, 8, 8)]
        + [{**new, "recruitment_source": s} for s in (5, 5, 10, 18)]
        + [{**new, "recruitment_source": s} for s in (16, 0, 0)]  # not known: left out
        + [{**new, "recruitment_source": 1, "contract_type": 4}]  # agency: left out
        + [{"recruitment_source": 1}]
    )  # started years ago
    t = table("starters_from_sector", area(rows))
    assert (cell(t, "Starters from within the sector"), cell(t, "Starters with previous job known")) == (6, 10)
    assert cell(t, "From within the sector (%)") == 60.0


def test_median_hourly_pay_converts_salaries_and_compares_with_the_national_living_wage() -> None:
    salary_for_15_an_hour = 15 * 37.5 * 365 / 7
    rows = [{"hourly_rate": r} for r in (11.0, 12.0, 13.0, 14.0)] + [{"annual_salary": salary_for_15_an_hour}]
    rows += [{}]  # pay not recorded
    t = table("median_hourly_pay", area(rows))
    assert cell(t, "Staff with pay recorded") == 5
    assert cell(t, "Median hourly pay (£)") == 13.0
    assert cell(t, "Difference from National Living Wage (£)") == pytest.approx(13.0 - 12.21)  # April 2025 rate
    assert "£0.79 above the National Living Wage" in t.sentence
    later = table("median_hourly_pay", area(rows), ref=date(2026, 4, 30))
    assert cell(later, "Difference from National Living Wage (£)") == pytest.approx(13.0 - 12.71)


def test_zero_hours_share_is_of_staff_whose_answer_is_recorded() -> None:
    rows = many(6, zero_hours=1) + many(4, zero_hours=2) + many(2, zero_hours=999)
    t = table("zero_hours_share", area(rows))
    assert (cell(t, "On zero-hours contracts"), cell(t, "Staff with answer recorded")) == (6, 10)
    assert cell(t, "Zero-hours (%)") == 60.0


def test_aged_55_and_over_counts_a_55th_birthday_on_the_date_itself() -> None:
    rows = (
        many(4, date_of_birth="1960-01-01")
        + many(1, date_of_birth="1971-03-31")  # 55 today
        + many(1, date_of_birth="1971-04-01")  # 54 until tomorrow
        + many(4, date_of_birth="1995-06-15")
        + many(2)
    )  # no date of birth
    t = table("aged_55_plus", area(rows))
    assert (cell(t, "Aged 55 and over"), cell(t, "Staff with age recorded")) == (5, 10)
    assert cell(t, "Aged 55 and over (%)") == 50.0


def test_qualified_to_level_2_counts_care_providing_staff_who_answered() -> None:
    rows = (
        [{"social_care_qualification": 1, "social_care_qualification_level": lv} for lv in (2, 2, 2, 3, 3, 1, 1)]
        + many(3, social_care_qualification=2)
        + [{"social_care_qualification": 1, "social_care_qualification_level": 999}]  # level not known
        + many(1, social_care_qualification=999)
        + [{"job_role": 25, "social_care_qualification": 1, "social_care_qualification_level": 3}]
    )  # admin
    t = table("qualified_level_2", area(rows))
    assert (cell(t, "Qualified to level 2 or above"), cell(t, "Care-providing staff with answer recorded")) == (5, 10)
    assert cell(t, "Level 2 or above (%)") == 50.0


def test_sickness_is_the_mean_of_recorded_days() -> None:
    rows = [{"days_sick": d} for d in (0.0, 2.0, 4.0, 6.0, 8.0)] + [{}]
    t = table("sickness_days", area(rows))
    assert (cell(t, "Staff with sickness recorded"), cell(t, "Mean days sick")) == (5, 4.0)


def test_a_mean_of_fewer_than_5_people_is_suppressed() -> None:
    t = table("sickness_days", area([{"days_sick": d} for d in (1.0, 2.0, 3.0, 4.0)]))
    assert cell(t, "Mean days sick") is CONFIDENTIAL


def test_gender_shares_are_of_all_staff_and_a_small_group_is_protected() -> None:
    rows = many(6, gender=2) + many(5, gender=1) + many(1, gender=4)
    t = table("gender", area(rows))
    assert (cell(t, "All staff"), cell(t, "Female"), cell(t, "Female (%)")) == (12, 6, 50.0)
    assert cell(t, "Other") is CONFIDENTIAL
    assert cell(t, "Male") is CONFIDENTIAL  # otherwise Other = 12 - 6 - Male - 0
    assert cell(t, "Not known") == 0
    assert t.sentence.startswith("In Coventry, 50.0% of staff were female on 31 March 2026.")


def test_a_rate_with_a_small_denominator_is_suppressed_with_its_counts() -> None:
    t = table("zero_hours_share", area(many(2, zero_hours=1) + many(2, zero_hours=2)))
    assert [cell(t, h) for h in ("On zero-hours contracts", "Staff with answer recorded", "Zero-hours (%)")] == [
        CONFIDENTIAL,
        CONFIDENTIAL,
        CONFIDENTIAL,
    ]
    assert "not shown because it is about fewer than 5 people" in t.sentence


def test_the_trend_is_the_same_measure_at_earlier_year_ends() -> None:
    rows = (
        many(10, start_date="2018-01-01")
        + many(5, start_date="2018-01-01", left_on="2024-10-01")
        + many(5, start_date="2025-01-01")
    )
    returns = [(1, "2024-03-31", 15, True), (1, "2025-03-31", 15, True), (1, "2026-03-31", 15, True)]
    t = table("turnover_rate", area(rows, returns=returns), by=Split.TREND)
    assert [r[0] for r in t.rows][-2:] == ["12 months to 31 March 2025", "12 months to 31 March 2026"]
    # on 31 March 2025: ten long-serving and five January 2025 starters; five had left in October 2024
    assert cell(t, "Turnover rate (%)", row=-2) == pytest.approx(round(100 * 5 / 15, 1))
    assert cell(t, "Turnover rate (%)", row=-1) == 0.0
    assert cell(t, "Turnover rate (%)", row=0) is NO_RETURNS  # no return before 2024: not zero
    # the 12 months to 31 March 2024 end at the first return but do not start at one: leavers before it
    # are not on record, so it is "no returns", not 0.0%
    assert [cell(t, "Turnover rate (%)", row=r) for r in (1, 2)] == [NO_RETURNS, NO_RETURNS]
    assert any(note.startswith("no returns: no workplace in the area had made a return") for note in t.footnotes)
    assert (
        "Figures for the 12 months from 1 April 2024 to 31 March 2025 come from the staff records of 1 workplaces"
        in (" ".join(t.footnotes))
    )


def test_turnover_leaves_out_a_workplace_whose_first_return_is_within_the_12_months() -> None:
    rows = _turnover_workplace(1, 20, 5) + _turnover_workplace(2, 6, 2)
    returns = [(1, "2025-03-31", 20, True), (1, "2026-03-31", 20, True), (2, "2026-03-31", 6, True)]
    t = table("turnover_rate", area(rows, WORKPLACES, returns=returns))
    assert (cell(t, "Leavers in the 12 months"), cell(t, "Permanent and temporary staff")) == (5, 20)
    alone = table("turnover_rate", area(_turnover_workplace(2, 6, 2), WORKPLACES, returns=returns[2:]))
    assert cell(alone, "Turnover rate (%)") is NO_RETURNS
    assert "figure for staff turnover rate in the 12 months to 31 March 2026 is not shown because no workplace" in (
        alone.sentence
    )
