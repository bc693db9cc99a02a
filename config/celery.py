import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("statement_tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.task_prerun.connect
@signals.task_postrun.connect
def _close_unusable_db_connections(**kwargs) -> None:
    """What Django does around a request, around a task: drop a connection that failed or is too old.

    Celery no longer closes it every time (CELERY_DB_REUSE_MAX); a connection broken by a PostgreSQL restart
    is closed here before the retry runs, instead of failing that retry too.
    """
    task = kwargs.get("task")
    if task is not None and getattr(task.request, "is_eager", False):
        return  # run in process (embedded mode, tests): the caller's connection, maybe inside its transaction
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
