"""Signing in and out, and the job seeker's own account page."""

from typing import Any

from django.conf import settings
from django.contrib.auth import login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django_ratelimit.core import is_ratelimited

from careforce.accounts.access import public, requires, signed_in
from careforce.accounts.backends import sign_in_name
from careforce.accounts.forms import SignInForm
from careforce.accounts.scope import scope_for
from careforce.domain.access import Permission, home_for


@public
@sensitive_post_parameters("password")
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and _too_many_attempts(request):
        return locked_out(request)
    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.get_user())
        next_url = request.POST.get("next", "")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, {request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(next_url)
        return redirect(home_for(form.get_user().role))
    # a non-field error is shown against the email field, so the summary link has somewhere to go
    if form.non_field_errors():
        form.errors["username"] = form.non_field_errors()
        del form.errors["__all__"]
    return render(
        request,
        "accounts/sign_in.html",
        {"title": "Sign in", "form": form, "page_has_errors": bool(form.errors), "next": request.GET.get("next", "")},
    )


def _too_many_attempts(request: HttpRequest) -> bool:
    """Caps on attempts from one address and for one email address, whatever their outcome (ADR 0091)."""
    by_address = is_ratelimited(
        request, group="sign-in-address", key="ip", rate=settings.SIGN_IN_RATE_PER_ADDRESS, increment=True
    )
    by_email = is_ratelimited(
        request,
        group="sign-in-email",
        key=lambda group, request: sign_in_name(request, None),
        rate=settings.SIGN_IN_RATE_PER_EMAIL,
        increment=True,
    )
    return bool(by_address or by_email)


@public
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        logout(request)
        return render(request, "accounts/signed_out.html", {"title": "You have signed out"})
    return render(request, "accounts/sign_out.html", {"title": "Sign out"})


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    return redirect(home_for(scope_for(request).role or ""))


@requires(Permission.VIEW_OWN_APPLICATIONS)
def your_account(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/your_account.html", {"title": "Your account"})


def locked_out(request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any) -> HttpResponse:
    """Too many failed sign-ins for this email address from this address (django-axes), or too many attempts."""
    return render(request, "accounts/locked_out.html", {"title": "Too many attempts to sign in"}, status=429)
