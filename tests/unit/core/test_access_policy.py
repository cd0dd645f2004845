import pytest

from careforce.domain.access import Permission, Role, allows


@pytest.mark.parametrize(
    ("role", "permission", "expected"),
    [
        (Role.PROVIDER_MANAGER, Permission.MANAGE_PROVIDER_WORKFORCE, True),
        (Role.PROVIDER_STAFF, Permission.MANAGE_PROVIDER_WORKFORCE, False),
        (Role.PROVIDER_STAFF, Permission.VIEW_OWN_WORKER_RECORD, True),
        (Role.COUNCIL_ANALYST, Permission.VIEW_COUNCIL_AGGREGATES, True),
        (Role.COUNCIL_ANALYST, Permission.VIEW_REGION_AGGREGATES, False),
        (Role.COUNCIL_ANALYST, Permission.MANAGE_PROVIDER_WORKFORCE, False),
        (Role.REGIONAL_LEAD, Permission.VIEW_REGION_AGGREGATES, True),
        (Role.REGIONAL_LEAD, Permission.MANAGE_PROVIDER_WORKFORCE, False),
        (Role.JOB_SEEKER, Permission.VIEW_COUNCIL_AGGREGATES, False),
    ],
)
def test_each_role_holds_only_its_permissions(role, permission, expected):
    assert allows(role, permission) is expected


def test_a_missing_or_unknown_role_holds_nothing():
    assert not allows(None, Permission.VIEW_OWN_APPLICATIONS)
    assert not allows("superhero", Permission.ADMINISTER_PLATFORM)
