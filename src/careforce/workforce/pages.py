"""What the provider pages share: rendering with the error state and notices.

Question pages (adding a worker, their personal items, recording leaving) run on the one journey helper,
``careforce.web.journeys``, which keeps answers in the session until check your answers (ADR 0009, ADR 0120).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from careforce.web.forms import govuk_field
from careforce.web.journeys import page_has_errors

NOTICE_KEY = "workforce:notice"


def render_page(request: HttpRequest, template: str, title: str, **context: Any) -> HttpResponse:
    """Render a provider page: ``page_has_errors`` puts "Error: " in the title when the form has errors."""
    context.setdefault("page_has_errors", page_has_errors(context.get("form")))
    context["govuk_field"] = govuk_field
    context["notice"] = request.session.pop(NOTICE_KEY, None)
    return render(request, template, {"title": title, **context})


def set_notice(request: HttpRequest, text: str) -> None:
    """A success message shown once, on the next page (the GOV.UK notification banner)."""
    request.session[NOTICE_KEY] = text


def posted(request: HttpRequest) -> dict[str, str]:
    """What the person posted on a one-page form, without the CSRF token."""
    return {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}  # type: ignore[misc]


def question_page(
    request: HttpRequest, form: Any, caption: str, back_url: str, button: str = "Continue"
) -> HttpResponse:
    """A question page: the form's one field is the question, its label the page's heading and title."""
    question = next(iter(form.fields))
    return render_page(
        request,
        "workforce/question.html",
        str(form.fields[question].label),
        form=form,
        question=question,
        caption=caption,
        back_url=back_url,
        button=button,
    )
