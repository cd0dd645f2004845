"""The worker's ASC-WDS personal items, one question page each (ADR 0112).

Name (the staff file's DISPLAYID, "name or ID"), date of birth, gender, ethnicity, nationality (British, or
which other), disability, and qualifications (SCQUAL, NONSCQUAL and their levels). Choices are the ASC-WDS
code lists (``domain.reference``); the date of birth limits are the upload's own rule
(``domain.upload.rules_common``), so a record kept here is one the bulk upload accepts.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from careforce.domain.reference import code_list
from careforce.domain.upload.rules_common import (
    WORKER_MAX_AGE,
    WORKER_MIN_AGE,
    started_below_working_age,
    worker_age_allowed,
)
from careforce.domain.upload.staff_cells import ID_LIMIT
from careforce.domain.upload.staff_combos import BRITISH
from careforce.web.forms import GovDateField
from careforce.web.journeys import Question

from .forms import _coded, _text
from .presenters import gov_date
from .services import PERSONAL_ITEMS

NATIONALITY_DONT_KNOW = 998
NATIONALITY_NOT_LISTED = 999
HELD = 1  # SCQUAL / NONSCQUAL: 1 yes, 2 no, 999 don't know
HELD_CHOICES = [(1, "Yes"), (2, "No"), (999, "Don't know")]
NATIONALITY_GROUPS = [("british", "British"), ("other", "Another nationality"), ("dont_know", "Don't know")]


class NameForm(forms.Form):
    name_or_id = _text(
        "What is the worker's name?",
        subject="Name",
        max_length=ID_LIMIT,
        required="Enter the worker's name",
        width="govuk-!-width-two-thirds",
        help_text="Or the name your organisation knows them by. It is the name or ID in the ASC-WDS staff file.",
    )


class DateOfBirthForm(forms.Form):
    date_of_birth = GovDateField(
        label="What is their date of birth? (optional)",
        subject="Date of birth",
        required=False,
        past_or_today=True,
        help_text="For example, 27 3 1985. Leave it blank if you do not know it.",
    )

    def __init__(self, *args: Any, started_on: date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.started_on = started_on

    def clean_date_of_birth(self) -> date | None:
        born: date | None = self.cleaned_data["date_of_birth"]
        if born is None:
            return None
        if not worker_age_allowed(born, timezone.localdate()):
            raise forms.ValidationError(
                f"Date of birth must make them between {WORKER_MIN_AGE} and {WORKER_MAX_AGE} years old"
            )
        if self.started_on is not None and started_below_working_age(born, self.started_on):
            raise forms.ValidationError(
                f"Date of birth must be at least {WORKER_MIN_AGE} years before the date they started in this job "
                f"({gov_date(self.started_on)})"
            )
        return born


class GenderForm(forms.Form):
    gender = _coded("What is their gender?", code_list("gender").choices(), "Select their gender")


class EthnicityForm(forms.Form):
    ethnicity = _coded("What is their ethnic group?", code_list("ethnicity").choices(), "Select their ethnic group")


class NationalityForm(forms.Form):
    nationality_group = forms.ChoiceField(
        label="What is their nationality?",
        choices=NATIONALITY_GROUPS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select their nationality", "invalid_choice": "Select their nationality"},
    )


def _other_nationalities() -> list[tuple[Any, str]]:
    codes = [c for c in code_list("nationality") if c.code not in (BRITISH, NATIONALITY_DONT_KNOW)]
    listed = sorted((c for c in codes if c.code != NATIONALITY_NOT_LISTED), key=lambda c: c.label)
    return [("", "Select a nationality"), *((c.code, c.label) for c in listed), (NATIONALITY_NOT_LISTED, "Not listed")]


class OtherNationalityForm(forms.Form):
    nationality = _coded(
        "Which nationality are they?", _other_nationalities(), "Select their nationality", widget=forms.Select
    )


class DisabilityForm(forms.Form):
    disability = _coded(
        "Do they have a disability?", code_list("disabled").choices(), "Select whether they have a disability"
    )


def _levels() -> list[tuple[int, str]]:
    return code_list("qualification_levels").choices()


class SocialCareQualificationForm(forms.Form):
    social_care_qualification = _coded(
        "Do they have a social care qualification?",
        HELD_CHOICES,
        "Select whether they have a social care qualification",
        help_text="A qualification relevant to social care, like a diploma in health and social care.",
    )


class SocialCareLevelForm(forms.Form):
    social_care_qualification_level = _coded(
        "What level is their highest social care qualification?",
        _levels(),
        "Select the level of their highest social care qualification",
    )


class OtherQualificationForm(forms.Form):
    non_social_care_qualification = _coded(
        "Do they have a qualification that is not in social care?",
        HELD_CHOICES,
        "Select whether they have a qualification that is not in social care",
        help_text="For example a degree, A levels or a trade qualification.",
    )


class OtherLevelForm(forms.Form):
    non_social_care_qualification_level = _coded(
        "What level is their highest qualification that is not in social care?",
        _levels(),
        "Select the level of their highest qualification that is not in social care",
    )


def _other_nationality(answers: Mapping[str, Any]) -> bool:
    return answers.get("nationality_group") == "other"


def _holds_social_care(answers: Mapping[str, Any]) -> bool:
    return answers.get("social_care_qualification") == HELD


def _holds_other(answers: Mapping[str, Any]) -> bool:
    return answers.get("non_social_care_qualification") == HELD


PERSONAL_QUESTIONS = (
    Question("name", NameForm),
    Question("date-of-birth", DateOfBirthForm),
    Question("gender", GenderForm),
    Question("ethnicity", EthnicityForm),
    Question("nationality", NationalityForm),
    Question("which-nationality", OtherNationalityForm, _other_nationality),
    Question("disability", DisabilityForm),
    Question("social-care-qualification", SocialCareQualificationForm),
    Question("social-care-qualification-level", SocialCareLevelForm, _holds_social_care),
    Question("other-qualification", OtherQualificationForm),
    Question("other-qualification-level", OtherLevelForm, _holds_other),
)
# a personal item's question and the questions its answer may open (changed together from the worker's record)
PERSONAL_GROUPS = {
    "nationality": ("nationality", "which-nationality"),
    "social-care-qualification": ("social-care-qualification", "social-care-qualification-level"),
    "other-qualification": ("other-qualification", "other-qualification-level"),
}


def nationality_group(nationality: int | None) -> str | None:
    if nationality is None:
        return None
    return {BRITISH: "british", NATIONALITY_DONT_KNOW: "dont_know"}.get(nationality, "other")


def answers_of(worker: Any) -> dict[str, Any]:
    """The personal items of a saved worker, as the questions' answers are named."""
    values = {name: getattr(worker, name) for name in PERSONAL_ITEMS}
    values["nationality_group"] = nationality_group(worker.nationality)
    return values


def record_items(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The record's personal items from the questions' answers (only those the answers give)."""
    items = {name: answers[name] for name in PERSONAL_ITEMS if name in answers}
    group = answers.get("nationality_group")
    if group is not None:
        items["nationality"] = {"british": BRITISH, "dont_know": NATIONALITY_DONT_KNOW}.get(
            group, answers.get("nationality")
        )
    for held, level in (
        ("social_care_qualification", "social_care_qualification_level"),
        ("non_social_care_qualification", "non_social_care_qualification_level"),
    ):
        if held in answers and answers[held] != HELD:
            items[level] = None  # a level only for a qualification held
    return items
