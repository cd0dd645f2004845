"""Find jobs whose process stopped (killed, restarted, out of memory) and deal with them.

A job is lost when it is waiting or running, its holder's lease has expired, and this process can judge
that holder's lease (``Leases.judges``). With RQ a lost job is queued again, up to ``JOBS_MAX_ATTEMPTS``
starts in all: each work function is safe to run again (an upload is saved in one transaction, a
projection run rewrites its own results). Otherwise it is marked failed with a message that says nothing
was saved, and its owner is told (``Job.on_failure``), so the person can start again or cancel.

It runs when ``careforce worker`` and ``careforce serve`` start, every half lease in processes holding
jobs, and when someone opens a job's page (at most every few seconds per process).
"""

from __future__ import annotations

import importlib
import logging
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from .leases import lease_seconds, leases
from .models import Job

log = logging.getLogger(__name__)
LOST = "This stopped before it finished because the process doing it stopped (for example, the server restarted)."
_last_reap = 0.0


def call_on_failure(job: Job, message: str) -> None:
    """Tell the job's owner (an upload, a projection run) that the job failed, so it can say so.

    The handler may return a link (``{"url": ..., "link_text": ...}``) to where the person can start again
    or cancel; the job's page shows it.
    """
    if not job.on_failure:
        return
    module_name, _, name = job.on_failure.rpartition(".")
    try:
        link = getattr(importlib.import_module(module_name), name)(message=message, **job.arguments)
    except Exception:  # noqa: BLE001 - the job itself is already marked failed
        log.exception("the failure handler of job %s failed", job.pk)
        return
    if link:
        Job.objects.filter(pk=job.pk).update(result=link)


def reap_lost_jobs(*, at_most_every: float = 0.0) -> list[str]:
    """Start again or fail every lost job this process can judge; the ids of those dealt with."""
    global _last_reap
    now = time.monotonic()
    if at_most_every and now - _last_reap < at_most_every:
        return []
    _last_reap = now
    store = leases()
    # a waiting job gets its lease when its transaction commits: give it one lease to appear
    settled = timezone.now() - timedelta(seconds=lease_seconds())
    candidates = Job.objects.filter(status__in=[Job.Status.QUEUED, Job.Status.RUNNING]).exclude(holder="")
    dealt_with = []
    for job in candidates.only("pk", "status", "holder", "attempts", "created_at", "on_failure", "arguments"):
        if job.status == Job.Status.QUEUED and job.created_at > settled:
            continue
        if not store.judges(job.holder) or store.is_held(str(job.pk)):
            continue
        if _start_again(job) or _fail(job):
            dealt_with.append(str(job.pk))
    return dealt_with


def _start_again(job: Job) -> bool:
    if settings.JOBS_BACKEND != "rq" or job.attempts >= int(getattr(settings, "JOBS_MAX_ATTEMPTS", 2)):
        return False
    if not _still(job).update(status=Job.Status.QUEUED, holder="", message="Starting again"):
        return False
    from .runner import enqueue_on_redis

    log.warning("job %s was lost by %s: queued again (attempt %d)", job.pk, job.holder, job.attempts + 1)
    enqueue_on_redis(str(job.pk))
    return True


def _fail(job: Job) -> bool:
    if not _still(job).update(status=Job.Status.FAILED, message=LOST, finished_at=timezone.now()):
        return False
    log.warning("job %s was lost by %s: marked failed", job.pk, job.holder)
    call_on_failure(job, LOST)
    return True


def _still(job: Job) -> Any:
    """The job, only if nobody has moved it on since it was read (the update is then a no-op)."""
    return Job.objects.filter(pk=job.pk, status=job.status, holder=job.holder)
