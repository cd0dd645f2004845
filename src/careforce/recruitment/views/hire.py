"""Hire an applicant: choose the start date, check, then a worker record is created in the workforce.

A journey of one question on the one journey helper (``careforce.web.journeys``, ADR 0120): the start date
is kept in the session as typed until check your answers."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.domain.reference import PERMANENT
from careforce.web.journeys import Journey, Places, Question, change_action

from .. import presenters, queries, services
from ..forms import HireForm
from .common import notify, page

QUESTIONS = (Question("start-date", HireForm),)


def _journey(request: HttpRequest, application: Any) -> Journey:
    def make(question: Question, data: Any, initial: Mapping[str, Any] | None) -> forms.Form:
        return HireForm(data=data, initial=initial, earliest=services.earliest_start(application))

    hire_page = reverse("recruitment:hire", args=[application.pk])
    return Journey(
        request,
        f"recruitment-hire-{application.pk}",
        QUESTIONS,
        Places(
            question=lambda step: hire_page,
            check=reverse("recruitment:hire-check", args=[application.pk]),
            start=reverse("recruitment:applicant", args=[application.pk]),
        ),
        make_form=make,
    )


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
    form, next_url = _journey(request, application).answer(request, "start-date")
    if next_url is not None:
        return redirect(next_url)
    return page(request, "hire.html", f"Hire {application.display_name}", form=form, application=application)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def hire_check(request: ScopedRequest, application_id: int) -> HttpResponse:
    application = queries.application_for(request.scope, application_id)
    if (refused := _refuse_unless_hirable(request, application)) is not None:
        return refused
    journey = _journey(request, application)
    progress = journey.progress()
    if progress.next is not None:
        return redirect("recruitment:hire", application.pk)
    start_date = progress.cleaned["start_date"]
    if request.method == "POST":
        try:
            worker = services.hire(request.user, application.pk, start_date)
        except services.PipelineError as problem:
            notify(request, str(problem), success=False)
            return redirect("recruitment:applicant", application.pk)
        journey.clear()
        notify(request, f"{application.display_name} is hired. Their worker record is {worker.local_identifier}.")
        return redirect("recruitment:applicant", application.pk)
    vacancy = application.vacancy
    change = change_action(journey.change_url("start-date"), "Start date")
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
