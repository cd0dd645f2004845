"""Changes to recruitment records: applying, moving through the pipeline, scoring, hiring and referrals.

Each change finds its record through the scoped ``queries`` (so another provider's applicant is a 404
and nothing changes) and runs in one transaction. Forms validate what people type; these functions
coerce types and enforce the rules of the pipeline (ADR 0045).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from careforce.domain.reference import PERMANENT
from careforce.workforce.models import Worker

from . import letters, queries
from .models import HOURS_PATTERNS, Application, ApplicationEvent, InterviewScore, Referral, Stage

if TYPE_CHECKING:
    from careforce.accounts.models import User

_TEXT_FIELDS = ("full_name", "email", "phone", "about_you")
_BOOL_FIELDS = ("has_right_to_work", "needs_visa_sponsorship", "has_driving_licence", "has_car")
# stages that mean the employer has been in touch with the applicant
CONTACT_STAGES = (Stage.CONTACTED, Stage.INTERVIEW, Stage.OFFER, Stage.CHECKS, Stage.HIRED)
# stages a manager can move an applicant to on the stage page (hiring has its own page)
MOVABLE_STAGES = (Stage.NEW, Stage.CONTACTED, Stage.INTERVIEW, Stage.OFFER, Stage.CHECKS, Stage.NOT_PROGRESSED)
HIRABLE_STAGES = (Stage.OFFER, Stage.CHECKS)


class PipelineError(Exception):
    """A change the pipeline does not allow; the message says why, in words for the manager."""


class AlreadyApplied(Exception):
    """This email address already has an application (not withdrawn) to this vacancy: nothing was saved."""

    def __init__(self, application: Application) -> None:
        super().__init__("There is already an application for this job from this email address")
        self.application = application


def submit_application(
    vacancy: Any, answers: dict[str, Any], applicant: Any = None, referred_by: int | None = None
) -> Application:
    """Record a person's application to ``vacancy`` from their (already validated) answers.

    ``answers`` holds ``full_name``, ``email``, ``phone``, ``about_you``, ``availability`` (hours
    pattern names), the four yes/no answers and, optionally, ``referral`` (a ``Referral`` to the same
    vacancy). Without one, an open referral to this vacancy for the same email address is linked, so a
    referred friend who applies directly is still tracked. The referral is then marked applied. Failing
    both, ``referred_by`` (the user id of a member of staff whose share link the person followed) makes a
    referral from the application, if they work for the vacancy's employer.
    A second application from the same email address to the same vacancy (one not withdrawn) raises
    ``AlreadyApplied`` and saves nothing. The applicant is emailed a copy once it is saved.
    """
    fields: dict[str, Any] = {name: str(answers.get(name) or "").strip() for name in _TEXT_FIELDS}
    fields.update({name: bool(answers.get(name)) for name in _BOOL_FIELDS})
    chosen = set(answers.get("availability") or ())
    fields["availability"] = [p for p in HOURS_PATTERNS if p in chosen]
    existing = queries.active_application_from(vacancy, fields["email"])
    if existing is not None:
        raise AlreadyApplied(existing)
    try:
        with transaction.atomic():
            application = _record_application(vacancy, fields, answers.get("referral"), applicant, referred_by)
            if application.email:
                letters.tell_of_application(application)
    except IntegrityError:  # the same person sending twice at the same moment
        existing = queries.active_application_from(vacancy, fields["email"])
        if existing is None:
            raise
        raise AlreadyApplied(existing) from None
    return application


def _record_application(
    vacancy: Any, fields: dict[str, Any], referral: Any, applicant: Any, referred_by: int | None
) -> Application:
    if referral is not None and referral.vacancy_id != vacancy.pk:
        referral = None
    if referral is None and fields["email"]:
        referral = queries.open_referral_for(vacancy, fields["email"])
    if referral is None and referred_by is not None:
        referrer = queries.staff_member_of(vacancy, referred_by)
        if referrer is not None:
            referral = Referral.objects.create(
                referrer=referrer,
                referrer_worker_id=referrer.worker_id,
                vacancy=vacancy,
                friend_name=fields["full_name"],
                friend_email=fields["email"],
            )
    application = Application.objects.create(
        vacancy=vacancy, applicant=applicant, referral=referral, stage=Stage.NEW, **fields
    )
    ApplicationEvent.objects.create(
        application=application, from_stage="", to_stage=Stage.NEW, created_at=application.created_at
    )
    if referral is not None and referral.status == Referral.Status.REFERRED:
        referral.status = Referral.Status.APPLIED
        referral.save(update_fields=["status"])
    return application


def withdraw(application: Application, at: datetime | None = None) -> Application:
    """The applicant withdraws an application found for them (by account or signed link); they are emailed.

    A hired applicant cannot withdraw here (they are an employee: they tell their employer); withdrawing
    twice changes nothing.
    """
    with transaction.atomic():
        application = (
            Application.objects.select_for_update(of=("self",)).select_related("referral").get(pk=application.pk)
        )
        if application.stage == Stage.WITHDRAWN:
            return application
        if application.stage == Stage.HIRED:
            raise PipelineError("You have been hired for this job, so tell your employer if you no longer want it")
        ApplicationEvent.objects.create(
            application=application,
            from_stage=application.stage,
            to_stage=Stage.WITHDRAWN,
            reason="Withdrawn by the applicant",
            created_at=at or timezone.now(),
        )
        application.stage = Stage.WITHDRAWN
        application.save(update_fields=["stage"])
        _update_referral(application)
        letters.tell_of_withdrawal(application)
    return application


def confirm_email(application: Application, at: datetime | None = None) -> bool:
    """The applicant opened the link we emailed: their address is confirmed. Whether it was new."""
    with transaction.atomic():
        updated = Application.objects.filter(pk=application.pk, email_confirmed_at__isnull=True).exclude(email="")
        return bool(updated.update(email_confirmed_at=at or timezone.now()))


def set_published(user: User, vacancy_id: int, publish: bool) -> Any:
    """Publish a vacancy to job search, or take it off. Only an open vacancy can be published."""
    with transaction.atomic():
        vacancy = queries.vacancy_for(user, vacancy_id)
        if publish and not queries.is_open(vacancy):
            raise PipelineError("This vacancy has closed, so it cannot be published")
        vacancy.is_published = publish
        vacancy.save(update_fields=["is_published"])
    return vacancy


def shortlist(user: User, application_id: int, at: datetime | None = None) -> Application:
    """Shortlist an applicant: from now on the manager sees their name and contact details."""
    with transaction.atomic():
        application = queries.application_for(user, application_id)
        if not application.shortlisted:
            application.shortlisted = True
            application.save(update_fields=["shortlisted"])
            ApplicationEvent.objects.create(
                application=application,
                from_stage=application.stage,
                to_stage=application.stage,
                reason="Shortlisted",
                actor=user,
                created_at=at or timezone.now(),
            )
    return application


def move_stage(
    user: User, application_id: int, stage: str, reason: str = "", at: datetime | None = None
) -> Application:
    """Move an applicant to another stage, keeping the move and its reason in the history.

    A reason is needed to stop progressing someone. Moving anyone on from "new" needs them shortlisted
    first (the employer needs their contact details to be in touch). The first move to a contact stage
    is the time of first contact. A hired applicant's stage no longer changes.
    """
    stage = Stage(stage)
    reason = reason.strip()
    when = at or timezone.now()
    with transaction.atomic():
        application = queries.application_for(user, application_id)
        if application.stage == Stage.HIRED:
            raise PipelineError("This applicant has been hired, so their stage cannot change")
        if application.stage == Stage.WITHDRAWN:
            raise PipelineError("This applicant withdrew their application, so their stage cannot change")
        if stage not in MOVABLE_STAGES:
            raise PipelineError("Use the hire page to hire an applicant")
        if stage == Stage.NOT_PROGRESSED and not reason:
            raise PipelineError("Enter the reason they are not progressing")
        if stage in CONTACT_STAGES and not application.shortlisted:
            raise PipelineError("Shortlist the applicant before you move them on")
        if stage == application.stage:
            return application
        ApplicationEvent.objects.create(
            application=application,
            from_stage=application.stage,
            to_stage=stage,
            reason=reason,
            actor=user,
            created_at=when,
        )
        application.stage = stage
        application.not_progressed_reason = reason if stage == Stage.NOT_PROGRESSED else ""
        if stage in CONTACT_STAGES and application.first_contacted_at is None:
            application.first_contacted_at = when
        application.save(update_fields=["stage", "not_progressed_reason", "first_contacted_at"])
        _update_referral(application)
        letters.tell_of_move(application)
    return application


def save_interview_scores(
    user: User,
    application_id: int,
    scores: dict[str, tuple[int, str]],
    panel_included_person_with_lived_experience: bool,
) -> list[InterviewScore]:
    """Save the panel's score (1 to 4) and notes for each value, replacing any earlier scores."""
    from careforce.domain.careers.content import care_values

    keys = [v.key for v in care_values()]
    if set(scores) != set(keys) or any(not 1 <= int(s) <= 4 for s, _ in scores.values()):
        raise PipelineError("Score every value from 1 to 4")
    with transaction.atomic():
        application = queries.application_for(user, application_id)
        application.interview_scores.all().delete()
        return InterviewScore.objects.bulk_create(
            InterviewScore(
                application=application,
                value=key,
                score=int(scores[key][0]),
                notes=scores[key][1].strip(),
                scored_by=user,
                panel_included_person_with_lived_experience=panel_included_person_with_lived_experience,
            )
            for key in keys
        )


def earliest_start(application: Application) -> date:
    """A hire cannot start before the day the person applied."""
    return timezone.localtime(application.created_at).date()


def hire(user: User, application_id: int, start_date: date, at: datetime | None = None) -> Worker:
    """Hire an applicant: a new worker record at the vacancy's workplace, in the same transaction.

    The worker gets the next free worker reference, the vacancy's job role, a permanent contract, the
    chosen start date and the Care Certificate "not started".
    """
    when = at or timezone.now()
    try:
        with transaction.atomic():
            application = queries.application_for(user, application_id)
            if application.stage not in HIRABLE_STAGES:
                raise PipelineError("Only an applicant at offer or DBS and references can be hired")
            if start_date < earliest_start(application):
                raise PipelineError(
                    f"Start date must be on or after {earliest_start(application):%-d %B %Y}, the day they applied"
                )
            workplace = application.vacancy.workplace
            worker = Worker.objects.create(
                workplace=workplace,
                local_identifier=queries.next_worker_reference(workplace),
                main_job_role=application.vacancy.job_role,
                contract_type=PERMANENT,
                start_date=start_date,
                care_certificate=Worker.CareCertificate.NOT_STARTED,
                recruitment_source=None,
            )
            ApplicationEvent.objects.create(
                application=application,
                from_stage=application.stage,
                to_stage=Stage.HIRED,
                reason=f"Starts on {start_date:%-d %B %Y}",
                actor=user,
                created_at=when,
            )
            application.stage, application.hired_worker, application.hired_at = Stage.HIRED, worker, when
            if application.first_contacted_at is None:
                application.first_contacted_at = when
            application.save(update_fields=["stage", "hired_worker", "hired_at", "first_contacted_at"])
            _update_referral(application)
            letters.tell_of_move(application, start_date=start_date)
    except IntegrityError:
        raise PipelineError("Someone else changed this workplace's staff at the same time: try again") from None
    return worker


def _update_referral(application: Application) -> None:
    referral = application.referral
    if referral is None:
        return
    status = {
        Stage.HIRED: Referral.Status.HIRED,
        Stage.NOT_PROGRESSED: Referral.Status.NOT_PROGRESSED,
        Stage.WITHDRAWN: Referral.Status.NOT_PROGRESSED,
    }.get(Stage(application.stage), Referral.Status.APPLIED)
    if referral.status != status:
        referral.status = status
        referral.save(update_fields=["status"])


def refer_friend(user: User, vacancy_id: int, friend_name: str, friend_email: str, your_name: str = "") -> Referral:
    """A member of staff refers a friend to one of their employer's published vacancies; the friend is
    emailed a link to the job (signed by ``your_name``, which is not stored)."""
    with transaction.atomic():
        vacancy = queries.referable_vacancy_for(user, vacancy_id)
        referral = Referral.objects.create(
            referrer=user,
            referrer_worker_id=getattr(user, "worker_id", None),
            vacancy=vacancy,
            friend_name=friend_name.strip(),
            friend_email=friend_email.strip(),
        )
        letters.tell_friend(referral, your_name.strip() or "Someone you know")
    return referral
