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
NI_JS = (
    "backend/server/routes/establishments/bulkUpload/validate/workers/validateWorkerUnderNationalInsuranceMaximum.js"
)
TRAINING_DOB_JS = "backend/server/routes/establishments/bulkUpload/validate/training/dobTrainingMismatch.js"

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
    elsewhere: tuple[tuple[str, str, int | None, str], ...] | None = None
    """If given, every problem in the other files, as ``(file, column, code, severity)``."""


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
    # staff: hours and zero-hours contracts (W002: care worker, ZEROHRCONT 2, CONTHOURS 37.5)
    Case(
        "ZEROHRCONT 999 with CONTHOURS 999",
        "staff",
        {"ZEROHRCONT": "999", "CONTHOURS": "999"},
        (("CONTHOURS/ZEROHRCONT", 1230, E),),
        f"{WORKER_JS} _validateZeroHourContract",
        row=1,
    ),
    Case(
        "ZEROHRCONT 1 with CONTHOURS 999",
        "staff",
        {"ZEROHRCONT": "1", "CONTHOURS": "999"},
        (("CONTHOURS/ZEROHRCONT", 1230, E), ("CONTHOURS", 3300, W)),
        f"{WORKER_JS} _validateZeroHourContract, _validateContHours",
        row=1,
    ),
    Case(
        "ZEROHRCONT 2 with CONTHOURS 999",
        "staff",
        {"CONTHOURS": "999"},
        (),
        f"{WORKER_JS} _validateZeroHourContract, _validateContHours",
        row=1,
    ),
    Case(
        "ZEROHRCONT not a code with CONTHOURS filled",
        "staff",
        {"ZEROHRCONT": "7"},
        (("ZEROHRCONT", 1230, E),),
        f"{WORKER_JS} _validateZeroHourContract",
        row=1,
    ),
    Case(
        "CONTHOURS filled with ZEROHRCONT blank",
        "staff",
        {"ZEROHRCONT": ""},
        (("ZEROHRCONT", 3230, W),),
        f"{WORKER_JS} _validateZeroHourContract",
        row=1,
    ),
    Case(
        "CONTHOURS 0 with ZEROHRCONT 2",
        "staff",
        {"CONTHOURS": "0"},
        (("CONTHOURS/ZEROHRCONT", 3230, W),),
        f"{WORKER_JS} _validateZeroHourContract",
        row=1,
    ),
    # staff: pay (W002 is paid hourly: SALARYINT 3, HOURLYRATE 12.60)
    Case(
        "SALARYINT 1 with only HOURLYRATE",
        "staff",
        {"SALARYINT": "1"},
        (("SALARYINT/HOURLYRATE", 1252, E),),
        f"{WORKER_JS} _validateSalary, _validateHourlyRate",
        row=1,
    ),
    Case(
        "SALARYINT blank with HOURLYRATE",
        "staff",
        {"SALARYINT": ""},
        (("SALARYINT/HOURLYRATE", 1252, E),),
        f"{WORKER_JS} _validateHourlyRate",
        row=1,
    ),
    Case(
        "SALARYINT 3 with SALARY",
        "staff",
        {"SALARY": "30000", "HOURLYRATE": ""},
        (("SALARYINT/SALARY", 1251, E),),
        f"{WORKER_JS} _validateSalary",
        row=1,
    ),
    Case(
        "SALARYINT not a code with SALARY",
        "staff",
        {"SALARYINT": "2", "SALARY": "30000", "HOURLYRATE": ""},
        (("SALARYINT", 1250, E),),
        f"{WORKER_JS} _validateSalaryInt, _validateSalary",
        row=1,
    ),
    Case(
        "SALARYINT 999 with SALARY",
        "staff",
        {"SALARYINT": "999", "SALARY": "30000", "HOURLYRATE": ""},
        (("SALARY", 3260, W),),
        f"{WORKER_JS} _validateSalary",
        row=1,
    ),
    Case(
        "SALARY under 500",
        "staff",
        {"SALARYINT": "1", "SALARY": "300", "HOURLYRATE": ""},
        (("SALARY", 1260, E),),
        f"{WORKER_JS} _validateSalary",
        row=1,
    ),
    Case(
        "HOURLYRATE not a number",
        "staff",
        {"HOURLYRATE": "a banana"},
        (("HOURLYRATE", 1270, E),),
        f"{WORKER_JS} _validateHourlyRate",
        row=1,
    ),
    Case(
        "SALARYINT 1 with neither SALARY nor HOURLYRATE",
        "staff",
        {"SALARYINT": "1", "HOURLYRATE": ""},
        (),
        f"{WORKER_JS} _validateSalary, _validateHourlyRate",
        row=1,
    ),
    # staff: dates of birth out of range are ignored but still used by the date checks
    Case(
        "DOB in the future",
        "staff",
        {"DOB": "01/01/2030"},
        (("DOB", 3080, W), ("STARTDATE", 3190, W), ("STARTINSECT", 3200, W)),
        f"{WORKER_JS} _validateDOB, _validateStartDate, _validateStartInsect; {TRAINING_DOB_JS}",
        elsewhere=(("training", "DATECOMPLETED", 1080, E),),
    ),
    Case(
        "DOB over 100 years ago",
        "staff",
        {"DOB": "01/01/1900"},
        (("DOB", 3080, W),),
        f"{WORKER_JS} _validateDOB",
        elsewhere=(),
    ),
    # staff: across workers
    Case(
        "one NI number over 75 hours in total",
        "staff",
        {"NINUMBER": "AB123456C", "CONTHOURS": "40"},
        (("NINUMBER", 5570, E),),
        f"{NI_JS} worksOverNationalInsuranceMaximum",
        row=1,
        also=(("NINUMBER", 5570, E),),
    ),
    Case(
        "one NI number, 75 hours in total",
        "staff",
        {"NINUMBER": "AB123456C"},
        (),
        f"{NI_JS} worksOverNationalInsuranceMaximum",
        row=1,
    ),
)
