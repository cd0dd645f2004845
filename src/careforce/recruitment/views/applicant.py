"""One applicant: what the manager may see of them, shortlisting, and moving them between stages."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission

from .. import presenters, queries, services
from ..forms import StageForm
from ..stages import Stage
from .common import notify, page


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def applicant(request: ScopedRequest, application_id: int) -> HttpResponse:
    application = queries.application_for(request.scope, application_id)
    scores = list(application.interview_scores.all())
    return page(
        request,
        "applicant.html",
        application.display_name,
        application=application,
        vacancy_name=presenters.vacancy_name(application.vacancy),
        rows=presenters.applicant_rows(application),
        history=presenters.history_rows(list(application.events.all())),
        scores=presenters.score_rows(scores),
        scored=bool(scores),
        can_hire=application.stage in services.HIRABLE_STAGES,
        hired=application.stage == Stage.HIRED,
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
@require_POST
def shortlist(request: ScopedRequest, application_id: int) -> HttpResponse:
    application = services.shortlist(request.user, application_id)
    notify(request, f"Applicant {application.pk} is shortlisted: their name and contact details are shown below")
    return redirect("recruitment:applicant", application.pk)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def change_stage(request: ScopedRequest, application_id: int) -> HttpResponse:
    application = queries.application_for(request.scope, application_id)
    if application.stage == Stage.HIRED:
        notify(request, "This applicant has been hired, so their stage cannot change", success=False)
        return redirect("recruitment:applicant", application.pk)
    form = StageForm(
        request.POST if request.method == "POST" else None,
        shortlisted=application.shortlisted,
        initial={"stage": application.stage},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.move_stage(request.user, application.pk, form.cleaned_data["stage"], form.cleaned_data["reason"])
        except services.PipelineError as problem:
            form.add_error("stage", str(problem))
        else:
            notify(request, f"{application.display_name} moved to {Stage(form.cleaned_data['stage']).label}")
            return redirect("recruitment:applicant", application.pk)
    return page(
        request, "stage.html", f"Change the stage of {application.display_name}", form=form, application=application
    )
