"""Attributions the parser hangs in unusual places: ", officials say,", ", as one adviser noted,", "..., she said." after a
fragment, "are quick to point out that"."""
from __future__ import annotations

from conftest import reported_in, table, token_rows


def test_as_someone_pointed_out_set_into_a_clause_names_the_speaker_and_reports_the_clause(run):
    # the parser hangs "as" on the cue or on the clause's subject and takes that subject for the cue's
    cases = {
        "Venice, as one of the city's engineers pointed out, rarely floods in June.": "one of the city's engineers",
        "Oslo, as one of the mayor's advisers noted, seldom sees such storms.": "one of the mayor's advisers",
    }
    for text, speaker in cases.items():
        [s] = run(text).statements
        assert (s.speaker.name, s.content) == (speaker, text.rstrip(".")), text


def test_a_subject_the_parser_hung_on_the_phrase_before_is_found_again(nlp):
    # as the parser read "At Boca West, ..., Jay DiPietro, the club's manager, suggested that ...": the name in
    # apposition to the place, the role in apposition to the name, and no subject for "suggested"
    rows = token_rows(table("at-elm-grove-tara-voss"))
    ents = ["O", "B-FAC", "I-FAC", "O", "B-PERSON", "I-PERSON"] + ["O"] * 10
    [cand] = reported_in(nlp, rows, ents)[1]
    assert cand.subject.text == "Voss"
    # with no comma before the verb the phrase right before it is the subject itself
    rows[9:10] = []
    rows = [(w, h - (h > 9), d, p, t, lem) for w, h, d, p, t, lem in rows]
    [cand] = reported_in(nlp, rows, ents[:-1])[1]
    assert cand.subject.text == "manager"


def test_a_speech_verb_read_as_a_plural_noun_after_a_name_is_still_the_cue(nlp):
    # as the parser read "But Voss claims that he ...": the name a common noun, "claims" its plural, the clause on it
    rows = token_rows(table("but-voss-claims-that-he"))
    [cand] = reported_in(nlp, rows)[1]
    assert (cand.subject.text, cand.cue_token.text) == ("Voss", "claims")
    # a plural noun after a lower-case noun is a noun ("the protests demands that ...")
    rows[1] = ("protest", 2, "compound", "NOUN", "NN", "protest")
    assert not reported_in(nlp, rows)[1]


def test_a_verb_the_parser_made_the_cues_second_verb_right_after_the_complement_belongs_to_it(nlp):
    # as the parser read "Straw said the number of Britons dead have reached 440": "reached" conjoined to "said"
    rows = token_rows(table("straw-said-the-number-of"))
    doc, [cand] = reported_in(nlp, rows)
    assert doc.text[cand.start:cand.end] == "the number of Britons dead have reached 440"
    # a verb with a subject of its own is the writer's next clause
    rows[7:8] = [("they", 8, "nsubj", "PRON", "PRP", "they")]
    doc, [cand] = reported_in(nlp, rows)
    assert doc.text[cand.start:cand.end] == "the number of Britons dead"
