"""What keeps lists fast on millions of statements (docs/performance.md), checked without timing anything:
capped counts, cached sidebar aggregates, and the indexes the list queries need."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import selectors
from statements.models import Statement
from browse.pagination import CappedPaginator
from tests.pages.builders import source_with_statements

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_statement_list_count_stops_at_the_cap(client, monkeypatch, actor_factory):
    monkeypatch.setattr(CappedPaginator, "COUNT_CAP", 5)
    speaker = actor_factory(name="Anna Busy", slug="anna-busy")
    source_with_statements(8, speaker=speaker)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/search/?actor=anna-busy&per_page=20")
    assert response.status_code == 200
    assert "5+ statements" in response.content.decode()
    counts = [q["sql"] for q in ctx.captured_queries if "COUNT(" in q["sql"].upper() and "LIMIT 6" in q["sql"]]
    assert counts, "the page count must be a bounded subquery (LIMIT cap + 1)"


def test_statement_list_count_is_exact_under_the_cap(client, actor_factory):
    speaker = actor_factory(name="Anna Quiet", slug="anna-quiet")
    source_with_statements(3, speaker=speaker)
    response = client.get("/actors/anna-quiet/")
    assert "3 statements" in response.content.decode()
    assert "3+" not in response.content.decode()


def test_slow_aggregates_are_cached_until_something_changes(monkeypatch, actor_factory):
    monkeypatch.setattr(selectors, "AGGREGATE_SLOW_MS", 0)  # everything counts as slow here
    speaker = actor_factory(name="Anna Cached", slug="anna-cached")
    source, made = source_with_statements(3, speaker=speaker)
    statements = selectors.filter_statements(selectors.StatementFilters())

    def top():
        return selectors.cached_aggregate(lambda: selectors.top_speakers(statements, 5), "speakers", statements, 5)

    assert top()[0]["n"] == 3
    with CaptureQueriesContext(connection) as ctx:
        assert top()[0]["n"] == 3
    assert len(ctx) == 0
    Statement.objects.filter(pk=made[0].pk).first().delete()  # a delete through the ORM starts a new generation
    assert top()[0]["n"] == 2


def test_fast_aggregates_are_not_cached(actor_factory):
    speaker = actor_factory(name="Anna Fast", slug="anna-fast")
    source_with_statements(2, speaker=speaker)
    statements = selectors.filter_statements(selectors.StatementFilters())
    selectors.cached_aggregate(lambda: selectors.top_speakers(statements, 5), "speakers", statements, 5)
    with CaptureQueriesContext(connection) as ctx:
        selectors.cached_aggregate(lambda: selectors.top_speakers(statements, 5), "speakers", statements, 5)
    assert len(ctx) == 1  # a small database is always counted afresh


def _plan(qs) -> str:
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny test table would be scanned whole otherwise
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_list_queries_can_use_the_list_indexes(postgres_only, actor_factory, topic_factory):
    """Migration 0004's partial indexes match the predicate the selectors write (NOT review_status = 'rejected'),
    and a topic's list is read in date order from the link table's own index (0006)."""
    from django.db import transaction

    speaker, topic = actor_factory(), topic_factory()
    source_with_statements(3, speaker=speaker, topic=topic)
    listed = selectors.filter_statements(selectors.StatementFilters(speaker=speaker))
    by_topic = selectors.filter_statements(selectors.StatementFilters(topic=topic))
    everything = selectors.filter_statements(selectors.StatementFilters())
    with transaction.atomic():
        assert "statement_listed_speaker_dated" in _plan(listed.order_by().values("pk")[:10001])
        assert "statement_topics_topic_" in _plan(by_topic.order_by().values("pk")[:10001])  # either link index
        assert "statement_topics_topic_dated" in _plan(by_topic.values("pk")[:20])
        assert "statement_listed_dated" in _plan(everything.values("pk")[:20])
        oldest = selectors.filter_statements(selectors.StatementFilters(), order="oldest")  # undated last too
        assert "statement_listed_dated_asc" in _plan(oldest.values("pk")[:20])
