"""Shape workforce records for templates: labels from the ASC-WDS code lists, dates in GOV.UK style."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from careforce.domain.reference import code_list
from careforce.web.journeys import change_action
from careforce.web.journeys import summary_rows as summary_rows  # the one summary-list helper, for the views

from .models import Worker


def label(list_name: str, code: int | None) -> str:
    if code is None:
        return "Not known"
    return code_list(list_name).labels.get(code, f"Code {code}")


def gov_date(value: date | None) -> str:
    return value.strftime("%-d %B %Y") if value else "Not known"


def worker_rows(
    worker: Worker, change_url: Callable[[str], str] | None = None, qualification_level: bool = True
) -> list[dict[str, Any]]:
    """Summary-list rows for one worker record, with Change links when ``change_url(step)`` is given.

    ``qualification_level=False`` leaves out the highest social care qualification (the worker page shows it
    with the personal items)."""
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
    if not qualification_level:
        values = [v for v in values if v[0] != "Highest social care qualification"]
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


NOT_RECORDED = "Not recorded"


def _recorded(list_name: str, code: int | None) -> str:
    return NOT_RECORDED if code is None else label(list_name, code)


def _qualification(held: int | None, level: int | None) -> str:
    if held is None and level is not None:
        held = 1  # a level recorded without the yes: held (as the download writes it)
    if held == 1:
        return "Yes" if level is None else f"Yes, {label('qualification_levels', level)}"
    return {2: "No", 999: "Don't know"}.get(held, NOT_RECORDED) if held is not None else NOT_RECORDED


def personal_items(items: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(question step, item, answer) for each ASC-WDS personal item, "Not recorded" where blank."""
    return [
        ("name", "Name", items.get("name_or_id") or NOT_RECORDED),
        (
            "date-of-birth",
            "Date of birth",
            gov_date(items["date_of_birth"]) if items.get("date_of_birth") else NOT_RECORDED,
        ),
        ("gender", "Gender", _recorded("gender", items.get("gender"))),
        ("ethnicity", "Ethnic group", _recorded("ethnicity", items.get("ethnicity"))),
        ("nationality", "Nationality", _recorded("nationality", items.get("nationality"))),
        ("disability", "Disability", _recorded("disabled", items.get("disability"))),
        (
            "social-care-qualification",
            "Social care qualification",
            _qualification(items.get("social_care_qualification"), items.get("social_care_qualification_level")),
        ),
        (
            "other-qualification",
            "Qualification not in social care",
            _qualification(
                items.get("non_social_care_qualification"), items.get("non_social_care_qualification_level")
            ),
        ),
    ]


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
