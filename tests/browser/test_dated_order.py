"""Issue 21 in Chromium: the article of 8 March 2005 comes first under newest among undated statements on the
search, home and actor pages, with its date shown (undated ones say "undated"); the actor page's feed link keeps
its filters and the feed dates the entry by the article."""
import datetime as dt
import re
import xml.etree.ElementTree as ET

from statements.models import Statement
from tests.factories import ActorFactory, SourceFactory, StatementFactory

ATOM = "{http://www.w3.org/2005/Atom}"


def _build():
    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    undated = [StatementFactory(speaker=brown, said_on=None, source=SourceFactory(published=None)) for _ in range(3)]
    march8 = StatementFactory(speaker=brown, said_on=None, source=SourceFactory(published=dt.date(2005, 3, 8)))
    undated += [StatementFactory(speaker=brown, said_on=None, source=SourceFactory(published=None)) for _ in range(3)]
    return march8, undated


def test_dated_first_on_pages_and_in_the_filtered_feed(page, transactional_db):
    march8, undated = _build()
    items = "ol.statements > li.statement-item"
    for url in ("/search/?q=budget&order=newest", "/", "/actors/gordon-brown/"):
        page.goto(url)
        first = page.locator(items).first
        assert first.locator("a.permalink").get_attribute("href") == f"/statements/{march8.pk}/", url
        assert "8 Mar 2005" in first.inner_text()
        assert "undated" in page.locator(items).last.inner_text()
        assert page.locator(items).count() == 7

    Statement.objects.filter(pk=undated[0].pk).update(kind=Statement.Kind.DIRECT)
    page.goto("/actors/gordon-brown/?kind=indirect&q=budget")
    feed = page.locator("a.feed").get_attribute("href")
    assert re.search(r"kind=indirect", feed) and "q=budget" in feed
    root = ET.fromstring(page.request.get(feed).body())
    entries = list(root.iter(f"{ATOM}entry"))
    assert len(entries) == 6  # the direct one left out, as on the page
    assert entries[0].find(f"{ATOM}published").text.startswith("2005-03-08")
    assert all(e.find(f"{ATOM}published") is None for e in entries[1:])
