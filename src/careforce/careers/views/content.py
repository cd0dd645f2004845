"""What care work is really like: roles, a day in the role, typical pay, ways in, the pathway, myths."""

from __future__ import annotations

from collections import defaultdict

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from careforce.accounts.access import public
from careforce.careers import queries
from careforce.careers.presenters import job_role_label
from careforce.domain.careers.content import (
    career_paths,
    entry_routes,
    myths,
    pathway_edges,
    role_profiles,
    values_source,
)
from careforce.domain.careers.coverage import spoken_name, where_we_work
from careforce.domain.careers.pay import MIN_VACANCIES, NOT_ENOUGH
from careforce.domain.careers.postcodes import ATTRIBUTION, LICENCE_URL


@public
def start(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "careers/start.html",
        {"title": "Find care work in the West Midlands", "where_we_work": where_we_work()},
    )


@public
def roles(request: HttpRequest) -> HttpResponse:
    by_category: dict[str, list] = defaultdict(list)  # type: ignore[type-arg]
    for profile in sorted(role_profiles().values(), key=lambda p: (p.cwp_category, p.title)):
        by_category[profile.cwp_category_label].append(profile)
    pay = {g.job_role: g for g in queries.typical_pay_by_role()}
    return render(
        request,
        "careers/roles.html",
        {"title": "Roles in adult social care", "by_category": dict(by_category), "pay": pay, "not_enough": NOT_ENOUGH},
    )


@public
def role(request: HttpRequest, job_role: int) -> HttpResponse:
    profiles = role_profiles()
    profile = profiles.get(job_role)
    if profile is None:
        raise Http404("No such role")
    region = next((g for g in queries.typical_pay_by_role() if g.job_role == job_role), None)
    councils = {code: spoken_name(name) for code, name in queries.council_names().items()}
    by_council = [
        (councils.get(g.council_code or "", g.council_code), g)
        for g in queries.typical_pay_by_role_and_council()
        if g.job_role == job_role
    ]
    return render(
        request,
        "careers/role.html",
        {
            "title": profile.title,
            "profile": profile,
            "profiles": profiles,
            "routes": entry_routes(),
            "region_pay": region,
            "council_pay": sorted(by_council, key=lambda x: str(x[0])),
            "paths": career_paths(job_role)[:6],
            "not_enough": NOT_ENOUGH,
            "min_vacancies": MIN_VACANCIES,
        },
    )


@public
def pay(request: HttpRequest) -> HttpResponse:
    profiles = role_profiles()
    councils = {code: spoken_name(name) for code, name in queries.council_names().items()}
    rows = [
        (
            profiles[g.job_role].title if g.job_role in profiles else job_role_label(g.job_role),
            councils.get(g.council_code or "", g.council_code),
            g,
        )
        for g in queries.typical_pay_by_role_and_council()
    ]
    return render(
        request,
        "careers/pay.html",
        {
            "title": "Typical pay in care jobs",
            "region": queries.typical_pay_by_role(),
            "rows": rows,
            "profiles": profiles,
            "not_enough": NOT_ENOUGH,
            "min_vacancies": MIN_VACANCIES,
            "label": job_role_label,
        },
    )


@public
def ways_in(request: HttpRequest) -> HttpResponse:
    return render(request, "careers/ways_in.html", {"title": "Ways into care work", "routes": entry_routes()})


@public
def pathway(request: HttpRequest) -> HttpResponse:
    profiles = role_profiles()
    onward: dict[int, list[int]] = defaultdict(list)
    for start, end in pathway_edges():
        onward[start].append(end)
    ordered = sorted(profiles.values(), key=lambda p: (p.cwp_category, p.title))
    return render(
        request,
        "careers/pathway.html",
        {
            "title": "Where care work can lead",
            "ordered": ordered,
            "onward": onward,
            "profiles": profiles,
            "source": values_source(),
        },
    )


@public
def myths_answered(request: HttpRequest) -> HttpResponse:
    return render(request, "careers/myths.html", {"title": "Myths about care work, answered", "myths": myths()})


@public
def postcode_data(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "careers/postcode_data.html",
        {"title": "Postcode data", "attribution": ATTRIBUTION.splitlines(), "licence_url": LICENCE_URL},
    )
