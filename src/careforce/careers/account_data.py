"""A job seeker's own data: what we show them, what they can download, and erasing it.

Download (UK GDPR rights of access and portability) covers the account, every application made with
it, saved searches and saved self-assessment results: nothing about anyone else. Erasure deletes the
account, saved searches and results, and removes the personal details from their applications; the
application rows stay, anonymous, so an employer's counts (applications, hires) do not change under
them (ADR 0044).
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from django.db import transaction

from careforce.careers import queries
from careforce.careers.presenters import job_title
from careforce.domain.careers.self_assessment import IncompleteAnswers, score
from careforce.domain.upload.neutralise import neutralise_cell
from careforce.recruitment import letters
from careforce.recruitment.models import Application, InterviewScore, Stage

if TYPE_CHECKING:
    from careforce.accounts.models import User

ERASED_NAME = "Deleted applicant"


def applications_for_display(user: User) -> list[dict[str, Any]]:
    return [
        {
            "reference": f"CF-{a.pk}",
            "job": job_title(a.vacancy),
            "employer": a.vacancy.workplace.organisation.name,
            "workplace": a.vacancy.workplace.name,
            "sent": a.created_at,
            "stage": a.stage,
            "status": letters.status(a.stage),
            "id": a.pk,
            "withdrawable": a.stage not in (Stage.HIRED, Stage.WITHDRAWN),
        }
        for a in queries.applications_of(user)
    ]


def collect(user: User) -> dict[str, Any]:
    """Everything we hold that is theirs, as plain JSON-ready values."""
    applications = [
        {
            "reference": f"CF-{a.pk}",
            "job": job_title(a.vacancy),
            "employer": a.vacancy.workplace.organisation.name,
            "workplace": a.vacancy.workplace.name,
            "sent_at": a.created_at.isoformat(),
            "status": a.get_stage_display(),
            "full_name": a.full_name,
            "email": a.email,
            "phone": a.phone,
            "availability": a.availability,
            "has_right_to_work": a.has_right_to_work,
            "needs_visa_sponsorship": a.needs_visa_sponsorship,
            "has_driving_licence": a.has_driving_licence,
            "has_car": a.has_car,
            "about_you": a.about_you,
        }
        for a in queries.applications_of(user)
    ]
    results = []
    for saved in queries.self_assessments_of(user):
        try:
            strengths = [s.name for s in score(saved.answers).strengths]
        except IncompleteAnswers:  # the questions changed since they saved it
            strengths = []
        results.append({"saved_at": saved.created_at.isoformat(), "answers": saved.answers, "strengths": strengths})
    return {
        "account": {
            "email": user.email or user.username,
            "created_at": user.date_joined.isoformat(),
            "last_sign_in": user.last_login.isoformat() if user.last_login else None,
        },
        "applications": applications,
        "saved_searches": [
            {"saved_at": s.created_at.isoformat(), "description": s.description, "search": s.filters}
            for s in queries.saved_searches_of(user)
        ],
        "self_assessment_results": results,
    }


def as_json(user: User) -> str:
    return json.dumps(collect(user), indent=2, ensure_ascii=False)


def as_csv(user: User) -> str:
    """One row per item: what it is, and its fields as name = value pairs (a flat file for spreadsheets)."""
    data = collect(user)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "item", "field", "value"])
    for field, value in data["account"].items():
        writer.writerow(["account", 1, field, _cell(value)])
    for section in ("applications", "saved_searches", "self_assessment_results"):
        for number, item in enumerate(data[section], start=1):
            for field, value in item.items():
                text = json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value
                writer.writerow([section, number, field, _cell(text)])
    return out.getvalue()


def _cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` ...) is written with a leading ``'``."""
    return neutralise_cell(value) if isinstance(value, str) else value


@transaction.atomic
def erase(user: User) -> None:
    """Delete the account and its saved things; strip personal details from its applications."""
    anonymise(Application.objects.filter(applicant=user))
    user.delete()


def anonymise(applications: Any) -> None:
    """Remove the personal details of these applications; the rows stay so counts do not change.

    Used when a job seeker deletes their account and when applications pass their retention period
    (``careforce.retention.applications``).
    """
    InterviewScore.objects.filter(application__in=applications).update(notes="")
    applications.update(
        full_name=ERASED_NAME,
        email="",
        phone="",
        about_you="",
        availability=[],
        not_progressed_reason="",
        applicant=None,
    )
