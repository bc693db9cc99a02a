"""Alerts: an address follows a filtered list of statements and is sent the new ones by email.

An Alert holds the filters a statement list offers (speaker, topic, search words, publisher, kind, source type),
as columns, so that one SQL statement matches new statements against every alert at once (services.match_new).
AlertMatch rows are the to-do list and the record of what was sent: one per (alert, statement), so a statement
is queued once per alert however often matching runs, and a sent one is never sent again.
"""
from django.conf import settings
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
    """A followed list: by email to a confirmed address, or by webhook to an API token holder's URL."""

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        WEBHOOK = "webhook", "Webhook"

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", "As they come (every few minutes)"
        DAILY = "daily", "Daily digest"
        WEEKLY = "weekly", "Weekly digest"

    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.EMAIL)
    subscriber = models.ForeignKey(Subscriber, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts")
    # Webhooks: who registered it (an API token holder), where new statements are POSTed, the HMAC key, and how
    # deliveries go: failures in a row, when to try again, and why it was turned off.
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                              related_name="webhooks")
    url = models.URLField("webhook URL", max_length=2000, blank=True)
    secret = models.CharField(max_length=64, blank=True, editable=False)
    failures = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    disabled_reason = models.TextField(blank=True)
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
        return f"{self.subscriber or self.url}: {self.describe()}"

    @property
    def is_live(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None and self.disabled_at is None

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


class WebhookDelivery(models.Model):
    """One attempt to POST an alert's statements to its webhook: the delivery log editors and owners read."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    delivery_id = models.CharField(max_length=255, help_text="The same on every retry of the same statements.")
    attempted_at = models.DateTimeField(auto_now_add=True, db_index=True)
    statements = models.PositiveIntegerField()
    status_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-attempted_at", "-id"]
        verbose_name_plural = "webhook deliveries"

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class MatchingCursor(models.Model):
    """How far matching has read the statements: one row (id 1)."""

    scanned_until = models.DateTimeField(null=True, blank=True)
