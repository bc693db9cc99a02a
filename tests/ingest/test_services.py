"""Storing and processing articles (tasks in process here; tests/ingest/test_worker.py uses a real worker)."""
import pytest

from actors.models import Actor
from ingest import services
from ingest.extraction import Extraction, ExtractedStatement, Speaker
from statements.models import Source, Statement

pytestmark = pytest.mark.django_db(transaction=True)


def test_upload_is_stored_then_processed(demo_article_bytes):
    submission = services.submit_article(raw=demo_article_bytes, filename="sana.txt", content_type="text/plain")
    source = Source.objects.get(pk=submission.source.pk)
    assert bytes(source.original) == demo_article_bytes
    assert source.status == Source.Status.DONE, source.error
    assert source.title.startswith("Updated-Lavrov")
    assert (source.publisher, source.dateline, source.language) == ("SANA", "Moscow", "en")
    for statement in source.statements.all():
        assert source.text[statement.content_start:statement.content_end] == statement.content
    lavrov = Actor.objects.get(name="Sergey Lavrov")
    assert lavrov.kind == "person"
    assert set(lavrov.aliases.values_list("normalized", flat=True)) >= {"sergey lavrov", "lavrov"}
    assert lavrov.roles.filter(title__icontains="Foreign Minister").exists()
    assert source.statements.filter(speaker=lavrov).count() >= 8


def test_same_text_again_creates_nothing(demo_article_bytes):
    first = services.submit_article(raw=demo_article_bytes, filename="a.txt")
    counts = (Source.objects.count(), Statement.objects.count(), Actor.objects.count())
    second = services.submit_text(text=demo_article_bytes.decode("utf-8").replace("\n", "\n\n"))
    assert not second.created and second.source.pk == first.source.pk
    assert (Source.objects.count(), Statement.objects.count(), Actor.objects.count()) == counts


def test_same_url_again_creates_nothing():
    first = services.submit_text(text="Minister says\n\nThe minister said the plan works.", url="https://example.org/x")
    again = services.submit_text(text="A different version of the text.", url="https://example.org/x")
    assert not again.created and again.source.pk == first.source.pk


def test_same_article_as_html_and_text_is_marked_duplicate():
    text = "Budget news\n\nThe finance minister, Anna Berg, said that the budget would be balanced next year."
    services.submit_text(text=text)
    html = f"<html><head><title>Budget news</title></head><body><article><h1>Budget news</h1><p>{text.split(chr(10))[-1]}</p></article></body></html>"
    dup = services.submit_article(raw=html.encode(), filename="b.html", content_type="text/html")
    dup.source.refresh_from_db()
    assert dup.source.status == Source.Status.DUPLICATE
    assert dup.source.duplicate_of_id is not None and "already stored" in dup.source.error
    assert not dup.source.statements.exists()


def _fake_extraction(source, speaker_name, spans):
    speaker = Speaker(name=speaker_name, kind="person", title=None, aliases=(speaker_name,))
    return Extraction(
        statements=tuple(
            ExtractedStatement(
                speaker=speaker, speaker_mention=speaker_name, speaker_start=None, speaker_end=None, cue="said",
                cue_start=None, cue_end=None, kind="indirect", content=source.text[a:b], content_start=a,
                content_end=b, confidence=0.7, said_on=None, topics=("Budget",), mentioned=(),
            )
            for a, b in spans
        ),
        speakers=(speaker,),
        topics=("Budget",),
    )


def test_store_extraction_keeps_every_editor_decision(source_factory, actor_factory):
    source = source_factory(text="Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.")
    editor_speaker = actor_factory(name="Right Person")
    spans = [(0, 10), (11, 21), (22, 33), (34, 46)]
    services.store_extraction(source=source, extraction=_fake_extraction(source, "Wrong Person", spans))
    s1, s2, s3, s4 = source.statements.order_by("content_start")
    Statement.objects.filter(pk=s1.pk).update(review_status="verified")
    Statement.objects.filter(pk=s2.pk).update(review_status="rejected")
    Statement.objects.filter(pk=s3.pk).update(review_status="corrected", speaker=editor_speaker, content_end=30,
                                              content=source.text[22:30])
    snapshot = {s.pk: (s.review_status, s.speaker_id, s.content_start, s.content_end, s.content)
                for s in source.statements.exclude(review_status="extracted")}
    # Re-extraction finds the same passages again, and one new one.
    services.store_extraction(source=source, extraction=_fake_extraction(source, "Other Person", spans + [(47, 55)]))
    after = {s.pk: (s.review_status, s.speaker_id, s.content_start, s.content_end, s.content)
             for s in source.statements.exclude(review_status="extracted")}
    assert after == snapshot
    untouched = source.statements.filter(review_status="extracted").order_by("content_start")
    assert [(s.content_start, s.speaker.name) for s in untouched] == [(34, "Other Person"), (47, "Other Person")]
    assert not Statement.objects.filter(pk=s4.pk).exists()  # the untouched one was replaced


def test_unresolved_descriptions_stay_mentions_not_actors(source_factory):
    source = source_factory(text="Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.")
    services.store_extraction(source=source, extraction=_fake_extraction(source, "the company", [(0, 10)]))
    statement = source.statements.get()
    assert statement.speaker is None and statement.speaker_mention == "the company"
    assert not Actor.objects.filter(name="the company").exists()


def test_descriptions_do_not_become_aliases():
    from actors.services import resolve_actor

    lavrov = resolve_actor(name="Sergey Lavrov", kind="person", aliases=["Lavrov", "The Minister", "the minister", "he"])
    assert set(lavrov.aliases.values_list("normalized", flat=True)) == {"sergey lavrov", "lavrov"}
    assert resolve_actor(name="Minister") != lavrov


def test_surname_joins_known_actor_only_when_unambiguous():
    from actors.services import resolve_actor

    lavrov = resolve_actor(name="Sergey Lavrov", kind="person")
    assert resolve_actor(name="Lavrov", kind="person") == lavrov
    boris = resolve_actor(name="Boris Lavrov", kind="person")
    assert boris != lavrov
    ambiguous = resolve_actor(name="Lavrov", kind="person")
    assert ambiguous not in (lavrov, boris)
    assert resolve_actor(name="LAVROV", kind="person") == ambiguous  # stable afterwards
    assert resolve_actor(name="Sergéy Lavrov") == lavrov


def test_processing_twice_leaves_what_one_run_leaves(demo_article_bytes):
    submission = services.submit_article(raw=demo_article_bytes, filename="a.txt")
    def state():
        return sorted(Statement.objects.values_list("content_start", "content_end", "speaker__name", "kind"))
    once = state()
    actors = Actor.objects.count()
    services.process_source(source_id=submission.source.pk, force=True)
    assert state() == once and Actor.objects.count() == actors


def test_sweep_dispatches_stuck_sources(source_factory):
    import datetime as dt

    from django.utils import timezone

    stuck = source_factory(status="pending", text="", original=b"Headline\n\nThe mayor said that roads will reopen.")
    Source.objects.filter(pk=stuck.pk).update(updated_at=timezone.now() - dt.timedelta(minutes=10))
    assert services.sweep_pending() == 1
    stuck.refresh_from_db()
    assert stuck.status == Source.Status.DONE


def test_the_sweep_queues_again_only_what_no_live_worker_holds(source_factory, monkeypatch, postgres_only):
    """A worker holds its source's row lock while processing: a "processing" row nobody locks has no worker."""
    import datetime as dt
    import threading

    from django.db import connection, transaction
    from django.utils import timezone

    queued = []
    monkeypatch.setattr(services, "dispatch", queued.append)
    held, abandoned, just_marked = (source_factory(status="processing") for _ in range(3))
    Source.objects.filter(pk__in=[held.pk, abandoned.pk]).update(updated_at=timezone.now() - dt.timedelta(seconds=30))
    locked, release = threading.Event(), threading.Event()

    def live_worker():  # as process_source's transaction does, on its own connection
        try:
            with transaction.atomic():
                Source.objects.select_for_update().get(pk=held.pk)
                locked.set()
                release.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=live_worker)
    thread.start()
    try:
        assert locked.wait(10)
        assert services.sweep_pending(abandoned_after=dt.timedelta(seconds=5)) == 1
    finally:
        release.set()
        thread.join()
    assert queued == [abandoned.pk]
    status = dict(Source.objects.values_list("pk", "status"))
    assert status == {held.pk: "processing", abandoned.pk: "pending", just_marked.pk: "processing"}
    assert "the worker processing it stopped" in Source.objects.get(pk=abandoned.pk).error
    # The worker holding `held` is gone now (its transaction ended without finishing): the next sweep takes it;
    # `abandoned`, pending again with its message queued, is left to it (SWEEP_OLDER_THAN_SECONDS).
    assert services.sweep_pending(abandoned_after=dt.timedelta(seconds=5)) == 1
    assert queued == [abandoned.pk, held.pk]
    # A worker that starts does not wait at all (worker_ready): the source just marked is taken too.
    assert services.requeue_abandoned() == 1 and queued[-1] == just_marked.pk


def test_first_history_record_holds_the_extracted_topics(demo_article_bytes):
    source = services.submit_article(raw=demo_article_bytes, filename="a.txt").source
    statement = next(s for s in Statement.objects.filter(source=source) if s.topics.exists())
    first = statement.history.earliest("history_date")
    assert first.history_type == "+"
    assert {row.topic_id for row in first.topics.all()} == set(statement.topics.values_list("pk", flat=True))
    assert first.content == statement.content and first.speaker_id == statement.speaker_id


def test_html_entities_are_decoded_in_stored_text_unless_editors_hold_offsets_in_it():
    text = "Budget row\n\nThe Commission president, Jos&eacute; Manuel Barroso, said the budget was fair and final."
    source = services.submit_text(text=text).source
    source.refresh_from_db()
    assert "José Manuel Barroso" in source.text
    statement = source.statements.get()
    assert statement.speaker.name == "José Manuel Barroso"
    assert source.text[statement.content_start:statement.content_end] == statement.content
    # an editor's statement indexes the stored text: a later run leaves that text as it is
    other = Source.objects.create(text=text, status=Source.Status.DONE)
    Statement.objects.create(source=other, content=text[12:22], content_start=12, content_end=22, kind="indirect",
                             cue="said", confidence=1.0, review_status=Statement.ReviewStatus.VERIFIED)
    services.process_source(source_id=other.pk, force=True)
    other.refresh_from_db()
    assert other.text == text


def test_an_organisation_written_with_a_leading_the_or_by_its_initials_gets_its_actor():
    """Issue 20: a name the NER missed with its "The" ("The Football Association", which the store takes for a
    description when it keeps the "The") and a representative named by initials the article spells out are stored
    on the organisation's actor."""
    text = ("Cup replay ordered\n\n\"We will appeal,\" The Football Association said on Monday. The Department for "
            "Rural Affairs is reviewing the plan. A DfRA source said the figures were wrong.")
    source = services.submit_text(text=text).source
    source.refresh_from_db()
    speakers = {s.speaker_mention: s.speaker for s in source.statements.all()}
    assert speakers["The Football Association"].name == "Football Association"
    assert speakers["The Football Association"].kind == Actor.Kind.ORGANIZATION
    assert speakers["A DfRA source"].name == "Department for Rural Affairs"
