"""Run jobs off the request.

``JOBS_BACKEND`` chooses how: ``thread`` (the embedded default: a small pool inside the web
process), ``rq`` (production: a Redis queue, consumed by ``careforce worker``), or ``immediate``
(run when the submitting transaction commits, in the same thread: tests and command-line tools).
The work function takes its stored arguments plus ``progress(percent, message)`` and returns a
JSON-serialisable result.

A job is claimed before it runs (``queued`` to ``running``, in one conditional update), so a job delivered
twice (RQ delivers at least once; the reaper queues lost jobs again) runs once at a time and never after it
finished. While it runs, its process holds its lease (``leases``, ``keeper``); see ``reaper`` for what
happens when that process dies.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import F
from django.utils import timezone

from .keeper import keeper
from .leases import holder_id
from .models import Job
from .reaper import call_on_failure

log = logging.getLogger(__name__)
_pool: ThreadPoolExecutor | None = None
FAILED = "The job failed"


def submit(
    kind: str,
    title: str,
    function: str,
    arguments: dict[str, Any],
    created_by: Any = None,
    on_failure: str = "",
) -> Job:
    """Record a job and start it once the current transaction commits.

    ``on_failure`` is the dotted path of a function called with ``message`` and the job's arguments when
    the job fails or its process dies, so the thing it works on (an upload, a run) can say what happened.
    """
    local = _backend() != "rq"
    job = Job.objects.create(
        kind=kind,
        title=title,
        function=function,
        arguments=arguments,
        on_failure=on_failure,
        holder=holder_id() if local else "",
        created_by=created_by if getattr(created_by, "pk", None) else None,
    )
    transaction.on_commit(lambda: _dispatch(str(job.pk)))
    return job


def _backend() -> str:
    return str(getattr(settings, "JOBS_BACKEND", "thread"))


def _dispatch(job_id: str) -> None:
    backend = _backend()
    if backend == "rq":
        enqueue_on_redis(job_id)
        return
    keeper.hold(job_id)  # this process holds the waiting job: if it dies, the job is lost, not stuck
    if backend == "immediate":
        execute(job_id)
        return
    keeper.reap_periodically()
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


def enqueue_on_redis(job_id: str) -> None:
    queue().enqueue(execute, job_id, job_timeout=3600, failure_ttl=7 * 24 * 3600)


def execute(job_id: str) -> None:
    """Claim one job and run it, recording progress, the result, or the failure."""
    keeper.hold(job_id)  # the lease comes first, so the job is never running without one
    me = holder_id()
    try:
        claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING, progress=0, holder=me, attempts=F("attempts") + 1
        )
        if not claimed:
            log.info("job %s is not waiting (already running or finished): not run again", job_id)
            return
        _run(Job.objects.get(pk=job_id), me)
    finally:
        keeper.release(job_id)


def _run(job: Job, me: str) -> None:
    module_name, _, name = job.function.rpartition(".")
    work: Callable[..., Any] = getattr(importlib.import_module(module_name), name)
    mine = Job.objects.filter(pk=job.pk, holder=me)

    def progress(percent: int, message: str = "") -> None:
        mine.update(progress=max(0, min(100, int(percent))), message=message[:300])

    try:
        result = work(progress=progress, **job.arguments)
    except Exception as error:  # noqa: BLE001 - any failure is recorded on the job for the user to see
        log.exception("job %s failed", job.pk)
        message = str(error)[:300] or FAILED
        mine.update(status=Job.Status.FAILED, message=message, finished_at=timezone.now())
        call_on_failure(job, message)
        return
    # the work is done and kept: that is the truth, even if a reaper judged this process lost meanwhile
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE, progress=100, result=result or {}, finished_at=timezone.now()
    )
