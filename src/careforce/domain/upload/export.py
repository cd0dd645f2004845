"""Writing records back out as the three ASC-WDS files (the inverse of the rules).

Every row is written with STATUS ``UNCHECKED``, as ASC-WDS's own download does, so uploading a download
again changes nothing; the files can also be sent on to ASC-WDS. Text is UTF-8 without a byte-order mark
(ASC-WDS recognises files by their first characters) with CRLF line ends, and every cell goes through
:func:`neutralise_cell`, so no spreadsheet runs a formula from it; our reader undoes the neutralisation.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from careforce.domain.upload.cells import format_date, format_decimal, format_int
from careforce.domain.upload.layouts import BASE_QUALIFICATION_PAIRS, FileKind, qualification_columns, standard_columns
from careforce.domain.upload.neutralise import FORMULA_TRIGGERS, neutralise_cell
from careforce.domain.upload.records import RoleCounts, Status, TrainingRecordRow, WorkerRecord, WorkplaceRecord

EXPORT_STATUS = Status.UNCHECKED.value
FILE_NAMES = {FileKind.WORKPLACE: "workplace.csv", FileKind.STAFF: "staff.csv", FileKind.TRAINING: "training.csv"}


def _join(values: Iterable[object]) -> str:
    return ";".join(str(v) for v in values)


def _aligned(keys: Sequence[int], values: Mapping[int, object]) -> str:
    """One item for each key, blank where there is no value: ASC-WDS counts the items of SERVICEDESC,
    CAPACITY, UTILISATION and OTHERUSERDESC against ALLSERVICES and SERVICEUSERS (errors 1120, 1130, 1140)."""
    return ";".join("" if values.get(k) is None else str(values[k]) for k in keys)


def _counts(roles: Sequence[int], counts: RoleCounts) -> str:
    if counts is None:
        return ""
    if counts == "dont_know":
        return "999"
    return ";".join(str(counts.get(role, 0)) for role in roles)


def workplace_cells(w: WorkplaceRecord) -> list[str]:
    services = w.all_services
    cwp_use = "" if w.cwp_use is None else _join((w.cwp_use, *w.cwp_use_reasons))
    return [
        w.local_identifier,
        EXPORT_STATUS,
        w.name,
        w.address_line_1,
        w.address_line_2,
        w.address_line_3,
        w.post_town,
        w.postcode,
        str(w.establishment_type),
        w.establishment_type_other,
        format_int(w.share_with_cqc),
        format_int(w.share_with_local_authority),
        "2" if w.cqc_regulated else "0",
        w.cqc_provider_id,
        w.cqc_location_id,
        str(w.main_service),
        _join(services),
        _aligned(services, w.capacity),
        _aligned(services, w.utilisation),
        _aligned(services, w.service_descriptions),
        _join(w.service_users),
        _aligned(w.service_users, w.service_user_descriptions),
        format_int(w.staff_do_delegated_healthcare_activities),
        _join(w.delegated_healthcare_activities),
        str(w.total_perm_temp),
        _join(w.job_roles),
        _counts(w.job_roles, w.starters),
        _counts(w.job_roles, w.leavers),
        _counts(w.job_roles, w.vacancies),
        _join(w.reasons_for_leaving),
        _join(w.reasons_for_leaving.values()),
        format_int(w.repeat_training),
        format_int(w.cwp_awareness),
        cwp_use,
        w.cwp_use_description,
        w.sick_pay or "",
        w.pension or "",
        format_decimal(w.pension_contribution_percent),
        format_int(w.pension_opt_out),
        format_int(w.holiday_days),
        format_int(w.sleep_ins),
        format_int(w.sleep_in_pay),
        format_int(w.travel_time_pay),
        format_decimal(w.travel_time_rate),
    ]


def _held(held: int | None, level: int | None) -> str:
    if held is None:
        return ""
    return f"1;{level}" if held == 1 and level is not None else str(held)


def worker_cells(r: WorkerRecord, qualification_pairs: int) -> list[str]:
    l2 = format_int(r.level_2_care_certificate)
    if r.level_2_care_certificate_year is not None:
        l2 = f"{l2};{r.level_2_care_certificate_year}"
    cells = [
        r.workplace_local_identifier,
        r.local_identifier,
        EXPORT_STATUS,
        r.name_or_id,
        r.national_insurance_number,
        r.postcode,
        format_date(r.date_of_birth),
        format_int(r.gender),
        format_int(r.ethnicity),
        format_int(r.nationality),
        format_int(r.british_citizenship),
        format_int(r.country_of_birth),
        format_int(r.year_of_entry),
        format_int(r.disability),
        format_int(r.care_certificate),
        l2,
        format_int(r.recruitment_source),
        format_int(r.health_and_care_visa),
        format_int(r.employed_from_outside_uk),
        format_date(r.start_date),
        format_int(r.start_year_in_sector),
        format_int(r.delegated_healthcare_activities),
        format_int(r.apprenticeship),
        str(r.contract_type),
        format_int(r.zero_hours_contract),
        format_decimal(r.days_sick),
        format_int(r.pay_interval),
        format_int(r.annual_salary),
        format_decimal(r.hourly_rate),
        str(r.main_job_role),
        r.main_job_role_description,
        format_decimal(r.contracted_hours),
        format_decimal(r.average_hours),
        "" if r.nmc_registration is None else f"{r.nmc_registration:02d}",
        format_int(r.approved_mental_health_professional),
        _held(r.social_care_qualification, r.social_care_qualification_level),
        _held(r.non_social_care_qualification, r.non_social_care_qualification_level),
        format_int(r.cwp_role_category),
    ]
    for number in range(qualification_pairs):
        if number < len(r.qualifications):
            q = r.qualifications[number]
            cells += [str(q.code) if q.year is None else f"{q.code};{q.year}", q.notes]
        else:
            cells += ["", ""]
    return cells


def training_cells(t: TrainingRecordRow) -> list[str]:
    validity = "none" if t.does_not_expire else format_int(t.validity_months)
    return [
        t.workplace_local_identifier,
        t.worker_local_identifier,
        str(t.category),
        t.title,
        format_int(t.accredited),
        format_int(t.delivered_by),
        format_int(t.provider),
        format_int(t.how_delivered),
        validity,
        format_date(t.completed),
        format_date(t.expires),
        t.notes,
    ]


def staff_header(qualification_pairs: int) -> list[str]:
    extra = [c for n in range(BASE_QUALIFICATION_PAIRS + 1, qualification_pairs + 1) for c in qualification_columns(n)]
    return [*standard_columns(FileKind.STAFF), *extra]


# the first characters that can make neutralise_cell change a cell: every other cell is written as it is
_MAY_NEUTRALISE = frozenset((*FORMULA_TRIGGERS, "'"))


def _write(stream: io.TextIOBase | io.StringIO, header: Sequence[str], rows: Iterator[list[str]]) -> None:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(header)
    special = _MAY_NEUTRALISE
    writer.writerows([c if c[:1] not in special else neutralise_cell(c) for c in cells] for cells in rows)


def write_workplace_csv(stream: io.TextIOBase | io.StringIO, workplaces: Iterable[WorkplaceRecord]) -> None:
    _write(stream, standard_columns(FileKind.WORKPLACE), (workplace_cells(w) for w in workplaces))


def write_staff_csv(stream: io.TextIOBase | io.StringIO, workers: Sequence[WorkerRecord]) -> None:
    pairs = max([BASE_QUALIFICATION_PAIRS, *(len(w.qualifications) for w in workers)])
    _write(stream, staff_header(pairs), (worker_cells(w, pairs) for w in workers))


def write_training_csv(stream: io.TextIOBase | io.StringIO, training: Iterable[TrainingRecordRow]) -> None:
    _write(stream, standard_columns(FileKind.TRAINING), (training_cells(t) for t in training))


@dataclass(frozen=True)
class ExportedFiles:
    """The three files as UTF-8 bytes, ready to download or to upload again."""

    workplace: bytes
    staff: bytes
    training: bytes

    def as_upload(self) -> list[tuple[str, bytes]]:
        return [
            (FILE_NAMES[FileKind.WORKPLACE], self.workplace),
            (FILE_NAMES[FileKind.STAFF], self.staff),
            (FILE_NAMES[FileKind.TRAINING], self.training),
        ]


def export_files(
    workplaces: Iterable[WorkplaceRecord], workers: Sequence[WorkerRecord], training: Iterable[TrainingRecordRow]
) -> ExportedFiles:
    """The account's data as the three ASC-WDS files."""
    workplace, staff, training_file = io.StringIO(), io.StringIO(), io.StringIO()
    write_workplace_csv(workplace, workplaces)
    write_staff_csv(staff, workers)
    write_training_csv(training_file, training)
    return ExportedFiles(*(b.getvalue().encode("utf-8") for b in (workplace, staff, training_file)))
