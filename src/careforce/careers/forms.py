"""Forms for the careers pages. Messages follow the GOV.UK error message style."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation

from careforce.domain.careers.content import role_profiles
from careforce.domain.careers.postcodes import PostcodeError, lookup_postcode, normalise_postcode
from careforce.domain.careers.search import DEFAULT_RADIUS_MILES, RADIUS_STEPS_MILES, JobFilters
from careforce.domain.careers.vacancies import HOURS_PATTERNS, HoursPattern
from careforce.domain.careers.wording import miles, within

HOURS_CHOICES = [(p.name.lower(), p.label.capitalize()) for p in HOURS_PATTERNS if p.name]
TERMS_CHOICES = [
    ("without_driving_licence", "No driving licence needed"),
    ("without_car", "No car needed"),
    ("travel_time_paid", "Travel between visits is paid"),
    ("visa_sponsorship", "Offers visa sponsorship"),
]
SORT_CHOICES = [("distance", "Nearest first"), ("newest", "Newest first")]


def role_choices() -> list[tuple[str, str]]:
    return [(str(code), p.title) for code, p in sorted(role_profiles().items(), key=lambda kv: kv[1].title)]


class SearchForm(forms.Form):
    postcode = forms.CharField(max_length=20, required=False)
    distance = forms.TypedChoiceField(
        choices=[(f"{m:g}", miles(m)) for m in RADIUS_STEPS_MILES],
        coerce=float,
        initial=f"{DEFAULT_RADIUS_MILES:g}",
        error_messages={"invalid_choice": "Choose how far you can travel from the list"},
    )
    roles = forms.MultipleChoiceField(
        choices=role_choices, required=False, error_messages={"invalid_choice": "Choose job roles from the list"}
    )
    hours = forms.MultipleChoiceField(
        choices=HOURS_CHOICES, required=False, error_messages={"invalid_choice": "Choose hours from the list"}
    )
    min_pay = forms.DecimalField(
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        decimal_places=2,
        error_messages={
            "invalid": "Enter the lowest hourly pay as a number, like 12.50",
            "min_value": "The lowest hourly pay must be 0 or more",
            "max_value": "The lowest hourly pay must be £100 or less",
            "max_decimal_places": "Enter the lowest hourly pay in pounds and pence, like 12.50",
        },
    )
    terms = forms.MultipleChoiceField(
        choices=TERMS_CHOICES, required=False, error_messages={"invalid_choice": "Choose from the list"}
    )
    sort = forms.ChoiceField(choices=SORT_CHOICES, initial="distance", required=False)

    def clean_postcode(self) -> str:
        text = self.cleaned_data.get("postcode", "")
        try:
            lookup_postcode(text)
            return normalise_postcode(text).text
        except PostcodeError as error:
            raise forms.ValidationError(error.message) from None

    def to_session(self) -> dict[str, Any]:
        """The search as plain JSON, kept in the session (never in the URL)."""
        data = self.cleaned_data
        return {
            "postcode": data["postcode"],
            "distance": data["distance"],
            "roles": sorted(int(r) for r in data["roles"]),
            "hours": list(data["hours"]),
            "min_pay": None if data["min_pay"] is None else str(data["min_pay"]),
            "terms": list(data["terms"]),
            "sort": data.get("sort") or "distance",
        }


def initial_from_session(search: dict[str, Any]) -> dict[str, Any]:
    return {
        **search,
        "distance": f"{search['distance']:g}",
        "roles": [str(r) for r in search["roles"]],
        "min_pay": search["min_pay"] or "",
    }


def job_filters(search: dict[str, Any]) -> JobFilters:
    """A stored search as domain filters. The postcode was checked when it was stored."""
    terms = set(search.get("terms") or ())
    return JobFilters(
        place=lookup_postcode(search["postcode"]),
        radius_miles=float(search["distance"]),
        job_roles=frozenset(int(r) for r in search.get("roles") or ()),
        hours=HoursPattern.from_names(search.get("hours") or ()),
        min_hourly_rate=None if search.get("min_pay") in (None, "") else float(search["min_pay"]),
        without_driving_licence="without_driving_licence" in terms,
        without_car="without_car" in terms,
        travel_time_paid="travel_time_paid" in terms,
        visa_sponsorship="visa_sponsorship" in terms,
        sort=search.get("sort") or "distance",
    )


def search_from_filters(search: dict[str, Any], filters: JobFilters) -> dict[str, Any]:
    """A stored search changed to match widened domain filters (the postcode stays as typed)."""
    terms = [
        name
        for name in ("without_driving_licence", "without_car", "travel_time_paid", "visa_sponsorship")
        if getattr(filters, name)
    ]
    return {
        **search,
        "distance": filters.radius_miles,
        "roles": sorted(filters.job_roles),
        "hours": list(filters.hours.names()),
        "min_pay": None if filters.min_hourly_rate is None else search["min_pay"],
        "terms": terms,
    }


def describe_search(search: dict[str, Any]) -> str:
    """One line for a saved search: "Care worker jobs within 10 miles of B15 2TT, part-time"."""
    profiles = role_profiles()
    roles = " or ".join(profiles[r].title if r in profiles else str(r) for r in search.get("roles") or ())
    parts = [f"{roles or 'Care'} jobs {within(float(search['distance']))} of {search['postcode']}"]
    if search.get("hours"):
        parts.append(" or ".join(HoursPattern[h.upper()].label for h in search["hours"]))
    if search.get("min_pay"):
        parts.append(f"at least £{Decimal(search['min_pay']):.2f} an hour")
    parts.extend(label.lower() for key, label in TERMS_CHOICES if key in (search.get("terms") or ()))
    return ", ".join(parts)


# Applying: one question per page.


class FullNameForm(forms.Form):
    full_name = forms.CharField(
        max_length=120,
        error_messages={
            "required": "Enter your full name",
            "max_length": "Your full name must be 120 characters or fewer",
        },
    )


class ContactForm(forms.Form):
    email = forms.EmailField(
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    phone = forms.RegexField(
        regex=r"^\+?[0-9 ()-]{10,20}$",
        max_length=30,
        error_messages={
            "required": "Enter a phone number, like 07700 900 982",
            "invalid": "Enter a phone number, like 07700 900 982 or +44 7700 900 982",
        },
    )


class AvailabilityForm(forms.Form):
    availability = forms.MultipleChoiceField(
        choices=HOURS_CHOICES,
        error_messages={"required": "Select the hours you can work", "invalid_choice": "Select the hours you can work"},
    )


class RightToWorkForm(forms.Form):
    right_to_work = forms.ChoiceField(
        choices=[("yes", "Yes"), ("no", "No, I would need visa sponsorship")],
        error_messages={
            "required": "Select yes if you have the right to work in the UK",
            "invalid_choice": "Select yes if you have the right to work in the UK",
        },
    )


class DrivingForm(forms.Form):
    driving = forms.MultipleChoiceField(
        choices=[("licence", "A full UK driving licence"), ("car", "A car I can use for work"), ("neither", "Neither")],
        error_messages={
            "required": "Select if you have a driving licence or a car, or select neither",
            "invalid_choice": "Select if you have a driving licence or a car, or select neither",
        },
    )

    def clean_driving(self) -> list[str]:
        chosen = self.cleaned_data["driving"]
        if "neither" in chosen and len(chosen) > 1:
            raise forms.ValidationError("Select neither, or select a driving licence or a car")
        return list(chosen)


ABOUT_MAX = 500


class AboutYouForm(forms.Form):
    about_you = forms.CharField(
        max_length=ABOUT_MAX,
        widget=forms.Textarea,
        error_messages={
            "required": "Tell the employer a little about yourself",
            "max_length": f"What you tell the employer must be {ABOUT_MAX} characters or fewer",
        },
    )


class CreateAccountForm(forms.Form):
    email = forms.EmailField(
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    password = forms.CharField(strip=False, widget=forms.PasswordInput, error_messages={"required": "Enter a password"})
    password_again = forms.CharField(
        strip=False, widget=forms.PasswordInput, error_messages={"required": "Enter the password again"}
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(username__iexact=email).exists():
            raise forms.ValidationError("There is already an account with this email address: sign in instead")
        return email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password, again = data.get("password"), data.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", "Enter the same password twice")
        elif password and "email" in data:
            user = get_user_model()(username=data["email"], email=data["email"])
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password", " ".join(_password_message(m) for m in error.messages))
        return data


def _password_message(message: str) -> str:
    return message.replace("This password", "Your password")


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        error_messages={"required": "Select that you understand your account and data will be deleted"}
    )
