"""Staff referrals: the friend is told by email, a share link (copy, email, WhatsApp) credits the member of
staff, they follow their referrals' progress, and the list of vacancies is searched and paginated."""

import re
from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from emailing import to

from careforce.accounts.models import User
from careforce.recruitment.models import Referral
from careforce.workforce.models import Vacancy, Workplace

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_careers_index")]
ANSWERS = [
    ("your-name", {"full_name": "Nia Obi"}),
    ("contact-details", {"email": "nia.other@example.com", "phone": "07700 900 111"}),
    ("availability", {"availability": ["full_time"]}),
    ("right-to-work", {"right_to_work": "yes"}),
    ("driving", {"driving": ["neither"]}),
    ("about-you", {"about_you": "I volunteer at a day centre."}),
]


def staff() -> User:
    return User.objects.get(username="staff@demo.careforce.test")


def new_vacancy(**fields) -> Vacancy:  # type: ignore[no-untyped-def]
    workplace = Workplace.objects.filter(organisation=staff().organisation).order_by("pk").first()
    return Vacancy.objects.create(  # type: ignore[misc]
        workplace=workplace, posted_on=date.today(), **{"is_published": True, "job_role": 8, **fields}
    )


def soup(response):  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser")


def apply(client, job):  # type: ignore[no-untyped-def]
    for slug, data in ANSWERS:
        client.post(f"/care-jobs/jobs/{job.pk}/apply/{slug}", data)
    return client.post(f"/care-jobs/jobs/{job.pk}/apply/check-your-answers")


def test_the_friend_is_emailed_a_link_that_credits_the_referrer_whatever_address_they_apply_with(
    as_staff, as_manager, sent_email
):
    job = new_vacancy(title="Night care assistant")
    as_staff.post(
        f"/recruitment/refer-a-friend/{job.pk}",
        {"your_name": "Sam", "friend_name": "Nia Obi", "friend_email": "nia.obi@example.com", "consent": "on"},
    )
    (told,) = to(sent_email, "nia.obi@example.com")
    assert told.subject == "Sam thinks you would be good at care work"
    assert "night care assistant" in told.body and told.body.startswith("Dear Nia Obi,")
    link = re.search(r"https?://[^/\s]+(/care-jobs/jobs/\d+/referred/\S+)", told.body).group(1)
    friend = Client()
    assert friend.get(link)["Location"] == f"/care-jobs/jobs/{job.pk}"
    apply(friend, job)  # with another address than the one Sam gave
    credited = Referral.objects.filter(referrer=staff(), vacancy=job).order_by("pk")
    assert [r.friend_email for r in credited] == ["nia.obi@example.com", "nia.other@example.com"]
    assert credited.last().status == Referral.Status.APPLIED
    application = job.applications.get()
    as_manager.post(f"/recruitment/applicants/{application.pk}/shortlist")
    as_manager.post(f"/recruitment/applicants/{application.pk}/stage", {"stage": "interview", "reason": ""})
    progress = soup(as_staff.get("/recruitment/refer-a-friend")).select("tbody tr")
    assert [row.select("td")[3].get_text(strip=True) for row in progress] == [
        "Applied: at interview",
        "Referred: not applied yet",
    ]


def test_a_share_link_can_be_copied_emailed_or_sent_on_whatsapp(as_staff):
    job = new_vacancy(title="Weekend support worker")
    page = soup(as_staff.get(f"/recruitment/refer-a-friend/{job.pk}/share"))
    link = page.select_one("#share-link")["value"]
    assert f"/care-jobs/jobs/{job.pk}/referred/" in link and "staff" not in link
    assert page.select_one("#copy-link").get_text() == "Copy link"
    email = page.find("a", string="Send it by email")["href"]
    assert email.startswith("mailto:?") and link in parse_qs(urlparse(email).query)["body"][0]
    whatsapp = page.find("a", string="Send it on WhatsApp")["href"]
    assert whatsapp.startswith("https://wa.me/?") and link in parse_qs(urlparse(whatsapp).query)["text"][0]


def test_a_link_shared_by_someone_who_does_not_work_there_credits_nobody(sent_email):
    from careforce import links

    job = new_vacancy()
    manager = User.objects.get(username="manager@demo.careforce.test")
    friend = Client()
    friend.get(f"/care-jobs/jobs/{job.pk}/referred/{links.make('share', manager.pk)}")
    apply(friend, job)
    assert job.applications.get().referral is None
    assert Client().get(f"/care-jobs/jobs/{job.pk}/referred/not-a-token")["Location"] == f"/care-jobs/jobs/{job.pk}"


def test_the_refer_a_friend_list_is_paginated_and_searched_by_role_or_workplace(as_staff):
    Vacancy.objects.filter(workplace__organisation=staff().organisation).update(is_published=False)
    for number in range(25):
        new_vacancy(title=f"Support worker {number:02d}" if number < 22 else "", job_role=8 if number < 22 else 3)
    page = soup(as_staff.get("/recruitment/refer-a-friend"))
    assert len(page.select("ul.govuk-list--spaced > li")) == 20
    assert "Showing 1 to 20 of 25 vacancies" in page.get_text()
    assert len(soup(as_staff.get("/recruitment/refer-a-friend?page=2")).select("ul.govuk-list--spaced > li")) == 5
    found = soup(as_staff.get("/recruitment/refer-a-friend?q=worker+07"))
    assert [a.get_text() for a in found.select("ul.govuk-list--spaced > li > a:first-child")][0].startswith(
        "Support worker 07"
    )
    assert "1 vacancy" in found.get_text()
    assert "No vacancies match" in soup(as_staff.get("/recruitment/refer-a-friend?q=zzzz")).get_text()


def test_the_referral_form_keeps_what_was_typed_and_sends_nothing_when_something_is_missing(as_staff, sent_email):
    job = new_vacancy()
    page = soup(
        as_staff.post(
            f"/recruitment/refer-a-friend/{job.pk}", {"friend_name": "Nia Obi", "friend_email": "nia@example.com"}
        )
    )
    summary = page.select_one(".govuk-error-summary").get_text()
    assert "Enter your name, so your friend knows who referred them" in summary
    assert page.select_one("input[name=friend_name]")["value"] == "Nia Obi"
    assert Referral.objects.filter(vacancy=job).count() == 0 and sent_email == []
