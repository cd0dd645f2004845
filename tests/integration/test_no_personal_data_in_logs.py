"""Nothing a person types about themselves reaches the server log: not in log records, not on standard
output or error (where a console sender once printed whole emails), and not in any URL (the access log
records every path and query string)."""

import logging

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from careforce.careers.queries import forget_index

pytestmark = pytest.mark.django_db

NAME, EMAIL, POSTCODE, PHONE = "Zofia Kowalczyk", "zofia.k@example.com", "B15 2TT", "07700 900 123"


@pytest.fixture(autouse=True)
def fresh_index():  # type: ignore[no-untyped-def]
    forget_index()
    cache.clear()
    yield
    cache.clear()
    forget_index()


@override_settings(EMAIL_BACKEND="careforce.careers.mail_backends.OutboxEmailBackend", CAREFORCE_DEMO_MAILBOX=True)
def test_searching_applying_and_reading_the_email_logs_no_name_email_phone_or_postcode(
    caplog, capfd, monkeypatch, as_manager
):  # type: ignore[no-untyped-def]
    from careforce import notify
    from careforce.accounts.models import User
    from careforce.careers import queries
    from careforce.recruitment.models import Application

    monkeypatch.setattr(notify, "_when_committed", lambda deliver: deliver())
    manager = User.objects.get(username="manager@demo.careforce.test")
    live = queries.vacancies_by_id([int(i) for i in queries.live_vacancies().index.id])
    job = next(v for v in live.values() if v.workplace.organisation_id == manager.organisation_id)
    client = Client()
    urls: list[str] = []

    def visit(method: str, url: str, data=None):  # type: ignore[no-untyped-def]
        response = getattr(client, method)(url, data or {})
        urls.extend([url, response.get("Location", "")])
        return response

    with caplog.at_level(logging.DEBUG):
        visit("post", "/care-jobs/search", {"postcode": POSTCODE, "distance": "10"})
        visit("get", "/care-jobs/search/results")
        visit("get", f"/care-jobs/jobs/{job.pk}")
        base = f"/care-jobs/jobs/{job.pk}/apply"
        visit("get", base)
        visit("post", f"{base}/your-name", {"full_name": NAME})
        visit("post", f"{base}/contact-details", {"email": EMAIL, "phone": PHONE})
        visit("post", f"{base}/availability", {"availability": ["part_time"]})
        visit("post", f"{base}/right-to-work", {"right_to_work": "yes"})
        visit("post", f"{base}/driving", {"driving": ["licence"]})
        visit("post", f"{base}/about-you", {"about_you": "I cared for my dad."})
        visit("post", f"{base}/check-your-answers")
        visit("get", f"{base}/application-sent")
        visit("get", "/demo-mailbox/")
        application = Application.objects.get(email=EMAIL)
        as_manager.post(f"/recruitment/applicants/{application.pk}/shortlist")
        as_manager.post(f"/recruitment/applicants/{application.pk}/stage", {"stage": "contacted", "reason": ""})
    out, err = capfd.readouterr()
    everything = "\n".join([caplog.text, out, err, *urls]).lower()
    assert Application.objects.filter(email=EMAIL, stage="contacted").exists()
    for secret in (NAME, EMAIL, POSTCODE, POSTCODE.replace(" ", ""), PHONE):
        assert secret.lower() not in everything, secret
