"""What a person looking for care work chose to keep: saved searches (for job alerts) and saved
"Is care right for me?" results (nothing is stored unless they ask); the address they confirmed; and the
demo's mailbox."""

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


class OutboxMessage(models.Model):
    """An email kept in the database instead of sent: the demo's mailbox (``mail_backends.OutboxEmailBackend``).

    Only the demo and laptops use it; production sends through GOV.UK Notify and stores nothing here.
    """

    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    template = models.CharField(max_length=50, blank=True, help_text="the careers.notify template, if any")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["to", "sent_at"])]


class ConfirmedAddress(models.Model):
    """A job seeker proved they receive email at their account's address (by opening the link we sent).

    Only then are applications sent earlier with that address, from any browser, joined to the account.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="confirmed_address")
    email = models.EmailField()
    confirmed_at = models.DateTimeField()
