"""Small, valid records for the upload tests (valid on TODAY), and helpers to write them as files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from careforce.domain.upload import (
    AccountSnapshot,
    QualificationAchieved,
    TrainingRecordRow,
    WorkerRecord,
    WorkplaceRecord,
    export_files,
)

TODAY = date(2026, 9, 1)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "upload"


def workplace(local_identifier: str = "WM-HOME-1", **changes: Any) -> WorkplaceRecord:
    record = WorkplaceRecord(
        local_identifier=local_identifier,
        name="Oak Tree Care Home",
        address_line_1="1 High Street",
        post_town="Dudley",
        postcode="DY1 1AA",
        establishment_type=6,
        share_with_cqc=1,
        share_with_local_authority=1,
        cqc_regulated=True,
        cqc_provider_id="1-101234567",
        cqc_location_id="1-112345678",
        main_service=2,
        other_services=(14,),
        capacity={2: 40},
        utilisation={2: 36},
        service_users=(1, 3),
        service_user_descriptions={3: "Older people recovering after hospital"},
        staff_do_delegated_healthcare_activities=1,
        delegated_healthcare_activities=(1, 2),
        total_perm_temp=3,
        job_roles=(4, 8),
        starters={4: 0, 8: 2},
        leavers={4: 0, 8: 1},
        vacancies={4: 0, 8: 1},
        reasons_for_leaving={1: 1},
        repeat_training=2,
        cwp_awareness=1,
        cwp_use=1,
        cwp_use_reasons=(4, 10),
        cwp_use_description="Supervision templates",
        sick_pay="1",
        pension="1",
        pension_contribution_percent=Decimal("5.5"),
        pension_opt_out=2,
        holiday_days=28,
        sleep_ins=1,
        sleep_in_pay=2,
    )
    return replace(record, **changes)


def worker(local_identifier: str = "W001", workplace_id: str = "WM-HOME-1", **changes: Any) -> WorkerRecord:
    record = WorkerRecord(
        workplace_local_identifier=workplace_id,
        local_identifier=local_identifier,
        name_or_id=f"Staff {local_identifier}",
        national_insurance_number="AB123456C",
        postcode="DY2 7AB",
        date_of_birth=date(1985, 4, 12),
        gender=2,
        ethnicity=31,
        nationality=826,
        country_of_birth=826,
        disability=0,
        care_certificate=1,
        level_2_care_certificate=1,
        level_2_care_certificate_year=2025,
        recruitment_source=2,
        start_date=date(2019, 6, 3),
        start_year_in_sector=2010,
        delegated_healthcare_activities=1,
        apprenticeship=2,
        contract_type=1,
        zero_hours_contract=2,
        days_sick=Decimal("3.5"),
        pay_interval=3,
        hourly_rate=Decimal("12.60"),
        main_job_role=8,
        contracted_hours=Decimal("37.5"),
        social_care_qualification=1,
        social_care_qualification_level=3,
        non_social_care_qualification=2,
        cwp_role_category=2,
        qualifications=(QualificationAchieved(2, 2015, "Completed with Dudley College"),),
    )
    return replace(record, **changes)


def training(worker_id: str = "W001", workplace_id: str = "WM-HOME-1", **changes: Any) -> TrainingRecordRow:
    record = TrainingRecordRow(
        workplace_local_identifier=workplace_id,
        worker_local_identifier=worker_id,
        category=6,
        title="Fire safety refresher",
        accredited=1,
        delivered_by=2,
        provider=3,
        how_delivered=1,
        validity_months=12,
        completed=date(2026, 1, 15),
        expires=date(2027, 1, 14),
    )
    return replace(record, **changes)


def sample_records() -> tuple[list[WorkplaceRecord], list[WorkerRecord], list[TrainingRecordRow]]:
    workers = [
        worker("W001", main_job_role=4, pay_interval=1, hourly_rate=None, annual_salary=38000),
        worker("W002", national_insurance_number="CD654321A"),
        worker("W003", national_insurance_number="", gender=1, contract_type=2),
    ]
    return [workplace()], workers, [training("W001"), training("W002", category=2, title="Dementia awareness")]


def sample_files() -> list[tuple[str, bytes]]:
    workplaces, workers, trainings = sample_records()
    return export_files(workplaces, workers, trainings).as_upload()


def account_with(workplaces: list[WorkplaceRecord], workers: list[WorkerRecord], **extra: Any) -> AccountSnapshot:
    by_workplace: dict[str, set[str]] = {}
    for w in workers:
        by_workplace.setdefault(w.workplace_local_identifier, set()).add(w.local_identifier)
    return AccountSnapshot(
        workplaces=frozenset(w.local_identifier for w in workplaces),
        workers={k: frozenset(v) for k, v in by_workplace.items()},
        **extra,
    )


def fixture(name: str) -> tuple[str, bytes]:
    return name, (FIXTURES / name).read_bytes()
