"""Adding a worker (question pages, check your answers, confirmation) and changing a worker's answers."""

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
from .forms import (
    AnnualSalaryForm,
    CareCertificateForm,
    ContractTypeForm,
    HourlyRateForm,
    HoursForm,
    MainJobRoleForm,
    PayIntervalForm,
    StartDateForm,
    WorkerReferenceForm,
)
from .pages import SessionAnswers, posted, render_page, set_notice

# the question pages, in order: step (its URL part) -> form. Each form asks one thing.
STEPS: dict[str, type[forms.Form]] = {
    "reference": WorkerReferenceForm,
    "main-job-role": MainJobRoleForm,
    "contract-type": ContractTypeForm,
    "start-date": StartDateForm,
    "hours": HoursForm,
    "pay": PayIntervalForm,
    "hourly-rate": HourlyRateForm,
    "annual-salary": AnnualSalaryForm,
    "care-certificate": CareCertificateForm,
}
ORDER = list(STEPS)
# the pay amount is asked only for the way they are paid (ASC-WDS SALARYINT: 3 hourly, 1 annual)
AMOUNT_STEP = {3: "hourly-rate", 1: "annual-salary"}
PAY_STASH = "workforce:change-pay-{}"


def _applies(step: str, cleaned: dict[str, Any]) -> bool:
    if step in AMOUNT_STEP.values():
        return AMOUNT_STEP.get(cleaned.get("pay_interval")) == step  # type: ignore[arg-type]
    return True


def _form(
    step: str,
    workplace: Any,
    data: dict[str, str] | None = None,
    initial: dict[str, Any] | None = None,
    worker_id: int | None = None,
) -> forms.Form:
    if step not in STEPS:
        raise Http404("No such question")
    kwargs: dict[str, Any] = {"data": data, "initial": initial}
    if step == "reference":
        kwargs["reference_taken"] = lambda ref: queries.worker_reference_taken(workplace, ref, worker_id)
    return STEPS[step](**kwargs)


def _question_page(
    request: HttpRequest, form: forms.Form, step: str, caption: str, back_url: str, button: str
) -> HttpResponse:
    question = next(iter(form.fields))
    return render_page(
        request,
        "workforce/question.html",
        str(form.fields[question].label),
        form=form,
        question=question,
        caption=caption,
        back_url=back_url,
        button=button,
    )


def _journey(request: HttpRequest, workplace_id: int) -> SessionAnswers:
    return SessionAnswers(request, f"add-worker-{workplace_id}")


def _valid_answers(answers: SessionAnswers, workplace: Any) -> tuple[dict[str, Any], str | None]:
    """The cleaned answers so far, and the first step still to answer (or now invalid), if any."""
    cleaned: dict[str, Any] = {"hourly_rate": None, "annual_salary": None}
    for step in ORDER:
        if not _applies(step, cleaned):
            continue
        data = answers.get(step)
        form = _form(step, workplace, data=data) if data is not None else None
        if form is None or not form.is_valid():
            return cleaned, step
        cleaned.update(form.cleaned_data)
    return cleaned, None


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def add_worker(request: HttpRequest, workplace_id: int) -> HttpResponse:
    """Start (or carry on) adding a worker: go to the first question not yet answered."""
    workplace = queries.workplace_for(request.user, workplace_id)
    _, next_step = _valid_answers(_journey(request, workplace_id), workplace)
    if next_step is None:
        return redirect("workforce:add-worker-check", workplace.pk)
    return redirect("workforce:add-worker-question", workplace.pk, next_step)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def add_worker_question(request: HttpRequest, workplace_id: int, step: str) -> HttpResponse:
    workplace = queries.workplace_for(request.user, workplace_id)
    answers = _journey(request, workplace_id)
    if request.method == "POST":
        form = _form(step, workplace, data=posted(request))
        if form.is_valid():
            answers.put(step, posted(request))
            _, next_step = _valid_answers(answers, workplace)
            if next_step is None:
                return redirect("workforce:add-worker-check", workplace.pk)
            return redirect("workforce:add-worker-question", workplace.pk, next_step)
    else:
        form = _form(step, workplace, data=answers.get(step))
    cleaned, _ = _valid_answers(answers, workplace)
    earlier = [s for s in ORDER[: ORDER.index(step)] if _applies(s, cleaned)]
    if request.GET.get("change"):
        back_url = reverse("workforce:add-worker-check", args=[workplace.pk])
    elif not earlier:
        back_url = reverse("workforce:staff", args=[workplace.pk])
    else:
        back_url = reverse("workforce:add-worker-question", args=[workplace.pk, earlier[-1]])
    return _question_page(request, form, step, f"Add a worker to {workplace.name}", back_url, "Continue")


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def add_worker_check(request: ScopedRequest, workplace_id: int) -> HttpResponse:
    workplace = queries.workplace_for(request.user, workplace_id)
    answers = _journey(request, workplace_id)
    cleaned, next_step = _valid_answers(answers, workplace)
    if next_step is not None:
        # a question not answered yet, or an answer no longer valid (its page shows why)
        return redirect("workforce:add-worker-question", workplace.pk, next_step)
    if request.method == "POST":
        try:
            worker = services.add_worker(request.user, workplace.pk, cleaned)
        except services.WorkerReferenceTaken:
            return redirect("workforce:add-worker-question", workplace.pk, "reference")
        answers.clear()
        return redirect("workforce:worker-added", worker.pk)
    rows = presenters.summary_rows(
        [
            (question, answer, reverse("workforce:add-worker-question", args=[workplace.pk, step]) + "?change=1")
            for step, question, answer in presenters.worker_answers(cleaned)
        ]
    )
    return render_page(
        request,
        "workforce/check_answers.html",
        "Check your answers before adding the worker",
        rows=rows,
        caption=f"Add a worker to {workplace.name}",
        button="Add worker",
        back_url=reverse("workforce:add-worker-question", args=[workplace.pk, ORDER[-1]]),
        intro="Make sure these answers are right. You can change them later from the worker's record.",
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def worker_added(request: HttpRequest, worker_id: int) -> HttpResponse:
    worker = queries.managed_worker_for(request.user, worker_id)
    return render_page(request, "workforce/worker_added.html", "Worker added", worker=worker)


def _initial(worker: Any) -> dict[str, Any]:
    initial = {name: getattr(worker, name) for name in services.WORKER_FIELDS}
    initial["hours"] = services.hours_of(worker)
    return initial


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def change_worker(request: ScopedRequest, worker_id: int, step: str) -> HttpResponse:
    """One question page, filled in from the worker's record; saving it returns to the record."""
    worker = queries.managed_worker_for(request.user, worker_id)
    stash = PAY_STASH.format(worker.pk)
    if step in AMOUNT_STEP.values() and AMOUNT_STEP.get(request.session.get(stash, worker.pay_interval)) != step:
        return redirect("workforce:worker-change", worker.pk, "pay")  # asked only for how they are paid
    if request.method == "POST":
        form = _form(step, worker.workplace, data=posted(request), worker_id=worker.pk)
        if form.is_valid():
            changes = dict(form.cleaned_data)
            if step == "pay" and changes["pay_interval"] in AMOUNT_STEP:
                # the way of paying is saved with the amount, on the next page, so the record is never half-changed
                request.session[stash] = changes["pay_interval"]
                return redirect("workforce:worker-change", worker.pk, AMOUNT_STEP[changes["pay_interval"]])
            if step in AMOUNT_STEP.values():
                changes["pay_interval"] = request.session.get(stash, worker.pay_interval)
            if "pay_interval" in changes:
                changes.setdefault("hourly_rate", None)
                changes.setdefault("annual_salary", None)
            try:
                services.update_worker(request.user, worker.pk, changes)
            except services.WorkerReferenceTaken:
                form.add_error(
                    "local_identifier", "Enter a worker reference that is not already used at this workplace"
                )
            else:
                request.session.pop(stash, None)
                set_notice(request, "Worker record updated")
                return redirect("workforce:worker", worker.pk)
    else:
        form = _form(step, worker.workplace, initial=_initial(worker), worker_id=worker.pk)
    back_url = reverse("workforce:worker", args=[worker.pk])
    if step in AMOUNT_STEP.values():
        back_url = reverse("workforce:worker-change", args=[worker.pk, "pay"])
    return _question_page(
        request, form, step, f"Worker {worker.local_identifier}", back_url, "Continue" if step == "pay" else "Save"
    )
