"""Dated workplace returns: today's stated totals and vacancies, and past year ends for the demo."""

from datetime import date

import pytest

from careforce.intelligence.history import record_returns
from careforce.intelligence.models import ReturnVacancy, WorkplaceReturn
from careforce.workforce.models import Vacancy, Workplace

pytestmark = pytest.mark.django_db
AS_OF = date(2026, 11, 1)


def test_the_demo_region_has_a_return_for_today_and_each_past_year_end_its_records_cover():
    # the demo's records hold leavers for 3 years, so returns are derived for 3 past year ends, no more
    days = sorted(set(WorkplaceReturn.objects.values_list("as_of", flat=True)))
    assert days == [date(y, 11, 1) for y in range(2023, 2027)]
    today = WorkplaceReturn.objects.filter(as_of=AS_OF)
    assert today.count() == Workplace.objects.filter(total_perm_temp__isnull=False).count()
    assert not today.filter(derived_from_records=True).exists()
    assert not WorkplaceReturn.objects.filter(as_of__lt=AS_OF, vacancies_known=True).exists()


def test_recording_returns_again_replaces_the_days_returns_with_the_current_vacancies():
    place = Workplace.objects.filter(total_perm_temp__isnull=False).first()
    Vacancy.objects.create(workplace=place, job_role=10, number_of_posts=3, posted_on=AS_OF)  # type: ignore[misc]
    before = sum(
        ReturnVacancy.objects.filter(
            workplace_return__workplace=place, workplace_return__as_of=AS_OF, job_role=10
        ).values_list("vacancies", flat=True)
    )
    record_returns(AS_OF)
    stated = WorkplaceReturn.objects.get(workplace=place, as_of=AS_OF)
    assert stated.total_perm_temp == place.total_perm_temp
    assert stated.vacancies.get(job_role=10).vacancies == before + 3
