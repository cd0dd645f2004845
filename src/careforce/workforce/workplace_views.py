"""A workplace's details, and changing them one question page at a time."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission

from . import presenters, queries, services
from .forms import WorkplaceAddressForm, WorkplaceMainServiceForm, WorkplaceNameForm
from .pages import posted, render_page, set_notice

QUESTIONS: dict[str, tuple[type[forms.Form], str]] = {
    "name": (WorkplaceNameForm, "What is the workplace called?"),
    "address": (WorkplaceAddressForm, "What is the workplace's address?"),
    "main-service": (WorkplaceMainServiceForm, "What is the workplace's main service?"),
}


def _address(workplace: Any) -> str:
    lines = [
        workplace.address_line_1,
        workplace.address_line_2,
        workplace.address_line_3,
        workplace.post_town,
        workplace.postcode,
    ]
    return ", ".join(line for line in lines if line)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def workplace_details(request: ScopedRequest, workplace_id: int) -> HttpResponse:
    workplace = queries.workplace_for(request.scope, workplace_id)

    def change(step: str) -> str:
        return reverse("workforce:workplace-change", args=[workplace.pk, step])

    rows = presenters.summary_rows(
        [
            ("Name", workplace.name, change("name")),
            ("Address", _address(workplace), change("address")),
            ("Main service", presenters.label("main_services", workplace.main_service), change("main-service")),
            ("Workplace reference", workplace.local_identifier, None),
            ("Council area", workplace.council.name, None),
            ("CQC location ID", workplace.cqc_location_id or "Not regulated by CQC", None),
        ]
    )
    return render_page(request, "workforce/workplace.html", "Workplace details", workplace=workplace, rows=rows)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def change_workplace(request: ScopedRequest, workplace_id: int, step: str) -> HttpResponse:
    workplace = queries.workplace_for(request.scope, workplace_id)
    if step not in QUESTIONS:
        raise Http404("No such question")
    form_class, title = QUESTIONS[step]
    if request.method == "POST":
        form = form_class(data=posted(request))
        if form.is_valid():
            services.update_workplace(request.user, workplace.pk, form.cleaned_data)
            set_notice(request, "Workplace details updated")
            return redirect("workforce:workplace", workplace.pk)
    else:
        form = form_class(initial={name: getattr(workplace, name) for name in form_class.base_fields})
    single = len(form.fields) == 1
    return render_page(
        request,
        "workforce/question.html",
        title,
        form=form,
        question=next(iter(form.fields)) if single else None,
        caption=workplace.name,
        back_url=reverse("workforce:workplace", args=[workplace.pk]),
        button="Save",
        hint=None
        if single
        else f"The postcode ({workplace.postcode}) sets the council area; ask your administrator to change it.",
    )
