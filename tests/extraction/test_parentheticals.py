"""Attributions the parser hangs in unusual places: ", officials say,", ", as one adviser noted,", "..., she said." after a
fragment, "are quick to point out that"."""
from __future__ import annotations

from conftest import one, parsed


def _candidates(nlp, rows, ents=None):
    """The parse as the rows give it, and the reported-speech candidates found in it."""
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, rows, ents)
    return doc, reported_candidates(doc, lambda pos: False)


def test_a_cue_set_into_an_agentless_passive_reports_the_whole_clause(run):
    # "they have been told" names no one who told: it is part of what the officials say, not a second statement
    text = "In some districts, local officials say, they have been told to close the schools early."
    s = one(run(text), "close the schools")
    assert (s.speaker.name, s.cue) == ("local officials", "say")
    assert s.content == "In some districts, local officials say, they have been told to close the schools early"


def test_a_verbless_fragment_before_she_said_is_what_she_said(run):
    # the parser reads "Builders like Mr Kane" as a second subject of "said"
    text = "Mayor Ann Ortiz spoke at the rally on Friday. “We need builders.” Builders like Mr Kane, she said."
    s = one(run(text), "Builders like")
    assert (s.content, s.speaker.name, s.cue) == ("Builders like Mr Kane", "Ann Ortiz", "said")


def test_as_someone_pointed_out_set_into_a_clause_names_the_speaker_and_reports_the_clause(run):
    # the parser hangs "as" on the cue or on the clause's subject and takes that subject for the cue's
    cases = {
        "Venice, as one of the city's engineers pointed out, rarely floods in June.": "one of the city's engineers",
        "Oslo, as one of the mayor's advisers noted, seldom sees such storms.": "one of the mayor's advisers",
    }
    for text, speaker in cases.items():
        [s] = run(text).statements
        assert (s.speaker.name, s.content) == (speaker, text.rstrip(".")), text


def test_a_subject_before_as_expected_is_still_the_speaker(run):
    [s] = run("Smith, as expected, said the vote would pass.").statements
    assert (s.speaker.name, s.content) == ("Smith", "the vote would pass")


def test_quick_to_point_out_is_said_by_the_subject_of_the_adjective_but_unlikely_to_say_is_not(run):
    [s] = run("Aides to Governor Ruth Alder are quick to point out that jobless claims fell, and that wages rose.").statements
    assert (s.speaker.name, s.cue) == ("Aides to Governor Ruth Alder", "point out")  # a group: all its words
    assert s.content == "jobless claims fell, and that wages rose"  # the second "that" clause hangs on "are"
    assert not run("Governor Ruth Alder is unlikely to say that the plan failed.").statements


def test_a_subject_the_parser_hung_on_the_phrase_before_is_found_again(nlp):
    # as the parser read "At Boca West, ..., Jay DiPietro, the club's manager, suggested that ...": the name in
    # apposition to the place, the role in apposition to the name, and no subject for "suggested"
    rows = [("At", 10, "prep", "ADP", "IN", "at"), ("Elm", 2, "compound", "PROPN", "NNP", "Elm"),
            ("Grove", 0, "pobj", "PROPN", "NNP", "Grove"), (",", 2, "punct", "PUNCT", ",", ","),
            ("Tara", 5, "compound", "PROPN", "NNP", "Tara"), ("Voss", 2, "appos", "PROPN", "NNP", "Voss"),
            (",", 5, "punct", "PUNCT", ",", ","), ("the", 8, "det", "DET", "DT", "the"),
            ("manager", 5, "appos", "NOUN", "NN", "manager"), (",", 10, "punct", "PUNCT", ",", ","),
            ("suggested", 10, "ROOT", "VERB", "VBD", "suggest"), ("that", 14, "mark", "SCONJ", "IN", "that"),
            ("fees", 14, "nsubj", "NOUN", "NNS", "fee"), ("would", 14, "aux", "AUX", "MD", "would"),
            ("rise", 10, "ccomp", "VERB", "VB", "rise"), (".", 10, "punct", "PUNCT", ".", ".")]
    ents = ["O", "B-FAC", "I-FAC", "O", "B-PERSON", "I-PERSON"] + ["O"] * 10
    [cand] = _candidates(nlp, rows, ents)[1]
    assert cand.subject.text == "Voss"
    # with no comma before the verb the phrase right before it is the subject itself
    rows[9:10] = []
    rows = [(w, h - (h > 9), d, p, t, lem) for w, h, d, p, t, lem in rows]
    [cand] = _candidates(nlp, rows, ents[:-1])[1]
    assert cand.subject.text == "manager"


def test_a_speech_verb_read_as_a_plural_noun_after_a_name_is_still_the_cue(nlp):
    # as the parser read "But Voss claims that he ...": the name a common noun, "claims" its plural, the clause on it
    rows = [("But", 2, "cc", "CCONJ", "CC", "but"), ("Voss", 2, "nsubj", "NOUN", "NN", "voss"),
            ("claims", 2, "ROOT", "NOUN", "NNS", "claim"), ("that", 6, "mark", "SCONJ", "IN", "that"),
            ("he", 6, "nsubj", "PRON", "PRP", "he"), ("should", 6, "aux", "AUX", "MD", "should"),
            ("win", 2, "ccomp", "VERB", "VB", "win"), (".", 2, "punct", "PUNCT", ".", ".")]
    [cand] = _candidates(nlp, rows)[1]
    assert (cand.subject.text, cand.cue_token.text) == ("Voss", "claims")
    # a plural noun after a lower-case noun is a noun ("the protests demands that ...")
    rows[1] = ("protest", 2, "compound", "NOUN", "NN", "protest")
    assert not _candidates(nlp, rows)[1]


def test_a_verb_the_parser_made_the_cues_second_verb_right_after_the_complement_belongs_to_it(nlp):
    # as the parser read "Straw said the number of Britons dead have reached 440": "reached" conjoined to "said"
    rows = [("Straw", 1, "nsubj", "PROPN", "NNP", "Straw"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("the", 3, "det", "DET", "DT", "the"), ("number", 6, "nsubj", "NOUN", "NN", "number"),
            ("of", 3, "prep", "ADP", "IN", "of"), ("Britons", 4, "pobj", "PROPN", "NNPS", "Britons"),
            ("dead", 1, "ccomp", "ADJ", "JJ", "dead"), ("have", 8, "aux", "AUX", "VBP", "have"),
            ("reached", 1, "conj", "VERB", "VBN", "reach"), ("440", 8, "dobj", "NUM", "CD", "440"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    doc, [cand] = _candidates(nlp, rows)
    assert doc.text[cand.start:cand.end] == "the number of Britons dead have reached 440"
    # a verb with a subject of its own is the writer's next clause
    rows[7:8] = [("they", 8, "nsubj", "PRON", "PRP", "they")]
    doc, [cand] = _candidates(nlp, rows)
    assert doc.text[cand.start:cand.end] == "the number of Britons dead"
