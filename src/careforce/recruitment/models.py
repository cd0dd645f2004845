"""Recruitment: applications to published vacancies, their pipeline history, interview scores and staff referrals.

An application moves through the pipeline stages below; every move is kept as an
``ApplicationEvent`` with its reason and time, so time to first contact and time to hire can be
measured. Hiring creates a ``workforce.Worker`` (see ``services.hire``). See ADR 0045.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower

from .stages import CLOSED_STAGES as CLOSED_STAGES
from .stages import Stage as Stage

HOURS_PATTERNS = ("full_time", "part_time", "school_hours", "nights", "weekends")


class Referral(models.Model):
    """A member of staff recommending a friend for one of their employer's vacancies (as in Care Friends)."""

    class Status(models.TextChoices):
        REFERRED = "referred", "Referred"
        APPLIED = "applied", "Applied"
        HIRED = "hired", "Hired"
        NOT_PROGRESSED = "not_progressed", "Not progressed"

    referrer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="referrals")
    referrer_worker = models.ForeignKey(
        "workforce.Worker", null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals_made"
    )
    vacancy = models.ForeignKey("workforce.Vacancy", on_delete=models.CASCADE, related_name="referrals")
    friend_name = models.CharField(max_length=120)
    friend_email = models.EmailField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REFERRED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Referral {self.pk}"


class Application(models.Model):
    """One person's application to one vacancy."""

    vacancy = models.ForeignKey("workforce.Vacancy", on_delete=models.CASCADE, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    full_name = models.CharField(max_length=120)
    email = models.EmailField()
    phone = models.CharField(max_length=30, blank=True)
    availability = models.JSONField(default=list, blank=True, help_text=f"hours patterns: {', '.join(HOURS_PATTERNS)}")
    has_right_to_work = models.BooleanField(default=False)
    needs_visa_sponsorship = models.BooleanField(default=False)
    has_driving_licence = models.BooleanField(default=False)
    has_car = models.BooleanField(default=False)
    about_you = models.TextField(blank=True)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.NEW)
    not_progressed_reason = models.CharField(max_length=300, blank=True)
    shortlisted = models.BooleanField(default=False)
    referral = models.ForeignKey(
        Referral, null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    hired_worker = models.ForeignKey(
        "workforce.Worker", null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    first_contacted_at = models.DateTimeField(null=True, blank=True)
    hired_at = models.DateTimeField(null=True, blank=True)
    email_confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text="when the applicant opened the link we emailed to this address"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["vacancy", "stage"])]
        constraints = [
            # one application per person and job: a second one is "you have already applied" (withdrawn ones
            # and erased ones, whose email is blank, do not count)
            models.UniqueConstraint(
                Lower("email"),
                "vacancy",
                condition=~models.Q(stage="withdrawn") & ~models.Q(email=""),
                name="one_application_per_email_and_vacancy",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The applicant's name once shortlisted; a neutral label before (blind shortlisting)."""
        return self.full_name if self.shortlisted else f"Applicant {self.pk}"


class ApplicationEvent(models.Model):
    """One move of an application between stages (or a shortlisting), with the reason and when."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    reason = models.CharField(max_length=300, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]


class InterviewScore(models.Model):
    """The interview panel's score for one care workforce pathway value (1 to 4)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="interview_scores")
    value = models.CharField(max_length=30, help_text="key of a care workforce pathway value (values.toml)")
    score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    notes = models.TextField(blank=True)
    panel_included_person_with_lived_experience = models.BooleanField(default=False)
    scored_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "value"], name="one_interview_score_per_value"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=4), name="interview_score_1_to_4"),
        ]
