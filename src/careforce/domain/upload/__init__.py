"""ASC-WDS bulk upload: read, validate, plan and export the workplace, staff and training files.

Pure domain code: no Django, no database. The web layer passes the uploaded files and a snapshot of the
account, shows the :class:`ValidationReport`, and on confirmation applies the :class:`ChangePlan` in one
transaction.

    result = read_upload([("staff.csv", data)], account, today)
    if not result.report.has_errors:
        plan = plan_changes(result, current_data)
"""

from careforce.domain.upload.crossfile import AccountSnapshot
from careforce.domain.upload.export import ExportedFiles, export_files
from careforce.domain.upload.layouts import FileKind
from careforce.domain.upload.neutralise import neutralise_cell, restore_cell
from careforce.domain.upload.plan import ChangePlan, CurrentData, RecordChanges, Update, plan_changes
from careforce.domain.upload.reading import DEFAULT_MAX_BYTES
from careforce.domain.upload.records import (
    COLUMN_FIELDS,
    DONT_KNOW,
    QualificationAchieved,
    StaffRow,
    Status,
    TrainingRecordRow,
    WorkerRecord,
    WorkplaceRecord,
    WorkplaceRow,
    id_key,
)
from careforce.domain.upload.report import Problem, ProblemGroup, Severity, ValidationReport
from careforce.domain.upload.validate import UploadResult, read_upload

__all__ = [
    "COLUMN_FIELDS",
    "DEFAULT_MAX_BYTES",
    "DONT_KNOW",
    "AccountSnapshot",
    "ChangePlan",
    "CurrentData",
    "ExportedFiles",
    "FileKind",
    "Problem",
    "ProblemGroup",
    "QualificationAchieved",
    "RecordChanges",
    "Severity",
    "StaffRow",
    "Status",
    "TrainingRecordRow",
    "Update",
    "UploadResult",
    "ValidationReport",
    "WorkerRecord",
    "WorkplaceRecord",
    "WorkplaceRow",
    "export_files",
    "id_key",
    "neutralise_cell",
    "plan_changes",
    "read_upload",
    "restore_cell",
]
