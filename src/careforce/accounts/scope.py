"""The acting user's scope, made in one place and attached to every request.

``scope_of`` is the only function that reads a user's role, organisation, council and own worker
record to decide what they may see; it returns the domain's ``Scope``. ``ScopeMiddleware`` puts it
on the request as ``request.scope`` (built the first time a view asks). Views pass ``request.scope``
to the query functions; services, which are handed the acting user, call ``scope_of`` themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from careforce.domain.access import Role, Scope

if TYPE_CHECKING:
    from .models import User

Actor: TypeAlias = "Scope | User | AbstractBaseUser | AnonymousUser | None"
"""Who a query acts for: a ``Scope`` (what views pass: ``request.scope``) or the user it is made from."""


def scope_of(user: Actor) -> Scope:
    """The scope of ``user``: nobody's for an anonymous visitor or an account with an unknown role.

    Handed a ``Scope`` already, it returns it, so a query may be called with either."""
    if isinstance(user, Scope):
        return user
    if user is None or not user.is_authenticated:
        return Scope.nobody()
    try:
        role = Role(getattr(user, "role", ""))
    except ValueError:
        role = None
    return Scope(
        role=role,
        user_id=user.pk,
        organisation_id=getattr(user, "organisation_id", None),
        council_code=getattr(user, "council_id", None),
        worker_id=getattr(user, "worker_id", None),
    )


class ScopedRequest(HttpRequest):
    """The request a view behind ``signed_in`` or ``requires`` is handed: through ``ScopeMiddleware``
    (every request the project serves is), with a signed-in user. Views annotate ``request`` with it."""

    scope: Scope
    user: User  # type: ignore[assignment]


class ScopeMiddleware:
    """Attach ``request.scope``: the acting user's scope, built once, on first use."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.scope = SimpleLazyObject(lambda: scope_of(request.user))  # type: ignore[attr-defined]
        return self.get_response(request)


def scope_for(request: HttpRequest) -> Scope:
    """``request.scope``, or the scope built now for a request that skipped the middleware (a test's)."""
    scope = getattr(request, "scope", None)
    return scope if scope is not None else scope_of(getattr(request, "user", None))
