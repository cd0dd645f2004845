"""The parity corpus: one small case per ASC-WDS bulk-upload rule, with the verdict and codes ASC-WDS gives.

Each case starts from the valid sample files (``factory.sample_records``, every row STATUS NEW), changes a few
cells of one row, and lists every problem ASC-WDS reports on that row as ``(column, code, severity)``. ``source``
names the rule in Skills for Care's public repository NMDSdevopsServiceAdm/SopraSteria-SFC (file and function),
read to learn the rule; no code is copied. ``differs`` marks a case where careforce deliberately differs from
ASC-WDS (ADR 0060 lists each): the expected problems are then careforce's, and the reason is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

WORKPLACE_JS = "backend/server/models/BulkImport/csv/workplaceCSVValidator.js"
WORKER_JS = "lambdas/bulkUpload/classes/workerCSVValidator.js"
TRAINING_JS = "lambdas/bulkUpload/classes/trainingCSVValidator.js"
CROSS_JS = "backend/server/models/BulkImport/csv/crossValidate.js"

Expected = tuple[tuple[str, int | None, str], ...]


@dataclass(frozen=True)
class Case:
    name: str
    file: str  # "workplace", "staff" or "training"
    cells: dict[str, str]
    expected: Expected
    source: str
    row: int = 0  # which record of the file: staff rows are W001 (registered manager), W002, W003
    others: dict[int, dict[str, str]] = field(default_factory=dict)
    """Cells to change on other rows of the same file (cross-row rules)."""
    also: Expected = ()
    """Problems ASC-WDS reports on the other rows changed."""
    differs: str = ""


E, W = "error", "warning"

CASES: tuple[Case, ...] = (
    Case("valid sample workplace", "workplace", {}, (), f"{WORKPLACE_JS} validate"),
    Case("valid sample staff record", "staff", {}, (), f"{WORKER_JS} validate"),
    Case("valid sample training record", "training", {}, (), f"{TRAINING_JS} validate"),
    Case(
        "ALLSERVICES of two with SERVICEDESC blank",
        "workplace",
        {"SERVICEDESC": ""},
        (("ALLSERVICES/CAPACITY/UTILISATION/SERVICEDESC", 1120, E),),
        f"{WORKPLACE_JS} _validateAllServices",
    ),
    Case(
        "ALLSERVICES of two with SERVICEDESC of two items",
        "workplace",
        {"SERVICEDESC": ";"},
        (),
        f"{WORKPLACE_JS} _validateAllServices",
    ),
    Case(
        "one service, SERVICEDESC blank",
        "workplace",
        {"ALLSERVICES": "2", "CAPACITY": "40", "UTILISATION": "36", "SERVICEDESC": ""},
        (),
        f"{WORKPLACE_JS} _validateAllServices, _checkForTrailingSemiColon",
    ),
    Case(
        "CAPACITY with fewer items than ALLSERVICES",
        "workplace",
        {"CAPACITY": "40", "UTILISATION": "36"},
        (("CAPACITY/UTILISATION", 1140, E),),
        f"{WORKPLACE_JS} _validateCapacitiesAndUtilisations",
    ),
    Case(
        "SERVICEUSERS of two with OTHERUSERDESC blank",
        "workplace",
        {"SERVICEUSERS": "1;2", "OTHERUSERDESC": ""},
        (("SERVICEUSERS/OTHERUSERDESC", 1130, E),),
        f"{WORKPLACE_JS} _validateServiceUsers",
    ),
    Case(
        "one service user, OTHERUSERDESC blank",
        "workplace",
        {"SERVICEUSERS": "1", "OTHERUSERDESC": ""},
        (),
        f"{WORKPLACE_JS} _validateServiceUsers",
    ),
)
