"""What each browse page shows, how filters read from the URL, and what bad parameters do."""
import csv
import datetime as dt
import io
import json

import pytest
from django.http import StreamingHttpResponse
from django.utils import timezone

from actors.models import Actor
from statements.models import Statement
from tests.factories import ActorFactory, TopicFactory
from tests.pages.builders import lavrov_world, source_with_statements

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return lavrov_world(5)


def _text(response):
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


def test_home_shows_latest_top_speakers_and_topics_for_the_period(client, world):
    old = ActorFactory(name="Old Speaker")
    source_with_statements(3, speaker=old, said_on=timezone.localdate() - dt.timedelta(days=400), text_prefix="Old")
    body = _text(client.get("/"))
    assert "Claim number 0" in body and "Sergey Lavrov" in body and "Sanctions" in body and "Old Speaker" in body
    body = _text(client.get("/?period=30d"))
    assert "Old Speaker" not in body and "Sergey Lavrov" in body
    assert 'href="?period=30d" aria-current="true"' in body
    assert 'action="/search/"' in body


def test_actor_list_search_by_alias_kind_and_order(client, world, statement_factory):
    mod = ActorFactory(name="Ministry of Defence", slug="mod", kind=Actor.Kind.ORGANIZATION)
    statement_factory(speaker=mod)
    body = _text(client.get("/actors/"))
    assert body.index("Sergey Lavrov") < body.index("Antony Blinken") < body.index("Ministry of Defence")
    assert "Sergey Lavrov" in _text(client.get("/actors/?q=sergei"))  # alias
    body = _text(client.get("/actors/?kind=organization"))
    assert "Ministry of Defence" in body and "Sergey Lavrov" not in body


def test_actor_page_shows_profile_chart_topics_mentions_and_statements(client, world):
    body = _text(client.get("/actors/sergey-lavrov/"))
    assert "Sergei Lavrov" in body  # alias
    assert "Foreign Minister" in body and "Russia" in body and "Mar 2004" in body
    assert "<svg" in body and 'class="bar' in body
    assert 'href="?topic=sanctions"' in body  # top topics narrow the list
    assert "Antony Blinken" in body  # mentioned most
    assert body.index("Claim number 0") < body.index("Claim number 4")  # newest first
    assert 'href="/actors/sergey-lavrov/feed/"' in body
    assert "/statements/export.csv?actor=sergey-lavrov" in body


def test_actor_page_filters_by_topic_kind_publisher_and_period(client, world):
    other_topic = TopicFactory(name="Budget", slug="budget")
    _, extra = source_with_statements(1, speaker=world["lavrov"], topic=other_topic, text_prefix="Budget talk",
                                      publisher="TASS")
    body = _text(client.get("/actors/sergey-lavrov/?topic=budget"))
    assert "Budget talk" in body and "Claim number" not in body
    body = _text(client.get("/actors/sergey-lavrov/?kind=direct"))
    assert "Claim number 1" in body and "Claim number 0" not in body
    body = _text(client.get("/actors/sergey-lavrov/?publisher=TASS"))
    assert "Budget talk" in body and "Claim number" not in body
    body = _text(client.get("/actors/sergey-lavrov/?period=7d"))
    assert "Claim number 0" in body and "Claim number 2" not in body  # said 18 days ago
    assert "/statements/export.csv?period=7d&amp;actor=sergey-lavrov" in body


def test_merged_actor_slug_redirects_with_its_query(client, world):
    dup = ActorFactory(name="S. Lavrov", slug="s-lavrov", merged_into=world["lavrov"])
    response = client.get(f"/actors/{dup.slug}/?topic=sanctions")
    assert response.status_code == 301 and response["Location"] == "/actors/sergey-lavrov/?topic=sanctions"
    assert client.get("/actors/nobody/").status_code == 404


def test_pagination_keeps_filters(client):
    lavrov = ActorFactory(name="Sergey Lavrov", slug="sergey-lavrov")
    source_with_statements(25, speaker=lavrov)
    body = _text(client.get("/actors/sergey-lavrov/?kind=indirect&per_page=20"))
    assert "Page 1 of 1" not in body  # 13 indirect fit on one page: no pager
    body = _text(client.get("/actors/sergey-lavrov/"))
    assert 'href="?page=2" rel="next"' in body and "Page 1 of 2" in body
    assert "Page 2 of 2" in _text(client.get("/actors/sergey-lavrov/?page=99"))  # out of range: last page
    assert "Page 1 of 2" in _text(client.get("/actors/sergey-lavrov/?page=abc"))


def test_topic_pages(client, world):
    body = _text(client.get("/topics/"))
    assert "Sanctions" in body and "/topics/sanctions/feed/" in body
    body = _text(client.get("/topics/sanctions/"))
    assert "Sergey Lavrov" in body and "<svg" in body and "Claim number 3" in body
    assert "/statements/export.json?topic=sanctions" in body
    assert client.get("/topics/nothing/").status_code == 404


def test_source_page_highlights_every_statement_in_place(client, world):
    source = world["source"]
    body = _text(client.get(f"/sources/{source.pk}/"))
    for s in world["statements"]:
        assert f'id="st-{s.pk}"><a class="who" href="/statements/{s.pk}/"' in body
    assert "Sergey Lavrov · said</a>Claim number 0 about the budget and sanctions.</mark>" in body
    assert "SANA" in body and "Done" in body


def test_statement_page(client, world):
    s = world["statements"][1]
    body = _text(client.get(f"/statements/{s.pk}/"))
    assert "Claim number 1 about the budget and sanctions." in body
    assert "Foreign Minister" in body and "Direct quote" in body and "Sanctions" in body
    assert f'<mark class="hl kind-direct current" id="st-{s.pk}">' in body
    assert f'href="/sources/{s.source_id}/#st-{s.pk}"' in body
    for other in world["statements"]:
        if other.pk != s.pk:
            assert f'href="/statements/{other.pk}/"' in body  # same speaker, same article
    assert "Claim number 0 about" in body and "Reply number" not in body


def test_rejected_statement_keeps_its_permalink_but_leaves_lists(client, world):
    s = world["statements"][0]
    Statement.objects.filter(pk=s.pk).update(review_status=Statement.ReviewStatus.REJECTED)
    assert "An editor rejected" in _text(client.get(f"/statements/{s.pk}/"))
    assert "Claim number 0 " not in _text(client.get("/actors/sergey-lavrov/"))
    assert client.get("/statements/999999/").status_code == 404


def test_search_with_facets(client, world):
    body = _text(client.get("/search/?q=budget"))
    assert "7 statements" in body
    body = _text(client.get("/search/?q=budget&publisher=Reuters"))
    assert "2 statements" in body and "Reply number" in body
    body = _text(client.get("/search/?actor=sergey-lavrov&kind=direct"))
    assert "2 statements" in body and "Remove speaker filter" in body
    body = _text(client.get("/search/?q=budget&review_status=verified"))
    assert "0 statements" in body


@pytest.mark.parametrize("query", [
    "kind=shouting", "period=3y", "actor=no-such-actor", "topic=nope", "date_from=yesterday",
    "date_from=2025-02-01&date_to=2025-01-01", "per_page=1000", "order=random", "source=abc", "source=99999",
    "actor=%3Cscript%3E", "q=" + "x" * 300, "page=-1", "q=a%00b", "publisher=%00",
])
@pytest.mark.parametrize("path", ["/search/", "/actors/sergey-lavrov/", "/topics/sanctions/"])
def test_bad_parameters_are_ignored_with_a_message(client, world, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200
    if not query.startswith("page="):
        assert 'class="notice"' in _text(response)


def test_bad_parameters_to_an_export_are_a_400(client, world):
    response = client.get("/statements/export.csv?kind=shouting")
    assert response.status_code == 400 and b"kind" in response.content
    assert client.get("/statements/export.xml").status_code == 404
    assert client.get("/actors/export.csv?kind=robot").status_code == 400


def test_statement_export_csv_streams_the_filtered_list(client, world):
    response = client.get("/statements/export.csv?actor=sergey-lavrov&kind=direct")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == \
        f'attachment; filename="statements-sergey-lavrov-direct-{timezone.localdate().isoformat()}.csv"'
    rows = list(csv.DictReader(io.StringIO(_text(response))))
    assert len(rows) == 2 and {r["speaker"] for r in rows} == {"Sergey Lavrov"}
    assert rows[0]["topics"] == "sanctions" and rows[0]["speaker_role"] == "Foreign Minister"
    assert rows[0]["permalink"].startswith("http://testserver/statements/")


def test_statement_export_json_and_formula_cells(client, world):
    Statement.objects.filter(pk=world["statements"][0].pk).update(speaker_mention="=HYPERLINK(1)")
    data = json.loads(_text(client.get("/statements/export.json?topic=sanctions")))
    assert len(data) == 5 and data[0]["content"].startswith("Claim number 0")
    assert data[0]["speaker_mention"] == "=HYPERLINK(1)"  # JSON is data: verbatim
    rows = list(csv.DictReader(io.StringIO(_text(client.get("/statements/export.csv?topic=sanctions")))))
    assert rows[0]["speaker_mention"] == "'=HYPERLINK(1)"  # CSV opened in a spreadsheet: not a formula


def test_actor_and_topic_exports(client, world):
    actors = json.loads(_text(client.get("/actors/export.json?q=lavrov")))
    assert actors == [{"name": "Sergey Lavrov", "slug": "sergey-lavrov", "kind": "person", "statements": 5,
                       "permalink": "http://testserver/actors/sergey-lavrov/"}]
    topics = list(csv.DictReader(io.StringIO(_text(client.get("/topics/export.csv")))))
    assert topics[0]["slug"] == "sanctions" and topics[0]["statements"] == "5"


def test_atom_feeds(client, world):
    response = client.get("/actors/sergey-lavrov/feed/")
    body = _text(response)
    assert response["Content-Type"].startswith("application/atom+xml")
    assert body.count("<entry>") == 5 and "Statements by Sergey Lavrov" in body
    assert _text(client.get("/topics/sanctions/feed/")).count("<entry>") == 5
    assert client.get("/actors/nobody/feed/").status_code == 404


def test_sources_list_filters_and_exports(client, world):
    from statements.models import Source

    Source.objects.filter(pk=world["other_source"].pk).update(status=Source.Status.FAILED, title="Broken upload")
    body = _text(client.get("/sources/"))
    assert "Lavrov on sanctions" in body and "Broken upload" in body and "Failed" in body
    body = _text(client.get("/sources/?status=failed"))
    assert "Broken upload" in body and "Lavrov on sanctions" not in body
    body = _text(client.get("/sources/?publisher=SANA"))
    assert "Lavrov on sanctions" in body and "Broken upload" not in body
    rows = json.loads(_text(client.get("/sources/export.json?publisher=SANA")))
    assert [(r["title"], r["statements"]) for r in rows] == [("Lavrov on sanctions", 5)]
    assert client.get("/sources/export.csv?status=exploded").status_code == 400


@pytest.mark.parametrize("url", ["/?period=3y", "/actors/?kind=robot", "/topics/?q=" + "x" * 300,
                                 "/sources/?status=exploded"])
def test_bad_parameters_on_lists_are_ignored_with_a_message(client, world, url):
    response = client.get(url)
    assert response.status_code == 200 and 'class="notice"' in _text(response)


@pytest.mark.parametrize("order", ["", "newest", "oldest", "confidence"])
def test_export_lists_exactly_what_the_page_lists(client, world, order):
    from statements import selectors
    from statements.selectors import StatementFilters

    Statement.objects.filter(pk=world["statements"][2].pk).update(content="budget budget budget sanctions")
    filters = StatementFilters(q="budget sanctions")
    page_ids = list(selectors.filter_statements(filters, order=order).values_list("pk", flat=True))
    export_ids = list(selectors.statements_for_export(filters, order=order).values_list("pk", flat=True))
    assert export_ids == page_ids and len(page_ids) >= 5
    assert "headline" not in selectors.statements_for_export(filters, order=order).query.annotations
    rows = json.loads(_text(client.get(f"/statements/export.json?q=budget+sanctions&order={order}")))
    assert [r["id"] for r in rows] == page_ids


def test_empty_actor_topic_and_source_pages(client):
    from tests.factories import SourceFactory

    ActorFactory(name="Quiet Actor", slug="quiet")
    TopicFactory(name="Unused", slug="unused")
    source = SourceFactory(text="", status="pending")
    for url, expected in [("/actors/quiet/", "No dated statements to chart"), ("/topics/unused/", "No statements match"),
                          (f"/sources/{source.pk}/", "No statements found in this article"),
                          ("/", "No statements in this period"), ("/search/?q=nothing", "0 statements")]:
        response = client.get(url)
        assert response.status_code == 200 and expected in _text(response), url


def test_statements_path_leads_to_search_with_its_filters(client):
    response = client.get("/statements/?kind=direct")
    assert response.status_code == 302 and response["Location"] == "/search/?kind=direct"
