"""Merge stage: nested attributions, follow-ups and which of two candidates for one statement is kept
on short sentences written for these tests (split from test_constructions.py by stage)."""
from __future__ import annotations

from conftest import one, parsed


def test_follow_up_quote_belongs_to_the_previous_speaker(run):
    text = ("Mayor Anna Berg defended the plan. “We have waited long enough for this,” she said.\n\n"
            "“The city cannot wait another decade for a bridge.”")
    s = one(run(text), "another decade")
    assert s.speaker.name == "Anna Berg"
    assert s.kind == "direct"


def test_a_follow_up_keeps_its_speaker_when_the_statement_it_follows_is_too_short_to_keep(run):
    # "criticized Smith" reports one word, which is no statement; ", saying ..." is still the mayor's
    [s] = run("Mayor Ann Ortiz criticized Smith, saying the budget was a disgrace.").statements
    assert (s.speaker.name, s.cue, s.content) == ("Ann Ortiz", "saying", "the budget was a disgrace")


def test_a_speech_verb_inside_what_was_said_is_not_a_second_statement(run):
    statements = run("The Labour party said the Green Party needed to explain how it would pay for the plan.").statements
    assert [(s.speaker.name, s.cue) for s in statements] == [("Labour", "said")]
    # a follow-up after the clause still is one
    follow = run("Anna Berg said the plan would fail, adding that the council had ignored her warnings.").statements
    assert [s.cue for s in follow] == ["said", "adding"]


def test_the_outer_attribution_wins_over_one_nested_in_what_it_reports(run):
    # "answer whether ..." is itself a cue; what police said is the whole clause around it
    s = one(run("Headline\n\nIt also does not answer whether the driver had a gun, as police have said."), "had a gun")
    assert (s.speaker.name, s.cue, s.content) == ("police", "said", "It also does not answer whether the driver had a gun")


def test_a_second_cue_left_out_of_the_first_ones_content_keeps_its_speaker(nlp):
    # as the parser read "has said his comments may have been offensive but were not racist, and said earlier
    # this week he would not apologise": the second "said" hung on "were", inside the first one's complement
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, [("Berg", 1, "nsubj", "PROPN", "NNP", "Berg"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
                        ("it", 3, "nsubj", "PRON", "PRP", "it"), ("was", 1, "ccomp", "AUX", "VBD", "be"),
                        ("late", 3, "acomp", "ADJ", "JJ", "late"), ("but", 3, "cc", "CCONJ", "CC", "but"),
                        ("was", 3, "conj", "AUX", "VBD", "be"), ("safe", 6, "acomp", "ADJ", "JJ", "safe"),
                        (",", 6, "punct", "PUNCT", ",", ","), ("and", 6, "cc", "CCONJ", "CC", "and"),
                        ("said", 6, "conj", "VERB", "VBD", "say"), ("she", 13, "nsubj", "PRON", "PRP", "she"),
                        ("would", 13, "aux", "AUX", "MD", "would"), ("stay", 10, "ccomp", "VERB", "VB", "stay"),
                        (".", 1, "punct", "PUNCT", ".", ".")])
    first, second = reported_candidates(doc, lambda pos: False)
    assert doc.text[first.start:first.end].startswith("it was late but was safe")  # the pipeline trims ", and"
    assert doc.text[second.start:second.end] == "she would stay" and second.parent is first


def test_a_cue_inside_a_relative_clause_of_the_content_is_no_follow_up_of_the_speaker(run):
    # "told" belongs to the police inside "which she was doing when police stopped her and told her to leave"
    text = ("Spokeswoman Ana Ruiz said the candidate was walking to the venue, which she was doing when police "
            "stopped her and told her to leave.")
    [s] = run(text).statements
    assert s.cue == "said" and s.content.endswith("stopped her and told her to leave")
