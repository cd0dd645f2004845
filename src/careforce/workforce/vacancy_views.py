"""A workplace's open vacancies by job role: list, add, change and close."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission

from . import presenters, queries, services
from .pages import render_page, set_notice
from .vacancy_form import VacancyForm
from .vacancy_pay import local_pay


def _hours_pattern(vacancy: Any) -> str:
    chosen = [
        text
        for name, text in (
            ("full_time", "full time"),
            ("part_time", "part time"),
            ("school_hours", "school hours"),
            ("nights", "nights"),
            ("weekends", "weekends"),
        )
        if getattr(vacancy, name)
    ]
    return ", ".join(chosen)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def vacancies(request: ScopedRequest, workplace_id: int) -> HttpResponse:
    workplace = queries.workplace_for(request.scope, workplace_id)
    rows = [
        {
            "vacancy": v,
            "role": v.title or presenters.label("job_roles", v.job_role),
            "job_role": presenters.label("job_roles", v.job_role),
            "pay": "Not known" if v.hourly_rate is None else f"£{v.hourly_rate:.2f} an hour",
            "hours": "Not known" if v.contracted_hours is None else f"{v.contracted_hours}",
            "pattern": _hours_pattern(v),
            "closing": presenters.gov_date(v.closing_date) if v.closing_date else "No closing date",
        }
        for v in queries.open_vacancies(workplace)
    ]
    return render_page(
        request,
        "workforce/vacancies.html",
        f"Vacancies at {workplace.name}",
        workplace=workplace,
        rows=rows,
        posts=sum(r["vacancy"].number_of_posts for r in rows),  # type: ignore[attr-defined]
    )


def _vacancy_page(request: ScopedRequest, workplace: Any, vacancy: Any | None) -> HttpResponse:
    back_url = reverse("workforce:vacancies", args=[workplace.pk])
    leave_out = vacancy.pk if vacancy else None
    if request.method == "POST":
        form = VacancyForm(data=request.POST, local_pay=lambda role: local_pay(workplace, role, leave_out))
        if form.is_valid():
            services.save_vacancy(request.user, workplace.pk, vacancy.pk if vacancy else None, form.vacancy_fields())
            set_notice(request, "Vacancy saved")
            return redirect(back_url)
    else:
        form = VacancyForm(initial=VacancyForm.initial_from(vacancy) if vacancy else None)
    return render_page(
        request,
        "workforce/question.html",
        "Change a vacancy" if vacancy else "Add a vacancy",
        form=form,
        question=None,
        caption=workplace.name,
        back_url=back_url,
        button="Save",
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def add_vacancy(request: ScopedRequest, workplace_id: int) -> HttpResponse:
    return _vacancy_page(request, queries.workplace_for(request.scope, workplace_id), None)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def change_vacancy(request: ScopedRequest, vacancy_id: int) -> HttpResponse:
    vacancy = queries.vacancy_for(request.scope, vacancy_id)
    return _vacancy_page(request, vacancy.workplace, vacancy)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def close_vacancy(request: ScopedRequest, vacancy_id: int) -> HttpResponse:
    vacancy = queries.vacancy_for(request.scope, vacancy_id)
    back_url = reverse("workforce:vacancies", args=[vacancy.workplace_id])
    if request.method == "POST":
        services.close_vacancy(request.user, vacancy.pk)
        set_notice(request, "Vacancy closed")
        return redirect(back_url)
    rows = presenters.summary_rows(
        [
            ("Job role", presenters.label("job_roles", vacancy.job_role), None),
            ("Number of posts", str(vacancy.number_of_posts), None),
            ("Posted", presenters.gov_date(vacancy.posted_on), None),
        ]
    )
    return render_page(
        request,
        "workforce/confirm.html",
        "Are you sure you want to close this vacancy?",
        rows=rows,
        caption=vacancy.workplace.name,
        back_url=back_url,
        button="Yes, close it",
        intro="It will leave job search and no longer count as an open vacancy from today.",
    )
