"""Celery tasks for alerts, run by beat (config.settings CELERY_BEAT_SCHEDULE): thin, each calls services."""
from celery import shared_task

from . import services
from .models import Alert


@shared_task(name="alerts.match_and_send", ignore_result=True)
def match_and_send_task() -> int:
    """Queue the statements stored since the last run for the alerts they match; send the "immediate" ones."""
    services.match_recent()
    return services.send_due(frequency=Alert.Frequency.IMMEDIATE)


@shared_task(name="alerts.send_digests", ignore_result=True)
def send_digests_task(frequency: str) -> int:
    services.match_recent()
    return services.send_due(frequency=frequency)
