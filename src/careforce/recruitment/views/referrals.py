"""Staff referrals (as in Care Friends): a member of staff refers a friend; the referral is tracked to hire
and to the friend staying 3 and 6 months, milestones the provider can reward."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from careforce.accounts.access import requires
from careforce.domain.access import Permission

from .. import presenters, queries, services
from ..forms import ReferralForm
from .common import notify, page


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def refer_a_friend(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "refer_a_friend.html",
        "Refer a friend",
        vacancies=list(queries.referable_vacancies(request.user)),
        referrals=presenters.referral_rows(list(queries.referrals_by(request.user))),
    )


@requires(Permission.VIEW_OWN_WORKER_RECORD)
def refer(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = queries.referable_vacancy_for(request.user, vacancy_id)
    form = ReferralForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.refer_friend(
            request.user, vacancy.pk, form.cleaned_data["friend_name"], form.cleaned_data["friend_email"]
        )
        notify(
            request,
            "Referral sent. Ask your friend to apply using the email address you gave us, "
            "so we can link their application to your referral.",
        )
        return redirect("recruitment:refer-a-friend")
    name = presenters.vacancy_name(vacancy)
    return page(request, "refer.html", f"Refer a friend: {name}", form=form, vacancy=vacancy, vacancy_name=name)


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def organisation_referrals(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "referrals.html",
        "Staff referrals",
        referrals=presenters.referral_rows(list(queries.referrals_for_organisation(request.user)), with_referrer=True),
    )
