"""What the rules get from the parser: sentence starts, spaces, subtrees in text order."""
from __future__ import annotations

from conftest import one


def test_a_word_straight_after_a_word_never_starts_a_sentence(nlp):
    from ingest.extraction.nlp import PARAGRAPHS

    doc = nlp.make_doc("Baker cited remarks Smith had made.\nThen he left. Later he spoke.")
    doc = nlp.get_pipe(PARAGRAPHS)(doc)
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["Smith"] is False  # the parser may not split "remarks | Smith had made"
    assert starts["Then"] is True  # a line break still starts one
    assert starts["Later"] is None  # after a full stop the parser decides


def test_no_break_spaces_are_parsed_as_spaces(run):
    # with the no-break space as a token of its own, "questioned" was not read as a second report
    text = ("A police officer said Moore had confessed to the theft on video, and\xa0questioned why she would do so "
            "if it was not true.")
    first = one(run(text), "confessed")
    assert first.content == "Moore had confessed to the theft on video"
    assert first.content == text[first.content_start:first.content_end]


def test_a_subtree_out_of_text_order_still_spans_the_clause(nlp):
    # "Bo was ill — a man she knew": the apposition hangs on "Bo" across "was ill —" (a non-projective
    # parse), so the subtree of "was" does not come in text order
    from spacy.tokens import Doc

    from ingest.extraction.spans import subtree_span

    words = ["She", "said", "Bo", "was", "ill", "—", "a", "man", "she", "knew", "."]
    heads = [1, 1, 3, 1, 3, 3, 7, 2, 9, 7, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct", "det", "appos", "nsubj", "relcl", "punct"]
    spaces = [True, True, True, True, True, True, True, True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    start, end = subtree_span(doc[3])
    assert doc.text[start:end] == "Bo was ill — a man she knew"


def test_content_never_ends_inside_a_hyphenated_word():
    from ingest.extraction.spans import trim

    text = "He said the law should be re-drafted after the vote."
    end = text.index("-drafted")
    assert text[slice(*trim(text, text.index("the law"), end))] == "the law should be re-drafted"
    # a lone first half stays as it was: too short to be a statement either way
    assert text[slice(*trim(text, text.index("re-"), end))] == "re"
