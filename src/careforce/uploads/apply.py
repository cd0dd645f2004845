"""Writing a confirmed upload's change plan to the database.

The caller holds the transaction: every change of an upload is saved, or none is. Staff that ASC-WDS would
delete (STATUS DELETE, or left out of a staff file that covers their workplace) are recorded here as having
left on the day of the upload, so that turnover still counts them; a deleted workplace goes with everything
recorded about it, as in ASC-WDS. Large sets of rows go through PostgreSQL COPY or batched statements.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from typing import Any, TypeVar

from django.db import connection
from django.utils import timezone

from careforce.domain.upload import ChangePlan, WorkerRecord, id_key
from careforce.workforce import ascwds
from careforce.workforce.bulk import insert_rows
from careforce.workforce.models import TrainingRecord, Worker, WorkerQualification, Workplace

from .placing import Placement
from .stored import StoredAccount, WorkerKey

BATCH = 5_000
T = TypeVar("T")
Progress = Callable[[int, str], None]
WORKER_INSERT = ("workplace", *ascwds.WORKER_ITEMS, "other_job_roles", "updated_at")


def _batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _worker_key(record: WorkerRecord) -> WorkerKey:
    return id_key(record.workplace_local_identifier), id_key(record.local_identifier)


def apply_plan(
    organisation_id: int,
    plan: ChangePlan,
    stored: StoredAccount,
    placements: dict[str, Placement],
    today: date,
    progress: Progress,
) -> dict[str, int]:
    """Apply ``plan`` (already checked: no conflicts) and return what changed, by kind."""
    now = timezone.now()
    deleted_workplaces = _workplaces(organisation_id, plan, stored, placements, now)
    workplaces = Workplace.objects.filter(organisation_id=organisation_id).values_list("local_identifier", "pk")
    workplace_ids = {id_key(local): pk for local, pk in workplaces}
    progress(60, "Saving staff records")
    leavers = [
        stored.worker_ids[_worker_key(r)]
        for r in plan.workers.deleted
        if id_key(r.workplace_local_identifier) not in deleted_workplaces
    ]
    for batch in _batches(leavers):
        Worker.objects.filter(pk__in=batch).update(left_on=today, updated_at=now)
    _update_workers(plan, stored, workplace_ids, now)
    insert_rows(
        Worker,
        WORKER_INSERT,
        (
            (workplace_ids[id_key(r.workplace_local_identifier)], *ascwds.worker_values(r).values(), "[]", now)
            for r in plan.workers.created
        ),
    )
    worker_ids = _current_worker_ids(organisation_id)
    _qualifications(plan, worker_ids)
    progress(80, "Saving training records")
    gone: list[int] = []
    for row in plan.training_deleted:
        owner = (id_key(row.workplace_local_identifier), id_key(row.worker_local_identifier))
        gone.append(stored.training_ids[(owner, row)].pop())
    for batch in _batches(gone):
        TrainingRecord.objects.filter(pk__in=batch).delete()
    insert_rows(
        TrainingRecord,
        ascwds.TRAINING_FIELDS,
        (
            ascwds.training_row(
                worker_ids[(id_key(t.workplace_local_identifier), id_key(t.worker_local_identifier))], t
            )
            for t in plan.training_created
        ),
    )
    return {
        "workplaces_created": len(plan.workplaces.created),
        "workplaces_updated": len(plan.workplaces.updated),
        "workplaces_deleted": len(plan.workplaces.deleted),
        "staff_created": len(plan.workers.created),
        "staff_updated": len(plan.workers.updated),
        "staff_left": len(leavers),
        "training_created": len(plan.training_created),
        "training_deleted": len(plan.training_deleted),
    }


def _workplaces(
    organisation_id: int, plan: ChangePlan, stored: StoredAccount, placements: dict[str, Placement], now: Any
) -> set[str]:
    def placed(values: dict[str, Any]) -> dict[str, Any]:
        where = placements[values["postcode"]]
        return {**values, "district_id": where.district_id, "council_id": where.council_id}

    Workplace.objects.bulk_create(
        [
            Workplace(organisation_id=organisation_id, **placed(ascwds.workplace_values(r)))
            for r in plan.workplaces.created
        ],
        batch_size=1000,
    )
    for update in plan.workplaces.updated:
        pk = stored.workplace_ids[id_key(update.before.local_identifier)]
        Workplace.objects.filter(pk=pk).update(**placed(ascwds.workplace_values(update.after)), updated_at=now)
    deleted = {id_key(r.local_identifier) for r in plan.workplaces.deleted}
    if deleted:
        Workplace.objects.filter(pk__in=[stored.workplace_ids[key] for key in deleted]).delete()
    return deleted


def _update_workers(plan: ChangePlan, stored: StoredAccount, workplace_ids: dict[str, int], now: Any) -> None:
    if not plan.workers.updated:
        return
    names = ("workplace", *ascwds.WORKER_ITEMS, "updated_at")
    quote = connection.ops.quote_name
    columns = ", ".join(f"{quote(c)} = %s" for c in _columns(names))
    sql = f"UPDATE {quote(Worker._meta.db_table)} SET {columns} WHERE {quote('id')} = %s"
    rows = (
        (
            workplace_ids[id_key(u.after.workplace_local_identifier)],
            *ascwds.worker_values(u.after).values(),
            now,
            stored.worker_ids[_worker_key(u.before)],
        )
        for u in plan.workers.updated
    )
    with connection.cursor() as cursor:
        for batch in _batches(rows):
            cursor.executemany(sql, batch)


def _columns(names: Sequence[str]) -> list[str]:
    return [Worker._meta.get_field(name).column for name in names]  # type: ignore[misc, union-attr]


def _current_worker_ids(organisation_id: int) -> dict[WorkerKey, int]:
    rows = Worker.objects.filter(workplace__organisation_id=organisation_id, left_on__isnull=True).values_list(
        "workplace__local_identifier", "local_identifier", "pk"
    )
    return {(id_key(w), id_key(k)): pk for w, k, pk in rows.iterator(chunk_size=10_000)}


def _qualifications(plan: ChangePlan, worker_ids: dict[WorkerKey, int]) -> None:
    changed = [u.after for u in plan.workers.updated if "qualifications" in u.changed_fields]
    replaced = [worker_ids[_worker_key(r)] for r in changed]
    for batch in _batches(replaced):
        WorkerQualification.objects.filter(worker_id__in=batch).delete()
    insert_rows(
        WorkerQualification,
        ascwds.QUALIFICATION_FIELDS,
        (
            row
            for r in (*plan.workers.created, *changed)
            for row in ascwds.qualification_rows(worker_ids[_worker_key(r)], r)
        ),
    )
