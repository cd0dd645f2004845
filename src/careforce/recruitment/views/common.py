"""What every recruitment page shares: rendering with the form helpers and the one-off notice."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from careforce.web.forms import govuk_field
from careforce.web.journeys import page_has_errors

from .. import presenters


def page(
    request: HttpRequest, template: str, title: str, *, form: Any = None, status: int = 200, **context: Any
) -> HttpResponse:
    notices = [{"text": str(m), "success": m.level == messages.SUCCESS} for m in messages.get_messages(request)]
    return render(
        request,
        f"recruitment/{template}",
        {
            "title": title,
            "form": form,
            "page_has_errors": page_has_errors(form),
            "govuk_field": govuk_field,
            "notice": notices[0] if notices else None,
            "p": presenters,
            **context,
        },
        status=status,
    )


def notify(request: HttpRequest, text: str, success: bool = True) -> None:
    """A message shown once, on the next page (it is kept in the session, never in the URL)."""
    (messages.success if success else messages.warning)(request, text)
