"""Every read of recruitment data goes through these functions, scoped by the acting user.

A provider manager sees the vacancies, applicants and referrals of their own organisation; a member
of staff sees their employer's published vacancies and their own referrals. Anything outside that is
a 404, so the existence of another provider's applicant is not revealed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from careforce.accounts.scope import Actor, scope_of
from careforce.domain.reference import code_list, reference_key
from careforce.workforce.models import Vacancy, Workplace

from .models import CLOSED_STAGES, Application, Referral, Stage


def _managed_organisation_id(user: Actor) -> int | None:
    return scope_of(user).managed_organisation


def _staff_organisation_id(user: Actor) -> int | None:
    return scope_of(user).employer


def _open(today: date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(closing_date__isnull=True) | Q(closing_date__gte=today)


# --- vacancies -------------------------------------------------------------------------------------------


def vacancies_for(user: Actor) -> QuerySet[Vacancy]:
    """The manager's organisation's vacancies, open first, with applicant counts."""
    organisation_id = _managed_organisation_id(user)
    if organisation_id is None:
        return Vacancy.objects.none()
    active = ~Q(applications__stage__in=CLOSED_STAGES)
    return (
        Vacancy.objects.filter(workplace__organisation_id=organisation_id)
        .select_related("workplace")
        .annotate(
            applicants=Count("applications", distinct=True),
            active_applicants=Count("applications", filter=active, distinct=True),
        )
        .order_by("workplace__name", "job_role", "pk")
    )


def is_open(vacancy: Vacancy, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return vacancy.closing_date is None or vacancy.closing_date >= today


def vacancy_for(user: Actor, vacancy_id: int) -> Vacancy:
    """One of the manager's organisation's vacancies; anyone else gets a 404."""
    organisation_id = _managed_organisation_id(user)
    if organisation_id is None:
        raise Http404("No such vacancy")
    try:
        return Vacancy.objects.select_related("workplace").get(
            pk=vacancy_id, workplace__organisation_id=organisation_id
        )
    except Vacancy.DoesNotExist:
        raise Http404("No such vacancy") from None


# --- applications ----------------------------------------------------------------------------------------


def applications_to(vacancy: Vacancy) -> QuerySet[Application]:
    """Applications to a vacancy already found through ``vacancy_for``, oldest first."""
    return vacancy.applications.order_by("created_at", "pk")  # type: ignore[attr-defined,no-any-return]


def application_for(user: Actor, application_id: int) -> Application:
    """An application to one of the manager's organisation's vacancies; anyone else gets a 404."""
    organisation_id = _managed_organisation_id(user)
    if organisation_id is None:
        raise Http404("No such applicant")
    try:
        return Application.objects.select_related(
            "vacancy", "vacancy__workplace", "referral", "referral__referrer_worker", "hired_worker"
        ).get(pk=application_id, vacancy__workplace__organisation_id=organisation_id)
    except Application.DoesNotExist:
        raise Http404("No such applicant") from None


def organisation_applications(user: Actor) -> QuerySet[Application]:
    organisation_id = _managed_organisation_id(user)
    if organisation_id is None:
        return Application.objects.none()
    return Application.objects.filter(vacancy__workplace__organisation_id=organisation_id)


def next_worker_reference(workplace: Workplace) -> str:
    """The next free worker reference at a workplace, following the pattern of the current staff's references.

    The highest number at the end of a current worker's reference goes up by one, keeping its letters
    and width (``S000123`` -> ``S000124``); a reference already used there (by anyone) is skipped.
    With no numbered references, ``1``.
    """
    everyone = list(workplace.workers.values_list("local_identifier", "left_on"))
    used = {reference_key(r) for r, _ in everyone}
    pattern = [r for r, left_on in everyone if left_on is None] or [r for r, _ in everyone]
    best: tuple[int, str, int] = (0, "", 1)  # (number, prefix, width)
    for reference in pattern:
        digits = len(reference) - len(reference.rstrip("0123456789"))
        if digits and int(reference[-digits:]) >= best[0]:
            best = (int(reference[-digits:]), reference[:-digits], digits)
    number, prefix, width = best
    while True:
        number += 1
        candidate = f"{prefix}{number:0{width}d}"
        if reference_key(candidate) not in used:
            return candidate


# --- referrals -------------------------------------------------------------------------------------------


def referable_vacancies(user: Actor, words: str = "") -> QuerySet[Vacancy]:
    """The staff member's employer's published, open vacancies; with ``words``, those whose title, role or
    workplace (name or postcode) contains each word."""
    organisation_id = _staff_organisation_id(user)
    if organisation_id is None:
        return Vacancy.objects.none()
    found = Vacancy.objects.filter(_open(), workplace__organisation_id=organisation_id, is_published=True)
    roles = code_list("job_roles").labels
    for word in words.split()[:6]:
        matching_roles = [code for code, text in roles.items() if word.lower() in text.lower()]
        found = found.filter(
            Q(title__icontains=word)
            | Q(job_role__in=matching_roles)
            | Q(workplace__name__icontains=word)
            | Q(workplace__postcode__icontains=word)
        )
    return found.select_related("workplace").order_by("workplace__name", "job_role", "pk")


def referable_vacancy_for(user: Actor, vacancy_id: int) -> Vacancy:
    try:
        return referable_vacancies(user).get(pk=vacancy_id)
    except Vacancy.DoesNotExist:
        raise Http404("No such vacancy") from None


def referrals_by(user: Actor) -> QuerySet[Referral]:
    """The staff member's own referrals, newest first."""
    if _staff_organisation_id(user) is None:
        return Referral.objects.none()
    return _with_hires(Referral.objects.filter(referrer_id=scope_of(user).user_id))


def referrals_for_organisation(user: Actor) -> QuerySet[Referral]:
    """Referrals to the manager's organisation's vacancies, newest first."""
    organisation_id = _managed_organisation_id(user)
    if organisation_id is None:
        return Referral.objects.none()
    return _with_hires(
        Referral.objects.filter(vacancy__workplace__organisation_id=organisation_id).select_related("referrer_worker")
    )


def _with_hires(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    return (
        referrals.select_related("vacancy", "vacancy__workplace")
        .prefetch_related("applications__hired_worker")
        .order_by("-created_at", "-pk")
    )


def staff_member_of(vacancy: Vacancy, user_id: int) -> Any:
    """The member of staff ``user_id`` if they work for the vacancy's employer (a share link's owner)."""
    from django.contrib.auth import get_user_model

    from careforce.domain.access import Role

    return (
        get_user_model()
        .objects.filter(
            pk=user_id, role=Role.PROVIDER_STAFF, organisation_id=vacancy.workplace.organisation_id, is_active=True
        )
        .first()
    )


def open_referral_for(vacancy: Vacancy, email: str) -> Referral | None:
    """A referral to this vacancy for this email address that has not yet become an application."""
    return (
        Referral.objects.filter(vacancy=vacancy, friend_email__iexact=email.strip(), status=Referral.Status.REFERRED)
        .order_by("created_at")
        .first()
    )


# --- measures --------------------------------------------------------------------------------------------


def hiring_timestamps(user: Actor) -> list[tuple[Any, Any, Any]]:
    """(applied, first contacted, hired) for every application to the manager's organisation."""
    return list(organisation_applications(user).values_list("created_at", "first_contacted_at", "hired_at"))


def stage_counts(user: Actor) -> dict[str, int]:
    """How many of the organisation's applicants are at each stage."""
    rows = organisation_applications(user).values_list("stage").annotate(n=Count("pk")).order_by()
    counts = {stage.value: 0 for stage in Stage}
    counts.update(dict(rows))
    return counts


def active_application_from(vacancy: Vacancy, email: str) -> Application | None:
    """This email address's application to this vacancy, unless withdrawn (one per person and job)."""
    if not email.strip():
        return None
    return (
        Application.objects.filter(vacancy=vacancy, email__iexact=email.strip())
        .exclude(stage=Stage.WITHDRAWN)
        .order_by("created_at", "pk")
        .first()
    )


# --- long lists: the recruitment page and the organisation's applicants ----------------------------------

VACANCY_SORTS = {
    "workplace": ("workplace__name", "job_role", "pk"),
    "in-progress": ("-active_applicants", "workplace__name", "pk"),
    "newest": ("-posted_on", "-pk"),
    "closing": (F("closing_date").asc(nulls_last=True), "workplace__name", "pk"),
}
APPLICANT_SORTS = {"newest": ("-created_at", "-pk"), "oldest": ("created_at", "pk")}


def workplaces_recruiting(user: Actor) -> list[tuple[int, str]]:
    """(id, name) of the manager's organisation's workplaces that have vacancies, by name."""
    organisation_id = _managed_organisation_id(user)
    if organisation_id is None:
        return []
    return list(
        Workplace.objects.filter(organisation_id=organisation_id, vacancies__isnull=False)
        .distinct()
        .order_by("name", "pk")
        .values_list("pk", "name")
    )


def roles_recruited(user: Actor) -> list[int]:
    """The job roles of the manager's organisation's vacancies."""
    organisation_id = _managed_organisation_id(user)
    if organisation_id is None:
        return []
    return sorted(
        set(Vacancy.objects.filter(workplace__organisation_id=organisation_id).values_list("job_role", flat=True))
    )


def filtered_vacancies(
    user: Actor,
    *,
    workplace_id: int | None = None,
    job_role: int | None = None,
    status: str = "",
    stage: str = "",
    sort: str = "workplace",
) -> QuerySet[Vacancy]:
    """The manager's vacancies narrowed by workplace, role, job search status or a stage their applicants are at."""
    found = vacancies_for(user)
    if workplace_id is not None:
        found = found.filter(workplace_id=workplace_id)
    if job_role is not None:
        found = found.filter(job_role=job_role)
    if status == "closed":
        found = found.exclude(_open())
    elif status in ("published", "not-published"):
        found = found.filter(_open(), is_published=status == "published")
    if stage:
        found = found.filter(pk__in=Application.objects.filter(stage=stage).values("vacancy_id"))
    return found.order_by(*VACANCY_SORTS.get(sort, VACANCY_SORTS["workplace"]))


def filtered_applications(
    user: Actor,
    *,
    stage: str = "",
    workplace_id: int | None = None,
    job_role: int | None = None,
    vacancy_id: int | None = None,
    sort: str = "newest",
) -> QuerySet[Application]:
    """The organisation's applications narrowed by stage, workplace, role or one vacancy."""
    found = organisation_applications(user).select_related("vacancy", "vacancy__workplace")
    if stage:
        found = found.filter(stage=stage)
    if workplace_id is not None:
        found = found.filter(vacancy__workplace_id=workplace_id)
    if job_role is not None:
        found = found.filter(vacancy__job_role=job_role)
    if vacancy_id is not None:
        found = found.filter(vacancy_id=vacancy_id)
    return found.order_by(*APPLICANT_SORTS.get(sort, APPLICANT_SORTS["newest"]))
