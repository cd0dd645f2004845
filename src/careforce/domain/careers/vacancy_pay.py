"""The checks on the pay an employer puts on a vacancy.

* Below the National Living Wage in force (``reference.national_living_wage_on``) it is refused: on the
  day it is saved, and on its closing date when a higher rate will be in force by then.
* Far off what the same role pays locally (``FAR_OFF_SHARE`` beyond the local range from
  :func:`careforce.domain.careers.pay.typical_pay`) it gets a warning the employer can accept: a typing
  slip (12.60 for 26.10) or a role chosen by mistake is caught, a deliberate rate is still allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from careforce.domain.careers.pay import PayGroup
from careforce.domain.careers.wording import count_of
from careforce.domain.reference import WageRate, national_living_wage_on

# How far outside the local range (its low end less this share, or its high end plus it) pay must be to be
# "far off". A setting of this service, not a published figure (docs/adr/0082): the local range is already
# the 10th to 90th percentile where there are 10 or more vacancies, so a fifth beyond it is unusual pay.
FAR_OFF_SHARE = 0.20


@dataclass(frozen=True)
class PayCheck:
    """``refusal``: why the pay cannot be saved (None if it can); ``warning``: what to confirm (None if nothing)."""

    refusal: str | None = None
    warning: str | None = None


def _pounds(amount: float | Decimal) -> str:
    return f"£{amount:,.2f}"


def living_wage_for(saved_on: date, closing_date: date | None = None) -> WageRate | None:
    """The highest National Living Wage in force from the day it is saved to its closing date."""
    rates = [
        r for r in (national_living_wage_on(saved_on), closing_date and national_living_wage_on(closing_date)) if r
    ]
    return max(rates, key=lambda r: r.hourly_rate, default=None)


def check_vacancy_pay(
    hourly_rate: Decimal,
    *,
    saved_on: date,
    closing_date: date | None,
    role: str,
    local: PayGroup | None,
    area: str,
) -> PayCheck:
    """Check an hourly rate for a vacancy in ``role`` (the job role's name, lower case), against the National
    Living Wage and the local range ``local`` for that role in ``area`` (a council's name, or the region)."""
    wage = living_wage_for(saved_on, closing_date)
    if wage is not None and hourly_rate < wage.hourly_rate:
        return PayCheck(
            refusal=(
                f"Hourly pay must be at least the National Living Wage, {_pounds(wage.hourly_rate)} an hour "
                f"from {wage.effective_from:%-d %B %Y} for workers aged {wage.minimum_age} and over"
            )
        )
    if local is None or local.suppressed or local.low is None or local.high is None:
        return PayCheck()
    rate = float(hourly_rate)
    if rate < round(local.low * (1 - FAR_OFF_SHARE), 2):  # bounds in whole pence
        where = "well below"
    elif rate > round(local.high * (1 + FAR_OFF_SHARE), 2):
        where = "well above"
    else:
        return PayCheck()
    usual = "most of the" if local.range_kind == "10th to 90th percentile" else "the"
    counted = count_of(local.vacancies, f"{role} vacancy", f"{role} vacancies")
    return PayCheck(
        warning=(
            f"{_pounds(hourly_rate)} an hour is {where} what {usual} {counted} in {area} pay "
            f"({_pounds(local.low)} to {_pounds(local.high)} an hour). Check the hourly pay and the job role, "
            "or select that the pay is right"
        )
    )
