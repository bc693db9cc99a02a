"""Issue 21: a list's feed link keeps the page's filters; CSV downloads are named after what they hold, offer a
BOM for spreadsheet programs, and fill publisher and URL from the source where it has none."""
import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from statements.models import Statement
from tests.factories import ActorFactory, SourceFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def brown():
    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    economy = TopicFactory(name="Economy", slug="economy")
    direct = StatementFactory(speaker=brown, kind=Statement.Kind.DIRECT,
                              source=SourceFactory(publisher="", url="https://www.bbc.co.uk/news/1"))
    indirect = StatementFactory(speaker=brown, kind=Statement.Kind.INDIRECT, source=SourceFactory(publisher="", url=""))
    for s in (direct, indirect):
        s.topics.add(economy)
    return {"direct": direct, "indirect": indirect}


def _feed_links(body: str) -> list[str]:
    """The feed links of a page: its <link rel="alternate"> and its "Atom feed" button."""
    links = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', body)
    links += re.findall(r'<a class="button small feed" href="([^"]+)"', body)
    return [link.replace("&amp;", "&") for link in links]


def _feed_ids(client, url) -> list[int]:
    root = ET.fromstring(client.get(url).content)
    return [int(e.find(f"{ATOM}id").text.rstrip("/").rsplit("/", 1)[1]) for e in root.iter(f"{ATOM}entry")]


@pytest.mark.parametrize("page", ["/actors/gordon-brown/?kind=direct&q=budget&page=1",
                                  "/topics/economy/?kind=direct&q=budget&actor=gordon-brown",
                                  "/search/?kind=direct&q=budget&actor=gordon-brown&page=1"])
def test_feed_links_keep_the_page_filters(client, brown, page):
    links = _feed_links(client.get(page).content.decode())
    assert len(links) == 2
    for link in links:
        assert "kind=direct" in link and "q=budget" in link and "page=" not in link
        assert _feed_ids(client, link) == [brown["direct"].pk]  # the feed lists what the page lists
    assert sorted(_feed_ids(client, links[0].split("?")[0])) == sorted([brown["direct"].pk, brown["indirect"].pk])


def test_csv_is_named_after_what_it_holds(client, brown):
    today = timezone.localdate().isoformat()
    response = client.get("/statements/export.csv?actor=gordon-brown&q=economy")
    assert response["Content-Disposition"] == f'attachment; filename="statements-gordon-brown-economy-{today}.csv"'
    response = client.get("/statements/export.json?topic=economy&q=%C3%9Cber%20%22x%22%20/..%5C")
    name = re.fullmatch(r'attachment; filename="([^"]+)"', response["Content-Disposition"]).group(1)
    assert re.fullmatch(r"[a-z0-9-]+\.json", name) and name.startswith("statements-economy-")
    response = client.get("/sources/export.csv?publisher=BBC News")
    assert response["Content-Disposition"] == f'attachment; filename="sources-bbc-news-{today}.csv"'


def test_csv_offers_a_bom_for_spreadsheet_programs(client, brown):
    plain = b"".join(client.get("/statements/export.csv").streaming_content)
    assert plain.startswith(b"id,")
    with_bom = b"".join(client.get("/statements/export.csv?bom=1").streaming_content)
    assert with_bom.startswith(b"\xef\xbb\xbfid,") and with_bom[3:] == plain
    body = client.get("/actors/gordon-brown/?kind=direct").content.decode()
    excel = re.search(r'<a class="button small" href="([^"]+)"[^>]*>CSV for Excel</a>', body)
    assert excel and "bom=1" in excel.group(1) and "kind=direct" in excel.group(1)


def test_csv_fills_publisher_and_url_from_the_source(client, brown):
    text = b"".join(client.get("/statements/export.csv").streaming_content).decode()
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(text))}
    direct, indirect = rows[brown["direct"].pk], rows[brown["indirect"].pk]
    assert direct["publisher"] == "www.bbc.co.uk" and direct["source_url"] == "https://www.bbc.co.uk/news/1"
    assert indirect["source_url"] == f"http://testserver/sources/{brown['indirect'].source_id}/"


def test_every_list_but_a_source_offers_to_follow_it_with_its_filters(client, brown):
    for page in ("/actors/gordon-brown/?kind=direct", "/topics/economy/?kind=direct", "/search/?q=budget&kind=direct"):
        body = client.get(page).content.decode()
        follow = re.search(r'<a class="button small follow" href="([^"]+)"', body)
        assert follow, page
        link = follow.group(1).replace("&amp;", "&")
        assert link.startswith("/alerts/new/?") and "kind=direct" in link
        form = client.get(link).content.decode()
        assert "Follow “Statements" in form and "(direct quote)" in form
    source = client.get(brown["direct"].source.get_absolute_url()).content.decode()
    assert 'class="button small follow"' not in source
