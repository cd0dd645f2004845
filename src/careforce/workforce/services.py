"""Every change to provider data goes through these functions.

Each takes the acting user, finds the record through the scoped ``queries`` (so a record outside the
user's scope is a 404 and nothing changes), and owns its transaction: a change is saved whole or not
at all.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from careforce.domain.reference import PERMANENT_OR_TEMPORARY
from careforce.domain.upload.staff_combos import check_nationality

from . import queries
from .models import TrainingRecord, Vacancy, Worker, WorkerQualification, Workplace

if TYPE_CHECKING:
    from careforce.accounts.models import User

WORKPLACE_FIELDS = ("name", "address_line_1", "address_line_2", "address_line_3", "post_town", "main_service")
WORKER_FIELDS = (
    "local_identifier",
    "main_job_role",
    "contract_type",
    "start_date",
    "pay_interval",
    "hourly_rate",
    "annual_salary",
    "care_certificate",
)


class WorkerReferenceTaken(Exception):
    """Another record at the workplace already uses this worker reference."""


def _hours_fields(contract_type: int, hours: Decimal | None) -> dict[str, Decimal | None]:
    if contract_type in PERMANENT_OR_TEMPORARY:  # contracted hours (CONTHOURS); the others AVGHOURS
        return {"contracted_hours": hours, "average_hours": None}
    return {"contracted_hours": None, "average_hours": hours}


def hours_of(worker: Worker) -> Decimal | None:
    return worker.contracted_hours if worker.contracted_hours is not None else worker.average_hours


def update_workplace(user: User, workplace_id: int, changes: dict[str, Any]) -> Workplace:
    with transaction.atomic():
        workplace = queries.workplace_for(user, workplace_id)
        for name in WORKPLACE_FIELDS:
            if name in changes:
                setattr(workplace, name, changes[name])
        workplace.save()
    return workplace


def add_worker(user: User, workplace_id: int, answers: dict[str, Any]) -> Worker:
    """Add a worker from the answers of the question pages (raises WorkerReferenceTaken)."""
    try:
        with transaction.atomic():
            workplace = queries.workplace_for(user, workplace_id)
            if queries.worker_reference_taken(workplace, answers["local_identifier"]):
                raise WorkerReferenceTaken
            fields = {name: answers[name] for name in WORKER_FIELDS}
            return Worker.objects.create(
                workplace=workplace, **fields, **_hours_fields(answers["contract_type"], answers["hours"])
            )
    except IntegrityError:
        raise WorkerReferenceTaken from None


def update_worker(user: User, worker_id: int, changes: dict[str, Any]) -> Worker:
    """Change answers on a worker record in the manager's organisation (raises WorkerReferenceTaken)."""
    try:
        with transaction.atomic():
            worker = queries.managed_worker_for(user, worker_id)
            reference = changes.get("local_identifier")
            if reference is not None and queries.worker_reference_taken(worker.workplace, reference, worker.pk):
                raise WorkerReferenceTaken
            hours = changes.get("hours", hours_of(worker))
            for name in WORKER_FIELDS:
                if name in changes:
                    setattr(worker, name, changes[name])
            for name, value in _hours_fields(worker.contract_type, hours).items():
                setattr(worker, name, value)
            worker.save()
            return worker
    except IntegrityError:
        raise WorkerReferenceTaken from None


PERSONAL_ITEMS = (
    "name_or_id",
    "date_of_birth",
    "gender",
    "ethnicity",
    "nationality",
    "disability",
    "social_care_qualification",
    "social_care_qualification_level",
    "non_social_care_qualification",
    "non_social_care_qualification_level",
)


def save_personal_items(user: User, worker_id: int, items: dict[str, Any]) -> Worker:
    """Save a worker's ASC-WDS personal items (those given), all together.

    The items that follow from nationality are kept as the bulk upload keeps them (``check_nationality``):
    British citizenship and the visa are not asked of a British worker, so a download uploaded again says
    nothing about them.
    """
    with transaction.atomic():
        worker = queries.managed_worker_for(user, worker_id)
        for name in PERSONAL_ITEMS:
            if name in items:
                setattr(worker, name, items[name])
        (worker.british_citizenship, worker.health_and_care_visa, worker.employed_from_outside_uk), _ = (
            check_nationality(
                worker.nationality,
                worker.british_citizenship,
                worker.health_and_care_visa,
                worker.employed_from_outside_uk,
            )
        )
        worker.save()
    return worker


def record_leaving(user: User, worker_id: int, left_on: date, reason: int) -> Worker:
    """Record that a current worker has left; the record stays for starters, leavers and turnover."""
    with transaction.atomic():
        worker = queries.managed_worker_for(user, worker_id)
        if not worker.is_current:
            raise ValueError("This worker has already left")
        worker.left_on, worker.leaving_reason = left_on, reason
        worker.save(update_fields=["left_on", "leaving_reason", "updated_at"])
    return worker


def _worker_in_scope(user: User, worker_id: int) -> Worker:
    """A worker whose training and qualifications the user may change: the manager's staff, or a staff member's own."""
    return queries.worker_for(user, worker_id)


def save_training(user: User, worker_id: int, record_id: int | None, fields: dict[str, Any]) -> TrainingRecord:
    with transaction.atomic():
        worker = _worker_in_scope(user, worker_id)
        record = queries.training_record_of(worker, record_id) if record_id else TrainingRecord(worker=worker)
        for name in ("category", "name", "accredited", "completed_on", "expires_on"):
            setattr(record, name, fields[name])
        record.save()
    return record


def delete_training(user: User, worker_id: int, record_id: int) -> None:
    with transaction.atomic():
        queries.training_record_of(_worker_in_scope(user, worker_id), record_id).delete()


def add_qualification(user: User, worker_id: int, qualification: int, year_achieved: int | None) -> WorkerQualification:
    with transaction.atomic():
        worker = _worker_in_scope(user, worker_id)
        return WorkerQualification.objects.create(
            worker=worker, qualification=qualification, year_achieved=year_achieved
        )


def remove_qualification(user: User, worker_id: int, record_id: int) -> None:
    with transaction.atomic():
        queries.qualification_of(_worker_in_scope(user, worker_id), record_id).delete()


def save_vacancy(user: User, workplace_id: int | None, vacancy_id: int | None, fields: dict[str, Any]) -> Vacancy:
    """Add a vacancy to a workplace (``vacancy_id`` None) or change one of the manager's vacancies."""
    with transaction.atomic():
        if vacancy_id is not None:
            vacancy = queries.vacancy_for(user, vacancy_id)
        else:
            assert workplace_id is not None
            vacancy = Vacancy(workplace=queries.workplace_for(user, workplace_id), posted_on=timezone.localdate())
        for name, value in fields.items():
            setattr(vacancy, name, value)
        vacancy.save()
    return vacancy


def close_vacancy(user: User, vacancy_id: int) -> Vacancy:
    """Close a vacancy: it stops being open from today and leaves job search.

    A vacancy posted earlier keeps its row with yesterday as its closing date, so the vacancy history
    stays right; one posted today was never open on a past day and is removed.
    """
    with transaction.atomic():
        vacancy = queries.vacancy_for(user, vacancy_id)
        today = timezone.localdate()
        if vacancy.posted_on >= today:
            vacancy.delete()
        else:
            vacancy.closing_date, vacancy.is_published = today - timedelta(days=1), False
            vacancy.save(update_fields=["closing_date", "is_published"])
    return vacancy
