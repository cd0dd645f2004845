"""Django form fields rendered with GOV.UK Frontend components.

``GovDateField`` takes a date as three inputs (day, month, year) named ``<name>-day``, ``<name>-month``
and ``<name>-year``, as ``govukDateInput`` names them, and gives the GOV.UK Design System's error
messages ("Enter…", "… must include a month", "… must be a real date", "… must be today or in the
past"). What the person typed is kept and shown again when there is a problem.

``govuk_field(bound_field)`` turns any bound field into the parameters of its GOV.UK component, so a
template needs one line per field. Ids follow Django's ``id_<name>``, and the first input of a date,
radios or checkboxes has exactly that id, so the error summary's link (``#id_<name>``) focuses it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

DATE_PARTS = ("day", "month", "year")


class GovDateWidget(forms.Widget):
    """Three text inputs; the value is a dict of what was typed in each."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> dict[str, str]:
        return {part: str(data.get(f"{name}-{part}", "")).strip() for part in DATE_PARTS}

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return not any(f"{name}-{part}" in data for part in DATE_PARTS)


def date_parts(value: Any) -> dict[str, str]:
    """What to show in the three inputs for a date, or for what was typed."""
    if isinstance(value, date):
        return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
    if isinstance(value, dict):
        return {part: str(value.get(part, "")) for part in DATE_PARTS}
    return dict.fromkeys(DATE_PARTS, "")


class GovDateField(forms.Field):
    """A date typed as day, month and year.

    ``subject`` names the date in messages, written as it starts a sentence ("Date they started").
    ``past_or_today`` refuses dates after today; ``future_or_today`` refuses dates before today.
    """

    widget = GovDateWidget

    def __init__(
        self,
        *,
        subject: str,
        past_or_today: bool = False,
        future_or_today: bool = False,
        min_year: int = 1900,
        **kwargs: Any,
    ) -> None:
        self.subject = subject
        self.past_or_today = past_or_today
        self.future_or_today = future_or_today
        self.min_year = min_year
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("required", f"Enter the {subject[0].lower()}{subject[1:]}")
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> dict[str, str]:
        return date_parts(value)

    def to_python(self, value: Any) -> date | None:
        if isinstance(value, date) or value is None:
            return value
        parts = date_parts(value)
        if not any(parts.values()):
            return None
        missing = [p for p in DATE_PARTS if not parts[p]]
        if missing:
            raise ValidationError(f"{self.subject} must include a {' and a '.join(missing)}", code="incomplete")
        try:
            day, month, year = (int(parts[p]) for p in DATE_PARTS)
            if year < self.min_year or len(parts["year"]) != 4:
                raise ValueError
            return date(year, month, day)
        except ValueError:
            raise ValidationError(f"{self.subject} must be a real date", code="invalid") from None

    def validate(self, value: date | None) -> None:
        super().validate(value)
        if value is None:
            return
        today = timezone.localdate()
        if self.past_or_today and value > today:
            raise ValidationError(f"{self.subject} must be today or in the past", code="future")
        if self.future_or_today and value < today:
            raise ValidationError(f"{self.subject} must be today or in the future", code="past")

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return self.to_python(data) != initial
        except ValidationError:
            return True


def field_kind(field: forms.Field) -> str:
    widget = field.widget
    if isinstance(field, GovDateField):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


def govuk(field: forms.Field, **params: Any) -> forms.Field:
    """Attach GOV.UK component parameters to a field (for example ``prefix={"text": "£"}``, ``classes``)."""
    field.govuk_params = params  # type: ignore[attr-defined]
    return field


def govuk_field(bound: forms.BoundField, heading: bool = False, size: str = "l") -> tuple[str, dict[str, Any]]:
    """(kind, parameters) of the GOV.UK component for a bound field; ``heading`` makes its label the h1."""
    field: Any = bound.field  # a Field of any kind: choices and the rest are read as the kind allows
    kind = field_kind(field)
    params: dict[str, Any]
    items: list[dict[str, Any]]
    chosen: Any
    extra = dict(getattr(field, "govuk_params", {}))
    errors = bound.errors
    error = {"text": str(errors[0])} if errors else None
    hint = {"text": str(field.help_text)} if field.help_text else None
    label_classes = f"govuk-label--{size}" if heading else ""
    legend = {
        "text": str(field.label),
        "isPageHeading": heading,
        "classes": f"govuk-fieldset__legend--{size}" if heading else "govuk-fieldset__legend--s",
    }
    auto_id = bound.auto_id
    value = bound.value()

    if kind == "date":
        parts = date_parts(value)
        items = [
            {
                "id": auto_id if p == "day" else f"{auto_id}-{p}",
                "name": p,
                "label": p.capitalize(),
                "value": parts[p],
                "classes": ("govuk-input--width-4" if p == "year" else "govuk-input--width-2")
                + (" govuk-input--error" if error and (not parts[p] or all(parts.values())) else ""),
            }
            for p in DATE_PARTS
        ]
        params = {
            "id": f"{auto_id}-date",
            "namePrefix": bound.html_name,
            "fieldset": {"legend": legend},
            "hint": hint,
            "errorMessage": error,
            "items": items,
        }
    elif kind in ("radios", "checkboxes"):
        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v not in (None, "")}
        items = [
            {"value": str(v), "text": str(text), "checked": str(v) in chosen} for v, text in field.choices if v != ""
        ]  # type: ignore[attr-defined]
        params = {
            "idPrefix": auto_id,
            "name": bound.html_name,
            "fieldset": {"legend": legend},
            "hint": hint,
            "errorMessage": error,
            "items": items,
        }
    elif kind == "select":
        chosen = "" if value is None else str(value)
        items = [{"value": str(v), "text": str(text), "selected": str(v) == chosen} for v, text in field.choices]  # type: ignore[attr-defined]
        params = {
            "id": auto_id,
            "name": bound.html_name,
            "label": {"text": str(field.label), "isPageHeading": heading, "classes": label_classes},
            "hint": hint,
            "errorMessage": error,
            "items": items,
        }
    else:
        params = {
            "id": auto_id,
            "name": bound.html_name,
            "label": {"text": str(field.label), "isPageHeading": heading, "classes": label_classes},
            "hint": hint,
            "errorMessage": error,
            "value": "" if value is None else str(value),
        }
        if kind == "input":
            params["spellcheck"] = False
    params.update(extra)
    return kind, params
