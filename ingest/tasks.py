"""Celery tasks: thin, idempotent, load by id and call one service."""
import datetime as dt
import logging

from celery import shared_task, signals

from . import services

log = logging.getLogger(__name__)


@shared_task(
    bind=True, acks_late=True, autoretry_for=services.TRANSIENT_ERRORS, retry_backoff=2, retry_backoff_max=60,
    max_retries=8, name="ingest.process_source",
)
def process_source_task(self, source_id: int, force: bool = False) -> str:
    return services.process_source(source_id=source_id, force=force).status


@shared_task(name="ingest.sweep_pending", ignore_result=True)
def sweep_pending_task(older_than_seconds: float | None = None, abandoned_after_seconds: float | None = None) -> int:
    """Run by beat (CELERY_BEAT_SCHEDULE): re-queue sources left pending or abandoned in processing."""
    kwargs = {}
    if older_than_seconds is not None:
        kwargs["older_than"] = dt.timedelta(seconds=older_than_seconds)
    if abandoned_after_seconds is not None:
        kwargs["abandoned_after"] = dt.timedelta(seconds=abandoned_after_seconds)
    return services.sweep_pending(**kwargs)


@signals.worker_ready.connect
def requeue_abandoned_on_start(sender=None, **kwargs) -> None:
    """A worker that starts queues again, at once, the sources workers that are gone left "processing".

    A worker restarted after a kill finds its own article this way within seconds instead of at the next sweep;
    sources other workers are processing right now hold their row locks and are left alone. No age threshold here:
    a source caught between another worker's "processing" mark and its lock is harmless (services.requeue_abandoned).
    """
    from django.db import connections

    try:
        services.requeue_abandoned()
    except Exception as exc:  # noqa: BLE001 - a database that is down must not stop the worker; the sweep retries
        log.warning("could not look for sources abandoned by stopped workers (%s: %s)", exc.__class__.__name__, exc)
    finally:
        connections.close_all()  # the main process of a prefork worker runs no tasks: no connection to fork
