"""Every page, for every role, on the demo region: no markup shown as text to the person reading it.

The walk (tests/crawling.py) starts from every route in the route map that takes no arguments, and
from a few records that only some pages lead to, then follows the links each page shows: the pages
are the ones a person in that role meets, with the demo region's own names and numbers in them.
"""

from datetime import date

import pytest
from crawling import crawl, data_starts, django_client_fetch, routes_without_arguments
from django.test import Client
from signing_in import DEMO, signed_in
from test_route_map import ROUTE_RULES

ROLES = ["anonymous", "jobseeker", "staff", "manager", "analyst", "lead", "admin"]
# routes the walk cannot reach by following links: actions a form posts to, and pages that exist only
# once a form has been sent (an upload, a projection run, a background job); their own tests render them
NOT_WALKED = {
    "/sign-out": "signing out would end the walk",
    "/care-jobs/jobs/<int:vacancy_id>/apply/application-sent": "after an application is sent (test_careers_apply)",
    "/care-jobs/jobs/<int:vacancy_id>/apply/check-your-answers": "after the questions are answered (test_careers_apply)",
    "/care-jobs/saved-searches/<int:search_id>": "a form's action (POST only)",
    "/care-jobs/search/widen/<int:number>": "a suggestion shown only for an empty search (test_careers_search)",
    "/jobs/<uuid:job_id>": "a background job's progress (test_jobs)",
    "/planning/runs/<uuid:run_id>": "after a projection run (test_planning_runs)",
    "/planning/runs/<uuid:run_id>/results.<str:fmt>": "after a projection run (test_planning_runs)",
    "/planning/runs/<uuid:run_id>/status": "after a projection run (test_planning_runs)",
    "/planning/runs/<uuid:run_id>/differences.csv": "after a projection run (test_planning_decisions)",
    "/planning/runs/<uuid:run_id>/sensitivity.csv": "after a projection run (test_planning_decisions)",
    "/provider/upload/<uuid:upload_id>": "after an upload (test_upload_checks)",
    "/provider/upload/<uuid:upload_id>/cancel": "after an upload (test_upload_checks)",
    "/provider/upload/<uuid:upload_id>/check-again": "after a save that stopped (test_jobs_survive_crashes)",
    "/provider/upload/<uuid:upload_id>/confirm": "after an upload (test_upload_checks)",
    "/provider/upload/<uuid:upload_id>/report.csv": "after an upload (test_upload_checks)",
    "/provider/workers/<int:worker_id>/personal-details/check-answers": "after the personal items questions "
    "(test_worker_personal_items)",
    "/recruitment/applicants/<int:application_id>/hire/check": "after the hire questions (test_recruitment_hiring)",
    "/recruitment/applicants/<int:application_id>/shortlist": "a form's action (POST only)",
    "/recruitment/vacancies/<int:vacancy_id>/publish": "a form's action (POST only)",
    "/care-jobs/confirm-email/<str:token>": "a link in an email (test_applicants_kept_informed)",
    "/care-jobs/confirm-account/<str:token>": "a link in an email (test_applicants_kept_informed)",
    "/care-jobs/withdraw/<str:token>": "a link in an email (test_applicants_kept_informed)",
    "/care-jobs/your-applications/<int:application_id>/withdraw": "the demo job seeker has no applications "
    "(test_applicants_kept_informed)",
    "/sign-in/new-password/<uidb64>/<token>": "a link in a password reset email (test_security)",
    "/demo-mailbox/<int:message_id>": "a message the walk did not cause (test_email_sender)",
    "/care-jobs/jobs/<int:vacancy_id>/referred/<str:token>": "a link staff share (test_referrals)",
}


@pytest.fixture
def a_saved_search(db):  # type: ignore[no-untyped-def]
    from careforce.accounts.models import User
    from careforce.careers.models import SavedSearch

    user = User.objects.get(username=f"jobseeker@{DEMO}")
    description = "Care worker jobs within 10 miles of B1 1AA, nights & weekends"
    SavedSearch.objects.create(user=user, filters={}, description=description, last_alerted_on=date(2026, 11, 1))


def walk(role: str):  # type: ignore[no-untyped-def]
    email = None if role == "anonymous" else f"{role}@{DEMO}"
    client = Client() if email is None else signed_in(email)
    starts = routes_without_arguments(ROUTE_RULES) + data_starts(email)
    return crawl(django_client_fetch(client), starts, per_route=2)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_no_page_shows_markup_as_text_to_anyone(role, a_saved_search):
    visits = walk(role)
    shown = {v.path: v.markup_shown for v in visits if v.markup_shown}
    assert shown == {}
    assert [v.path for v in visits if v.status >= 500] == []


@pytest.mark.django_db
def test_the_walk_opens_every_route_in_the_route_map_but_those_only_a_form_leads_to(a_saved_search):
    opened = set()
    for role in ROLES:
        opened |= {v.route for v in walk(role)}
    assert sorted(set(ROUTE_RULES) - opened) == sorted(NOT_WALKED)


@pytest.mark.django_db
def test_the_saved_search_delete_button_reads_as_words_and_keeps_the_search_for_screen_readers(a_saved_search):
    html = signed_in(f"jobseeker@{DEMO}").get("/care-jobs/saved-searches").content.decode()
    assert (
        'Delete<span class="govuk-visually-hidden"> search: Care worker jobs within 10 miles of B1 1AA, '
        "nights &amp; weekends</span>" in html
    )
