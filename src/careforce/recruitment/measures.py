"""Recruitment measures: time to first contact and time to hire, and referral milestones.

Plain Python on values already read through the scoped queries, so they can be tested on hand-made
timestamps and dates.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median

REFERRAL_MILESTONE_MONTHS = (3, 6)


def median_wait(pairs: Iterable[tuple[datetime, datetime | None]]) -> timedelta | None:
    """The median time from the first to the second timestamp of each pair (pairs without a second are left out)."""
    waits = [end - start for start, end in pairs if end is not None and end >= start]
    if not waits:
        return None
    return timedelta(seconds=median(w.total_seconds() for w in waits))


def describe_wait(wait: timedelta | None) -> str:
    """'Not known yet', '5 hours' under two days, else '12 days' (rounded)."""
    if wait is None:
        return "Not known yet"
    hours = wait.total_seconds() / 3600
    if hours < 48:
        n = max(round(hours), 0)
        return "less than 1 hour" if n == 0 else f"{n} hour{'s' if n != 1 else ''}"
    days = round(hours / 24)
    return f"{days} days"


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later (the month's last day if it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Milestone:
    months: int
    due_on: date
    state: str  # "reached", "due" (not yet), or "missed" (left before it)

    @property
    def text(self) -> str:
        when = f"{self.due_on:%-d %B %Y}"
        return {"reached": f"Reached on {when}", "due": f"Due on {when}", "missed": "Not reached: they left before it"}[
            self.state
        ]


def milestones(start_date: date, left_on: date | None, today: date) -> tuple[Milestone, ...]:
    """Whether a hired friend has stayed 3 and 6 months from their start date.

    A milestone is reached when its date has come and the worker had not left before it; if they left
    before it, it is missed; otherwise it is still due.
    """
    result = []
    for months in REFERRAL_MILESTONE_MONTHS:
        due_on = add_months(start_date, months)
        if left_on is not None and left_on < due_on:
            state = "missed"
        elif today >= due_on:
            state = "reached"
        else:
            state = "due"
        result.append(Milestone(months, due_on, state))
    return tuple(result)
