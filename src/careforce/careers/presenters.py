"""Turn vacancies and search hits into what a person reads: honest pay, the employer, how far, and why
a job is shown."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from careforce.careers.queries import LiveVacancies, VacancyDetails
from careforce.domain.careers.coverage import spoken_name
from careforce.domain.careers.distance import describe_distance
from careforce.domain.careers.matching import NO_SOFT_SIGNALS, SoftSignals, role_name, soft_reasons
from careforce.domain.careers.pay import yearly_equivalent
from careforce.domain.careers.search import Hit, JobFilters
from careforce.domain.careers.vacancies import HOURS_PATTERNS, HoursPattern
from careforce.domain.reference import code_list
from careforce.recruitment.presenters import job_title as job_title
from careforce.recruitment.presenters import with_article as with_article


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
    href: str
    yearly: str | None = None  # "£24,853 a year for 37.5 hours a week"


def _hours(vacancy: Any) -> HoursPattern:
    flag = HoursPattern(0)
    for pattern in HOURS_PATTERNS:
        if getattr(vacancy, (pattern.name or "").lower()):
            flag |= pattern
    return flag


def pay_text(vacancy: Any) -> str:
    if vacancy.hourly_rate is None:
        return "Pay not given: ask the employer"
    return f"£{float(vacancy.hourly_rate):,.2f} an hour"


def yearly_text(hourly_rate: Any, contracted_hours: Any) -> str | None:
    """ "£24,853 a year for 37.5 hours a week", or None when pay or hours are not given."""
    if hourly_rate is None or not contracted_hours:
        return None
    hours = float(contracted_hours)
    return f"£{yearly_equivalent(float(hourly_rate), hours):,.0f} a year for {hours:g} hours a week"


def guaranteed_text(vacancy: Any) -> str:
    if vacancy.guaranteed_hours and vacancy.contracted_hours:
        return f"{float(vacancy.contracted_hours):g} hours a week guaranteed"
    if vacancy.guaranteed_hours:
        return "Hours guaranteed"
    if vacancy.contracted_hours:
        return f"About {float(vacancy.contracted_hours):g} hours a week, not guaranteed"
    return "Hours not guaranteed"


def present(
    vacancy: VacancyDetails,
    distance_miles: float | None = None,
    filters: JobFilters | None = None,
    soft: SoftSignals = NO_SOFT_SIGNALS,
) -> VacancyView:
    hours = _hours(vacancy)
    needs = [
        text
        for flag, text in ((vacancy.requires_driving_licence, "a driving licence"), (vacancy.requires_car, "a car"))
        if flag
    ]
    distance = None if distance_miles is None else describe_distance(distance_miles)
    return VacancyView(
        id=vacancy.id,
        title=job_title(vacancy),
        employer=vacancy.employer,
        workplace=vacancy.workplace,
        place=", ".join(dict.fromkeys(x for x in (vacancy.post_town, spoken_name(vacancy.council)) if x)),
        cqc_rating=vacancy.cqc_rating or "Not recorded",
        pay=pay_text(vacancy),
        travel_time="Travel between visits is paid"
        if vacancy.travel_time_paid
        else "Travel between visits is not paid",
        guaranteed_hours=guaranteed_text(vacancy),
        hours=", ".join(p.label for p in HOURS_PATTERNS if p in hours).capitalize() or "Not given",
        needs=("You need " + " and ".join(needs)) if needs else "No driving licence or car needed",
        visa="Offers visa sponsorship" if vacancy.offers_visa_sponsorship else "Does not offer visa sponsorship",
        posts=vacancy.number_of_posts,
        posted_on=vacancy.posted_on,
        closing_date=vacancy.closing_date,
        distance=distance,
        reasons=None if distance is None else why_shown(vacancy, hours, distance, filters, soft),
        href=reverse("careers:vacancy", args=[vacancy.id]),
        yearly=yearly_text(vacancy.hourly_rate, vacancy.contracted_hours),
    )


def present_hits(live: LiveVacancies, hits: list[Hit], filters: JobFilters, soft: SoftSignals) -> list[VacancyView]:
    """A page of search hits as the person reads them.

    What does not depend on the search (pay, employer, hours...) is worked out once per vacancy and kept
    with the live vacancies (so it is dropped when they change); distance and reasons are added per hit.
    """
    shown: dict[int, VacancyView] = live.memo.setdefault("presented", {})
    out = []
    for hit in hits:
        view = shown.get(hit.position)
        if view is None:
            view = shown[hit.position] = present(live.details[hit.position])
        if hit.distance_miles is not None:
            vacancy = live.details[hit.position]
            distance = describe_distance(hit.distance_miles)
            view = dataclasses.replace(
                view, distance=distance, reasons=why_shown(vacancy, _hours(vacancy), distance, filters, soft)
            )
        out.append(view)
    return out


def why_shown(
    vacancy: VacancyDetails,
    hours: HoursPattern,
    distance: str,
    filters: JobFilters | None,
    soft: SoftSignals = NO_SOFT_SIGNALS,
) -> str:
    """The ranking explained: distance first, then the things asked for that this job matches, then the
    soft signals it meets (a role that suits their saved self-assessment)."""
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
    reasons.extend(soft_reasons(vacancy.job_role, soft))
    return ", ".join(reasons)


def job_role_label(code: int) -> str:
    return code_list("job_roles").label(code)
