import datetime as dt

import numpy as np
import pytest

from careforce.domain.careers.vacancies import HoursPattern, VacancyIndex, travel_time_paid_from_code

from .builders import index, vacancy


def test_a_vacancy_survives_the_round_trip_through_the_columns() -> None:
    record = vacancy(
        5,
        2.0,
        job_role=52,
        hourly_rate=None,
        hours=HoursPattern.PART_TIME | HoursPattern.WEEKENDS,
        requires_car=True,
        posted_on=dt.date(2026, 2, 3),
    )
    jobs = index(vacancy(1), record)
    assert len(jobs) == 2
    assert jobs.record(1) == record
    assert np.isnan(jobs.hourly_rate[1])


def test_columns_of_different_lengths_are_refused() -> None:
    jobs = index(vacancy(1), vacancy(2))
    columns = {name: getattr(jobs, name) for name in VacancyIndex.__dataclass_fields__}
    columns["requires_car"] = columns["requires_car"][:1]
    with pytest.raises(ValueError, match="requires_car"):
        VacancyIndex(**columns)


def test_hours_patterns_from_form_names_and_back() -> None:
    flag = HoursPattern.from_names(["part_time", "school_hours"])
    assert flag == HoursPattern.PART_TIME | HoursPattern.SCHOOL_HOURS
    assert flag.names() == ("part_time", "school_hours")
    assert HoursPattern.NIGHTS.label == "nights"
    with pytest.raises(KeyError):
        HoursPattern.from_names(["evenings"])


@pytest.mark.parametrize(("code", "paid"), [(1, True), (3, True), (5, False), (6, True), (999, False), (None, False)])
def test_ascwds_travel_time_pay_codes_map_to_travel_time_paid(code: int | None, paid: bool) -> None:
    assert travel_time_paid_from_code(code) is paid
