"""Groupings of ASC-WDS codes used to split and describe the measures, built from the shipped code lists.

Each grouping is a :class:`Grouping`: ordered labels plus a lookup array from code to label index, so a
whole column of codes is grouped with one indexing operation. Codes outside the lookup map to the
grouping's "not known" label (the last one) when it has one, otherwise to -1 (left out).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import NDArray

from careforce.domain.reference import (
    CARE_CERTIFICATE_COMPLETED,
    CARE_CERTIFICATE_IN_PROGRESS,
    CARE_CERTIFICATE_NOT_STARTED,
    WageRate,
    code_list,
    national_living_wage,
    national_living_wage_on,
)

MAX_CODE = 1000  # every ASC-WDS code used here is below 1000 (ISO 3166 numeric codes included)

NOT_KNOWN = "Not known"


@dataclass(frozen=True, eq=False)
class Grouping:
    name: str
    labels: tuple[str, ...]
    lookup: NDArray[np.int64]  # code -> index into labels, -1 = left out

    def index(self, codes: NDArray[np.integer]) -> NDArray[np.int64]:
        """Label index of every code (vectorised)."""
        clipped = np.clip(codes.astype(np.int64), 0, MAX_CODE - 1)
        out: NDArray[np.int64] = np.where((codes >= 0) & (codes < MAX_CODE), self.lookup[clipped], self.default)
        return out

    @property
    def default(self) -> int:
        return len(self.labels) - 1 if self.labels and self.labels[-1] == NOT_KNOWN else -1


def _grouping(name: str, mapping: dict[int, str], labels: tuple[str, ...]) -> Grouping:
    lookup = np.full(MAX_CODE, -1, np.int64)
    if labels and labels[-1] == NOT_KNOWN:
        lookup[:] = len(labels) - 1
    for code, label in mapping.items():
        lookup[code] = labels.index(label)
    return Grouping(name, labels, lookup)


@cache
def job_roles() -> Grouping:
    """Each current ASC-WDS job role; retired or unknown codes fall in "Other or not known"."""
    roles = code_list("job_roles")
    labels = tuple(c.label for c in roles) + ("Other or not known",)
    lookup = np.full(MAX_CODE, len(labels) - 1, np.int64)
    for i, c in enumerate(roles):
        lookup[c.code] = i
    return Grouping("job role", labels, lookup)


@cache
def job_role_groups() -> Grouping:
    """The ASC-WDS job role groups (2024), as in the ``job_role_group`` column of job_roles.csv."""
    roles = code_list("job_roles")
    labels: list[str] = []
    for c in roles:
        if c.extra["job_role_group"] not in labels:
            labels.append(c.extra["job_role_group"])
    labels.append("Other or not known")
    lookup = np.full(MAX_CODE, len(labels) - 1, np.int64)
    for c in roles:
        lookup[c.code] = labels.index(c.extra["job_role_group"])
    return Grouping("job role group", tuple(labels), lookup)


@cache
def care_providing_roles() -> frozenset[int]:
    return frozenset(c.code for c in code_list("job_roles") if c.extra["is_care_providing_role"] == "yes")


CARE_HOME_NURSING = "Care home with nursing"
CARE_HOME = "Care home without nursing"
HOME_CARE = "Home care (domiciliary)"
COMMUNITY = "Community and day care"
OTHER_SERVICES = "Other services"


@cache
def service_groups() -> Grouping:
    """Main service → service group: code 1 care home with nursing, 2 without; category "Adult
    domiciliary" home care; "Adult community care" and "Adult day" community and day care; the rest
    (other residential, healthcare, other) other services."""
    by_category = {"Adult domiciliary": HOME_CARE, "Adult community care": COMMUNITY, "Adult day": COMMUNITY}
    mapping: dict[int, str] = {}
    for c in code_list("main_services"):
        mapping[c.code] = by_category.get(c.extra["category"], OTHER_SERVICES)
    mapping[1] = CARE_HOME_NURSING
    mapping[2] = CARE_HOME
    labels = (CARE_HOME_NURSING, CARE_HOME, HOME_CARE, COMMUNITY, OTHER_SERVICES)
    grouping = _grouping("main service", mapping, labels)
    grouping.lookup[grouping.lookup < 0] = labels.index(OTHER_SERVICES)
    return grouping


@cache
def sectors() -> Grouping:
    """ESTTYPE 1 and 3 → local authority; 6 private, 7 voluntary/charity, 8 other → independent."""
    labels = ("Local authority", "Independent", NOT_KNOWN)
    return _grouping("sector", {1: labels[0], 3: labels[0], 6: labels[1], 7: labels[1], 8: labels[1]}, labels)


@cache
def genders() -> Grouping:
    labels = ("Female", "Male", "Other", NOT_KNOWN)
    return _grouping("gender", {2: "Female", 1: "Male", 4: "Other"}, labels)


@cache
def ethnic_groups() -> Grouping:
    """ETHNICITY codes → the ONS 2011 ethnic groups of ethnicity.csv; 99 "Don't know" → not known."""
    rows = code_list("ethnicity")
    labels: list[str] = []
    mapping: dict[int, str] = {}
    for c in rows:
        group = c.extra["group"]
        if group == "Don't know":
            continue
        if group not in labels:
            labels.append(group)
        mapping[c.code] = group
    return _grouping("ethnic group", mapping, (*labels, NOT_KNOWN))


#: EU member states' nationalities (EU-27 since 1 February 2020), matched by the labels of nationality.csv
EU_NATIONALITIES = frozenset(
    {
        "Austrian",
        "Belgian",
        "Bulgarian",
        "Croatian",
        "Cypriot",
        "Czech",
        "Danish",
        "Dutch",
        "Estonian",
        "Finnish",
        "French",
        "German",
        "Greek",
        "Hungarian",
        "Irish",
        "Italian",
        "Latvian",
        "Lithuanian",
        "Luxembourger",
        "Maltese",
        "Polish",
        "Portuguese",
        "Romanian",
        "Slovak",
        "Slovenian",
        "Spanish",
        "Swedish",
    }
)


@cache
def nationality_groups() -> Grouping:
    """826 British; an EU-27 nationality label → EU; any other nationality (and 999 "other") → non-EU;
    998 "don't know" or not recorded → not known."""
    labels = ("British", "EU", "Non-EU", NOT_KNOWN)
    mapping: dict[int, str] = {}
    for c in code_list("nationality"):
        if c.code == 826:
            mapping[c.code] = "British"
        elif c.code == 998:
            mapping[c.code] = NOT_KNOWN
        else:
            mapping[c.code] = "EU" if c.label in EU_NATIONALITIES else "Non-EU"
    return _grouping("nationality", mapping, labels)


@cache
def disabilities() -> Grouping:
    labels = ("Disabled", "Not disabled", "Prefers not to say", NOT_KNOWN)
    return _grouping("disability", {1: labels[0], 0: labels[1], 2: labels[2]}, labels)


@cache
def care_certificate() -> Grouping:
    labels = ("Completed", "In progress", "Not started", NOT_KNOWN)
    codes = {
        CARE_CERTIFICATE_COMPLETED: labels[0],
        CARE_CERTIFICATE_IN_PROGRESS: labels[1],
        CARE_CERTIFICATE_NOT_STARTED: labels[2],
    }
    return _grouping("Care Certificate", codes, labels)


#: RECSOURCE codes counted as "from within the adult social care sector": 1 adult care sector (local
#: authority), 2 adult care sector (private or voluntary), 8 internal promotion or transfer.
WITHIN_SECTOR_SOURCES = frozenset({1, 2, 8})
#: RECSOURCE codes that are not an answer: 0 not recorded, 16 "Not known"
UNKNOWN_SOURCES = frozenset({0, 16})

AGE_BAND_EDGES = (25, 35, 45, 55, 65)
AGE_BANDS = ("Under 25", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 and over", NOT_KNOWN)

QUALIFICATION_LEVELS = (
    "No relevant qualification",
    "Entry level or level 1",
    "Level 2",
    "Level 3",
    "Level 4 or above",
    "Held, level not known",
    NOT_KNOWN,
)

__all__ = ["WageRate", "national_living_wage", "national_living_wage_on"]  # defined in reference: one place
