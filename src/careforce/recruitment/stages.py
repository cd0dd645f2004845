"""The stages of an application, from new to hired (or not progressed, or withdrawn).

Kept apart from the models so pages and presenters can name a stage without importing a model."""

from django.db import models


class Stage(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    INTERVIEW = "interview", "Interview"
    OFFER = "offer", "Offer"
    CHECKS = "checks", "DBS and references"
    HIRED = "hired", "Hired"
    NOT_PROGRESSED = "not_progressed", "Not progressed"
    WITHDRAWN = "withdrawn", "Withdrawn by the applicant"


# stages after which nothing more happens to an application
CLOSED_STAGES = (Stage.HIRED, Stage.NOT_PROGRESSED, Stage.WITHDRAWN)
