"""Checks across rows and files: keys, ownership, STATUS against what exists, duplicates, totals.

The caller describes the account with an :class:`AccountSnapshot` (local identifiers only, no records):
which workplaces and staff it already has, and which workplace identifiers and CQC location ids are
known to belong to other organisations. Rows are checked as they stream past; only keys and a few
numbers per worker are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import compress, repeat
from operator import eq, itemgetter
from typing import cast

from careforce.domain.reference import HEAD_OFFICE, MAX_WEEKLY_HOURS, REGISTERED_MANAGER
from careforce.domain.upload.columnar import ChunkSink
from careforce.domain.upload.messages import Message, ascwds, own
from careforce.domain.upload.part_time_pay import PartTimePay
from careforce.domain.upload.records import DONT_KNOW, Status, WorkplaceRow, id_key
from careforce.domain.upload.rules_common import Sink, WorkplaceFacts, add_years
from careforce.domain.upload.rules_staff import StaffChunk
from careforce.domain.upload.rules_training import TrainingChunk

FULL_TIME_LIMIT = Decimal(MAX_WEEKLY_HOURS)
WORKPLACE_CROSS_CHECKED = frozenset({Status.NEW, Status.UPDATE, Status.NOCHANGE})
"""Workplace rows whose totals ASC-WDS checks against the staff file (workplaceCSVValidator.js, ``crossValidate``
returns early for any other STATUS, UNCHECKED among them)."""

W_NEW_EXISTS = ascwds("workplace", "STATUS", "NEW but already exists")
W_MISSING = {
    Status.DELETE: ascwds("workplace", "STATUS", "DELETE but does not exist"),
    Status.UNCHECKED: ascwds("workplace", "STATUS", "UNCHECKED but does not exist"),
    Status.NOCHANGE: ascwds("workplace", "STATUS", "NOCHANGE but does not exist"),
    Status.UPDATE: ascwds("workplace", "STATUS", "UPDATE but does not exist"),
}
W_DUPLICATE = ascwds("workplace", "LOCALESTID", "is not unique")
W_LOCATION_DUPLICATE = ascwds("workplace", "LOCATIONID", "is not unique")
W_LOCATION_TAKEN = ascwds("workplace", "LOCATIONID", "already exists").with_text(
    "LOCATIONID is already used by another organisation's workplace"
)
W_NOT_OWNER = ascwds("workplace", "", "Not the owner")
W_CANNOT_DELETE_PRIMARY = ascwds("workplace", "STATUS", "cannot be DELETE")
W_TOTAL_MISMATCH = ascwds("workplace", "TOTALPERMTEMP", "does not match")
W_NO_MANAGER = ascwds("workplace", "VACANCIES", "Registered Manager")
S_NO_WORKPLACE = ascwds("staff", "LOCALESTID", "does not exist in Workplace file")
S_NEW_EXISTS = ascwds("staff", "STATUS", "NEW but already exists")
S_DELETE_MISSING = ascwds("staff", "STATUS", "DELETE but does not exist")
S_MISSING = ascwds("staff", "STATUS", "doesn't exist")
S_DUPLICATE = ascwds("staff", "UNIQUEWORKERID", "is not unique")
S_NI_DUPLICATE = ascwds("staff", "NINUMBER", "already associated")
S_TRANSFER_TARGET = ascwds("staff", "TRANSFERSTAFFRECORD", "does not exist")
S_TRANSFER_MISSING = ascwds("staff", "LOCALESTID", "TRANSFERSTAFFRECORD given but does not exist")
S_TRANSFER_CLASH = ascwds("staff", "UNIQUEWORKERID", "already exists in the LOCALESTID")
S_TRANSFER_TWICE = ascwds("staff", "UNIQUEWORKERID", "being moved to the same")
T_NO_WORKPLACE = ascwds("training", "LOCALESTID", "does not exist in Workplace file")
T_NO_WORKER = own("UNIQUEWORKERID does not exist in the staff file or among this workplace's staff records", code=996)
T_TOO_YOUNG = ascwds("training", "DATECOMPLETED", "within 14 years")
NOT_IN_ACCOUNT = "nor among your account's workplaces"
OTHER_ORGANISATION = "This LOCALESTID belongs to another organisation's workplace, so this upload cannot change it"


def _keys(values: frozenset[str] | set[str]) -> frozenset[str]:
    return frozenset(id_key(v) for v in values)


@dataclass(frozen=True)
class AccountSnapshot:
    """What validation needs to know about the uploading account; identifiers are matched without spaces."""

    workplaces: frozenset[str] = frozenset()
    workers: Mapping[str, frozenset[str]] = field(default_factory=dict)
    other_organisations_workplaces: frozenset[str] = frozenset()
    other_organisations_location_ids: frozenset[str] = frozenset()
    primary_workplace: str | None = None
    existing_records_known: bool = True
    """False where there is no account to compare with (the command line): STATUS is then not checked
    against existing records, and staff and training are checked against the files given only."""

    @classmethod
    def unknown(cls) -> AccountSnapshot:
        return cls(existing_records_known=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "workplaces", _keys(self.workplaces))
        object.__setattr__(self, "workers", {id_key(k): _keys(v) for k, v in self.workers.items()})
        object.__setattr__(self, "other_organisations_workplaces", _keys(self.other_organisations_workplaces))

    def owns(self, workplace_key: str) -> bool:
        return workplace_key in self.workplaces

    def belongs_to_another(self, workplace_key: str) -> bool:
        return workplace_key in self.other_organisations_workplaces and workplace_key not in self.workplaces


_WorkplaceState = tuple[str, tuple[Message, str] | None, frozenset[str] | None]
"""A staff row's workplace: its key, why it cannot be used, and the staff to check STATUS against."""


@dataclass
class _Staffing:
    records: int = 0
    has_registered_manager: bool = False


class CrossFileChecks:
    def __init__(self, account: AccountSnapshot) -> None:
        self.account = account
        self.file_workplaces: dict[str, WorkplaceRow] = {}
        self.location_ids: set[str] = set()
        self.staff_seen: set[tuple[str, str]] = set()
        self.staff_keys: set[tuple[str, str]] = set()
        self.deleted_staff: set[tuple[str, str]] = set()
        self.transfers: set[tuple[str, str]] = set()
        self.dates_of_birth: dict[tuple[str, str], date] = {}
        self.staffing: dict[str, _Staffing] = {}
        self.ni_entries: list[tuple[str | None, int, Decimal | None]] = []
        self.staff_file_seen = False
        self.part_time_pay = PartTimePay()
        self._existing: dict[str, frozenset[str]] = {}

    # workplace file -------------------------------------------------------------------------
    def workplace(self, sink: Sink, item: WorkplaceRow) -> bool:
        key = id_key(item.local_identifier)
        account = self.account
        if account.belongs_to_another(key):
            sink.add(W_NOT_OWNER, "LOCALESTID", item.local_identifier, detail=OTHER_ORGANISATION)
            return False
        if key in self.file_workplaces:
            sink.add(W_DUPLICATE, "LOCALESTID", item.local_identifier)
            return False
        if account.existing_records_known:
            self._workplace_status(sink, item, key)
        self.file_workplaces[key] = item
        location = item.record.cqc_location_id if item.record else ""
        if location:
            if location in self.location_ids:
                sink.add(W_LOCATION_DUPLICATE, "LOCATIONID", location)
            elif location in account.other_organisations_location_ids:
                sink.add(W_LOCATION_TAKEN, "LOCATIONID", location)
            self.location_ids.add(location)
        return True

    def _workplace_status(self, sink: Sink, item: WorkplaceRow, key: str) -> None:
        exists = self.account.owns(key)
        primary = self.account.primary_workplace
        if item.status is Status.NEW and exists:
            sink.add(W_NEW_EXISTS, "STATUS", item.status.value)
        elif item.status is not Status.NEW and not exists:
            sink.add(W_MISSING[item.status], "STATUS", item.status.value)
        elif item.status is Status.DELETE and primary and key == id_key(primary):
            sink.add(W_CANNOT_DELETE_PRIMARY, "STATUS", item.status.value, item.local_identifier)

    def workplace_facts(self) -> dict[str, WorkplaceFacts]:
        return {
            key: WorkplaceFacts(
                r.record.cqc_regulated, r.record.main_service, r.record.staff_do_delegated_healthcare_activities
            )
            for key, r in self.file_workplaces.items()
            if r.record is not None
        }

    def _workplace_known_at(self, sink: ChunkSink, i: int, cell: str, key: str, missing: Message) -> bool:
        if self.account.belongs_to_another(key) and key not in self.file_workplaces:
            sink.add(i, "LOCALESTID", W_NOT_OWNER, cell, OTHER_ORGANISATION)
            return False
        if key not in self.file_workplaces and not self.account.owns(key):
            sink.add(i, "LOCALESTID", missing, cell, NOT_IN_ACCOUNT)
            return False
        return True

    def _existing_workers(self, workplace_key: str) -> frozenset[str]:
        found = self._existing.get(workplace_key)
        if found is None:
            in_file = self.file_workplaces.get(workplace_key)
            if in_file is not None and in_file.status is Status.NEW and not self.account.owns(workplace_key):
                found = frozenset()
            else:
                found = self.account.workers.get(workplace_key, frozenset())
            self._existing[workplace_key] = found
        return found

    # staff file -----------------------------------------------------------------------------
    def staff_chunk(self, sink: ChunkSink, chunk: StaffChunk) -> None:
        self.staff_file_seen = True
        if chunk.annual:
            self.part_time_pay.add(chunk.rows, chunk.annual)
        workplaces = {w: self._workplace_state(w) for w in set(chunk.workplace) if w}
        if not self._staff_chunk_fast(chunk, workplaces):
            self._staff_chunk_rows(sink, chunk, workplaces)

    def _staff_chunk_fast(self, chunk: StaffChunk, workplaces: dict[str, _WorkplaceState]) -> bool:
        """The usual chunk, done a column at a time: every row NEW, valid keys, no moves, no duplicates.

        Returns False (having changed nothing) when the chunk needs the row-by-row checks.
        """
        if None in chunk.workplace or None in chunk.worker or any(chunk.new_id) or any(chunk.transfer):
            return False
        if set(chunk.status) != {Status.NEW}:
            return False
        if any(problem is not None or existing for _wk, problem, existing in workplaces.values()):
            return False
        joined = "|".join(cast(list[str], chunk.worker))
        if not joined.isprintable() or " " in joined or "\xa0" in joined:
            return False  # some identifiers need whitespace removed: leave it to the row-by-row path
        keys = {w: state[0] for w, state in workplaces.items()}
        workers = cast(list[str], chunk.worker)
        pairs: list[tuple[str, str]] = list(zip(map(keys.__getitem__, chunk.workplace), workers, strict=True))  # type: ignore[arg-type]
        distinct = set(pairs)
        if len(distinct) != len(pairs) or not self.staff_seen.isdisjoint(distinct):
            return False
        self.staff_seen |= distinct
        self.staff_keys |= distinct
        # the per-workplace counts, a column at a time
        workplace_keys = [wk for wk, _key in pairs]
        managers = set(compress(workplace_keys, map(eq, chunk.role, repeat(REGISTERED_MANAGER))))
        for wk, records in Counter(workplace_keys).items():
            staffing = self.staffing.get(wk)
            if staffing is None:
                staffing = self.staffing[wk] = _Staffing()
            staffing.records += records
            if wk in managers:
                staffing.has_registered_manager = True
        self.dates_of_birth.update(zip(compress(pairs, chunk.born), filter(None, chunk.born), strict=True))
        self.ni_entries.extend(zip(chunk.ni, chunk.rows, chunk.hours, strict=True))
        return True

    def _staff_chunk_rows(self, sink: ChunkSink, chunk: StaffChunk, workplaces: dict[str, _WorkplaceState]) -> None:
        seen, staff_keys, staffing_of = self.staff_seen, self.staff_keys, self.staffing
        for i, (workplace, worker, status) in enumerate(zip(chunk.workplace, chunk.worker, chunk.status, strict=True)):
            if workplace is None or worker is None or status is None:
                continue
            wk, problem, existing = workplaces[workplace]
            if problem is not None:
                sink.add(i, "LOCALESTID", problem[0], workplace, problem[1])
                continue
            key = id_key(worker)
            pair = (wk, key)
            if pair in seen:
                message = S_DUPLICATE.with_text(f"UNIQUEWORKERID {worker} is not unique")
                sink.add(i, "UNIQUEWORKERID", message, worker, "it appears more than once for this workplace")
                continue
            seen.add(pair)
            if existing is not None and (status is not Status.NEW or key in existing):
                self._staff_status(sink, i, key in existing, status)
            if status is Status.DELETE:
                self.deleted_staff.add(pair)
                continue
            new_id, transfer = chunk.new_id[i], chunk.transfer[i]
            final = pair
            if new_id or transfer:
                final = self._moves(sink, i, wk, key, new_id, transfer, worker)
                staff_keys.add(final)
            staff_keys.add(pair)
            if status is Status.NOCHANGE:
                continue
            staffing = staffing_of.get(final[0])
            if staffing is None:
                staffing = staffing_of[final[0]] = _Staffing()
            staffing.records += 1
            if chunk.role[i] == REGISTERED_MANAGER:
                staffing.has_registered_manager = True
            born = chunk.born[i]
            if born is not None:
                self.dates_of_birth[final] = born
            self.ni_entries.append((chunk.ni[i], chunk.rows[i], chunk.hours[i]))

    def _workplace_state(self, cell: str) -> _WorkplaceState:
        """A staff row's workplace: its key, why it cannot be used (if so), and the staff to check STATUS
        against (``None`` when STATUS cannot be checked: no account to compare with)."""
        key = id_key(cell)
        if self.account.belongs_to_another(key) and key not in self.file_workplaces:
            return key, (W_NOT_OWNER, OTHER_ORGANISATION), None
        if key not in self.file_workplaces and not self.account.owns(key):
            return key, (S_NO_WORKPLACE, NOT_IN_ACCOUNT), None
        in_file = self.file_workplaces.get(key)
        if not (self.account.existing_records_known or (in_file is not None and in_file.status is Status.NEW)):
            return key, None, None
        return key, None, self._existing_workers(key)

    def _staff_status(self, sink: ChunkSink, i: int, exists: bool, status: Status) -> None:
        if status is Status.NEW:
            if exists:
                sink.add(i, "STATUS", S_NEW_EXISTS, status.value)
        elif status is Status.DELETE:
            if not exists:
                sink.add(i, "STATUS", S_DELETE_MISSING, status.value)
        elif not exists:
            text = S_MISSING.text.replace("UNCHECKED|NOCHANGE|UPDATE", status.value)
            sink.add(i, "STATUS", S_MISSING.with_text(text), status.value)

    def _moves(
        self, sink: ChunkSink, i: int, wk: str, key: str, new_id: str | None, transfer: str | None, worker: str
    ) -> tuple[str, str]:
        """Where the record ends up after CHGUNIQUEWRKID and TRANSFERSTAFFRECORD, checking both."""
        final_wk, final_key = wk, key
        existing = self._existing_workers(wk)
        if new_id:
            final_key = id_key(new_id)
            if final_key != key and (final_key in existing or (wk, final_key) in self.staff_seen):
                sink.add(i, "CHGUNIQUEWRKID", S_DUPLICATE.with_text(f"CHGUNIQUEWRKID {new_id} is not unique"), new_id)
        if transfer:
            final_wk = id_key(transfer)
            if key not in existing and self.account.existing_records_known:
                sink.add(i, "TRANSFERSTAFFRECORD", S_TRANSFER_MISSING, transfer)
            if final_wk not in self.file_workplaces and not self.account.owns(final_wk):
                sink.add(i, "TRANSFERSTAFFRECORD", S_TRANSFER_TARGET, transfer)
            elif final_key in self._existing_workers(final_wk):
                sink.add(i, "UNIQUEWORKERID", S_TRANSFER_CLASH, worker)
            elif (final_wk, final_key) in self.transfers:
                sink.add(i, "UNIQUEWORKERID", S_TRANSFER_TWICE, worker)
            self.transfers.add((final_wk, final_key))
        return final_wk, final_key

    def finish_staff(self, staff_sink: ChunkSink, workplace_sink: Sink | None) -> None:
        ni_hours: dict[str, list[tuple[int, Decimal]]] = {}
        # only an NI number given more than once can be a problem (most are given once: skip those in C)
        given = Counter(map(itemgetter(0), self.ni_entries))
        repeated = {ni for ni, count in given.items() if count > 1 and ni}
        for ni, row, hours in self.ni_entries if repeated else ():
            if ni is not None and ni in repeated and hours is not None and hours != DONT_KNOW:
                ni_hours.setdefault(ni, []).append((row, hours))
        for ni, uses in ni_hours.items():
            # ASC-WDS reports every record that shares the NI number, the first one too
            if len(uses) > 1 and sum(hours for _row, hours in uses) > FULL_TIME_LIMIT:
                for row, _hours in uses:
                    staff_sink.add_at(row, "NINUMBER", S_NI_DUPLICATE, ni)
        self.part_time_pay.finish(staff_sink)
        if workplace_sink is None or not self.staff_file_seen:
            return
        for key, item in self.file_workplaces.items():
            record = item.record
            if record is None or item.status not in WORKPLACE_CROSS_CHECKED:
                continue
            staffing = self.staffing.get(key, _Staffing())
            # ASC-WDS counts every staff record of the workplace, whatever the contract
            # (workplaceCSVValidator.js, _crossValidateTotalPermTemp: employed plus non-employed workers)
            if staffing.records != record.total_perm_temp:
                workplace_sink.add_at(
                    item.row,
                    W_TOTAL_MISMATCH,
                    "TOTALPERMTEMP",
                    str(record.total_perm_temp),
                    detail=f"{staffing.records:,} staff record{'' if staffing.records == 1 else 's'} in the staff file",
                )
            vacancies = record.vacancies if isinstance(record.vacancies, dict) else {}
            if (
                record.cqc_regulated
                and record.main_service != HEAD_OFFICE
                and not staffing.has_registered_manager
                and not vacancies.get(REGISTERED_MANAGER)
            ):
                workplace_sink.add_at(item.row, W_NO_MANAGER, "VACANCIES")

    # training file --------------------------------------------------------------------------
    def training_chunk(self, sink: ChunkSink, chunk: TrainingChunk) -> None:
        if not self._training_chunk_fast(sink, chunk):
            self._training_chunk_rows(sink, chunk)

    def _training_chunk_fast(self, sink: ChunkSink, chunk: TrainingChunk) -> bool:
        """The usual chunk, a column at a time: every record's workplace and staff record known, identifiers
        without whitespace. Only the 14th-birthday check is then left, for the few completed within a year
        of it. Returns False (having reported nothing) when the chunk needs the row-by-row checks."""
        workplaces, workers = chunk.workplace, chunk.worker
        if None in workplaces or None in workers:
            return False
        keys = {}
        for cell in set(workplaces):
            key = id_key(cell)  # type: ignore[arg-type]
            if self.account.belongs_to_another(key) or (key not in self.file_workplaces and not self.account.owns(key)):
                return False
            keys[cell] = key
        joined = "|".join(cast(list[str], workers))
        if not joined.isprintable() or " " in joined or "\xa0" in joined:
            return False
        pairs = list(zip(map(keys.__getitem__, workplaces), workers, strict=True))
        if not self.staff_keys.issuperset(pairs):
            return False
        born_of = list(map(self.dates_of_birth.get, pairs))  # type: ignore[arg-type]
        for i, (born, completed) in enumerate(zip(born_of, chunk.completed, strict=True)):
            if born is None or completed is None or completed.year - born.year > 14:
                continue
            if completed < add_years(born, 14):
                sink.add(i, "DATECOMPLETED", T_TOO_YOUNG, chunk.completed_cells[i])
        return True

    def _training_chunk_rows(self, sink: ChunkSink, chunk: TrainingChunk) -> None:
        unknown_account_without_staff = not self.account.existing_records_known and not self.staff_file_seen
        for i, workplace in enumerate(chunk.workplace):
            worker = chunk.worker[i]
            if workplace is None or worker is None:
                continue
            wk, key = id_key(workplace), id_key(worker)
            if not self._workplace_known_at(sink, i, workplace, wk, T_NO_WORKPLACE):
                continue
            known = (wk, key) in self.staff_keys or (
                key in self._existing_workers(wk) and (wk, key) not in self.deleted_staff
            )
            if not known and not unknown_account_without_staff:
                sink.add(i, "UNIQUEWORKERID", T_NO_WORKER, worker)
                continue
            born, completed = self.dates_of_birth.get((wk, key)), chunk.completed[i]
            if born is not None and completed is not None and completed < add_years(born, 14):
                sink.add(i, "DATECOMPLETED", T_TOO_YOUNG, chunk.completed_cells[i])
