import dataclasses
import datetime as dt

import pytest

from careforce.domain.careers.matching import SoftSignals
from careforce.domain.careers.search import JobFilters, count, next_radius, search, search_page, widen_suggestions
from careforce.domain.careers.vacancies import HoursPattern, VacancyIndex

from .builders import HOME, index, vacancy

H = HoursPattern


def ids(index_: VacancyIndex, filters: JobFilters) -> list[int]:
    return [hit.vacancy_id for hit in search(index_, filters)]


def near(**kwargs: object) -> JobFilters:
    return JobFilters(place=HOME, **kwargs)  # type: ignore[arg-type]


def test_only_vacancies_within_the_radius_are_found_nearest_first() -> None:
    jobs = index(vacancy(1, 9.5), vacancy(2, 0.5), vacancy(3, 10.5), vacancy(4, -4.0))
    hits = search(jobs, near(radius_miles=10))
    assert [h.vacancy_id for h in hits] == [2, 4, 1]
    assert hits[0].distance_miles == pytest.approx(0.5, abs=0.01)
    assert ids(jobs, near(radius_miles=15)) == [2, 4, 1, 3]


def test_role_filter_keeps_only_the_chosen_roles() -> None:
    jobs = index(vacancy(1, job_role=8), vacancy(2, job_role=52), vacancy(3, job_role=7))
    assert ids(jobs, near(job_roles=frozenset({8, 52}))) == [1, 2]


def test_hours_filter_keeps_jobs_offering_any_chosen_pattern() -> None:
    jobs = index(
        vacancy(1, 1, hours=H.FULL_TIME),
        vacancy(2, 2, hours=H.PART_TIME | H.SCHOOL_HOURS),
        vacancy(3, 3, hours=H.FULL_TIME | H.NIGHTS),
        vacancy(4, 4, hours=H.PART_TIME | H.WEEKENDS),
    )
    assert ids(jobs, near(hours=H.SCHOOL_HOURS)) == [2]
    assert ids(jobs, near(hours=H.NIGHTS | H.WEEKENDS)) == [3, 4]
    assert ids(jobs, near(hours=H.PART_TIME)) == [2, 4]
    assert ids(jobs, near()) == [1, 2, 3, 4]


def test_pay_filter_drops_lower_pay_and_adverts_without_pay() -> None:
    jobs = index(vacancy(1, 1, hourly_rate=12.21), vacancy(2, 2, hourly_rate=13.0), vacancy(3, 3, hourly_rate=None))
    assert ids(jobs, near(min_hourly_rate=12.5)) == [2]
    assert ids(jobs, near(min_hourly_rate=13.0)) == [2]
    assert ids(jobs, near()) == [1, 2, 3]


def test_driving_licence_and_car_filters_drop_jobs_that_need_them() -> None:
    jobs = index(
        vacancy(1, 1),
        vacancy(2, 2, requires_driving_licence=True),
        vacancy(3, 3, requires_driving_licence=True, requires_car=True),
    )
    assert ids(jobs, near(without_driving_licence=True)) == [1]
    assert ids(jobs, near(without_car=True)) == [1, 2]


def test_travel_time_and_visa_filters_keep_only_jobs_that_offer_them() -> None:
    jobs = index(
        vacancy(1, 1, travel_time_paid=True),
        vacancy(2, 2, offers_visa_sponsorship=True),
        vacancy(3, 3, travel_time_paid=True, offers_visa_sponsorship=True),
    )
    assert ids(jobs, near(travel_time_paid=True)) == [1, 3]
    assert ids(jobs, near(visa_sponsorship=True)) == [2, 3]
    assert ids(jobs, near(travel_time_paid=True, visa_sponsorship=True)) == [3]


def test_newest_sort_puts_the_latest_adverts_first_with_distance_breaking_ties() -> None:
    jobs = index(
        vacancy(1, 1, posted_on=dt.date(2026, 1, 1)),
        vacancy(2, 5, posted_on=dt.date(2026, 1, 20)),
        vacancy(3, 3, posted_on=dt.date(2026, 1, 20)),
        vacancy(4, 2, posted_on=dt.date(2026, 1, 5)),
    )
    assert ids(jobs, near(sort="newest")) == [3, 2, 4, 1]
    assert ids(jobs, near(sort="distance")) == [1, 4, 3, 2]


def test_ties_on_distance_go_to_the_newest_then_the_lowest_id() -> None:
    jobs = index(
        vacancy(9, 2, posted_on=dt.date(2026, 1, 1)),
        vacancy(7, 2, posted_on=dt.date(2026, 1, 1)),
        vacancy(8, 2, posted_on=dt.date(2026, 1, 3)),
    )
    assert ids(jobs, near()) == [8, 7, 9]


def test_without_a_place_everything_is_searched_newest_first() -> None:
    jobs = index(vacancy(1, 80, posted_on=dt.date(2026, 1, 2)), vacancy(2, 1, posted_on=dt.date(2026, 1, 1)))
    hits = search(jobs, JobFilters())
    assert [h.vacancy_id for h in hits] == [1, 2]
    assert hits[0].distance_miles is None


def test_limit_and_offset_give_one_page_and_count_gives_the_total() -> None:
    jobs = index(*(vacancy(i, i * 0.5) for i in range(1, 11)))
    assert [h.vacancy_id for h in search(jobs, near(), limit=3, offset=3)] == [4, 5, 6]
    assert count(jobs, near()) == 10


@pytest.mark.parametrize(
    "bad", [{"radius_miles": 0}, {"radius_miles": 101}, {"min_hourly_rate": -1.0}, {"sort": "cheapest"}]
)
def test_impossible_filters_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        JobFilters(**bad)  # type: ignore[arg-type]


def test_next_radius_steps_up_through_the_offered_distances() -> None:
    assert next_radius(10) == 15
    assert next_radius(15) == 20
    assert next_radius(12) == 15
    assert next_radius(50) is None


def test_widen_suggestions_offer_every_relaxation_wider_distance_first() -> None:
    filters = near(
        radius_miles=15,
        min_hourly_rate=14.0,
        hours=H.NIGHTS,
        job_roles=frozenset({8}),
        travel_time_paid=True,
        visa_sponsorship=True,
        without_car=True,
    )
    suggestions = widen_suggestions(filters)
    texts = [s.text for s in suggestions]
    assert texts[0] == "Search up to 20 miles"
    assert "Remove the pay filter" in texts
    assert "Show all working hours" in texts
    assert "Show all job roles" in texts
    assert "Include jobs without visa sponsorship" in texts
    assert "Include jobs that need a car" in texts
    pay = next(s for s in suggestions if s.text == "Remove the pay filter")
    assert pay.filters == dataclasses.replace(filters, min_hourly_rate=None)


def test_widen_suggestions_with_an_index_count_and_keep_only_useful_ones() -> None:
    jobs = index(vacancy(1, 12, hourly_rate=12.0), vacancy(2, 3, hourly_rate=11.0), vacancy(3, 4, hourly_rate=12.0))
    filters = near(radius_miles=10, min_hourly_rate=13.0)
    assert search(jobs, filters) == []
    suggestions = widen_suggestions(filters, jobs)
    assert [(s.text, s.count) for s in suggestions] == [("Remove the pay filter", 2)]
    assert len(search(jobs, suggestions[0].filters)) == 2


def test_an_empty_search_at_the_widest_distance_does_not_offer_more_miles() -> None:
    assert widen_suggestions(near(radius_miles=50)) == []


def test_a_result_page_has_the_total_and_only_that_pages_hits() -> None:
    jobs = index(*(vacancy(i, i * 0.5) for i in range(1, 12)))
    page = search_page(jobs, near(), page=2, per_page=5)
    assert page.total == 11
    assert page.pages == 3
    assert [h.vacancy_id for h in page.hits] == [6, 7, 8, 9, 10]
    assert search_page(jobs, near(), page=4, per_page=5).hits == []
    with pytest.raises(ValueError):
        search_page(jobs, near(), page=0)


def test_a_saved_self_assessment_nudges_the_distance_order_but_never_what_is_found() -> None:
    jobs = index(
        vacancy(1, 2.0, job_role=52, posted_on=dt.date(2026, 1, 2)),
        vacancy(2, 3.5, job_role=8, posted_on=dt.date(2026, 1, 1)),
        vacancy(3, 12.0, job_role=8, posted_on=dt.date(2026, 1, 3)),
    )
    fits_care_work = SoftSignals(frozenset({8}))
    assert [h.vacancy_id for h in search_page(jobs, near(), soft=fits_care_work).hits] == [2, 1]
    assert [h.vacancy_id for h in search_page(jobs, near()).hits] == [1, 2]
    # sorted newest first, the order is the person's choice and is left alone
    assert [h.vacancy_id for h in search_page(jobs, near(sort="newest"), soft=fits_care_work).hits] == [1, 2]
    assert search_page(jobs, near(), soft=fits_care_work).total == 2
