"""Publish from records: the organisation's vacancies, each with a publish or take-down action."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from careforce.accounts.access import requires
from careforce.domain.access import Permission

from .. import presenters, queries, services
from .common import notify, page


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def vacancies(request: HttpRequest) -> HttpResponse:
    rows = list(queries.vacancies_for(request.user))
    return page(
        request,
        "vacancies.html",
        "Recruitment",
        vacancies=rows,
        is_open=queries.is_open,
        stage_counts=queries.stage_counts(request.user),
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
@require_POST
def publish(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    wanted = request.POST.get("publish") == "yes"
    try:
        vacancy = services.set_published(request.user, vacancy_id, wanted)
    except services.PipelineError as problem:
        notify(request, str(problem), success=False)
        return redirect("recruitment:vacancies")
    name = f"{presenters.vacancy_name(vacancy)} at {vacancy.workplace.name}"
    notify(request, f"{name} is now published in job search" if wanted else f"{name} is no longer in job search")
    return redirect("recruitment:vacancies")
