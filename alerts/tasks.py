"""Celery tasks for alerts, run by beat (config.settings CELERY_BEAT_SCHEDULE): thin, each calls services.

A run matches what was stored since the last one, then splits the due alerts into batches of ALERT_SEND_BATCH,
one task each, so that every worker sends a share (a digest for 10,000 alerts is 10,000 messages)."""
from celery import shared_task
from django.conf import settings

from . import services
from .models import Alert


def _send_in_batches(frequency: str) -> int:
    services.match_recent()
    due = services.due_alerts(frequency=frequency)
    size = settings.ALERT_SEND_BATCH
    for start in range(0, len(due), size):
        send_batch_task.delay(due[start:start + size])
    return len(due)


@shared_task(name="alerts.match_and_send", ignore_result=True)
def match_and_send_task() -> int:
    """Queue the statements stored since the last run for the alerts they match; send the "immediate" ones."""
    return _send_in_batches(Alert.Frequency.IMMEDIATE)


@shared_task(name="alerts.send_digests", ignore_result=True)
def send_digests_task(frequency: str) -> int:
    return _send_in_batches(frequency)


@shared_task(name="alerts.send_batch", ignore_result=True, acks_late=True)
def send_batch_task(alert_ids: list[int]) -> int:
    return services.send_alerts(alert_ids)
