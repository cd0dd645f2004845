"""Job alerts: tell people who saved a search about live vacancies that are new since they last heard.

New means posted after the day of the last alert (or the day they saved it), or added with a higher id
than any they have seen. Each saved search gets at most one email per run, listing up to
``MAX_LISTED`` jobs nearest first, and is then marked as told.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.urls import reverse
from django.utils import timezone

from careforce import notify
from careforce.careers import queries
from careforce.careers.forms import job_filters
from careforce.careers.models import SavedSearch
from careforce.domain.careers.distance import describe_distance
from careforce.domain.careers.matching import role_name
from careforce.domain.careers.postcodes import PostcodeError
from careforce.domain.careers.search import search_positions

MAX_LISTED = 10


@dataclass(frozen=True)
class AlertRun:
    searches: int
    emails: int
    jobs: int


def new_matches(saved: SavedSearch) -> list[tuple[int, float | None]]:
    """(vacancy id, miles) of live vacancies matching the saved search that are new to this person."""
    index = queries.live_vacancies().index
    positions, miles = search_positions(index, job_filters(saved.filters))
    posted_after = np.datetime64(saved.last_alerted_on, "D")
    new = (index.posted_on[positions] > posted_after) | (index.id[positions] > saved.last_seen_vacancy_id)
    ids = index.id[positions][new].tolist()
    distances = [None] * len(ids) if miles is None else miles[new].tolist()
    return list(zip(ids, distances, strict=True))


def run_alerts(base_url: str | None = None) -> AlertRun:
    today = timezone.localdate()
    index = queries.live_vacancies().index
    newest = int(index.id.max()) if len(index) else 0
    searches = emails = jobs = 0
    for saved in SavedSearch.objects.select_related("user").filter(user__is_active=True):
        searches += 1
        try:
            matches = new_matches(saved)
        except PostcodeError:
            continue
        if matches:
            found = queries.vacancies_by_id([i for i, _ in matches[:MAX_LISTED]])
            lines = []
            for vacancy_id, miles in matches[:MAX_LISTED]:
                v = found.get(vacancy_id)
                if v is None:
                    continue
                where = f", {describe_distance(miles)}" if miles is not None else ""
                lines.append(
                    f"- {(v.title or role_name(v.job_role)).capitalize()} at {v.workplace.name}{where}: "
                    f"{notify.link(reverse('careers:vacancy', args=[vacancy_id]), base_url)}"
                )
            more = len(matches) - len(lines)
            notify.send(
                saved.user.email or saved.user.username,
                "job_alert",
                count=f"{len(matches)} new care job{'s' if len(matches) != 1 else ''}",
                search=saved.description,
                jobs="\n".join([*lines, *([f"and {more} more."] if more > 0 else [])]),
                saved_searches_link=notify.link(reverse("careers:saved-searches"), base_url),
            )
            emails += 1
            jobs += len(matches)
        saved.last_alerted_on = today
        saved.last_seen_vacancy_id = max(saved.last_seen_vacancy_id, newest)
        saved.save(update_fields=["last_alerted_on", "last_seen_vacancy_id"])
    return AlertRun(searches, emails, jobs)
