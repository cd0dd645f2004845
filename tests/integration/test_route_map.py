"""Every route carries exactly the access rule it must have: the route map below is the list.

Adding a page means adding its line here with the rule it needs; a route missing from the map, a
line for a route that no longer exists, or a route carrying another rule (a page wrongly marked
public, say) fails this test. The Django admin checks staff status itself and is left out.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from careforce.domain.access import Permission as P

PUBLIC = "public"
SIGNED_IN = "signed_in"

ROUTE_RULES: dict[str, str] = {
    "/": PUBLIC,
    "/working-in-care": PUBLIC,
    "/about-the-data": PUBLIC,
    "/privacy": PUBLIC,
    "/accessibility": PUBLIC,
    "/sign-in": PUBLIC,
    "/sign-in/forgotten-password": PUBLIC,
    "/sign-in/forgotten-password/sent": PUBLIC,
    "/sign-in/new-password/<uidb64>/<token>": PUBLIC,
    "/sign-in/new-password/changed": PUBLIC,
    "/sign-out": PUBLIC,
    "/home": SIGNED_IN,
    "/your-account": P.VIEW_OWN_APPLICATIONS,
    "/provider/workplaces": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workplaces/<int:workplace_id>/staff": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/my-record": P.VIEW_OWN_WORKER_RECORD,
    "/provider/workplaces/<int:workplace_id>/details": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workplaces/<int:workplace_id>/details/<slug:step>": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workplaces/<int:workplace_id>/add-worker": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workplaces/<int:workplace_id>/add-worker/check-answers": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workplaces/<int:workplace_id>/add-worker/<slug:step>": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/added": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/change/<slug:step>": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/personal-details": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/personal-details/check-answers": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/personal-details/<slug:step>": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/leaving": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/leaving/check-answers": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/leaving/<slug:step>": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/training/add": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/training/<int:record_id>/change": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/training/<int:record_id>/delete": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/qualifications/add": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workers/<int:worker_id>/qualifications/<int:record_id>/remove": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/training-due": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/my-record/training/add": P.VIEW_OWN_WORKER_RECORD,
    "/provider/my-record/training/<int:record_id>/change": P.VIEW_OWN_WORKER_RECORD,
    "/provider/my-record/training/<int:record_id>/delete": P.VIEW_OWN_WORKER_RECORD,
    "/provider/my-record/qualifications/add": P.VIEW_OWN_WORKER_RECORD,
    "/provider/my-record/qualifications/<int:record_id>/remove": P.VIEW_OWN_WORKER_RECORD,
    "/provider/workplaces/<int:workplace_id>/vacancies": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/workplaces/<int:workplace_id>/vacancies/add": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/vacancies/<int:vacancy_id>/change": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/vacancies/<int:vacancy_id>/close": P.MANAGE_PROVIDER_WORKFORCE,
    "/intelligence/area": P.VIEW_COUNCIL_AGGREGATES,
    "/intelligence/region": P.VIEW_REGION_AGGREGATES,
    "/intelligence/councils/<str:gss_code>": P.VIEW_COUNCIL_AGGREGATES,
    "/intelligence/measures": P.VIEW_COUNCIL_AGGREGATES,
    "/intelligence/measures/<str:area_code>": P.VIEW_COUNCIL_AGGREGATES,
    "/intelligence/measures/<str:area_code>/<slug:slug>": P.VIEW_COUNCIL_AGGREGATES,
    "/intelligence/measures/<str:area_code>/<slug:slug>.<str:fmt>": P.VIEW_COUNCIL_AGGREGATES,
    "/intelligence/provider": P.MANAGE_PROVIDER_WORKFORCE,
    "/intelligence/provider/<slug:slug>": P.MANAGE_PROVIDER_WORKFORCE,
    "/intelligence/provider/<slug:slug>.<str:fmt>": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/upload/": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/upload/<uuid:upload_id>": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/upload/<uuid:upload_id>/confirm": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/upload/<uuid:upload_id>/cancel": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/upload/<uuid:upload_id>/check-again": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/upload/<uuid:upload_id>/report.csv": P.MANAGE_PROVIDER_WORKFORCE,
    "/provider/upload/download/<str:kind>": P.MANAGE_PROVIDER_WORKFORCE,
    "/planning/": P.RUN_PROJECTIONS,
    "/planning/new-run": P.RUN_PROJECTIONS,
    "/planning/runs/<uuid:run_id>": P.RUN_PROJECTIONS,
    "/planning/runs/<uuid:run_id>/status": P.RUN_PROJECTIONS,
    "/planning/runs/<uuid:run_id>/results.<str:fmt>": P.RUN_PROJECTIONS,
    "/planning/runs/<uuid:run_id>/differences.csv": P.RUN_PROJECTIONS,
    "/planning/runs/<uuid:run_id>/sensitivity.csv": P.RUN_PROJECTIONS,
    "/planning/compare": P.RUN_PROJECTIONS,
    "/planning/assumptions": P.RUN_PROJECTIONS,
    "/planning/region": P.VIEW_REGION_AGGREGATES,
    "/care-jobs/": PUBLIC,
    "/care-jobs/roles": PUBLIC,
    "/care-jobs/roles/<int:job_role>": PUBLIC,
    "/care-jobs/pay": PUBLIC,
    "/care-jobs/ways-in": PUBLIC,
    "/care-jobs/career-pathway": PUBLIC,
    "/care-jobs/myths": PUBLIC,
    "/care-jobs/postcode-data": PUBLIC,
    "/care-jobs/is-care-right-for-me": PUBLIC,
    "/care-jobs/is-care-right-for-me/questions": PUBLIC,
    "/care-jobs/is-care-right-for-me/save": PUBLIC,
    "/care-jobs/search": PUBLIC,
    "/care-jobs/search/results": PUBLIC,
    "/care-jobs/search/widen/<int:number>": PUBLIC,
    "/care-jobs/search/save": P.VIEW_OWN_APPLICATIONS,
    "/care-jobs/saved-searches": P.VIEW_OWN_APPLICATIONS,
    "/care-jobs/saved-searches/<int:search_id>": P.VIEW_OWN_APPLICATIONS,
    "/care-jobs/jobs/<int:vacancy_id>": PUBLIC,
    "/care-jobs/jobs/<int:vacancy_id>/referred/<str:token>": PUBLIC,
    "/care-jobs/jobs/<int:vacancy_id>/apply": PUBLIC,
    "/care-jobs/jobs/<int:vacancy_id>/apply/check-your-answers": PUBLIC,
    "/care-jobs/jobs/<int:vacancy_id>/apply/application-sent": PUBLIC,
    "/care-jobs/jobs/<int:vacancy_id>/apply/<slug:slug>": PUBLIC,
    "/care-jobs/create-account": PUBLIC,
    "/care-jobs/your-applications": P.VIEW_OWN_APPLICATIONS,
    "/care-jobs/your-applications/confirm-email": P.VIEW_OWN_APPLICATIONS,
    "/care-jobs/your-applications/<int:application_id>/withdraw": P.VIEW_OWN_APPLICATIONS,
    # signed emailed links: the token is the access (careers/links.py)
    "/care-jobs/confirm-email/<str:token>": PUBLIC,
    "/care-jobs/confirm-account/<str:token>": PUBLIC,
    "/care-jobs/withdraw/<str:token>": PUBLIC,
    "/care-jobs/your-data": P.VIEW_OWN_APPLICATIONS,
    "/care-jobs/your-data.json": P.VIEW_OWN_APPLICATIONS,
    "/care-jobs/your-data.csv": P.VIEW_OWN_APPLICATIONS,
    "/care-jobs/delete-account": P.VIEW_OWN_APPLICATIONS,
    "/recruitment/": P.MANAGE_PROVIDER_WORKFORCE,
    "/recruitment/vacancies/<int:vacancy_id>/publish": P.MANAGE_PROVIDER_WORKFORCE,
    "/recruitment/vacancies/<int:vacancy_id>/applicants": P.MANAGE_PROVIDER_WORKFORCE,
    "/recruitment/applicants": P.MANAGE_PROVIDER_WORKFORCE,
    "/recruitment/applicants/<int:application_id>": P.MANAGE_PROVIDER_WORKFORCE,
    "/recruitment/applicants/<int:application_id>/shortlist": P.MANAGE_PROVIDER_WORKFORCE,
    "/recruitment/applicants/<int:application_id>/stage": P.MANAGE_PROVIDER_WORKFORCE,
    "/recruitment/applicants/<int:application_id>/interview-scores": P.MANAGE_PROVIDER_WORKFORCE,
    "/recruitment/applicants/<int:application_id>/hire": P.MANAGE_PROVIDER_WORKFORCE,
    "/recruitment/applicants/<int:application_id>/hire/check": P.MANAGE_PROVIDER_WORKFORCE,
    "/recruitment/time-to-hire": P.MANAGE_PROVIDER_WORKFORCE,
    "/recruitment/referrals": P.MANAGE_PROVIDER_WORKFORCE,
    "/recruitment/refer-a-friend": P.VIEW_OWN_WORKER_RECORD,
    "/recruitment/refer-a-friend/<int:vacancy_id>": P.VIEW_OWN_WORKER_RECORD,
    "/recruitment/refer-a-friend/<int:vacancy_id>/share": P.VIEW_OWN_WORKER_RECORD,
    "/jobs/<uuid:job_id>": SIGNED_IN,
    # scoped inside: only while the outbox is the sender; admins read all, others their own mail (ADR 0085)
    "/demo-mailbox/": PUBLIC,
    "/demo-mailbox/<int:message_id>": PUBLIC,
}


def _routes(patterns=None, prefix=""):  # type: ignore[no-untyped-def]
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if str(p.pattern).startswith("admin/"):
                continue
            yield from _routes(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield "/" + prefix + str(p.pattern), p.callback


def _rule(view) -> str | None:  # type: ignore[no-untyped-def]
    return getattr(view, "access_rule", None)


def _wrong_rules(routes, rules) -> list[str]:  # type: ignore[no-untyped-def]
    """Each route whose rule is not the one the map gives it, or that the map does not list."""
    wrong = []
    for path, view in routes:
        expected = rules.get(path)
        expected_value = expected.value if isinstance(expected, P) else expected
        if _rule(view) != expected_value:
            wrong.append(f"{path} carries {_rule(view)!r}, the map says {expected_value!r}")
    return wrong


def test_the_check_catches_a_route_wrongly_marked_public():
    from careforce.accounts.access import public, requires

    @public
    def staff_list(request):  # type: ignore[no-untyped-def]
        raise AssertionError("never called")

    @requires(P.MANAGE_PROVIDER_WORKFORCE)
    def workplaces(request):  # type: ignore[no-untyped-def]
        raise AssertionError("never called")

    path = "/provider/workplaces/<int:workplace_id>/staff"
    assert _wrong_rules([(path, staff_list)], ROUTE_RULES) == [
        f"{path} carries 'public', the map says 'manage_provider_workforce'"
    ]
    assert _wrong_rules([(path, workplaces)], ROUTE_RULES) == []
    assert _wrong_rules([("/not-in-the-map", staff_list)], ROUTE_RULES) == [
        "/not-in-the-map carries 'public', the map says None"
    ]


def test_every_route_carries_exactly_its_rule():
    assert _wrong_rules(_routes(), ROUTE_RULES) == []


def test_every_route_is_in_the_route_map():
    missing = sorted(path for path, _ in _routes() if path not in ROUTE_RULES)
    assert missing == [], "add these routes to ROUTE_RULES with the rule each must carry"


def test_the_route_map_names_no_route_that_does_not_exist():
    existing = {path for path, _ in _routes()}
    assert sorted(set(ROUTE_RULES) - existing) == []


@pytest.mark.parametrize(("path", "expected"), sorted(ROUTE_RULES.items()))
def test_each_route_carries_the_rule_the_map_gives_it(path, expected):
    views = dict(_routes())
    if path not in views:
        pytest.fail(f"{path} is in the route map but not routed")
    rule = _rule(views[path])
    expected_value = expected.value if isinstance(expected, P) else expected
    assert rule == expected_value, f"{path} carries {rule!r}, the map says {expected_value!r}"
