"""Load the synthetic demo region into the database: all of it in one transaction, or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from careforce.accounts.models import User
from careforce.domain.access import Role
from careforce.domain.demo import DemoRegion, generate, stated_totals

from .bulk import dates, insert_rows, optional_codes, optional_numbers
from .models import DemoLoad, Organisation, TrainingRecord, Vacancy, Worker, WorkerQualification, Workplace
from .signals import demo_region_saved

BATCH = 5000
DEMO_PASSWORD = "care-demo-2026"
DEMO_DOMAIN = "demo.careforce.test"
DEMO_COUNCIL = "E08000026"  # Coventry: the demo council analyst's area


@dataclass(frozen=True)
class DemoSignIn:
    role: Role
    email: str
    description: str


@dataclass(frozen=True)
class LoadOutcome:
    loaded: bool
    message: str
    sign_ins: tuple[DemoSignIn, ...] = ()


def load_demo_region(
    size: str = "small",
    seed: int = 2019,
    as_of: date | None = None,
    *,
    rebuild: bool = False,
    progress: Callable[[str], None] = lambda _: None,
) -> LoadOutcome:
    """Load the demo region unless it is already loaded; ``rebuild`` replaces it."""
    existing = DemoLoad.objects.first()
    if existing and not rebuild:
        return LoadOutcome(
            False,
            f"The demo region is already loaded ({existing.size}, seed {existing.seed}, "
            f"as of {existing.as_of:%-d %B %Y}). Use --rebuild to replace it.",
            demo_sign_ins(),
        )
    progress("Making the synthetic region")
    region = generate(size, seed, as_of)
    with transaction.atomic():
        if existing or rebuild:
            progress("Removing the previous demo region")
            remove_demo_region()
        _insert(region, progress)
        DemoLoad.objects.create(seed=seed, size=size, as_of=region.as_of)
        sign_ins = _create_sign_ins()
    return LoadOutcome(
        True,
        f"Loaded the {size} demo region: {len(region.workplaces):,} locations and "
        f"{len(region.staff):,} current staff (synthetic).",
        sign_ins,
    )


def remove_demo_region() -> None:
    """Delete every synthetic organisation and what hangs off it, and the demo sign-ins."""
    User.objects.filter(username__endswith="@" + DEMO_DOMAIN).delete()
    synthetic_workplaces = (
        "SELECT w.id FROM workforce_workplace w JOIN workforce_organisation o "
        "ON o.id = w.organisation_id WHERE o.is_synthetic"
    )
    synthetic_workers = f"SELECT id FROM workforce_worker WHERE workplace_id IN ({synthetic_workplaces})"
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE accounts_user SET worker_id = NULL WHERE worker_id IN ({synthetic_workers})")
        for table in ("workforce_trainingrecord", "workforce_workerqualification"):
            cursor.execute(f"DELETE FROM {table} WHERE worker_id IN ({synthetic_workers})")
        for table in ("workforce_worker", "workforce_vacancy"):
            cursor.execute(f"DELETE FROM {table} WHERE workplace_id IN ({synthetic_workplaces})")
        cursor.execute(
            "DELETE FROM workforce_workplace WHERE organisation_id IN "
            "(SELECT id FROM workforce_organisation WHERE is_synthetic)"
        )
        cursor.execute("DELETE FROM workforce_organisation WHERE is_synthetic")
    DemoLoad.objects.all().delete()


def _insert(region: DemoRegion, progress: Callable[[str], None]) -> None:
    places = region.workplaces
    progress(f"Saving {len(places.organisation_names):,} care providers and {len(places):,} locations")
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=name, is_synthetic=True) for name in places.organisation_names], batch_size=BATCH
    )
    totals = stated_totals(region)
    workplaces = Workplace.objects.bulk_create(
        [
            Workplace(
                organisation_id=organisations[places.organisation[i]].pk,
                local_identifier=places.local_identifier[i],
                name=places.name[i],
                address_line_1=places.address_line_1[i],
                post_town=places.post_town[i],
                postcode=places.postcode[i],
                district_id=places.district_code[i],
                council_id=places.council_code[i],
                establishment_type=int(places.establishment_type[i]),
                is_cqc_regulated=bool(places.cqc_regulated[i]),
                cqc_location_id=places.cqc_location_id[i],
                cqc_provider_id=_provider_id(places.organisation[i]) if places.cqc_regulated[i] else "",
                cqc_rating=places.cqc_rating[i],
                main_service=int(places.main_service[i]),
                capacity=None if places.capacity[i] < 0 else int(places.capacity[i]),
                total_perm_temp=int(totals[i]),
            )
            for i in range(len(places))
        ],
        batch_size=BATCH,
    )
    workplace_ids = np.array([w.pk for w in workplaces], dtype=np.int64)
    progress(f"Saving {len(region.staff):,} current staff")
    _insert_workers(region.staff, workplace_ids)
    progress(f"Saving {len(region.leavers):,} leavers from the last years")
    _insert_workers(region.leavers, workplace_ids)
    progress(
        f"Saving {len(region.training.worker):,} training records and {len(region.qualifications.worker):,} "
        "qualifications"
    )
    # demo worker references are unique across the region, so they identify the new rows
    staff_ids = dict(
        Worker.objects.filter(workplace__organisation__is_synthetic=True, left_on__isnull=True).values_list(
            "local_identifier", "pk"
        )
    )
    _insert_training(region, staff_ids)
    progress(f"Saving {len(region.vacancies.workplace):,} vacancies")
    _insert_vacancies(region, workplace_ids)
    _refresh_planner_statistics()
    demo_region_saved.send(sender=DemoLoad, as_of=region.as_of)


def _provider_id(organisation: int) -> str:
    """A made-up CQC provider ID in CQC's format, the same for all of a synthetic provider's locations."""
    return f"1-{2_000_000_000 + int(organisation)}"


def _refresh_planner_statistics() -> None:
    """PostgreSQL plans the queries that follow a bulk load badly until it has fresh table statistics."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE workforce_organisation, workforce_workplace, workforce_worker, workforce_vacancy, "
                "workforce_trainingrecord, workforce_workerqualification"
            )


WORKER_FIELDS = (
    "workplace",
    "local_identifier",
    "contract_type",
    "main_job_role",
    "other_job_roles",
    "start_date",
    "start_year_in_sector",
    "contracted_hours",
    "average_hours",
    "zero_hours_contract",
    "pay_interval",
    "hourly_rate",
    "annual_salary",
    "date_of_birth",
    "gender",
    "ethnicity",
    "nationality",
    "disability",
    "recruitment_source",
    "care_certificate",
    "social_care_qualification_level",
    "days_sick",
    "national_insurance_number",
    "postcode",
    "left_on",
    "leaving_reason",
    "nmc_registration",
    "approved_mental_health_professional",
    "updated_at",
)


def _insert_workers(w: Any, workplace_ids: np.ndarray) -> None:
    n = len(w)
    now = timezone.now()
    columns = [
        workplace_ids[w.workplace].tolist(),
        w.local_identifier,
        w.contract_type.tolist(),
        w.main_job_role.tolist(),
        ["[]"] * n,
        dates(w.start_date),
        w.start_year_in_sector.tolist(),
        optional_numbers(w.contracted_hours, 1),
        optional_numbers(w.average_hours, 1),
        w.zero_hours_contract.tolist(),
        w.pay_interval.tolist(),
        optional_numbers(w.hourly_rate, 2),
        optional_numbers(w.annual_salary, 2),
        dates(w.date_of_birth),
        w.gender.tolist(),
        w.ethnicity.tolist(),
        w.nationality.tolist(),
        w.disability.tolist(),
        w.recruitment_source.tolist(),
        w.care_certificate.tolist(),
        optional_codes(w.social_care_qualification_level),
        optional_numbers(w.days_sick, 1),
        [""] * n,
        [""] * n,
        dates(w.left_on),
        optional_codes(w.leaving_reason),
        optional_codes(w.nmc_registration),
        optional_codes(w.approved_mental_health_professional),
        [now] * n,
    ]
    insert_rows(Worker, WORKER_FIELDS, zip(*columns, strict=True))


def _insert_training(region: DemoRegion, staff_ids: dict[str, int]) -> None:
    t = region.training
    ids = np.array([staff_ids[x] for x in region.staff.local_identifier], dtype=np.int64)
    insert_rows(
        TrainingRecord,
        ("worker", "category", "name", "accredited", "completed_on", "expires_on"),
        zip(
            ids[t.worker].tolist(),
            t.category.tolist(),
            [""] * len(t.worker),
            t.accredited.tolist(),
            dates(t.completed_on),
            dates(t.expires_on),
            strict=True,
        ),
    )
    q = region.qualifications
    insert_rows(
        WorkerQualification,
        ("worker", "qualification", "year_achieved"),
        zip(ids[q.worker].tolist(), q.qualification.tolist(), q.year_achieved.tolist(), strict=True),
    )


def _insert_vacancies(region: DemoRegion, workplace_ids: np.ndarray) -> None:
    v = region.vacancies
    n = len(v.workplace)
    pattern = [v.pattern == k for k in range(5)]  # full time, part time, school hours, nights, weekends
    insert_rows(
        Vacancy,
        (
            "workplace",
            "job_role",
            "number_of_posts",
            "title",
            "description",
            "duties",
            "shift_pattern",
            "hourly_rate",
            "contracted_hours",
            "guaranteed_hours",
            "full_time",
            "part_time",
            "school_hours",
            "nights",
            "weekends",
            "requires_driving_licence",
            "requires_car",
            "travel_time_paid",
            "offers_visa_sponsorship",
            "posted_on",
            "closing_date",
            "is_published",
        ),
        zip(
            workplace_ids[v.workplace].tolist(),
            v.job_role.tolist(),
            v.number_of_posts.tolist(),
            [""] * n,
            v.words.description,
            v.words.duties,
            v.words.shift_pattern,
            optional_numbers(v.hourly_rate, 2),
            optional_numbers(v.contracted_hours, 1),
            v.guaranteed_hours.tolist(),
            *(p.tolist() for p in pattern),
            v.requires_driving_licence.tolist(),
            v.requires_car.tolist(),
            v.travel_time_paid.tolist(),
            v.offers_visa_sponsorship.tolist(),
            dates(v.posted_on),
            dates(v.closing_date),
            v.is_published.tolist(),
            strict=True,
        ),
    )


def demo_sign_ins() -> tuple[DemoSignIn, ...]:
    return (
        DemoSignIn(Role.JOB_SEEKER, f"jobseeker@{DEMO_DOMAIN}", "a person looking for care work"),
        DemoSignIn(Role.PROVIDER_STAFF, f"staff@{DEMO_DOMAIN}", "a care worker, sees their own record"),
        DemoSignIn(Role.PROVIDER_MANAGER, f"manager@{DEMO_DOMAIN}", "manages a care provider with several locations"),
        DemoSignIn(Role.COUNCIL_ANALYST, f"analyst@{DEMO_DOMAIN}", "council analyst for Coventry"),
        DemoSignIn(Role.REGIONAL_LEAD, f"lead@{DEMO_DOMAIN}", "regional lead, sees every council"),
        DemoSignIn(Role.REGIONAL_ADMIN, f"admin@{DEMO_DOMAIN}", "regional administrator (Django admin)"),
    )


def _create_sign_ins() -> tuple[DemoSignIn, ...]:
    # the manager's provider: the synthetic independent provider with the most locations in the demo council
    provider = (
        Organisation.objects.filter(
            is_synthetic=True, workplaces__council_id=DEMO_COUNCIL, workplaces__establishment_type__in=(6, 7)
        )
        .annotate(n=Count("workplaces", distinct=True))
        .order_by("-n", "pk")
        .first()
    )
    if provider is None:
        provider = Organisation.objects.filter(is_synthetic=True).order_by("pk").first()  # type: ignore[assignment]
    staff_worker = (
        Worker.objects.filter(workplace__organisation=provider, left_on__isnull=True, main_job_role=8)
        .order_by("pk")
        .first()
    )
    extra: dict[Role, dict[str, Any]] = {
        Role.PROVIDER_STAFF: {"organisation": provider, "worker": staff_worker},
        Role.PROVIDER_MANAGER: {"organisation": provider},
        Role.COUNCIL_ANALYST: {"council_id": DEMO_COUNCIL},
        Role.REGIONAL_ADMIN: {"is_staff": True, "is_superuser": True},
    }
    sign_ins = demo_sign_ins()
    password_user = User(username="x")
    password_user.set_password(DEMO_PASSWORD)
    for s in sign_ins:
        User.objects.create(
            username=s.email, email=s.email, role=s.role.value, password=password_user.password, **extra.get(s.role, {})
        )
    return sign_ins
