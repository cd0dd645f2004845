"""Who may do what: the one place that decides access by role, and what the acting user's scope is.

Views declare the permission they need; object-level scoping (a provider sees only its own staff,
a council only its own area) is one value, ``Scope``, built from the signed-in user in one place
(``careforce.accounts.scope.scope_of``) and handed to every query that reads scoped records.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Scope:
    """The records the acting user may reach: their organisation, council, the region or their own record.

    Made once per request from the signed-in user (``careforce.accounts.scope.scope_of``) and asked
    by every query; nothing else reads a user's role, organisation, council or worker record to
    decide what they may see. Each answer is ``None`` (or False) when the role does not give it, so
    a query that asks for the wrong thing finds nothing. Adding a role means editing
    ``ROLE_PERMISSIONS``; the answers below follow from the permissions.
    """

    role: Role | None = None
    user_id: int | None = None
    organisation_id: int | None = None
    council_code: str | None = None
    worker_id: int | None = None

    @classmethod
    def nobody(cls) -> Scope:
        """The scope of someone not signed in: no permission, no records."""
        return cls()

    @property
    def signed_in(self) -> bool:
        return self.user_id is not None

    def can(self, permission: Permission) -> bool:
        """Whether the acting user's role holds ``permission``."""
        return self.signed_in and allows(self.role, permission)

    @property
    def managed_organisation(self) -> int | None:
        """The care provider a manager acts for: its workplaces, staff, vacancies, applicants, uploads."""
        return self.organisation_id if self.can(Permission.MANAGE_PROVIDER_WORKFORCE) else None

    @property
    def employer(self) -> int | None:
        """The care provider a member of staff works for (its published vacancies, for referrals)."""
        return self.organisation_id if self.can(Permission.VIEW_OWN_WORKER_RECORD) else None

    @property
    def own_worker(self) -> int | None:
        """A member of staff's own worker record."""
        return self.worker_id if self.can(Permission.VIEW_OWN_WORKER_RECORD) else None

    @property
    def whole_region(self) -> bool:
        """Whether the user sees every council and the region's totals."""
        return self.can(Permission.VIEW_REGION_AGGREGATES)

    @property
    def council(self) -> str | None:
        """The one council (GSS code) whose aggregates a council analyst sees."""
        return self.council_code if self.can(Permission.VIEW_COUNCIL_AGGREGATES) else None

    @property
    def projection_council(self) -> str | None:
        """The council whose projection runs and saved scenarios a council analyst shares."""
        if self.whole_region or not self.can(Permission.RUN_PROJECTIONS):
            return None
        return self.council_code

    @property
    def job_seeker(self) -> bool:
        """Whether the user keeps their own applications, saved searches and self-assessments."""
        return self.can(Permission.VIEW_OWN_APPLICATIONS)

    @property
    def administrator(self) -> bool:
        return self.can(Permission.ADMINISTER_PLATFORM)
