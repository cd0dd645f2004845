"""Walk every page a person can reach, as one user, by following the links the pages show.

Used by the markup check (tests/integration/test_every_page.py), the phone-width check
(tests/e2e/test_phone_width.py) and the route benchmark (benchmarks/bench_routes.py). It starts from the
routes that take no arguments (from the route map) and follows each ``<a href>`` and redirect on the
site, so the ids in a URL are real ones from the data, as a person would meet them. Each route is
opened at most ``per_route`` times (different ids or query strings), so a list of 6,000 workers does
not mean 6,000 requests. Nothing here is tied to a client: ``fetch`` is any function that GETs a path.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

# routes not followed: signing out ends the walk's session
NOT_FOLLOWED = {"/sign-out"}
# markup shown as text: a tag (<span, </span>, <strong>) or an entity escaped twice (&lt; &amp;)
VISIBLE_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?=[\s>/])|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);")
# attributes a person reads or hears as well as the text
READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}


@dataclass
class Fetched:
    status: int
    content_type: str
    body: str
    location: str = ""


@dataclass
class Visit:
    path: str
    route: str
    status: int
    content_type: str
    markup_shown: list[str] = field(default_factory=list)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.text: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skipping += 1
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        self.text.extend(str(v) for k, v in attrs if v and k in READ_ATTRIBUTES)
        if tag in ("input", "button") and values.get("type") in ("submit", "button") and values.get("value"):
            self.text.append(str(values["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.text.append(data)


def markup_shown(html: str) -> list[str]:
    """Pieces of markup a person would see as text on the page (with a little context each)."""
    page = _Page()
    page.feed(html)
    found = []
    for text in page.text:
        for match in VISIBLE_MARKUP.finditer(text):
            found.append(text[max(0, match.start() - 30) : match.end() + 30].strip())
    return found


def links(html: str) -> list[str]:
    page = _Page()
    page.feed(html)
    return page.links


def route_of(path: str) -> str | None:
    """The route map's pattern for a path ("/provider/workers/<int:worker_id>"), or None if not routed."""
    from django.urls import Resolver404, resolve

    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    if match.route.startswith("admin/"):
        return None
    return "/" + match.route


def crawl(
    fetch: Callable[[str], Fetched],
    starts: Iterable[str],
    *,
    per_route: int = 2,
    not_followed: set[str] = NOT_FOLLOWED,
    limit: int = 2000,
) -> list[Visit]:
    """Open ``starts`` and every on-site page linked from them, at most ``per_route`` per route."""
    queue: deque[str] = deque()
    seen: set[str] = set()
    opened: dict[str, int] = {}
    visits: list[Visit] = []

    def offer(href: str, base: str) -> None:
        absolute, _ = urldefrag(urljoin("http://site" + base, href))
        parts = urlsplit(absolute)
        if parts.netloc != "site" or not parts.path.startswith("/"):
            return
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        route = route_of(path)
        if path in seen or route is None or route in not_followed:
            return
        if opened.get(route, 0) >= per_route:
            return
        seen.add(path)
        opened[route] = opened.get(route, 0) + 1
        queue.append(path)

    for start in starts:
        offer(start, "/")
    while queue and len(visits) < limit:
        path = queue.popleft()
        got = fetch(path)
        visit = Visit(path, route_of(path) or "", got.status, got.content_type)
        visits.append(visit)
        if got.location:
            offer(got.location, path)
        if got.content_type.startswith("text/html"):
            visit.markup_shown = markup_shown(got.body)
            for href in links(got.body):
                offer(href, path)
    return visits


def routes_without_arguments(route_map: Iterable[str]) -> list[str]:
    return [r for r in route_map if "<" not in r and r not in NOT_FOLLOWED]


def django_client_fetch(client: object) -> Callable[[str], Fetched]:
    """A ``fetch`` for Django's test client (GET, redirects not followed: the walk follows them)."""

    def fetch(path: str) -> Fetched:
        response = client.get(path)  # type: ignore[attr-defined]
        content_type = response.get("Content-Type", "")
        streaming = getattr(response, "streaming", False)
        if streaming:
            b"".join(response.streaming_content)
            body = ""
        else:
            body = response.content.decode("utf-8", "replace") if content_type.startswith("text/html") else ""
        return Fetched(response.status_code, content_type, body, response.get("Location", ""))

    return fetch


def data_starts(email: str | None) -> list[str]:
    """Pages that only some records lead to, for the user with this email (None: nobody signed in).

    The walk opens a few of each route; these make sure they include a vacancy with applicants, an
    application, a worker with qualifications and a job search with results, when the data has them.
    """
    from careforce.accounts.models import User
    from careforce.recruitment.models import Application
    from careforce.workforce.models import Vacancy, Worker, WorkerQualification

    published = Vacancy.objects.filter(is_published=True).select_related("workplace").order_by("pk").first()
    starts = []
    if published is not None:
        starts += [f"/care-jobs/search/results?postcode={published.workplace.postcode}&distance=10"]
        starts += [f"/care-jobs/jobs/{published.pk}", f"/care-jobs/jobs/{published.pk}/apply"]
    user = User.objects.filter(username=email).first() if email else None
    if user is None:
        return starts
    from careforce.domain.access import Permission, allows

    organisation = user.organisation_id if allows(user.role, Permission.MANAGE_PROVIDER_WORKFORCE) else None
    if organisation is not None:
        application = (
            Application.objects.filter(vacancy__workplace__organisation_id=organisation).order_by("pk").first()
        )
        if application is not None:
            a, v = application.pk, application.vacancy_id
            starts += [f"/recruitment/vacancies/{v}/applicants", f"/recruitment/applicants/{a}"]
            starts += [f"/recruitment/applicants/{a}/interview-scores", f"/recruitment/applicants/{a}/hire"]
            starts += [f"/provider/vacancies/{v}/change", f"/provider/vacancies/{v}/close"]
        qualified = (
            WorkerQualification.objects.filter(worker__workplace__organisation_id=organisation).order_by("pk").first()
        )
        if qualified is not None:
            starts += [f"/provider/workers/{qualified.worker_id}"]
        worker = Worker.objects.filter(workplace__organisation_id=organisation).order_by("pk").first()
        if worker is not None:
            w, wp = worker.pk, worker.workplace_id
            starts += [f"/provider/workers/{w}/added", f"/provider/workers/{w}/leaving/check-answers"]
            starts += [f"/provider/workplaces/{wp}/add-worker/check-answers", f"/provider/workplaces/{wp}/vacancies"]
    if user.worker_id is not None:
        starts += ["/provider/my-record"]
    return starts
