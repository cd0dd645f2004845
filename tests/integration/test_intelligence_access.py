"""A council analyst sees only their own council's aggregates: never another council, the region, a
provider's view or a worker-level record, whatever the URL, query parameter or download."""

import pytest
from test_intelligence_helpers import BIRMINGHAM, COVENTRY, REGION, caption, csv_rows

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        f"/intelligence/measures/{BIRMINGHAM}",
        f"/intelligence/measures/{BIRMINGHAM}/turnover-rate",
        f"/intelligence/measures/{BIRMINGHAM}/turnover-rate?by=job_role",
        f"/intelligence/measures/{BIRMINGHAM}/turnover-rate.csv",
        f"/intelligence/measures/{BIRMINGHAM}/gender.xlsx?by=sector",
        f"/intelligence/measures/{REGION}",
        f"/intelligence/measures/{REGION}/filled-posts?by=council",
        f"/intelligence/measures/{REGION}/filled-posts.ods?by=council",
        "/intelligence/measures/region",
        f"/intelligence/measures/{COVENTRY}/no-such-measure",
        f"/intelligence/measures/{COVENTRY}/gender.pdf",
    ],
)
def test_analyst_gets_not_found_for_other_areas_and_unknown_measures_or_formats(as_analyst, path):
    assert as_analyst.get(path).status_code == 404


def test_query_parameters_cannot_widen_what_an_analyst_sees(as_analyst):
    page = as_analyst.get(
        f"/intelligence/measures/{COVENTRY}/filled-posts", {"by": "council", "area": BIRMINGHAM, "council": BIRMINGHAM}
    )
    assert page.status_code == 200
    assert caption(page).startswith("Filled posts in Coventry, on")
    rows = csv_rows(
        as_analyst.get(
            f"/intelligence/measures/{COVENTRY}/filled-posts.csv", {"by": "council", "area": BIRMINGHAM}
        ).content
    )
    assert rows[0][0] == "Area" and rows[1][0] == "Coventry"
    assert not any(r[0] in ("Birmingham", "All (West Midlands)") for r in rows)


def test_analyst_cannot_open_the_provider_view_or_worker_records(as_analyst):
    from careforce.workforce.models import Worker

    assert as_analyst.get("/intelligence/provider").status_code == 403
    assert as_analyst.get("/intelligence/provider/filled-posts.csv").status_code == 403
    worker = Worker.objects.filter(workplace__council_id=COVENTRY).first()
    assert as_analyst.get(f"/provider/workers/{worker.pk}").status_code == 403


def test_a_provider_manager_sees_no_council_pages_and_only_councils_they_work_in(as_manager):
    assert as_manager.get(f"/intelligence/measures/{COVENTRY}").status_code == 403
    page = as_manager.get("/intelligence/provider", {"council": "E10000034"})  # Worcestershire: not theirs
    assert page.status_code == 200
    assert "Worcestershire" not in caption(page)


def test_signed_out_people_are_sent_to_sign_in_and_staff_are_refused(client, as_staff):
    assert client.get(f"/intelligence/measures/{COVENTRY}").status_code == 302
    assert as_staff.get(f"/intelligence/measures/{COVENTRY}").status_code == 403
    assert as_staff.get("/intelligence/provider").status_code == 403
