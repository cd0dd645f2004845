"""One thread per process that keeps the leases of the jobs this process holds alive (the heartbeat).

It also looks for lost jobs now and then (``reaper.reap_lost_jobs``), so a job left behind by a process
that died is dealt with even when nobody opens its page, and runs other periodic work (``every``: the
worker's housekeeping). Forked processes (RQ's work horses) start their
own thread: threads do not survive ``fork``.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable

from django.db import connections

from .leases import lease_seconds, leases

log = logging.getLogger(__name__)


class Keeper:
    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._held: set[str] = set()
        self._lock = threading.Lock()
        self._pid = 0
        self._periodic: dict[str, tuple[Callable[[], float], Callable[[], object]]] = {}

    def hold(self, job_id: str) -> None:
        """Take the lease on ``job_id`` now and keep renewing it until ``release``."""
        leases().hold(job_id, lease_seconds())
        with self._lock:
            self._held.add(job_id)
        self._start()

    def release(self, job_id: str) -> None:
        with self._lock:
            self._held.discard(job_id)
        leases().release(job_id)

    def reap_periodically(self) -> None:
        """Also look for lost jobs every half lease (``careforce worker`` and web processes holding jobs)."""
        from .reaper import reap_lost_jobs

        self.every("reap lost jobs", lambda: lease_seconds() / 2, reap_lost_jobs)

    def every(self, name: str, seconds: Callable[[], float], work: Callable[[], object]) -> None:
        """Run ``work`` about every ``seconds()`` from this process's keeper thread (first after one period)."""
        with self._lock:
            self._periodic[name] = (seconds, work)
        self._start()

    def held(self) -> set[str]:
        with self._lock:
            return set(self._held)

    def _start(self) -> None:
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
        threading.Thread(target=self._beat, name="careforce-job-lease", daemon=True).start()

    def _beat(self) -> None:
        last_run: dict[str, float] = {}
        while True:
            seconds = lease_seconds()
            time.sleep(seconds / 3)  # the heartbeat's period, not a wait for something to happen
            for job_id in self.held():
                try:
                    leases().hold(job_id, seconds)
                except Exception:  # noqa: BLE001 - a missed beat is retried at the next one
                    log.warning("could not renew the lease of job %s", job_id, exc_info=True)
            with self._lock:
                periodic = dict(self._periodic)
            for name, (period, work) in periodic.items():
                started = last_run.setdefault(name, time.monotonic())
                if time.monotonic() - started < period():
                    continue
                last_run[name] = time.monotonic()
                try:
                    work()
                except Exception:  # noqa: BLE001 - tried again next period
                    log.warning("%s failed", name, exc_info=True)
                finally:
                    connections.close_all()  # this thread's own connection


keeper = Keeper()
os.register_at_fork(after_in_child=keeper._reset)
