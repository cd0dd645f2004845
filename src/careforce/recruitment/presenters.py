"""Shape recruitment records for templates: what a manager may see of an applicant, in GOV.UK style.

Before an applicant is shortlisted, their name, email address and phone number are hidden: the
manager sees "Applicant 12" and the answers that bear on the job (ADR 0045, blind shortlisting).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

from django.utils import timezone

from careforce.domain.careers.content import care_values
from careforce.domain.careers.matching import role_name
from careforce.domain.reference import code_list

from .measures import Milestone, milestones
from .models import Application, ApplicationEvent, Referral, Stage

HIDDEN = "Hidden until shortlisted"
HOURS_PATTERN_LABELS = {
    "full_time": "Full time",
    "part_time": "Part time",
    "school_hours": "School hours",
    "nights": "Nights",
    "weekends": "Weekends",
}
STAGE_TAG_COLOURS = {
    Stage.NEW: "blue",
    Stage.CONTACTED: "light-blue",
    Stage.INTERVIEW: "purple",
    Stage.OFFER: "turquoise",
    Stage.CHECKS: "yellow",
    Stage.HIRED: "green",
    Stage.NOT_PROGRESSED: "grey",
    Stage.WITHDRAWN: "grey",
}


def label(list_name: str, code: int | None) -> str:
    if code is None:
        return "Not known"
    return code_list(list_name).labels.get(code, f"Code {code}")


def gov_date(value: date | datetime | None) -> str:
    if value is None:
        return "Not known"
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return value.strftime("%-d %B %Y")


def gov_datetime(value: datetime | None) -> str:
    if value is None:
        return "Not known"
    local = timezone.localtime(value)
    return f"{local:%-d %B %Y} at {local:%-I:%M%p}".replace("AM", "am").replace("PM", "pm")


def vacancy_name(vacancy: Any) -> str:
    return str(vacancy.title or label("job_roles", vacancy.job_role))


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def availability(application: Application) -> str:
    return ", ".join(HOURS_PATTERN_LABELS.get(p, p) for p in application.availability) or "None given"


def stage_tag(stage: str) -> dict[str, str]:
    return {"text": Stage(stage).label, "classes": f"govuk-tag--{STAGE_TAG_COLOURS[Stage(stage)]}"}


def applicant_rows(application: Application) -> list[dict[str, Any]]:
    """Summary-list rows for an applicant; contact details only once they are shortlisted."""
    shown = application.shortlisted
    values = [
        ("Name", application.full_name if shown else HIDDEN),
        ("Email address", application.email if shown else HIDDEN),
        ("Phone number", (application.phone or "Not given") if shown else HIDDEN),
        ("Applied", gov_date(application.created_at)),
        ("Stage", Stage(application.stage).label),
    ]
    if application.stage == Stage.NOT_PROGRESSED:
        values.append(("Reason not progressed", application.not_progressed_reason))
    values += [
        ("Hours they can work", availability(application)),
        ("Right to work in the UK", yes_no(application.has_right_to_work)),
        ("Needs visa sponsorship", yes_no(application.needs_visa_sponsorship)),
        ("Driving licence", yes_no(application.has_driving_licence)),
        ("Use of a car", yes_no(application.has_car)),
        ("About them", application.about_you or "Nothing given"),
    ]
    if application.referral_id:
        values.append(
            (
                "Referred by a member of staff",
                _referrer(application.referral) if shown else "Yes (who referred them is shown once shortlisted)",
            )
        )
    return [{"key": {"text": k}, "value": {"text": v}} for k, v in values]


def _referrer(referral: Referral | None) -> str:
    if referral is None:
        return "Not known"
    worker = referral.referrer_worker
    return f"Yes: worker {worker.local_identifier}" if worker is not None else "Yes"


def history_rows(events: list[ApplicationEvent]) -> list[list[dict[str, str]]]:
    """Table rows of the stage history: when, what happened, the reason."""
    rows = []
    for event in events:
        if not event.from_stage:
            what = "Applied"
        elif event.from_stage == event.to_stage:
            what = event.reason or "Updated"
        else:
            what = f"Moved from {Stage(event.from_stage).label} to {Stage(event.to_stage).label}"
        reason = "" if event.from_stage == event.to_stage else event.reason
        rows.append([{"text": gov_datetime(event.created_at)}, {"text": what}, {"text": reason or "None given"}])
    return rows


def score_rows(scores: list[Any]) -> list[dict[str, Any]]:
    by_key = {s.value: s for s in scores}
    rows = []
    for value in care_values():
        score = by_key.get(value.key)
        text = (
            "Not scored" if score is None else f"{score.score} out of 4" + (f": {score.notes}" if score.notes else "")
        )
        rows.append({"key": {"text": value.name}, "value": {"text": text}})
    if scores:
        total = sum(s.score for s in scores)
        rows.append({"key": {"text": "Total"}, "value": {"text": f"{total} out of {4 * len(care_values())}"}})
        rows.append(
            {
                "key": {"text": "A person who draws on care and support sat on the panel"},
                "value": {"text": yes_no(scores[0].panel_included_person_with_lived_experience)},
            }
        )
    return rows


def referral_milestones(referral: Referral, today: date | None = None) -> tuple[Milestone, ...]:
    """The 3 and 6 month milestones of a referral whose friend was hired; empty before a hire."""
    worker = next((a.hired_worker for a in referral.applications.all() if a.hired_worker is not None), None)
    if worker is None:
        return ()
    return milestones(worker.start_date, worker.left_on, today or timezone.localdate())  # type: ignore[arg-type]


def referral_progress(referral: Referral) -> str:
    """'Referred: not applied yet', 'Applied: at interview', 'Hired', 'Not progressed'."""
    if referral.status == Referral.Status.REFERRED:
        return "Referred: not applied yet"
    latest = max(referral.applications.all(), key=lambda a: (a.created_at, a.pk), default=None)
    if referral.status == Referral.Status.APPLIED and latest is not None:
        return f"Applied: at {Stage(latest.stage).label.lower()}" if latest.stage != Stage.NEW else "Applied"
    return str(referral.get_status_display())


def referral_rows(referrals: list[Referral], with_referrer: bool = False) -> list[list[dict[str, str]]]:
    rows = []
    for referral in referrals:
        reached = {m.months: m.text for m in referral_milestones(referral)}
        row = [
            {"text": referral.friend_name},
            {"text": f"{vacancy_name(referral.vacancy)}, {referral.vacancy.workplace.name}"},
            {"text": gov_date(referral.created_at)},
            {"text": referral_progress(referral)},
            {"text": reached.get(3, "After they are hired")},
            {"text": reached.get(6, "After they are hired")},
        ]
        if with_referrer:
            row.insert(0, {"text": _referrer_reference(referral)})
        rows.append(row)
    return rows


def _referrer_reference(referral: Referral) -> str:
    worker = referral.referrer_worker
    return worker.local_identifier if worker is not None else "Not known"


def with_query(query: Any, **changes: Any) -> str:
    """``?…`` of the current filters with some values changed (``None`` removes one); page 1 unless given."""
    params = {k: v for k, v in query.items() if v not in ("", None) and k != "page"}
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params) if params else "?"


def pagination(query: Any, page: Any) -> dict[str, Any] | None:
    """govukPagination parameters for a Django page, keeping the filters and sort in each link."""
    pages, number = page.paginator.num_pages, page.number
    if pages <= 1:
        return None
    items: list[dict[str, Any]] = []
    for n in range(1, pages + 1):
        if n in (1, pages) or abs(n - number) <= 2:
            items.append({"number": n, "href": with_query(query, page=n), "current": n == number})
        elif abs(n - number) == 3:
            items.append({"ellipsis": True})
    return {
        "items": items,
        "previous": {"href": with_query(query, page=number - 1)} if page.has_previous() else None,
        "next": {"href": with_query(query, page=number + 1)} if page.has_next() else None,
    }


def showing(page: Any, noun: str, plural: str) -> str:
    """'Showing 26 to 50 of 744 vacancies', '1 vacancy', 'No vacancies match'."""
    total = page.paginator.count
    if total == 0:
        return f"No {plural} match"
    if page.paginator.num_pages == 1:
        return f"{total:,} {noun if total == 1 else plural}"
    return f"Showing {page.start_index():,} to {page.end_index():,} of {total:,} {plural}"


def job_title(vacancy: Any) -> str:
    """What a vacancy is called: its own title, or its main job role."""
    return vacancy.title or role_name(vacancy.job_role).capitalize()


def with_article(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
