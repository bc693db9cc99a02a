"""Word-by-word differences between two copies' wordings (statements.clustering.diff): pure, invented sentences."""
from statements.clustering.diff import DELETED, EQUAL, INSERTED, Piece, is_unchanged, to_html, word_diff


def test_case_quotation_marks_and_punctuation_are_not_differences_and_the_copy_is_shown_as_written():
    pieces = word_diff("We will build the bridge, and soon.", "“we will build the bridge and soon”")
    assert is_unchanged(pieces)
    assert pieces == [Piece(EQUAL, "“we will build the bridge and soon”")]


def test_a_trimmed_copy_leaves_out_words_and_a_changed_word_is_deleted_then_inserted():
    assert word_diff("The port will reopen in May after the repairs", "The port will reopen in May") == [
        Piece(EQUAL, "The port will reopen in May"), Piece(DELETED, "after the repairs")]
    assert word_diff("The port will reopen in May", "The port shall reopen in early May") == [
        Piece(EQUAL, "The port"), Piece(DELETED, "will"), Piece(INSERTED, "shall"), Piece(EQUAL, "reopen in"),
        Piece(INSERTED, "early"), Piece(EQUAL, "May")]


def test_html_escapes_every_word_and_marks_insertions_and_deletions():
    html = to_html(word_diff("Prices <b>rose</b> fast", 'Prices <script>alert("x")</script> rose fast'))
    assert "<script>" not in html and "<b>" not in html
    assert html == ('Prices <del>&lt;b&gt;rose&lt;/b&gt;</del> <ins>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; '
                    "rose</ins> fast")
