"""What keeps lists fast on millions of statements (docs/performance.md), checked without timing anything:
capped counts, cached sidebar aggregates, and the indexes the list queries need."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import selectors
from statements.models import Statement
from statements.views import CappedPaginator
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
