"""An employer's vacancy pay: below the National Living Wage it is refused; far off the role's local range
it gets a warning they can accept."""

from datetime import date
from decimal import Decimal

from careforce.domain.careers.pay import PayGroup
from careforce.domain.careers.vacancy_pay import FAR_OFF_SHARE, check_vacancy_pay, living_wage_for

LOCAL = PayGroup(4, None, 12, 21.5, 20.0, 24.0, "10th to 90th percentile")
FEW = PayGroup(4, None, 4, 21.5, 20.0, 24.0, "lowest to highest")


def check(rate: str, local: PayGroup | None = LOCAL, saved_on: date = date(2026, 12, 7), closing: date | None = None):  # type: ignore[no-untyped-def]
    return check_vacancy_pay(
        Decimal(rate), saved_on=saved_on, closing_date=closing, role="registered manager", local=local, area="Coventry"
    )


def test_pay_below_the_national_living_wage_of_the_day_is_refused_whatever_the_local_pay():
    result = check("12.70", local=None)
    assert result.refusal == (
        "Hourly pay must be at least the National Living Wage, £12.71 an hour from 1 April 2026 "
        "for workers aged 21 and over"
    )
    assert result.warning is None
    assert check("12.71", local=None) == check("20.00", local=None)  # at the wage: fine


def test_the_wage_of_the_year_is_used():
    # £12.00 is above the National Living Wage of April 2024 (£11.44), below that of April 2025 (£12.21)
    assert check("12.00", local=None, saved_on=date(2024, 12, 1)).refusal is None
    assert check("12.00", local=None, saved_on=date(2025, 12, 1)).refusal is not None
    # saved in March 2026, closing in May: the April 2026 rate applies
    assert check("12.50", local=None, saved_on=date(2026, 3, 1)).refusal is None
    assert "£12.71" in (check("12.50", local=None, saved_on=date(2026, 3, 1), closing=date(2026, 5, 1)).refusal or "")
    assert living_wage_for(date(2015, 1, 1)) is None


def test_pay_far_below_or_above_the_local_range_gets_a_warning():
    below = check("13.00")
    assert below.refusal is None
    assert below.warning == (
        "£13.00 an hour is well below what most of the 12 registered manager vacancies in Coventry pay "
        "(£20.00 to £24.00 an hour). Check the hourly pay and the job role, or select that the pay is right"
    )
    assert "well above" in (check("30.00").warning or "")
    assert "the 4 registered manager vacancies" in (check("13.00", local=FEW).warning or "")


def test_pay_near_the_local_range_or_without_one_gets_no_warning():
    low_edge = Decimal(str(round(20.0 * (1 - FAR_OFF_SHARE), 2)))
    assert check(str(low_edge)).warning is None
    assert check("19.00").warning is None
    assert check("28.80").warning is None  # 24 x 1.2
    assert check("13.00", local=None).warning is None
    suppressed = PayGroup(4, None, 2, None, None, None, None)
    assert check("13.00", local=suppressed).warning is None
