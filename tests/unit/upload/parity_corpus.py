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
PART_TIME_JS = "backend/server/routes/establishments/bulkUpload/validate/workers/validatePartTimeSalaryNotEqualToFTE.js"
HEADERS_JS = "backend/server/routes/establishments/bulkUpload/validate/headers/worker.js"
WHICH_FILE_JS = "backend/server/routes/establishments/bulkUpload/whichFile.js"
FILES_JS = "backend/server/routes/establishments/bulkUpload/validate/validateBulkUploadFiles.js"
ANNUAL = {"SALARYINT": "1", "SALARY": "24000", "HOURLYRATE": ""}

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
    # staff: part-time pay against full-time pay (W002 and W003 are care workers, W003 on 37.5 hours)
    Case(
        "part-time on the same annual salary as a full-timer in the same role",
        "staff",
        {**ANNUAL, "CONTHOURS": "20"},
        (("SALARY", 1260, W),),
        f"{PART_TIME_JS} validatePartTimeSalaryNotEqualToFTE",
        row=1,
        others={2: ANNUAL},
    ),
    Case(
        "part-time on a different annual salary from a full-timer in the same role",
        "staff",
        {**ANNUAL, "CONTHOURS": "20", "SALARY": "18000"},
        (),
        f"{PART_TIME_JS} validatePartTimeSalaryNotEqualToFTE",
        row=1,
        others={2: ANNUAL},
    ),
    Case(
        "part-time on the same salary as a full-timer paid hourly",
        "staff",
        {**ANNUAL, "CONTHOURS": "20"},
        (),
        f"{PART_TIME_JS} validatePartTimeSalaryNotEqualToFTE",
        row=1,
    ),
    Case(
        "36.5 hours on an annual salary, nobody else on it",
        "staff",
        {**ANNUAL, "CONTHOURS": "36.5"},
        (),
        f"{PART_TIME_JS} validatePartTimeSalaryNotEqualToFTE",
        row=1,
        differs="ASC-WDS compares the record with itself (both under 37 and over 36 hours) and warns 1260",
    ),
    # training: VALIDITY and EXPIRYDATE (the first record: VALIDITY 12, 15/01/2026 to 14/01/2027, external provider)
    Case(
        "VALIDITY None (capital N)",
        "training",
        {"VALIDITY": "None"},
        (("VALIDITY", 1110, E),),
        f"{TRAINING_JS} _validateValidity",
    ),
    Case(
        "VALIDITY none with an EXPIRYDATE",
        "training",
        {"VALIDITY": "none"},
        (("EXPIRYDATE/VALIDITY", 2110, W),),
        f"{TRAINING_JS} _validateValidity, _handleValidityAsNone",
    ),
    Case(
        "VALIDITY none without an EXPIRYDATE",
        "training",
        {"VALIDITY": "none", "EXPIRYDATE": ""},
        (),
        f"{TRAINING_JS} _handleValidityAsNone",
    ),
    Case(
        "EXPIRYDATE other than VALIDITY months after DATECOMPLETED",
        "training",
        {"EXPIRYDATE": "01/03/2027"},
        (("EXPIRYDATE/VALIDITY", 2110, W),),
        f"{TRAINING_JS} _matchUpWithExpiryDate",
    ),
    Case(
        "VALIDITY 1",
        "training",
        {"VALIDITY": "1", "EXPIRYDATE": ""},
        (("VALIDITY", 1110, E),),
        f"{TRAINING_JS} _validateValidity (more than 1)",
    ),
    Case(
        "VALIDITY 12 months, in words",
        "training",
        {"VALIDITY": "12 months"},
        (),
        f"{TRAINING_JS} _validateValidity (parseInt)",
    ),
    Case(
        "EXPIRYDATE before DATECOMPLETED",
        "training",
        {"EXPIRYDATE": "01/01/2026", "VALIDITY": ""},
        (("EXPIRYDATE/DATECOMPLETED", 1030, E),),
        f"{TRAINING_JS} _validateExpiry",
    ),
    Case(
        "EXPIRYDATE before DATECOMPLETED with VALIDITY",
        "training",
        {"EXPIRYDATE": "01/01/2026"},
        (("EXPIRYDATE/DATECOMPLETED", 1030, E),),
        f"{TRAINING_JS} _validateExpiry, _matchUpWithExpiryDate",
    ),
    Case(
        "PROVIDERNAME with WHODELIVERED 1 (in-house)",
        "training",
        {"WHODELIVERED": "1"},
        (("WHODELIVERED/PROVIDERNAME", 2090, W),),
        f"{TRAINING_JS} _validateProviderName",
    ),
    # formula-looking text is text to ASC-WDS: stored as given, neutralised on export
    Case(
        "DISPLAYID that starts with =",
        "staff",
        {"DISPLAYID": '=HYPERLINK("http://example.invalid")'},
        (),
        f"{WORKER_JS} _validateDisplayId",
    ),
    Case("DISPLAYID -", "staff", {"DISPLAYID": "-"}, (), f"{WORKER_JS} _validateDisplayId"),
    Case(
        "training NOTES that start with + or @",
        "training",
        {"NOTES": "+44 121 496 0000 @reception"},
        (),
        f"{TRAINING_JS} _validateNotes",
    ),
    Case(
        "ESTNAME that starts with @",
        "workplace",
        {"ESTNAME": "@Home Care"},
        (),
        f"{WORKPLACE_JS} _validateEstablishmentName",
    ),
)


@dataclass(frozen=True)
class FileCase:
    """A verdict on a whole file: ``change`` turns the valid sample file into the case's file."""

    name: str
    file: str
    change: str  # "header:OLD>NEW", "header only", "bom", "cp1252", "semicolons"
    refused: bool
    code: int | None
    source: str
    differs: str = ""


FILE_CASES: tuple[FileCase, ...] = (
    FileCase(
        "staff header with a misspelt column",
        "staff",
        "header:NINUMBER>NI_NUMBER",
        True,
        999,
        f"{HEADERS_JS} validateWorkerHeaders",
    ),
    FileCase(
        "staff header without a column",
        "staff",
        "header:,DAYSSICK>",
        True,
        999,
        f"{HEADERS_JS} validateWorkerHeaders",
    ),
    FileCase(
        "training header in small letters",
        "training",
        "header:CATEGORY>category",
        False,
        None,
        "backend/server/routes/establishments/bulkUpload/validate/headers/training.js validateTrainingHeaders",
        differs="ASC-WDS compares the header exactly and refuses the file; careforce reads it and warns",
    ),
    FileCase(
        "staff file with a header and no rows",
        "staff",
        "header only",
        False,
        None,
        f"{FILES_JS} validateBulkUploadFiles",
    ),
    FileCase(
        "training file with a header and no rows",
        "training",
        "header only",
        False,
        None,
        f"{FILES_JS} validateBulkUploadFiles",
    ),
    FileCase(
        "workplace file that starts with a byte-order mark",
        "workplace",
        "bom",
        False,
        None,
        f"{WHICH_FILE_JS} getFileType",
        differs="ASC-WDS does not recognise the file; careforce reads it and warns how to save it",
    ),
    FileCase(
        "staff file saved as Windows-1252",
        "staff",
        "cp1252",
        False,
        None,
        f"{WHICH_FILE_JS} getFileType",
        differs="ASC-WDS reads it as UTF-8 and garbles £ and accents; careforce reads it and warns how to save it",
    ),
    FileCase(
        "staff file separated by semicolons",
        "staff",
        "semicolons",
        False,
        None,
        f"{HEADERS_JS} validateWorkerHeaders",
        differs="ASC-WDS refuses the header; careforce reads it and warns how to save it",
    ),
)
