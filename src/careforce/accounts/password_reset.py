"""Reset a forgotten password by email, with Django's own views and tokens.

A link is good once (the token is made from the password and the last sign-in, so it stops working when
either changes) and for ``PASSWORD_RESET_TIMEOUT`` seconds. The email goes through Django's mail API, so it
uses the one email sender the service is configured with. The first page says the same thing whether or
not the address has an account, so it cannot be used to find out who has one.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.urls import reverse_lazy

from careforce.accounts.access import public


class ForgottenPasswordForm(PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )


class NewPasswordForm(SetPasswordForm):  # type: ignore[type-arg]
    error_messages = {"password_mismatch": "The passwords you entered do not match"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].label = "Confirm new password"
        self.fields["new_password2"].error_messages["required"] = "Enter the new password again"


def _minutes() -> int:
    return int(settings.PASSWORD_RESET_TIMEOUT) // 60


class _Page:
    """Title and the 'Error:' title prefix, as every page of the service has them."""

    title = ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        form = context.get("form")
        context.update(
            title=self.title, page_has_errors=bool(form is not None and form.errors), timeout_minutes=_minutes()
        )
        return context  # type: ignore[no-any-return]


class Forgotten(_Page, auth.PasswordResetView):
    title = "Reset your password"
    form_class = ForgottenPasswordForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-sent")

    def form_valid(self, form: Any) -> Any:
        self.extra_email_context = {"timeout_minutes": _minutes()}
        return super().form_valid(form)


class Sent(_Page, auth.PasswordResetDoneView):
    title = "Check your email"
    template_name = "accounts/password_reset_sent.html"


class Choose(_Page, auth.PasswordResetConfirmView):
    title = "Choose a new password"
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_choose.html"
    success_url = reverse_lazy("accounts:password-reset-done")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if not context.get("validlink"):
            context["title"] = "This link has expired or has already been used"
        return context


class Done(_Page, auth.PasswordResetCompleteView):
    title = "Your password has been changed"
    template_name = "accounts/password_reset_done.html"


forgotten = public(Forgotten.as_view())
sent = public(Sent.as_view())
choose = public(Choose.as_view())
done = public(Done.as_view())
