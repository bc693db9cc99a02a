"""Organisations as speakers: initials, an organisation named in a role phrase or owning a document, its spokespeople."""
from __future__ import annotations

from conftest import one, parsed, reported_in, table, token_rows


def test_initials_and_full_name_are_one_actor_named_as_the_article_mostly_does(run):
    text = ("Oil demand to rise\n\n"
            "The International Energy Agency (IEA) warned that demand would outstrip supply. "
            "The IEA raised its estimate of oil demand growth. "
            "The Paris-based IEA watchdog said the upward revision was due to stronger demand from China.")
    ex = run(text)
    warned, said = one(ex, "outstrip supply"), one(ex, "upward revision")
    assert warned.speaker.name == said.speaker.name == "IEA"
    assert "International Energy Agency" in warned.speaker.aliases


def test_a_statement_issued_speaks_for_whoever_issued_it(run):
    # "saying"/"calling" hang on the statement, which names no one itself
    cases = {
        "Acme Corp released a statement saying it would close the plant in March.": ("Acme Corp", "it would close"),
        # (quoted: a naming without its quotation marks is no statement, candidates/unstated.py)
        "The Security Council issued a statement calling the test “a clear violation” of its resolutions.":
            ("Security Council", "the test “a clear violation”"),
    }
    for text, (speaker, content) in cases.items():
        s = one(run(text), content)
        assert s.speaker.name == speaker, text


def test_a_relative_clause_hung_on_the_verb_still_speaks_for_the_noun_before_which(nlp):
    # as the parser read "... turned to the Chicago Police Department which reported “2,521 shooting incidents” ..."
    # (quoted: a bare noun phrase without its marks is no statement, candidates/unstated.py)
    doc, [cand] = reported_in(nlp, table("they-turned-to-police-which"))
    assert (doc.text[cand.start:cand.end], cand.subject.text) == ("forty serious fires", "police")


def _ents(nlp, rows, ents):
    from ingest.extraction.speakers import relabel_people

    doc = parsed(nlp, rows, ents)
    relabel_people(doc)
    return [(e.text, e.label_) for e in doc.ents]


def test_initials_the_ner_read_as_a_person_are_an_organisation(nlp):
    rows = token_rows(table("he-spied-for-mi6"))
    assert _ents(nlp, rows, ["O", "O", "O", "B-PERSON", "O"]) == [("MI6", "ORG")]
    # a surname set in capitals that the article also writes as a name stays a person
    rows[3] = ("OBAMA", 2, "pobj", "PROPN", "NNP", "OBAMA")
    rows += token_rows(table("barack-obama-left"))
    ents = ["O", "O", "O", "B-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"]
    assert _ents(nlp, rows, ents) == [("OBAMA", "PERSON"), ("Barack Obama", "PERSON")]


def test_a_person_the_ner_ran_on_past_the_name_is_cut_back_and_a_numbered_place_is_no_one(nlp):
    rows = token_rows(table("david-kahn-a-left-perm"))
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"]
    assert _ents(nlp, rows, ents) == [("David Kahn", "PERSON")]


def test_a_one_word_person_referred_to_only_as_it_is_an_organisation(run):
    text = ("Velkor lost its appeal in a Texas court on Friday. Velkor said it would consider its options. "
            "However, it claimed that the court had backed its argument on four issues.")
    ex = run(text)
    assert {(s.speaker.name, s.speaker.kind) for s in ex.statements} == {("Velkor", "organization")}
    # "Mr Howard said it would be ...": a person, whatever "it" stands for
    [s] = run("In the Commons, Mr Howard said it would be far better if it was subject to a sunset clause.").statements
    assert (s.speaker.name, s.speaker.kind) == ("Howard", "person")
