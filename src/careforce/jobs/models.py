"""A piece of work that runs off the request (bulk uploads, projection runs), with visible progress.

A job that is waiting or running is held by one process (``holder``: host and process id), which keeps a
lease on it alive with a heartbeat (``careforce.jobs.leases``). A job whose holder stopped without
finishing it is lost: the reaper (``careforce.jobs.reaper``) starts it again where that is safe, or marks it
failed and tells its owner (``on_failure``), so nobody waits for ever.
"""

import uuid

from django.conf import settings
from django.db import models


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=50)
    title = models.CharField(max_length=200)
    function = models.CharField(max_length=200, help_text="dotted path of the function that does the work")
    arguments = models.JSONField(default=dict)
    on_failure = models.CharField(
        max_length=200,
        blank=True,
        help_text="dotted path of a function called with the arguments and a message when the job fails or is lost",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    result = models.JSONField(default=dict, blank=True)
    holder = models.CharField(max_length=200, blank=True, help_text="host:pid of the process holding the job")
    attempts = models.PositiveSmallIntegerField(default=0, help_text="times a process has started the work")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status"], name="jobs_job_status")]

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
