"""What a list page computes beside its rows (its count, its facets) is kept in the cache when it was slow, by
filter combination, and counted afresh after an edit (statements.selectors.cached_aggregate)."""
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import selectors
from tests.factories import StatementFactory
from tests.pages.builders import lavrov_world

pytestmark = pytest.mark.django_db


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        body = client.get(url).content.decode()
    return int(re.search(r'<p class="count">(\d+)', body).group(1)), len(queries)


@pytest.mark.parametrize("url", ["/search/?actor=sergey-lavrov", "/actors/sergey-lavrov/", "/topics/sanctions/"])
def test_a_slow_count_and_facets_come_from_the_cache_until_an_edit(client, monkeypatch, url):
    world = lavrov_world(5)
    monkeypatch.setattr(selectors, "LIST_AGGREGATE_SLOW_MS", 0)  # as if every count were slow
    n, first = _get(client, url)
    again, second = _get(client, url)
    assert again == n and second < first  # the count (and on search, the facets) not read again
    assert _get(client, url + ("&" if "?" in url else "?") + "kind=direct")[0] < n  # another combination
    statement = world["statements"][0]
    StatementFactory(speaker=statement.speaker, source=statement.source, content_start=900, content_end=901,
                     said_on=statement.said_on).topics.set(statement.topics.all())
    assert _get(client, url)[0] == n + 1
