"""Signed links we email to applicants (confirm an address, withdraw an application) and staff share with
friends (a job, crediting them).

A link carries only what it is for and a record's number, signed with the secret key and dated (Django's
``signing``), never an address or a name: it ends up in mail logs and browser history. A link older than
its limit, or altered, is refused.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.urls import reverse

from careforce import notify

SALT = "careforce.links"
LIMITS = {
    "confirm-application": timedelta(days=30),
    "confirm-account": timedelta(days=7),
    "withdraw": timedelta(days=365),
    "share": timedelta(days=365),
}


class BadLink(Exception):
    """The link is not one of ours, was altered, or is too old."""


def make(purpose: str, record_id: int) -> str:
    if purpose not in LIMITS:
        raise ValueError(purpose)
    return signing.dumps([purpose, int(record_id)], salt=SALT, compress=False)


def read(token: str, purpose: str) -> int:
    """The record number a link of this purpose was made for."""
    try:
        made_for, record_id = signing.loads(token, salt=SALT, max_age=LIMITS[purpose])
    except (signing.BadSignature, ValueError, TypeError):
        raise BadLink from None
    if made_for != purpose:
        raise BadLink
    return int(record_id)


def confirm_application(application_id: int) -> str:
    return notify.link(reverse("careers:confirm-email", args=[make("confirm-application", application_id)]))


def confirm_account(user_id: int) -> str:
    return notify.link(reverse("careers:confirm-account", args=[make("confirm-account", user_id)]))


def withdraw(application_id: int) -> str:
    return notify.link(reverse("careers:withdraw-by-link", args=[make("withdraw", application_id)]))


def share(referrer_id: int, vacancy_id: int) -> str:
    """A member of staff's link to a job, for a friend: applying through it credits them (a referral)."""
    return notify.link(reverse("careers:referred", args=[vacancy_id, make("share", referrer_id)]))
