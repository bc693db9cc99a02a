"""The article text renderer: statements marked in place, every piece of article text escaped."""
from types import SimpleNamespace

from statements.templatetags.article_text import paragraphs, render_highlighted, search_headline


def stmt(pk, start, end, speaker="Lavrov", kind="direct", cue="said"):
    return SimpleNamespace(
        pk=pk, content_start=start, content_end=end, kind=kind, cue=cue, speaker_id=1,
        speaker=SimpleNamespace(name=speaker), speaker_label=speaker, speaker_mention="", get_absolute_url=lambda: f"/statements/{pk}/",
    )


def test_paragraphs_split_on_blank_lines():
    text = "One.\n\nTwo\nlines.\n \nThree."
    assert [text[a:b] for a, b in paragraphs(text)] == ["One.", "Two\nlines.", "Three."]


def test_statement_marked_with_speaker_link_and_rest_escaped():
    text = "Intro <b>bold</b>.\n\nHe said peace is near & close."
    start = text.index("peace")
    html = render_highlighted(text, [stmt(7, start, len(text) - 1, speaker="A <i>B</i>")])
    assert "<p>Intro &lt;b&gt;bold&lt;/b&gt;.</p>" in html
    assert '<mark class="hl kind-direct" id="st-7"><a class="who" href="/statements/7/" title="A &lt;i&gt;B' in html
    assert "A &lt;i&gt;B&lt;/i&gt; · said</a>peace is near &amp; close</mark>." in html


def test_span_across_paragraphs_is_marked_in_each_and_labelled_once():
    text = "First part.\n\nSecond part."
    html = render_highlighted(text, [stmt(1, 6, len(text))])
    assert html.count("<mark") == 2 and html.count('class="who"') == 1


def test_overlapping_and_out_of_range_spans_do_not_break_the_text():
    text = "abcdefghij"
    html = render_highlighted(text, [stmt(1, 0, 5), stmt(2, 3, 8), stmt(3, 8, 99)])
    assert html.count("<mark") == 2  # the overlapping span is dropped, the long one clipped
    assert "abcde" in html and "fgh" in html and "ij" in html


def test_within_keeps_only_the_paragraph_of_the_statement():
    text = "Before.\n\nThe quote here.\n\nAfter."
    start = text.index("quote")
    html = render_highlighted(text, [stmt(1, start, start + 5)], within=(start, start + 5), current_pk=1)
    assert "Before" not in html and "After" not in html and "current" in html


def test_search_headline_escapes_everything_but_mark():
    content = 'a bomb <script>x</script> <img onerror=y>'
    s = SimpleNamespace(headline='a <mark>bomb</mark> <script>x</script> <img onerror=y>', content=content)
    assert search_headline(s) == "a <mark>bomb</mark> &lt;script&gt;x&lt;/script&gt; &lt;img onerror=y&gt;"
    s = SimpleNamespace(headline='the <mark>middle</mark> part', content="Start of the middle part and end")
    assert search_headline(s) == "…the <mark>middle</mark> part…"
    plain = SimpleNamespace(content="<script>" + "x" * 400)
    out = search_headline(plain)
    assert out.startswith("&lt;script&gt;") and out.endswith("…")
