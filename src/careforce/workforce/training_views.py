"""Training records and qualifications of a worker, and the training due page.

The pages are shared by a provider manager (any worker in their organisation) and a staff member (their
own record, from "My record"): the thin views below find the worker through the right scoped query and
hand it to the shared page functions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.domain.reference import code_list
from careforce.web.listing import Filter, Listing

from . import presenters, queries, services
from .forms import QualificationForm, TrainingForm
from .pages import posted, render_page, set_notice

TRAINING_DUE_DAYS = 90
TRAINING_DUE_SORTS = {
    "worker": ["worker__local_identifier"],
    "workplace": ["worker__workplace__name", "expires_on"],
    "expires": ["expires_on", "worker__local_identifier"],
}


def learning_context(worker: Any, url: Callable[..., str]) -> dict[str, Any]:
    """Training and qualification rows for a worker's page; ``url(name, *ids)`` makes the links."""
    today = timezone.localdate()
    training = [
        {
            "category": presenters.label("training_categories", t.category),
            "name": t.name,
            "completed": presenters.gov_date(t.completed_on),
            "expires": presenters.gov_date(t.expires_on) if t.expires_on else "Does not expire",
            "accredited": presenters.label("accredited", t.accredited),
            "status": presenters.training_status(t.expires_on, today, TRAINING_DUE_DAYS),
            "change": url("training-change", t.pk),
            "delete": url("training-delete", t.pk),
        }
        for t in queries.training_of(worker)
    ]
    qualifications = [
        {
            "name": presenters.qualification_label(q.qualification),
            "year": q.year_achieved or "Not known",
            "remove": url("qualification-remove", q.pk),
        }
        for q in queries.qualifications_of(worker)
    ]
    return {
        "training": training,
        "qualifications": qualifications,
        "add_training": url("training-add"),
        "add_qualification": url("qualification-add"),
    }


def training_page(request: ScopedRequest, worker: Any, record_id: int | None, back_url: str) -> HttpResponse:
    if request.method == "POST":
        form = TrainingForm(data=posted(request))
        if form.is_valid():
            services.save_training(request.user, worker.pk, record_id, form.cleaned_data)
            set_notice(request, "Training record saved")
            return redirect(back_url)
    elif record_id is not None:
        record = queries.training_record_of(worker, record_id)
        form = TrainingForm(initial={name: getattr(record, name) for name in TrainingForm.base_fields})
    else:
        form = TrainingForm()
    title = "Change a training record" if record_id else "Add a training record"
    return render_page(
        request,
        "workforce/question.html",
        title,
        form=form,
        question=None,
        caption=f"Worker {worker.local_identifier}",
        back_url=back_url,
        button="Save",
    )


def training_delete_page(request: ScopedRequest, worker: Any, record_id: int, back_url: str) -> HttpResponse:
    record = queries.training_record_of(worker, record_id)
    if request.method == "POST":
        services.delete_training(request.user, worker.pk, record.pk)
        set_notice(request, "Training record deleted")
        return redirect(back_url)
    rows = presenters.summary_rows(
        [
            ("Category", presenters.label("training_categories", record.category), None),
            ("Date completed", presenters.gov_date(record.completed_on), None),
        ]
    )
    return render_page(
        request,
        "workforce/confirm.html",
        "Are you sure you want to delete this training record?",
        rows=rows,
        caption=f"Worker {worker.local_identifier}",
        back_url=back_url,
        button="Yes, delete it",
    )


def qualification_page(request: ScopedRequest, worker: Any, back_url: str) -> HttpResponse:
    held = set(queries.qualifications_of(worker).values_list("qualification", flat=True))
    form = QualificationForm(
        data=posted(request) if request.method == "POST" else None, already_recorded=held.__contains__
    )
    if form.is_bound and form.is_valid():
        services.add_qualification(
            request.user, worker.pk, form.cleaned_data["qualification"], form.cleaned_data["year_achieved"]
        )
        set_notice(request, "Qualification added")
        return redirect(back_url)
    return render_page(
        request,
        "workforce/question.html",
        "Add a qualification",
        form=form,
        question=None,
        caption=f"Worker {worker.local_identifier}",
        back_url=back_url,
        button="Save",
    )


def qualification_remove_page(request: ScopedRequest, worker: Any, record_id: int, back_url: str) -> HttpResponse:
    record = queries.qualification_of(worker, record_id)
    if request.method == "POST":
        services.remove_qualification(request.user, worker.pk, record.pk)
        set_notice(request, "Qualification removed")
        return redirect(back_url)
    rows = presenters.summary_rows(
        [
            ("Qualification", presenters.qualification_label(record.qualification), None),
            ("Year achieved", str(record.year_achieved or "Not known"), None),
        ]
    )
    return render_page(
        request,
        "workforce/confirm.html",
        "Are you sure you want to remove this qualification?",
        rows=rows,
        caption=f"Worker {worker.local_identifier}",
        back_url=back_url,
        button="Yes, remove it",
    )


def _managed(request: ScopedRequest, worker_id: int) -> tuple[Any, str]:
    worker = queries.managed_worker_for(request.scope, worker_id)
    return worker, reverse("workforce:worker", args=[worker.pk])


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def add_training(request: ScopedRequest, worker_id: int) -> HttpResponse:
    return training_page(request, *_with_id(_managed(request, worker_id), None))


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def change_training(request: ScopedRequest, worker_id: int, record_id: int) -> HttpResponse:
    return training_page(request, *_with_id(_managed(request, worker_id), record_id))


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def delete_training(request: ScopedRequest, worker_id: int, record_id: int) -> HttpResponse:
    return training_delete_page(request, *_with_id(_managed(request, worker_id), record_id))


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def add_qualification(request: ScopedRequest, worker_id: int) -> HttpResponse:
    return qualification_page(request, *_managed(request, worker_id))


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def remove_qualification(request: ScopedRequest, worker_id: int, record_id: int) -> HttpResponse:
    return qualification_remove_page(request, *_with_id(_managed(request, worker_id), record_id))


def _with_id(found: tuple[Any, str], record_id: int | None) -> tuple[Any, Any, str]:
    worker, back_url = found
    return worker, record_id, back_url


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def training_due(request: ScopedRequest) -> HttpResponse:
    """Current staff whose training has expired or expires in the next 90 days, soonest first, 50 a page.

    Filter by workplace, main job role and status; sort by any column.
    """
    today = timezone.localdate()
    listing = Listing.from_query(
        request.GET,
        sorts=TRAINING_DUE_SORTS,
        default_sort="expires",
        filters=[
            Filter(
                "workplace", "Workplace", [(str(pk), name) for pk, name in queries.workplace_choices_for(request.scope)]
            ),
            Filter("role", "Main job role", [(str(c), t) for c, t in code_list("job_roles").choices()]),
            Filter("status", "Status", [("expired", "Expired"), ("soon", "Expires soon")]),
        ],
    )
    chosen = listing.chosen
    records = queries.training_expiring_for(
        request.scope,
        TRAINING_DUE_DAYS,
        today,
        workplace_id=int(chosen["workplace"]) if "workplace" in chosen else None,
        job_role=int(chosen["role"]) if "role" in chosen else None,
        expired={"expired": True, "soon": False}.get(chosen.get("status", "")),
    )
    expired, total = queries.count_expired(records, today)
    page = listing.page(records.order_by(*listing.order_by()), count=total)
    rows = [
        {
            "worker": t.worker,
            "workplace": t.worker.workplace.name,
            "role": presenters.label("job_roles", t.worker.main_job_role),
            "category": presenters.label("training_categories", t.category),
            "expires": presenters.gov_date(t.expires_on),
            "status": presenters.training_status(t.expires_on, today, TRAINING_DUE_DAYS),
        }
        for t in page
    ]
    return render_page(
        request,
        "workforce/training_due.html",
        "Training due",
        rows=rows,
        page=page,
        listing=listing,
        showing=listing.showing(page, "training record"),
        expired=expired,
        due_soon=total - expired,
        days=TRAINING_DUE_DAYS,
    )
