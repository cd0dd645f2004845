"""The axes of the projection: councils, job-role groups, age bands and years.

Job-role groups gather the ASC-WDS job roles (``code_list("job_roles")``) into the ten groups the
engine projects. Every ASC-WDS role code maps to exactly one group, so staff records from a bulk
upload can be counted into the engine's cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from careforce.domain.reference import REGION_CODE, councils

BASE_YEAR = 2022
"""Base year: 2022/23, matching mid-2022, the base of the ONS 2022-based projections."""

MAX_YEAR = 2040
EARLIEST_YEAR = 2016
"""The earliest year a run can start from: 2016/17, the start of the published backcast."""


@dataclass(frozen=True)
class RoleGroup:
    key: str
    label: str
    ascwds_codes: tuple[int, ...]
    group: str  # the ASC-WDS job role group whose published share it belongs to


ROLE_GROUPS: tuple[RoleGroup, ...] = (
    RoleGroup("registered_manager", "Registered manager", (4,), "managerial"),
    RoleGroup("other_managerial", "Other managerial and supervisory", (1, 2, 3, 5, 24, 43, 45), "managerial"),
    RoleGroup("social_worker", "Social worker", (6,), "professional"),
    RoleGroup("occupational_therapist", "Occupational therapist", (15, 36), "professional"),
    RoleGroup("registered_nurse", "Registered nurse and other professional", (16, 17, 37, 38), "professional"),
    RoleGroup("senior_care_worker", "Senior care worker", (7,), "direct_care"),
    RoleGroup("care_worker", "Care worker", (8, 23), "direct_care"),
    RoleGroup("support_and_outreach", "Support, outreach and reablement", (9, 52), "direct_care"),
    RoleGroup("administrative", "Administrative", (25,), "other"),
    RoleGroup(
        "other_non_care",
        "Other non-care-providing",
        (10, 11, 26, 27, 34, 35, 39, 40, 42, 44, 46, 47, 48, 49, 50, 51),
        "other",
    ),
)
ROLES: tuple[str, ...] = tuple(r.key for r in ROLE_GROUPS)
ALL_ROLES = "all"


@dataclass(frozen=True)
class AgeBand:
    key: str
    lower: int
    upper: int  # inclusive; for the top band this is the assumed last working age

    @property
    def width(self) -> int:
        return self.upper - self.lower + 1

    @property
    def midpoint(self) -> float:
        return (self.lower + self.upper + 1) / 2


AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand("16-24", 16, 24),
    AgeBand("25-34", 25, 34),
    AgeBand("35-44", 35, 44),
    AgeBand("45-54", 45, 54),
    AgeBand("55-64", 55, 64),
    AgeBand("65+", 65, 74),
)
AGES: tuple[str, ...] = tuple(a.key for a in AGE_BANDS)


def council_codes() -> tuple[str, ...]:
    """GSS codes of the region's 14 councils, in the order of ``reference.councils()``."""
    return tuple(c.gss_code for c in councils())


def council_names() -> dict[str, str]:
    names = {c.gss_code: c.name for c in councils()}
    names[REGION_CODE] = "West Midlands (region)"
    return names


def role_for_ascwds_code(code: int) -> str:
    """The engine's role group for an ASC-WDS job role code."""
    for group in ROLE_GROUPS:
        if code in group.ascwds_codes:
            return group.key
    raise KeyError(f"ASC-WDS job role {code} has no role group")


def age_band_for(age: int) -> str:
    """The engine's age band for an age in years (under 16 counts as 16-24, over 74 as 65+)."""
    for band in AGE_BANDS:
        if age <= band.upper:
            return band.key
    return AGE_BANDS[-1].key
