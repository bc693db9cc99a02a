"""Celery tasks: thin, idempotent, load by id and call one service."""
from celery import shared_task
from . import services


@shared_task(
    bind=True, acks_late=True, autoretry_for=services.TRANSIENT_ERRORS, retry_backoff=2, retry_backoff_max=60,
    max_retries=8, name="ingest.process_source",
)
def process_source_task(self, source_id: int, force: bool = False) -> str:
    return services.process_source(source_id=source_id, force=force).status


@shared_task(name="ingest.sweep_pending")
def sweep_pending_task() -> int:
    return services.sweep_pending()
