"""Django email backends: GOV.UK Notify in production, the database outbox in the demo (ADR 0085).

Both take Django ``EmailMessage`` objects, so our own messages (``careforce.notify``) and Django's (password
reset) go the same way. A message made by ``notify.message`` carries the name of its template and its
fields; the Notify backend sends it with that template's id from ``GOVUK_NOTIFY_TEMPLATE_IDS``. A message
with no template, or whose template has no id configured, goes through the plain template
(``GOVUK_NOTIFY_PLAIN_TEMPLATE_ID``, a Notify template whose subject is ``((subject))`` and body ``((body))``).
Neither backend logs anything; a Notify refusal is raised without the address or the body in its message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend


class EmailNotSent(Exception):
    """GOV.UK Notify did not accept a message; the text names the template and the status, nothing personal."""


def notify_request(message: EmailMessage) -> tuple[str, dict[str, str]]:
    """The Notify template id and personalisation for one message."""
    template = getattr(message, "notify_template", None)
    ids: dict[str, str] = getattr(settings, "GOVUK_NOTIFY_TEMPLATE_IDS", {}) or {}
    if template and ids.get(template):
        return ids[template], dict(getattr(message, "notify_personalisation", {}))
    plain = getattr(settings, "GOVUK_NOTIFY_PLAIN_TEMPLATE_ID", "")
    if not plain:
        raise ImproperlyConfigured(
            f"No GOV.UK Notify template id for {template or 'a plain message'}: set GOVUK_NOTIFY_TEMPLATE_IDS "
            "or GOVUK_NOTIFY_PLAIN_TEMPLATE_ID"
        )
    return plain, {"subject": str(message.subject), "body": str(message.body)}


class NotifyEmailBackend(BaseEmailBackend):
    """Sends each message with GOV.UK Notify's Python client (``notifications-python-client``)."""

    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        super().__init__(fail_silently=fail_silently, **kwargs)
        self.client: Any = None

    def open(self) -> bool:
        if self.client is None:
            from notifications_python_client.notifications import NotificationsAPIClient

            key = getattr(settings, "GOVUK_NOTIFY_API_KEY", "")
            if not key:
                raise ImproperlyConfigured("Set GOVUK_NOTIFY_API_KEY to send email with GOV.UK Notify")
            base_url = getattr(settings, "GOVUK_NOTIFY_BASE_URL", "") or "https://api.notifications.service.gov.uk"
            self.client = NotificationsAPIClient(key, base_url=base_url)
            return True
        return False

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from notifications_python_client.errors import HTTPError

        if not email_messages:
            return 0
        self.open()
        sent = 0
        for message in email_messages:
            template_id, personalisation = notify_request(message)
            for address in message.recipients():
                try:
                    self.client.send_email_notification(
                        email_address=address, template_id=template_id, personalisation=personalisation
                    )
                except HTTPError as problem:
                    if not self.fail_silently:
                        status = getattr(problem, "status_code", "unknown")
                        template = getattr(message, "notify_template", "plain")
                        raise EmailNotSent(f"GOV.UK Notify refused a {template} email (status {status})") from None
                    continue
                sent += 1
        return sent


class OutboxEmailBackend(BaseEmailBackend):
    """Keeps each message in the database (``careers.OutboxMessage``) for the demo mailbox page."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from careforce.careers.models import OutboxMessage

        rows = [
            OutboxMessage(
                to=address,
                subject=str(message.subject),
                body=str(message.body),
                template=getattr(message, "notify_template", "") or "",
            )
            for message in email_messages
            for address in message.recipients()
        ]
        OutboxMessage.objects.bulk_create(rows)
        return len(rows)
