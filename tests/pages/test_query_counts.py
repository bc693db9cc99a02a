"""Every page costs a bounded number of queries, whatever the number of statements on it."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors.models import Actor
from statements.models import Source, Statement, Topic
from tests.pages.builders import lavrov_world

pytestmark = pytest.mark.django_db

# Measured on PostgreSQL (the same for 5 and 50 statements); the limit is what the page may cost. A search
# ranked by relevance reads the ids of its newest matches first (selectors.SEARCH_RANK_WINDOW): one query more.
# Search pages: one query looks up the speakers the words may name (selectors.interpret_search; none when a speaker
# is chosen), and the facets three (the newest rows, their speakers' names, their topics counted).
PAGES = {
    "home": ("/?period=all", 4),
    "search": ("/search/?q=budget&per_page=50", 8),
    "search_filtered": ("/search/?q=budget&actor=sergey-lavrov&topic=sanctions&kind=direct&period=365d&per_page=50", 9),
    "actors": ("/actors/?q=lavrov", 2),
    "actor": ("/actors/sergey-lavrov/?per_page=50", 10),
    "actor_filtered": ("/actors/sergey-lavrov/?topic=sanctions&kind=indirect&publisher=SANA&period=365d&per_page=50", 11),
    "topics": ("/topics/", 2),
    "sources": ("/sources/", 3),
    "topic": ("/topics/sanctions/?per_page=50", 7),
    "source": ("/sources/{source}/", 3),
    "statement": ("/statements/{statement}/", 4),
    "feed": ("/actors/sergey-lavrov/feed/", 3),
}


def _url(template, world):
    return template.format(source=world["source"].pk, statement=world["statements"][0].pk)


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("n", [5, 50])
def test_query_count_is_bounded(client, django_assert_max_num_queries, name, n):
    world = lavrov_world(n)
    url, limit = PAGES[name]
    with django_assert_max_num_queries(limit):
        response = client.get(_url(url, world))
    assert response.status_code == 200


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_statements(client, name):
    """The exact count is the same for 5 and 50 statements (no query per row)."""
    counts = []
    for n in (5, 50):
        world = lavrov_world(n)
        with CaptureQueriesContext(connection) as ctx:
            client.get(_url(PAGES[name][0], world))
        counts.append(len(ctx))
        for model in (Statement, Source, Actor, Topic):  # start the next size afresh
            model.objects.all().delete()
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_queries_grow_per_chunk_not_per_row(client, django_assert_max_num_queries, fmt):
    lavrov_world(50)
    with django_assert_max_num_queries(5):
        response = client.get(f"/statements/export.{fmt}?actor=sergey-lavrov")
        body = b"".join(response.streaming_content)
    assert body.count(b"Claim number") == 50
