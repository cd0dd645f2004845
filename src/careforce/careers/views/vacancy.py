"""One job: what it is, honest pay (an hour and a year), the employer and its CQC rating, and how long it takes
to get there from the person's search."""

from __future__ import annotations

import numpy as np
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from careforce.accounts.access import public
from careforce.careers import queries
from careforce.careers.forms import job_filters
from careforce.careers.presenters import present
from careforce.careers.vacancy_page import present_page
from careforce.careers.views.search import SEARCH
from careforce.domain.careers.distance import haversine_miles
from careforce.domain.careers.postcodes import ATTRIBUTION


@public
def vacancy(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    job = queries.live_vacancy(vacancy_id)
    stored = request.session.get(SEARCH)
    distance = None
    filters = None
    if stored:
        filters = job_filters(stored)
        where = queries.workplace_place(job)
        if where is not None and filters.place is not None:
            distance = float(
                haversine_miles(
                    filters.place.latitude,
                    filters.place.longitude,
                    np.array([where.latitude]),
                    np.array([where.longitude]),
                )[0]
            )
    view = present(queries.details_of(job), distance, filters)
    page = present_page(job, view, distance, filters.place.postcode if filters and filters.place else None)
    return render(
        request,
        "careers/vacancy.html",
        {
            "title": f"{view.title} at {view.workplace}",
            "job": view,
            "page": page,
            "from_search": bool(stored),
            "attribution": ATTRIBUTION.splitlines() if distance is not None else None,
        },
    )
