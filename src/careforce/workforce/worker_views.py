"""Adding a worker (question pages, check your answers, confirmation) and changing a worker's answers.

Both run on the one journey helper (``careforce.web.journeys``, ADR 0120); the worker's personal items have
their own journey in ``personal_views`` and are changed here, one item at a time, from the worker's record.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.web.journeys import Journey, Places, Question, RecordChange, posted

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
from .pages import ask, question_page, render_page, set_notice
from .personal_forms import PERSONAL_GROUPS, PERSONAL_QUESTIONS, DateOfBirthForm, answers_of, record_items

# ASC-WDS SALARYINT: the amount is asked only for the way they are paid (3 hourly, 1 annual)
HOURLY, ANNUAL = 3, 1


def _paid(interval: int) -> Any:
    def applies(answers: Mapping[str, Any]) -> bool:
        return answers.get("pay_interval") == interval

    return applies


# the question pages of adding a worker, in order. Each form asks one thing.
QUESTIONS = (
    Question("reference", WorkerReferenceForm),
    Question("main-job-role", MainJobRoleForm),
    Question("contract-type", ContractTypeForm),
    Question("start-date", StartDateForm),
    Question("hours", HoursForm),
    Question("pay", PayIntervalForm),
    Question("hourly-rate", HourlyRateForm, _paid(HOURLY)),
    Question("annual-salary", AnnualSalaryForm, _paid(ANNUAL)),
    Question("care-certificate", CareCertificateForm),
)
# the questions a worker's record changes, and the questions whose answers open others (changed together)
CHANGEABLE = {q.slug: q for q in (*QUESTIONS, *PERSONAL_QUESTIONS)}
GROUPS: dict[str, tuple[str, ...]] = {"pay": ("pay", "hourly-rate", "annual-salary"), **PERSONAL_GROUPS}
PERSONAL_STEPS = {q.slug for q in PERSONAL_QUESTIONS}


def form_maker(workplace: Any, worker_id: int | None = None, started_on: Any = None) -> Any:
    """Builds the worker questions' forms, giving the reference and date of birth checks what they need."""

    def make(
        question: Question, data: MultiValueDict[str, str] | None, initial: Mapping[str, Any] | None
    ) -> forms.Form:
        kwargs: dict[str, Any] = {"data": data, "initial": initial}
        if question.form is WorkerReferenceForm:
            kwargs["reference_taken"] = lambda ref: queries.worker_reference_taken(workplace, ref, worker_id)
        elif question.form is DateOfBirthForm:
            kwargs["started_on"] = started_on
        return question.form(**kwargs)

    return make


def _adding(request: HttpRequest, workplace: Any) -> Journey:
    return Journey(
        request,
        f"add-worker-{workplace.pk}",
        QUESTIONS,
        Places(
            question=lambda step: reverse("workforce:add-worker-question", args=[workplace.pk, step]),
            check=reverse("workforce:add-worker-check", args=[workplace.pk]),
            start=reverse("workforce:staff", args=[workplace.pk]),
        ),
        known={"hourly_rate": None, "annual_salary": None},
        make_form=form_maker(workplace),
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def add_worker(request: ScopedRequest, workplace_id: int) -> HttpResponse:
    """Start (or carry on) adding a worker: go to the first question not yet answered."""
    workplace = queries.workplace_for(request.scope, workplace_id)
    return redirect(_adding(request, workplace).next_url())


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def add_worker_question(request: ScopedRequest, workplace_id: int, step: str) -> HttpResponse:
    workplace = queries.workplace_for(request.scope, workplace_id)
    return ask(request, _adding(request, workplace), step, f"Add a worker to {workplace.name}")


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def add_worker_check(request: ScopedRequest, workplace_id: int) -> HttpResponse:
    workplace = queries.workplace_for(request.scope, workplace_id)
    journey = _adding(request, workplace)
    progress = journey.progress()
    if progress.next is not None:
        # a question not answered yet, or an answer no longer valid (its page shows why)
        return redirect(journey.places.question(progress.next))
    if request.method == "POST":
        try:
            worker = services.add_worker(request.user, workplace.pk, progress.cleaned)
        except services.WorkerReferenceTaken:
            return redirect(journey.places.question("reference"))
        journey.clear()
        return redirect("workforce:worker-added", worker.pk)
    rows = journey.summary_rows(
        [(question, answer, step) for step, question, answer in presenters.worker_answers(progress.cleaned)]
    )
    return render_page(
        request,
        "workforce/check_answers.html",
        "Check your answers before adding the worker",
        rows=rows,
        caption=f"Add a worker to {workplace.name}",
        button="Add worker",
        back_url=journey.places.question(progress.asked[-1]),
        intro="Make sure these answers are right. You can change them later from the worker's record.",
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def worker_added(request: ScopedRequest, worker_id: int) -> HttpResponse:
    worker = queries.managed_worker_for(request.scope, worker_id)
    return render_page(request, "workforce/worker_added.html", "Worker added", worker=worker)


def _current(worker: Any) -> dict[str, Any]:
    current = {name: getattr(worker, name) for name in services.WORKER_FIELDS}
    current["hours"] = services.hours_of(worker)
    return {**current, **answers_of(worker)}


def _pay_changes(changes: dict[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """The way of paying is saved with the amount, so the record is never half-changed."""
    if {"pay_interval", "hourly_rate", "annual_salary"} & set(changes):
        changes.setdefault("pay_interval", values.get("pay_interval"))
        changes.setdefault("hourly_rate", None)
        changes.setdefault("annual_salary", None)
    return changes


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def change_worker(request: ScopedRequest, worker_id: int, step: str) -> HttpResponse:
    """One question page, filled in from the worker's record; saving it returns to the record.

    A question whose answer opens another (how they are paid, then the amount; another nationality, then
    which) saves both together after the second page."""
    worker = queries.managed_worker_for(request.scope, worker_id)
    if step not in CHANGEABLE:
        raise Http404("No such question")
    group = next((slugs for slugs in GROUPS.values() if step in slugs), (step,))
    change = RecordChange(
        request,
        f"change-worker-{worker.pk}",
        [CHANGEABLE[s] for s in group],
        _current(worker),
        make_form=form_maker(worker.workplace, worker.pk, worker.start_date),
    )
    if not change.applies(step):
        return redirect("workforce:worker-change", worker.pk, group[0])  # asked only after the question before
    form = change.form(step, posted(request) if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        follow, changes = change.submit(step, form, posted(request))
        if follow is not None:
            return redirect("workforce:worker-change", worker.pk, follow)
        try:
            if step in PERSONAL_STEPS:
                services.save_personal_items(request.user, worker.pk, record_items(changes))
            else:
                services.update_worker(request.user, worker.pk, _pay_changes(changes, change.values()))
        except services.WorkerReferenceTaken:
            form.add_error("local_identifier", "Enter a worker reference that is not already used at this workplace")
        else:
            change.done()
            set_notice(request, "Worker record updated")
            return redirect("workforce:worker", worker.pk)
    back_url = reverse("workforce:worker", args=[worker.pk])
    if step != group[0]:
        back_url = reverse("workforce:worker-change", args=[worker.pk, group[0]])
    button = "Continue" if step == group[0] and len(group) > 1 else "Save"
    return question_page(request, form, f"Worker {worker.local_identifier}", back_url, button)
