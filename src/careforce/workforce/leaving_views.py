"""Recording that a worker has left: the date they left, why, then a check page.

The record is kept (with the date and reason) so starters, leavers and turnover stay right; it leaves the
current staff list.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.web.journeys import Journey, Places, Question

from . import presenters, queries, services
from .forms import LeaveDateForm, LeaveReasonForm
from .pages import ask, render_page, set_notice

QUESTIONS = (Question("date", LeaveDateForm), Question("reason", LeaveReasonForm))


def _who(worker: Any) -> str:
    """The worker's name and reference, or the reference alone when no name is recorded."""
    named = worker.name_or_id and worker.name_or_id != worker.local_identifier
    return f"{worker.name_or_id} ({worker.local_identifier})" if named else worker.local_identifier


def _journey(request: HttpRequest, worker: Any) -> Journey:
    def make(
        question: Question, data: MultiValueDict[str, str] | None, initial: Mapping[str, Any] | None
    ) -> forms.Form:
        if question.form is LeaveDateForm:
            return LeaveDateForm(data=data, initial=initial, started_on=worker.start_date)
        return question.form(data=data, initial=initial)  # type: ignore[arg-type]

    return Journey(
        request,
        f"leave-{worker.pk}",
        QUESTIONS,
        Places(
            question=lambda step: reverse("workforce:leave-question", args=[worker.pk, step]),
            check=reverse("workforce:leave-check", args=[worker.pk]),
            start=reverse("workforce:worker", args=[worker.pk]),
        ),
        make_form=make,
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def leave(request: ScopedRequest, worker_id: int) -> HttpResponse:
    worker = queries.current_managed_worker_for(request.scope, worker_id)
    return redirect("workforce:leave-question", worker.pk, QUESTIONS[0].slug)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def leave_question(request: ScopedRequest, worker_id: int, step: str) -> HttpResponse:
    worker = queries.current_managed_worker_for(request.scope, worker_id)
    return ask(request, _journey(request, worker), step, f"Worker {worker.local_identifier}")


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def leave_check(request: ScopedRequest, worker_id: int) -> HttpResponse:
    worker = queries.current_managed_worker_for(request.scope, worker_id)
    journey = _journey(request, worker)
    progress = journey.progress()
    if progress.next is not None:
        return redirect(journey.places.question(progress.next))
    cleaned = progress.cleaned
    if request.method == "POST":
        services.record_leaving(request.user, worker.pk, cleaned["left_on"], cleaned["leaving_reason"])
        journey.clear()
        set_notice(
            request,
            f"Worker {worker.local_identifier} recorded as having left on {presenters.gov_date(cleaned['left_on'])}",
        )
        return redirect("workforce:staff", worker.workplace_id)
    rows = journey.summary_rows(
        [
            ("Worker", f"{_who(worker)}, {presenters.label('job_roles', worker.main_job_role)}", None),
            ("Date they left", presenters.gov_date(cleaned["left_on"]), "date"),
            ("Why they left", presenters.label("worker_leave_reason", cleaned["leaving_reason"]), "reason"),
        ]
    )
    return render_page(
        request,
        "workforce/check_answers.html",
        "Check your answers before recording that they left",
        rows=rows,
        caption=f"Worker {worker.local_identifier}",
        button="Record that they left",
        back_url=journey.places.question(progress.asked[-1]),
        intro="They will leave your current staff list. Their record is kept, so your starters, "
        "leavers and turnover stay right.",
    )
