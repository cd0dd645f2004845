"""What applying a validated upload would change: the plan the provider confirms.

STATUS, as in ASC-WDS:

* ``NEW``: create; the record must not exist yet.
* ``UPDATE`` and ``UNCHECKED``: the record must exist; it is updated only in the fields that differ
  (so a row that matches what is stored changes nothing). UNCHECKED is what downloads carry.
* ``NOCHANGE``: the record must exist; it is left exactly as it is.
* ``DELETE``: the record must exist; it is deleted (a workplace with all its staff).

A staff file is the full list of staff of each workplace it covers (every workplace in the upload's
workplace file, or named in the staff file): staff of those workplaces who are not in it are deleted, as
ASC-WDS does, and the plan says so. Workplaces are never deleted by leaving them out. Training rows have
no STATUS: for each worker that appears in the training file, the file's rows replace that worker's
training records; only the rows that differ are created or deleted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Generic, TypeVar

from careforce.domain.upload.layouts import FileKind
from careforce.domain.upload.records import (
    COLUMN_FIELDS,
    StaffRow,
    Status,
    TrainingRecordRow,
    WorkerRecord,
    WorkplaceRecord,
    id_key,
)
from careforce.domain.upload.report import Problem, Severity
from careforce.domain.upload.validate import UploadResult

R = TypeVar("R", WorkplaceRecord, WorkerRecord)
WorkerKey = tuple[str, str]


@dataclass(frozen=True)
class CurrentData:
    """The account's data now, keyed by local identifiers (workplace; workplace and worker)."""

    workplaces: Mapping[str, WorkplaceRecord] = field(default_factory=dict)
    workers: Mapping[WorkerKey, WorkerRecord] = field(default_factory=dict)
    training: Mapping[WorkerKey, Sequence[TrainingRecordRow]] = field(default_factory=dict)

    @classmethod
    def from_records(
        cls,
        workplaces: Iterable[WorkplaceRecord],
        workers: Iterable[WorkerRecord],
        training: Iterable[TrainingRecordRow] = (),
    ) -> CurrentData:
        by_worker: dict[WorkerKey, list[TrainingRecordRow]] = {}
        for t in training:
            by_worker.setdefault((t.workplace_local_identifier, t.worker_local_identifier), []).append(t)
        return cls(
            {w.local_identifier: w for w in workplaces},
            {(w.workplace_local_identifier, w.local_identifier): w for w in workers},
            by_worker,
        )


@dataclass(frozen=True)
class Update(Generic[R]):
    """An existing record and what it becomes; ``changed_fields`` names the fields that differ."""

    before: R
    after: R
    changed_fields: tuple[str, ...]


@dataclass
class RecordChanges(Generic[R]):
    created: list[R] = field(default_factory=list)
    updated: list[Update[R]] = field(default_factory=list)
    deleted: list[R] = field(default_factory=list)
    unchanged: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.created or self.updated or self.deleted)


@dataclass
class ChangePlan:
    workplaces: RecordChanges[WorkplaceRecord] = field(default_factory=RecordChanges)
    workers: RecordChanges[WorkerRecord] = field(default_factory=RecordChanges)
    workers_deleted_as_missing: list[WorkerKey] = field(default_factory=list)
    training_created: list[TrainingRecordRow] = field(default_factory=list)
    training_deleted: list[TrainingRecordRow] = field(default_factory=list)
    training_unchanged: int = 0
    conflicts: list[Problem] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return (
            self.workplaces.is_empty
            and self.workers.is_empty
            and not self.training_created
            and not self.training_deleted
        )


def changed_fields(before: R, after: R) -> tuple[str, ...]:
    return tuple(f.name for f in fields(before) if getattr(before, f.name) != getattr(after, f.name))


def _conflict(file: str, row: int, text: str) -> Problem:
    return Problem(file, row, "STATUS", None, Severity.ERROR, text)


Ignored = Mapping[int, frozenset[str]]
"""Per row, the record fields whose given values were ignored with a warning."""


def ignored_fields(result: UploadResult, kind: FileKind) -> Ignored:
    """Fields whose values were given but ignored with a warning ("... will be ignored"), by row.

    On an update they keep what is stored, as in ASC-WDS: a value it ignores changes nothing. A blank
    cell is not a value given, so it still clears the field.
    """
    name = result.files.get(kind)
    columns = COLUMN_FIELDS[kind]
    found: dict[int, set[str]] = {}
    for p in result.report.warnings:
        if p.file == name and p.row is not None and p.value.strip():
            column = p.column if p.column in columns else _qualification_column(p.column)
            found.setdefault(p.row, set()).update(columns.get(column, ()))
    return {row: frozenset(names) for row, names in found.items()}


def _qualification_column(column: str) -> str:
    if column.startswith("QUALACH"):
        return "QUALACHnnNOTES" if column.endswith("NOTES") else "QUALACHnn"
    return column


def _keep_ignored(before: R | None, after: R | None, names: frozenset[str]) -> R | None:
    if before is None or after is None or not names:
        return after
    return replace(after, **{name: getattr(before, name) for name in names})


def _apply(changes: RecordChanges[R], status: Status, before: R | None, after: R | None) -> None:
    if status is Status.DELETE:
        if before is not None:
            changes.deleted.append(before)
    elif status is Status.NOCHANGE or after is None:
        changes.unchanged += 1
    elif before is None:
        changes.created.append(after)
    elif before == after:  # the common case when a download comes back: no field-by-field comparison
        changes.unchanged += 1
    else:
        changes.updated.append(Update(before, after, changed_fields(before, after)))


def plan_changes(result: UploadResult, current: CurrentData) -> ChangePlan:
    """The creates, updates and deletes that applying ``result`` to ``current`` would make.

    ``result`` must have no errors. The data may have changed since validation, so STATUS is checked
    again against ``current``; anything that no longer fits is listed in ``conflicts`` and the plan must
    not be applied.
    """
    if result.report.has_errors:
        raise ValueError("an upload with errors cannot be planned")
    plan = ChangePlan()
    ignored_workplace = ignored_fields(result, FileKind.WORKPLACE)
    workplaces = {id_key(k): v for k, v in current.workplaces.items()}
    deleted_workplaces: set[str] = set()
    covered: set[str] = set()
    for item in result.workplaces:
        key = id_key(item.local_identifier)
        before = workplaces.get(key)
        if not _status_fits(item.status, before is not None):
            plan.conflicts.append(
                _conflict(result.files[FileKind.WORKPLACE], item.row, _stale(item.status, "Workplace"))
            )
            continue
        kept = _keep_ignored(before, item.record, ignored_workplace.get(item.row, frozenset()))
        _apply(plan.workplaces, item.status, before, kept)
        if item.status is Status.DELETE:
            deleted_workplaces.add(key)
        else:
            covered.add(key)
    workers = {(id_key(w), id_key(k)): v for (w, k), v in current.workers.items()}
    for key in deleted_workplaces:
        plan.workers.deleted.extend(v for (w, _k), v in workers.items() if w == key)
    if result.includes(FileKind.STAFF):
        _plan_staff(plan, result, workers, covered, deleted_workplaces)
    if result.includes(FileKind.TRAINING):
        _plan_training(plan, result, current, deleted_workplaces)
    return plan


def _status_fits(status: Status, exists: bool) -> bool:
    return exists != (status is Status.NEW)


def _stale(status: Status, what: str) -> str:
    if status is Status.NEW:
        return f"{what} has a STATUS of NEW but now exists: the data changed since the upload was checked"
    return f"{what} has a STATUS of {status.value} but no longer exists: the data changed since the upload was checked"


def _plan_staff(
    plan: ChangePlan,
    result: UploadResult,
    workers: Mapping[WorkerKey, WorkerRecord],
    covered: set[str],
    deleted_workplaces: set[str],
) -> None:
    mentioned: set[WorkerKey] = set()
    staff_file = result.files[FileKind.STAFF]
    ignored = ignored_fields(result, FileKind.STAFF)
    for item in result.staff:
        wk, key = id_key(item.workplace_local_identifier), id_key(item.local_identifier)
        if wk in deleted_workplaces:
            continue
        covered.add(wk)
        mentioned.add((wk, key))
        before = workers.get((wk, key))
        if not _status_fits(item.status, before is not None):
            plan.conflicts.append(_conflict(staff_file, item.row, _stale(item.status, "Staff record")))
            continue
        after = _keep_ignored(before, _moved(item), ignored.get(item.row, frozenset()))
        _apply(plan.workers, item.status, before, after)
    for (wk, key), record in workers.items():
        if wk in covered and (wk, key) not in mentioned:
            plan.workers.deleted.append(record)
            plan.workers_deleted_as_missing.append((record.workplace_local_identifier, record.local_identifier))


def _moved(item: StaffRow) -> WorkerRecord | None:
    """The record as it will be stored: re-keyed (CHGUNIQUEWRKID) and moved (TRANSFERSTAFFRECORD)."""
    record = item.record
    if record is None:
        return None
    if item.new_local_identifier:
        record = replace(record, local_identifier=item.new_local_identifier)
    if item.transfer_to:
        record = replace(record, workplace_local_identifier=item.transfer_to)
    return record


def _plan_training(plan: ChangePlan, result: UploadResult, current: CurrentData, deleted_workplaces: set[str]) -> None:
    uploaded: dict[WorkerKey, list[TrainingRecordRow]] = {}
    for t in result.training:
        key = (id_key(t.workplace_local_identifier), id_key(t.worker_local_identifier))
        if key[0] not in deleted_workplaces:
            uploaded.setdefault(key, []).append(t)
    existing = {(id_key(w), id_key(k)): v for (w, k), v in current.training.items()}
    for key, rows in uploaded.items():
        new, old = Counter(rows), Counter(existing.get(key, ()))
        plan.training_created.extend((new - old).elements())
        plan.training_deleted.extend((old - new).elements())
        plan.training_unchanged += sum((new & old).values())
