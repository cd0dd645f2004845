"""Values every page needs: service name, navigation for the signed-in role, CSP nonce, demo notice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from careforce.accounts.scope import scope_for
from careforce.domain.access import Permission, Scope


def navigation_for(scope: Scope) -> list[dict[str, Any]]:
    """The service navigation for the acting user: the places their permissions open."""
    items: list[dict[str, Any]] = [
        {"href": reverse("web:start"), "text": "Home"},
        {"href": reverse("careers:start"), "text": "Care work"},
    ]
    if not scope.signed_in:
        return [*items, {"href": reverse("accounts:sign-in"), "text": "Sign in"}]
    if scope.can(Permission.MANAGE_PROVIDER_WORKFORCE):
        items.append({"href": reverse("workforce:workplaces"), "text": "Workplaces and staff"})
        items.append({"href": reverse("workforce:training-due"), "text": "Training due"})
        items.append({"href": reverse("uploads:start"), "text": "Upload and download"})
        items.append({"href": reverse("intelligence:provider"), "text": "Measures"})
        items.append({"href": reverse("recruitment:vacancies"), "text": "Recruitment"})
    if scope.can(Permission.VIEW_OWN_WORKER_RECORD):
        items.append({"href": reverse("workforce:my-record"), "text": "My record"})
        items.append({"href": reverse("recruitment:refer-a-friend"), "text": "Refer a friend"})
    if scope.can(Permission.VIEW_COUNCIL_AGGREGATES):
        items.append({"href": reverse("intelligence:area"), "text": "Workforce in your area"})
        items.append({"href": reverse("intelligence:measures"), "text": "Workforce measures"})
    if scope.whole_region:
        items.append({"href": reverse("intelligence:region"), "text": "Region"})
    if scope.can(Permission.RUN_PROJECTIONS):
        items.append({"href": reverse("planning:start"), "text": "Planning"})
    if scope.administrator:
        items.append({"href": reverse("admin:index"), "text": "Administration"})
    if scope.job_seeker:
        items.append({"href": reverse("accounts:your-account"), "text": "Your account"})
    items.append({"href": reverse("accounts:sign-out"), "text": "Sign out"})
    return items


PageValues = Callable[[HttpRequest], dict[str, Any]]
_page_values: list[PageValues] = []


def add_page_values(values: PageValues) -> None:
    """Let an app above ``web`` add values every page needs (``workforce`` adds ``demo_loaded``), so the
    layout's layer does not import the apps that use it. Called from an app's ``ready()``."""
    if values not in _page_values:
        _page_values.append(values)


def page_context(request: HttpRequest) -> dict[str, Any]:
    path = request.path
    nav = navigation_for(scope_for(request))
    for item in nav:
        item["active"] = item["href"] == path or (item["href"] != "/" and path.startswith(item["href"]))
    context: dict[str, Any] = {
        "serviceName": settings.SERVICE_NAME,
        "serviceTagline": settings.SERVICE_TAGLINE,
        "navigation": nav,
        "cspNonce": getattr(request, "csp_nonce", ""),
        "demo_loaded": False,
    }
    for values in _page_values:
        context.update(values(request))
    return context
