"""The demo's vacancies pay each role what the demo's own staff in that role are paid, and read like
real adverts: a description, duties and a shift pattern, varied from one to the next."""

from datetime import date

import numpy as np
import pytest

from careforce.domain.demo import generate, national_living_wage
from careforce.domain.demo.vacancies import staff_hourly_pay

AS_OF = date(2026, 11, 1)
CARE_WORKER, REGISTERED_MANAGER, DEPUTY_MANAGER, SENIOR_MANAGEMENT = 8, 4, 43, 1


@pytest.fixture(scope="module")
def region():
    return generate("small", seed=11, as_of=AS_OF)


def _median(values) -> float:  # type: ignore[no-untyped-def]
    return float(np.median(values))


def test_each_role_is_paid_what_the_demo_staff_in_that_role_are_paid(region):
    v, staff = region.vacancies, region.staff
    staff_pay = staff_hourly_pay(staff, 37.5)
    for role in (CARE_WORKER, REGISTERED_MANAGER):
        advertised = v.hourly_rate[v.job_role == role]
        paid = staff_pay[staff.main_job_role == role]
        assert len(advertised) >= 3
        assert _median(advertised) == pytest.approx(_median(paid), rel=0.06)
    managers = v.hourly_rate[v.job_role == REGISTERED_MANAGER]
    carers = v.hourly_rate[v.job_role == CARE_WORKER]
    # a registered manager is not advertised at care worker pay (42,000 a year is about £21.50 an hour)
    assert _median(managers) > 1.3 * _median(carers)


def test_every_vacancy_states_pay_at_or_above_the_national_living_wage(region):
    rates = region.vacancies.hourly_rate
    assert not np.isnan(rates).any()
    assert rates.min() >= national_living_wage(AS_OF) == 12.71


def test_salaried_posts_are_full_time_and_guaranteed(region):
    v = region.vacancies
    salaried = np.isin(v.job_role, [REGISTERED_MANAGER, DEPUTY_MANAGER, SENIOR_MANAGEMENT])
    assert salaried.any()
    assert (v.contracted_hours[salaried] == 37.5).all()
    assert (v.pattern[salaried] == 0).all()
    assert v.guaranteed_hours[salaried].all()


def test_adverts_have_varied_descriptions_duties_and_shift_patterns(region):
    words, n = region.vacancies.words, len(region.vacancies.workplace)
    assert len(words.description) == len(words.duties) == len(words.shift_pattern) == n
    assert all(words.description) and all(words.duties) and all(words.shift_pattern)
    assert len(set(words.description)) > 0.9 * n  # hardly two the same
    assert all(4 <= len(d.splitlines()) <= 5 for d in words.duties)
    names = region.workplaces.name
    assert all(names[w] in d for w, d in zip(region.vacancies.workplace, words.description, strict=True))
    assert "{" not in "".join(words.description)


def test_a_care_workers_duties_come_from_the_care_worker_profile_and_a_managers_from_their_own(region):
    v = region.vacancies
    carer = v.words.duties[int(np.flatnonzero(v.job_role == CARE_WORKER)[0])]
    manager = v.words.duties[int(np.flatnonzero(v.job_role == REGISTERED_MANAGER)[0])]
    assert carer != manager
    assert not set(carer.splitlines()) & set(manager.splitlines())
