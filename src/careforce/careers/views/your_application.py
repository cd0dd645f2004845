"""An applicant's own application: confirm the address by the emailed link, withdraw it (signed in, or by
the link in their copy), and confirm an account's address so earlier applications join it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from careforce.accounts.access import public, requires
from careforce.accounts.scope import ScopedRequest
from careforce.careers import applications
from careforce.careers.presenters import job_title, with_article
from careforce.domain.access import Permission
from careforce.recruitment import services

NOTICE = "careers_notice"


def _job(application: Any) -> dict[str, str]:
    vacancy = application.vacancy
    return {
        "job": with_article(job_title(vacancy).lower()),
        "workplace": vacancy.workplace.name,
        "employer": vacancy.workplace.organisation.name,
        "reference": f"CF-{application.pk}",
    }


@public
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    application = applications.confirm_application(token)
    return render(
        request,
        "careers/email_confirmed.html",
        {"title": "Email address confirmed", "account": False, **_job(application)},
    )


@public
def confirm_account(request: HttpRequest, token: str) -> HttpResponse:
    user, joined = applications.confirm_account(token)
    signed_in = request.user.is_authenticated and request.user.pk == user.pk
    return render(
        request,
        "careers/email_confirmed.html",
        {"title": "Email address confirmed", "account": True, "joined": joined, "signed_in": signed_in},
    )


@requires(Permission.VIEW_OWN_APPLICATIONS)
@require_POST
def resend_confirmation(request: ScopedRequest) -> HttpResponse:
    applications.ask_to_confirm(request.user)
    request.session[NOTICE] = "We have sent the link again. It works for 7 days."
    return redirect("careers:your-applications")


def _withdraw(request: HttpRequest, application: Any, back: str) -> HttpResponse:
    details = _job(application)
    if request.method == "POST" and applications.is_withdrawable(application):
        services.withdraw(application)
        return render(request, "careers/withdrawn.html", {"title": "Application withdrawn", **details})
    return render(
        request,
        "careers/withdraw.html",
        {
            "title": "Withdraw your application",
            "possible": applications.is_withdrawable(application),
            "stage": application.stage,
            "back": back,
            **details,
        },
    )


@public
def withdraw_by_link(request: HttpRequest, token: str) -> HttpResponse:
    from django.urls import reverse

    return _withdraw(request, applications.by_link(token, "withdraw"), reverse("careers:search"))


@requires(Permission.VIEW_OWN_APPLICATIONS)
def withdraw(request: ScopedRequest, application_id: int) -> HttpResponse:
    from django.urls import reverse

    return _withdraw(request, applications.own(request.user, application_id), reverse("careers:your-applications"))
