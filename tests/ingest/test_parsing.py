"""Reading an article's own header: headline, dateline, publisher, byline, date; decoding; type checks."""
import datetime as dt

import pytest

from ingest.parsing import ParseError, decode, normalized_text_hash, parse, parse_text


@pytest.mark.parametrize(
    "first_paragraph, dateline, publisher",
    [
        ("Moscow, SANA – Russian Foreign Minister Sergey Lavrov said", "Moscow", "SANA"),
        ("WASHINGTON (Reuters) - The Senate voted on Tuesday", "Washington", "Reuters"),
        ("LONDON, March 3 (AP) — Britain's finance minister said", "London", "AP"),
        ("Damascus, SANA- The Foreign Ministry said", "Damascus", "SANA"),
    ],
)
def test_dateline_and_publisher_from_the_first_paragraph(first_paragraph, dateline, publisher):
    doc = parse_text(f"A headline\n\n{first_paragraph} that talks would go on.")
    assert (doc.dateline, doc.publisher) == (dateline, publisher)
    assert doc.title == "A headline"


def test_ordinary_sentences_are_not_datelines():
    doc = parse_text("Headline\n\nIn Paris, officials said the talks - which began Monday - would go on.")
    assert (doc.dateline, doc.publisher) == ("", "")


def test_byline_and_date_lines():
    doc = parse_text("Budget day\nBy Jane Smith and Ali Khan\nPublished: 4 March 2024\n\nThe chancellor said ...")
    assert doc.byline == "Jane Smith and Ali Khan"
    assert doc.published == dt.date(2024, 3, 4)
    assert parse_text("Title\nMarch 5, 2023\n\nText here.").published == dt.date(2023, 3, 5)


def test_a_single_line_has_no_title():
    assert parse_text("The mayor said the roads are open.").title == ""


def test_html_metadata_and_boilerplate():
    html = b"""<html><head><title>Site | Budget</title><meta name="author" content="Jane Smith">
    <meta property="article:published_time" content="2024-03-04T10:00:00Z"><meta property="og:site_name" content="Example News">
    </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Budget balanced next year, says minister</h1>
    <p>The finance minister said on Monday that the budget would be balanced next year, despite slower growth.</p>
    <p>Opposition leaders said the plan relied on optimistic forecasts that few economists shared this year.</p></article>
    <aside class="related"><h3>Read more</h3><a href="/x">Other story about something else entirely</a></aside>
    <footer>Copyright Example News</footer></body></html>"""
    doc = parse(html, filename="a.html")
    assert doc.published == dt.date(2024, 3, 4)
    assert doc.publisher == "Example News"
    assert doc.byline == "Jane Smith"
    assert "budget would be balanced" in doc.text
    assert "Copyright" not in doc.text and "Home" not in doc.text


def test_text_hash_ignores_spacing_and_case():
    assert normalized_text_hash("The  minister\nsaid.") == normalized_text_hash("the minister said.")
    assert normalized_text_hash("The minister said.") != normalized_text_hash("The minister said!")


@pytest.mark.parametrize("raw", ["Ça va, café".encode("utf-8"), "Ça va, café".encode("utf-8-sig")])
def test_utf8_with_and_without_bom(raw):
    assert decode(raw) == "Ça va, café"


def test_unknown_file_type_is_refused_with_the_accepted_ones():
    with pytest.raises(ParseError, match=r"\.docx are not accepted. Accepted: plain text"):
        parse(b"some text", filename="report.docx")


def test_markup_that_trips_the_date_search_is_refused_with_a_clear_error():
    # htmldate asserts on a page whose only element is an <iframe> (found by tests/reliability's generated pages)
    with pytest.raises(ParseError, match="No article text was found"):
        parse(b"<body><iframe>hello world</iframe></body></html>", filename="a.html", content_type="text/html")


def test_a_passage_without_a_sentence_end_over_the_limit_is_refused_saying_what_to_do():
    text = "A long read\n\nIt began. " + "word " * 1_200 + "and so on.\nThe end."
    assert parse(text.encode(), max_sentence_chars=6_100).text == text
    with pytest.raises(ParseError) as refused:
        parse(text.encode(), max_sentence_chars=5_000)
    message = str(refused.value)
    assert "6,010 characters without a sentence end" in message and "MAX_SENTENCE_CHARS" in message
    assert "from character 22" in message and "word word" in message


def test_no_real_article_is_refused_by_the_length_limits(shared_dir, settings):
    """Every BBC sample article and every PolNeAR dev and train text passes the default limits."""
    import json

    from ingest.parsing import longest_passage

    texts = [(path.name, path.read_bytes()) for path in sorted((shared_dir / "corpora" / "bbc-sample").rglob("*.txt"))]
    for name in ("polnear-dev.json", "polnear-train.json"):
        texts += [(item["id"], item["text"].encode()) for item in json.loads((shared_dir / "eval" / name).read_text())]
    assert len(texts) > 1000
    longest = max(
        (longest_passage(parse(raw, filename="a.txt", max_chars=settings.MAX_ARTICLE_CHARS,
                               max_sentence_chars=settings.MAX_SENTENCE_CHARS).text)[0], name)
        for name, raw in texts
    )
    assert longest[0] < settings.MAX_SENTENCE_CHARS / 4, longest  # 979 characters, a list of names, when written


def test_html_entities_in_plain_text_are_decoded_and_other_ampersands_kept():
    doc = parse_text("Barroso visit\n\nThe Commission president, Jos&eacute; Manuel Barroso, met AT&amp;T staff "
                     "&#8211; briefly.")
    assert doc.text == "Barroso visit\n\nThe Commission president, José Manuel Barroso, met AT&T staff – briefly."
    plain = "Spending on R&D; rose, said M&S and Procter & Gamble."
    assert parse_text(plain).text == plain  # no entity in it: left as it is
    assert parse("Headline\n\nJos&eacute; Manuel Barroso said the budget was fair.".encode(), filename="a.txt").text \
        == "Headline\n\nJosé Manuel Barroso said the budget was fair."
    assert parse_text("Jos&eacute; said so.", entities=False).text == "Jos&eacute; said so."
