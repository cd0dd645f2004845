import numpy as np
import pytest

from careforce.domain.careers.pay import NOT_ENOUGH, typical_pay

BHAM, COV = "E08000025", "E08000026"


def test_pay_is_summarised_per_role_and_council_with_small_groups_suppressed() -> None:
    roles = np.array([8, 8, 8, 8, 52, 52, 8, 8])
    rates = np.array([12.0, 13.0, 12.5, 14.0, 12.6, 12.8, 12.2, 12.4])
    councils = np.array([BHAM, BHAM, BHAM, BHAM, BHAM, BHAM, COV, COV])
    groups = {(g.job_role, g.council_code): g for g in typical_pay(roles, rates, councils)}
    care_bham = groups[(8, BHAM)]
    assert (care_bham.vacancies, care_bham.median, care_bham.low, care_bham.high) == (4, 12.75, 12.0, 14.0)
    assert care_bham.range_kind == "lowest to highest"
    assert not care_bham.suppressed
    for key in [(52, BHAM), (8, COV)]:
        assert groups[key].suppressed
        assert groups[key].message == NOT_ENOUGH
        assert groups[key].median is None and groups[key].low is None
    assert list(groups) == [(8, BHAM), (8, COV), (52, BHAM)]


def test_exactly_three_vacancies_are_enough_to_show() -> None:
    (group,) = typical_pay(np.array([8, 8, 8]), np.array([12.0, 12.5, 13.5]), np.array([COV] * 3))
    assert (group.median, group.low, group.high) == (12.5, 12.0, 13.5)


def test_adverts_without_pay_do_not_count_towards_the_three() -> None:
    (group,) = typical_pay(np.array([8, 8, 8]), np.array([12.0, np.nan, 13.0]), np.array([COV] * 3))
    assert group.vacancies == 2
    assert group.suppressed


def test_ten_or_more_vacancies_use_the_10th_to_90th_percentile() -> None:
    rates = np.array([11.0, 12.0, 12.0, 12.5, 12.5, 12.5, 13.0, 13.0, 14.0, 20.0])
    (group,) = typical_pay(np.full(10, 8), rates)
    assert group.council_code is None
    assert group.median == 12.5
    assert group.range_kind == "10th to 90th percentile"
    assert group.low == pytest.approx(11.9)
    assert group.high == pytest.approx(14.6)  # the one £20 advert does not stretch the range


def test_arrays_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError):
        typical_pay(np.array([8, 8]), np.array([12.0]))


def test_no_vacancies_gives_no_groups() -> None:
    assert typical_pay(np.array([], dtype=int), np.array([]), np.array([], dtype=str)) == []


def test_an_hourly_rate_a_year_is_the_rate_times_the_hours_times_365_over_7_weeks() -> None:
    from careforce.domain.careers.pay import yearly_equivalent

    # 12.71 x 37.5 x 52.142857 = 24,852.86
    assert yearly_equivalent(12.71, 37.5) == 24_853
    assert yearly_equivalent(12.85, 30) == 20_101
