"""Staff-file rules across several columns, written as pure functions of the parsed values.

Each returns the values to keep (a value the rule rejects becomes ``None``) and its findings. They are
memoised by :class:`~careforce.domain.upload.columnar.ComboRule`; only :func:`check_dates`, which
compares dates with dates of birth, runs row by row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from careforce.domain.reference import (
    PERMANENT_OR_TEMPORARY,
    REGISTERED_MANAGER,
    REGISTERED_NURSE,
    SENIOR_MANAGEMENT,
    SOCIAL_WORKER,
    code_list,
)
from careforce.domain.upload import staff_messages as m
from careforce.domain.upload.cells import INVALID
from careforce.domain.upload.columnar import ChunkSink, Finding
from careforce.domain.upload.records import DONT_KNOW
from careforce.domain.upload.rules_common import WORKER_MIN_AGE, WorkplaceFacts, started_below_working_age
from careforce.domain.upload.staff_cells import BLANK

Result = tuple[tuple[Any, ...], tuple[Finding, ...]]
BRITISH = 826
ROLES_NEEDING_DESCRIPTION = frozenset({23, 27})
ANNUALLY, HOURLY = 1, 3
HOURS_PAIR, SALARY_PAIR, RATE_PAIR = "CONTHOURS/ZEROHRCONT", "SALARYINT/SALARY", "SALARYINT/HOURLYRATE"
"""The column names ASC-WDS gives problems with two columns."""
NONE: tuple[Finding, ...] = ()


def check_nationality(nationality: int | None, citizenship: int | None, visa: int | None, inout: int | None) -> Result:
    findings: list[Finding] = []
    if citizenship is not None and nationality == BRITISH:
        findings.append(("BRITISHCITIZENSHIP", m.CITIZENSHIP_IGNORED, ""))
        citizenship = None
    if visa is not None and (nationality == BRITISH or citizenship == 1):
        findings.append(("HANDCVISA", m.VISA_IGNORED, ""))
        visa = None
    if inout is not None and visa != 1:
        findings.append(("INOUTUK", m.INOUT_IGNORED, ""))
        inout = None
    return (citizenship, visa, inout), tuple(findings)


def check_entry(entry: int | None, birth_year: int | None, country: int | None) -> Result:
    if entry is None:
        return (None,), NONE
    if birth_year is not None and entry < birth_year:
        return (None,), (("YEAROFENTRY", m.ENTRY_DOB, ""),)
    if country is None:
        return (None,), (("YEAROFENTRY", m.ENTRY_NO_COUNTRY, ""),)
    if country == BRITISH:
        return (None,), (("YEAROFENTRY", m.ENTRY_BRITISH, ""),)
    return (entry,), NONE


def check_hours(contract: int | None, zero: Any, contracted: Decimal | None, average: Decimal | None) -> Result:
    """EMPLSTATUS, ZEROHRCONT, CONTHOURS and AVGHOURS together (workerCSVValidator.js, ``_validateZeroHourContract``,
    ``_validateContHours``, ``_validateAvgHours``). ``zero`` is :data:`INVALID` where ZEROHRCONT has a value
    that is not a code: that is reported once (1230) and nothing else is said about it."""
    findings: list[Finding] = []
    if contracted is not None and zero is not INVALID:  # 999 (don't know) counts as hours, as in ASC-WDS
        if contracted > 0 and zero in (1, DONT_KNOW):
            findings.append((HOURS_PAIR, m.ZERO_HOURS, m.ZERO_HOURS_DETAIL))
        elif contracted > 0 and zero is None:
            findings.append(("ZEROHRCONT", m.ZERO_MISSING, ""))
        elif contracted == 0 and zero == 2:
            findings.append((HOURS_PAIR, m.ZERO_NOT_YES, ""))
    if zero is INVALID:
        zero = None
    if contracted is not None:
        if zero == 1:
            findings.append(("CONTHOURS", m.CONT_ZERO, ""))
            contracted = None
        elif contract is not None and contract not in PERMANENT_OR_TEMPORARY:
            findings.append(("CONTHOURS", m.CONT_CONTRACT, ""))
            contracted = None
    if average is not None and contract in PERMANENT_OR_TEMPORARY and zero != 1:
        findings.append(("AVGHOURS", m.AVG_CONTRACT, ""))
        average = None
    return (contracted, average), tuple(findings)


def check_pay(interval: Any, salary_band: Any, rate: Any, role: int | None) -> Result:
    """SALARYINT against SALARY (by range band, see ``staff_cells.salary_band``) and HOURLYRATE, in ASC-WDS's
    order (workerCSVValidator.js, ``_validateSalary``, ``_validateHourlyRate``): a pay given for the other
    interval is 1251 or 1252, a SALARY out of range 1260; an interval left blank with no pay is not a problem,
    and an interval that is not a code (1250, reported by its cell) is not reported again.

    Returns whether to keep the salary and the hourly rate.
    """
    if interval is INVALID:
        return (False, False), NONE
    findings: list[Finding] = []
    keep_salary = False
    if salary_band is INVALID:
        pass
    elif salary_band is not None:
        allowed = ("standard", "senior") if role == SENIOR_MANAGEMENT else ("standard",)
        if interval == DONT_KNOW:
            findings.append(("SALARY", m.SALARY_IGNORED, ""))
        elif interval != ANNUALLY:
            findings.append((SALARY_PAIR, m.SALARY_MISMATCH, ""))
        elif salary_band not in allowed:
            findings.append(("SALARY", m.SALARY, ""))
        else:
            keep_salary = True
    keep_rate = False
    if rate is INVALID:
        pass
    elif rate is not None:
        if interval == DONT_KNOW:
            findings.append(("HOURLYRATE", m.RATE_IGNORED, ""))
        elif interval != HOURLY:
            findings.append((RATE_PAIR, m.RATE_MISMATCH, ""))
        else:
            keep_rate = True
    return (keep_salary, keep_rate), tuple(findings)


class RoleChecks:
    """Rules that depend on the main job role and the worker's workplace."""

    def __init__(self) -> None:
        self.roles_without_dha = frozenset(
            c.code for c in code_list("job_roles") if c.extra.get("can_do_delegated_healthcare_activities") == "no"
        )
        self.services_without_dha = frozenset(
            c.code for c in code_list("main_services") if c.extra.get("can_do_delegated_healthcare_activities") == "no"
        )

    def __call__(
        self,
        role: int | None,
        description: str | None,
        nmc: Any,
        amhp: Any,
        dha: int | None,
        facts: WorkplaceFacts | None,
    ) -> Result:
        findings: list[Finding] = []
        if role == REGISTERED_MANAGER and facts is not None and facts.cqc_regulated is False:
            findings.append(("MAINJOBROLE", m.ROLE_RM, ""))
        if role in ROLES_NEEDING_DESCRIPTION:
            if description == "":
                findings.append(("MAINJRDESC", m.DESC_MISSING, ""))
            elif description is not None and len(description) >= 120:
                findings.append(("MAINJRDESC", m.DESC_LONG, ""))
                description = None
        elif description:
            findings.append(("MAINJRDESC", m.DESC_IGNORED, ""))
            description = None
        if role == REGISTERED_NURSE:
            if nmc == BLANK:
                findings.append(("NMCREG", m.NMC_MISSING, ""))
        elif nmc not in (None, BLANK):
            findings.append(("NMCREG", m.NMC_IGNORED, ""))
            nmc = None
        if role == SOCIAL_WORKER:
            if amhp == BLANK:
                findings.append(("AMHP", m.AMHP_MISSING, ""))
        elif amhp not in (None, BLANK):
            findings.append(("AMHP", m.AMHP_IGNORED, ""))
            amhp = None
        if dha is not None:
            if role in self.roles_without_dha:
                findings.append(("DHA", m.DHA_ROLE, ""))
                dha = None
            elif facts is not None and facts.main_service in self.services_without_dha:
                findings.append(("DHA", m.DHA_SERVICE, ""))
                dha = None
            elif facts is not None and facts.staff_do_delegated_healthcare_activities == 2:
                findings.append(("DHA", m.DHA_WORKPLACE, ""))
                dha = None
        return (description or "", None if nmc == BLANK else nmc, None if amhp == BLANK else amhp, dha), tuple(findings)


def check_dates(
    sink: ChunkSink,
    born: Sequence[date | None],
    started: list[date | None],
    sector: list[int | None],
    entry: Sequence[int | None],
) -> None:
    """Start dates against dates of birth and year of entry; rejected values become ``None`` in place."""
    for i, (dob, start, year, entered) in enumerate(zip(born, started, sector, entry, strict=True)):
        if start is not None:
            if dob is not None and start.year - dob.year <= WORKER_MIN_AGE and started_below_working_age(dob, start):
                sink.add(i, "STARTDATE", m.START_YOUNG)
                started[i] = start = None
            elif entered is not None and start.year < entered:
                sink.add(i, "STARTDATE", m.START_ENTRY)
                started[i] = start = None
        if year is not None and year != DONT_KNOW:
            if start is not None and year > start.year:
                sink.add(i, "STARTINSECT", m.SECTOR_AFTER)
                sector[i] = None
            elif dob is not None and year < dob.year + WORKER_MIN_AGE:
                sink.add(i, "STARTINSECT", m.SECTOR_YOUNG)
                sector[i] = None
