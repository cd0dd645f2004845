"""Sending email to people looking for work, through a sender chosen by a setting.

``CAREFORCE_EMAIL_SENDER`` is the dotted path of a class with ``send(message: Email) -> None``.
The default, ``ConsoleSender``, writes the message to standard output (as Django's console email
backend does), so a newcomer's installation needs no mail server. ``DjangoMailSender`` hands the
message to Django's ``send_mail`` (configure ``EMAIL_BACKEND`` and friends), and a deployment can
point the setting at its own class (for example GOV.UK Notify). Nothing here logs the address or
the body.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

DEFAULT_SENDER = "careforce.careers.notify.ConsoleSender"


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    body: str


class EmailSender(Protocol):
    def send(self, message: Email) -> None: ...


class ConsoleSender:
    """Prints the message to standard output: the default for laptops and tests."""

    def send(self, message: Email) -> None:
        sys.stdout.write(f"To: {message.to}\nSubject: {message.subject}\n\n{message.body}\n{'-' * 70}\n")
        sys.stdout.flush()


class DjangoMailSender:
    """Sends with Django's email framework (``EMAIL_BACKEND``, ``DEFAULT_FROM_EMAIL``)."""

    def send(self, message: Email) -> None:
        from django.core.mail import send_mail

        send_mail(message.subject, message.body, None, [message.to])


def sender() -> EmailSender:
    path = getattr(settings, "CAREFORCE_EMAIL_SENDER", "") or DEFAULT_SENDER
    return import_string(path)()  # type: ignore[no-any-return]


def send(to: str, subject: str, body: str) -> None:
    sender().send(Email(to, subject, body))
