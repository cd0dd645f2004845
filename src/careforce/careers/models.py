"""What a person looking for care work chose to keep: saved searches (for job alerts) and saved
"Is care right for me?" results. Nothing is stored here unless they ask."""

from django.conf import settings
from django.db import models


class SavedSearch(models.Model):
    """A job search a signed-in job seeker saved, to be told of new matches.

    ``filters`` is the search as the search form cleaned it (postcode as typed, distance, roles, hours,
    pay, terms, sort). ``last_alerted_on`` and ``last_seen_vacancy_id`` mark which vacancies they have
    already been told about (or saw when they saved it).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    filters = models.JSONField()
    description = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    last_alerted_on = models.DateField()
    last_seen_vacancy_id = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]


class SavedSelfAssessment(models.Model):
    """A person's answers to "Is care right for me?", saved because they asked (question id to option id)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_assessments")
    answers = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
