"""What the provider pages share: rendering with the error state and notices.

Question pages (adding a worker, their personal items, recording leaving) run on the one journey helper,
``careforce.web.journeys``, which keeps answers in the session until check your answers (ADR 0009, ADR 0120).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from careforce.web.forms import govuk_field
from careforce.web.journeys import Journey, changing, page_has_errors

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


def ask(request: HttpRequest, journey: Journey, step: str, caption: str) -> HttpResponse:
    """One question of ``journey``: on to the next page once answered, else the
    question page (with its errors); an unknown step is a 404."""
    if journey.question(step) is None:
        raise Http404("No such question")
    form, next_url = journey.answer(request, step)
    if next_url is not None:
        return redirect(next_url)
    return question_page(request, form, caption, journey.back_url(step, changing(request)))
