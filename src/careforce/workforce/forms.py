"""Forms for provider pages: one question per form for the worker journeys, one form each for training,
qualifications and workplace details (the vacancy form is in ``vacancy_form``). Wording follows the
GOV.UK Design System ("Enter…", "Select…"). Choices come from the ASC-WDS code lists; forms never
touch the database: where a check needs data (a reference already used), the view passes a function in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from careforce.domain.reference import CARE_CERTIFICATE_CHOICES, MAX_WEEKLY_HOURS, code_list
from careforce.web.forms import GovDateField, govuk

from .presenters import gov_date

PAY_INTERVAL_CHOICES = [(3, "Hourly"), (1, "Annual salary"), (999, "Don't know")]
ACCREDITED_CHOICES = [(1, "Yes"), (0, "No"), (999, "Don't know")]
YES_NO = [("yes", "Yes"), ("no", "No")]


def _select(name: str, blank: str) -> list[tuple[Any, str]]:
    return [("", blank), *code_list(name).choices()]


def _coded(
    label: str, choices: list[Any], required: str, widget: type[forms.Widget] = forms.RadioSelect, help_text: str = ""
) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        widget=widget,
        help_text=help_text,
        error_messages={"required": required, "invalid_choice": required},
    )


def _decimal(
    label: str,
    *,
    subject: str,
    required: str,
    low: Decimal,
    high: Decimal,
    example: str,
    places: int = 2,
    help_text: str = "",
    **params: Any,
) -> forms.Field:
    money = "prefix" in params
    lowest, highest = (
        (f"£{low:,.2f}", f"£{high:,.2f}")
        if money and places == 2 and high < 1000
        else ((f"£{low:,}", f"£{high:,}") if money else (f"{low}", f"{high}"))
    )
    between = f"{subject} must be between {lowest} and {highest}"
    messages = {
        "required": required,
        "invalid": f"{subject} must be a number, like {example}",
        "min_value": between,
        "max_value": between,
        "max_digits": between,
        "max_whole_digits": between,
        "max_decimal_places": f"{subject} must be a number, like {example}",
    }
    field = forms.DecimalField(
        label=label,
        min_value=low,
        max_value=high,
        decimal_places=places,
        help_text=help_text,
        error_messages=messages,
        required=True,
        widget=forms.TextInput,
    )
    return govuk(field, inputmode="decimal", **params)


def _text(
    label: str, *, subject: str, max_length: int, required: str | None, help_text: str = "", width: str = ""
) -> forms.CharField:
    field = forms.CharField(
        label=label,
        max_length=max_length,
        required=required is not None,
        help_text=help_text,
        error_messages={
            "required": required or "",
            "max_length": f"{subject} must be {max_length} characters or fewer",
        },
    )
    return govuk(field, classes=width) if width else field  # type: ignore[return-value]


class WorkerReferenceForm(forms.Form):
    local_identifier = _text(
        "What is the worker's reference?",
        subject="Worker reference",
        max_length=49,
        required="Enter the worker's reference",
        width="govuk-input--width-20",
        help_text="Your own reference for this person, like their payroll number. "
        "It is used to match their record in bulk uploads.",
    )

    def __init__(self, *args: Any, reference_taken: Callable[[str], bool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reference_taken = reference_taken

    def clean_local_identifier(self) -> str:
        reference = str(self.cleaned_data["local_identifier"]).strip()
        if self.reference_taken(reference):
            raise forms.ValidationError("Enter a worker reference that is not already used at this workplace")
        return reference


class MainJobRoleForm(forms.Form):
    main_job_role = _coded(
        "What is their main job role?", code_list("job_roles").choices(), "Select their main job role"
    )


class ContractTypeForm(forms.Form):
    contract_type = _coded(
        "What type of contract do they have?",
        code_list("contract_type").choices(),
        "Select the type of contract they have",
    )


class StartDateForm(forms.Form):
    start_date = GovDateField(
        label="When did they start in this job?",
        subject="Date they started",
        past_or_today=True,
        help_text="For example, 27 3 2024",
    )


class HoursForm(forms.Form):
    hours = _decimal(
        "How many hours a week do they work?",
        subject="Hours a week",
        low=Decimal(0),
        high=Decimal(MAX_WEEKLY_HOURS),
        example="37.5",
        places=1,
        required="Enter the hours they work each week",
        help_text="Contracted hours for permanent and temporary staff; average hours for bank, pool, "
        "agency and other staff. Use a whole or half hour, like 37.5",
        suffix={"text": "hours"},
        classes="govuk-input--width-5",
    )

    def clean_hours(self) -> Decimal:
        hours: Decimal = self.cleaned_data["hours"]
        if (hours * 2) % 1:
            raise forms.ValidationError("Hours a week must be a whole or half hour, like 37.5")
        return hours


class PayIntervalForm(forms.Form):
    pay_interval = _coded("How are they paid?", PAY_INTERVAL_CHOICES, "Select how they are paid")


class HourlyRateForm(forms.Form):
    hourly_rate = _decimal(
        "What is their hourly rate?",
        subject="Hourly rate",
        required="Enter their hourly rate",
        low=Decimal("1.00"),
        high=Decimal("200.00"),
        example="13.20",
        help_text="For example, 12.60",
        prefix={"text": "£"},
        classes="govuk-input--width-5",
    )


class AnnualSalaryForm(forms.Form):
    annual_salary = _decimal(
        "What is their annual salary?",
        subject="Annual salary",
        required="Enter their annual salary",
        low=Decimal(500),
        high=Decimal(250000),
        example="26500",
        help_text="Before tax, for example 26500",
        prefix={"text": "£"},
        classes="govuk-input--width-10",
    )


class CareCertificateForm(forms.Form):
    care_certificate = _coded(
        "Have they done the Care Certificate?",
        list(CARE_CERTIFICATE_CHOICES),
        "Select whether they have done the Care Certificate",
        help_text="The Care Certificate is the set of standards new care staff work to in their first 12 weeks.",
    )


class LeaveDateForm(forms.Form):
    left_on = GovDateField(
        label="When did they leave?",
        subject="Date they left",
        past_or_today=True,
        help_text="Their last day of employment in this job. For example, 31 10 2026",
    )

    def __init__(self, *args: Any, started_on: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.started_on = started_on

    def clean_left_on(self) -> date:
        left_on: date = self.cleaned_data["left_on"]
        if left_on < self.started_on:
            raise forms.ValidationError(
                f"Date they left must be the same as or after the date they started ({gov_date(self.started_on)})"
            )
        return left_on


class LeaveReasonForm(forms.Form):
    leaving_reason = _coded("Why did they leave?", code_list("worker_leave_reason").choices(), "Select why they left")


class WorkplaceNameForm(forms.Form):
    name = _text(
        "What is the workplace called?", subject="Workplace name", max_length=120, required="Enter the workplace name"
    )


class WorkplaceAddressForm(forms.Form):
    address_line_1 = _text(
        "Address line 1",
        subject="Address line 1",
        max_length=40,
        required="Enter address line 1, typically the building and street",
    )
    address_line_2 = _text("Address line 2 (optional)", subject="Address line 2", max_length=40, required=None)
    address_line_3 = _text("Address line 3 (optional)", subject="Address line 3", max_length=40, required=None)
    post_town = _text(
        "Town or city",
        subject="Town or city",
        max_length=40,
        required="Enter town or city",
        width="govuk-!-width-two-thirds",
    )


class WorkplaceMainServiceForm(forms.Form):
    main_service = _coded(
        "What is the workplace's main service?",
        _select("main_services", "Select a service"),
        "Select the main service",
        widget=forms.Select,
    )


def _qualification_choices() -> list[tuple[Any, str]]:
    choices: list[tuple[Any, str]] = [("", "Select a qualification")]
    for c in code_list("qualifications"):
        level = c.extra.get("level", "")
        choices.append((c.code, f"{c.label} (level {level})" if level.isdigit() else c.label))
    return choices


class TrainingForm(forms.Form):
    category = _coded(
        "Training category",
        _select("training_categories", "Select a category"),
        "Select the training category",
        widget=forms.Select,
    )
    name = _text(
        "Training name (optional)",
        subject="Training name",
        max_length=120,
        required=None,
        help_text="For example, the course title",
    )
    accredited = _coded(
        "Was the training accredited?", ACCREDITED_CHOICES, "Select whether the training was accredited"
    )
    completed_on = GovDateField(
        label="Date completed", subject="Date completed", past_or_today=True, help_text="For example, 14 6 2026"
    )
    expires_on = GovDateField(
        label="Expiry date (optional)",
        subject="Expiry date",
        required=False,
        help_text="Leave blank if it does not expire. For example, 14 6 2027",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        completed, expires = data.get("completed_on"), data.get("expires_on")
        if completed and expires and expires <= completed:
            self.add_error("expires_on", "Expiry date must be after the date completed")
        return data


class QualificationForm(forms.Form):
    qualification = _coded("Qualification", _qualification_choices(), "Select the qualification", widget=forms.Select)
    year_achieved = govuk(
        forms.IntegerField(
            label="Year achieved (optional)",
            required=False,
            help_text="For example, 2019",
            widget=forms.TextInput,
            error_messages={"invalid": "Year achieved must be a real year, like 2019"},
        ),
        classes="govuk-input--width-4",
        inputmode="numeric",
    )

    def __init__(self, *args: Any, already_recorded: Callable[[int], bool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.already_recorded = already_recorded

    def clean_qualification(self) -> int:
        code: int = self.cleaned_data["qualification"]
        if self.already_recorded(code):
            raise forms.ValidationError("Select a qualification that is not already recorded")
        return code

    def clean_year_achieved(self) -> int | None:
        year: int | None = self.cleaned_data["year_achieved"]
        if year is None:
            return None
        if year < 1950 or year > 9999:
            raise forms.ValidationError("Year achieved must be a real year, like 2019")
        if year > timezone.localdate().year:
            raise forms.ValidationError("Year achieved must be this year or in the past")
        return year
