"""Job search: the form posts, the search is kept in the session, and results are at a URL without the
postcode (POST-redirect-GET; ADR 0044). Paging and sort order are in the query string: they say nothing
about the person."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.views.decorators.http import require_POST
from markupsafe import Markup

from careforce.accounts.access import public, requires
from careforce.accounts.scope import scope_for
from careforce.careers import queries, services
from careforce.careers.forms import (
    SearchForm,
    describe_search,
    initial_from_session,
    job_filters,
    search_from_filters,
)
from careforce.careers.presenters import present_hits
from careforce.domain.access import Permission
from careforce.domain.careers.coverage import in_region, outside_region, where_we_work
from careforce.domain.careers.matching import NO_SOFT_SIGNALS, SoftSignals, self_assessment_signals
from careforce.domain.careers.postcodes import ATTRIBUTION
from careforce.domain.careers.search import JobFilters, search_page, widen_suggestions
from careforce.domain.careers.wording import count_of, miles
from careforce.web.journeys import page_has_errors

if TYPE_CHECKING:
    from careforce.careers.models import SavedSearch

SEARCH = "careers_search"
PER_PAGE = 20
# Result pages already worked out, per process (settings.CACHES["careers"]): see ResultsPage.
RESULTS_CACHE = "careers"


# the search form's fields other than the postcode, rendered by careers/_search_options.html
OPTION_FIELDS = ("distance", "roles", "hours", "min_pay", "terms", "sort")


class _Value:
    def __init__(self, value: Any) -> None:
        self._value = value

    def value(self) -> Any:
        return self._value


class _Choices:
    def __init__(self, choices: Any) -> None:
        self.choices = choices


class _OptionValues:
    """What careers/_search_options.html reads of a search form (values, choices, first errors), as plain
    values, so the rendered options can be kept per set of values."""

    def __init__(self, values: dict[str, Any], errors: dict[str, list[str]]) -> None:
        self._values = values
        self.errors = errors
        self.fields = {name: _Choices(getattr(field, "choices", ())) for name, field in SearchForm().fields.items()}

    def __getitem__(self, name: str) -> _Value:
        return _Value(self._values[name])


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


@lru_cache(maxsize=1024)
def _options_html(values: tuple[tuple[str, Any], ...], errors: tuple[tuple[str, str], ...]) -> Markup:
    form = _OptionValues(dict(values), {name: [message] for name, message in errors})
    return Markup(render_to_string("careers/_search_options.html", {"form": form}))


def _search_options(form: SearchForm) -> Markup:
    """The search form's options (distance, roles, hours, pay, terms, sort), rendered once per set of
    values: the GOV.UK checkbox macros are the slowest part of the page. The postcode is not in them."""
    values = tuple((name, _hashable(form[name].value())) for name in OPTION_FIELDS)
    errors = tuple((name, str(form.errors[name][0])) for name in OPTION_FIELDS if form.errors.get(name))
    return _options_html(values, errors)


@public
def search_form(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = SearchForm(request.POST)
        if form.is_valid():
            search = form.to_session()
            if request.session.get(SEARCH) != search:  # the same search again needs no session write
                request.session[SEARCH] = search
            return redirect("careers:results")
    else:
        stored = request.session.get(SEARCH)
        form = SearchForm(initial=initial_from_session(stored) if stored else None)
    return render(
        request,
        "careers/search.html",
        {
            "title": "Search for care jobs",
            "where_we_work": where_we_work(),
            "form": form,
            "options": _search_options(form),
            "page_has_errors": page_has_errors(form),
        },
    )


def _int(value: str | None, default: int) -> int:
    try:
        return max(1, int(value or default))
    except ValueError:
        return default


def _soft_signals(request: HttpRequest) -> SoftSignals:
    """The soft signals a signed-in person chose to keep with us: their saved self-assessment result."""
    if not request.user.is_authenticated:
        return NO_SOFT_SIGNALS
    return self_assessment_signals(queries.latest_self_assessment_answers(request.user))


@dataclass(frozen=True)
class ResultsPage:
    """What one page of results shows, the same for everyone with the same search on the same data:
    the total, the page, the listing (rendered HTML, no personal data in it beyond the distances)
    and, when nothing was found, the ways to widen the search (text and count)."""

    total: int
    page: int
    pages: int
    has_hits: bool
    listing: str
    suggestions: tuple[tuple[str, int | None], ...]


@lru_cache(maxsize=4096)
def _pagination(page: int, pages: int) -> Markup:
    """The pagination links for one page of so many (no search in them: only ``?page=``)."""
    return Markup(render_to_string("careers/_pagination.html", {"page": page, "pages": pages}))


def _results_page(live: queries.LiveVacancies, filters: JobFilters, page_number: int, soft: SoftSignals) -> ResultsPage:
    """One page of results, worked out once per search, page, soft signals and build of the live index.

    The cache key is a keyed hash (the search holds a postcode), and includes when the index was built,
    so a page is never served from data that have since changed.
    """
    material = repr(
        (live.built_at, live.version, filters, page_number, sorted(soft.self_assessment_roles), soft.weights)
    )
    key = "results:" + salted_hmac("careers.results", material).hexdigest()
    cache = caches[RESULTS_CACHE]
    found: ResultsPage | None = cache.get(key)
    if found is not None:
        return found
    page = search_page(live.index, filters, page=page_number, per_page=PER_PAGE, soft=soft)
    jobs = present_hits(live, page.hits, filters, soft)
    listing = (
        render_to_string("careers/_results_list.html", {"jobs": jobs, "pagination": _pagination(page.page, page.pages)})
        if page.hits
        else ""
    )
    suggestions = widen_suggestions(filters, live.index) if page.total == 0 else []
    found = ResultsPage(
        page.total, page.page, page.pages, bool(page.hits), listing, tuple((s.text, s.count) for s in suggestions)
    )
    cache.set(key, found)
    return found


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
    soft = _soft_signals(request)
    page = _results_page(queries.live_vacancies(), filters, _int(request.GET.get("page"), 1), soft)
    if page.has_hits and page.page > page.pages:
        return redirect(reverse("careers:results"))
    outside = outside_region(filters.place) if filters.place is not None and not in_region(filters.place) else None
    return render(
        request,
        "careers/results.html",
        {
            "title": "Care jobs near you" if page.total else "No care jobs found",
            "search": stored,
            "described": describe_search(stored),
            "page": page,
            "listing": Markup(page.listing),
            "suggestions": list(enumerate(page.suggestions)),
            "attribution": ATTRIBUTION.splitlines(),
            "can_save": scope_for(request).job_seeker,
            "outside_region": outside,
            "place_is_district": not outside and filters.place is not None and filters.place.precision == "district",
            "found": count_of(page.total, "job") + " found",
            "suggestion_counts": [count_of(count or 0, "job") for _, count in page.suggestions],
            "soft_nearer": miles(soft.weights.self_assessment_miles) if soft and filters.place is not None else None,
        },
    )


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
    services.save_search(request.user, stored, describe_search(stored), newest)  # type: ignore[arg-type]
    return redirect(reverse("careers:saved-searches") + "?saved=1")


def _described(saved: SavedSearch) -> str:
    """A saved search described afresh from what was saved, so the words follow today's wording rules; the
    words kept when it was saved if what was saved is not a whole search."""
    try:
        return describe_search(saved.filters)
    except (KeyError, TypeError, ValueError):
        return saved.description


@requires(Permission.VIEW_OWN_APPLICATIONS)
def saved_searches(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "careers/saved_searches.html",
        {
            "title": "Your saved searches",
            "searches": [(saved, _described(saved)) for saved in queries.saved_searches_of(request.user)],
            "just_saved": request.GET.get("saved") == "1",
        },
    )


@requires(Permission.VIEW_OWN_APPLICATIONS)
@require_POST
def saved_search_action(request: HttpRequest, search_id: int) -> HttpResponse:
    saved = queries.saved_search_of(request.user, search_id)
    action = request.POST.get("action")
    if action == "delete":
        services.delete_saved_search(request.user, saved.pk)  # type: ignore[arg-type]
        return redirect("careers:saved-searches")
    if action == "run":
        request.session[SEARCH] = saved.filters
        return redirect("careers:results")
    raise PermissionDenied
