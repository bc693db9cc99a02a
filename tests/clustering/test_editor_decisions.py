"""Editors split and merge clusters (statements.clustering.services.split_cluster / merge_clusters): the decisions
hold when the articles are extracted again (process_source with force, as `manage.py reprocess` runs it) and when
every cluster is built again (`manage.py cluster_statements --rebuild`). Articles go through the real ingest path."""
import pytest
from django.core.management import call_command

from ingest import services as ingest
from statements.clustering import services as clustering
from statements.clustering.services import ClusterEditError
from statements.models import Cluster, ClusterDecision, Statement
from tests.clustering.articles import RAIL, SCHOOLS, TAXES, article, said_by

pytestmark = pytest.mark.django_db(transaction=True)


def _reprocess(*sources):
    for source in sources:
        ingest.process_source(source_id=source.pk, force=True)


def _rebuild():
    call_command("cluster_statements", "--rebuild")


def _clusters(*sources):
    return [said_by(source).cluster_id for source in sources]


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("eddie", password="correct-Horse-9", is_staff=True)


def test_copies_split_off_stay_apart_and_together_through_reprocessing_and_rebuild(editor):
    sources = [article(f"Lopez on taxes {n}", TAXES, publisher=p, day=n + 1)
               for n, p in enumerate(["Daily One", "Evening Two", "Weekly Three"])]
    first, second, third = sources
    cluster = Cluster.objects.get(pk=said_by(first).cluster_id)
    assert _clusters(*sources) == [cluster.pk] * 3  # one remark, three copies: extraction's view

    new = clustering.split_cluster(cluster=cluster, statements=[said_by(second), said_by(third)], user=editor)
    assert _clusters(*sources) == [cluster.pk, new.pk, new.pk]
    cluster.refresh_from_db(), new.refresh_from_db()
    assert (cluster.statement_count, new.statement_count) == (1, 2)
    assert new.first_statement_id == said_by(second).pk and said_by(second).is_first_appearance
    assert ClusterDecision.objects.filter(kind="apart", made_by=editor).count() == 2
    assert ClusterDecision.objects.filter(kind="together", made_by=editor).count() == 1
    record = cluster.history.first()
    assert (record.history_user, record.history_change_reason) == (editor, f"Split: 2 copies moved to cluster {new.pk}")
    assert new.history.first().history_change_reason == f"Split off from cluster {cluster.pk}: 2 copies"

    _reprocess(*sources)
    assert _clusters(*sources) == [cluster.pk, new.pk, new.pk]  # extracted again: decisions and addresses kept
    _rebuild()
    a, b, c = _clusters(*sources)
    assert a != b and b == c
    later = article("Lopez repeats herself", TAXES, publisher="Daily One", day=9)
    assert said_by(later).cluster_id in (a, b)  # a new copy joins one of the two, never a third


def test_merged_clusters_stay_one_through_reprocessing_and_rebuild_in_any_order(editor):
    # three remarks no text rule joins, on one day; an editor says they are one utterance (a paraphrase, say)
    taxes = article("Lopez on taxes", TAXES, publisher="Daily One", day=2)
    schools = article("Lopez on schools", SCHOOLS, publisher="Evening Two", day=2)
    rail = article("Lopez on rail", RAIL, publisher="Weekly Three", day=2)
    sources = [taxes, schools, rail]
    ids = _clusters(*sources)
    assert len(set(ids)) == 3
    keep = Cluster.objects.get(pk=ids[0])
    clustering.merge_clusters(keep=keep, merge=Cluster.objects.get(pk=ids[1]), user=editor)
    clustering.merge_clusters(keep=keep, merge=Cluster.objects.get(pk=ids[2]), user=editor)
    assert _clusters(*sources) == [keep.pk] * 3
    assert set(Cluster.objects.values_list("pk", flat=True)) == {keep.pk}
    keep.refresh_from_db()
    assert (keep.statement_count, keep.source_count, keep.publisher_count) == (3, 3, 3)
    record = keep.history.first()
    assert (record.history_user, record.history_change_reason) == (editor, f"Merged: cluster {ids[2]} joined it (1 copy)")
    deleted = Cluster.history.filter(id=ids[1], history_type="-").get()
    assert (deleted.history_user, deleted.history_change_reason) == (editor, f"Merged into cluster {keep.pk}")

    _reprocess(*sources)
    assert _clusters(*sources) == [keep.pk] * 3
    # the merge's anchor (the taxes remark, stored first) extracted again is now the newest statement: a rebuild
    # reaches the other two first, each opening a cluster, and the anchor brings them together
    _reprocess(taxes)
    _rebuild()
    assert len(set(_clusters(*sources))) == 1
    assert Cluster.objects.count() == 1 + Statement.objects.exclude(speaker__name="Maria Lopez").count()


def test_a_split_undoes_a_merge_and_a_merge_undoes_a_split(editor):
    taxes = article("Lopez on taxes", TAXES, publisher="Daily One", day=2)
    schools = article("Lopez on schools", SCHOOLS, publisher="Evening Two", day=3)
    keep, other = (Cluster.objects.get(pk=pk) for pk in _clusters(taxes, schools))
    clustering.merge_clusters(keep=keep, merge=other, user=editor)
    new = clustering.split_cluster(cluster=keep, statements=[said_by(schools)], user=editor)
    assert not ClusterDecision.objects.filter(kind="together").exists()  # the merge's word is taken back
    _reprocess(taxes, schools)
    _rebuild()
    a, b = _clusters(taxes, schools)
    assert a != b
    clustering.merge_clusters(keep=Cluster.objects.get(pk=b), merge=Cluster.objects.get(pk=a), user=editor)
    assert not ClusterDecision.objects.filter(kind="apart").exists()
    _rebuild()
    assert len(set(_clusters(taxes, schools))) == 1
    assert new.pk != keep.pk


def test_a_statement_given_another_speaker_leaves_the_merged_cluster_for_good(editor):
    from statements import services as statement_services
    from tests.factories import ActorFactory

    taxes = article("Lopez on taxes", TAXES, publisher="Daily One", day=2)
    schools = article("Lopez on schools", SCHOOLS, publisher="Evening Two", day=3)
    keep, other = (Cluster.objects.get(pk=pk) for pk in _clusters(taxes, schools))
    clustering.merge_clusters(keep=keep, merge=other, user=editor)
    statement = said_by(schools)
    statement.speaker = ActorFactory(name="John Barker")
    statement_services.save_editor_edit(statement=statement, user=editor, changed_fields=["speaker"])
    statement.refresh_from_db()
    assert statement.cluster_id != keep.pk and statement.cluster.speaker_key == f"actor:{statement.speaker_id}"
    _reprocess(taxes)
    statement.refresh_from_db()
    assert statement.cluster.speaker_key == f"actor:{statement.speaker_id}"  # not pulled back to Lopez's


def test_refusals_say_why_and_change_nothing(editor):
    taxes = article("Lopez on taxes", TAXES, publisher="Daily One", day=2)
    copy = article("Lopez again", TAXES, publisher="Evening Two", day=3)
    barker = article("Barker on taxes", TAXES, lead="Opposition leader John Barker said:", publisher="Daily One",
                      day=4)
    lopez = Cluster.objects.get(pk=said_by(taxes).cluster_id)
    by_barker = said_by(barker, "John Barker")
    other = by_barker.cluster
    with pytest.raises(ClusterEditError, match=rf"Only clusters of one speaker can be merged: cluster {lopez.pk} is "
                                               rf"Maria Lopez's, cluster {other.pk} is John Barker's"):
        clustering.merge_clusters(keep=lopez, merge=other, user=editor)
    with pytest.raises(ClusterEditError, match="cannot be merged with itself"):
        clustering.merge_clusters(keep=lopez, merge=lopez, user=editor)
    with pytest.raises(ClusterEditError, match="Leave at least one copy"):
        clustering.split_cluster(cluster=lopez, statements=[said_by(taxes), said_by(copy)], user=editor)
    with pytest.raises(ClusterEditError, match=f"Only copies of cluster {lopez.pk} can be split off from it; 1 of"):
        clustering.split_cluster(cluster=lopez, statements=[said_by(taxes), by_barker], user=editor)
    with pytest.raises(ClusterEditError, match="Choose the copies"):
        clustering.split_cluster(cluster=lopez, statements=[], user=editor)
    assert not ClusterDecision.objects.exists()
    assert _clusters(taxes, copy) == [lopez.pk] * 2 and Cluster.objects.filter(pk=other.pk).exists()
