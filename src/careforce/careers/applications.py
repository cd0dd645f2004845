"""A job seeker's applications, from their side: found by account or by a signed emailed link, the address
confirmed, withdrawn, and joined to an account whose address is confirmed.

Applications sent with an address join an account with that address only once the account's owner has
shown they receive mail there (opened the link we sent): anyone can type anyone's address into a form.
Applications sent in this browser before the account was made join at once (``services.claim_applications``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from careforce import links, notify
from careforce.careers.models import ConfirmedAddress
from careforce.domain.access import Role
from careforce.recruitment import services
from careforce.recruitment.models import Application, Stage

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from careforce.accounts.models import User


def by_link(token: str, purpose: str) -> Application:
    try:
        application_id = links.read(token, purpose)
        return Application.objects.select_related("vacancy__workplace__organisation").get(pk=application_id)
    except (links.BadLink, Application.DoesNotExist):
        raise Http404("This link has expired or is not one of ours") from None


def own(user: User, application_id: int) -> Application:
    """One of the signed-in job seeker's own applications; anyone else's is a 404."""
    try:
        return Application.objects.select_related("vacancy__workplace__organisation").get(
            pk=application_id, applicant=user, applicant__isnull=False
        )
    except Application.DoesNotExist:
        raise Http404("No such application") from None


def already_applied(user: User | AnonymousUser, sent_here: list[int], vacancy: Any) -> Application | None:
    """An application to ``vacancy`` (not withdrawn) sent from this browser or by this account."""
    found = Application.objects.filter(vacancy=vacancy).exclude(stage=Stage.WITHDRAWN)
    mine = found.filter(pk__in=sent_here).first()
    if mine is None and user.is_authenticated:
        mine = found.filter(applicant_id=user.pk).first()
    return mine


def is_withdrawable(application: Application) -> bool:
    return application.stage not in (Stage.HIRED, Stage.WITHDRAWN) and bool(application.email)


def confirmed_email(user: User) -> str | None:
    found = ConfirmedAddress.objects.filter(user=user).values_list("email", flat=True).first()
    return str(found) if found else None


def ask_to_confirm(user: User) -> None:
    """Email the account's owner a link that confirms their address."""
    notify.send(user.email or user.username, "confirm_account", confirm_link=links.confirm_account(user.pk))


def confirm_account(token: str) -> tuple[Any, int]:
    """The account's owner opened our link: record the address and join their applications. (user, joined)."""
    try:
        user_id = links.read(token, "confirm-account")
    except links.BadLink:
        raise Http404("This link has expired or is not one of ours") from None
    with transaction.atomic():
        user = get_user_model().objects.filter(pk=user_id, role=Role.JOB_SEEKER, is_active=True).first()
        if user is None:
            raise Http404("No such account")
        email = str(user.email or user.username)
        ConfirmedAddress.objects.update_or_create(user=user, defaults={"email": email, "confirmed_at": timezone.now()})
        joined = Application.objects.filter(applicant__isnull=True, email__iexact=email).update(applicant=user)
    return user, joined


def confirm_application(token: str) -> Application:
    """The applicant opened the link in their copy: the address is confirmed, and the application joins the
    account that has confirmed the same address, if there is one."""
    application = by_link(token, "confirm-application")
    with transaction.atomic():
        services.confirm_email(application)
        if application.applicant_id is None and application.email:
            owner = ConfirmedAddress.objects.filter(email__iexact=application.email).values_list("user", flat=True)
            if owner:
                Application.objects.filter(pk=application.pk, applicant__isnull=True).update(applicant=owner[0])
    application.refresh_from_db()
    return application
