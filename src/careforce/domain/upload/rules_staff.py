"""The staff-file rules, applied a chunk of rows at a time (see :mod:`columnar`).

Each column has a cell parser (:mod:`staff_cells`); rules across columns are in :mod:`staff_combos`.
:meth:`StaffRules.check_chunk` returns, for every row, the values the cross-file checks need and, when
asked, the :class:`StaffRow` with its :class:`WorkerRecord` (``None`` for rows with an error).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from decimal import Decimal
from itertools import islice
from typing import Any

from careforce.domain.upload import staff_cells as c
from careforce.domain.upload import staff_messages as m
from careforce.domain.upload.cells import INVALID, code_table, list_codes
from careforce.domain.upload.columnar import CellRule, ChunkSink, ComboRule, build, constant, unzip
from careforce.domain.upload.layouts import Layout, qualification_columns
from careforce.domain.upload.part_time_pay import AnnualPay, annual_pay
from careforce.domain.upload.records import DONT_KNOW, QualificationAchieved, StaffRow, Status, WorkerRecord, id_key
from careforce.domain.upload.rules_common import WorkplaceFacts
from careforce.domain.upload.staff_combos import (
    RoleChecks,
    check_dates,
    check_entry,
    check_hours,
    check_nationality,
    check_pay,
)

YES_NO_DONT_KNOW = code_table((1, 2, DONT_KNOW))
SKIPPED = (Status.DELETE, Status.NOCHANGE)
BLANK_OPTIONAL = frozenset({m.POSTCODE_BLANK, m.SC_BLANK, m.DOB_MISSING, m.START_MISSING, m.SECTOR_MISSING})
"""Warnings that a cell is blank. ASC-WDS gives them on NEW and UPDATE rows only (it does not validate UNCHECKED
rows: workerCSVValidator.js, ``validate`` and ``STOP_VALIDATING_ON``), so a download sent back is not flooded."""
# plain code columns: column, record field, code list, message when not in the list
CODE_COLUMNS = (
    ("GENDER", "gender", "gender", m.GENDER),
    ("ETHNICITY", "ethnicity", "ethnicity", m.ETHNICITY),
    ("DISABLED", "disability", "disabled", m.DISABLED),
    ("CARECERT", "care_certificate", "care_certificate", m.CARECERT),
    ("RECSOURCE", "recruitment_source", "recruitment_source", m.RECSOURCE),
    ("CWPCATEGORY", "cwp_role_category", "cwp_role_category", m.CWP),
)


@dataclass(slots=True)
class StaffChunk:
    """Per-row results of one chunk, as columns (index ``i`` is ``rows[i]``)."""

    rows: list[int]
    errors: bytearray
    workplace: list[str | None]
    worker: list[str | None]
    status: list[Status | None]
    new_id: list[str | None]
    transfer: list[str | None]
    contract: list[int | None]
    role: list[int | None]
    born: list[date | None]
    ni: list[str | None]
    hours: list[Decimal | None]
    annual: list[AnnualPay] = dataclass_field(default_factory=list)
    """The NEW and UPDATE records paid annually with a SALARY and CONTHOURS (for warning 1260)."""
    records: list[StaffRow] = dataclass_field(default_factory=list)
    """The rows that make a record, in order (rows with an error make none); kept records only."""
    columns: StaffColumns | None = None


def given(parsed: Callable[[str], Any]) -> Callable[[str], Any]:
    """A cell's parsed value, or :data:`INVALID` where the cell has a value its parser refused (not blank)."""

    def value(cell: str) -> Any:
        found = parsed(cell)
        return INVALID if found is None and cell.strip() else found

    return value


class StaffRules:
    def __init__(self, layout: Layout, sink: ChunkSink, today: date, workplaces: Mapping[str, WorkplaceFacts]) -> None:
        self.layout, self.sink, self.workplaces = layout, sink, workplaces
        self.index = layout.index
        table = code_table
        self.rules: dict[str, CellRule] = {
            "LOCALESTID": c.text_rule("LOCALESTID", c.ID_LIMIT, m.LOCAL_MISSING, m.LOCAL_LONG),
            "UNIQUEWORKERID": c.text_rule("UNIQUEWORKERID", c.ID_LIMIT, m.WORKER_MISSING, m.WORKER_LONG),
            "STATUS": CellRule("STATUS", c.status),
            "DISPLAYID": c.text_rule("DISPLAYID", c.ID_LIMIT, m.DISPLAY_BLANK, m.DISPLAY_LONG),
            "NINUMBER": CellRule("NINUMBER", c.ni_number, c.CLEAN_NI_NUMBER),
            "POSTCODE": CellRule("POSTCODE", c.postcode, c.CLEAN_POSTCODE),
            "DOB": CellRule("DOB", c.date_of_birth(today)),
            "NATIONALITY": CellRule("NATIONALITY", c.code(table(list_codes("nationality")), m.NATIONALITY)),
            "BRITISHCITIZENSHIP": CellRule("BRITISHCITIZENSHIP", c.code(YES_NO_DONT_KNOW, m.CITIZENSHIP)),
            "COUNTRYOFBIRTH": CellRule("COUNTRYOFBIRTH", c.code(table(list_codes("country_of_birth")), m.COUNTRY)),
            "YEAROFENTRY": CellRule("YEAROFENTRY", c.year_of_entry(today)),
            "L2CARECERT": CellRule("L2CARECERT", c.level_2_care_certificate(today)),
            "HANDCVISA": CellRule("HANDCVISA", c.code(YES_NO_DONT_KNOW, m.VISA)),
            "INOUTUK": CellRule("INOUTUK", c.code(YES_NO_DONT_KNOW, m.INOUT)),
            "STARTDATE": CellRule("STARTDATE", c.start_date(today)),
            "STARTINSECT": CellRule("STARTINSECT", c.year_started_in_sector(today)),
            "DHA": CellRule("DHA", c.code(YES_NO_DONT_KNOW, m.DHA)),
            "APPRENTICE": CellRule("APPRENTICE", c.code(YES_NO_DONT_KNOW, m.APPRENTICE)),
            "EMPLSTATUS": CellRule(
                "EMPLSTATUS", c.code(table(list_codes("contract_type")), m.CONTRACT, m.CONTRACT_MISSING)
            ),
            "ZEROHRCONT": CellRule("ZEROHRCONT", c.code(YES_NO_DONT_KNOW, m.ZERO)),
            "DAYSSICK": CellRule("DAYSSICK", c.days_sick),
            "SALARYINT": CellRule("SALARYINT", c.pay_interval),
            "SALARY": CellRule("SALARY", c.salary),
            "HOURLYRATE": CellRule("HOURLYRATE", c.hourly_rate),
            "MAINJOBROLE": CellRule("MAINJOBROLE", c.code(table(list_codes("job_roles")), m.ROLE, m.ROLE_MISSING)),
            "MAINJRDESC": c.text_rule("MAINJRDESC"),
            "CONTHOURS": CellRule("CONTHOURS", c.hours(m.CONT_CODE, m.CONT_MAX)),
            "AVGHOURS": CellRule("AVGHOURS", c.hours(m.AVG_CODE, m.AVG_MAX)),
            "NMCREG": CellRule("NMCREG", c.code(table(list_codes("nmc_registration")), m.NMC, blank=c.BLANK)),
            "AMHP": CellRule("AMHP", c.code(YES_NO_DONT_KNOW, m.AMHP, blank=c.BLANK)),
            "SCQUAL": CellRule(
                "SCQUAL",
                c.qualification_held(table(list_codes("qualification_levels")), m.SC, m.SC_LEVEL, level_required=True),
            ),
            "NONSCQUAL": CellRule(
                "NONSCQUAL",
                c.qualification_held(
                    table(list_codes("qualification_levels")), m.NONSC, m.NONSC_LEVEL, level_required=False
                ),
            ),
        }
        for column, _field, codes, message in CODE_COLUMNS:
            self.rules[column] = CellRule(column, c.code(table(list_codes(codes)), message))
        for optional in ("CHGUNIQUEWRKID", "TRANSFERSTAFFRECORD"):
            if optional in self.index:
                self.rules[optional] = c.text_rule(optional, c.ID_LIMIT, None, m.CHANGE_LONG)
        qualifications = code_table(list_codes("qualifications"))
        self.qualifications: list[tuple[CellRule, CellRule]] = []
        for number in range(1, layout.qualification_pairs + 1):
            column, notes = qualification_columns(number)
            messages = m.qualification_messages(number)
            self.qualifications.append(
                (
                    CellRule(column, c.qualification(qualifications, messages, today)),
                    c.text_rule(notes, 120, None, messages[3]),
                )
            )
        parsed = {name: rule.memo.__getitem__ for name, rule in self.rules.items()}
        # ASC-WDS's date checks read DOB as given, even where it is out of range and ignored
        # (workerCSVValidator.js, _validateStartDate, _validateStartInsect, _validateYearOfEntry)
        self.dob_given = CellRule("DOB", c.date_as_given)
        dob = self.dob_given.memo

        def birth_year(cell: str) -> int | None:
            born = dob.get(cell)
            if born is None and cell not in dob:
                born = dob[cell] = c.date_as_given(cell)[0]
            return born.year if born is not None else None

        self.nationality = ComboRule(
            check_nationality, [parsed[c] for c in ("NATIONALITY", "BRITISHCITIZENSHIP", "HANDCVISA", "INOUTUK")]
        )
        self.entry = ComboRule(check_entry, [parsed["YEAROFENTRY"], birth_year, parsed["COUNTRYOFBIRTH"]])
        self.hours = ComboRule(
            check_hours, [parsed["EMPLSTATUS"], given(parsed["ZEROHRCONT"]), parsed["CONTHOURS"], parsed["AVGHOURS"]]
        )
        self.salary_band = CellRule("SALARY", c.salary_band)
        self.rate_given = CellRule("HOURLYRATE", c.hourly_rate_given)
        self.pay = ComboRule(check_pay, [given(parsed["SALARYINT"]), None, None, parsed["MAINJOBROLE"]])
        self.role = ComboRule(
            RoleChecks(), [parsed["MAINJOBROLE"], None, parsed["NMCREG"], parsed["AMHP"], parsed["DHA"], None]
        )

    def _facts(self, cells: Sequence[str]) -> list[WorkplaceFacts | None]:
        """Each row's workplace facts (few distinct values, cheap to hash, unlike the identifiers)."""
        of = {cell: self.workplaces.get(id_key(cell.strip())) if cell.strip() else None for cell in set(cells)}
        return list(map(of.__getitem__, cells))

    def _column(self, columns: Sequence[Sequence[str]], name: str) -> list[Any]:
        return self.rules[name].run(columns[self.index[name]], self.sink)

    def check_chunk(
        self, rows: list[int], chunk: list[list[str]], keep_records: bool, materialise: bool = True
    ) -> StaffChunk:
        """Check one chunk; with ``keep_records``, also its records (as :class:`StaffColumns`, and built
        into objects unless ``materialise`` is false: a worker process sends the columns back instead)."""
        sink, ix = self.sink, self.index
        columns: list[Sequence[str]] = list(zip(*chunk, strict=True))
        sink.start(rows, {name: columns[i] for name, i in ix.items()})
        col = self._column
        n = len(rows)
        workplace, worker, status = col(columns, "LOCALESTID"), col(columns, "UNIQUEWORKERID"), col(columns, "STATUS")
        new_id = col(columns, "CHGUNIQUEWRKID") if "CHGUNIQUEWRKID" in ix else [None] * n
        transfer = col(columns, "TRANSFERSTAFFRECORD") if "TRANSFERSTAFFRECORD" in ix else [None] * n
        key_errors = bytes(sink.errors)
        skipped = status.count(Status.DELETE) + status.count(Status.NOCHANGE)
        if skipped:
            sink.skip = bytearray(s in SKIPPED for s in status)
        if Status.UNCHECKED in status:
            sink.unchecked = bytearray(s is Status.UNCHECKED for s in status)
            sink.quiet = BLANK_OPTIONAL
        v: dict[str, list[Any]] = {
            name: col(columns, name) for name in self.rules if name not in ("LOCALESTID", "UNIQUEWORKERID", "STATUS")
        }
        born: list[date | None] = v["DOB"]
        raw = sink.raw
        born_given: list[date | None] = self.dob_given.run(raw["DOB"], sink)
        citizenship, visa, inout = unzip(
            self.nationality.run(sink, raw["NATIONALITY"], raw["BRITISHCITIZENSHIP"], raw["HANDCVISA"], raw["INOUTUK"]),
            3,
        )
        # the date of birth matters only where a year of entry is given: keep the combinations few
        dob_if_entry = [d if e else "" for e, d in zip(raw["YEAROFENTRY"], raw["DOB"], strict=True)]
        (entry,) = unzip(self.entry.run(sink, raw["YEAROFENTRY"], dob_if_entry, raw["COUNTRYOFBIRTH"]), 1)
        started, sector = v["STARTDATE"], v["STARTINSECT"]
        check_dates(sink, born_given, started, sector, entry)
        contracted, average = unzip(
            self.hours.run(sink, raw["EMPLSTATUS"], raw["ZEROHRCONT"], raw["CONTHOURS"], raw["AVGHOURS"]), 2
        )
        bands, rates_given = self.salary_band.run(raw["SALARY"], sink), self.rate_given.run(raw["HOURLYRATE"], sink)
        keep_salary, keep_rate = unzip(self.pay.run(sink, raw["SALARYINT"], bands, rates_given, raw["MAINJOBROLE"]), 2)
        salary = [s if keep else None for s, keep in zip(v["SALARY"], keep_salary, strict=True)]
        rate = [r if keep else None for r, keep in zip(v["HOURLYRATE"], keep_rate, strict=True)]
        description, nmc, amhp, dha = unzip(
            self.role.run(
                sink,
                raw["MAINJOBROLE"],
                v["MAINJRDESC"],
                raw["NMCREG"],
                raw["AMHP"],
                raw["DHA"],
                self._facts(raw["LOCALESTID"]),
            ),
            4,
        )
        hours = [h if h is not None else a for h, a in zip(contracted, average, strict=True)]
        qualifications = [
            (rule.run(columns[ix[rule.column]], sink), notes.run(columns[ix[notes.column]], sink))
            for rule, notes in self.qualifications
        ]
        result = StaffChunk(
            rows,
            sink.errors,
            workplace,
            worker,
            status,
            new_id,
            transfer,
            v["EMPLSTATUS"],
            v["MAINJOBROLE"],
            born_given,  # the training file's 14th-birthday check reads DOB as given, as ASC-WDS does
            v["NINUMBER"],
            hours,
            annual_pay(status, v["MAINJOBROLE"], salary, contracted),
        )
        sink.skip = sink.unchecked = bytearray()  # the cross-file checks that follow apply to every row
        if not keep_records:
            return result
        fields = {
            "national_insurance_number": v["NINUMBER"],
            "postcode": v["POSTCODE"],
            "date_of_birth": born,
            "nationality": v["NATIONALITY"],
            "british_citizenship": citizenship,
            "country_of_birth": v["COUNTRYOFBIRTH"],
            "year_of_entry": entry,
            "health_and_care_visa": visa,
            "employed_from_outside_uk": inout,
            "start_date": started,
            "start_year_in_sector": sector,
            "apprenticeship": v["APPRENTICE"],
            "contract_type": v["EMPLSTATUS"],
            "zero_hours_contract": v["ZEROHRCONT"],
            "days_sick": v["DAYSSICK"],
            "pay_interval": v["SALARYINT"],
            "annual_salary": salary,
            "hourly_rate": rate,
            "main_job_role": v["MAINJOBROLE"],
            "main_job_role_description": description,
            "contracted_hours": contracted,
            "average_hours": average,
            "nmc_registration": nmc,
            "approved_mental_health_professional": amhp,
            "delegated_healthcare_activities": dha,
            "name_or_id": v["DISPLAYID"],
            "workplace_local_identifier": workplace,
            "local_identifier": worker,
        }
        for column, field, _codes, _message in CODE_COLUMNS:
            fields[field] = v[column]
        for column, (held, level) in (
            ("SCQUAL", ("social_care_qualification", "social_care_qualification_level")),
            ("NONSCQUAL", ("non_social_care_qualification", "non_social_care_qualification_level")),
            ("L2CARECERT", ("level_2_care_certificate", "level_2_care_certificate_year")),
        ):
            fields[held], fields[level] = unzip(v[column], 2)
        # which rows make a StaffRow (with a WorkerRecord, or none for DELETE and NOCHANGE), in row order
        errors = sink.errors
        kept: list[int] = []
        full: list[int] = []
        if not any(errors) and None not in workplace and None not in worker and None not in status and not skipped:
            kept = full = list(range(n))  # the usual chunk: every row makes a record
        else:
            for i in range(n):
                if key_errors[i] or workplace[i] is None or worker[i] is None or status[i] is None:
                    continue
                if status[i] in SKIPPED:
                    kept.append(i)
                elif not errors[i]:
                    kept.append(i)
                    full.append(i)

        def take(column: Sequence[Any], rows: list[int] = full) -> Sequence[Any]:
            return column if len(rows) == n else list(map(column.__getitem__, rows))

        def identifiers(column: list[str | None]) -> Sequence[str | None]:
            return [None] * len(kept) if column.count(None) == n else [column[i] or None for i in kept]

        result.columns = StaffColumns(
            {
                "row": take(rows, kept),
                "status": take(status, kept),
                "workplace_local_identifier": take(workplace, kept),
                "local_identifier": take(worker, kept),
                "new_local_identifier": identifiers(new_id),
                "transfer_to": identifiers(transfer),
            },
            b"\x01" * n if len(full) == n else bytes(status[i] not in SKIPPED for i in kept),
            {name: take(column) for name, column in fields.items()},
            _qualifications(qualifications, full),
        )
        if materialise:
            result.records = result.columns.build()
        return result


Qualifications = tuple[list[int], list[int | None], list[str], list[int]]
"""QUALACHnn of a chunk's records, flat: codes, years and notes (by record, then column), and how many each
record has."""


def _qualifications(columns: Sequence[tuple[list[Any], list[Any]]], rows: list[int]) -> Qualifications:
    """The QUALACHnn values (``(code, year)`` or ``None``) and notes of ``rows``, as :data:`Qualifications`."""
    used = [(values, notes) for values, notes in columns if values.count(None) != len(values)]
    if not used:
        return [], [], [], [0] * len(rows)
    if len(used) == 1:  # the usual case: one column, so at most one per record
        values, notes = used[0]
        taken = [i for i in rows if values[i] is not None]
        counts = [0 if values[i] is None else 1 for i in rows]
        return [values[i][0] for i in taken], [values[i][1] for i in taken], [notes[i] or "" for i in taken], counts
    codes: list[int] = []
    years: list[int | None] = []
    texts: list[str] = []
    counts = []
    for i in rows:
        count = 0
        for values, notes in used:
            value = values[i]
            if value is not None:
                codes.append(value[0])
                years.append(value[1])
                texts.append(notes[i] or "")
                count += 1
        counts.append(count)
    return codes, years, texts, counts


@dataclass(slots=True)
class StaffColumns:
    """The records of one chunk as plain columns: cheap to pickle, and built into objects in one go.

    ``staff`` has a column for each :class:`StaffRow` field but ``record``; ``has_record`` says which of
    those rows have a :class:`WorkerRecord` (not DELETE or NOCHANGE); ``workers`` has a column for each
    :class:`WorkerRecord` field but ``qualifications``, for those rows only, and ``qualifications`` has them.
    """

    staff: dict[str, Sequence[Any]]
    has_record: bytes
    workers: dict[str, Sequence[Any]]
    qualifications: Qualifications

    def build(self) -> list[StaffRow]:
        n = len(self.workers["local_identifier"])
        workers = {**self.workers, "qualifications": _achieved(*self.qualifications)}
        records: list[WorkerRecord | None] = list(build(WorkerRecord, workers, n))
        if n != len(self.has_record):
            found = iter(records)
            records = [next(found) if has else None for has in self.has_record]
        return build(StaffRow, {**self.staff, "record": records}, len(self.has_record))


def _achieved(
    codes: list[int], years: list[int | None], notes: list[str], counts: list[int]
) -> list[tuple[QualificationAchieved, ...]]:
    """Each record's ``qualifications``, from :data:`Qualifications`."""
    if not codes:
        return [()] * len(counts)
    achieved = build(QualificationAchieved, {"code": codes, "year": years, "notes": notes}, len(codes))
    if len(achieved) == len(counts) and constant(counts):  # one each
        return list(zip(achieved))
    found = iter(achieved)
    return [() if count == 0 else (next(found),) if count == 1 else tuple(islice(found, count)) for count in counts]
