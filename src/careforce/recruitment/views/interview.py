"""Score an interview against the care workforce pathway's values (values-based recruitment)."""

from django.http import HttpResponse
from django.shortcuts import redirect

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission

from .. import queries, services
from ..forms import InterviewScoreForm
from .common import notify, page


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def interview_scores(request: ScopedRequest, application_id: int) -> HttpResponse:
    application = queries.application_for(request.scope, application_id)
    earlier = list(application.interview_scores.all())
    initial = {f"score_{s.value}": s.score for s in earlier} | {f"notes_{s.value}": s.notes for s in earlier}
    if earlier:
        initial["panel_included_person_with_lived_experience"] = (
            "yes" if earlier[0].panel_included_person_with_lived_experience else "no"
        )
    form = InterviewScoreForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_interview_scores(request.user, application.pk, form.scores(), form.panel_flag())
        notify(request, "Interview scores saved")
        return redirect("recruitment:applicant", application.pk)
    return page(
        request,
        "interview.html",
        f"Score the interview of {application.display_name}",
        form=form,
        application=application,
    )
