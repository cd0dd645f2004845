"""Who may do what: the one place that decides access by role.

Views declare the permission they need; object-level scoping (a provider sees only its own staff,
a council only its own area) is applied by the query functions that take the acting user.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    JOB_SEEKER = "job_seeker"
    PROVIDER_STAFF = "provider_staff"
    PROVIDER_MANAGER = "provider_manager"
    COUNCIL_ANALYST = "council_analyst"
    REGIONAL_LEAD = "regional_lead"
    REGIONAL_ADMIN = "regional_admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.JOB_SEEKER: "Person looking for care work",
    Role.PROVIDER_STAFF: "Care provider staff member",
    Role.PROVIDER_MANAGER: "Care provider manager",
    Role.COUNCIL_ANALYST: "Council analyst",
    Role.REGIONAL_LEAD: "Regional lead",
    Role.REGIONAL_ADMIN: "Regional administrator",
}


class Permission(StrEnum):
    VIEW_OWN_APPLICATIONS = "view_own_applications"
    VIEW_OWN_WORKER_RECORD = "view_own_worker_record"
    MANAGE_PROVIDER_WORKFORCE = "manage_provider_workforce"
    VIEW_COUNCIL_AGGREGATES = "view_council_aggregates"
    VIEW_REGION_AGGREGATES = "view_region_aggregates"
    RUN_PROJECTIONS = "run_projections"
    ADMINISTER_PLATFORM = "administer_platform"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.JOB_SEEKER: frozenset({Permission.VIEW_OWN_APPLICATIONS}),
    Role.PROVIDER_STAFF: frozenset({Permission.VIEW_OWN_WORKER_RECORD}),
    Role.PROVIDER_MANAGER: frozenset({Permission.MANAGE_PROVIDER_WORKFORCE}),
    Role.COUNCIL_ANALYST: frozenset({Permission.VIEW_COUNCIL_AGGREGATES, Permission.RUN_PROJECTIONS}),
    Role.REGIONAL_LEAD: frozenset(
        {Permission.VIEW_COUNCIL_AGGREGATES, Permission.VIEW_REGION_AGGREGATES, Permission.RUN_PROJECTIONS}
    ),
    Role.REGIONAL_ADMIN: frozenset({Permission.ADMINISTER_PLATFORM}),
}


def allows(role: Role | str | None, permission: Permission) -> bool:
    """Whether a user with ``role`` holds ``permission``. Unknown or missing roles hold nothing."""
    if role is None:
        return False
    try:
        return permission in ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return False


def home_for(role: Role | str) -> str:
    """The page (URL name) each kind of user starts from after signing in."""
    return {
        Role.JOB_SEEKER: "accounts:your-account",
        Role.PROVIDER_STAFF: "workforce:my-record",
        Role.PROVIDER_MANAGER: "workforce:workplaces",
        Role.COUNCIL_ANALYST: "intelligence:area",
        Role.REGIONAL_LEAD: "intelligence:region",
        Role.REGIONAL_ADMIN: "admin:index",
    }[Role(role)]
