"""A worker's ASC-WDS personal items: question pages, check your answers, then one save (ADR 0112).

Offered once a worker is added; each item is changed afterwards from the worker's record
(``worker_views.change_worker``). Nothing is saved before check your answers.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.web.journeys import Journey, Places

from . import presenters, queries, services
from .pages import ask, render_page, set_notice
from .personal_forms import PERSONAL_QUESTIONS, record_items
from .worker_views import form_maker


def _journey(request: HttpRequest, worker: Any) -> Journey:
    return Journey(
        request,
        f"personal-items-{worker.pk}",
        PERSONAL_QUESTIONS,
        Places(
            question=lambda step: reverse("workforce:personal-question", args=[worker.pk, step]),
            check=reverse("workforce:personal-check", args=[worker.pk]),
            start=reverse("workforce:worker", args=[worker.pk]),
        ),
        make_form=form_maker(worker.workplace, worker.pk, worker.start_date),
    )


def _caption(worker: Any) -> str:
    return f"Personal details of worker {worker.local_identifier}"


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def personal_items(request: ScopedRequest, worker_id: int) -> HttpResponse:
    """Start (or carry on): the first question not yet answered."""
    worker = queries.current_managed_worker_for(request.scope, worker_id)
    return redirect(_journey(request, worker).next_url())


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def personal_question(request: ScopedRequest, worker_id: int, step: str) -> HttpResponse:
    worker = queries.current_managed_worker_for(request.scope, worker_id)
    return ask(request, _journey(request, worker), step, _caption(worker))


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def personal_check(request: ScopedRequest, worker_id: int) -> HttpResponse:
    worker = queries.current_managed_worker_for(request.scope, worker_id)
    journey = _journey(request, worker)
    progress = journey.progress()
    if progress.next is not None:
        return redirect(journey.places.question(progress.next))
    items = record_items(progress.cleaned)
    if request.method == "POST":
        services.save_personal_items(request.user, worker.pk, items)
        journey.clear()
        set_notice(request, "Personal details saved")
        return redirect("workforce:worker", worker.pk)
    rows = journey.summary_rows([(item, answer, step) for step, item, answer in presenters.personal_items(items)])
    return render_page(
        request,
        "workforce/check_answers.html",
        "Check the personal details before saving them",
        rows=rows,
        caption=_caption(worker),
        button="Save personal details",
        back_url=journey.places.question(progress.asked[-1]),
        intro="These are the personal items ASC-WDS asks for. You can change each of them later from the "
        "worker's record.",
    )
