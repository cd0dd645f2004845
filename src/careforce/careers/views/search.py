"""Job search: the form posts, the search is kept in the session, and results are at a URL without the
postcode (POST-redirect-GET; ADR 0044). Paging and sort order are in the query string: they say nothing
about the person."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from careforce.accounts.access import public, requires
from careforce.careers import queries
from careforce.careers.forms import (
    SearchForm,
    describe_search,
    initial_from_session,
    job_filters,
    search_from_filters,
)
from careforce.careers.models import SavedSearch
from careforce.careers.presenters import present
from careforce.domain.access import Permission
from careforce.domain.careers.postcodes import ATTRIBUTION
from careforce.domain.careers.search import search_page, widen_suggestions

SEARCH = "careers_search"
PER_PAGE = 20


@public
def search_form(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = SearchForm(request.POST)
        if form.is_valid():
            request.session[SEARCH] = form.to_session()
            return redirect("careers:results")
    else:
        stored = request.session.get(SEARCH)
        form = SearchForm(initial=initial_from_session(stored) if stored else None)
    return render(request, "careers/search.html", {
        "title": "Search for care jobs", "form": form, "page_has_errors": bool(form.errors)})


def _int(value: str | None, default: int) -> int:
    try:
        return max(1, int(value or default))
    except ValueError:
        return default


@public
def results(request: HttpRequest) -> HttpResponse:
    stored: dict[str, Any] | None = request.session.get(SEARCH)
    if not stored:
        return redirect("careers:search")
    sort = request.GET.get("sort")
    if sort in ("distance", "newest") and sort != stored.get("sort"):
        stored = {**stored, "sort": sort}
        request.session[SEARCH] = stored
    filters = job_filters(stored)
    live = queries.live_vacancies()
    page = search_page(live.index, filters, page=_int(request.GET.get("page"), 1), per_page=PER_PAGE)
    if page.hits and page.page > page.pages:
        return redirect(reverse("careers:results"))
    found = queries.vacancies_by_id([h.vacancy_id for h in page.hits])
    jobs = [present(found[h.vacancy_id], h.distance_miles, filters) for h in page.hits if h.vacancy_id in found]
    suggestions = widen_suggestions(filters, live.index) if page.total == 0 else []
    return render(request, "careers/results.html", {
        "title": "Care jobs near you" if page.total else "No care jobs found",
        "search": stored, "described": describe_search(stored), "page": page, "jobs": jobs,
        "suggestions": list(enumerate(suggestions)), "attribution": ATTRIBUTION.splitlines(),
        "can_save": request.user.is_authenticated and getattr(request.user, "role", None) == "job_seeker",
        "place_is_district": filters.place is not None and filters.place.precision == "district",
    })


@public
def widen(request: HttpRequest, number: int) -> HttpResponse:
    """Apply one of the suggestions shown for an empty search (by its number, never the postcode)."""
    stored = request.session.get(SEARCH)
    if not stored:
        return redirect("careers:search")
    filters = job_filters(stored)
    suggestions = widen_suggestions(filters, queries.live_vacancies().index)
    if 0 <= number < len(suggestions):
        request.session[SEARCH] = search_from_filters(stored, suggestions[number].filters)
    return redirect("careers:results")


@requires(Permission.VIEW_OWN_APPLICATIONS)
@require_POST
def save_search(request: HttpRequest) -> HttpResponse:
    stored = request.session.get(SEARCH)
    if not stored:
        return redirect("careers:search")
    live = queries.live_vacancies()
    newest = int(live.index.id.max()) if len(live.index) else 0
    SavedSearch.objects.create(user=request.user, filters=stored, description=describe_search(stored)[:300],
                               last_alerted_on=timezone.localdate(), last_seen_vacancy_id=newest)
    return redirect(reverse("careers:saved-searches") + "?saved=1")


@requires(Permission.VIEW_OWN_APPLICATIONS)
def saved_searches(request: HttpRequest) -> HttpResponse:
    return render(request, "careers/saved_searches.html", {
        "title": "Your saved searches", "searches": queries.saved_searches_of(request.user),
        "just_saved": request.GET.get("saved") == "1"})


@requires(Permission.VIEW_OWN_APPLICATIONS)
@require_POST
def saved_search_action(request: HttpRequest, search_id: int) -> HttpResponse:
    saved = queries.saved_search_of(request.user, search_id)
    action = request.POST.get("action")
    if action == "delete":
        saved.delete()
        return redirect("careers:saved-searches")
    if action == "run":
        request.session[SEARCH] = saved.filters
        return redirect("careers:results")
    raise PermissionDenied


