"""Forms for the recruitment pages. Wording follows the GOV.UK Design System ("Enter…", "Select…").

Forms never touch the database; what a check needs (whether the applicant is shortlisted) is passed in.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from careforce.domain.careers.content import care_values
from careforce.domain.reference import code_list
from careforce.web.forms import GovDateField, govuk

from .measures import add_months
from .models import Stage
from .services import CONTACT_STAGES, MOVABLE_STAGES

SCORE_CHOICES = [(4, "4: strong evidence"), (3, "3: good evidence"), (2, "2: some evidence"), (1, "1: no evidence")]
YES_NO = [("yes", "Yes"), ("no", "No")]
REASON_MAX = 300
NOTES_MAX = 1000


def _textarea(
    label: str, *, subject: str, max_length: int, required: str | None = None, help_text: str = "", rows: int = 3
) -> forms.CharField:
    field = forms.CharField(
        label=label,
        max_length=max_length,
        required=required is not None,
        help_text=help_text,
        widget=forms.Textarea,
        strip=True,
        error_messages={
            "required": required or "",
            "max_length": f"{subject} must be {max_length} characters or fewer",
        },
    )
    return govuk(field, rows=rows)  # type: ignore[return-value]


class StageForm(forms.Form):
    stage = forms.ChoiceField(
        label="Which stage are they at now?",
        widget=forms.RadioSelect,
        choices=[(s.value, s.label) for s in MOVABLE_STAGES],
        error_messages={
            "required": "Select the stage they are at now",
            "invalid_choice": "Select the stage they are at now",
        },
    )
    reason = _textarea(
        "Reason",
        subject="Reason",
        max_length=REASON_MAX,
        help_text='Needed if they are not progressing, for example "Withdrew: found another job". '
        "Otherwise optional. Do not include health or other sensitive details.",
    )

    def __init__(self, *args: Any, shortlisted: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.shortlisted = shortlisted

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        stage = data.get("stage")
        if stage == Stage.NOT_PROGRESSED and not data.get("reason") and "reason" not in self.errors:
            self.add_error("reason", "Enter the reason they are not progressing")
        if stage in CONTACT_STAGES and not self.shortlisted:
            self.add_error("stage", "Shortlist the applicant before you move them on")
        return data


class InterviewScoreForm(forms.Form):
    """One score (1 to 4) and optional notes for each of the care workforce pathway's seven values."""

    panel_included_person_with_lived_experience = forms.ChoiceField(
        label="Did a person who draws on care and support sit on the interview panel?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text="Involving people who use services in interviews is part of values-based recruitment.",
        error_messages={
            "required": "Select yes if a person who draws on care and support sat on the panel",
            "invalid_choice": "Select yes if a person who draws on care and support sat on the panel",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.values = care_values()
        for value in self.values:
            self.fields[f"score_{value.key}"] = forms.TypedChoiceField(
                label=value.name,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Select a score for {value.name.lower()}",
                    "invalid_choice": f"Select a score for {value.name.lower()}",
                },
            )
            self.fields[f"notes_{value.key}"] = _textarea(
                f"Notes on {value.name.lower()} (optional)", subject="Notes", max_length=NOTES_MAX, rows=2
            )
        # the panel question last, after the values
        self.order_fields([name for name in self.fields if name != "panel_included_person_with_lived_experience"])

    def scores(self) -> dict[str, tuple[int, str]]:
        return {v.key: (self.cleaned_data[f"score_{v.key}"], self.cleaned_data[f"notes_{v.key}"]) for v in self.values}

    def panel_flag(self) -> bool:
        return bool(self.cleaned_data["panel_included_person_with_lived_experience"] == "yes")


class HireForm(forms.Form):
    start_date = GovDateField(
        label="When do they start?",
        subject="Start date",
        help_text="For example, 5 1 2027. It can be up to a year ahead.",
    )

    def __init__(self, *args: Any, earliest: date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.earliest = earliest

    def clean_start_date(self) -> date:
        start: date = self.cleaned_data["start_date"]
        today = timezone.localdate()
        if self.earliest is not None and start < self.earliest:
            raise forms.ValidationError(
                f"Start date must be on or after {self.earliest:%-d %B %Y}, the day they applied"
            )
        if start < add_months(today, -12) or start > add_months(today, 12):
            raise forms.ValidationError("Start date must be within a year of today")
        return start


class ReferralForm(forms.Form):
    your_name = govuk(
        forms.CharField(
            label="Your name",
            max_length=60,
            help_text="As your friend knows you. We put it in the email we send them, and do not keep it.",
            error_messages={
                "required": "Enter your name, so your friend knows who referred them",
                "max_length": "Your name must be 60 characters or fewer",
            },
        ),
        autocomplete="given-name",
    )
    friend_name = govuk(
        forms.CharField(
            label="Your friend's full name",
            max_length=120,
            error_messages={
                "required": "Enter your friend's full name",
                "max_length": "Full name must be 120 characters or fewer",
            },
        ),
        autocomplete="off",
    )
    friend_email = govuk(
        forms.EmailField(
            label="Your friend's email address",
            max_length=254,
            help_text="We use this to link their application to your referral.",
            error_messages={
                "required": "Enter your friend's email address",
                "invalid": "Enter an email address in the correct format, like name@example.com",
                "max_length": "Email address must be 254 characters or fewer",
            },
        ),
        type="email",
        autocomplete="off",
    )
    consent = forms.BooleanField(
        label="My friend has agreed that I can share their name and email address",
        error_messages={"required": "Confirm your friend has agreed to share their details"},
    )


class _ListFilters(forms.Form):
    """Filters of a long list, sent by GET. A value that is not one of the choices is ignored."""

    def __init__(self, data: Any, *, workplaces: list[tuple[int, str]], roles: list[int]) -> None:
        super().__init__(data)
        self.fields["workplace"].choices = [("", "All workplaces"), *((str(pk), name) for pk, name in workplaces)]  # type: ignore[attr-defined]
        labels = code_list("job_roles").labels
        self.fields["job_role"].choices = [("", "All roles"), *((str(r), labels.get(r, f"Code {r}")) for r in roles)]  # type: ignore[attr-defined]

    def chosen(self) -> dict[str, Any]:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        out = {name: data.get(name) or "" for name in self.fields if name not in self.errors}
        for name in ("workplace", "job_role"):
            out[name] = int(out[name]) if out.get(name) else None
        return out


def _select(label: str, choices: list[tuple[str, str]] | None = None) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=False, choices=choices or [])


class VacancyFilters(_ListFilters):
    workplace = _select("Workplace")
    job_role = _select("Role")
    status = _select(
        "Job search",
        [("", "Any"), ("published", "Published"), ("not-published", "Not published"), ("closed", "Closed")],
    )
    stage = _select("With applicants at", [("", "Any stage"), *((s.value, s.label) for s in Stage)])


class ApplicantFilters(_ListFilters):
    stage = _select("Stage", [("", "Any stage"), *((s.value, s.label) for s in Stage)])
    workplace = _select("Workplace")
    job_role = _select("Role")


class VacancySearch(forms.Form):
    q = forms.CharField(label="Search vacancies", required=False, max_length=100, help_text="A role or a workplace")
