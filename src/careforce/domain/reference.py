"""Reference data shipped inside the package: ASC-WDS code lists and the region's areas.

Loaded once from the CSV files under ``careforce/data`` (each folder has a README of provenance)
and returned as small typed, immutable objects. Nothing here touches a database.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path

DATA_PACKAGE = "careforce"
REGION_CODE = "E12000005"
REGION_NAME = "West Midlands"
ENGLAND_CODE = "E92000001"


# ---- codes, limits and identifiers named once ---------------------------------------------------------
# Each is an ASC-WDS bulk-upload code (its code list under careforce/data/ascwds names it) or limit, used
# by the web forms, the upload rules, the measures and the demo alike: change it here, and only here.

HEAD_OFFICE = 72
"""MAINSERVICE 72, "Head office services" (main_services.csv): a workplace that provides no care itself."""

SENIOR_MANAGEMENT = 1
REGISTERED_MANAGER = 4
SOCIAL_WORKER = 6
REGISTERED_NURSE = 16
"""MAINJOBROLE codes (job_roles.csv) that rules single out: 4 "Registered manager" and so on."""

PERMANENT, TEMPORARY, POOL_BANK, AGENCY, OTHER_CONTRACT = 1, 2, 3, 4, 7
"""EMPLSTATUS codes (contract_type in enumerations.csv)."""

PERMANENT_OR_TEMPORARY = frozenset({PERMANENT, TEMPORARY})
"""The contracts that have contracted hours (CONTHOURS) and count in TOTALPERMTEMP, turnover and vacancy rates;
the others (pool or bank, agency, other) have average hours (AVGHOURS)."""

MAX_WEEKLY_HOURS = 75
"""Most hours a week on one record (CONTHOURS and AVGHOURS 0–75), and across the records that share an NI number."""

CARE_CERTIFICATE_COMPLETED, CARE_CERTIFICATE_NOT_STARTED, CARE_CERTIFICATE_IN_PROGRESS = 1, 2, 3
"""CARECERT codes (care_certificate in enumerations.csv)."""

CARE_CERTIFICATE_CHOICES: tuple[tuple[int, str], ...] = (
    (CARE_CERTIFICATE_NOT_STARTED, "Not started"),
    (CARE_CERTIFICATE_IN_PROGRESS, "In progress"),
    (CARE_CERTIFICATE_COMPLETED, "Completed"),
)
"""The Care Certificate answers as a person gives them on a question page, in that order."""


def reference_key(reference: str) -> str:
    """How a provider's own references (LOCALESTID, UNIQUEWORKERID) are matched: all whitespace removed,
    letters kept as typed, as ASC-WDS matches them. "W 002" and "W002" are the same worker; "w002" and
    "W002" are not. The web forms and the uploads both match through this function."""
    if reference.isprintable() and " " not in reference and "\xa0" not in reference:
        return reference  # fast path: nothing to remove (tabs and newlines are not printable)
    return "".join(reference.split())


def same_reference(one: str, other: str) -> bool:
    return reference_key(one) == reference_key(other)


def data_path(*parts: str) -> Path:
    """Path of a file shipped in ``careforce/data``."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath("data", *parts)))


def read_rows(*parts: str) -> list[dict[str, str]]:
    with data_path(*parts).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Code:
    code: int
    label: str
    extra: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class CodeList:
    """One ASC-WDS code list: the bulk-upload ("BUDI") code and its label."""

    name: str
    codes: tuple[Code, ...]

    @property
    def labels(self) -> dict[int, str]:
        return {c.code: c.label for c in self.codes}

    def label(self, code: int) -> str:
        return self.labels[code]

    def __contains__(self, code: object) -> bool:
        return any(c.code == code for c in self.codes)

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def choices(self) -> list[tuple[int, str]]:
        return [(c.code, c.label) for c in self.codes]


# file name (without .csv) under data/ascwds for each list
_CODE_LIST_FILES = {
    "job_roles": "job_roles",
    "main_services": "main_services",
    "service_users": "service_users",
    "training_categories": "training_categories",
    "ethnicity": "ethnicity",
    "nationality": "nationality",
    "country_of_birth": "country_of_birth",
    "recruitment_source": "recruitment_source",
    "qualification_levels": "qualification_levels",
    "qualifications": "qualifications",
    "cwp_role_category": "cwp_role_category",
    "cwp_awareness": "cwp_awareness",
    "cwp_use_reasons": "cwp_use_reasons",
    "delegated_healthcare_activities": "delegated_healthcare_activities",
    "travel_time_pay": "travel_time_pay",
    "training_providers": "training_providers",
}

# small lists kept in enumerations.csv, by their ``list`` column
_ENUMERATIONS = (
    "establishment_type",
    "gender",
    "disabled",
    "contract_type",
    "salary_interval",
    "accredited",
    "who_delivered",
    "how_delivered",
    "worker_leave_reason",
    "nmc_registration",
    "yes_no_dont_know",
    "regtype",
)


@cache
def code_list(name: str) -> CodeList:
    """The named code list, e.g. ``code_list("job_roles")``."""
    if name in _CODE_LIST_FILES:
        rows = read_rows("ascwds", f"{_CODE_LIST_FILES[name]}.csv")
        codes = tuple(
            Code(int(r["code"]), r["label"], {k: v for k, v in r.items() if k not in ("code", "label")}) for r in rows
        )
        return CodeList(name, codes)
    if name in _ENUMERATIONS:
        rows = [r for r in read_rows("ascwds", "enumerations.csv") if r["list"] == name]
        codes = tuple(Code(int(r["code"]), r["label"].strip()) for r in rows if r["code"].strip().isdigit())
        return CodeList(name, codes)
    raise KeyError(f"no code list called {name!r}")


def code_list_names() -> tuple[str, ...]:
    return tuple(_CODE_LIST_FILES) + _ENUMERATIONS


@dataclass(frozen=True)
class District:
    gss_code: str
    name: str
    council_code: str


@dataclass(frozen=True)
class Council:
    """An upper-tier local authority with adult social care duties."""

    gss_code: str
    name: str
    districts: tuple[District, ...]


@cache
def councils() -> tuple[Council, ...]:
    """The region's 14 councils with their 30 districts (ONS lookup, December 2022)."""
    rows = read_rows("calibration", "la_codes.csv")
    by_council: dict[str, list[District]] = {}
    names: dict[str, str] = {}
    for r in rows:
        if r["region_code"] != REGION_CODE:
            continue
        names[r["utla_code"]] = r["utla_name"]
        by_council.setdefault(r["utla_code"], []).append(District(r["ltla_code"], r["ltla_name"], r["utla_code"]))
    return tuple(
        Council(code, names[code], tuple(sorted(ds, key=lambda d: d.gss_code)))
        for code, ds in sorted(by_council.items(), key=lambda kv: names[kv[0]])
    )


def council(gss_code: str) -> Council:
    for c in councils():
        if c.gss_code == gss_code:
            return c
    raise KeyError(f"{gss_code} is not a council in the region")


def district_to_council() -> dict[str, str]:
    return {d.gss_code: d.council_code for c in councils() for d in c.districts}


@cache
def population(age_band: str, year: int) -> dict[str, float]:
    """ONS 2022-based projected population of each council (and the region) for an age band and year.

    ``age_band`` is one of ``all_ages``, ``65+``, ``65-84``, ``85+``, ``90+``.
    """
    out = {
        r["gss_code"]: float(r["population"])
        for r in read_rows("calibration", "population_projections.csv")
        if r["age_band"] == age_band and int(r["year"]) == year
    }
    if not out:
        raise KeyError(f"no population for {age_band} in {year}")
    return out


@dataclass(frozen=True)
class WageRate:
    """One National Living Wage rate: in force from ``effective_from`` for workers aged ``minimum_age`` and over."""

    effective_from: date
    hourly_rate: Decimal
    minimum_age: int
    source: str


@cache
def national_living_wage() -> tuple[WageRate, ...]:
    """Every National Living Wage rate since April 2016, oldest first (``calibration/national_living_wage.csv``,
    from GOV.UK's "National Minimum Wage and National Living Wage rates"). The one place these figures live."""
    rates = [
        WageRate(
            date.fromisoformat(r["effective_from"]), Decimal(r["hourly_rate_gbp"]), int(r["minimum_age"]), r["source"]
        )
        for r in read_rows("calibration", "national_living_wage.csv")
    ]
    return tuple(sorted(rates, key=lambda r: r.effective_from))


def national_living_wage_on(day: date) -> WageRate | None:
    """The National Living Wage in force on a day (None before April 2016)."""
    current = None
    for rate in national_living_wage():
        if rate.effective_from <= day:
            current = rate
    return current
