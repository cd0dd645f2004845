"""Stored records as ASC-WDS records and back: the one place that maps the three files onto the models.

Staff and training items are columns of the same names as the domain records' fields. Workplace items that
careforce itself computes with are columns; the rest of the workplace file's answers (pay and conditions,
capacities per service, care workforce pathway use...) are kept as given in ``Workplace.ascwds_answers``, so a
download gives back exactly what was uploaded (ADR 0026).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import fields
from decimal import Decimal
from typing import Any

from careforce.domain.upload import QualificationAchieved, TrainingRecordRow, WorkerRecord, WorkplaceRecord

from .models import Workplace

# worker fields stored in the column of the same name
WORKER_ITEMS: tuple[str, ...] = tuple(
    f.name for f in fields(WorkerRecord) if f.name not in ("workplace_local_identifier", "qualifications")
)
TRAINING_ITEMS: tuple[str, ...] = (
    "category",
    "accredited",
    "delivered_by",
    "provider",
    "how_delivered",
    "validity_months",
    "does_not_expire",
    "notes",
)
WORKPLACE_COLUMNS = (
    "local_identifier",
    "name",
    "address_line_1",
    "address_line_2",
    "address_line_3",
    "post_town",
    "postcode",
    "establishment_type",
    "cqc_provider_id",
    "cqc_location_id",
    "main_service",
    "total_perm_temp",
)
WORKPLACE_LISTS = ("other_services", "service_users")
_INT_KEYED = ("capacity", "utilisation", "service_descriptions", "service_user_descriptions", "reasons_for_leaving")
_ROLE_COUNTS = ("starters", "leavers", "vacancies")
_TUPLES = ("delegated_healthcare_activities", "job_roles", "cwp_use_reasons")
_DECIMALS = ("pension_contribution_percent", "travel_time_rate")
WORKPLACE_ANSWERS: tuple[str, ...] = tuple(
    f.name for f in fields(WorkplaceRecord) if f.name not in (*WORKPLACE_COLUMNS, *WORKPLACE_LISTS, "cqc_regulated")
)


# workplaces -------------------------------------------------------------------------------------------------------
def _encode(name: str, value: Any) -> Any:
    if name in _DECIMALS:
        return None if value is None else str(value)
    if name in _INT_KEYED or (name in _ROLE_COUNTS and isinstance(value, dict)):
        return {str(k): v for k, v in value.items()}
    if name in _TUPLES:
        return list(value)
    return value


def _decode(name: str, value: Any) -> Any:
    if name in _DECIMALS:
        return None if value is None else Decimal(value)
    if name in _INT_KEYED or (name in _ROLE_COUNTS and isinstance(value, dict)):
        return {int(k): v for k, v in value.items()}
    if name in _TUPLES:
        return tuple(value)
    return value


def workplace_values(record: WorkplaceRecord) -> dict[str, Any]:
    """Column values for a workplace record (the organisation, district and council are the caller's)."""
    values: dict[str, Any] = {name: getattr(record, name) for name in WORKPLACE_COLUMNS}
    values["is_cqc_regulated"] = record.cqc_regulated
    values["other_services"] = list(record.other_services)
    values["service_users"] = list(record.service_users)
    values["capacity"] = record.capacity.get(record.main_service)
    values["utilisation"] = record.utilisation.get(record.main_service)
    values["starters_by_role"] = _by_role(record.starters)
    values["leavers_by_role"] = _by_role(record.leavers)
    values["ascwds_answers"] = {name: _encode(name, getattr(record, name)) for name in WORKPLACE_ANSWERS}
    return values


def _by_role(counts: object) -> dict[str, int]:
    return {str(k): v for k, v in counts.items()} if isinstance(counts, dict) else {}


def workplace_record(w: Workplace) -> WorkplaceRecord:
    answers = w.ascwds_answers or {}
    values: dict[str, Any] = {name: getattr(w, name) for name in WORKPLACE_COLUMNS}
    values["total_perm_temp"] = w.total_perm_temp or 0
    values["cqc_regulated"] = w.is_cqc_regulated
    values["other_services"] = tuple(w.other_services or ())
    values["service_users"] = tuple(w.service_users or ())
    for name in WORKPLACE_ANSWERS:
        if name in answers:
            values[name] = _decode(name, answers[name])
    if "capacity" not in answers and w.capacity is not None:  # kept by hand or by the demo: the main service's
        values["capacity"] = {w.main_service: w.capacity}
    if "utilisation" not in answers and w.utilisation is not None:
        values["utilisation"] = {w.main_service: w.utilisation}
    return WorkplaceRecord(**values)


# fast records -------------------------------------------------------------------------------------------------------
def record_maker(cls: type[Any], names: tuple[str, ...]) -> Callable[[Iterable[Any]], Any]:
    """A constructor of a frozen, slotted dataclass from values in ``names`` order (every field, once).

    It sets the slots directly: the record is equal to ``cls(**dict(zip(names, values)))`` (the records have no
    ``__post_init__``) at about half the cost, which counts when a download builds 11,000 staff and 25,000
    training records (ADR 0130).
    """
    every = {f.name for f in fields(cls)}
    if set(names) != every or len(names) != len(every) or hasattr(cls, "__post_init__"):
        raise TypeError(f"record_maker needs each field of {cls.__name__} once, and no __post_init__")
    setters = tuple(getattr(cls, name).__set__ for name in names)
    new = object.__new__

    def make(values: Iterable[Any]) -> Any:
        record = new(cls)
        for set_value, value in zip(setters, values, strict=True):
            set_value(record, value)
        return record

    return make


# staff --------------------------------------------------------------------------------------------------------------
def worker_values(record: WorkerRecord) -> dict[str, Any]:
    """Column values for a worker record (the workplace is the caller's)."""
    return {name: getattr(record, name) for name in WORKER_ITEMS}


WORKER_COLUMNS = ("pk", "workplace__local_identifier", *WORKER_ITEMS)
_make_worker = record_maker(WorkerRecord, ("workplace_local_identifier", *WORKER_ITEMS, "qualifications"))


def worker_records(
    rows: Iterable[tuple[Any, ...]], qualifications: Mapping[int, list[QualificationAchieved]]
) -> Iterator[tuple[int, WorkerRecord]]:
    """``(pk, record)`` from ``values_list(*WORKER_COLUMNS)`` rows and each worker's qualifications."""
    # items as [workplace, *WORKER_ITEMS, qualifications]: the positions below are one more than in WORKER_ITEMS
    names = WORKER_ITEMS
    salary = names.index("annual_salary") + 1
    display = names.index("name_or_id") + 1
    held, level = names.index("social_care_qualification") + 1, names.index("social_care_qualification_level") + 1
    make = _make_worker
    for row in rows:
        pk = row[0]
        items = list(row[1:])
        if items[salary] is not None:
            items[salary] = int(items[salary])
        if not items[display]:  # kept by hand or by the demo without a name: ASC-WDS needs one
            items[display] = items[1]
        if items[held] is None and items[level] is not None:  # a level recorded by hand or by the demo: held
            items[held] = 1
        items.append(tuple(qualifications.get(pk, ())))
        yield pk, make(items)


QUALIFICATION_COLUMNS = ("worker_id", "qualification", "year_achieved", "notes")
QUALIFICATION_FIELDS = ("worker", "qualification", "year_achieved", "notes")


def qualifications_by_worker(
    rows: Iterable[tuple[int, int, int | None, str]],
) -> dict[int, list[QualificationAchieved]]:
    found: dict[int, list[QualificationAchieved]] = {}
    for worker, code, year, notes in rows:
        found.setdefault(worker, []).append(QualificationAchieved(code, year, notes))
    return found


def qualification_rows(worker_id: int, record: WorkerRecord) -> Iterator[tuple[int, int, int | None, str]]:
    for q in record.qualifications:
        yield worker_id, q.code, q.year, q.notes


# training -------------------------------------------------------------------------------------------------------------
TRAINING_COLUMNS = (
    "pk",
    "worker__workplace__local_identifier",
    "worker__local_identifier",
    "name",
    "completed_on",
    "expires_on",
    *TRAINING_ITEMS,
)


_make_training = record_maker(
    TrainingRecordRow,
    ("workplace_local_identifier", "worker_local_identifier", "title", "completed", "expires", *TRAINING_ITEMS),
)


def training_records(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[int, TrainingRecordRow]]:
    """``(pk, record)`` from ``values_list(*TRAINING_COLUMNS)`` rows (the columns are in the record's order)."""
    make = _make_training
    for row in rows:
        yield row[0], make(row[1:])


TRAINING_FIELDS = ("worker", "name", "completed_on", "expires_on", *TRAINING_ITEMS)


def training_row(worker_id: int, t: TrainingRecordRow) -> tuple[Any, ...]:
    """A row for ``bulk.insert_rows(TrainingRecord, TRAINING_FIELDS, ...)``."""
    return (worker_id, t.title, t.completed, t.expires, *(getattr(t, name) for name in TRAINING_ITEMS))
