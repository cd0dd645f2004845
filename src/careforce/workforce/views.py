"""Provider read pages: workplaces, staff lists and worker records. Changes are in the ``*_views`` modules."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from careforce.accounts.access import requires
from careforce.domain.access import Permission

from . import presenters, queries
from .pages import render_page
from .training_views import learning_context

STAFF_PER_PAGE = 50


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def workplaces(request: HttpRequest) -> HttpResponse:
    rows = list(queries.workplaces_for(request.user))
    return render(
        request,
        "workforce/workplaces.html",
        {
            "title": "Your workplaces",
            "workplaces": rows,
            "label": presenters.label,
            "organisation": request.user.organisation,
        },  # type: ignore[union-attr]
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def workplace_staff(request: HttpRequest, workplace_id: int) -> HttpResponse:
    workplace = queries.workplace_for(request.user, workplace_id)
    page = Paginator(queries.current_staff(workplace), STAFF_PER_PAGE).get_page(request.GET.get("page"))
    return render_page(
        request,
        "workforce/staff.html",
        f"Staff at {workplace.name}",
        workplace=workplace,
        page=page,
        label=presenters.label,
        gov_date=presenters.gov_date,
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def worker(request: HttpRequest, worker_id: int) -> HttpResponse:
    record = queries.worker_for(request.user, worker_id)

    def change(step: str) -> str:
        return reverse("workforce:worker-change", args=[record.pk, step])

    def url(name: str, *ids: int) -> str:
        return reverse(f"workforce:{name}", args=[record.pk, *ids])

    return render_page(
        request,
        "workforce/worker.html",
        f"Worker {record.local_identifier}",
        worker=record,
        rows=presenters.worker_rows(record, change if record.is_current else None),
        **learning_context(record, url),
    )


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def my_record(request: HttpRequest) -> HttpResponse:
    record = queries.worker_for(request.user, request.user.worker_id)  # type: ignore[union-attr]

    def url(name: str, *ids: int) -> str:
        return reverse(f"workforce:my-{name}", args=ids)

    return render_page(
        request,
        "workforce/my_record.html",
        "Your record",
        worker=record,
        rows=presenters.worker_rows(record),
        **learning_context(record, url),
    )
