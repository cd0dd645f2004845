"""Background jobs survive their process being killed mid-job: embedded (thread) and on RQ with Redis.

Each test runs the work in a real process with its own data folder (``crash_helper.py``), kills it with
SIGKILL in the middle of the job, and waits (polling, with a deadline) for what the person then sees.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
HELPER = HERE / "crash_helper.py"
DEADLINE = 60.0
"""Seconds to wait for a state; the lease in these processes is 1.5 seconds."""


def _env(folder: Path, backend: str, redis_url: str = "") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "USE_RQ")}
    env.update(
        CAREFORCE_DATA_DIR=str(folder),
        DJANGO_SETTINGS_MODULE="careforce.settings",
        JOBS_BACKEND=backend,
        JOBS_LEASE_SECONDS="1.5",
        CAREFORCE_LOCAL_HTTP="1",  # the test client speaks plain HTTP, as the local demo does
        PYTHONPATH=str(HERE),
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def _helper(env: dict[str, str], *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(HELPER), *args], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _wait_for(what: str, check: Callable[[], Any]) -> Any:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.2)  # polling interval while waiting for the state, not a wait standing in for it
    raise AssertionError(f"waited {DEADLINE:.0f}s for {what}")


def _kill(process: subprocess.Popen[str]) -> None:
    os.killpg(process.pid, signal.SIGKILL)  # the process and any children (RQ's work horse)
    process.wait(timeout=30)
    if process.stdout:
        process.stdout.close()


def test_an_upload_save_killed_mid_transaction_is_shown_as_stopped_with_nothing_saved(tmp_path):
    env = _env(tmp_path, "thread")
    subprocess.run([sys.executable, str(HELPER), "migrate-only", str(tmp_path)], env=env, check=False)
    process = subprocess.Popen(
        [sys.executable, str(HELPER), "start-upload", str(tmp_path)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        started = json.loads(process.stdout.readline())  # type: ignore[union-attr]
        _wait_for("the save to have written records inside its transaction", (tmp_path / "started").exists)
    finally:
        _kill(process)

    def stopped() -> dict[str, Any] | None:
        seen = _helper(env, "look-at-upload", str(tmp_path), started["upload"])
        return seen if seen["state"] == "failed" else None

    seen = _wait_for("the upload to show as stopped", stopped)
    assert seen["job"] == "failed"
    assert "Saving your upload stopped before it finished. Nothing was saved" in seen["page"]
    assert "Check the files again" in seen["page"] and "Cancel this upload" in seen["page"]
    assert "This page updates itself" not in seen["page"]
    assert seen["staff"] == started["staff"]  # the records written before the kill were never committed

    cancelled = _helper(env, "cancel-upload", str(tmp_path), started["upload"])
    assert cancelled == {"cancel": 302, "report": 200, "state": "cancelled", "kept_bytes": 0}


def _redis_url() -> str:
    url = os.environ.get("TEST_REDIS_URL") or os.environ.get("REDIS_URL", "")
    if not url:
        pytest.skip("needs Redis: runs in the PostgreSQL pass, where REDIS_URL is set (or set TEST_REDIS_URL)")
    return url


def test_a_job_whose_rq_worker_is_killed_is_queued_again_and_finished_by_another_worker(tmp_path):
    env = _env(tmp_path, "rq", _redis_url())
    job = _helper(env, "submit-hang-once", str(tmp_path))["job"]
    worker = subprocess.Popen(
        [sys.executable, "-m", "careforce.cli", "worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for("the worker to be halfway through the job", (tmp_path / "started").exists)
        horse = int(_helper(env, "reap-and-look", str(tmp_path), job)["holder"].rpartition(":")[2])
        os.kill(horse, signal.SIGKILL)  # RQ's work horse, in its own process group, doing the job
    finally:
        _kill(worker)  # type: ignore[arg-type]
    (tmp_path / "let-it-finish").touch()

    def queued_again() -> dict[str, Any] | None:
        seen = _helper(env, "reap-and-look", str(tmp_path), job)
        return seen if seen["status"] == "queued" else None

    assert _wait_for("the lost job to be queued again", queued_again)["attempts"] == 1
    subprocess.run(
        [sys.executable, "-m", "careforce.cli", "worker", "--burst"], env=env, check=True, capture_output=True
    )
    finished = _helper(env, "reap-and-look", str(tmp_path), job)
    assert finished["status"] == "done" and finished["attempts"] == 2 and finished["result"] == {"finished": True}
