import pytest

from careforce.domain.careers.matching import CandidateProfile, MatchWeights, RankedMatch, rank
from careforce.domain.careers.vacancies import HoursPattern

from .builders import HOME, index, vacancy

H = HoursPattern


def person(**kwargs: object) -> CandidateProfile:
    defaults: dict[str, object] = {"has_driving_licence": True, "has_car": True}
    defaults.update(kwargs)
    return CandidateProfile(place=HOME, **defaults)  # type: ignore[arg-type]


def matched(results: list[RankedMatch]) -> list[int]:
    return [r.vacancy_id for r in results if not r.excluded]


def excluded(results: list[RankedMatch]) -> dict[int, tuple[str, ...]]:
    return {r.vacancy_id: r.exclusion_reasons for r in results if r.excluded}


def test_nearer_vacancies_rank_first_and_far_ones_are_left_out() -> None:
    jobs = index(vacancy(1, 8), vacancy(2, 2), vacancy(3, 12), vacancy(4, 5))
    results = rank(person(max_travel_miles=10), jobs)
    assert matched(results) == [2, 4, 1]
    assert 3 not in [r.vacancy_id for r in results]


def test_someone_without_the_right_to_work_only_matches_jobs_offering_sponsorship() -> None:
    jobs = index(vacancy(1, 1), vacancy(2, 2, offers_visa_sponsorship=True))
    results = rank(person(has_right_to_work=False), jobs)
    assert matched(results) == [2]
    assert excluded(results) == {1: ("does not offer visa sponsorship, which you said you need",)}
    assert "offers visa sponsorship" in results[0].reasons


def test_right_to_work_means_sponsorship_does_not_matter() -> None:
    jobs = index(vacancy(1, 1), vacancy(2, 2, offers_visa_sponsorship=True))
    assert matched(rank(person(), jobs)) == [1, 2]


def test_jobs_needing_a_licence_or_car_are_excluded_for_people_without() -> None:
    jobs = index(
        vacancy(1, 1, requires_driving_licence=True, requires_car=True),
        vacancy(2, 2, requires_driving_licence=True),
        vacancy(3, 3),
    )
    no_licence = rank(person(has_driving_licence=False, has_car=False), jobs)
    assert matched(no_licence) == [3]
    assert excluded(no_licence) == {
        1: (
            "needs a driving licence, and you said you do not have one",
            "needs a car, and you said you do not have one",
        ),
        2: ("needs a driving licence, and you said you do not have one",),
    }
    assert "no car needed" in no_licence[0].reasons
    licence_no_car = rank(person(has_driving_licence=True, has_car=False), jobs)
    assert matched(licence_no_car) == [2, 3]


def test_hours_rules_for_contract_nights_weekends_and_school_hours() -> None:
    jobs = index(
        vacancy(1, 1, hours=H.FULL_TIME),
        vacancy(2, 2, hours=H.PART_TIME),
        vacancy(3, 3, hours=H.PART_TIME | H.NIGHTS),
        vacancy(4, 4, hours=H.PART_TIME | H.WEEKENDS),
        vacancy(5, 5, hours=H.PART_TIME | H.SCHOOL_HOURS),
        vacancy(6, 6, hours=H.FULL_TIME | H.PART_TIME),
    )
    part_time_days = rank(person(hours=H.PART_TIME), jobs)
    assert matched(part_time_days) == [2, 5, 6]
    assert excluded(part_time_days) == {
        1: ("is full-time only, and you are looking for part-time",),
        3: ("includes nights, which you did not say you can work",),
        4: ("includes weekends, which you did not say you can work",),
    }
    assert "matches your hours" in part_time_days[0].reasons
    school_run = rank(person(hours=H.PART_TIME | H.SCHOOL_HOURS), jobs)
    assert matched(school_run) == [5]
    assert excluded(school_run)[2] == ("is not in school hours",)
    anything = rank(person(hours=H.FULL_TIME | H.PART_TIME | H.NIGHTS | H.WEEKENDS), jobs)
    assert matched(anything) == [1, 2, 3, 4, 5, 6]


def test_no_hours_given_means_any_hours_and_no_hours_reason() -> None:
    jobs = index(vacancy(1, 1, hours=H.FULL_TIME | H.NIGHTS))
    results = rank(person(), jobs)
    assert matched(results) == [1]
    assert "matches your hours" not in results[0].reasons


def test_role_interest_moves_a_job_up_as_if_three_miles_nearer() -> None:
    jobs = index(vacancy(1, 2.0, job_role=8), vacancy(2, 4.5, job_role=52), vacancy(3, 5.5, job_role=52))
    results = rank(person(role_interests=frozenset({52})), jobs)
    # support worker at 4.5 miles scores 1.5, ahead of the care worker at 2 miles; at 5.5 it scores 2.5
    assert matched(results) == [2, 1, 3]
    assert results[0].reasons[:2] == ("4.5 miles away", "you said you'd like to be a support worker")
    assert results[0].score_miles == pytest.approx(1.5, abs=0.01)


def test_self_assessment_fit_is_a_smaller_nudge_than_role_interest() -> None:
    jobs = index(vacancy(1, 2.0, job_role=8), vacancy(2, 3.5, job_role=34), vacancy(3, 4.5, job_role=34))
    results = rank(person(self_assessment_roles=frozenset({34})), jobs)
    assert matched(results) == [2, 1, 3]
    assert "suits the strengths from your 'Is care right for me?' answers" in results[0].reasons
    assert any("an activities worker" in r for r in rank(person(role_interests=frozenset({34})), jobs)[0].reasons)


def test_weights_can_be_set_to_rank_by_distance_alone() -> None:
    jobs = index(vacancy(1, 2.0, job_role=8), vacancy(2, 4.5, job_role=52))
    results = rank(person(role_interests=frozenset({52})), jobs, weights=MatchWeights(0.0, 0.0))
    assert matched(results) == [1, 2]


def test_ties_are_broken_by_id() -> None:
    jobs = index(vacancy(30, 2.0), vacancy(10, 2.0), vacancy(20, 2.0))
    assert matched(rank(person(), jobs)) == [10, 20, 30]


def test_excluded_jobs_come_after_matches_and_can_be_left_out() -> None:
    jobs = index(vacancy(1, 1, requires_car=True), vacancy(2, 3))
    results = rank(person(has_car=False), jobs)
    assert [(r.vacancy_id, r.excluded) for r in results] == [(2, False), (1, True)]
    assert results[1].reasons == ("1 mile away",)
    assert [r.vacancy_id for r in rank(person(has_car=False), jobs, include_excluded=False)] == [2]


def test_limit_caps_the_matches() -> None:
    jobs = index(*(vacancy(i, i) for i in range(1, 8)))
    assert matched(rank(person(), jobs, limit=3)) == [1, 2, 3]


def test_travel_distance_must_be_positive() -> None:
    with pytest.raises(ValueError):
        person(max_travel_miles=0)
