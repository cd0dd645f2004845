"""Uploaded ASC-WDS files hold staff's dates of birth, National Insurance numbers and pay.

Their contents are removed as soon as the upload ends (saved, cancelled, or checked with errors that
mean the files must be uploaded again: ``uploads.workflow``), and in any case once the upload is
``UPLOAD_RETENTION_DAYS`` old (default 30), with the report (it quotes the values given) and the names of
staff who would have been recorded as leaving. What is kept: file names and sizes, counts, the outcome.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from careforce.uploads.models import Upload, UploadedFile

EXPIRED = "This upload was not saved within {days} days, so its files were deleted. Upload them again to save them."


def retention_days() -> int:
    return int(getattr(settings, "UPLOAD_RETENTION_DAYS", 30))


@transaction.atomic
def forget_expired_uploads(now: datetime) -> int:
    """Remove the personal data of uploads older than the retention period; how many uploads had some."""
    days = retention_days()
    old = Upload.objects.filter(created_at__lt=now - timedelta(days=days))
    holding = old.exclude(report_csv=b"", problems=[]) | old.filter(files__in=UploadedFile.objects.exclude(content=b""))
    ids = list(holding.values_list("pk", flat=True).distinct())
    if not ids:
        return 0
    UploadedFile.objects.filter(upload_id__in=ids).update(content=b"")
    for upload in Upload.objects.filter(pk__in=ids).only("pk", "changes"):
        changes = {k: v for k, v in upload.changes.items() if k not in ("leaving_sample", "deleted_workplaces")}
        Upload.objects.filter(pk=upload.pk).update(report_csv=b"", problems=[], changes=changes)
    # an upload still waiting to be saved can no longer be: its files are gone
    Upload.objects.filter(pk__in=ids, state__in=[Upload.State.CHECKED, Upload.State.FAILED]).update(
        state=Upload.State.CANCELLED, message=EXPIRED.format(days=days), finished_at=now
    )
    return len(ids)
