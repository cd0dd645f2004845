"""One sender for every email: GOV.UK Notify in production, the demo outbox a person reads in the browser."""

import logging

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client, override_settings

from careforce import notify

pytestmark = pytest.mark.django_db

OUTBOX = "careforce.careers.mail_backends.OutboxEmailBackend"
NOTIFY = "careforce.careers.mail_backends.NotifyEmailBackend"


def soup(response):  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser")


class FakeNotify:
    """Stands in for GOV.UK Notify's client: keeps what it was asked to send."""

    sent: list[dict] = []

    def __init__(self, api_key, base_url=""):  # type: ignore[no-untyped-def]
        self.api_key = api_key

    def send_email_notification(self, **request):  # type: ignore[no-untyped-def]
        FakeNotify.sent.append({"api_key": self.api_key, **request})
        return {"id": "1"}


@pytest.fixture
def fake_notify(monkeypatch):  # type: ignore[no-untyped-def]
    from notifications_python_client import notifications

    FakeNotify.sent = []
    monkeypatch.setattr(notifications, "NotificationsAPIClient", FakeNotify)
    return FakeNotify.sent


@override_settings(
    EMAIL_BACKEND=NOTIFY,
    GOVUK_NOTIFY_API_KEY="test-key",
    GOVUK_NOTIFY_TEMPLATE_IDS={"confirm_account": "template-confirm"},
    GOVUK_NOTIFY_PLAIN_TEMPLATE_ID="template-plain",
)
def test_in_production_our_email_goes_through_notify_with_its_template_id_and_fields(fake_notify, monkeypatch):
    monkeypatch.setattr(notify, "_when_committed", lambda deliver: deliver())
    notify.send("sam@example.com", "confirm_account", confirm_link="https://careforce.example/c/abc")
    assert fake_notify == [
        {
            "api_key": "test-key",
            "email_address": "sam@example.com",
            "template_id": "template-confirm",
            "personalisation": {"confirm_link": "https://careforce.example/c/abc"},
        }
    ]


@override_settings(
    EMAIL_BACKEND=NOTIFY, GOVUK_NOTIFY_API_KEY="test-key", GOVUK_NOTIFY_PLAIN_TEMPLATE_ID="template-plain"
)
def test_djangos_own_email_such_as_password_reset_goes_through_notifys_plain_template(fake_notify):
    mail.send_mail("Reset your password", "Open this link: https://x/reset", None, ["sam@example.com"])
    (request,) = fake_notify
    assert request["template_id"] == "template-plain"
    assert request["personalisation"] == {"subject": "Reset your password", "body": "Open this link: https://x/reset"}


@override_settings(EMAIL_BACKEND=OUTBOX, CAREFORCE_DEMO_MAILBOX=True)
def test_in_the_demo_the_outbox_keeps_the_email_and_its_recipient_reads_it_in_the_browser(monkeypatch):
    monkeypatch.setattr(notify, "_when_committed", lambda deliver: deliver())
    notify.send("sam@example.com", "confirm_account", confirm_link="http://127.0.0.1:8000/care-jobs/x")
    notify.send("someone-else@example.com", "confirm_account", confirm_link="http://127.0.0.1:8000/care-jobs/y")
    client = Client()
    assert "There is no email for you yet" in soup(client.get("/demo-mailbox/")).get_text()
    session = client.session
    session["demo_mailbox_addresses"] = ["sam@example.com"]
    session.save()
    inbox = soup(client.get("/demo-mailbox/"))
    links = inbox.select(".cf-mailbox a")
    assert [a.get_text(strip=True) for a in links] == ["Confirm your email address"]
    message = soup(client.get(links[0]["href"]))
    assert message.h1.get_text() == "Confirm your email address"
    # the link in the email points at this server, whatever its port
    assert message.select_one(".govuk-inset-text a")["href"] == "/care-jobs/x"
    other = notify_message_id("someone-else@example.com")
    assert client.get(f"/demo-mailbox/{other}").status_code == 404


def notify_message_id(address: str) -> int:
    from careforce.careers.models import OutboxMessage

    return OutboxMessage.objects.get(to=address).pk


@override_settings(EMAIL_BACKEND=OUTBOX, CAREFORCE_DEMO_MAILBOX=True)
def test_an_administrator_reads_every_message_in_the_demo_mailbox(as_admin, monkeypatch):
    monkeypatch.setattr(notify, "_when_committed", lambda deliver: deliver())
    notify.send("sam@example.com", "confirm_account", confirm_link="http://127.0.0.1:8000/a")
    page = soup(as_admin.get("/demo-mailbox/"))
    assert "To sam@example.com" in page.get_text()


@override_settings(EMAIL_BACKEND=NOTIFY, CAREFORCE_DEMO_MAILBOX=False)
def test_there_is_no_mailbox_page_when_email_really_goes_out(as_admin):
    assert as_admin.get("/demo-mailbox/").status_code == 404


def test_a_change_that_is_rolled_back_sends_no_email(django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                notify.send("sam@example.com", "confirm_account", confirm_link="x")
                raise RuntimeError("something went wrong after the email was asked for")
        except RuntimeError:
            pass
    assert callbacks == [] and mail.outbox == []


@override_settings(EMAIL_BACKEND=NOTIFY, GOVUK_NOTIFY_API_KEY="test-key", GOVUK_NOTIFY_PLAIN_TEMPLATE_ID="t")
def test_a_refusal_by_notify_is_logged_without_the_address_and_saves_what_was_saved(monkeypatch, caplog):
    from notifications_python_client import notifications
    from notifications_python_client.errors import HTTPError

    class Refusing(FakeNotify):
        def send_email_notification(self, **request):  # type: ignore[no-untyped-def]
            raise HTTPError(message="email_address sam@example.com is not valid")

    monkeypatch.setattr(notifications, "NotificationsAPIClient", Refusing)
    monkeypatch.setattr(notify, "_when_committed", lambda deliver: deliver())
    with caplog.at_level(logging.DEBUG):
        notify.send("sam@example.com", "confirm_account", confirm_link="x")
    assert "Email not sent: template confirm_account" in caplog.text
    assert "sam@example.com" not in caplog.text


@override_settings(EMAIL_BACKEND=OUTBOX, CAREFORCE_DEMO_MAILBOX=True)
def test_djangos_password_reset_goes_through_the_same_sender_into_the_demo_mailbox(as_admin):
    from careforce.careers.models import OutboxMessage

    Client().post("/sign-in/forgotten-password", {"email": "manager@demo.careforce.test"})
    (kept,) = OutboxMessage.objects.filter(to="manager@demo.careforce.test")
    assert "/sign-in/new-password/" in kept.body
    assert kept.subject in text_of(as_admin.get("/demo-mailbox/"))


def text_of(response):  # type: ignore[no-untyped-def]
    return soup(response).get_text()
