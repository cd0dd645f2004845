"""The wrong user is refused (the rule each route carries is checked by test_route_map)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    ["/provider/workplaces", "/provider/my-record", "/intelligence/area", "/intelligence/region", "/your-account"],
)
def test_signed_out_visitors_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in?next=")


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("as_job_seeker", "/provider/workplaces"),
        ("as_staff", "/provider/workplaces"),
        ("as_analyst", "/provider/workplaces"),
        ("as_lead", "/provider/workplaces"),
        ("as_manager", "/intelligence/area"),
        ("as_staff", "/intelligence/region"),
        ("as_analyst", "/intelligence/region"),
        ("as_manager", "/provider/my-record"),
        ("as_analyst", "/your-account"),
    ],
)
def test_the_wrong_kind_of_user_is_refused(request, who, path):
    response = request.getfixturevalue(who).get(path)
    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()


def test_only_the_regional_administrator_reaches_the_django_admin(as_admin, as_manager, as_lead):
    assert as_admin.get("/admin/workforce/organisation/").status_code == 200
    assert as_admin.get("/admin/accounts/user/add/").status_code == 200
    for client in (as_manager, as_lead):
        assert client.get("/admin/workforce/organisation/").status_code == 302
