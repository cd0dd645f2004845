"""Provider read pages: workplaces, staff lists and worker records. Changes are in the ``*_views`` modules."""

from django.http import HttpResponse
from django.urls import reverse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.domain.reference import code_list
from careforce.web.listing import Filter, Listing

from . import presenters, queries
from .pages import render_page
from .personal_forms import answers_of
from .training_views import learning_context

STAFF_SORTS = {"reference": ["local_identifier"], "started": ["start_date", "local_identifier"]}
WORKPLACE_SORTS = {"name": ["name"], "council": ["council__name", "name"], "staff": ["current_staff", "name"]}


def _role_filter() -> Filter:
    return Filter("role", "Main job role", [(str(c), t) for c, t in code_list("job_roles").choices()])


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def workplaces(request: ScopedRequest) -> HttpResponse:
    """The manager's workplaces, 50 a page, by name (or council area, or staff), filtered by area and service."""
    found = queries.workplaces_for(request.scope)
    listing = Listing.from_query(
        request.GET,
        sorts=WORKPLACE_SORTS,
        default_sort="name",
        descending_by_default=["staff"],
        filters=[
            Filter("council", "Council area", queries.council_choices_for(request.scope)),
            Filter("service", "Main service", [(str(c), t) for c, t in code_list("main_services").choices()]),
        ],
    )
    chosen = listing.chosen
    if "council" in chosen:
        found = found.filter(council_id=chosen["council"])
    if "service" in chosen:
        found = found.filter(main_service=int(chosen["service"]))
    page = listing.page(found.order_by(*listing.order_by()))
    return render_page(
        request,
        "workforce/workplaces.html",
        "Your workplaces",
        page=page,
        listing=listing,
        showing=listing.showing(page, "workplace"),
        label=presenters.label,
        organisation=queries.organisation_for(request.scope),
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def workplace_staff(request: ScopedRequest, workplace_id: int) -> HttpResponse:
    """Current staff at one workplace, 50 a page, by reference or start date, filtered by main job role."""
    workplace = queries.workplace_for(request.scope, workplace_id)
    listing = Listing.from_query(
        request.GET,
        sorts=STAFF_SORTS,
        default_sort="reference",
        descending_by_default=["started"],
        filters=[_role_filter()],
    )
    staff = queries.current_staff(workplace)
    if "role" in listing.chosen:
        staff = staff.filter(main_job_role=int(listing.chosen["role"]))
    page = listing.page(staff.order_by(*listing.order_by()))
    return render_page(
        request,
        "workforce/staff.html",
        f"Staff at {workplace.name}",
        workplace=workplace,
        page=page,
        listing=listing,
        showing=listing.showing(page, "current staff", "current staff"),
        label=presenters.label,
        gov_date=presenters.gov_date,
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def worker(request: ScopedRequest, worker_id: int) -> HttpResponse:
    record = queries.worker_for(request.scope, worker_id)

    def change(step: str) -> str:
        return reverse("workforce:worker-change", args=[record.pk, step])

    def url(name: str, *ids: int) -> str:
        return reverse(f"workforce:{name}", args=[record.pk, *ids])

    changeable = record.is_current
    named = bool(record.name_or_id) and record.name_or_id != record.local_identifier
    return render_page(
        request,
        "workforce/worker.html",
        record.name_or_id if named else f"Worker {record.local_identifier}",
        caption=f"Worker {record.local_identifier}" if named else None,
        worker=record,
        rows=presenters.worker_rows(record, change if changeable else None, qualification_level=False),
        personal_rows=presenters.summary_rows(
            [
                (item, answer, change(step) if changeable else None)
                for step, item, answer in presenters.personal_items(answers_of(record))
            ]
        ),
        **learning_context(record, url),
    )


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def my_record(request: ScopedRequest) -> HttpResponse:
    record = queries.own_worker_for(request.scope)

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
