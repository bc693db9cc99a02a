"""Property tests for the way in: parse() on any bytes, name and content type returns a Document or raises
ParseError, nothing else; parse then extract on generated HTML and text never fails and every offset slices
the parsed text. (tests/extraction/test_robustness.py fuzzes extract() alone.)"""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest import parsing
from ingest.extraction import Extraction, extract
from ingest.parsing import Document, ParseError

FILENAMES = st.one_of(
    st.sampled_from(["", "a.txt", "a.html", "a.HTM", "a.md", "a.pdf", "noext", ".html", "a.txt.html", "dir/a.txt",
                     "a.", "ä.txt", "a" * 300 + ".txt", "a.jsonl"]),
    st.text(max_size=40),
)
CONTENT_TYPES = st.one_of(
    st.sampled_from(["", "text/plain", "text/html", "text/html; charset=utf-16", "application/octet-stream",
                     "TEXT/HTML", "text/plain; charset=latin-1", "image/png"]),
    st.text(max_size=30),
)
MAGIC = st.sampled_from([b"", b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff",
                         b"<html>", b"<!doctype html>", b"MZ", b"\x1f\x8b"])

WORDS = st.sampled_from([
    "The minister said that taxes would rise.", "\u201cWe will win,\u201d he said.", "Lavrov told reporters",
    "according to officials,", "adding that talks would resume.", "Moscow, SANA \u2013", "By Jane Doe",
    "Published: 3 March 2024", "caf\u00e9", "\u0645\u0631\u062d\u0628\u0627", "\U0001f642", "&amp;", "&#x3c;script&#x3e;",
    "<", ">", "\u200b", "\x00", "\r\n", "\n\n",
])
TAGS = st.sampled_from(["p", "div", "article", "span", "script", "style", "b", "i", "a", "h1", "li", "table",
                        "td", "noscript", "iframe", "template", "svg"])
ATTRS = st.sampled_from(["", ' class="x"', ' onclick="alert(1)"', ' href="javascript:alert(1)"', " hidden",
                         ' style="display:none"', ' onerror=alert(1) src=x', ' data-x="<b>"'])


@st.composite
def html_pages(draw):
    def node(depth):
        if depth > 3 or draw(st.booleans()):
            return " ".join(draw(st.lists(WORDS, max_size=6)))
        tag, attr = draw(TAGS), draw(ATTRS)
        children = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 3))))
        closing = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", ""]))  # sometimes unclosed
        return f"<{tag}{attr}>{children}{closing}"

    head = draw(st.sampled_from(["", "<!doctype html>", "<html>", "<html><head><title>T</title></head>"]))
    return head + "<body>" + "".join(node(0) for _ in range(draw(st.integers(1, 5)))) + "</body></html>"


def check_extraction(doc: Document) -> None:
    result = extract(doc.text, published=doc.published)
    assert isinstance(result, Extraction)
    for s in result.statements:
        assert doc.text[s.content_start:s.content_end] == s.content
        if s.speaker_start is not None:
            assert doc.text[s.speaker_start:s.speaker_end] == s.speaker_mention


def parse_or_refuse(raw, filename, content_type):
    try:
        doc = parsing.parse(raw, filename=filename, content_type=content_type, max_bytes=100_000, max_chars=50_000)
    except ParseError as exc:
        assert str(exc).strip()  # a message for a person
        return None
    assert isinstance(doc, Document) and isinstance(doc.text, str) and doc.text.strip()
    assert "\x00" not in doc.text
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(magic=MAGIC, body=st.binary(max_size=600), filename=FILENAMES, content_type=CONTENT_TYPES)
@example(magic=b"\xff\xfe", body=b"a", filename="", content_type="")  # BOM then odd length: was UnicodeDecodeError
@example(magic=b"\xfe\xff", body=b"\xd8\x00", filename="a.txt", content_type="")  # lone surrogate
def test_parse_any_bytes_returns_a_document_or_a_parse_error(magic, body, filename, content_type):
    parse_or_refuse(magic + body, filename, content_type)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(WORDS, min_size=1, max_size=40).map(" ".join),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]))
def test_text_in_any_encoding_parses_then_extracts(text, encoding):
    raw = text.encode(encoding, errors="ignore")
    doc = parse_or_refuse(raw, "a.txt", "text/plain")
    if doc is not None:
        check_extraction(doc)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=html_pages())
def test_generated_html_parses_then_extracts(page):
    # Not asserted: that no markup survives. Entities and broken tags ("&#x3c;script&#x3e;", "<" words) come
    # through as literal text, which is data: pages escape it (tests/security/test_browser_xss.py).
    doc = parse_or_refuse(page.encode("utf-8"), "a.html", "text/html")
    if doc is not None:
        check_extraction(doc)
