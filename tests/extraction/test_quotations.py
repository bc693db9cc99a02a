"""Candidates, direct quotations family: quotation marks, attribution before and after, follow-up quotes
on short sentences written for these tests (split from test_constructions.py by stage)."""
from __future__ import annotations

from conftest import one


def test_split_quote_yields_both_halves_for_the_speaker(run):
    text = ("Mayor Anna Berg opened the new library on Saturday.\n\n"
            "“We have waited twenty years for this building,” Berg said. “Now every child in town has a place to read.”")
    ex = run(text)
    first = one(ex, "waited twenty years")
    second = one(ex, "every child in town")
    assert first.speaker.name == second.speaker.name == "Anna Berg"
    assert first.kind == second.kind == "direct"
    assert first.cue == "said"
    assert first.content == "We have waited twenty years for this building"


def test_colon_quote(run):
    ex = run("Finance Minister Paul Okafor told the assembly: “The budget is balanced and the new bridge is fully funded.”")
    s = one(ex, "budget is balanced")
    assert s.speaker.name == "Paul Okafor"
    assert s.kind == "direct"
    assert s.cue == "told"


def test_straight_quote_running_on_without_its_closing_mark(run):
    text = ('Mayor Anna Berg said: "We have already doubled the budget. "We are going to double it again next year." '
            "She said the council would vote in May.")
    ex = run(text)
    assert one(ex, "doubled the budget").kind == "direct"
    assert one(ex, "double it again").speaker.name == "Anna Berg"
    reported = one(ex, "council would vote")
    assert reported.kind == "indirect" and reported.content == "the council would vote in May"


def test_curly_quote_inside_a_straight_quote(run):
    text = '"Critics call it a “vanity project” but the bridge will pay for itself," Anna Berg said.'
    s = one(run(text), "vanity project")
    assert s.content == "Critics call it a “vanity project” but the bridge will pay for itself"
    assert s.speaker.name == "Anna Berg"


def test_title_in_quotes_with_the_comma_inside_is_not_a_quotation(run):
    text = ("On Tuesday’s episode of “The Morning Money Show,” Finance Minister Paul Okafor said "
            "that inflation would fall.")
    ex = run(text)
    assert [s.content for s in ex.statements] == ["inflation would fall"]


def test_show_titles_in_quotes_are_not_quotations(run):
    text = ("“The budget is balanced,” Finance Minister Paul Okafor said on Channel 4’s “State of the Union.” "
            "He repeated it on “Face the Nation,” the Sunday programme.")
    ex = run(text)
    assert [s.content for s in ex.statements] == ["The budget is balanced"]


def test_colon_on_the_line_before_a_quoted_paragraph(run):
    text = ("Finance Minister Paul Okafor spoke to the assembly on Monday. He said:\n\n"
            "“The budget is balanced and the new bridge is fully funded. Nobody will pay more tax.”")
    s = one(run(text), "budget is balanced")
    assert s.speaker.name == "Paul Okafor"
    assert s.cue == "said"


def test_quote_attributed_after_it_past_an_abbreviated_title(run):
    # the full stop of "Ms." does not end the sentence before "said"
    text = ("Paul Okafor said the bridge would open in May.\n\n"
            "“Did we wait too long for this bridge? Probably,” Ms. Berg said on Monday.\n\n"
            "“We waited twenty years for it. Now it is done,” Mr. Lee said.")
    first = one(run(text), "wait too long")
    assert first.speaker.name == "Berg" and first.cue == "said"
    second = one(run(text), "twenty years")
    assert second.speaker.name == "Lee"
    assert second.content == "We waited twenty years for it. Now it is done"


def test_quote_after_a_colon_takes_the_subject_of_any_verb_before_it(run):
    for line, cue in (("Paul Okafor released a statement:", "released"), ("Her rival, Paul Okafor, echoed the point:", "echoed")):
        text = ("Mayor Anna Berg said the bridge would open in May.\n\n" + line + "\n\n"
                "“We have waited twenty years for this bridge and we will wait no longer.”")
        s = one(run(text), "twenty years")
        assert s.speaker.name == "Paul Okafor" and s.cue == cue


def test_quote_cue_left_without_a_subject_takes_the_person_named_before_it(nlp):
    from spacy.tokens import Doc

    from ingest.extraction.candidates.direct import speaker_of

    # "Col. Paul Okafor, an army engineer, said, “No”" with the name misparsed as an apposition, not the subject
    words = ["Col.", "Paul", "Okafor", ",", "an", "army", "engineer", ",", "said", ",", "“", "No", "”"]
    heads = [2, 2, 8, 2, 6, 6, 2, 8, 8, 8, 11, 8, 11]
    deps = ["compound", "compound", "appos", "punct", "det", "compound", "appos", "punct", "ROOT", "punct", "punct",
            "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "VERB", "PUNCT", "PUNCT", "INTJ", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=["O", "B-PERSON", "I-PERSON"] + ["O"] * 10)
    assert speaker_of(doc[8]).text == "Okafor"


def test_a_unit_full_stop_ends_the_sentence(run):
    text = ("Headline\n\nAnalyst Paul Okafor says the surcharge will fall short of a predicted extra £250m. "
            "Turnover for the quarter was up 4% to £1.97bn.")
    s = one(run(text), "surcharge")
    assert s.content == "the surcharge will fall short of a predicted extra £250m"


def test_a_quotation_opening_the_clause_keeps_its_opening_mark(run):
    s = one(run('The mayor said "serious mistakes" were made by the police.'), "mistakes")
    assert s.content == '"serious mistakes" were made by the police'


def test_a_quote_closed_with_a_misturned_opening_mark(run):
    ex = run("The council met on Monday.\n\n“The truth is, if the town loses the bridge, that could create real "
             "problems for us here,“ said Paul Okafor, a councillor from Leeds.")
    s = one(ex, "The truth is")
    assert s.speaker.name == "Paul Okafor" and s.content.endswith("for us here")


def test_the_name_right_after_a_quote_speaks_when_the_parser_loses_the_subject(run):
    ex = run("The bridge was closed in 1986.\n\n''If the council had listened to us, we would have saved millions of "
             "pounds,'' Mr. Okafor, now 81 and retired in Cambridge, Mass., said by telephone this week.")
    assert one(ex, "saved millions").speaker.name == "Okafor"


def test_a_short_first_half_of_a_split_quote_and_its_second_half(run):
    ex = run('Mr. Okafor was angry. "That, sadly," he said, "is part of the price of living in a city that never '
             'plans ahead."')
    assert [(s.speaker.name, s.content) for s in ex.statements] == [
        ("Okafor", "That, sadly"), ("Okafor", "is part of the price of living in a city that never plans ahead")]


def test_a_pronoun_subject_of_the_clause_is_no_speaker_of_a_quote_in_it(run):
    s = one(run('Peter Hall resigned on Monday. Critics said he was "a disgrace to the office he held for six years".'),
            "disgrace")
    assert s.speaker.name == "Critics" and s.kind == "mixed" and s.content.startswith("he was")


def test_a_short_reply_opening_its_sentence_with_a_cue_after_it(run):
    ex = run('Anna Berg took questions. "But why?" reporter Paul Okafor asked her. The tax was a "job killer," she said.')
    assert one(ex, "But why").speaker.name == "Paul Okafor"
    assert not [s for s in ex.statements if s.content == "job killer"]  # a quoted phrase inside a sentence is not one


def test_a_person_named_right_before_a_colon_introduces_the_quote(run):
    ex = run("The debate began in the nineties. Here’s Clinton in December 1992: “Our new direction must rest on an "
             "understanding of the new realities of global competition.”")
    assert one(ex, "new direction").speaker.name == "Clinton"
    ex = run("This is what the report said about Clinton: “She was careless with classified information.”")
    assert one(ex, "careless").speaker.name != "Clinton"  # named as the topic, after the one who speaks


def test_a_quotation_that_is_the_whole_complement_ends_at_its_closing_mark(run):
    ex = run("Paul Okafor attacked her on Monday. Okafor wrote on Twitter “It’s time to end her political career for "
             "good,” and shared a link to his campaign fundraising page.")
    assert one(ex, "time to end").content == "It’s time to end her political career for good"
