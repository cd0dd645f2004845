"""'Is care right for me?': scenario questions, a result, and saving it only if the person asks.

The questions are one short form and the result is the response to posting it, so no answer is kept
anywhere (not even in the session) unless the person presses "Save my result" (ADR 0044).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from careforce.accounts.access import public
from careforce.accounts.scope import scope_for
from careforce.careers import services
from careforce.domain.careers.content import role_profiles
from careforce.domain.careers.self_assessment import questions, score, validate

PENDING = "careers_pending_self_assessment"


def _answers(request: HttpRequest) -> dict[str, str]:
    return {q.id: request.POST.get(q.id, "") for q in questions()}


def _is_job_seeker(request: HttpRequest) -> bool:
    return scope_for(request).job_seeker


@public
def start(request: HttpRequest) -> HttpResponse:
    return render(
        request, "careers/self_assessment_start.html", {"title": "Is care right for me?", "count": len(questions())}
    )


@public
def questions_page(request: HttpRequest) -> HttpResponse:
    answers = _answers(request) if request.method == "POST" else {}
    errors = validate(answers) if request.method == "POST" else {}
    if request.method == "POST" and not errors:
        result = score(answers)
        return render(
            request,
            "careers/self_assessment_result.html",
            {
                "title": "Your result: is care right for me?",
                "result": result,
                "answers": answers,
                "profiles": role_profiles(),
                "saved": False,
                "can_save": _is_job_seeker(request),
            },
        )
    return render(
        request,
        "careers/self_assessment_questions.html",
        {
            "title": "Is care right for me? Questions",
            "questions": questions(),
            "answers": answers,
            "errors": errors,
            "page_has_errors": bool(errors),
        },
    )


@public
@require_POST
def save(request: HttpRequest) -> HttpResponse:
    answers = _answers(request)
    if validate(answers):
        return redirect("careers:self-assessment-questions")
    if _is_job_seeker(request):
        services.save_self_assessment(request.user, answers)  # type: ignore[arg-type]
        return render(
            request,
            "careers/self_assessment_result.html",
            {
                "title": "Your result: is care right for me?",
                "result": score(answers),
                "answers": answers,
                "profiles": role_profiles(),
                "saved": True,
                "can_save": False,
            },
        )
    # they asked to save: keep the answers in their session until they have an account
    request.session[PENDING] = answers
    return redirect("careers:create-account")
