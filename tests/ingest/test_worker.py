"""The ingest path through a real Redis broker and a real Celery worker process."""
import pytest

from ingest import services
from statements.models import Source, Statement
from tests.workers import wait_for

pytestmark = pytest.mark.celery_worker


def processed(source_id):
    source = Source.objects.get(pk=source_id)
    return source if source.status not in (Source.Status.PENDING, Source.Status.PROCESSING) else None


def test_task_sent_through_redis_is_processed_by_worker(celery_worker, demo_article_bytes):
    submission = services.submit_article(raw=demo_article_bytes, filename="sana.txt", publisher="SANA")
    assert submission.created
    source = wait_for(lambda: processed(submission.source.pk), what="the worker to process the article")
    assert source.status == Source.Status.DONE, source.error
    statements = Statement.objects.filter(source=source)
    assert statements.count() >= 10
    assert statements.filter(speaker__name="Sergey Lavrov").exists()
    assert source.dateline == "Moscow" and source.publisher == "SANA"


def test_same_upload_twice_is_one_source(celery_worker, demo_article_bytes):
    first = services.submit_article(raw=demo_article_bytes, filename="a.txt")
    wait_for(lambda: processed(first.source.pk), what="processing")
    again = services.submit_article(raw=demo_article_bytes.replace(b"\n", b"\r\n"), filename="b.txt")
    assert not again.created and again.source.pk == first.source.pk
    assert Source.objects.count() == 1


def test_reprocess_through_worker_keeps_editor_changes(celery_worker, demo_article_bytes, actor_factory):
    submission = services.submit_article(raw=demo_article_bytes, filename="a.txt")
    source = wait_for(lambda: processed(submission.source.pk), what="processing")
    verified, rejected, corrected = Statement.objects.filter(source=source).order_by("content_start")[:3]
    Statement.objects.filter(pk=verified.pk).update(review_status="verified")
    Statement.objects.filter(pk=rejected.pk).update(review_status="rejected")
    editor_actor = actor_factory(name="Someone Else")
    Statement.objects.filter(pk=corrected.pk).update(review_status="corrected", speaker=editor_actor)
    before = {s.pk: (s.review_status, s.speaker_id, s.content_start, s.content_end)
              for s in Statement.objects.filter(pk__in=[verified.pk, rejected.pk, corrected.pk])}
    total_before = Statement.objects.filter(source=source).count()
    Source.objects.filter(pk=source.pk).update(status="pending")
    services.reprocess(source_ids=[source.pk])
    wait_for(lambda: processed(source.pk), what="reprocessing")
    after = {s.pk: (s.review_status, s.speaker_id, s.content_start, s.content_end)
             for s in Statement.objects.filter(pk__in=[verified.pk, rejected.pk, corrected.pk])}
    assert after == before
    assert Statement.objects.filter(source=source).count() == total_before
