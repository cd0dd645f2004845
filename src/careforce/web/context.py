"""Values every page needs: service name, navigation for the signed-in role, CSP nonce, demo notice."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from careforce.domain.access import Permission, Role, allows


def navigation_for(user: Any) -> list[dict[str, str]]:
    items = [{"href": reverse("web:start"), "text": "Home"}, {"href": reverse("careers:start"), "text": "Care work"}]
    if not user.is_authenticated:
        return [*items, {"href": reverse("accounts:sign-in"), "text": "Sign in"}]
    role = getattr(user, "role", None)
    if allows(role, Permission.MANAGE_PROVIDER_WORKFORCE):
        items.append({"href": reverse("workforce:workplaces"), "text": "Workplaces and staff"})
        items.append({"href": reverse("workforce:training-due"), "text": "Training due"})
        items.append({"href": reverse("uploads:start"), "text": "Upload and download"})
        items.append({"href": reverse("intelligence:provider"), "text": "Measures"})
        items.append({"href": reverse("recruitment:vacancies"), "text": "Recruitment"})
    if allows(role, Permission.VIEW_OWN_WORKER_RECORD):
        items.append({"href": reverse("workforce:my-record"), "text": "My record"})
        items.append({"href": reverse("recruitment:refer-a-friend"), "text": "Refer a friend"})
    if allows(role, Permission.VIEW_COUNCIL_AGGREGATES):
        items.append({"href": reverse("intelligence:area"), "text": "Workforce in your area"})
        items.append({"href": reverse("intelligence:measures"), "text": "Workforce measures"})
    if allows(role, Permission.VIEW_REGION_AGGREGATES):
        items.append({"href": reverse("intelligence:region"), "text": "Region"})
    if allows(role, Permission.RUN_PROJECTIONS):
        items.append({"href": reverse("planning:start"), "text": "Planning"})
    if role == Role.REGIONAL_ADMIN:
        items.append({"href": reverse("admin:index"), "text": "Administration"})
    if role == Role.JOB_SEEKER:
        items.append({"href": reverse("accounts:your-account"), "text": "Your account"})
    items.append({"href": reverse("accounts:sign-out"), "text": "Sign out"})
    return items


def page_context(request: HttpRequest) -> dict[str, Any]:
    from careforce.workforce.queries import demo_region_loaded

    path = request.path
    nav = navigation_for(request.user)
    for item in nav:
        item["active"] = item["href"] == path or (item["href"] != "/" and path.startswith(item["href"]))
    return {
        "serviceName": settings.SERVICE_NAME,
        "serviceTagline": settings.SERVICE_TAGLINE,
        "navigation": nav,
        "cspNonce": getattr(request, "csp_nonce", ""),
        "demo_loaded": demo_region_loaded(),
    }
