"""A quotation followed by its attribution when the quote does not end with a comma."""
from __future__ import annotations


def statements(ex):
    return [(s.speaker.name if s.speaker else None, s.content, s.kind, s.cue) for s in ex.statements]


def test_a_quoted_question_belongs_to_who_asked_it(run):
    ex = run("“Why would we ever stop the project now?” Anna Berg asked.")
    assert statements(ex) == [("Anna Berg", "Why would we ever stop the project now", "direct", "asked")]


def test_a_quote_closing_its_sentence_belongs_to_a_bare_attribution_after_it(run):
    ex = run("“We will never stop the project now.” Anna Berg later recalled.")
    assert statements(ex) == [("Anna Berg", "We will never stop the project now", "direct", "recalled")]


def test_a_quote_closing_its_sentence_is_not_given_to_the_next_statement(run):
    ex = run("“We will never stop the project now.” Anna Berg said the vote was close.")
    assert [s.content for s in ex.statements if s.cue == "said"] == ["the vote was close"]
    assert not any(s.content.startswith("We will never") and s.cue == "said" for s in ex.statements)


def test_asked_after_a_statement_in_quotes_is_not_its_cue(run):
    ex = run("“The project will stop now,” Anna Berg asked the council to note on Monday.")
    assert not any(s.cue == "asked" and s.kind == "direct" for s in ex.statements)
