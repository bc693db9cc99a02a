"""Every kind of bad input gets a message a person can act on, and the database stays consistent."""
import pytest

from ingest import services
from ingest.services import ArticleRejected
from statements.models import Source, Statement

pytestmark = pytest.mark.django_db(transaction=True)

ENGLISH = "Minister speaks\n\nThe minister said that the new bridge would open in May, officials said on Monday.\n"


def processed(raw, filename="a.txt", content_type=""):
    submission = services.submit_article(raw=raw, filename=filename, content_type=content_type)
    source = Source.objects.get(pk=submission.source.pk)
    assert bytes(source.original) == raw  # stored before anything else: nothing lost
    return source


@pytest.mark.parametrize("raw", [b"", b"   \n\t  \r\n"])
def test_empty_is_refused_with_a_message(raw):
    with pytest.raises(ArticleRejected, match="empty"):
        services.submit_article(raw=raw, filename="empty.txt")
    assert Source.objects.count() == 0


def test_oversized_is_refused_with_the_limit(settings):
    settings.MAX_ARTICLE_BYTES = 1000
    with pytest.raises(ArticleRejected, match="over the limit of 1,000 bytes"):
        services.submit_article(raw=b"x" * 1001, filename="big.txt")
    assert Source.objects.count() == 0


@pytest.mark.parametrize(
    "raw, filename, expected",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a.txt", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo", "PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a.md", "ZIP archive"),
        (bytes(range(256)) * 40, "noise.txt", "could not be decoded"),
    ],
)
def test_binary_named_as_text_is_failed_with_accepted_types(raw, filename, expected):
    source = processed(raw, filename)
    assert source.status == Source.Status.FAILED
    assert expected in source.error
    assert not Statement.objects.exists()


@pytest.mark.parametrize("raw, filename", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a.pdf"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.png"),
    (b"PK\x03\x04\x14\x00\x06\x00", "a.docx"),
    (bytes(range(256)) * 40, "noise.bin"),
])
def test_a_file_type_that_is_no_article_is_refused_at_the_door(raw, filename):
    with pytest.raises(ArticleRejected, match="Accepted: plain text") as refused:
        services.submit_article(raw=raw, filename=filename)
    assert refused.value.code == "unsupported_type"
    assert Source.objects.count() == 0


def test_invalid_utf8_in_a_legacy_encoding_is_decoded():
    raw = ENGLISH.replace("bridge", "café bridge").encode("cp1252")
    source = processed(raw)
    assert source.status == Source.Status.DONE, source.error
    assert "café" in source.text


def test_utf16_without_bom_is_decoded():
    source = processed(ENGLISH.encode("utf-16-le"))
    assert source.status == Source.Status.DONE, source.error
    assert source.text.startswith("Minister speaks")


def test_long_single_line_fails_with_the_limit(settings):
    settings.MAX_ARTICLE_CHARS = 200_000
    source = processed(("word " * 210_000).encode())
    assert source.status == Source.Status.FAILED
    assert "over the limit of 200,000" in source.error


def test_deeply_nested_html_fails_with_a_message_and_the_app_goes_on():
    html = "<html><body>" + "<div>" * 5000 + "<p>" + ENGLISH + "</p>" + "</div>" * 5000 + "</body></html>"
    source = processed(html.encode(), "deep.html", "text/html")
    # libxml2 refuses trees this deep; the upload is kept and the editor is told what to do.
    assert source.status == Source.Status.FAILED
    assert "HTML holds no readable main text" in source.error
    assert processed(ENGLISH.encode()).status == Source.Status.DONE


def test_script_payloads_are_dropped_from_html_and_kept_as_text_in_plain_text():
    html = (
        "<html><head><title>Budget</title><script>alert('x')</script></head><body><article>"
        "<p>The minister said that the budget <img src=x onerror=alert(1)> would be balanced.</p>"
        "<p>Opposition leaders said the plan was a fantasy that could never work in practice.</p>"
        "</article></body></html>"
    )
    source = processed(html.encode(), "a.html", "text/html")
    assert source.status == Source.Status.DONE, source.error
    assert "alert" not in source.text and "onerror" not in source.text
    text_source = processed(b"Title\n\nThe mayor said <script>alert(1)</script> the bridge is open.\n")
    assert text_source.status == Source.Status.DONE
    assert "<script>" in text_source.text  # plain text is kept as written; pages escape it


def test_other_language_fails_with_the_language_named():
    french = (
        "Le ministre parle\n\nLe ministre des Affaires étrangères a déclaré lundi que les États-Unis refusaient "
        "de mettre en œuvre leur accord avec la Russie sur la séparation des groupes armés."
    )
    source = processed(french.encode())
    assert source.status == Source.Status.FAILED
    assert "French" in source.error and "English" in source.error


def test_article_without_statements_is_done_with_none():
    source = processed(b"Weather\n\nRain is expected across the north tomorrow, with sunny spells later in the week.\n")
    assert source.status == Source.Status.DONE
    assert source.statements.count() == 0


def test_html_without_main_text_fails_with_a_message():
    source = processed(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "x.html", "text/html")
    assert source.status == Source.Status.FAILED
    assert "No article text" in source.error
