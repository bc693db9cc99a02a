"""Reads for alerts: an address's alerts, and how many statements an alert of everything would send."""
from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from statements.models import Statement

from .models import Alert


def alert_by_pk(pk) -> Alert | None:
    return Alert.objects.select_related("subscriber", "speaker", "topic").filter(pk=pk).first()


def alerts_of(email: str) -> QuerySet[Alert]:
    return Alert.objects.select_related("speaker", "topic").filter(subscriber__email=email, confirmed_at__isnull=False)


def statements_per_day(days: int = 30) -> float:
    """How many statements a day were stored lately (what an alert of everything would send)."""
    since = timezone.now() - dt.timedelta(days=days)
    return Statement.objects.filter(created_at__gte=since).count() / days


def webhooks_of(user) -> QuerySet[Alert]:
    return Alert.objects.select_related("speaker", "topic").filter(
        channel=Alert.Channel.WEBHOOK, owner=user, unsubscribed_at=None).order_by("-created_at", "-id")
