"""Job alerts: tell people who saved a search about live vacancies that are new since they last heard.

New means posted after the day of the last alert (or the day they saved it), or added with a higher id
than any they have seen. Each saved search gets at most one email per run, listing up to
``MAX_LISTED`` jobs nearest first, and is then marked as told.

Each job in the email is read from the database when the email is written, so it carries what the
employer says now (title, description, pay, hours, shift pattern, closing date), not what the search index
or the saved search held earlier; a job closed or unpublished since then is left out.
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
from careforce.careers.presenters import guaranteed_text, job_title, pay_text, yearly_text
from careforce.careers.vacancy_page import paragraphs, shift_pattern_text
from careforce.domain.careers.distance import describe_distance
from careforce.domain.careers.postcodes import PostcodeError
from careforce.domain.careers.search import search_positions
from careforce.workforce.models import Vacancy

MAX_LISTED = 10
SUMMARY_CHARACTERS = 300  # of the description's first paragraph


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
        shown = matches[:MAX_LISTED]
        found = queries.current_live_vacancies([i for i, _ in shown]) if shown else {}
        lines = [job_text(found[i], miles, base_url) for i, miles in shown if i in found]
        total = len(matches) - (len(shown) - len(lines))  # less those closed since the index was built
        if lines:
            more = total - len(lines)
            notify.send(
                saved.user.email or saved.user.username,
                "job_alert",
                count=f"{total} new care job{'s' if total != 1 else ''}",
                search=saved.description,
                jobs="\n\n".join([*lines, *([f"And {more} more {'job' if more == 1 else 'jobs'}."] if more else [])]),
                saved_searches_link=notify.link(reverse("careers:saved-searches"), base_url),
            )
            emails += 1
            jobs += total
        saved.last_alerted_on = today
        saved.last_seen_vacancy_id = max(saved.last_seen_vacancy_id, newest)
        saved.save(update_fields=["last_alerted_on", "last_seen_vacancy_id"])
    return AlertRun(searches, emails, jobs)


def summary(description: str) -> str:
    """The description's first paragraph, cut at a word near ``SUMMARY_CHARACTERS``."""
    first = next(iter(paragraphs(description)), "")
    if len(first) <= SUMMARY_CHARACTERS:
        return first
    return first[:SUMMARY_CHARACTERS].rsplit(" ", 1)[0].rstrip(",;:.") + "..."


def job_text(v: Vacancy, miles: float | None, base_url: str | None) -> str:
    """One job as the email lists it: what it is, where, pay, hours, shift pattern, closing date, the start
    of the description and the link, from the vacancy as it is now."""
    where = f", {describe_distance(miles)}" if miles is not None else ""
    yearly = yearly_text(v.hourly_rate, v.contracted_hours)
    lines = [
        f"{job_title(v)} at {v.workplace.name} ({v.workplace.organisation.name}){where}",
        pay_text(v) + (f" ({yearly})" if yearly else ""),
        f"{guaranteed_text(v)}. Shift pattern: {shift_pattern_text(v)}",
        "Closing date: " + (v.closing_date.strftime("%-d %B %Y") if v.closing_date else "open until filled"),
    ]
    if about := summary(v.description):
        lines.append(about)
    lines.append(notify.link(reverse("careers:vacancy", args=[v.pk]), base_url))
    return "\n".join(lines)
