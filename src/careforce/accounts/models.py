"""Users belong to a care provider organisation, a council, or to nobody (job seekers)."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from careforce.domain.access import ROLE_LABELS, Role


class User(AbstractUser):
    """A person who signs in. The username is their email address (password reset emails go to it)."""

    EMAIL_FIELD = "username"

    role = models.CharField(max_length=32, choices=[(r.value, ROLE_LABELS[r]) for r in Role])
    organisation = models.ForeignKey(
        "workforce.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    council = models.ForeignKey("region.Council", null=True, blank=True, on_delete=models.PROTECT, related_name="users")
    worker = models.OneToOneField(
        "workforce.Worker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
        help_text="For a provider staff member: their own worker record.",
    )

    def clean(self) -> None:
        super().clean()
        needs_org = self.role in (Role.PROVIDER_STAFF, Role.PROVIDER_MANAGER)
        if needs_org and not self.organisation_id:
            raise ValidationError({"organisation": "Choose the care provider this person works for"})
        if self.role == Role.COUNCIL_ANALYST and not self.council_id:
            raise ValidationError({"council": "Choose the council this analyst works for"})
        if (
            self.role == Role.PROVIDER_STAFF
            and self.worker is not None
            and self.worker.workplace.organisation_id != self.organisation_id
        ):
            raise ValidationError({"worker": "The worker record must belong to the same care provider"})

    @property
    def role_enum(self) -> Role:
        return Role(self.role)
