"""Celery tasks: thin, idempotent, load by id and call one service."""
import datetime as dt

from celery import shared_task

from . import services


@shared_task(
    bind=True, acks_late=True, autoretry_for=services.TRANSIENT_ERRORS, retry_backoff=2, retry_backoff_max=60,
    max_retries=8, name="ingest.process_source",
)
def process_source_task(self, source_id: int, force: bool = False) -> str:
    return services.process_source(source_id=source_id, force=force).status


@shared_task(name="ingest.sweep_pending", ignore_result=True)
def sweep_pending_task(older_than_seconds: float | None = None) -> int:
    """Run by beat (CELERY_BEAT_SCHEDULE): re-queue sources left pending or stuck in processing."""
    if older_than_seconds is None:
        return services.sweep_pending()
    return services.sweep_pending(older_than=dt.timedelta(seconds=older_than_seconds))
