"""Workforce records: the data items of Skills for Care's ASC-WDS.

Coded fields hold the ASC-WDS bulk-upload ("BUDI") code; labels come from the shipped code lists
(``careforce.domain.reference``), so code lists can change without a data migration.
"""

from django.db import models

from careforce.domain.reference import (
    CARE_CERTIFICATE_COMPLETED,
    CARE_CERTIFICATE_IN_PROGRESS,
    CARE_CERTIFICATE_NOT_STARTED,
    code_list,
)


def _choices(name: str) -> list[tuple[int, str]]:
    return code_list(name).choices()


class Organisation(models.Model):
    """A care provider (or a council's own adult social care service) that employs staff."""

    name = models.CharField(max_length=200)
    is_synthetic = models.BooleanField(default=False, help_text="Made up for the demo region; not a real provider.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Workplace(models.Model):
    """A location staff work from: one row of the ASC-WDS workplace file."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="workplaces")
    local_identifier = models.CharField("Workplace reference (LOCALESTID)", max_length=50)
    name = models.CharField(max_length=120)
    address_line_1 = models.CharField(max_length=40, blank=True)
    address_line_2 = models.CharField(max_length=40, blank=True)
    address_line_3 = models.CharField(max_length=40, blank=True)
    post_town = models.CharField(max_length=40, blank=True)
    postcode = models.CharField(max_length=10)
    district = models.ForeignKey("region.District", on_delete=models.PROTECT, related_name="workplaces")
    council = models.ForeignKey("region.Council", on_delete=models.PROTECT, related_name="workplaces")
    establishment_type = models.PositiveSmallIntegerField(choices=_choices("establishment_type"))
    is_cqc_regulated = models.BooleanField(default=True)
    cqc_location_id = models.CharField("CQC location ID", max_length=20, blank=True)
    cqc_provider_id = models.CharField("CQC provider ID", max_length=20, blank=True)
    cqc_rating = models.CharField(max_length=30, blank=True)
    main_service = models.PositiveSmallIntegerField(choices=_choices("main_services"))
    other_services = models.JSONField(default=list, blank=True)
    service_users = models.JSONField(default=list, blank=True)
    capacity = models.PositiveIntegerField(null=True, blank=True)
    utilisation = models.PositiveIntegerField(null=True, blank=True)
    total_perm_temp = models.PositiveIntegerField("Permanent and temporary staff (stated total)", null=True, blank=True)
    starters_by_role = models.JSONField(default=dict, blank=True, help_text="job role code -> starters, last 12 months")
    leavers_by_role = models.JSONField(default=dict, blank=True, help_text="job role code -> leavers, last 12 months")
    ascwds_answers = models.JSONField(
        default=dict,
        blank=True,
        help_text="The workplace file's other answers (pay and conditions, capacities, pathway use...), as uploaded",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "local_identifier"], name="unique_workplace_reference")
        ]
        indexes = [models.Index(fields=["council", "main_service"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_local_authority(self) -> bool:
        return self.establishment_type in (1, 3)


class Worker(models.Model):
    """A person's employment at a workplace: one row of the ASC-WDS staff file.

    A worker who leaves keeps their row, with the date and reason, so that starters, leavers and
    turnover can be computed over any 12 months.
    """

    class CareCertificate(models.IntegerChoices):
        COMPLETED = CARE_CERTIFICATE_COMPLETED, "Completed"
        NOT_STARTED = CARE_CERTIFICATE_NOT_STARTED, "Not started"
        IN_PROGRESS = CARE_CERTIFICATE_IN_PROGRESS, "In progress"

    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="workers")
    local_identifier = models.CharField("Worker reference (UNIQUEWORKERID)", max_length=50)
    name_or_id = models.CharField("Name or ID (DISPLAYID)", max_length=50, blank=True, db_default="")
    contract_type = models.PositiveSmallIntegerField(choices=_choices("contract_type"))
    main_job_role = models.PositiveSmallIntegerField(choices=_choices("job_roles"))
    other_job_roles = models.JSONField(default=list, blank=True)
    start_date = models.DateField("Start date in this job", null=True, blank=True)
    start_year_in_sector = models.PositiveSmallIntegerField(null=True, blank=True)
    contracted_hours = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    average_hours = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    zero_hours_contract = models.PositiveSmallIntegerField(null=True, blank=True, choices=_choices("yes_no_dont_know"))
    pay_interval = models.PositiveSmallIntegerField(null=True, blank=True, choices=_choices("salary_interval"))
    hourly_rate = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    annual_salary = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    gender = models.PositiveSmallIntegerField(null=True, blank=True, choices=_choices("gender"))
    ethnicity = models.PositiveSmallIntegerField(null=True, blank=True, choices=_choices("ethnicity"))
    nationality = models.PositiveSmallIntegerField(null=True, blank=True)
    country_of_birth = models.PositiveSmallIntegerField(null=True, blank=True)
    disability = models.PositiveSmallIntegerField(null=True, blank=True, choices=_choices("disabled"))
    recruitment_source = models.PositiveSmallIntegerField(null=True, blank=True, choices=_choices("recruitment_source"))
    care_certificate = models.PositiveSmallIntegerField(
        choices=CareCertificate.choices, default=CareCertificate.NOT_STARTED, null=True, blank=True
    )
    social_care_qualification_level = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Highest relevant social care qualification level; blank if none or not known"
    )
    days_sick = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    national_insurance_number = models.CharField(max_length=9, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    # further ASC-WDS staff items, kept as their bulk-upload codes (999 = don't know)
    british_citizenship = models.PositiveSmallIntegerField(null=True, blank=True)
    year_of_entry = models.PositiveSmallIntegerField("Year arrived in the UK", null=True, blank=True)
    level_2_care_certificate = models.PositiveSmallIntegerField(null=True, blank=True)
    level_2_care_certificate_year = models.PositiveSmallIntegerField(null=True, blank=True)
    health_and_care_visa = models.PositiveSmallIntegerField(null=True, blank=True)
    employed_from_outside_uk = models.PositiveSmallIntegerField(null=True, blank=True)
    delegated_healthcare_activities = models.PositiveSmallIntegerField(null=True, blank=True)
    apprenticeship = models.PositiveSmallIntegerField(null=True, blank=True)
    main_job_role_description = models.CharField(max_length=120, blank=True, db_default="")
    nmc_registration = models.PositiveSmallIntegerField(null=True, blank=True)
    approved_mental_health_professional = models.PositiveSmallIntegerField(null=True, blank=True)
    social_care_qualification = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Holds a relevant social care qualification: 1 yes, 2 no, 999 don't know"
    )
    non_social_care_qualification = models.PositiveSmallIntegerField(null=True, blank=True)
    non_social_care_qualification_level = models.PositiveSmallIntegerField(null=True, blank=True)
    cwp_role_category = models.PositiveSmallIntegerField("Care workforce pathway role category", null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)
    leaving_reason = models.PositiveSmallIntegerField(null=True, blank=True, choices=_choices("worker_leave_reason"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["local_identifier"]
        constraints = [
            # a reference is unique among the workplace's current staff; leavers keep theirs for turnover
            models.UniqueConstraint(
                fields=["workplace", "local_identifier"],
                condition=models.Q(left_on__isnull=True),
                name="unique_current_worker_reference",
            )
        ]
        indexes = [
            models.Index(fields=["workplace", "left_on"]),
            models.Index(fields=["left_on"]),
            models.Index(fields=["updated_at"]),  # the measures' data-version check reads MAX(updated_at)
        ]

    def __str__(self) -> str:
        return self.local_identifier

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class WorkerQualification(models.Model):
    worker = models.ForeignKey(Worker, on_delete=models.CASCADE, related_name="qualifications")
    qualification = models.PositiveSmallIntegerField(choices=_choices("qualifications"))
    year_achieved = models.PositiveSmallIntegerField(null=True, blank=True)
    notes = models.CharField(max_length=120, blank=True, db_default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["worker", "qualification"], name="unique_worker_qualification")]


class TrainingRecord(models.Model):
    worker = models.ForeignKey(Worker, on_delete=models.CASCADE, related_name="training")
    category = models.PositiveSmallIntegerField(choices=_choices("training_categories"))
    name = models.CharField(max_length=120, blank=True)
    accredited = models.PositiveSmallIntegerField(null=True, blank=True, choices=_choices("accredited"))
    completed_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    # further ASC-WDS training items, as their bulk-upload codes
    delivered_by = models.PositiveSmallIntegerField(null=True, blank=True)
    provider = models.PositiveSmallIntegerField(null=True, blank=True)
    how_delivered = models.PositiveSmallIntegerField(null=True, blank=True)
    validity_months = models.PositiveSmallIntegerField(null=True, blank=True)
    does_not_expire = models.BooleanField(default=False, db_default=False)
    notes = models.TextField(blank=True, db_default="")

    class Meta:
        ordering = ["-completed_on"]
        indexes = [models.Index(fields=["expires_on"])]


class Vacancy(models.Model):
    """Unfilled posts for one job role at a workplace; published ones appear in job search."""

    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="vacancies")
    job_role = models.PositiveSmallIntegerField(choices=_choices("job_roles"))
    number_of_posts = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=120, blank=True)
    description = models.TextField(blank=True)
    duties = models.TextField(blank=True, help_text="The main duties, one a line")
    shift_pattern = models.CharField(max_length=200, blank=True)
    hourly_rate = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    contracted_hours = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    guaranteed_hours = models.BooleanField(default=False)
    full_time = models.BooleanField(default=False)
    part_time = models.BooleanField(default=False)
    school_hours = models.BooleanField(default=False)
    nights = models.BooleanField(default=False)
    weekends = models.BooleanField(default=False)
    requires_driving_licence = models.BooleanField(default=False)
    requires_car = models.BooleanField(default=False)
    travel_time_paid = models.BooleanField(default=False)
    offers_visa_sponsorship = models.BooleanField(default=False)
    posted_on = models.DateField()
    closing_date = models.DateField(null=True, blank=True)
    is_published = models.BooleanField(default=False)

    class Meta:
        ordering = ["-posted_on"]
        verbose_name_plural = "vacancies"
        indexes = [models.Index(fields=["is_published", "closing_date"])]


class DemoLoad(models.Model):
    """Marks that the synthetic demo region has been loaded (one row at most)."""

    seed = models.PositiveIntegerField()
    size = models.CharField(max_length=10)
    as_of = models.DateField()
    loaded_at = models.DateTimeField(auto_now_add=True)
