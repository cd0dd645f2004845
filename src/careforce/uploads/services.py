"""Checking and applying bulk uploads: the same steps for the web pages, background jobs and the command line.

``examine`` reads the files against what the organisation has now and plans the changes; ``import_files``
does that again inside one transaction, with the organisation locked, and applies the plan: all of it or none
of it. Files are always checked again when applied, because records may have changed since the report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from careforce.domain.upload import ChangePlan, UploadResult, plan_changes, read_upload
from careforce.workforce.models import Organisation

from .apply import apply_plan
from .placing import Placement, place_workplaces
from .stored import StoredAccount, load_account

Progress = Callable[[int, str], None]
SAMPLE = 50


def no_progress(percent: int, message: str = "") -> None:
    """For callers that show no progress."""


@dataclass
class Examined:
    result: UploadResult
    stored: StoredAccount
    placements: dict[str, Placement] = field(default_factory=dict)
    plan: ChangePlan | None = None

    @property
    def can_apply(self) -> bool:
        return self.plan is not None and not self.result.report.has_errors


def examine(
    organisation_id: int, files: Sequence[tuple[str, bytes]], today: date, progress: Progress = no_progress
) -> Examined:
    """Check ``files`` against the organisation's records and, when there are no errors, plan the changes."""
    progress(5, "Reading your records")
    stored = load_account(organisation_id)
    progress(15, "Checking the files")
    result = read_upload(files, stored.snapshot, today)
    examined = Examined(result, stored, place_workplaces(result))
    if result.report.has_errors:
        return examined
    progress(45, "Comparing the files with your records")
    plan = plan_changes(result, stored.data)
    result.report.extend(plan.conflicts)
    if not plan.conflicts:
        examined.plan = plan
    return examined


@dataclass
class Imported:
    examined: Examined
    counts: dict[str, int] | None = None

    @property
    def applied(self) -> bool:
        return self.counts is not None


def import_files(
    organisation_id: int, files: Sequence[tuple[str, bytes]], today: date, progress: Progress = no_progress
) -> Imported:
    """Check and apply ``files`` in one transaction; with any error nothing is saved."""
    with transaction.atomic():
        # one upload at a time per organisation: a second waits here, then sees the first one's changes
        Organisation.objects.select_for_update().filter(pk=organisation_id).first()
        examined = examine(organisation_id, files, today, progress)
        if examined.plan is None:
            return Imported(examined)
        counts = apply_plan(organisation_id, examined.plan, examined.stored, examined.placements, today, progress)
    return Imported(examined, counts)


def summarise(plan: ChangePlan) -> dict[str, object]:
    """What the provider confirms: counts of each change, and who would be recorded as leaving."""
    leaving = [(r.workplace_local_identifier, r.local_identifier, r.name_or_id) for r in plan.workers.deleted]
    return {
        "workplaces_created": len(plan.workplaces.created),
        "workplaces_updated": len(plan.workplaces.updated),
        "workplaces_deleted": len(plan.workplaces.deleted),
        "workplaces_unchanged": plan.workplaces.unchanged,
        "staff_created": len(plan.workers.created),
        "staff_updated": len(plan.workers.updated),
        "staff_left": len(plan.workers.deleted),
        "staff_unchanged": plan.workers.unchanged,
        "training_created": len(plan.training_created),
        "training_deleted": len(plan.training_deleted),
        "training_unchanged": plan.training_unchanged,
        "leaving_sample": [list(x) for x in leaving[:SAMPLE]],
        "deleted_workplaces": [r.local_identifier for r in plan.workplaces.deleted[:SAMPLE]],
        "is_empty": plan.is_empty,
    }
