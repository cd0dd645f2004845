"""What the page of one job shows: what the job is (description, duties, shift pattern), what it pays an
hour and over a year, the hours it guarantees, how long it takes to get there from the searcher's postcode,
and who the employer is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from careforce.careers.presenters import VacancyView
from careforce.domain.careers.distance import TRAVEL_SPEED_SOURCE, driving_minutes_at_least
from careforce.domain.careers.vacancies import HOURS_PATTERNS
from careforce.domain.careers.wording import minutes

_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s*")


@dataclass(frozen=True)
class VacancyPage:
    job: VacancyView
    description: tuple[str, ...]  # paragraphs
    duties: tuple[str, ...]
    shift_pattern: str
    yearly: str | None
    travel_time: str | None
    travel_time_hint: str | None


def paragraphs(text: str) -> tuple[str, ...]:
    """A description as typed, split into paragraphs at blank lines (single line breaks kept as spaces)."""
    return tuple(" ".join(p.split()) for p in re.split(r"\n\s*\n", text or "") if p.strip())


def duty_lines(text: str) -> tuple[str, ...]:
    """Duties, one a line; a bullet or number someone typed at the start of a line is dropped."""
    return tuple(_BULLET.sub("", line).strip() for line in (text or "").splitlines() if _BULLET.sub("", line).strip())


def shift_pattern_text(vacancy: Any) -> str:
    if vacancy.shift_pattern:
        return str(vacancy.shift_pattern)
    offered = [p.label for p in HOURS_PATTERNS if getattr(vacancy, (p.name or "").lower())]
    return ", ".join(offered).capitalize() if offered else "Ask the employer"


def travel_time_text(distance_miles: float, postcode: str) -> tuple[str, str]:
    """The travel time from the searcher's postcode and how it was worked out."""
    at_least = minutes(driving_minutes_at_least(distance_miles))
    straight = f"{distance_miles:.1f}".removesuffix(".0")
    unit = "mile" if straight == "1" else "miles"
    return (
        f"At least {at_least} by car from {postcode}",
        f"{straight} {unit} in a straight line, at {TRAVEL_SPEED_SOURCE}. "
        "Roads are not straight, so the journey will take longer: check a route planner or bus timetable.",
    )


def present_page(vacancy: Any, job: VacancyView, distance_miles: float | None, postcode: str | None) -> VacancyPage:
    travel, hint = (
        (None, None) if distance_miles is None or not postcode else travel_time_text(distance_miles, postcode)
    )
    return VacancyPage(
        job=job,
        description=paragraphs(vacancy.description),
        duties=duty_lines(vacancy.duties),
        shift_pattern=shift_pattern_text(vacancy),
        yearly=job.yearly,
        travel_time=travel,
        travel_time_hint=hint,
    )
