"""The demo mailbox: who may read which message kept by the outbox (ADR 0085).

It exists only while the outbox is the sender (``settings.CAREFORCE_DEMO_MAILBOX``). A regional administrator
reads every message. Anyone else reads their own mail: messages to their signed-in account's address, and
messages to an address they typed into an application or referral in this browser (kept in the server-side
session, never in the URL). The demo is synthetic; the outbox is never the sender in production.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from careforce.accounts.scope import scope_for

from .models import OutboxMessage

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from careforce.accounts.models import User

ADDRESSES = "demo_mailbox_addresses"


def enabled() -> bool:
    return bool(getattr(settings, "CAREFORCE_DEMO_MAILBOX", False))


def remember_address(request: HttpRequest, address: str) -> None:
    """This browser typed ``address`` (applying, say): its mail may be read here in the demo."""
    if not enabled() or not address:
        return
    known = list(request.session.get(ADDRESSES) or [])
    if address.lower() not in known:
        request.session[ADDRESSES] = [*known, address.lower()][-10:]


def addresses_of(request: HttpRequest) -> list[str]:
    user: User | AnonymousUser = request.user
    own = [str(user.email or user.username).lower()] if user.is_authenticated else []
    return [*own, *(request.session.get(ADDRESSES) or [])]


def messages_for(request: HttpRequest) -> QuerySet[OutboxMessage]:
    if not enabled():
        raise Http404("No demo mailbox")
    if scope_for(request).administrator:
        return OutboxMessage.objects.all()
    wanted = Q(pk__in=[])
    for address in addresses_of(request):
        wanted |= Q(to__iexact=address)
    return OutboxMessage.objects.filter(wanted)


def message_for(request: HttpRequest, message_id: int) -> OutboxMessage:
    try:
        return messages_for(request).get(pk=message_id)
    except OutboxMessage.DoesNotExist:
        raise Http404("No such message") from None
