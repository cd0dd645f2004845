"""Sign-in by email address, compared without regard to case (accounts are created in lower case)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest


def sign_in_name(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str:
    """The email address as typed, trimmed and in lower case: one person, however they type it.

    django-axes counts failed sign-ins under this name (``AXES_USERNAME_CALLABLE``), so changing the case
    does not give an attacker fresh attempts.
    """
    typed = (credentials or {}).get("username") or (request.POST.get("username", "") if request else "")
    return str(typed).strip().lower()


class EmailBackend(ModelBackend):
    def authenticate(  # type: ignore[override]
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> Any:
        if username is None or password is None:
            return None
        users = get_user_model()._default_manager
        matches = list(users.filter(username__iexact=username.strip())[:2])
        if len(matches) != 1:
            # nobody, or (from before addresses were lower-cased) two accounts differing only in case: the
            # exact spelling then decides. Hash anyway so the answer takes as long either way.
            users.model().set_password(password)
            matches = [m for m in matches if m.username == username.strip()]
            if not matches:
                return None
        user = matches[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
