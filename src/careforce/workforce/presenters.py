"""Shape workforce records for templates: labels from the ASC-WDS code lists, dates in GOV.UK style."""

from __future__ import annotations

from datetime import date
from typing import Any

from careforce.domain.reference import code_list

from .models import Worker


def label(list_name: str, code: int | None) -> str:
    if code is None:
        return "Not known"
    return code_list(list_name).labels.get(code, f"Code {code}")


def gov_date(value: date | None) -> str:
    return value.strftime("%-d %B %Y") if value else "Not known"


def worker_rows(worker: Worker) -> list[dict[str, Any]]:
    """Summary-list rows for one worker record."""
    pay = "Not known"
    if worker.hourly_rate is not None:
        pay = f"£{worker.hourly_rate:.2f} an hour"
    elif worker.annual_salary is not None:
        pay = f"£{worker.annual_salary:,.0f} a year"
    hours = worker.contracted_hours if worker.contracted_hours is not None else worker.average_hours
    values = [
        ("Worker reference", worker.local_identifier),
        ("Workplace", worker.workplace.name),
        ("Main job role", label("job_roles", worker.main_job_role)),
        ("Contract", label("contract_type", worker.contract_type)),
        ("Hours a week", "Not known" if hours is None else f"{hours}"),
        ("Pay", pay),
        ("Started in this job", gov_date(worker.start_date)),
        ("Started in the sector", str(worker.start_year_in_sector or "Not known")),
        ("Care Certificate", worker.get_care_certificate_display()),
        (
            "Highest social care qualification",
            "None recorded" if worker.social_care_qualification_level is None
            else label("qualification_levels", worker.social_care_qualification_level),
        ),
        ("Days sick in the last 12 months", "Not known" if worker.days_sick is None else f"{worker.days_sick}"),
    ]
    if worker.left_on:
        values.append(("Left", f"{gov_date(worker.left_on)}: {label('worker_leave_reason', worker.leaving_reason)}"))
    return [{"key": {"text": k}, "value": {"text": v}} for k, v in values]
