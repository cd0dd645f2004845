"""Hire an applicant: choose the start date, check, then a worker record is created in the workforce."""

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.domain.reference import PERMANENT

from .. import presenters, queries, services
from ..forms import HireForm
from .common import notify, page


def _session_key(application_id: int) -> str:
    return f"recruitment-hire-{application_id}"


def _refuse_unless_hirable(request: HttpRequest, application) -> HttpResponse | None:  # type: ignore[no-untyped-def]
    if application.stage in services.HIRABLE_STAGES:
        return None
    notify(request, "Only an applicant at offer or DBS and references can be hired", success=False)
    return redirect("recruitment:applicant", application.pk)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def hire(request: ScopedRequest, application_id: int) -> HttpResponse:
    application = queries.application_for(request.scope, application_id)
    if (refused := _refuse_unless_hirable(request, application)) is not None:
        return refused
    chosen = request.session.get(_session_key(application.pk))
    form = HireForm(
        request.POST if request.method == "POST" else None,
        initial={"start_date": date.fromisoformat(chosen)} if chosen else None,
        earliest=services.earliest_start(application),
    )
    if request.method == "POST" and form.is_valid():
        request.session[_session_key(application.pk)] = form.cleaned_data["start_date"].isoformat()
        return redirect("recruitment:hire-check", application.pk)
    return page(request, "hire.html", f"Hire {application.display_name}", form=form, application=application)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def hire_check(request: ScopedRequest, application_id: int) -> HttpResponse:
    application = queries.application_for(request.scope, application_id)
    if (refused := _refuse_unless_hirable(request, application)) is not None:
        return refused
    chosen = request.session.get(_session_key(application.pk))
    if not chosen:
        return redirect("recruitment:hire", application.pk)
    start_date = date.fromisoformat(chosen)
    if request.method == "POST":
        try:
            worker = services.hire(request.user, application.pk, start_date)
        except services.PipelineError as problem:
            notify(request, str(problem), success=False)
            return redirect("recruitment:applicant", application.pk)
        request.session.pop(_session_key(application.pk), None)
        notify(request, f"{application.display_name} is hired. Their worker record is {worker.local_identifier}.")
        return redirect("recruitment:applicant", application.pk)
    vacancy = application.vacancy
    change = {
        "items": [
            {
                "href": reverse("recruitment:hire", args=[application.pk]),
                "text": "Change",
                "visuallyHiddenText": "start date",
            }
        ]
    }
    rows = [
        {"key": {"text": "Name"}, "value": {"text": application.display_name}},
        {"key": {"text": "Workplace"}, "value": {"text": vacancy.workplace.name}},
        {"key": {"text": "Main job role"}, "value": {"text": presenters.label("job_roles", vacancy.job_role)}},
        {
            "key": {"text": "Contract"},
            "value": {"text": presenters.label("contract_type", PERMANENT)},
        },
        {"key": {"text": "Start date"}, "value": {"text": presenters.gov_date(start_date)}, "actions": change},
        {"key": {"text": "Care Certificate"}, "value": {"text": "Not started"}},
        {
            "key": {"text": "Worker reference"},
            "value": {"text": f"{queries.next_worker_reference(vacancy.workplace)} (the next free reference)"},
        },
    ]
    return page(request, "hire_check.html", "Check before you hire", application=application, rows=rows)
