"""A bulk upload: the files as uploaded, the report on them, what applying them would change, and the outcome.

The files are kept until the upload is applied or cancelled (nothing uploaded is lost while the provider reads
the report), then their contents are removed: they hold staff's personal data (UK GDPR storage limitation).
"""

import uuid

from django.conf import settings
from django.db import models


class Upload(models.Model):
    class State(models.TextChoices):
        CHECKING = "checking", "Being checked"
        CHECKED = "checked", "Checked"
        APPLYING = "applying", "Being saved"
        APPLIED = "applied", "Saved"
        FAILED = "failed", "Not saved"
        CANCELLED = "cancelled", "Cancelled"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey("workforce.Organisation", on_delete=models.CASCADE, related_name="uploads")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.CHECKING)
    file_names = models.JSONField(default=list)
    rows_checked = models.JSONField(default=dict, help_text="file kind -> rows read")
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list, help_text="the first problems, to show on the page")
    report_csv = models.BinaryField(default=b"", help_text="the whole report, with the values given")
    changes = models.JSONField(default=dict, help_text="what applying the upload would change (or changed)")
    message = models.CharField(max_length=300, blank=True)
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]

    @property
    def is_busy(self) -> bool:
        return self.state in (self.State.CHECKING, self.State.APPLYING)

    @property
    def can_apply(self) -> bool:
        return self.state == self.State.CHECKED and self.error_count == 0


class UploadedFile(models.Model):
    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    content = models.BinaryField(default=b"")

    class Meta:
        ordering = ["pk"]
