"""The one way careforce sends email: a message from the catalogue below, through Django's ``EMAIL_BACKEND``.

Every email the service sends (application confirmation, address confirmation, stage changes, job alerts,
referrals, and Django's own password reset) goes through Django's mail framework, so one setting chooses
the sender for all of them (ADR 0085):

* production: ``careforce.careers.mail_backends.NotifyEmailBackend``, GOV.UK Notify's client, with the
  API key and a template id per message from the environment (``GOVUK_NOTIFY_API_KEY``,
  ``GOVUK_NOTIFY_TEMPLATE_IDS``, ``GOVUK_NOTIFY_PLAIN_TEMPLATE_ID``);
* the demo and laptops: ``careforce.careers.mail_backends.OutboxEmailBackend``, a local outbox in the
  database that a person opens in the browser (``/demo-mailbox``).

Each message in ``TEMPLATES`` has a subject and body written with GOV.UK Notify's ``((placeholder))``
syntax: the same text is pasted into the Notify template, and rendered here for the outbox. Messages
are sent when the transaction that caused them commits, so a change that is rolled back tells nobody.
Nothing here logs an address, a name or a body: a failure is logged with the template's name only.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction

logger = logging.getLogger(__name__)

SIGN_OFF = "careforce: adult social care jobs in the West Midlands"


@dataclass(frozen=True)
class Template:
    """One kind of email: its subject and body with ``((placeholders))``, as pasted into GOV.UK Notify."""

    subject: str
    body: str

    @property
    def placeholders(self) -> tuple[str, ...]:
        found = re.findall(r"\(\(([a-z_]+)\)\)", self.subject + self.body)
        return tuple(dict.fromkeys(found))


TEMPLATES: dict[str, Template] = {
    "application_sent": Template(
        "Your application to ((employer))",
        "Dear ((name)),\n\n"
        "Thank you for applying to be ((job)) at ((workplace)) (((employer))). Your reference is ((reference)).\n\n"
        "Please confirm your email address, so the employer knows it reaches you:\n((confirm_link))\n\n"
        "The employer will contact you by email or phone. We will email you when your application moves on.\n\n"
        "To see your applications, create an account with this email address: ((account_link))\n\n"
        "If you no longer want the job, you can withdraw your application: ((withdraw_link))\n\n" + SIGN_OFF,
    ),
    "confirm_account": Template(
        "Confirm your email address",
        "Confirm the email address of your careforce account by opening this link:\n((confirm_link))\n\n"
        "Once you have, any applications you sent with this address appear in your account.\n\n"
        "The link works for 7 days. If you did not create an account, ignore this email.\n\n" + SIGN_OFF,
    ),
    "application_update": Template(
        "Your application to ((employer)): ((status))",
        "Dear ((name)),\n\n"
        "Your application to be ((job)) at ((workplace)) (((employer))), reference ((reference)), has moved on.\n\n"
        "((news))\n\n"
        "See your applications: ((applications_link))\n\n" + SIGN_OFF,
    ),
    "application_withdrawn": Template(
        "You have withdrawn your application to ((employer))",
        "Dear ((name)),\n\n"
        "You have withdrawn your application to be ((job)) at ((workplace)) (((employer))), "
        "reference ((reference)). The employer has been told.\n\n"
        "Find other care jobs: ((search_link))\n\n" + SIGN_OFF,
    ),
    "friend_referred": Template(
        "((referrer)) thinks you would be good at care work",
        "Dear ((name)),\n\n"
        "((referrer)), who works at ((employer)), thinks you would be good at a job there: ((job)) at ((workplace)).\n\n"
        "Read about the job and apply in a few minutes, without a CV:\n((job_link))\n\n"
        "Apply with this email address so ((referrer)) gets the credit. "
        "If you are not interested, you do not need to do anything.\n\n" + SIGN_OFF,
    ),
    "job_alert": Template(
        "((count)) for your saved search",
        "New care jobs for your saved search: ((search)).\n\n((jobs))\n\n"
        "Manage your saved searches: ((saved_searches_link))\n\n" + SIGN_OFF,
    ),
}


def link(path: str, base: str | None = None) -> str:
    """An absolute link for an email (``CAREFORCE_BASE_URL``, or ``base``, and the path)."""
    return str(base or getattr(settings, "CAREFORCE_BASE_URL", "http://127.0.0.1:8000")).rstrip("/") + path


def render(text: str, fields: dict[str, str]) -> str:
    """Fill ``((placeholders))`` as GOV.UK Notify does; a placeholder without a value is an error."""

    def value(match: re.Match[str]) -> str:
        return fields[match.group(1)]

    return re.sub(r"\(\(([a-z_]+)\)\)", value, text)


def message(to: str, template: str, fields: dict[str, str]) -> EmailMessage:
    """The Django email for one of our templates, carrying the template's name and fields for Notify."""
    chosen = TEMPLATES[template]
    missing = [name for name in chosen.placeholders if name not in fields]
    if missing:
        raise KeyError(f"template {template} needs {', '.join(missing)}")
    email = EmailMessage(
        subject=render(chosen.subject, fields),
        body=render(chosen.body, fields),
        from_email=getattr(settings, "DEFAULT_FROM_EMAIL", None),
        to=[to],
    )
    email.notify_template = template  # type: ignore[attr-defined]
    email.notify_personalisation = dict(fields)  # type: ignore[attr-defined]
    return email


def send(to: str, template: str, **fields: str) -> None:
    """Send one of our templates to ``to`` once the current transaction commits (at once outside one)."""
    email = message(to, template, {k: str(v) for k, v in fields.items()})

    def deliver() -> None:
        try:
            get_connection().send_messages([email])
        except Exception as problem:  # noqa: BLE001 - an email failing must not undo what was saved
            logger.warning("Email not sent: template %s, %s", template, type(problem).__name__)

    _when_committed(deliver)


def _when_committed(deliver: Callable[[], None]) -> None:
    transaction.on_commit(deliver)
