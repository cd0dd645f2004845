"""Shape workforce records for templates: labels from the ASC-WDS code lists, dates in GOV.UK style."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from careforce.domain.reference import code_list

from .models import Worker


def label(list_name: str, code: int | None) -> str:
    if code is None:
        return "Not known"
    return code_list(list_name).labels.get(code, f"Code {code}")


def gov_date(value: date | None) -> str:
    return value.strftime("%-d %B %Y") if value else "Not known"


def worker_rows(worker: Worker, change_url: Callable[[str], str] | None = None) -> list[dict[str, Any]]:
    """Summary-list rows for one worker record, with Change links when ``change_url(step)`` is given."""
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
            "None recorded"
            if worker.social_care_qualification_level is None
            else label("qualification_levels", worker.social_care_qualification_level),
        ),
        ("Days sick in the last 12 months", "Not known" if worker.days_sick is None else f"{worker.days_sick}"),
    ]
    if worker.left_on:
        values.append(("Left", f"{gov_date(worker.left_on)}: {label('worker_leave_reason', worker.leaving_reason)}"))
    rows = [{"key": {"text": k}, "value": {"text": v}} for k, v in values]
    if change_url is not None:
        for row in rows:
            if (step := CHANGEABLE_ROWS.get(row["key"]["text"])) is not None:
                row["actions"] = change_action(change_url(step), row["key"]["text"])
    return rows


# worker summary rows a manager may change, and the question page (step) that changes each
CHANGEABLE_ROWS = {
    "Worker reference": "reference",
    "Main job role": "main-job-role",
    "Contract": "contract-type",
    "Hours a week": "hours",
    "Pay": "pay",
    "Started in this job": "start-date",
    "Care Certificate": "care-certificate",
}


def change_action(href: str, what: str) -> dict[str, Any]:
    return {"items": [{"href": href, "text": "Change", "visuallyHiddenText": what[0].lower() + what[1:]}]}


def summary_rows(pairs: list[tuple[str, str, str | None]]) -> list[dict[str, Any]]:
    """govukSummaryList rows from (question, answer, change link or None)."""
    rows = []
    for key, value, href in pairs:
        row: dict[str, Any] = {"key": {"text": key}, "value": {"text": value}}
        if href:
            row["actions"] = change_action(href, key)
        rows.append(row)
    return rows


def pay_text(interval: int | None, hourly_rate: Decimal | None, annual_salary: Decimal | None) -> str:
    if interval == 3 and hourly_rate is not None:
        return f"£{hourly_rate:.2f} an hour"
    if interval == 1 and annual_salary is not None:
        return f"£{annual_salary:,.0f} a year"
    return "Not known"


def worker_answers(answers: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(question step, question, answer) for the add-a-worker check answers page."""
    return [
        ("reference", "Worker reference", answers["local_identifier"]),
        ("main-job-role", "Main job role", label("job_roles", answers["main_job_role"])),
        ("contract-type", "Contract", label("contract_type", answers["contract_type"])),
        ("start-date", "Started in this job", gov_date(answers["start_date"])),
        ("hours", "Hours a week", f"{answers['hours']}"),
        ("pay", "Pay", pay_text(answers["pay_interval"], answers["hourly_rate"], answers["annual_salary"])),
        ("care-certificate", "Care Certificate", Worker.CareCertificate(answers["care_certificate"]).label),
    ]


def training_status(expires_on: date | None, today: date, within_days: int = 90) -> dict[str, str] | None:
    """A GOV.UK tag for training that has expired or expires soon."""
    if expires_on is None:
        return None
    if expires_on < today:
        return {"text": "Expired", "classes": "govuk-tag--red"}
    if expires_on <= today + timedelta(days=within_days):
        return {"text": "Expires soon", "classes": "govuk-tag--yellow"}
    return None


def qualification_label(code: int) -> str:
    for c in code_list("qualifications"):
        if c.code == code:
            level = c.extra.get("level", "")
            return f"{c.label} (level {level})" if level.isdigit() else c.label
    return f"Code {code}"
