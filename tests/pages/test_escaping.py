"""Text from articles (and everything extracted from them) is shown as text, never run, on every page."""
import pytest

from tests.pages.builders import hostile_world

pytestmark = pytest.mark.django_db

RAW = ["<script>alert(", "<img src=x onerror", "<img src=x"]
ESCAPED = "&lt;script&gt;alert("


def _body(response):
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


@pytest.fixture
def hostile():
    return hostile_world()


@pytest.mark.parametrize("url", [
    "/", "/?period=7d", "/actors/", "/actors/?q=evil", "/actors/evil/", "/topics/", "/topics/evil-topic/",
    "/sources/{source}/", "/statements/{statement}/", "/search/", "/search/?q=fine", "/search/?q=alert",
    "/search/?q=alert+fine", "/search/?actor=evil&topic=evil-topic",
])
def test_payloads_show_as_text(client, hostile, url):
    response = client.get(url.format(source=hostile["source"].pk, statement=hostile["statement"].pk))
    body = _body(response)
    assert response.status_code == 200
    for raw in RAW:
        assert raw not in body, f"{raw!r} unescaped on {url}"
    assert ESCAPED in body or "&lt;img" in body, f"payload not shown as text on {url}"


def test_payload_inside_a_highlight_is_escaped(client, hostile):
    body = _body(client.get(f"/sources/{hostile['source'].pk}/"))
    assert '<mark class="hl kind-indirect" id="st-' in body
    assert "He said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; was fine." in body


def test_search_headline_keeps_marks_and_escapes_the_rest(client, hostile, postgres_only):
    body = _body(client.get("/search/?q=fine"))
    assert "<mark>fine</mark>" in body
    assert "<script>" not in body.replace('<script src="/static/js/site.js" defer></script>', "")


@pytest.mark.parametrize("url", ["/actors/evil/feed/", "/topics/evil-topic/feed/"])
def test_feeds_escape(client, hostile, url):
    body = _body(client.get(url))
    assert "<script>" not in body and "&lt;script&gt;" in body


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_exports_carry_the_text_verbatim(client, hostile, fmt):
    body = _body(client.get(f"/statements/export.{fmt}"))
    assert "onerror=alert(1)" in body  # data, not HTML: exported as written
    assert "text/html" not in client.get(f"/statements/export.{fmt}")["Content-Type"]
