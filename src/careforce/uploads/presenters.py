"""What the upload pages show, in words a provider uses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from careforce.workforce.presenters import gov_date

from .models import Upload

CHANGES = (
    ("workplaces_created", "Workplaces added"),
    ("workplaces_updated", "Workplaces changed"),
    ("workplaces_deleted", "Workplaces deleted, with all their records"),
    ("staff_created", "Staff records added"),
    ("staff_updated", "Staff records changed"),
    ("staff_left", "Staff recorded as having left today"),
    ("training_created", "Training records added"),
    ("training_deleted", "Training records removed"),
)
UNCHANGED = (
    ("workplaces_unchanged", "Workplaces unchanged"),
    ("staff_unchanged", "Staff records unchanged"),
    ("training_unchanged", "Training records unchanged"),
)


def change_rows(changes: Mapping[str, Any]) -> list[dict[str, Any]]:
    """GOV.UK summary list rows: every kind of change, then what stays as it is."""
    rows = [(label, changes[key]) for key, label in (*CHANGES, *UNCHANGED) if key in changes]
    return [{"key": {"text": label}, "value": {"text": f"{count:,}"}} for label, count in rows]


def problems_counted(problems: Sequence[Mapping[str, Any]]) -> int:
    """How many problems the page's lines stand for (a line may stand for many of one kind)."""
    return sum(int(p.get("count", 1)) for p in problems)


def _rows_cell(p: Mapping[str, Any]) -> dict[str, str]:
    if p.get("rows"):
        return {"text": str(p["rows"])}
    return {"text": "" if p["row"] is None else f"{p['row']:,}"}


def problem_rows(problems: Sequence[Mapping[str, Any]]) -> list[list[dict[str, str]]]:
    """GOV.UK table rows: file, row (or the first rows of many), column, the value given, and the problem."""
    return [
        [
            {"text": p["file"]},
            _rows_cell(p),
            {"text": p["column"]},
            {"text": p["value"]},
            {
                "text": ("Error: " if p["severity"] == "error" else "Warning: ")
                + p["message"]
                + (f" (ASC-WDS code {p['code']})" if p["code"] is not None else "")
            },
        ]
        for p in problems
    ]


def is_about_a_whole_file(p: Mapping[str, Any]) -> bool:
    """A problem with a file as a whole (its header, encoding or size), not with one of its rows."""
    return p["row"] is None and not p.get("rows") and not p["column"]


def file_problems(problems: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Problems with whole files, shown above the table in full: they are too long for one of its cells."""
    return [
        {
            "file": p["file"],
            "severity": "Error" if p["severity"] == "error" else "Warning",
            "message": p["message"] + (f" (ASC-WDS code {p['code']})" if p["code"] is not None else ""),
        }
        for p in problems
        if is_about_a_whole_file(p)
    ]


def upload_rows(uploads: Sequence[Upload]) -> list[dict[str, Any]]:
    return [
        {
            "pk": u.pk,
            "when": gov_date(u.created_at.date()),
            "files": ", ".join(u.file_names),
            "state": u.get_state_display(),
            "errors": u.error_count,
        }
        for u in uploads
    ]
