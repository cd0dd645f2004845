"""The employer's vacancy form: what the job is, its hours, pay (checked against the National Living
Wage and the role's local range) and what it asks and offers. Like the other provider forms it never
touches the database: the view passes in the pay of the role's other vacancies.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from careforce.domain.careers.pay import PayGroup
from careforce.domain.careers.vacancy_pay import check_vacancy_pay
from careforce.domain.reference import MAX_WEEKLY_HOURS, code_list, national_living_wage_on
from careforce.web.forms import GovDateField, govuk

from .forms import YES_NO, _coded, _decimal, _select, _text

# what a job role pays locally, and where "locally" is: a vacancy form's pay warning (VacancyForm.local_pay)
LocalPay = Callable[[int], tuple[PayGroup | None, str]]

HOURS_PATTERNS = [
    ("full_time", "Full time"),
    ("part_time", "Part time"),
    ("school_hours", "School hours"),
    ("nights", "Nights"),
    ("weekends", "Weekends"),
]
REQUIREMENTS = [("requires_driving_licence", "A driving licence"), ("requires_car", "Use of a car")]
OFFERS = [
    ("guaranteed_hours", "Guaranteed hours"),
    ("travel_time_paid", "Paid travel time between visits"),
    ("offers_visa_sponsorship", "Visa sponsorship"),
]


class VacancyForm(forms.Form):
    job_role = _coded("Job role", _select("job_roles", "Select a job role"), "Select the job role", widget=forms.Select)
    title = _text(
        "Job title (optional)",
        subject="Job title",
        max_length=120,
        required=None,
        help_text="Shown in job search. Leave blank to use the job role",
    )
    number_of_posts = govuk(
        forms.IntegerField(
            label="Number of posts",
            min_value=1,
            max_value=999,
            widget=forms.TextInput,
            error_messages={
                "required": "Enter the number of posts",
                "invalid": "Number of posts must be a whole number, like 2",
                "min_value": "Number of posts must be between 1 and 999",
                "max_value": "Number of posts must be between 1 and 999",
            },
        ),
        classes="govuk-input--width-3",
        inputmode="numeric",
    )
    hourly_rate = _decimal(
        "Hourly pay",
        subject="Hourly pay",
        required="Enter the hourly pay",
        low=Decimal("1.00"),
        high=Decimal("200.00"),
        example="13.20",
        prefix={"text": "£"},
        classes="govuk-input--width-5",
    )
    contracted_hours = _decimal(
        "Contracted hours a week",
        subject="Contracted hours",
        low=Decimal("0.5"),
        high=Decimal(MAX_WEEKLY_HOURS),
        example="37.5",
        places=1,
        required="Enter the contracted hours a week",
        suffix={"text": "hours"},
        classes="govuk-input--width-5",
    )
    hours_pattern = forms.MultipleChoiceField(
        label="When are the hours? (optional)",
        choices=HOURS_PATTERNS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )
    requirements = forms.MultipleChoiceField(
        label="Does the job need any of these? (optional)",
        choices=REQUIREMENTS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )
    offers = forms.MultipleChoiceField(
        label="Does the job offer any of these? (optional)",
        choices=OFFERS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )
    closing_date = GovDateField(
        label="Closing date (optional)",
        subject="Closing date",
        required=False,
        future_or_today=True,
        help_text="Leave blank if it stays open. For example, 31 1 2027",
    )
    publish = forms.ChoiceField(
        label="Publish it in job search?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether to publish the vacancy in job search",
            "invalid_choice": "Select whether to publish the vacancy in job search",
        },
    )
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea,
        help_text="What the job is like, who the team support and what you offer. Shown on the job's page",
        error_messages={"max_length": "Description must be 2,000 characters or fewer"},
    )
    duties = forms.CharField(
        label="Main duties (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea,
        help_text="One duty a line, like: Help people wash, dress and eat",
        error_messages={"max_length": "Main duties must be 2,000 characters or fewer"},
    )
    shift_pattern = _text(
        "Shift pattern (optional)",
        subject="Shift pattern",
        max_length=200,
        required=None,
        help_text="For example, 7am to 2pm or 2pm to 10pm, 4 days a week, every other weekend",
    )

    pay_confirmed = forms.MultipleChoiceField(
        label="Is the hourly pay right?",
        choices=[("yes", "Yes, the hourly pay is right")],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select this to save pay that is far from what the role usually pays here",
    )

    FLAGS = [name for name, _ in HOURS_PATTERNS + REQUIREMENTS + OFFERS]
    field_order = [
        "job_role",
        "title",
        "number_of_posts",
        "hourly_rate",
        "pay_confirmed",
        "contracted_hours",
        "hours_pattern",
        "shift_pattern",
        "description",
        "duties",
    ]

    def __init__(self, *args: Any, local_pay: LocalPay | None = None, **kwargs: Any) -> None:
        """``local_pay(job_role)`` gives what the role pays locally (from the view), for the pay warning."""
        super().__init__(*args, **kwargs)
        self.local_pay = local_pay
        wage = national_living_wage_on(timezone.localdate())
        if wage is not None:
            self.fields[
                "hourly_rate"
            ].help_text = (
                f"At least the National Living Wage: £{wage.hourly_rate} an hour from {wage.effective_from:%-d %B %Y}"
            )
        if not self.is_bound:
            del self.fields["pay_confirmed"]  # asked only once pay far off the local range was entered

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        rate, role = data.get("hourly_rate"), data.get("job_role")
        warned = False
        if rate is not None and role:
            local, area = self.local_pay(role) if self.local_pay else (None, "")
            check = check_vacancy_pay(
                rate,
                saved_on=timezone.localdate(),
                closing_date=data.get("closing_date"),
                role=code_list("job_roles").label(role).lower(),
                local=local,
                area=area,
            )
            if check.refusal:
                self.add_error("hourly_rate", check.refusal)
            elif check.warning:
                warned = True
                if not data.get("pay_confirmed"):
                    self.add_error("hourly_rate", check.warning)
        if not warned:
            self.fields.pop("pay_confirmed", None)
        return data

    def clean_contracted_hours(self) -> Decimal:
        hours: Decimal = self.cleaned_data["contracted_hours"]
        if (hours * 2) % 1:
            raise forms.ValidationError("Contracted hours must be a whole or half hour, like 37.5")
        return hours

    def vacancy_fields(self) -> dict[str, Any]:
        """The cleaned answers as vacancy fields."""
        data = self.cleaned_data
        chosen = set(data["hours_pattern"]) | set(data["requirements"]) | set(data["offers"])
        fields = {
            name: data[name]
            for name in (
                "job_role",
                "title",
                "number_of_posts",
                "hourly_rate",
                "contracted_hours",
                "closing_date",
                "description",
                "duties",
                "shift_pattern",
            )
        }
        fields.update({flag: flag in chosen for flag in self.FLAGS})
        fields["is_published"] = data["publish"] == "yes"
        return fields

    @classmethod
    def initial_from(cls, vacancy: Any) -> dict[str, Any]:
        initial = {
            name: getattr(vacancy, name)
            for name in (
                "job_role",
                "title",
                "number_of_posts",
                "hourly_rate",
                "contracted_hours",
                "closing_date",
                "description",
                "duties",
                "shift_pattern",
            )
        }
        for group, options in (("hours_pattern", HOURS_PATTERNS), ("requirements", REQUIREMENTS), ("offers", OFFERS)):
            initial[group] = [name for name, _ in options if getattr(vacancy, name)]
        initial["publish"] = "yes" if vacancy.is_published else "no"
        return initial
