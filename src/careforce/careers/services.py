"""Every write a careers page makes, each in its own transaction.

Creating a job seeker's account makes three writes (the account, the applications sent from this
browser joined to it, a self-assessment result kept for it): all three happen, or none does. Reads
are in ``careers.queries``; the email asking the owner to confirm their address goes once the account
is saved (``careers.applications.ask_to_confirm``).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from careforce.accounts.models import User
from careforce.careers import applications
from careforce.careers.models import SavedSearch, SavedSelfAssessment
from careforce.domain.access import Role
from careforce.recruitment.models import Application


def create_job_seeker_account(
    email: str, password: str, *, sent_here: list[int], pending_answers: dict[str, str] | None
) -> User:
    """A job seeker's account, with the applications sent from this browser under its address and the
    self-assessment result they asked to keep; then the email asking them to confirm their address."""
    with transaction.atomic():
        user: User = get_user_model().objects.create_user(  # type: ignore[assignment]
            username=email, email=email, password=password, role=Role.JOB_SEEKER
        )
        claim_applications(user, sent_here)
        if pending_answers:
            SavedSelfAssessment.objects.create(user=user, answers=pending_answers)
    applications.ask_to_confirm(user)
    return user


def claim_applications(user: User, application_ids: list[int]) -> int:
    """Link applications made in this browser session, with the account's email, to the new account."""
    return Application.objects.filter(pk__in=application_ids, applicant__isnull=True, email__iexact=user.email).update(
        applicant=user
    )


def save_self_assessment(user: User, answers: dict[str, str]) -> SavedSelfAssessment:
    return SavedSelfAssessment.objects.create(user=user, answers=answers)


def save_search(user: User, filters: dict[str, Any], description: str, newest_vacancy_id: int) -> SavedSearch:
    """Keep a search; its alerts start from today and from the newest vacancy the person has seen."""
    return SavedSearch.objects.create(
        user=user,
        filters=filters,
        description=description[:300],
        last_alerted_on=timezone.localdate(),
        last_seen_vacancy_id=newest_vacancy_id,
    )


def delete_saved_search(user: User, search_id: int) -> None:
    deleted, _ = SavedSearch.objects.filter(pk=search_id, user=user).delete()
    if not deleted:
        raise Http404("No such saved search")
