"""Applying without a CV: a few question pages, check your answers, then a confirmation page and email.

The pages run on the one journey helper (``careforce.web.journeys``, ADR 0120): answers are kept in the
session (server side) until they are sent, never in the URL. Sending is protected by CSRF (Django's
middleware) and limited per IP address (django-ratelimit).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django_ratelimit.decorators import ratelimit

from careforce import links
from careforce.accounts.access import public
from careforce.accounts.scope import scope_for
from careforce.careers import applications, mailbox, queries
from careforce.careers.forms import (
    ABOUT_MAX,
    HOURS_CHOICES,
    AboutYouForm,
    AvailabilityForm,
    ContactForm,
    DrivingForm,
    FullNameForm,
    RightToWorkForm,
)
from careforce.careers.presenters import job_title, with_article
from careforce.recruitment.services import AlreadyApplied, submit_application
from careforce.web.journeys import Journey, Places, Question, changing, page_has_errors

REFERRED_BY = "careers_referred_by"
SENT = "careers_applications_sent"
DEFAULT_RATE = "10/h"


QUESTIONS = (
    Question("your-name", FullNameForm),
    Question("contact-details", ContactForm),
    Question("availability", AvailabilityForm),
    Question("right-to-work", RightToWorkForm),
    Question("driving", DrivingForm),
    Question("about-you", AboutYouForm),
)
HEADINGS = {
    "your-name": "What is your full name?",
    "contact-details": "How can the employer contact you?",
    "availability": "Which hours can you work?",
    "right-to-work": "Do you have the right to work in the UK?",
    "driving": "Do you have a driving licence or a car?",
    "about-you": "Tell the employer a little about yourself",
}


def _journey(request: HttpRequest, vacancy_id: int) -> Journey:
    """One application at a time: answers kept for another job are not read (``owner``)."""
    return Journey(
        request,
        "careers-apply",
        QUESTIONS,
        Places(
            question=lambda slug: reverse("careers:apply-step", args=[vacancy_id, slug]),
            check=reverse("careers:apply-check", args=[vacancy_id]),
            start=reverse("careers:apply", args=[vacancy_id]),
        ),
        owner=vacancy_id,
    )


def _already_applied(request: HttpRequest, job: Any, known: Any = None) -> HttpResponse | None:
    """The "you have already applied" page, if this browser or account already applied for the job.

    Back after sending lands here too, instead of on a blank first question.
    """
    application = known or applications.already_applied(request.user, request.session.get(SENT) or [], job)
    if application is None:
        return None
    _journey(request, job.pk).clear()
    ours = known is None  # found through this browser or account, not only by the address typed
    return render(
        request,
        "careers/already_applied.html",
        {
            "title": "You have already applied for this job",
            "job": job,
            "employer": job.workplace.organisation.name,
            "reference": f"CF-{application.pk}" if ours else None,
            "signed_in": scope_for(request).job_seeker,
        },
    )


@public
def referred(request: HttpRequest, vacancy_id: int, token: str) -> HttpResponse:
    """A friend opened a member of staff's share link: remember who, then show the job."""
    job = queries.live_vacancy(vacancy_id)
    try:
        referrer_id = links.read(token, "share")
    except links.BadLink:
        return redirect("careers:vacancy", job.pk)
    request.session[REFERRED_BY] = {"vacancy": job.pk, "referrer": referrer_id}
    return redirect("careers:vacancy", job.pk)


@public
def start(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    job = queries.live_vacancy(vacancy_id)
    if (already := _already_applied(request, job)) is not None:
        return already
    return render(
        request,
        "careers/apply_start.html",
        {
            "title": f"Apply to be {with_article(job_title(job).lower())}",
            "job": job,
            "employer": job.workplace.organisation.name,
            "first": reverse("careers:apply-step", args=[vacancy_id, QUESTIONS[0].slug]),
        },
    )


@public
def step(request: HttpRequest, vacancy_id: int, slug: str) -> HttpResponse:
    job = queries.live_vacancy(vacancy_id)
    journey = _journey(request, vacancy_id)
    current = journey.question(slug)
    if current is None:
        return redirect("careers:apply", vacancy_id)
    if (already := _already_applied(request, job)) is not None:
        return already
    form, next_url = journey.answer(request, slug)
    if next_url is not None:
        return redirect(next_url)
    return render(
        request,
        "careers/apply_question.html",
        {
            "title": HEADINGS[slug],
            "step": current,
            "form": form,
            "job": job,
            "back": journey.back_url(slug, changing(request)),
            "page_has_errors": page_has_errors(form),
            "hours_choices": HOURS_CHOICES,
            "about_max": ABOUT_MAX,
            "number": QUESTIONS.index(current) + 1,
            "of": len(QUESTIONS),
        },
    )


def _rate(group: str, request: HttpRequest) -> str:
    return str(getattr(settings, "CAREFORCE_APPLY_RATE", DEFAULT_RATE))


def _summary(journey: Journey, answers: dict[str, Any]) -> list[dict[str, Any]]:
    hours = dict(HOURS_CHOICES)
    driving = answers.get("driving") or []
    have = [text for key, text in (("licence", "A driving licence"), ("car", "A car")) if key in driving]
    return journey.summary_rows(
        [
            ("Full name", answers["full_name"], "your-name"),
            ("Email address", answers["email"], "contact-details"),
            ("Phone number", answers["phone"], "contact-details"),
            ("Hours you can work", ", ".join(hours[h] for h in answers["availability"]), "availability"),
            (
                "Right to work in the UK",
                "Yes" if answers["right_to_work"] == "yes" else "No, I would need visa sponsorship",
                "right-to-work",
            ),
            ("Driving licence or car", " and ".join(have) or "Neither", "driving"),
            ("About you", answers["about_you"], "about-you"),
        ]
    )


@public
@ratelimit(key="ip", rate=_rate, method="POST", block=False)
def check(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    job = queries.live_vacancy(vacancy_id)
    if (already := _already_applied(request, job)) is not None:
        return already
    journey = _journey(request, vacancy_id)
    progress = journey.progress()
    if progress.next is not None:
        return redirect(journey.places.question(progress.next))
    answers = progress.cleaned
    if request.method == "POST":
        if getattr(request, "limited", False):
            return render(request, "careers/too_many.html", {"title": "Too many applications sent"}, status=429)
        mailbox.remember_address(request, answers["email"])
        try:
            application = _send(request, job, answers)
        except AlreadyApplied as already:
            return _already_applied(request, job, already.application)  # type: ignore[attr-defined, return-value]
        journey.clear()
        request.session[SENT] = [*request.session.get(SENT, []), application.pk][-20:]
        return redirect("careers:apply-sent", vacancy_id)
    return render(
        request,
        "careers/apply_check.html",
        {
            "title": "Check your answers before sending your application",
            "job": job,
            "employer": job.workplace.organisation.name,
            "rows": _summary(journey, answers),
        },
    )


def _send(request: HttpRequest, job: Any, answers: dict[str, Any]) -> Any:
    """Save the application (the service emails the applicant their copy once it is saved)."""
    return submit_application(
        job,
        {
            "full_name": answers["full_name"],
            "email": answers["email"],
            "phone": answers["phone"],
            "availability": answers["availability"],
            "has_right_to_work": answers["right_to_work"] == "yes",
            "needs_visa_sponsorship": answers["right_to_work"] != "yes",
            "has_driving_licence": "licence" in answers["driving"],
            "has_car": "car" in answers["driving"],
            "about_you": answers["about_you"],
        },
        applicant=request.user if scope_for(request).job_seeker else None,
        referred_by=_referrer(request, job),
    )


def _referrer(request: HttpRequest, job: Any) -> int | None:
    shared = request.session.get(REFERRED_BY) or {}
    return int(shared["referrer"]) if shared.get("vacancy") == job.pk else None


@public
def sent(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    job = queries.live_vacancy(vacancy_id)
    sent_ids = request.session.get(SENT) or []
    if not sent_ids:
        return redirect("careers:vacancy", vacancy_id)
    return render(
        request,
        "careers/apply_sent.html",
        {
            "title": "Application sent",
            "job": job,
            "employer": job.workplace.organisation.name,
            "reference": f"CF-{sent_ids[-1]}",
            "signed_in": request.user.is_authenticated,
            "demo_mailbox": mailbox.enabled(),
        },
    )
