"""What the provider pages share: rendering with the error state and notices, and answers kept in the session.

Question pages keep what was typed in the session (``SessionAnswers``), exactly as it was posted, until the
journey ends on its check answers page; nothing is written to the database before then (ADR 0009).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from careforce.web.forms import govuk_field

NOTICE_KEY = "workforce:notice"


def render_page(request: HttpRequest, template: str, title: str, **context: Any) -> HttpResponse:
    """Render a provider page: ``page_has_errors`` puts "Error: " in the title when the form has errors."""
    form = context.get("form")
    context.setdefault("page_has_errors", bool(form is not None and form.is_bound and form.errors))
    context["govuk_field"] = govuk_field
    context["notice"] = request.session.pop(NOTICE_KEY, None)
    return render(request, template, {"title": title, **context})


def set_notice(request: HttpRequest, text: str) -> None:
    """A success message shown once, on the next page (the GOV.UK notification banner)."""
    request.session[NOTICE_KEY] = text


def posted(request: HttpRequest) -> dict[str, str]:
    """What the person posted, without the CSRF token, as kept in the session."""
    return {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}  # type: ignore[misc]


class SessionAnswers:
    """The answers of one journey (for example adding a worker to workplace 12), kept in the session."""

    def __init__(self, request: HttpRequest, journey: str) -> None:
        self.session = request.session
        self.key = f"workforce:{journey}"

    def all(self) -> dict[str, dict[str, str]]:
        return dict(self.session.get(self.key, {}))

    def get(self, step: str) -> dict[str, str] | None:
        return self.all().get(step)

    def put(self, step: str, data: dict[str, str]) -> None:
        answers = self.all()
        answers[step] = data
        self.session[self.key] = answers

    def clear(self) -> None:
        self.session.pop(self.key, None)
