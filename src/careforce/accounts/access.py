"""Access rules for views. Every view carries exactly one rule; a test checks every route has one.

The rule itself (which role holds which permission) lives in ``careforce.domain.access``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from careforce.domain.access import Permission

from .scope import scope_for

View = Callable[..., HttpResponseBase]


def public(view: View) -> View:
    """Anyone may open this page, signed in or not."""
    view.access_rule = "public"  # type: ignore[attr-defined]
    return view


def signed_in(view: View) -> View:
    """Any signed-in user."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapped.access_rule = "signed_in"  # type: ignore[attr-defined]
    return wrapped


def requires(permission: Permission) -> Callable[[View], View]:
    """Signed-in users whose role holds ``permission``; anyone else is refused with 403."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not scope_for(request).can(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.access_rule = permission.value  # type: ignore[attr-defined]
        return wrapped

    return decorate
