"""Two workers handed the same source at once store one set of statements, made by one run."""
import pytest

from ingest import services
from ingest.tasks import process_source_task
from statements.models import Source, Statement

from .conftest import articles, wait_until


def statement_sequence() -> int:
    """The last statement id handed out (the sequence is not reset between tests)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence('statements_statement', 'id'))")
        return cursor.fetchone()[0]

pytestmark = pytest.mark.celery_worker


def test_two_workers_same_sources_one_run_each(procs):
    processes, app = procs
    baseline = statement_sequence()
    # Stored (and queued on commit), then each source queued twice more at once: three copies, two workers.
    ids = []
    for raw in articles(6):
        source = services.submit_article(raw=raw, filename="a.txt").source
        ids.append(source.pk)
    processes.start(tag="a")
    processes.start(tag="b")
    for source_id in ids:
        process_source_task.delay(source_id)
        process_source_task.delay(source_id)

    def finished():
        statuses = list(Source.objects.filter(pk__in=ids).values_list("status", flat=True))
        return all(s == Source.Status.DONE for s in statuses)

    wait_until(finished, 120, "both workers to finish")
    # Let the second copy of every message run too.
    redis = app.connection_for_write().default_channel.client
    wait_until(lambda: redis.llen("celery") == 0, 60, "the queue to drain")
    wait_until(lambda: not redis.hlen("unacked"), 60, "no task left running")
    total = Statement.objects.count()
    assert total > 0
    spans = list(Statement.objects.values_list("source_id", "content_start", "content_end"))
    assert len(spans) == len(set(spans)), "the same passage stored twice"
    for source_id in ids:
        assert Statement.objects.filter(source_id=source_id).count() == total // len(ids)
    # Every statement id ever handed out is still there: no run deleted and re-made another's statements.
    newest = Statement.objects.order_by("-pk").values_list("pk", flat=True).first()
    assert newest - baseline == total, f"{newest - baseline - total} statements were made and then thrown away"
