"""The demo mailbox: read the email the service sent, in the browser (only while the outbox is the sender)."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from markupsafe import Markup, escape

from careforce.accounts.access import public
from careforce.accounts.scope import scope_for
from careforce.careers import mailbox
from careforce.recruitment.presenters import gov_datetime

PER_PAGE = 20
_LINK = re.compile(r"https?://[^\s<>]+")


def _paragraphs(body: str) -> list[Markup]:
    """The body as paragraphs, links made clickable and pointed at this server (the demo runs on any port)."""
    base = str(getattr(settings, "CAREFORCE_BASE_URL", "")).rstrip("/")

    def link(match: re.Match[str]) -> str:
        href = match.group(0)
        local = href[len(base) :] if base and href.startswith(base + "/") else href
        return f'<a class="govuk-link" href="{escape(local)}">{escape(href)}</a>'

    out = []
    for paragraph in body.split("\n\n"):
        pieces = _LINK.split(paragraph)
        links = _LINK.finditer(paragraph)
        html = str(escape(pieces[0]))
        for match, rest in zip(links, pieces[1:], strict=True):
            html += link(match) + str(escape(rest))
        out.append(Markup(html.replace("\n", "<br>")))
    return out


@public
def inbox(request: HttpRequest) -> HttpResponse:
    found = mailbox.messages_for(request)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "careers/mailbox.html",
        {
            "title": "Demo mailbox",
            "page": page,
            "addresses": mailbox.addresses_of(request),
            "everyone": scope_for(request).administrator,
            "when": gov_datetime,
        },
    )


@public
def message(request: HttpRequest, message_id: int) -> HttpResponse:
    found = mailbox.message_for(request, message_id)
    return render(
        request,
        "careers/mailbox_message.html",
        {"title": found.subject, "message": found, "paragraphs": _paragraphs(found.body), "when": gov_datetime},
    )
