"""Staff referrals (as in Care Friends): a member of staff refers a friend; the referral is tracked to hire
and to the friend staying 3 and 6 months, milestones the provider can reward."""

from urllib.parse import quote, urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect

from careforce import links
from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission

from .. import presenters, queries, services
from ..forms import ReferralForm, VacancySearch
from .common import notify, page

PER_PAGE = 20


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def refer_a_friend(request: ScopedRequest) -> HttpResponse:
    search = VacancySearch(request.GET)
    words = search.cleaned_data["q"] if search.is_valid() else ""
    found = queries.referable_vacancies(request.scope, words)
    listed = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    return page(
        request,
        "refer_a_friend.html",
        "Refer a friend",
        search=search,
        words=words,
        listed=listed,
        showing=presenters.showing(listed, "vacancy", "vacancies"),
        pages=presenters.pagination(request.GET, listed),
        referrals=presenters.referral_rows(list(queries.referrals_by(request.scope))),
    )


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def share(request: ScopedRequest, vacancy_id: int) -> HttpResponse:
    vacancy = queries.referable_vacancy_for(request.scope, vacancy_id)
    name = presenters.vacancy_name(vacancy)
    link = links.share(request.user.pk, vacancy.pk)  # type: ignore[arg-type]
    message = f"{name} at {vacancy.workplace.name}: I think you would be good at this job. Apply here: {link}"
    return page(
        request,
        "share.html",
        f"Share this job: {name}",
        vacancy=vacancy,
        vacancy_name=name,
        link=link,
        email_href="mailto:?" + urlencode({"subject": f"A care job for you: {name}", "body": message}, quote_via=quote),
        whatsapp_href="https://wa.me/?" + urlencode({"text": message}, quote_via=quote),
    )


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def refer(request: ScopedRequest, vacancy_id: int) -> HttpResponse:
    vacancy = queries.referable_vacancy_for(request.scope, vacancy_id)
    form = ReferralForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.refer_friend(
            request.user,
            vacancy.pk,
            form.cleaned_data["friend_name"],
            form.cleaned_data["friend_email"],
            form.cleaned_data["your_name"],
        )
        notify(
            request,
            f"Referral sent. We have emailed {form.cleaned_data['friend_name']} a link to the job: when they apply "
            "through it, or with the email address you gave us, the application counts as your referral.",
        )
        return redirect("recruitment:refer-a-friend")
    name = presenters.vacancy_name(vacancy)
    return page(request, "refer.html", f"Refer a friend: {name}", form=form, vacancy=vacancy, vacancy_name=name)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def organisation_referrals(request: ScopedRequest) -> HttpResponse:
    return page(
        request,
        "referrals.html",
        "Staff referrals",
        referrals=presenters.referral_rows(list(queries.referrals_for_organisation(request.scope)), with_referrer=True),
    )
