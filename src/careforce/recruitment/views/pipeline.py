"""The pipeline for one vacancy (its applicants under each stage) and all the organisation's applicants."""

from django.core.paginator import Paginator
from django.http import HttpResponse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission

from .. import presenters, queries
from ..forms import ApplicantFilters
from ..stages import Stage
from .common import page

PER_PAGE = 25
SORTS = {"newest": "Newest first", "oldest": "Oldest first"}


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def all_applicants(request: ScopedRequest) -> HttpResponse:
    filters = ApplicantFilters(
        request.GET,
        workplaces=queries.workplaces_recruiting(request.scope),
        roles=queries.roles_recruited(request.scope),
    )
    chosen = filters.chosen()
    vacancy = None
    if (wanted := request.GET.get("vacancy", "")).isdigit():
        vacancy = queries.vacancy_for(request.scope, int(wanted))
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "newest"
    found = queries.filtered_applications(
        request.scope,
        stage=chosen["stage"],
        workplace_id=chosen["workplace"],
        job_role=chosen["job_role"],
        vacancy_id=vacancy.pk if vacancy is not None else None,
        sort=sort,  # type: ignore[arg-type]
    )
    listed = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    return page(
        request,
        "all_applicants.html",
        "Applicants",
        filters=filters,
        vacancy=vacancy,
        vacancy_name=presenters.vacancy_name(vacancy) if vacancy is not None else "",
        listed=listed,
        showing=presenters.showing(listed, "applicant", "applicants"),
        pages=presenters.pagination(request.GET, listed),
        sorts=[
            {"text": text, "href": presenters.with_query(request.GET, sort=key), "current": key == sort}
            for key, text in SORTS.items()
        ],
        without_vacancy=presenters.with_query(request.GET, vacancy=None),
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def applicants(request: ScopedRequest, vacancy_id: int) -> HttpResponse:
    vacancy = queries.vacancy_for(request.scope, vacancy_id)
    everyone = list(queries.applications_to(vacancy))
    stages = [{"stage": stage, "applications": [a for a in everyone if a.stage == stage]} for stage in Stage]
    name = presenters.vacancy_name(vacancy)
    return page(
        request,
        "applicants.html",
        f"Applicants: {name}",
        vacancy=vacancy,
        vacancy_name=name,
        stages=stages,
        total=len(everyone),
        is_open=queries.is_open(vacancy),
    )
