"""Matching a person to live vacancies, with the reasons said in plain words.

The rules are published and deterministic (docs/adr/0042):

1. Hard filters exclude a vacancy, with a reason: the right to work in the UK (or visa sponsorship
   offered), a driving licence and a car where the job needs them, and the hours the person can work.
2. Distance orders what is left: nearer first, within how far the person will travel.
3. Softer signals move a vacancy up as if it were a few miles nearer: a role the person said they
   would like (``role_interest_miles``) and a role that fits their "Is care right for me?" result
   (``self_assessment_miles``).
4. Ties go to the nearer vacancy, then the lower id.

Job search (``search.search_positions``) applies the same rule 3 to a search sorted by distance, with
the soft signals a person chose to keep with us (``SoftSignals``: the roles that fit the
self-assessment result they saved); ``soft_order`` is that ordering and ``soft_reasons`` its words.

Hours, for a person: ``full_time``/``part_time`` say which contracts they want (a job must offer one
of them); ``nights`` and ``weekends`` say they can work them (a job that includes them is excluded
otherwise); ``school_hours`` says they need school-hours work. No hours at all means any hours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from careforce.domain.careers.content import role_profiles
from careforce.domain.careers.distance import describe_distance, miles_within
from careforce.domain.careers.postcodes import Place
from careforce.domain.careers.self_assessment import IncompleteAnswers, score
from careforce.domain.careers.vacancies import HoursPattern, VacancyIndex
from careforce.domain.reference import code_list

CONTRACT = HoursPattern.FULL_TIME | HoursPattern.PART_TIME
DEFAULT_MAX_TRAVEL_MILES = 10.0
SELF_ASSESSMENT_REASON = "suits the strengths from your 'Is care right for me?' answers"


@dataclass(frozen=True)
class CandidateProfile:
    place: Place
    max_travel_miles: float = DEFAULT_MAX_TRAVEL_MILES
    has_right_to_work: bool = True  # False: they need an employer that offers visa sponsorship
    has_driving_licence: bool = False
    has_car: bool = False
    hours: HoursPattern = HoursPattern(0)
    role_interests: frozenset[int] = frozenset()  # ASC-WDS job role codes they said they would like
    self_assessment_roles: frozenset[int] = frozenset()  # roles that fit their saved self-assessment

    def __post_init__(self) -> None:
        if self.max_travel_miles <= 0:
            raise ValueError("max_travel_miles must be more than 0")


@dataclass(frozen=True)
class MatchWeights:
    """How many miles nearer a soft signal makes a vacancy count."""

    role_interest_miles: float = 3.0
    self_assessment_miles: float = 2.0


@dataclass(frozen=True)
class RankedMatch:
    """One vacancy for one person. Excluded ones carry ``exclusion_reasons`` and no rank."""

    vacancy_id: int
    position: int
    distance_miles: float
    score_miles: float  # distance less the soft-signal bonuses; lower ranks higher
    reasons: tuple[str, ...]
    exclusion_reasons: tuple[str, ...] = ()

    @property
    def excluded(self) -> bool:
        return bool(self.exclusion_reasons)


def role_name(job_role: int) -> str:
    """The role in lower case for a sentence: our profile title, else the ASC-WDS label."""
    profile = role_profiles().get(job_role)
    label = profile.title if profile else code_list("job_roles").label(job_role)
    return label.lower()


def _with_article(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _hours_failures(hours: npt.NDArray[np.uint8], wanted: HoursPattern) -> dict[str, npt.NDArray[np.bool_]]:
    """For each hours rule the person's answers set, True where a vacancy breaks it."""
    failures: dict[str, npt.NDArray[np.bool_]] = {}
    if not wanted:
        return failures
    h = hours.astype(np.int64)
    wanted_contract = int(wanted & CONTRACT)
    if wanted_contract:
        offers_contract = (h & int(CONTRACT)) != 0
        failures["contract"] = offers_contract & ((h & wanted_contract) == 0)
    for pattern in (HoursPattern.NIGHTS, HoursPattern.WEEKENDS):
        if pattern not in wanted:
            failures[pattern.name or ""] = (h & int(pattern)) != 0
    if HoursPattern.SCHOOL_HOURS in wanted:
        failures["SCHOOL_HOURS"] = (h & int(HoursPattern.SCHOOL_HOURS)) == 0
    return failures


def _exclusion_text(rule: str, job_hours: HoursPattern, wanted: HoursPattern) -> str:
    if rule == "visa":
        return "does not offer visa sponsorship, which you said you need"
    if rule == "licence":
        return "needs a driving licence, and you said you do not have one"
    if rule == "car":
        return "needs a car, and you said you do not have one"
    if rule == "contract":
        offered = " or ".join(p.label for p in (HoursPattern.FULL_TIME, HoursPattern.PART_TIME) if p in job_hours)
        want = " or ".join(p.label for p in (HoursPattern.FULL_TIME, HoursPattern.PART_TIME) if p in wanted)
        return f"is {offered} only, and you are looking for {want}"
    if rule == "SCHOOL_HOURS":
        return "is not in school hours"
    return f"includes {HoursPattern[rule].label}, which you did not say you can work"


def rank(
    candidate: CandidateProfile,
    vacancies: VacancyIndex,
    *,
    weights: MatchWeights | None = None,
    include_excluded: bool = True,
    limit: int | None = None,
) -> list[RankedMatch]:
    """Vacancies within the person's travel distance: matches in rank order, then (optionally) excluded
    ones nearest first, each with its reasons. ``limit`` caps each of the two lists."""
    weights = MatchWeights() if weights is None else weights
    place = candidate.place
    positions, miles = miles_within(
        place.latitude, place.longitude, vacancies.latitude, vacancies.longitude, candidate.max_travel_miles
    )
    failures: dict[str, npt.NDArray[np.bool_]] = {}
    if not candidate.has_right_to_work:
        failures["visa"] = ~vacancies.offers_visa_sponsorship[positions]
    if not candidate.has_driving_licence:
        failures["licence"] = vacancies.requires_driving_licence[positions]
    if not candidate.has_car:
        failures["car"] = vacancies.requires_car[positions]
    failures.update(_hours_failures(vacancies.hours[positions], candidate.hours))
    excluded = np.zeros(positions.shape[0], dtype=np.bool_)
    for failed in failures.values():
        excluded |= failed

    roles = vacancies.job_role[positions]
    interest = np.isin(
        roles, np.fromiter(candidate.role_interests, dtype=np.int64, count=len(candidate.role_interests))
    )
    fits = np.isin(
        roles, np.fromiter(candidate.self_assessment_roles, dtype=np.int64, count=len(candidate.self_assessment_roles))
    )
    score = miles - weights.role_interest_miles * interest - weights.self_assessment_miles * fits
    ids = vacancies.id[positions]

    kept = np.flatnonzero(~excluded)
    kept = kept[np.lexsort((ids[kept], miles[kept], score[kept]))][:limit]
    out = [
        RankedMatch(
            int(ids[i]),
            int(positions[i]),
            float(miles[i]),
            float(score[i]),
            _reasons(candidate, vacancies, int(positions[i]), float(miles[i]), bool(interest[i]), bool(fits[i])),
        )
        for i in kept.tolist()
    ]
    if include_excluded:
        dropped = np.flatnonzero(excluded)
        dropped = dropped[np.lexsort((ids[dropped], miles[dropped]))][:limit]
        for i in dropped.tolist():
            job_hours = HoursPattern(int(vacancies.hours[positions[i]]))
            why = tuple(_exclusion_text(rule, job_hours, candidate.hours) for rule, f in failures.items() if f[i])
            reasons = (describe_distance(float(miles[i])),)
            out.append(RankedMatch(int(ids[i]), int(positions[i]), float(miles[i]), float(score[i]), reasons, why))
    return out


def _reasons(
    candidate: CandidateProfile, vacancies: VacancyIndex, position: int, miles: float, interest: bool, fits: bool
) -> tuple[str, ...]:
    reasons = [describe_distance(miles)]
    if candidate.hours:
        reasons.append("matches your hours")
    role = int(vacancies.job_role[position])
    if interest:
        reasons.append(f"you said you'd like to be {_with_article(role_name(role))}")
    if fits:
        reasons.append(SELF_ASSESSMENT_REASON)
    if not candidate.has_right_to_work and vacancies.offers_visa_sponsorship[position]:
        reasons.append("offers visa sponsorship")
    if (
        not candidate.has_car
        and not vacancies.requires_car[position]
        and not vacancies.requires_driving_licence[position]
    ):
        reasons.append("no car needed")
    return tuple(reasons)


@dataclass(frozen=True)
class SoftSignals:
    """What a person chose to keep with us that may order their search results (never filter them).

    ``self_assessment_roles``: ASC-WDS job role codes that fit the "Is care right for me?" result they
    saved. Empty means no signal: results are in plain distance order.
    """

    self_assessment_roles: frozenset[int] = frozenset()
    weights: MatchWeights = MatchWeights()

    def __bool__(self) -> bool:
        return bool(self.self_assessment_roles) and self.weights.self_assessment_miles != 0


NO_SOFT_SIGNALS = SoftSignals()


def self_assessment_signals(answers: Mapping[str, str] | None, weights: MatchWeights | None = None) -> SoftSignals:
    """Soft signals from saved self-assessment answers (question id to option id).

    No answers, or answers that no longer fit the questions (they were changed since), give no signal.
    """
    if not answers:
        return NO_SOFT_SIGNALS
    try:
        roles = score(answers).job_roles
    except IncompleteAnswers:
        return NO_SOFT_SIGNALS
    return SoftSignals(roles, MatchWeights() if weights is None else weights)


def soft_bonus_miles(job_roles: npt.NDArray[np.integer], signals: SoftSignals) -> npt.NDArray[np.float64]:
    """How many miles nearer each vacancy counts: ``self_assessment_miles`` where its role fits."""
    roles = signals.self_assessment_roles
    fits = np.isin(job_roles, np.fromiter(roles, dtype=np.int64, count=len(roles)))
    bonus = np.zeros(fits.shape, dtype=np.float64)
    bonus[fits] = signals.weights.self_assessment_miles
    return bonus


def soft_order(
    miles: npt.NDArray[np.float64],
    newest_first: npt.NDArray[np.int64],
    ids: npt.NDArray[np.int64],
    job_roles: npt.NDArray[np.integer],
    signals: SoftSignals,
) -> npt.NDArray[np.intp]:
    """The order of search results nearest first, soft signals counted as miles nearer.

    Sorted by score (distance less the bonus), then distance, then newest, then id. Without a signal
    this is plain distance order (distance, newest, id).
    """
    if not signals:
        return np.lexsort((ids, newest_first, miles))
    score_miles = miles - soft_bonus_miles(job_roles, signals)
    return np.lexsort((ids, newest_first, miles, score_miles))


def soft_reasons(job_role: int, signals: SoftSignals) -> tuple[str, ...]:
    """The soft signals a vacancy of this role meets, in words for "Why it is shown"."""
    if signals and job_role in signals.self_assessment_roles:
        return (SELF_ASSESSMENT_REASON,)
    return ()
