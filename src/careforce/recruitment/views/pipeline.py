"""The pipeline for one vacancy: its applicants under each stage."""

from django.http import HttpRequest, HttpResponse

from careforce.accounts.access import requires
from careforce.domain.access import Permission

from .. import presenters, queries
from ..models import Stage
from .common import page


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def applicants(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = queries.vacancy_for(request.user, vacancy_id)
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
