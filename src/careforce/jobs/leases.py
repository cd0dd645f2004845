"""Leases: how a process shows it is still working on a job.

The process holding a job renews its lease every third of ``JOBS_LEASE_SECONDS`` (a heartbeat, from one
thread per process: ``careforce.jobs.keeper``). A lease that is not renewed expires; its job is then lost.
Leases are kept outside the database on purpose: a long upload save holds SQLite's one write lock, and a
heartbeat written to the database would wait for it.

* ``FileLeases`` (the embedded default, one machine): a file per job under ``$CAREFORCE_DATA_DIR/job-leases``
  holding the time it expires. Only leases of this machine are judged here.
* ``RedisLeases`` (``JOBS_BACKEND=rq``, any number of machines): a Redis key per job with a time to live.
"""

from __future__ import annotations

import math
import os
import socket
import time
from functools import cache
from pathlib import Path
from typing import Protocol

from django.conf import settings

HOST = socket.gethostname()


def holder_id() -> str:
    """This process, as recorded on the jobs it holds."""
    return f"{HOST}:{os.getpid()}"


def lease_seconds() -> float:
    return float(getattr(settings, "JOBS_LEASE_SECONDS", 30))


class Leases(Protocol):
    def hold(self, job_id: str, seconds: float) -> None: ...
    def release(self, job_id: str) -> None: ...
    def is_held(self, job_id: str) -> bool: ...
    def judges(self, holder: str) -> bool:
        """Whether this store can tell if ``holder``'s lease is alive."""
        ...


class FileLeases:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def _path(self, job_id: str) -> Path:
        return self.folder / str(job_id)

    def hold(self, job_id: str, seconds: float) -> None:
        path = self._path(job_id)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text(repr(time.time() + seconds))
        os.replace(partial, path)  # atomic: a reader sees the old expiry or the new one

    def release(self, job_id: str) -> None:
        self._path(job_id).unlink(missing_ok=True)

    def is_held(self, job_id: str) -> bool:
        try:
            return float(self._path(job_id).read_text()) > time.time()
        except (OSError, ValueError):
            return False

    def judges(self, holder: str) -> bool:
        return holder.rpartition(":")[0] == HOST


class RedisLeases:
    PREFIX = "careforce:job-lease:"

    def __init__(self, url: str) -> None:
        import redis

        self.redis = redis.Redis.from_url(url)

    def hold(self, job_id: str, seconds: float) -> None:
        self.redis.set(f"{self.PREFIX}{job_id}", holder_id(), px=math.ceil(seconds * 1000))

    def release(self, job_id: str) -> None:
        self.redis.delete(f"{self.PREFIX}{job_id}")

    def is_held(self, job_id: str) -> bool:
        return bool(self.redis.exists(f"{self.PREFIX}{job_id}"))

    def judges(self, holder: str) -> bool:
        return bool(holder)


@cache
def _store(backend: str, location: str) -> Leases:
    if backend == "rq":
        return RedisLeases(location)
    return FileLeases(Path(location))


def leases() -> Leases:
    """The lease store for the configured ``JOBS_BACKEND``."""
    backend = getattr(settings, "JOBS_BACKEND", "thread")
    if backend == "rq":
        return _store("rq", settings.REDIS_URL)
    return _store("file", str(Path(settings.DATA_DIR) / "job-leases"))
