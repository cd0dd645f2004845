"""A process for the crash tests to kill: it does real work in its own data folder, then is killed mid-job.

Run as ``python crash_helper.py COMMAND DATA_DIR [ARG]`` with ``CAREFORCE_DATA_DIR=DATA_DIR``; each command
prints one JSON line. ``hang_once`` is also a job work function the RQ worker imports (``PYTHONPATH``).
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from typing import Any

MANAGER = "manager@crash.test"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "upload"


def hang_once(progress: Any, folder: str) -> dict[str, bool]:
    """Half the work, then wait to be killed; once ``folder/let-it-finish`` exists, finish."""
    progress(50, "Halfway")
    if not (Path(folder) / "let-it-finish").exists():
        (Path(folder) / "started").touch()
        threading.Event().wait()
    return {"finished": True}


def _say(answer: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


def _setup() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _manager() -> Any:
    from careforce.accounts.models import User
    from careforce.domain.access import Role
    from careforce.workforce.models import Organisation

    organisation, _ = Organisation.objects.get_or_create(name="Crash Test Care")
    user, _ = User.objects.get_or_create(
        username=MANAGER, defaults={"role": Role.PROVIDER_MANAGER, "organisation": organisation, "email": MANAGER}
    )
    return user


def _client() -> Any:
    from django.test import Client

    client = Client()
    client.force_login(_manager())
    return client


def _staff() -> int:
    from careforce.workforce.models import Worker

    return Worker.objects.filter(workplace__organisation__name="Crash Test Care", left_on__isnull=True).count()


def start_upload_then_hang(folder: Path) -> None:
    """Upload three files, check them in the background, confirm, and hang inside the save's transaction."""
    import io
    import time

    from careforce.uploads import services, workflow
    from careforce.uploads.models import Upload

    workflow.IN_REQUEST_BYTES = 0  # every upload is a background job here
    client = _client()
    handles = []
    for name in ("workplace.csv", "staff.csv", "training.csv"):
        handle = io.BytesIO((FIXTURES / name).read_bytes())
        handle.name = name
        handles.append(handle)
    client.post("/provider/upload/", {"files": handles})
    upload = Upload.objects.latest("created_at")
    deadline = time.monotonic() + 60
    while Upload.objects.get(pk=upload.pk).is_busy and time.monotonic() < deadline:
        time.sleep(0.1)  # the check runs in this process's job thread
    if not Upload.objects.get(pk=upload.pk).can_apply:
        raise SystemExit("the files could not be checked")
    real = services.apply_plan  # type: ignore[attr-defined]

    def apply_then_hang(*args: Any, **kwargs: Any) -> Any:
        real(*args, **kwargs)
        (folder / "started").write_text("records written, not committed")
        threading.Event().wait()

    services.apply_plan = apply_then_hang  # type: ignore[assignment, attr-defined]
    _say({"upload": str(upload.pk), "staff": _staff()})
    client.post(f"/provider/upload/{upload.pk}/confirm")
    threading.Event().wait()  # until the test kills this process


def look_at_upload(upload_id: str) -> None:
    """What the manager sees on the upload's page now (opening it looks for lost jobs)."""
    from careforce.uploads.models import Upload

    page = _client().get(f"/provider/upload/{upload_id}").content.decode()
    upload = Upload.objects.select_related("job").get(pk=upload_id)
    _say({"state": upload.state, "job": upload.job.status, "page": page, "staff": _staff()})


def cancel_upload(upload_id: str) -> None:
    from careforce.uploads.models import Upload

    client = _client()
    cancelled = client.post(f"/provider/upload/{upload_id}/cancel")
    report = client.get(f"/provider/upload/{upload_id}/report.csv")
    upload = Upload.objects.get(pk=upload_id)
    kept = sum(len(bytes(f.content)) for f in upload.files.all())
    _say({"cancel": cancelled.status_code, "report": report.status_code, "state": upload.state, "kept_bytes": kept})


def submit_hang_once(folder: Path) -> None:
    from django.db import transaction

    from careforce.jobs.runner import queue, submit

    queue().empty()
    with transaction.atomic():
        job = submit("test", "Hang once", "crash_helper.hang_once", {"folder": str(folder)}, _manager())
    _say({"job": str(job.pk)})


def reap_and_look(job_id: str) -> None:
    from careforce.jobs.models import Job
    from careforce.jobs.reaper import reap_lost_jobs

    reap_lost_jobs()
    job = Job.objects.get(pk=job_id)
    seen = {"status": job.status, "attempts": job.attempts, "result": job.result, "message": job.message}
    _say({**seen, "holder": job.holder})


if __name__ == "__main__":
    command, folder, *rest = sys.argv[1:]
    _setup()
    {
        "migrate-only": lambda: _say({}),
        "start-upload": lambda: start_upload_then_hang(Path(folder)),
        "look-at-upload": lambda: look_at_upload(rest[0]),
        "cancel-upload": lambda: cancel_upload(rest[0]),
        "submit-hang-once": lambda: submit_hang_once(Path(folder)),
        "reap-and-look": lambda: reap_and_look(rest[0]),
    }[command]()
