"""The demo region's vacancies: where, which roles, what they pay and what their adverts say.

* How many: the published vacancy rate (``[vacancies] rate`` in parameters.toml) over each workplace's staff.
* Which roles: drawn from the workplace's own staff, so a care home advertises the roles it employs.
* Pay, by role, from the demo's own staff pay (``[vacancies] pay_from`` in parameters.toml): each vacancy
  pays what a member of staff in the same role at the same workplace is paid, their annual salary turned
  into an hourly rate over ``WEEKS_PER_YEAR`` weeks of the vacancy's hours for salaried roles, never
  below the National Living Wage. So a registered manager's vacancy pays a registered manager's rate,
  and the public pay and roles pages, which summarise live vacancies, show each role's own pay.
* Words: a description, duties and a shift pattern made from ``data/careers/demo_vacancies.toml``
  (see :mod:`careforce.domain.demo.vacancy_text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray

from careforce.domain.metrics.definitions import WEEKS_PER_YEAR

from .people import DAY, SALARIED_ROLES, Workers, national_living_wage
from .vacancy_text import VacancyWords, write_vacancies
from .workplaces import Workplaces

HOME_SERVICES = (8, 10, 12, 55, 73)  # main services whose staff travel between people's homes
FULL_TIME, PART_TIME = 0, 1


@dataclass
class Vacancies:
    workplace: NDArray[np.int64]
    job_role: NDArray[np.int64]
    number_of_posts: NDArray[np.int64]
    hourly_rate: NDArray[np.float64]
    contracted_hours: NDArray[np.float64]
    pattern: NDArray[np.int64]  # 0 full time, 1 part time, 2 school hours, 3 nights, 4 weekends
    requires_driving_licence: NDArray[np.bool_]
    requires_car: NDArray[np.bool_]
    travel_time_paid: NDArray[np.bool_]
    offers_visa_sponsorship: NDArray[np.bool_]
    guaranteed_hours: NDArray[np.bool_]
    posted_on: NDArray[np.datetime64]
    closing_date: NDArray[np.datetime64]
    is_published: NDArray[np.bool_]
    words: VacancyWords


def staff_hourly_pay(staff: Workers, hours_a_week: float) -> NDArray[np.float64]:
    """Each member of staff's pay as an hourly rate: their hourly rate, or their annual salary over
    ``WEEKS_PER_YEAR`` weeks of ``hours_a_week`` hours."""
    from_salary = staff.annual_salary / (WEEKS_PER_YEAR * hours_a_week)
    rates: NDArray[np.float64] = np.where(np.isnan(staff.hourly_rate), from_salary, staff.hourly_rate)
    return rates


def make_vacancies(
    p: dict[str, Any], places: Workplaces, staff: Workers, as_of: date, rng: np.random.Generator
) -> Vacancies:
    rate = float(p["vacancies"]["rate"])
    full_time_hours = float(p["contracts"]["full_time_hours"])
    # vacancy rate = vacancies / (staff + vacancies)  =>  vacancies = staff * rate / (1 - rate)
    expected = places.staff * rate / (1 - rate)
    posts = rng.poisson(expected)
    staff_pay = staff_hourly_pay(staff, full_time_hours)
    rows_workplace, rows_role, rows_posts, rows_pay = [], [], [], []
    # staff.workplace is sorted, so each workplace's staff are one slice
    bounds = np.searchsorted(staff.workplace, np.arange(len(places) + 1))
    for w in np.flatnonzero(posts):
        start = int(bounds[w])
        roles = staff.main_job_role[start : bounds[w + 1]]
        chosen = rng.choice(len(roles), size=int(posts[w]))
        for role, count in zip(*np.unique(roles[chosen], return_counts=True), strict=True):
            colleagues = start + np.flatnonzero(roles == role)
            rows_workplace.append(w)
            rows_role.append(int(role))
            rows_posts.append(int(count))
            rows_pay.append(float(staff_pay[rng.choice(colleagues)]))
    workplace = np.array(rows_workplace, dtype=np.int64)
    role = np.array(rows_role, dtype=np.int64)
    n = len(workplace)
    salaried = np.isin(role, list(SALARIED_ROLES))
    at_home = np.isin(places.main_service[workplace], HOME_SERVICES)
    pattern = rng.choice(5, size=n, p=[0.4, 0.3, 0.1, 0.1, 0.1]).astype(np.int64)
    pattern[salaried] = FULL_TIME  # salaried posts are full-time posts
    part_time_hours = np.round(rng.uniform(16, 30, n))
    hours = np.where(salaried | (pattern == FULL_TIME), full_time_hours, part_time_hours)
    nlw = national_living_wage(as_of)
    hourly = np.maximum(np.round(np.array(rows_pay, dtype=np.float64), 2), nlw)
    today = np.datetime64(as_of, "D")
    posted = today - rng.integers(0, 60, size=n) * DAY
    driving = at_home & (rng.random(n) < 0.8)
    return Vacancies(
        workplace=workplace,
        job_role=role,
        number_of_posts=np.array(rows_posts, dtype=np.int64),
        hourly_rate=hourly,
        contracted_hours=hours,
        pattern=pattern,
        requires_driving_licence=driving,
        requires_car=driving & (rng.random(n) < 0.7),
        travel_time_paid=at_home & (rng.random(n) < 0.5),
        offers_visa_sponsorship=rng.random(n) < 0.1,
        guaranteed_hours=salaried | (rng.random(n) < 0.6),
        posted_on=posted,
        closing_date=posted + rng.integers(21, 75, size=n) * DAY,
        is_published=rng.random(n) < float(p["vacancies"]["published_share"]),
        words=write_vacancies(places, workplace, role, pattern, rng),
    )
