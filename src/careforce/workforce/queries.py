"""Every read of provider data goes through these functions, scoped by the acting user's ``Scope``.

A provider manager sees their own organisation's workplaces and staff; a staff member sees only
their own record; anyone else gets nothing (404, so the existence of a record is not revealed).
Views pass ``request.scope``; services pass the acting user (``scope_of`` makes the scope).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from careforce.accounts.scope import Actor, scope_of
from careforce.domain.access import Permission
from careforce.domain.reference import same_reference

from .models import DemoLoad, Organisation, TrainingRecord, Vacancy, Worker, WorkerQualification, Workplace


def demo_region_loaded() -> bool:
    return DemoLoad.objects.exists()


def _organisation_id(user: Actor) -> int | None:
    return scope_of(user).managed_organisation


def organisation_for(user: Actor) -> Organisation | None:
    """The care provider a manager acts for (None for anyone else)."""
    organisation_id = _organisation_id(user)
    return None if organisation_id is None else Organisation.objects.filter(pk=organisation_id).first()


def workplaces_for(user: Actor) -> QuerySet[Workplace]:
    """The workplaces a provider manager may see, with their current staff counts."""
    organisation_id = _organisation_id(user)
    if organisation_id is None:
        return Workplace.objects.none()
    # a count per workplace row (the workplace_id, left_on index), not a join of every worker grouped by
    # workplace: a page of 50 counts only its own 50, and counting the workplaces does not read the staff
    current = (
        Worker.objects.filter(workplace=OuterRef("pk"), left_on__isnull=True)
        .order_by()
        .values("workplace")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Workplace.objects.filter(organisation_id=organisation_id)
        .select_related("council")
        .annotate(current_staff=Coalesce(Subquery(current, output_field=IntegerField()), 0))
        .order_by("name")
    )


def council_choices_for(user: Actor) -> list[tuple[str, str]]:
    """(GSS code, name) of the council areas the manager's workplaces are in: a council filter's options."""
    organisation_id = _organisation_id(user)
    if organisation_id is None:
        return []
    areas = Workplace.objects.filter(organisation_id=organisation_id).values_list("council_id", "council__name")
    return sorted(set(areas), key=lambda area: area[1])


def workplace_for(user: Actor, workplace_id: int) -> Workplace:
    try:
        return workplaces_for(user).get(pk=workplace_id)
    except Workplace.DoesNotExist:
        raise Http404("No such workplace") from None


def current_staff(workplace: Workplace) -> QuerySet[Worker]:
    return workplace.workers.filter(left_on__isnull=True).order_by("local_identifier")


def worker_for(user: Actor, worker_id: int) -> Worker:
    """A worker record the user may see: within their organisation (manager) or their own (staff)."""
    scope = scope_of(user)
    workers = Worker.objects.select_related("workplace", "workplace__organisation")
    if (organisation_id := scope.managed_organisation) is not None:
        workers = workers.filter(workplace__organisation_id=organisation_id)
    elif scope.can(Permission.VIEW_OWN_WORKER_RECORD) and scope.own_worker is not None:
        workers = workers.filter(pk=scope.own_worker)
    else:
        workers = workers.none()
    try:
        return workers.get(pk=worker_id)
    except Worker.DoesNotExist:
        raise Http404("No such worker") from None


def managed_worker_for(user: Actor, worker_id: int) -> Worker:
    """A worker record in the acting provider manager's organisation; anyone else gets a 404."""
    organisation_id = _organisation_id(user)
    workers = Worker.objects.select_related("workplace", "workplace__organisation")
    if organisation_id is None:
        raise Http404("No such worker")
    try:
        return workers.get(pk=worker_id, workplace__organisation_id=organisation_id)
    except Worker.DoesNotExist:
        raise Http404("No such worker") from None


def current_managed_worker_for(user: Actor, worker_id: int) -> Worker:
    """A worker still in post in the acting provider manager's organisation (one who has left is a 404)."""
    worker = managed_worker_for(user, worker_id)
    if not worker.is_current:
        raise Http404("This worker has already left")
    return worker


def own_worker_for(user: Actor) -> Worker:
    """A staff member's own worker record (404 if their account is not linked to one)."""
    scope = scope_of(user)
    if not scope.can(Permission.VIEW_OWN_WORKER_RECORD):
        raise Http404("No such worker")
    own = scope.own_worker
    if own is None:
        raise Http404("No worker record is linked to this account")
    return worker_for(scope, own)


def worker_reference_taken(workplace: Workplace, reference: str, exclude_worker_id: int | None = None) -> bool:
    """Whether another current worker at this workplace uses the reference, matched as an upload matches it
    (``reference.same_reference``: whitespace ignored, letters as typed)."""
    references = (
        workplace.workers.filter(left_on__isnull=True)
        .exclude(pk=exclude_worker_id)  # type: ignore[misc]
        .values_list("local_identifier", flat=True)
    )
    return any(same_reference(r, reference) for r in references)


def training_of(worker: Worker) -> QuerySet[TrainingRecord]:
    return worker.training.order_by("-completed_on", "pk")


def qualifications_of(worker: Worker) -> QuerySet[WorkerQualification]:
    return worker.qualifications.order_by("-year_achieved", "pk")


def training_record_of(worker: Worker, record_id: int) -> TrainingRecord:
    """One training record of a worker (the worker already found through a scoped query); else 404."""
    try:
        return worker.training.get(pk=record_id)
    except TrainingRecord.DoesNotExist:
        raise Http404("No such training record") from None


def qualification_of(worker: Worker, record_id: int) -> WorkerQualification:
    try:
        return worker.qualifications.get(pk=record_id)
    except WorkerQualification.DoesNotExist:
        raise Http404("No such qualification") from None


def open_vacancies(workplace: Workplace, today: date | None = None) -> QuerySet[Vacancy]:
    """Vacancies at the workplace that have not closed (no closing date, or closing today or later)."""
    today = today or timezone.localdate()
    return workplace.vacancies.filter(Q(closing_date__isnull=True) | Q(closing_date__gte=today)).order_by(
        "job_role", "pk"
    )


def vacancy_for(user: Actor, vacancy_id: int) -> Vacancy:
    """A vacancy at one of the acting manager's workplaces; anyone else gets a 404."""
    organisation_id = _organisation_id(user)
    if organisation_id is None:
        raise Http404("No such vacancy")
    try:
        return Vacancy.objects.select_related("workplace").get(
            pk=vacancy_id, workplace__organisation_id=organisation_id
        )
    except Vacancy.DoesNotExist:
        raise Http404("No such vacancy") from None


def organisation_workers(user: Actor, *, current: bool = True) -> QuerySet[Worker]:
    """Workers at the manager's workplaces (current only, unless ``current`` is False); nobody else's.

    Written as a subquery from the organisation's workplaces, so the database starts from the few
    hundred workplaces rather than from every current worker in the region.
    """
    organisation_id = _organisation_id(user)
    if organisation_id is None:
        return Worker.objects.none()
    workers = Worker.objects.filter(workplace__in=Workplace.objects.filter(organisation_id=organisation_id))
    return workers.filter(left_on__isnull=True) if current else workers


def workplace_choices_for(user: Actor) -> list[tuple[int, str]]:
    """(id, name) of the manager's workplaces, by name: the options of a workplace filter (without the staff
    counts of :func:`workplaces_for`, which would read every worker of the organisation)."""
    organisation_id = _organisation_id(user)
    if organisation_id is None:
        return []
    return list(
        Workplace.objects.filter(organisation_id=organisation_id).order_by("name", "pk").values_list("pk", "name")
    )


def training_expiring_for(
    user: Actor,
    within_days: int = 90,
    today: date | None = None,
    *,
    workplace_id: int | None = None,
    job_role: int | None = None,
    expired: bool | None = None,
) -> QuerySet[TrainingRecord]:
    """Training of current staff in the manager's organisation that has expired or expires within ``within_days``.

    A record that has been renewed (a later record of the same category for the same worker) is left out,
    so completing the training again takes it off the list. Narrowed to one workplace, one main job
    role, or only expired (``expired=True``) or only expiring soon (``expired=False``) when asked.
    Sorted by expiry date; the caller may sort it otherwise.
    """
    today = today or timezone.localdate()
    workers = organisation_workers(user)
    if workplace_id is not None:
        workers = workers.filter(workplace_id=workplace_id)
    if job_role is not None:
        workers = workers.filter(main_job_role=job_role)
    renewed = TrainingRecord.objects.filter(worker_id=OuterRef("worker_id"), category=OuterRef("category")).filter(
        Q(expires_on__gt=OuterRef("expires_on")) | Q(expires_on__isnull=True, completed_on__gt=OuterRef("completed_on"))
    )
    records = TrainingRecord.objects.filter(
        worker__in=workers, expires_on__isnull=False, expires_on__lte=today + timedelta(days=within_days)
    )
    if expired is True:
        records = records.filter(expires_on__lt=today)
    elif expired is False:
        records = records.filter(expires_on__gte=today)
    return (
        records.exclude(Exists(renewed))
        .select_related("worker", "worker__workplace")
        .order_by("expires_on", "worker__local_identifier", "pk")
    )


def count_expired(records: QuerySet[TrainingRecord], today: date) -> tuple[int, int]:
    """How many of these training records have expired, and how many in all (one query)."""
    counts = records.order_by().aggregate(expired=Count("pk", filter=Q(expires_on__lt=today)), total=Count("pk"))
    return int(counts["expired"]), int(counts["total"])
