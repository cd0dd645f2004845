"""An organisation's current data as the three ASC-WDS files: uploaded again, they change nothing."""

from __future__ import annotations

import io
import zipfile

from careforce.domain.upload import ExportedFiles, export_files
from careforce.domain.upload.export import FILE_NAMES
from careforce.workforce import ascwds
from careforce.workforce.models import Workplace

from .stored import current_training, current_workers


def files(organisation_id: int) -> ExportedFiles:
    workplaces = Workplace.objects.filter(organisation_id=organisation_id).order_by("local_identifier")
    return export_files(
        [ascwds.workplace_record(w) for w in workplaces],
        [record for _pk, record in current_workers(organisation_id)],
        (row for _pk, row in current_training(organisation_id)),
    )


def zipped(organisation_id: int) -> bytes:
    exported = files(organisation_id)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for kind, name in FILE_NAMES.items():
            archive.writestr(name, getattr(exported, kind.value))
    return buffer.getvalue()
