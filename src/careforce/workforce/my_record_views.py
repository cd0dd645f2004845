"""A staff member keeps their own training records and qualifications, from "My record".

Only these: the job, contract, pay, hours, Care Certificate and leaving are the employer's to record
(ADR 0009). Every view finds the record through ``queries.own_worker_for``, so no id in a URL can reach
anyone else's record.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import reverse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission

from . import queries, training_views

BACK = "workforce:my-record"


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def add_my_training(request: ScopedRequest) -> HttpResponse:
    return training_views.training_page(request, queries.own_worker_for(request.scope), None, reverse(BACK))


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def change_my_training(request: ScopedRequest, record_id: int) -> HttpResponse:
    return training_views.training_page(request, queries.own_worker_for(request.scope), record_id, reverse(BACK))


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def delete_my_training(request: ScopedRequest, record_id: int) -> HttpResponse:
    return training_views.training_delete_page(request, queries.own_worker_for(request.scope), record_id, reverse(BACK))


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def add_my_qualification(request: ScopedRequest) -> HttpResponse:
    return training_views.qualification_page(request, queries.own_worker_for(request.scope), reverse(BACK))


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def remove_my_qualification(request: ScopedRequest, record_id: int) -> HttpResponse:
    return training_views.qualification_remove_page(
        request, queries.own_worker_for(request.scope), record_id, reverse(BACK)
    )
