"""Provider pages: workplaces, staff lists and worker records (read-only for now)."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from careforce.accounts.access import requires
from careforce.domain.access import Permission

from . import presenters, queries

STAFF_PER_PAGE = 50


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def workplaces(request: HttpRequest) -> HttpResponse:
    rows = list(queries.workplaces_for(request.user))
    return render(
        request,
        "workforce/workplaces.html",
        {"title": "Your workplaces", "workplaces": rows, "label": presenters.label,
         "organisation": request.user.organisation},  # type: ignore[union-attr]
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def workplace_staff(request: HttpRequest, workplace_id: int) -> HttpResponse:
    workplace = queries.workplace_for(request.user, workplace_id)
    page = Paginator(queries.current_staff(workplace), STAFF_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "workforce/staff.html",
        {"title": f"Staff at {workplace.name}", "workplace": workplace, "page": page, "label": presenters.label,
         "gov_date": presenters.gov_date},
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def worker(request: HttpRequest, worker_id: int) -> HttpResponse:
    record = queries.worker_for(request.user, worker_id)
    return render(
        request,
        "workforce/worker.html",
        {"title": f"Worker {record.local_identifier}", "worker": record, "rows": presenters.worker_rows(record)},
    )


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def my_record(request: HttpRequest) -> HttpResponse:
    record = queries.worker_for(request.user, request.user.worker_id)  # type: ignore[union-attr]
    return render(
        request,
        "workforce/my_record.html",
        {"title": "Your record", "worker": record, "rows": presenters.worker_rows(record)},
    )
