"""Clusters built as articles are stored (the real ingest path, in process, on PostgreSQL)."""
import datetime as dt

import pytest

from ingest import services
from statements.clustering import services as clustering
from statements.models import Cluster, ClusterDecision, Source, Statement

pytestmark = pytest.mark.django_db(transaction=True)

QUOTE = ("We will cut taxes for every working family in this country, and we will do it within the first hundred "
         "days of the new parliament")


def _article(title, body, *, publisher, published):
    submission = services.submit_text(text=f"{title}\n\n{body}", publisher=publisher, published=published)
    source = Source.objects.get(pk=submission.source.pk)
    assert source.status == Source.Status.DONE, source.error
    return source


def _quoting(lead, *, day, publisher="Daily One", title="Lopez on taxes"):
    """An article in which `lead` ("Finance Minister Maria Lopez said:") introduces QUOTE, published on March `day`."""
    return _article(title, f'{lead} "{QUOTE}."', publisher=publisher, published=dt.date(2024, 3, day))


def _by(source, name):
    return [s for s in source.statements.select_related("speaker", "cluster") if s.speaker and s.speaker.name == name]


def test_copies_trims_and_paraphrases_of_one_remark_are_one_cluster_with_its_first_appearance():
    first = _quoting("Finance Minister Maria Lopez said:", day=2, title="Lopez on tax cuts")
    trimmed = _article("Tax cuts promised", 'Maria Lopez, the finance minister, said: '
                       '"We will cut taxes for every working family in this country."',
                       publisher="Evening Two", published=dt.date(2024, 3, 4))
    reported = _article("Minister on taxes", "Maria Lopez said that they would cut taxes for every working family in "
                        "this country within the first hundred days of the new parliament.",
                        publisher="Weekly Three", published=dt.date(2024, 3, 3))
    statements = _by(first, "Maria Lopez") + _by(trimmed, "Maria Lopez") + _by(reported, "Maria Lopez")
    assert len(statements) == 3, [(s.speaker, s.content) for s in Statement.objects.all()]
    assert len({s.cluster_id for s in statements}) == 1
    cluster = Cluster.objects.get(pk=statements[0].cluster_id)
    assert (cluster.statement_count, cluster.source_count, cluster.publisher_count) == (3, 3, 3)
    assert cluster.first_statement_id == statements[0].pk and cluster.first_dated_on == dt.date(2024, 3, 2)
    assert [s.pk for s in Statement.objects.filter(cluster=cluster, is_first_appearance=True)] == [statements[0].pk]


def test_an_earlier_copy_stored_later_becomes_the_first_appearance():
    late = _quoting("Finance Minister Maria Lopez said:", day=9)
    early = _quoting("Maria Lopez said on Monday:", day=1, publisher="Evening Two", title="Lopez speech")
    (a,), (b,) = _by(late, "Maria Lopez"), _by(early, "Maria Lopez")
    a.refresh_from_db(), b.refresh_from_db()
    assert a.cluster_id == b.cluster_id
    assert (a.is_first_appearance, b.is_first_appearance) == (False, True)


def test_the_same_words_from_another_speaker_are_another_cluster():
    one = _quoting("Finance Minister Maria Lopez said:", day=2)
    other = _quoting("Opposition leader John Barker said:", day=3, publisher="Daily One", title="Opposition echoes")
    (a,), (b,) = _by(one, "Maria Lopez"), _by(other, "John Barker")
    assert a.cluster_id != b.cluster_id


def test_a_different_remark_by_the_same_speaker_is_another_cluster():
    one = _quoting("Finance Minister Maria Lopez said:", day=2)
    other = _article("Lopez on schools", 'Finance Minister Maria Lopez said: "Every school in this country will get '
                     'a new science laboratory before the next election."', publisher="Daily One",
                     published=dt.date(2024, 3, 3))
    (a,), (b,) = _by(one, "Maria Lopez"), _by(other, "Maria Lopez")
    assert a.cluster_id != b.cluster_id


def test_wire_copy_under_another_publisher_is_a_reprint_and_not_counted_twice():
    body = (f'Finance Minister Maria Lopez said: "{QUOTE}." The opposition leader, John Barker, said that the '
            "promise could not be paid for without cutting hospital budgets across the northern regions.")
    original = _article("Lopez on tax cuts", body, publisher="Wire Agency", published=dt.date(2024, 3, 2))
    reprint = _article("Lopez on tax cuts (agency)", body + " Both spoke in the capital.",
                       publisher="Local Paper", published=dt.date(2024, 3, 2))
    reprint.refresh_from_db()
    assert reprint.reprint_of_id == original.pk
    (a,), (b,) = _by(original, "Maria Lopez"), _by(reprint, "Maria Lopez")
    cluster = Cluster.objects.get(pk=a.cluster_id)
    assert b.cluster_id == cluster.pk
    assert (cluster.statement_count, cluster.source_count, cluster.publisher_count) == (2, 1, 2)


def test_reprocessing_keeps_clusters_and_editors_apart_decisions():
    one = _quoting("Finance Minister Maria Lopez said:", day=2)
    two = _quoting("Maria Lopez said on Monday:", day=3, publisher="Evening Two", title="Lopez again")
    (a,), (b,) = _by(one, "Maria Lopez"), _by(two, "Maria Lopez")
    cluster_id = a.cluster_id
    assert b.cluster_id == cluster_id
    services.process_source(source_id=one.pk, force=True)
    (a2,) = _by(one, "Maria Lopez")
    assert a2.pk != a.pk and a2.cluster_id == cluster_id  # extracted again, same cluster (its address kept)
    ClusterDecision.objects.create(kind="apart", source_a=one, start_a=a2.content_start, end_a=a2.content_end,
                                   source_b=two, start_b=b.content_start, end_b=b.content_end)
    clustering.recluster(statement_ids=[b.pk])
    services.process_source(source_id=one.pk, force=True)
    (a3,), (b3,) = _by(one, "Maria Lopez"), _by(two, "Maria Lopez")
    assert a3.cluster_id != b3.cluster_id
    assert not Cluster.objects.filter(statement_count=0).exists()


def test_merging_two_records_of_one_speaker_joins_their_copies(actor_factory):
    from actors.services import merge_actors

    one = _quoting("Finance Minister Maria Lopez said:", day=2)
    two = _quoting("Finance Minister M. Lopez-Garcia said:", day=3, publisher="Evening Two", title="Lopez again")
    (a,) = _by(one, "Maria Lopez")
    (b,) = [s for s in two.statements.select_related("speaker") if s.speaker and s.speaker != a.speaker]
    assert a.cluster_id != b.cluster_id
    merge_actors(keep=a.speaker, merge=b.speaker)
    a.refresh_from_db(), b.refresh_from_db()
    assert a.cluster_id == b.cluster_id
    assert Cluster.objects.get(pk=a.cluster_id).speaker_id == a.speaker_id


def test_statements_stored_before_clusters_are_clustered_by_the_command():
    from django.core.management import call_command

    _quoting("Finance Minister Maria Lopez said:", day=2)
    _quoting("Maria Lopez said on Monday:", day=3, publisher="Evening Two", title="Lopez again")
    clustered = {s.pk: s.cluster_id for s in Statement.objects.all()}
    call_command("cluster_statements", "--rebuild")
    again = Statement.objects.all()
    assert all(s.cluster_id is not None for s in again)
    assert len({s.cluster_id for s in again}) == len(set(clustered.values()))


def test_the_same_text_under_another_publisher_is_stored_as_a_reprint_once():
    body = f'Finance Minister Maria Lopez said: "{QUOTE}."'
    original = _article("Lopez on tax cuts", body, publisher="Wire Agency", published=dt.date(2024, 3, 2))
    reprint = _article("Lopez on tax cuts", body, publisher="Local Paper", published=dt.date(2024, 3, 2))
    again = services.submit_text(text=f"Lopez on tax cuts\n\n{body}", publisher="Local Paper")
    same_publisher = services.submit_text(text=f"Lopez on tax cuts\n\n{body}", publisher="wire  agency")
    assert reprint.pk != original.pk and reprint.reprint_of_id == original.pk
    assert (again.created, again.source.pk) == (False, reprint.pk)
    assert (same_publisher.created, same_publisher.source.pk) == (False, original.pk)
    (a,), (b,) = _by(original, "Maria Lopez"), _by(reprint, "Maria Lopez")
    cluster = Cluster.objects.get(pk=a.cluster_id)
    assert b.cluster_id == cluster.pk
    assert (cluster.statement_count, cluster.source_count, cluster.publisher_count) == (2, 1, 2)


def test_an_html_copy_under_another_publisher_is_a_reprint_not_a_duplicate():
    body = f'Finance Minister Maria Lopez said: "{QUOTE}."'
    original = _article("Lopez on tax cuts", body, publisher="Wire Agency", published=dt.date(2024, 3, 2))
    html = (f"<html><head><title>Lopez on tax cuts</title></head><body><article><h1>Lopez on tax cuts"
            f"</h1><p>{body}</p></article></body></html>")
    copy = services.submit_article(raw=html.encode(), filename="copy.html", content_type="text/html",
                                   publisher="Local Paper")
    copy.source.refresh_from_db()
    assert copy.source.status == Source.Status.DONE, copy.source.error
    assert copy.source.reprint_of_id == original.pk


def test_a_rebuild_keeps_an_editors_apart_decision_between_statements_assigned_together():
    from django.core.management import call_command

    one = _quoting("Finance Minister Maria Lopez said:", day=2)
    two = _quoting("Maria Lopez said on Monday:", day=3, publisher="Evening Two", title="Lopez again")
    (a,), (b,) = _by(one, "Maria Lopez"), _by(two, "Maria Lopez")
    assert a.cluster_id == b.cluster_id
    ClusterDecision.objects.create(kind="apart", source_a=one, start_a=a.content_start, end_a=a.content_end,
                                   source_b=two, start_b=b.content_start, end_b=b.content_end)
    call_command("cluster_statements", "--rebuild")  # both in one batch: neither is clustered when the other is
    a.refresh_from_db(), b.refresh_from_db()
    assert a.cluster_id != b.cluster_id


def test_rejecting_the_first_appearance_hands_first_place_to_the_next_copy():
    from statements import services as statement_services

    one = _quoting("Finance Minister Maria Lopez said:", day=2)
    two = _quoting("Maria Lopez said:", day=3, publisher="Evening Two", title="Lopez again")
    (a,), (b,) = _by(one, "Maria Lopez"), _by(two, "Maria Lopez")
    assert (a.is_first_appearance, b.is_first_appearance) == (True, False)
    statement_services.review(statement=a, status=Statement.ReviewStatus.REJECTED)
    a.refresh_from_db(), b.refresh_from_db()
    cluster = Cluster.objects.get(pk=b.cluster_id)
    assert (a.is_first_appearance, b.is_first_appearance) == (False, True)
    assert (cluster.first_statement_id, cluster.statement_count) == (b.pk, 1)
    statement_services.review(statement=a, status=Statement.ReviewStatus.VERIFIED)
    a.refresh_from_db()
    assert a.is_first_appearance and Cluster.objects.get(pk=b.cluster_id).statement_count == 2


def test_counts_filled_at_ingest_are_what_a_recount_gives(demo_article_bytes):
    services.submit_article(raw=demo_article_bytes, filename="sana.txt", content_type="text/plain")
    _quoting("Finance Minister Maria Lopez said:", day=2)
    fields = ("first_statement_id", "first_dated_on", "statement_count", "source_count", "publisher_count")
    stored = {c.pk: tuple(getattr(c, f) for f in fields) for c in Cluster.objects.all()}
    assert len(stored) >= 10 and all(values[2] == 1 for values in stored.values())
    clustering.refresh(stored)
    assert {c.pk: tuple(getattr(c, f) for f in fields) for c in Cluster.objects.all()} == stored
