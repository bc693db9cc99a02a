"""Alerts: an address follows a filtered list of statements and is sent the new ones by email.

An Alert holds the filters a statement list offers (speaker, topic, search words, publisher, kind, source type),
as columns, so that one SQL statement matches new statements against every alert at once (services.match_new).
AlertMatch rows are the to-do list and the record of what was sent: one per (alert, statement), so a statement
is queued once per alert however often matching runs, and a sent one is never sent again.
"""
from django.db import models

from actors.models import Actor
from statements.models import Statement, Topic

from .filters import AlertFilters


class Subscriber(models.Model):
    """An email address that asked for alerts. Stored lower-cased; confirmed per alert (double opt-in)."""

    email = models.EmailField(max_length=254, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.email


class Alert(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", "As they come (every few minutes)"
        DAILY = "daily", "Daily digest"
        WEEKLY = "weekly", "Weekly digest"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="alerts")
    speaker = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    q = models.CharField("search words", max_length=200, blank=True)
    # The PostgreSQL tsquery of `q` (websearch syntax, English), computed once when the alert is made.
    tsquery = models.TextField(blank=True, editable=False)
    publisher = models.CharField(max_length=255, blank=True)
    kind = models.CharField(max_length=16, blank=True, choices=Statement.Kind.choices)
    source_type = models.CharField(max_length=16, blank=True, choices=Statement.SourceType.choices)
    frequency = models.CharField(max_length=16, choices=Frequency.choices, default=Frequency.DAILY)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["frequency"], condition=models.Q(unsubscribed_at=None), name="alert_live")]

    def __str__(self):
        return f"{self.subscriber}: {self.describe()}"

    @property
    def is_live(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None

    @property
    def filters(self) -> AlertFilters:
        return AlertFilters(speaker=self.speaker, topic=self.topic, q=self.q, publisher=self.publisher,
                            kind=self.kind, source_type=self.source_type)

    def describe(self) -> str:
        return self.filters.describe()


class AlertMatch(models.Model):
    """A statement an alert found: queued (sent_at empty), then sent once."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="matches")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    matched_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "statement"], name="alert_match_once")]
        indexes = [models.Index(fields=["alert"], condition=models.Q(sent_at=None), name="alert_match_unsent")]


class MatchingCursor(models.Model):
    """How far matching has read the statements: one row (id 1)."""

    scanned_until = models.DateTimeField(null=True, blank=True)
