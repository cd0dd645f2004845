"""Every read of provider data goes through these functions, scoped by the acting user.

A provider manager sees their own organisation's workplaces and staff; a staff member sees only
their own record; anyone else gets nothing (404, so the existence of a record is not revealed).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from careforce.domain.access import Permission, allows

from .models import DemoLoad, Worker, Workplace


def demo_region_loaded() -> bool:
    return DemoLoad.objects.exists()


def _organisation_id(user: Any) -> int | None:
    if user.is_authenticated and allows(getattr(user, "role", None), Permission.MANAGE_PROVIDER_WORKFORCE):
        return user.organisation_id  # type: ignore[no-any-return]
    return None


def workplaces_for(user: Any) -> QuerySet[Workplace]:
    """The workplaces a provider manager may see, with their current staff counts."""
    organisation_id = _organisation_id(user)
    if organisation_id is None:
        return Workplace.objects.none()
    return (
        Workplace.objects.filter(organisation_id=organisation_id)
        .select_related("council")
        .annotate(current_staff=Count("workers", filter=Q(workers__left_on__isnull=True)))
        .order_by("name")
    )


def workplace_for(user: Any, workplace_id: int) -> Workplace:
    try:
        return workplaces_for(user).get(pk=workplace_id)
    except Workplace.DoesNotExist:
        raise Http404("No such workplace") from None


def current_staff(workplace: Workplace) -> QuerySet[Worker]:
    return workplace.workers.filter(left_on__isnull=True).order_by("local_identifier")


def worker_for(user: Any, worker_id: int) -> Worker:
    """A worker record the user may see: within their organisation (manager) or their own (staff)."""
    workers = Worker.objects.select_related("workplace", "workplace__organisation")
    if (organisation_id := _organisation_id(user)) is not None:
        workers = workers.filter(workplace__organisation_id=organisation_id)
    elif user.is_authenticated and allows(getattr(user, "role", None), Permission.VIEW_OWN_WORKER_RECORD):
        workers = workers.filter(pk=user.worker_id)
    else:
        workers = workers.none()
    try:
        return workers.get(pk=worker_id)
    except Worker.DoesNotExist:
        raise Http404("No such worker") from None
