"""An organisation's stored workforce as the bulk-upload domain sees it: keys, records and their primary keys."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from careforce.domain.upload import AccountSnapshot, CurrentData, TrainingRecordRow, WorkerRecord, id_key
from careforce.workforce import ascwds
from careforce.workforce.bulk import read_rows
from careforce.workforce.models import TrainingRecord, Worker, WorkerQualification, Workplace

WorkerKey = tuple[str, str]


@dataclass
class StoredAccount:
    """What an organisation has now. Keys are matched as ASC-WDS matches them (whitespace removed)."""

    snapshot: AccountSnapshot
    data: CurrentData
    workplace_ids: dict[str, int] = field(default_factory=dict)
    worker_ids: dict[WorkerKey, int] = field(default_factory=dict)
    training_ids: dict[tuple[WorkerKey, TrainingRecordRow], list[int]] = field(default_factory=dict)


def current_workers(organisation_id: int) -> Iterator[tuple[int, WorkerRecord]]:
    """The organisation's current staff (leavers are history, not part of uploads) as ``(pk, record)``."""
    workers = Worker.objects.filter(workplace__organisation_id=organisation_id, left_on__isnull=True)
    qualifications = ascwds.qualifications_by_worker(
        read_rows(
            WorkerQualification.objects.filter(worker__in=workers)
            .order_by("pk")
            .values_list(*ascwds.QUALIFICATION_COLUMNS)
        )
    )
    rows = workers.order_by("workplace__local_identifier", "local_identifier").values_list(*ascwds.WORKER_COLUMNS)
    return ascwds.worker_records(read_rows(rows), qualifications)


def current_training(organisation_id: int) -> Iterator[tuple[int, TrainingRecordRow]]:
    rows = (
        TrainingRecord.objects.filter(worker__workplace__organisation_id=organisation_id, worker__left_on__isnull=True)
        .order_by("worker__workplace__local_identifier", "worker__local_identifier", "pk")
        .values_list(*ascwds.TRAINING_COLUMNS)
    )
    return ascwds.training_records(read_rows(rows))


def load_account(organisation_id: int, *, with_training: bool = True) -> StoredAccount:
    """The organisation's workplaces, current staff and (optionally) training, ready to check and plan an upload."""
    own = Workplace.objects.filter(organisation_id=organisation_id).order_by("local_identifier")
    workplaces = {w.pk: ascwds.workplace_record(w) for w in own}
    workplace_ids = {id_key(r.local_identifier): pk for pk, r in workplaces.items()}
    workers: dict[WorkerKey, WorkerRecord] = {}
    worker_ids: dict[WorkerKey, int] = {}
    staff_keys: dict[str, set[str]] = {key: set() for key in workplace_ids}
    for pk, record in current_workers(organisation_id):
        key = (id_key(record.workplace_local_identifier), id_key(record.local_identifier))
        workers[(record.workplace_local_identifier, record.local_identifier)] = record
        worker_ids[key] = pk
        staff_keys.setdefault(key[0], set()).add(key[1])
    training: list[TrainingRecordRow] = []
    training_ids: dict[tuple[WorkerKey, TrainingRecordRow], list[int]] = {}
    if with_training:
        for pk, row in current_training(organisation_id):
            training.append(row)
            owner = (id_key(row.workplace_local_identifier), id_key(row.worker_local_identifier))
            training_ids.setdefault((owner, row), []).append(pk)
    others = Workplace.objects.exclude(organisation_id=organisation_id)
    snapshot = AccountSnapshot(
        workplaces=frozenset(workplace_ids),
        workers={k: frozenset(v) for k, v in staff_keys.items()},
        other_organisations_workplaces=frozenset(others.values_list("local_identifier", flat=True)),
        other_organisations_location_ids=frozenset(
            others.exclude(cqc_location_id="").values_list("cqc_location_id", flat=True)
        ),
    )
    data = CurrentData.from_records(workplaces.values(), workers.values(), training)
    return StoredAccount(snapshot, data, workplace_ids, worker_ids, training_ids)
