"""An organisation's current data as the three ASC-WDS files: uploaded again, they change nothing.

A request for one file reads and writes only that file's records (the workplace file alone is a few
workplaces, the staff file alone never reads training), so each download is as quick as its own data allows.
"""

from __future__ import annotations

import io
import zipfile

from careforce.domain.upload import ExportedFiles, FileKind
from careforce.domain.upload.export import FILE_NAMES, write_staff_csv, write_training_csv, write_workplace_csv
from careforce.workforce import ascwds
from careforce.workforce.models import Workplace

from .stored import current_training, current_workers

# deflate's fastest level: the CSV text inside is the same, the archive a little larger (ADR 0130)
ZIP_LEVEL = 1


def workplace_file(organisation_id: int) -> bytes:
    workplaces = Workplace.objects.filter(organisation_id=organisation_id).order_by("local_identifier")
    text = io.StringIO()
    write_workplace_csv(text, [ascwds.workplace_record(w) for w in workplaces])
    return text.getvalue().encode("utf-8")


def staff_file(organisation_id: int) -> bytes:
    text = io.StringIO()
    write_staff_csv(text, [record for _pk, record in current_workers(organisation_id)])
    return text.getvalue().encode("utf-8")


def training_file(organisation_id: int) -> bytes:
    text = io.StringIO()
    write_training_csv(text, (row for _pk, row in current_training(organisation_id)))
    return text.getvalue().encode("utf-8")


_BUILDERS = {FileKind.WORKPLACE: workplace_file, FileKind.STAFF: staff_file, FileKind.TRAINING: training_file}


def file(organisation_id: int, kind: FileKind) -> bytes:
    """One of the three files, exactly as it is in :func:`files`."""
    return _BUILDERS[kind](organisation_id)


def files(organisation_id: int) -> ExportedFiles:
    return ExportedFiles(
        *(file(organisation_id, kind) for kind in (FileKind.WORKPLACE, FileKind.STAFF, FileKind.TRAINING))
    )


def zipped(organisation_id: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as archive:
        for kind, name in FILE_NAMES.items():
            archive.writestr(name, file(organisation_id, kind))
    return buffer.getvalue()
