import numpy as np
import pytest

from careforce.domain.careers.distance import miles_within
from careforce.domain.careers.matching import (
    NO_SOFT_SIGNALS,
    CandidateProfile,
    MatchWeights,
    RankedMatch,
    SoftSignals,
    rank,
    self_assessment_signals,
    soft_order,
    soft_reasons,
)
from careforce.domain.careers.self_assessment import questions, score
from careforce.domain.careers.vacancies import HoursPattern, VacancyIndex

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


# Soft signals in job search: a saved self-assessment result nudges the distance order.


def saved_answers(choice: int) -> dict[str, str]:
    return {q.id: q.options[choice].id for q in questions()}


def test_a_saved_self_assessment_gives_the_roles_that_fit_it() -> None:
    answers = saved_answers(1)
    signals = self_assessment_signals(answers)
    assert signals.self_assessment_roles == score(answers).job_roles
    assert 8 in signals.self_assessment_roles  # care worker, for these answers
    assert signals


def test_no_saved_result_or_answers_that_no_longer_fit_the_questions_give_no_signal() -> None:
    assert not self_assessment_signals(None)
    assert not self_assessment_signals({})
    assert not self_assessment_signals({"a-question-since-removed": "yes"})
    assert not self_assessment_signals(saved_answers(0))  # answers that fit no role


def test_a_fitting_role_counts_as_two_miles_nearer_in_distance_order() -> None:
    jobs = index(vacancy(1, 2.0, job_role=52), vacancy(2, 3.5, job_role=8), vacancy(3, 4.5, job_role=8))
    fits_care_work = SoftSignals(frozenset({8}))
    # the care worker job at 3.5 miles scores 1.5 and goes ahead of the support worker job at 2 miles;
    # the one at 4.5 miles scores 2.5 and stays behind it
    assert ids_in_order(jobs, fits_care_work) == [2, 1, 3]
    assert ids_in_order(jobs, NO_SOFT_SIGNALS) == [1, 2, 3]
    assert ids_in_order(jobs, SoftSignals(frozenset({8}), MatchWeights(self_assessment_miles=0.0))) == [1, 2, 3]


def test_equal_scores_go_to_the_nearer_job() -> None:
    jobs = index(vacancy(1, 3.0, job_role=52), vacancy(2, 5.0, job_role=8))
    assert ids_in_order(jobs, SoftSignals(frozenset({8}))) == [1, 2]


def test_the_reason_is_given_only_for_a_fitting_role() -> None:
    signals = SoftSignals(frozenset({8, 34}))
    assert soft_reasons(8, signals) == ("suits the strengths from your 'Is care right for me?' answers",)
    assert soft_reasons(52, signals) == ()
    assert soft_reasons(8, NO_SOFT_SIGNALS) == ()


def ids_in_order(jobs: VacancyIndex, signals: SoftSignals) -> list[int]:
    positions, miles = miles_within(HOME.latitude, HOME.longitude, jobs.latitude, jobs.longitude, 10.0)
    newest_first = -jobs.posted_on[positions].astype(np.int64)
    order = soft_order(miles, newest_first, jobs.id[positions], jobs.job_role[positions], signals)
    return [int(i) for i in jobs.id[positions][order]]
