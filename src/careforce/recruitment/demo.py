"""Synthetic applicants for the demo region, so the recruitment pages have something to show.

Called once at the end of the demo load (``workforce.demo_loading``, through ``workforce.signals.demo_region_saved``). Everyone here is made up.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from careforce.workforce.models import Vacancy, Worker

from .models import Application, ApplicationEvent, Referral, Stage

# (name, stage, shortlisted, days since applying, hours to first contact, reason)
DEMO_APPLICANTS = (
    ("Alex Morgan", Stage.NEW, False, 1, None, ""),
    ("Priya Shah", Stage.NEW, False, 2, None, ""),
    ("Jordan Ellis", Stage.CONTACTED, True, 6, 20, ""),
    ("Grace Okafor", Stage.INTERVIEW, True, 12, 6, ""),
    ("Tom Byrne", Stage.NOT_PROGRESSED, False, 9, None, "Withdrew: took another job"),
)


def add_demo_applications() -> None:
    """Tidy rows left by a replaced demo region, then give each synthetic provider's first published vacancy
    a handful of made-up applicants at different stages."""
    _remove_orphans()
    vacancies: dict[int, Vacancy] = {}
    for vacancy in (
        Vacancy.objects.filter(workplace__organisation__is_synthetic=True, is_published=True)
        .select_related("workplace")
        .order_by("pk")
    ):
        vacancies.setdefault(vacancy.workplace.organisation_id, vacancy)
    now = timezone.now()
    rows, stories = [], []
    for vacancy in vacancies.values():
        for name, stage, shortlisted, days, contact_hours, reason in DEMO_APPLICANTS:
            applied = now - timedelta(days=days)
            contacted = applied + timedelta(hours=contact_hours) if contact_hours is not None else None
            email = name.lower().replace(" ", ".") + "@example.com"
            rows.append(
                Application(
                    vacancy=vacancy,
                    full_name=name,
                    email=email,
                    phone="07700 900123",
                    availability=["part_time"],
                    has_right_to_work=True,
                    has_driving_licence=stage != Stage.NEW,
                    has_car=stage != Stage.NEW,
                    about_you="I looked after my grandmother and want to make caring my job.",
                    stage=stage,
                    not_progressed_reason=reason,
                    shortlisted=shortlisted,
                    created_at=applied,
                    first_contacted_at=contacted,
                )
            )
            stories.append((applied, contacted, stage, reason))
    created = Application.objects.bulk_create(rows, batch_size=500)
    # auto_now_add overwrote the application times: put the made-up ones back
    for application, (applied, _, _, _) in zip(created, stories, strict=True):
        application.created_at = applied
    Application.objects.bulk_update(created, ["created_at"], batch_size=500)
    events = []
    for application, (applied, contacted, stage, reason) in zip(created, stories, strict=True):
        events.append(ApplicationEvent(application=application, to_stage=Stage.NEW, created_at=applied))
        if contacted is not None:
            events.append(
                ApplicationEvent(
                    application=application, from_stage=Stage.NEW, to_stage=Stage.CONTACTED, created_at=contacted
                )
            )
        if stage == Stage.INTERVIEW:
            events.append(
                ApplicationEvent(  # type: ignore[misc]
                    application=application,
                    from_stage=Stage.CONTACTED,
                    to_stage=stage,
                    created_at=contacted + timedelta(days=2),  # type: ignore[operator]
                )
            )  # type: ignore[operator]
        if stage == Stage.NOT_PROGRESSED:
            events.append(
                ApplicationEvent(
                    application=application,
                    from_stage=Stage.NEW,
                    to_stage=stage,
                    reason=reason,
                    created_at=applied + timedelta(days=1),
                )
            )
    ApplicationEvent.objects.bulk_create(events, batch_size=500)


def _remove_orphans() -> None:
    """The demo loader removes a previous region with plain SQL; drop what pointed at its vacancies and workers."""
    Application.objects.exclude(vacancy_id__in=Vacancy.objects.values("pk")).delete()
    Referral.objects.exclude(vacancy_id__in=Vacancy.objects.values("pk")).delete()
    workers = Worker.objects.values("pk")
    Application.objects.filter(hired_worker__isnull=False).exclude(hired_worker_id__in=workers).update(
        hired_worker=None
    )
    Referral.objects.filter(referrer_worker__isnull=False).exclude(referrer_worker_id__in=workers).update(
        referrer_worker=None
    )
