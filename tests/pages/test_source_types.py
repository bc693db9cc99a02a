"""Unnamed sources, documents and unresolved speakers shown as such (issue 20, item 1), on every page that shows
a statement, in feeds, exports and the API, and filtered by kind of source; actors with no statement are not
listed (their own page still answers). Pages in a real browser: tests/browser/test_source_types_browser.py."""
import csv
import io
import json

import pytest

from statements.models import Statement
from tests.factories import ActorFactory, SourceFactory, StatementFactory, TopicFactory
from tests.pages.builders import article

pytestmark = pytest.mark.django_db


def _text(response):
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


@pytest.fixture
def three():
    """One article quoting analysts (unnamed), a World Bank report (document, no publisher resolved), the
    minister (named, unresolved), and the Bank of England itself (named, an actor)."""
    text, spans = article([
        "Analysts said rates would rise.", "A World Bank report said growth would slow.",
        "The minister said taxes would fall.", "The bank said inflation was easing.",
    ])
    source = SourceFactory(text=text, title="Rates and growth", publisher="Test Agency")
    boe = ActorFactory(name="Bank of England", slug="bank-of-england", kind="organization")
    made = {}
    for (start, end), (key, speaker, mention, source_type) in zip(spans, [
        ("unnamed", None, "Analysts", "unnamed"), ("document", None, "A World Bank report", "document"),
        ("named", None, "The minister", "named"), ("actor", boe, "The bank", "named"),
    ]):
        made[key] = StatementFactory(source=source, speaker=speaker, speaker_mention=mention, source_type=source_type,
                                     content_start=start, content_end=end, content=text[start:end])
    return {"source": source, "boe": boe, **made}


LABELS = ["Analysts (unnamed source)", "A World Bank report (document)", "The minister (unresolved)"]


@pytest.mark.parametrize("path", ["/", "/search/", "/search/?q=said", "/sources/{source}/"])
def test_lists_and_the_source_page_show_words_and_kind_of_source(client, three, path):
    body = _text(client.get(path.format(source=three["source"].pk)))
    for label in LABELS:
        words, note = label.rsplit(" (", 1)
        assert f"{words} <span class=\"source-type\">({note}</span>" in body or label in body, (path, label)
    if "/sources/" not in path:  # the source page's marks link to the statements
        assert 'href="/actors/bank-of-england/"' in body


def test_permalink_names_the_kind_of_source(client, three):
    body = _text(client.get(three["unnamed"].get_absolute_url()))
    assert "<title>Analysts (unnamed source):" in body
    assert 'class="speaker unresolved source-unnamed">Analysts <span class="source-type">(unnamed source)</span>' in body
    assert "Unnamed source or group" in body
    body = _text(client.get(three["document"].get_absolute_url()))
    assert "A World Bank report <span class=\"source-type\">(document)</span>" in body


def test_source_page_highlights_carry_the_label(client, three):
    body = _text(client.get(three["source"].get_absolute_url()))
    assert 'title="Analysts (unnamed source): open this statement">Analysts (unnamed source)' in body
    assert "from A World Bank report (document), Analysts (unnamed source), Bank of England, The minister" in body


def test_filter_by_kind_of_source_on_pages_exports_and_feeds(client, three):
    body = _text(client.get("/search/?source_type=unnamed"))
    assert "Analysts" in body and "World Bank" not in body and "inflation" not in body
    assert '<option value="unnamed" selected>Unnamed source or group</option>' in body
    body = _text(client.get("/search/?source_type=named"))
    assert "The minister" in body and "inflation" in body and "Analysts" not in body
    assert "Ignored source_type" in _text(client.get("/search/?source_type=rumour"))

    rows = list(csv.DictReader(io.StringIO(_text(client.get("/statements/export.csv")))))
    assert {r["speaker_mention"]: r["source_type"] for r in rows} == {
        "Analysts": "unnamed", "A World Bank report": "document", "The minister": "named", "The bank": "named"}
    rows = json.loads(_text(client.get("/statements/export.json?source_type=document")))
    assert [(r["speaker"], r["speaker_mention"], r["source_type"]) for r in rows] == [
        (None, "A World Bank report", "document")]



def test_topic_feed_titles_name_the_kind_of_source(client, three):
    topic = TopicFactory(name="Economy", slug="economy")
    for key in ("unnamed", "document", "named"):
        three[key].topics.add(topic)
    feed = _text(client.get("/topics/economy/feed/"))
    for label in LABELS:
        assert f"<title>{label}:" in feed and f"<name>{label}</name>" in feed
    feed = _text(client.get("/topics/economy/feed/?source_type=unnamed"))
    assert "Analysts (unnamed source)" in feed and "World Bank" not in feed and "minister" not in feed


def test_api_statements_carry_and_filter_by_source_type(client, three):
    rows = client.get("/api/v1/statements/").json()["results"]
    assert {r["speaker_mention"]: (r["source_type"], r["speaker"] is None) for r in rows} == {
        "Analysts": ("unnamed", True), "A World Bank report": ("document", True), "The minister": ("named", True),
        "The bank": ("named", False)}
    rows = client.get("/api/v1/statements/?source_type=unnamed").json()["results"]
    assert [r["id"] for r in rows] == [three["unnamed"].pk]
    response = client.get("/api/v1/statements/?source_type=rumour")
    assert response.status_code == 400 and "source_type" in json.dumps(response.json())


def test_actors_with_no_statement_are_not_listed_but_keep_their_page(client, three):
    silent = ActorFactory(name="Silent Partner", slug="silent-partner", kind="person")
    rejected_only = ActorFactory(name="Rejected Speaker", slug="rejected-speaker")
    StatementFactory(speaker=rejected_only, review_status=Statement.ReviewStatus.REJECTED)
    body = _text(client.get("/actors/"))
    assert "Bank of England" in body and "Silent Partner" not in body and "Rejected Speaker" not in body
    assert "Silent Partner" not in _text(client.get("/actors/?q=silent"))
    assert "Silent Partner" not in _text(client.get("/actors/export.csv"))
    # the page itself still answers: a mention, a role or an old link may point at it
    response = client.get("/actors/silent-partner/")
    assert response.status_code == 200 and "Silent Partner" in _text(response)

    names = [a["name"] for a in client.get("/api/v1/actors/").json()["results"]]
    assert names == ["Bank of England"]
    names = [a["name"] for a in client.get("/api/v1/actors/?include_silent=true").json()["results"]]
    assert set(names) == {"Bank of England", "Silent Partner", "Rejected Speaker"}
    assert client.get("/api/v1/actors/silent-partner/").status_code == 200
    assert client.get("/api/v1/actors/?include_silent=perhaps").status_code == 400
