"""An upload's life: received, checked (report and planned changes), confirmed and saved, or cancelled.

Small uploads are checked and saved during the request; larger ones run as background jobs (``careforce.jobs``)
whose progress the upload's page shows, so the provider can leave and come back.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from careforce.accounts.scope import scope_of
from careforce.domain.upload import FileKind, Problem, ProblemGroup, ValidationReport
from careforce.jobs.runner import submit

from .models import Upload, UploadedFile
from .services import Progress, examine, import_files, no_progress, summarise

if TYPE_CHECKING:
    from careforce.accounts.models import User

IN_REQUEST_BYTES = 1_000_000
"""Uploads up to this size (about 3,000 staff rows) are handled during the request."""
PROBLEMS_SHOWN = 500
CHANGED_SINCE = (
    "Your records changed after these files were checked and the files no longer fit them. Nothing was saved."
)
STOPPED_CHECKING = "Checking your files stopped before it finished. Nothing was saved."
STOPPED_SAVING = "Saving your upload stopped before it finished. Nothing was saved: your records are as they were."


def _files(upload: Upload) -> list[tuple[str, bytes]]:
    return [(f.name, bytes(f.content)) for f in upload.files.all()]


def _run(upload: Upload, kind: str, title: str, work: Callable[..., dict[str, str]], user: User) -> None:
    size = sum(f.size for f in upload.files.all())
    if size <= IN_REQUEST_BYTES:
        work(upload_id=str(upload.pk))
        return
    with transaction.atomic():
        job = submit(
            kind, title, f"{__name__}.{work.__name__}", {"upload_id": str(upload.pk)}, user, f"{__name__}.job_failed"
        )
        Upload.objects.filter(pk=upload.pk).update(job=job)


def receive(user: User, files: Sequence[tuple[str, bytes]]) -> Upload:
    """Keep the uploaded files and start checking them."""
    organisation_id = scope_of(user).managed_organisation
    if organisation_id is None:
        raise Http404("No care provider")
    with transaction.atomic():
        upload = Upload.objects.create(
            organisation_id=organisation_id, uploaded_by=user, file_names=[name for name, _ in files]
        )
        UploadedFile.objects.bulk_create(
            [UploadedFile(upload=upload, name=name, size=len(data), content=data) for name, data in files]
        )
    _run(upload, "upload-check", "Checking your files", check_upload, user)
    return upload


RECORDS = {FileKind.WORKPLACE: "workplaces", FileKind.STAFF: "staff records", FileKind.TRAINING: "training records"}


def _shown(p: Problem | ProblemGroup) -> dict[str, Any]:
    """A problem as the page keeps it; many of one kind as one line with their count and first rows."""
    if isinstance(p, ProblemGroup):
        return {
            "file": p.file,
            "row": None,
            "rows": p.rows_text(),
            "count": p.count,
            "column": p.column,
            "code": p.code,
            "severity": p.severity.value,
            "message": p.summary(),
            "value": p.value,
        }
    return {
        "file": p.file,
        "row": p.row,
        "count": 1,
        "column": p.column,
        "code": p.code,
        "severity": p.severity.value,
        "message": p.message,
        "value": p.value,
    }


def _record_report(upload: Upload, report: ValidationReport, rows: dict[Any, int], files: dict[Any, str]) -> None:
    upload.error_count, upload.warning_count = report.error_count, report.warning_count
    records = {name: RECORDS[kind] for kind, name in files.items() if kind in RECORDS}
    upload.problems = [_shown(p) for p in report.grouped(records)[:PROBLEMS_SHOWN]]
    buffer = io.StringIO()
    report.write_csv(buffer)
    upload.report_csv = buffer.getvalue().encode("utf-8")
    upload.rows_checked = {str(kind.value): n for kind, n in rows.items()}


def _link(upload: Upload) -> dict[str, str]:
    return {"url": reverse("uploads:upload", args=[upload.pk]), "link_text": "See the report"}


def check_upload(upload_id: str, progress: Progress = no_progress) -> dict[str, str]:
    """Check the files against the organisation's records; the report and planned changes are kept."""
    upload = Upload.objects.get(pk=upload_id)
    examined = examine(upload.organisation_id, _files(upload), timezone.localdate(), progress)
    _record_report(upload, examined.result.report, examined.result.rows_checked, examined.result.files)
    upload.changes = summarise(examined.plan) if examined.plan is not None else {}
    upload.state = Upload.State.CHECKED
    upload.save()
    if upload.error_count:  # the upload ends here: corrected files come as a new upload
        _forget_contents(upload)
    return _link(upload)


def confirm(user: User, upload: Upload) -> None:
    """Save the upload's changes (the provider has read the report)."""
    Upload.objects.filter(pk=upload.pk).update(state=Upload.State.APPLYING, message="")
    _run(upload, "upload-apply", "Saving your upload", apply_upload, user)


def apply_upload(upload_id: str, progress: Progress = no_progress) -> dict[str, str]:
    upload = Upload.objects.get(pk=upload_id)
    try:
        imported = import_files(upload.organisation_id, _files(upload), timezone.localdate(), progress)
    except Exception:
        Upload.objects.filter(pk=upload_id).update(
            state=Upload.State.FAILED, message="Nothing was saved: something went wrong on our side. Try again later."
        )
        raise
    if not imported.applied:  # the records changed since the files were checked: show the new report
        _record_report(
            upload,
            imported.examined.result.report,
            imported.examined.result.rows_checked,
            imported.examined.result.files,
        )
        upload.state = Upload.State.CHECKED
        upload.message = CHANGED_SINCE
        upload.save()
        return _link(upload)
    upload.changes = {**upload.changes, "applied": imported.counts}
    upload.state, upload.finished_at = Upload.State.APPLIED, timezone.now()
    upload.save()
    _forget_contents(upload)
    return _link(upload)


def job_failed(upload_id: str, message: str) -> dict[str, str]:
    """The background check or save stopped (an error, or its process died): say that nothing was saved."""
    for state, told in ((Upload.State.CHECKING, STOPPED_CHECKING), (Upload.State.APPLYING, STOPPED_SAVING)):
        Upload.objects.filter(pk=upload_id, state=state).update(
            state=Upload.State.FAILED, message=told, finished_at=timezone.now()
        )
    return {"url": reverse("uploads:upload", args=[upload_id]), "link_text": "Check the files again or cancel"}


def can_check_again(upload: Upload) -> bool:
    """A failed upload whose files are still kept can be checked again (then saved, or cancelled)."""
    return upload.state == Upload.State.FAILED and upload.files.exclude(content=b"").exists()


def check_again(user: User, upload: Upload) -> None:
    Upload.objects.filter(pk=upload.pk).update(state=Upload.State.CHECKING, message="", finished_at=None)
    _run(upload, "upload-check", "Checking your files", check_upload, user)


def cancel(upload: Upload) -> None:
    Upload.objects.filter(pk=upload.pk).update(state=Upload.State.CANCELLED, finished_at=timezone.now())
    _forget_contents(upload)


def _forget_contents(upload: Upload) -> None:
    """The files hold staff's personal data: keep their names and sizes only."""
    UploadedFile.objects.filter(upload=upload).update(content=b"")
