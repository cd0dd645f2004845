"""Publish from records: the organisation's vacancies, each with a publish or take-down action."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission

from .. import presenters, queries, services
from ..forms import VacancyFilters
from .common import notify, page

PER_PAGE = 25
SORTS = {
    "workplace": "Workplace",
    "in-progress": "Applicants in progress",
    "newest": "Newest first",
    "closing": "Closing soonest",
}


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def vacancies(request: ScopedRequest) -> HttpResponse:
    filters = VacancyFilters(
        request.GET,
        workplaces=queries.workplaces_recruiting(request.scope),
        roles=queries.roles_recruited(request.scope),
    )
    chosen = filters.chosen()
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "workplace"
    found = queries.filtered_vacancies(
        request.scope,
        workplace_id=chosen["workplace"],
        job_role=chosen["job_role"],
        status=chosen["status"],
        stage=chosen["stage"],
        sort=sort,  # type: ignore[arg-type]
    )
    listed = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    return page(
        request,
        "vacancies.html",
        "Recruitment",
        filters=filters,
        filtered=any(v not in ("", None) for v in chosen.values()),
        listed=listed,
        showing=presenters.showing(listed, "vacancy", "vacancies"),
        pages=presenters.pagination(request.GET, listed),
        sorts=[
            {"text": text, "href": presenters.with_query(request.GET, sort=key), "current": key == sort}
            for key, text in SORTS.items()
        ],
        is_open=queries.is_open,
        stage_counts=queries.stage_counts(request.scope),
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
@require_POST
def publish(request: ScopedRequest, vacancy_id: int) -> HttpResponse:
    wanted = request.POST.get("publish") == "yes"
    try:
        vacancy = services.set_published(request.user, vacancy_id, wanted)
    except services.PipelineError as problem:
        notify(request, str(problem), success=False)
        return redirect("recruitment:vacancies")
    name = f"{presenters.vacancy_name(vacancy)} at {vacancy.workplace.name}"
    notify(request, f"{name} is now published in job search" if wanted else f"{name} is no longer in job search")
    return redirect("recruitment:vacancies")
