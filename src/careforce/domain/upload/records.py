"""Typed records parsed from the three ASC-WDS files, in the sector's own vocabulary.

Codes are kept as the ASC-WDS bulk-upload ("BUDI") codes, including their "don't know" values
(``999`` almost everywhere, ``998`` for nationality and country of birth), so a record can be written
back out unchanged. :data:`COLUMN_FIELDS` is the one place that says which column fills which field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Final, Literal

from careforce.domain.reference import reference_key
from careforce.domain.upload.layouts import FileKind

DONT_KNOW: Final = 999
DontKnowCounts = Literal["dont_know"]
RoleCounts = dict[int, int] | DontKnowCounts | None
"""Per job role counts: a dict over ALLJOBROLES (all zeros = "None"), ``"dont_know"`` (a single 999) or
``None`` (not answered)."""


class Status(StrEnum):
    """What a row asks for (ASC-WDS STATUS)."""

    NEW = "NEW"
    UPDATE = "UPDATE"
    DELETE = "DELETE"
    UNCHECKED = "UNCHECKED"
    NOCHANGE = "NOCHANGE"


id_key = reference_key
"""How local identifiers are matched (all whitespace removed, as ASC-WDS does): ``reference.reference_key``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkplaceRecord:
    local_identifier: str
    name: str
    address_line_1: str
    address_line_2: str = ""
    address_line_3: str = ""
    post_town: str = ""
    postcode: str
    establishment_type: int
    establishment_type_other: str = ""
    share_with_cqc: int | None = None
    share_with_local_authority: int | None = None
    cqc_regulated: bool
    cqc_provider_id: str = ""
    cqc_location_id: str = ""
    main_service: int
    other_services: tuple[int, ...] = ()
    capacity: dict[int, int] = field(default_factory=dict)
    utilisation: dict[int, int] = field(default_factory=dict)
    service_descriptions: dict[int, str] = field(default_factory=dict)
    service_users: tuple[int, ...] = ()
    service_user_descriptions: dict[int, str] = field(default_factory=dict)
    staff_do_delegated_healthcare_activities: int | None = None
    delegated_healthcare_activities: tuple[int, ...] = ()
    total_perm_temp: int
    job_roles: tuple[int, ...] = ()
    starters: RoleCounts = None
    leavers: RoleCounts = None
    vacancies: RoleCounts = None
    reasons_for_leaving: dict[int, int] = field(default_factory=dict)
    repeat_training: int | None = None
    cwp_awareness: int | None = None
    cwp_use: int | None = None
    cwp_use_reasons: tuple[int, ...] = ()
    cwp_use_description: str = ""
    sick_pay: str | None = None
    pension: str | None = None
    pension_contribution_percent: Decimal | None = None
    pension_opt_out: int | None = None
    holiday_days: int | None = None
    sleep_ins: int | None = None
    sleep_in_pay: int | None = None
    travel_time_pay: int | None = None
    travel_time_rate: Decimal | None = None

    @property
    def all_services(self) -> tuple[int, ...]:
        return (self.main_service, *self.other_services)


@dataclass(frozen=True, slots=True)
class QualificationAchieved:
    code: int
    year: int | None
    notes: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkerRecord:
    workplace_local_identifier: str
    local_identifier: str
    name_or_id: str
    national_insurance_number: str = ""
    postcode: str = ""
    date_of_birth: date | None = None
    gender: int | None = None
    ethnicity: int | None = None
    nationality: int | None = None
    british_citizenship: int | None = None
    country_of_birth: int | None = None
    year_of_entry: int | None = None
    disability: int | None = None
    care_certificate: int | None = None
    level_2_care_certificate: int | None = None
    level_2_care_certificate_year: int | None = None
    recruitment_source: int | None = None
    health_and_care_visa: int | None = None
    employed_from_outside_uk: int | None = None
    start_date: date | None = None
    start_year_in_sector: int | None = None
    delegated_healthcare_activities: int | None = None
    apprenticeship: int | None = None
    contract_type: int
    zero_hours_contract: int | None = None
    days_sick: Decimal | None = None
    pay_interval: int | None = None
    annual_salary: int | None = None
    hourly_rate: Decimal | None = None
    main_job_role: int
    main_job_role_description: str = ""
    contracted_hours: Decimal | None = None
    average_hours: Decimal | None = None
    nmc_registration: int | None = None
    approved_mental_health_professional: int | None = None
    social_care_qualification: int | None = None
    social_care_qualification_level: int | None = None
    non_social_care_qualification: int | None = None
    non_social_care_qualification_level: int | None = None
    cwp_role_category: int | None = None
    qualifications: tuple[QualificationAchieved, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainingRecordRow:
    workplace_local_identifier: str
    worker_local_identifier: str
    category: int
    title: str = ""
    accredited: int | None = None
    delivered_by: int | None = None
    provider: int | None = None
    how_delivered: int | None = None
    validity_months: int | None = None
    does_not_expire: bool = False
    completed: date | None = None
    expires: date | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class WorkplaceRow:
    """One workplace-file row: its STATUS and, unless DELETE or NOCHANGE, the validated record."""

    row: int
    status: Status
    local_identifier: str
    record: WorkplaceRecord | None


@dataclass(frozen=True, slots=True)
class StaffRow:
    """One staff-file row: STATUS, keys, the validated record and the optional re-key or transfer."""

    row: int
    status: Status
    workplace_local_identifier: str
    local_identifier: str
    record: WorkerRecord | None
    new_local_identifier: str | None = None
    transfer_to: str | None = None


# Which record field(s) each column fills: the single source for the column <-> field mapping.
COLUMN_FIELDS: Final[Mapping[FileKind, Mapping[str, tuple[str, ...]]]] = {
    FileKind.WORKPLACE: {
        "LOCALESTID": ("local_identifier",),
        "STATUS": (),
        "ESTNAME": ("name",),
        "ADDRESS1": ("address_line_1",),
        "ADDRESS2": ("address_line_2",),
        "ADDRESS3": ("address_line_3",),
        "POSTTOWN": ("post_town",),
        "POSTCODE": ("postcode",),
        "ESTTYPE": ("establishment_type",),
        "OTHERTYPE": ("establishment_type_other",),
        "PERMCQC": ("share_with_cqc",),
        "PERMLA": ("share_with_local_authority",),
        "REGTYPE": ("cqc_regulated",),
        "PROVNUM": ("cqc_provider_id",),
        "LOCATIONID": ("cqc_location_id",),
        "MAINSERVICE": ("main_service",),
        "ALLSERVICES": ("other_services",),
        "CAPACITY": ("capacity",),
        "UTILISATION": ("utilisation",),
        "SERVICEDESC": ("service_descriptions",),
        "SERVICEUSERS": ("service_users",),
        "OTHERUSERDESC": ("service_user_descriptions",),
        "DHA": ("staff_do_delegated_healthcare_activities",),
        "DHAACTIVITIES": ("delegated_healthcare_activities",),
        "TOTALPERMTEMP": ("total_perm_temp",),
        "ALLJOBROLES": ("job_roles",),
        "STARTERS": ("starters",),
        "LEAVERS": ("leavers",),
        "VACANCIES": ("vacancies",),
        "REASONS": ("reasons_for_leaving",),
        "REASONNOS": ("reasons_for_leaving",),
        "REPEATTRAINING": ("repeat_training",),
        "CWPAWARE": ("cwp_awareness",),
        "CWPUSE": ("cwp_use", "cwp_use_reasons"),
        "CWPUSEDESC": ("cwp_use_description",),
        "SICKPAY": ("sick_pay",),
        "PENSION": ("pension",),
        "ACTUALCONT": ("pension_contribution_percent",),
        "OPTOUTPEN": ("pension_opt_out",),
        "HOLIDAY": ("holiday_days",),
        "SLEEPINS": ("sleep_ins",),
        "SLEEPINPAY": ("sleep_in_pay",),
        "TRAVELTIME": ("travel_time_pay",),
        "TTDIFFRATE": ("travel_time_rate",),
    },
    FileKind.STAFF: {
        "LOCALESTID": ("workplace_local_identifier",),
        "UNIQUEWORKERID": ("local_identifier",),
        "CHGUNIQUEWRKID": (),
        "TRANSFERSTAFFRECORD": (),
        "STATUS": (),
        "DISPLAYID": ("name_or_id",),
        "NINUMBER": ("national_insurance_number",),
        "POSTCODE": ("postcode",),
        "DOB": ("date_of_birth",),
        "GENDER": ("gender",),
        "ETHNICITY": ("ethnicity",),
        "NATIONALITY": ("nationality",),
        "BRITISHCITIZENSHIP": ("british_citizenship",),
        "COUNTRYOFBIRTH": ("country_of_birth",),
        "YEAROFENTRY": ("year_of_entry",),
        "DISABLED": ("disability",),
        "CARECERT": ("care_certificate",),
        "L2CARECERT": ("level_2_care_certificate", "level_2_care_certificate_year"),
        "RECSOURCE": ("recruitment_source",),
        "HANDCVISA": ("health_and_care_visa",),
        "INOUTUK": ("employed_from_outside_uk",),
        "STARTDATE": ("start_date",),
        "STARTINSECT": ("start_year_in_sector",),
        "DHA": ("delegated_healthcare_activities",),
        "APPRENTICE": ("apprenticeship",),
        "EMPLSTATUS": ("contract_type",),
        "ZEROHRCONT": ("zero_hours_contract",),
        "DAYSSICK": ("days_sick",),
        "SALARYINT": ("pay_interval",),
        "SALARY": ("annual_salary",),
        "HOURLYRATE": ("hourly_rate",),
        "MAINJOBROLE": ("main_job_role",),
        "MAINJRDESC": ("main_job_role_description",),
        "CONTHOURS": ("contracted_hours",),
        "AVGHOURS": ("average_hours",),
        "NMCREG": ("nmc_registration",),
        "AMHP": ("approved_mental_health_professional",),
        "SCQUAL": ("social_care_qualification", "social_care_qualification_level"),
        "NONSCQUAL": ("non_social_care_qualification", "non_social_care_qualification_level"),
        "CWPCATEGORY": ("cwp_role_category",),
        "QUALACHnn": ("qualifications",),
        "QUALACHnnNOTES": ("qualifications",),
    },
    FileKind.TRAINING: {
        "LOCALESTID": ("workplace_local_identifier",),
        "UNIQUEWORKERID": ("worker_local_identifier",),
        "CATEGORY": ("category",),
        "TRAININGNAME": ("title",),
        "ACCREDITED": ("accredited",),
        "WHODELIVERED": ("delivered_by",),
        "PROVIDERNAME": ("provider",),
        "HOWDELIVERED": ("how_delivered",),
        "VALIDITY": ("validity_months", "does_not_expire"),
        "DATECOMPLETED": ("completed",),
        "EXPIRYDATE": ("expires",),
        "NOTES": ("notes",),
    },
}
