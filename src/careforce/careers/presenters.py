"""Turn vacancies and search hits into what a person reads: honest pay, the employer, how far."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from careforce.domain.careers.distance import describe_distance
from careforce.domain.careers.matching import role_name
from careforce.domain.careers.search import JobFilters
from careforce.domain.careers.vacancies import HOURS_PATTERNS, HoursPattern
from careforce.domain.reference import code_list


@dataclass(frozen=True)
class VacancyView:
    id: int
    title: str
    employer: str
    workplace: str
    place: str
    cqc_rating: str
    pay: str
    travel_time: str
    guaranteed_hours: str
    hours: str
    needs: str
    visa: str
    posts: int
    posted_on: Any
    closing_date: Any
    distance: str | None
    reasons: str | None


def _hours(vacancy: Any) -> HoursPattern:
    flag = HoursPattern(0)
    for pattern in HOURS_PATTERNS:
        if getattr(vacancy, (pattern.name or "").lower()):
            flag |= pattern
    return flag


def job_title(vacancy: Any) -> str:
    return vacancy.title or role_name(vacancy.job_role).capitalize()


def pay_text(vacancy: Any) -> str:
    if vacancy.hourly_rate is None:
        return "Pay not given: ask the employer"
    return f"£{float(vacancy.hourly_rate):,.2f} an hour"


def guaranteed_text(vacancy: Any) -> str:
    if vacancy.guaranteed_hours and vacancy.contracted_hours:
        return f"{float(vacancy.contracted_hours):g} hours a week guaranteed"
    if vacancy.guaranteed_hours:
        return "Hours guaranteed"
    if vacancy.contracted_hours:
        return f"About {float(vacancy.contracted_hours):g} hours a week, not guaranteed"
    return "Hours not guaranteed"


def present(vacancy: Any, distance_miles: float | None = None, filters: JobFilters | None = None) -> VacancyView:
    hours = _hours(vacancy)
    needs = [text for flag, text in ((vacancy.requires_driving_licence, "a driving licence"),
                                     (vacancy.requires_car, "a car")) if flag]
    workplace = vacancy.workplace
    distance = None if distance_miles is None else describe_distance(distance_miles)
    return VacancyView(
        id=vacancy.pk,
        title=job_title(vacancy),
        employer=workplace.organisation.name,
        workplace=workplace.name,
        place=", ".join(x for x in (workplace.post_town, workplace.council.name) if x),
        cqc_rating=workplace.cqc_rating or "Not recorded",
        pay=pay_text(vacancy),
        travel_time="Travel time is paid" if vacancy.travel_time_paid else "Travel time is not paid",
        guaranteed_hours=guaranteed_text(vacancy),
        hours=", ".join(p.label for p in HOURS_PATTERNS if p in hours).capitalize() or "Not given",
        needs=("You need " + " and ".join(needs)) if needs else "No driving licence or car needed",
        visa="Offers visa sponsorship" if vacancy.offers_visa_sponsorship else "Does not offer visa sponsorship",
        posts=vacancy.number_of_posts,
        posted_on=vacancy.posted_on,
        closing_date=vacancy.closing_date,
        distance=distance,
        reasons=None if distance is None else why_shown(vacancy, hours, distance, filters),
    )


def why_shown(vacancy: Any, hours: HoursPattern, distance: str, filters: JobFilters | None) -> str:
    """The ranking explained: distance first, then the things asked for that this job matches."""
    reasons = [distance]
    if filters is not None:
        if filters.hours and hours & filters.hours:
            reasons.append("matches your hours")
        if filters.job_roles and vacancy.job_role in filters.job_roles:
            reasons.append(f"is the role you asked for ({role_name(vacancy.job_role)})")
        if filters.min_hourly_rate is not None:
            reasons.append("pays what you asked for")
        if filters.travel_time_paid:
            reasons.append("pays travel time")
        if filters.visa_sponsorship:
            reasons.append("offers visa sponsorship")
        if filters.without_driving_licence or filters.without_car:
            reasons.append("no car needed" if not vacancy.requires_car else "no driving licence needed")
    return ", ".join(reasons)


def job_role_label(code: int) -> str:
    return code_list("job_roles").label(code)


def with_article(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
