"""Run jobs off the request.

``JOBS_BACKEND`` chooses how: ``thread`` (the embedded default: a small pool inside the web
process), ``rq`` (production: a Redis queue, consumed by ``careforce worker``), or ``immediate``
(run when the submitting transaction commits, in the same thread: tests and command-line tools).
The work function takes its stored arguments plus ``progress(percent, message)`` and returns a
JSON-serialisable result.
"""

from __future__ import annotations

import importlib
import logging
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone

from .models import Job

log = logging.getLogger(__name__)
_pool: ThreadPoolExecutor | None = None


def submit(kind: str, title: str, function: str, arguments: dict[str, Any], created_by: Any = None) -> Job:
    """Record a job and start it once the current transaction commits."""
    job = Job.objects.create(
        kind=kind,
        title=title,
        function=function,
        arguments=arguments,
        created_by=created_by if getattr(created_by, "pk", None) else None,
    )
    transaction.on_commit(lambda: _dispatch(str(job.pk)))
    return job


def _dispatch(job_id: str) -> None:
    backend = getattr(settings, "JOBS_BACKEND", "thread")
    if backend == "immediate":
        execute(job_id)
    elif backend == "rq":
        queue().enqueue(execute, job_id, job_timeout=3600)
    else:
        global _pool
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="careforce-job")
        _pool.submit(_in_thread, job_id)


def _in_thread(job_id: str) -> None:
    close_old_connections()
    try:
        execute(job_id)
    finally:
        close_old_connections()


def queue() -> Any:
    import redis
    from rq import Queue

    return Queue("careforce", connection=redis.Redis.from_url(settings.REDIS_URL))


def execute(job_id: str) -> None:
    """Run one job, recording progress, the result, or the failure."""
    job = Job.objects.get(pk=job_id)
    Job.objects.filter(pk=job_id).update(status=Job.Status.RUNNING, progress=0)
    module_name, _, name = job.function.rpartition(".")
    work: Callable[..., Any] = getattr(importlib.import_module(module_name), name)

    def progress(percent: int, message: str = "") -> None:
        Job.objects.filter(pk=job_id).update(progress=max(0, min(100, int(percent))), message=message[:300])

    try:
        result = work(progress=progress, **job.arguments)
    except Exception as error:  # noqa: BLE001 - any failure is recorded on the job for the user to see
        log.error("job %s failed: %s", job_id, traceback.format_exc())
        Job.objects.filter(pk=job_id).update(
            status=Job.Status.FAILED, message=str(error)[:300] or "The job failed", finished_at=timezone.now()
        )
        return
    Job.objects.filter(pk=job_id).update(
        status=Job.Status.DONE, progress=100, result=result or {}, finished_at=timezone.now()
    )
