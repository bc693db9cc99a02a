"""Issue 21: dated statements before undated ones in every newest-first order (pages, API, export, feed).

A statement's date is its said_on, else its source's publication date; with neither it is undated and sorts last
in both directions. The article of 8 March 2005 (its statement has no said_on of its own) must come first under
newest among undated ones ingested later."""
import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET

import pytest

from tests.factories import ActorFactory, SourceFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def mixed():
    """Gordon Brown: one statement dated by its article only (8 March 2005), one said on 1 March 2005, and five
    undated ones ingested before and after them (ids on both sides); all on the topic economy."""
    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    economy = TopicFactory(name="Economy", slug="economy")
    def undated_one():
        return StatementFactory(speaker=brown, said_on=None, source=SourceFactory(published=None))
    undated = [undated_one() for _ in range(3)]
    early = StatementFactory(speaker=brown, said_on=dt.date(2005, 3, 1), source=SourceFactory(published=None))
    march8 = StatementFactory(speaker=brown, said_on=None, source=SourceFactory(published=dt.date(2005, 3, 8)))
    undated += [undated_one() for _ in range(2)]
    for s in [early, march8, *undated]:
        s.topics.add(economy)
    return {"brown": brown, "early": early, "march8": march8, "undated": undated}


def _newest(m):
    return [m["march8"].pk, m["early"].pk, *sorted((s.pk for s in m["undated"]), reverse=True)]


def _oldest(m):
    return [m["early"].pk, m["march8"].pk, *sorted(s.pk for s in m["undated"])]


def _page_ids(body: str) -> list[int]:
    """Statement ids in the order a page links them (each once)."""
    seen = []
    for pk in re.findall(r'href="/statements/(\d+)/"', body):
        if int(pk) not in seen:
            seen.append(int(pk))
    return seen


def _text(response):
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode("utf-8-sig")


@pytest.mark.parametrize("url", [
    "/search/?q=budget&order=newest", "/search/?order=newest", "/actors/gordon-brown/", "/",
    "/topics/economy/",
])
def test_pages_list_dated_before_undated(client, mixed, url):
    assert _page_ids(_text(client.get(url)))[:2] == _newest(mixed)[:2]


def test_oldest_on_a_page_keeps_undated_last(client, mixed):
    assert _page_ids(_text(client.get("/search/?order=oldest")))[:2] == _oldest(mixed)[:2]


def test_api_orders_by_best_date_with_undated_last_both_ways(client, mixed):
    def ids(query):
        return [r["id"] for r in client.get(f"/api/v1/statements/{query}").json()["results"]]
    assert ids("?ordering=-date") == _newest(mixed)
    assert ids("") == _newest(mixed)
    assert ids("?ordering=date") == _oldest(mixed)


@pytest.mark.parametrize("ordering, expected", [("-date", _newest), ("date", _oldest)])
def test_keyset_pages_over_dated_and_undated_rows_both_ways(client, mixed, ordering, expected):
    url = f"/api/v1/statements/?ordering={ordering}&page_size=2"
    forwards, pages = [], []
    while url:
        body = client.get(url).json()
        pages.append(body)
        forwards += [r["id"] for r in body["results"]]
        url = body["next"]
    assert forwards == expected(mixed)  # nothing lost, nothing repeated
    assert len(pages) == 4
    backwards = []
    url = pages[-1]["previous"]
    backwards = [r["id"] for r in pages[-1]["results"]]
    while url:
        body = client.get(url).json()
        backwards = [r["id"] for r in body["results"]] + backwards
        url = body["previous"]
    assert backwards == expected(mixed)


def test_export_lists_dated_first(client, mixed):
    rows = list(csv.DictReader(io.StringIO(_text(client.get("/statements/export.csv?order=newest")))))
    assert [int(r["id"]) for r in rows] == _newest(mixed)
    rows = list(csv.DictReader(io.StringIO(_text(client.get("/statements/export.csv?q=budget&order=newest")))))
    assert [int(r["id"]) for r in rows] == _newest(mixed)


def _entries(client, url):
    root = ET.fromstring(client.get(url).content)
    return [
        {child.tag.removeprefix(ATOM): child.text for child in entry}
        for entry in root.iter(f"{ATOM}entry")
    ]


@pytest.mark.parametrize("url", ["/actors/gordon-brown/feed/", "/topics/economy/feed/"])
def test_feed_dates_are_the_best_known_never_the_ingest_date(client, mixed, url):
    entries = _entries(client, url)
    assert [int(e["id"].rstrip("/").rsplit("/", 1)[1]) for e in entries] == _newest(mixed)
    assert entries[0]["published"].startswith("2005-03-08")  # the article's date, said_on being unknown
    assert entries[1]["published"].startswith("2005-03-01")
    for entry in entries[2:]:  # undated: no publication date; `updated` says when the row last changed
        assert "published" not in entry and entry["updated"]


def test_the_list_date_follows_said_on_and_the_source_on_every_write_path(mixed):
    """dated_on (what lists order by) and the topic links' copy are kept by triggers: a source's new publication
    date, a queryset update, a model save."""
    from statements.models import Source, Statement, TopicLink

    s = mixed["march8"]

    def dates():
        return Statement.objects.get(pk=s.pk).dated_on, TopicLink.objects.get(statement_id=s.pk).said_on

    assert dates() == (dt.date(2005, 3, 8), dt.date(2005, 3, 8))
    Source.objects.filter(pk=s.source_id).update(published=dt.date(2006, 1, 2))
    assert dates() == (dt.date(2006, 1, 2), dt.date(2006, 1, 2))
    Statement.objects.filter(pk=s.pk).update(said_on=dt.date(2001, 1, 1))
    assert dates() == (dt.date(2001, 1, 1), dt.date(2001, 1, 1))
    fresh = Statement.objects.get(pk=s.pk)
    fresh.said_on, fresh.dated_on = None, None  # what the instance holds does not matter
    fresh.save()
    assert dates() == (dt.date(2006, 1, 2), dt.date(2006, 1, 2))
    Source.objects.filter(pk=s.source_id).update(published=None)
    assert dates() == (None, None)
