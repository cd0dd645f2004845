"""A job seeker's account: create one (on applying or on its own), see applications and their status,
download all their data, and delete the account (UK GDPR rights of access, portability and erasure)."""

from __future__ import annotations

from django.contrib.auth import login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters

from careforce.accounts.access import public, requires
from careforce.accounts.scope import ScopedRequest, scope_for
from careforce.careers import account_data, applications, mailbox, queries, services
from careforce.careers.forms import CreateAccountForm, DeleteAccountForm
from careforce.careers.views.apply import SENT
from careforce.careers.views.self_assessment import PENDING
from careforce.careers.views.your_application import NOTICE
from careforce.domain.access import Permission, home_for
from careforce.web.journeys import page_has_errors


@public
@sensitive_post_parameters("password", "password_again")
def create_account(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(home_for(scope_for(request).role or ""))
    if request.method == "POST":
        form = CreateAccountForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"]
            user = services.create_job_seeker_account(
                email,
                form.cleaned_data["password"],
                sent_here=request.session.get(SENT) or [],
                pending_answers=request.session.get(PENDING),
            )
            request.session.pop(PENDING, None)
            mailbox.remember_address(request, email)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("careers:your-applications")
    else:
        form = CreateAccountForm()
    return render(
        request,
        "careers/create_account.html",
        {
            "title": "Create an account",
            "form": form,
            "page_has_errors": page_has_errors(form),
            "saving_result": PENDING in request.session,
            "after_applying": bool(request.session.get(SENT)),
        },
    )


@requires(Permission.VIEW_OWN_APPLICATIONS)
def your_applications(request: ScopedRequest) -> HttpResponse:
    return render(
        request,
        "careers/your_applications.html",
        {
            "title": "Your applications",
            "applications": account_data.applications_for_display(request.user),
            "confirmed": applications.confirmed_email(request.user) is not None,
            "address": request.user.email or request.user.username,  # type: ignore[union-attr]
            "notice": request.session.pop(NOTICE, None),
            "demo_mailbox": mailbox.enabled(),
            "saved_results": queries.self_assessments_of(request.user).count(),
            "saved_searches": queries.saved_searches_of(request.user).count(),
        },
    )


@requires(Permission.VIEW_OWN_APPLICATIONS)
def your_data(request: HttpRequest) -> HttpResponse:
    return render(request, "careers/your_data.html", {"title": "Download your data"})


@requires(Permission.VIEW_OWN_APPLICATIONS)
def your_data_json(request: ScopedRequest) -> HttpResponse:
    response = HttpResponse(account_data.as_json(request.user), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="careforce-your-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@requires(Permission.VIEW_OWN_APPLICATIONS)
def your_data_csv(request: ScopedRequest) -> HttpResponse:
    response = HttpResponse(account_data.as_csv(request.user), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="careforce-your-data.csv"'
    response["Cache-Control"] = "no-store"
    return response


@requires(Permission.VIEW_OWN_APPLICATIONS)
def delete_account(request: ScopedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        account_data.erase(request.user)
        logout(request)
        return render(request, "careers/account_deleted.html", {"title": "Your account has been deleted"})
    return render(
        request,
        "careers/delete_account.html",
        {
            "title": "Delete your account",
            "form": form,
            "page_has_errors": page_has_errors(form),
            "applications": queries.applications_of(request.user).count(),
        },
    )
