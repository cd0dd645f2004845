"""Recording that a worker has left: the date they left, why, then a check page.

The record is kept (with the date and reason) so starters, leavers and turnover stay right; it leaves the
current staff list.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission

from . import presenters, queries, services
from .forms import LeaveDateForm, LeaveReasonForm
from .pages import SessionAnswers, posted, render_page, set_notice

ORDER = ["date", "reason"]


def _current_worker(request: HttpRequest, worker_id: int) -> Any:
    worker = queries.managed_worker_for(request.user, worker_id)
    if not worker.is_current:
        raise Http404("This worker has already left")
    return worker


def _form(step: str, worker: Any, data: dict[str, str] | None) -> forms.Form:
    if step == "date":
        return LeaveDateForm(data=data, started_on=worker.start_date)
    if step == "reason":
        return LeaveReasonForm(data=data)
    raise Http404("No such question")


def _answers(request: HttpRequest, worker_id: int) -> SessionAnswers:
    return SessionAnswers(request, f"leave-{worker_id}")


def _valid(answers: SessionAnswers, worker: Any) -> tuple[dict[str, Any], str | None]:
    cleaned: dict[str, Any] = {}
    for step in ORDER:
        data = answers.get(step)
        form = _form(step, worker, data) if data is not None else None
        if form is None or not form.is_valid():
            return cleaned, step
        cleaned.update(form.cleaned_data)
    return cleaned, None


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def leave(request: HttpRequest, worker_id: int) -> HttpResponse:
    worker = _current_worker(request, worker_id)
    return redirect("workforce:leave-question", worker.pk, "date")


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def leave_question(request: HttpRequest, worker_id: int, step: str) -> HttpResponse:
    worker = _current_worker(request, worker_id)
    answers = _answers(request, worker.pk)
    if request.method == "POST":
        form = _form(step, worker, posted(request))
        if form.is_valid():
            answers.put(step, posted(request))
            _, next_step = _valid(answers, worker)
            if next_step is None:
                return redirect("workforce:leave-check", worker.pk)
            return redirect("workforce:leave-question", worker.pk, next_step)
    else:
        form = _form(step, worker, answers.get(step))
    if request.GET.get("change"):
        back_url = reverse("workforce:leave-check", args=[worker.pk])
    elif step == ORDER[0]:
        back_url = reverse("workforce:worker", args=[worker.pk])
    else:
        back_url = reverse("workforce:leave-question", args=[worker.pk, ORDER[ORDER.index(step) - 1]])
    question = next(iter(form.fields))
    return render_page(
        request,
        "workforce/question.html",
        str(form.fields[question].label),
        form=form,
        question=question,
        caption=f"Worker {worker.local_identifier}",
        back_url=back_url,
        button="Continue",
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def leave_check(request: ScopedRequest, worker_id: int) -> HttpResponse:
    worker = _current_worker(request, worker_id)
    answers = _answers(request, worker.pk)
    cleaned, next_step = _valid(answers, worker)
    if next_step is not None:
        return redirect("workforce:leave-question", worker.pk, next_step)
    if request.method == "POST":
        services.record_leaving(request.user, worker.pk, cleaned["left_on"], cleaned["leaving_reason"])
        answers.clear()
        set_notice(
            request,
            f"Worker {worker.local_identifier} recorded as having left on {presenters.gov_date(cleaned['left_on'])}",
        )
        return redirect("workforce:staff", worker.workplace_id)

    def change(step: str) -> str:
        return reverse("workforce:leave-question", args=[worker.pk, step]) + "?change=1"

    rows = presenters.summary_rows(
        [
            ("Worker", f"{worker.local_identifier}, {presenters.label('job_roles', worker.main_job_role)}", None),
            ("Date they left", presenters.gov_date(cleaned["left_on"]), change("date")),
            ("Why they left", presenters.label("worker_leave_reason", cleaned["leaving_reason"]), change("reason")),
        ]
    )
    return render_page(
        request,
        "workforce/check_answers.html",
        "Check your answers before recording that they left",
        rows=rows,
        caption=f"Worker {worker.local_identifier}",
        button="Record that they left",
        back_url=reverse("workforce:leave-question", args=[worker.pk, ORDER[-1]]),
        intro="They will leave your current staff list. Their record is kept, so your starters, "
        "leavers and turnover stay right.",
    )
